using LogCorrelator.Ingest.Formats.Network;
using static LogCorrelator.Tests.Ingest.Network.NetworkRun;

namespace LogCorrelator.Tests.Ingest.Network;

public sealed class PacketsFormatTests
{
    private static readonly PacketsFormat Format = new();

    // The recording: five resets from 1433 within one second (frames 40-56), one from the closed
    // port 1434 (frame 58), and ten SYNs to 1433 in that same second (frames 1-53).
    private static List<string> Recorded(string day, string[] millis, int shift) =>
    [
        $"{day} 02:35:26.{millis[0]} rst count=- peer=127.0.0.1:60948 port=1433 line={40 + shift} src=127.0.0.1:1433; dst=127.0.0.1:60948; flags=R.",
        $"{day} 02:35:26.{millis[1]} rst count=- peer=127.0.0.1:60950 port=1433 line={44 + shift} src=127.0.0.1:1433; dst=127.0.0.1:60950; flags=R.",
        $"{day} 02:35:26.{millis[2]} rst count=- peer=127.0.0.1:60964 port=1433 line={48 + shift} src=127.0.0.1:1433; dst=127.0.0.1:60964; flags=R.",
        $"{day} 02:35:26.{millis[3]} rst count=- peer=127.0.0.1:60974 port=1433 line={52 + shift} src=127.0.0.1:1433; dst=127.0.0.1:60974; flags=R.",
        $"{day} 02:35:26.{millis[4]} rst count=- peer=127.0.0.1:60988 port=1433 line={56 + shift} src=127.0.0.1:1433; dst=127.0.0.1:60988; flags=R.",
        $"{day} 02:35:26.{millis[5]} rst count=- peer=127.0.0.1:57164 port=1434 line={58 + shift} src=127.0.0.1:1434; dst=127.0.0.1:57164; flags=R.",
        $"{day} 02:35:26.000 rst count=5 peer=- port=1433 line={40 + shift} burst=1",
        $"{day} 02:35:26.000 info count=10 peer=- port=1433 line={1 + shift} syn-burst=1",
    ];

    // tshark -t ad and tcpdump print 02:35:26.561315, .561504, .561607, .566906, .567295, .567495.
    private static readonly string[] Absolute = ["561", "561", "561", "566", "567", "567"];

    // Relative seconds .357938, .358127, .358230, .363529, .363918, .364118 after a start of 26.203.
    private static readonly string[] FromStart = ["560", "561", "561", "566", "566", "567"];

    [Fact]
    public void Tshark_with_absolute_dates_gives_every_reset_and_the_bursts()
    {
        var run = Fixture(Format, "tshark-ad.txt");

        Assert.Equal(Recorded("2026-11-22", Absolute, 0), run.Rows);
        Assert.Empty(run.Problems);
        Assert.Null(run.Clock.TimeNote);
        Assert.All(run.Events, e => Assert.Equal("APPSRV01", e.Host));
        Assert.Equal("   40 2026-11-22 02:35:26.561315    127.0.0.1 → 127.0.0.1    TCP 66 1433 → 60948 [RST, ACK] Seq=1 Ack=1 Win=65536 Len=0 TSval=1939786377 TSecr=1460682247",
            run.Message(run.Events[0]));
    }

    [Fact]
    public void Tshark_relative_seconds_count_from_capinfos_first_packet_time()
    {
        var run = Fixture(Format, "tshark-capinfos.txt", at: Utc("2020-01-01 00:00:00"));

        Assert.Equal(Recorded("2026-11-22", FromStart, 3), run.Rows);
        Assert.Empty(run.Problems);
        Assert.Null(run.Clock.TimeNote);
    }

    [Fact]
    public void Tshark_relative_seconds_without_a_header_count_from_the_users_at()
    {
        var run = Fixture(Format, "tshark.txt", at: Utc("2026-11-22 02:35:26.203"));

        Assert.Equal(Recorded("2026-11-22", FromStart, 0), run.Rows);
        Assert.Equal("capture start from --at", run.Clock.TimeNote);
    }

    [Fact]
    public void Tcpdump_times_of_day_take_their_date_from_the_users_at()
    {
        var run = Fixture(Format, "tcpdump.txt", at: Utc("2026-11-22 02:00:00"), modified: Utc("2026-11-30 09:00:00"));

        Assert.Equal(Recorded("2026-11-22", Absolute, 0), run.Rows);
        Assert.Equal("capture date from --at", run.Clock.TimeNote);
    }

    [Fact]
    public void Tcpdump_times_of_day_without_at_take_the_file_mtime_date_marked_assumed()
    {
        var run = Fixture(Format, "tcpdump.txt", modified: Utc("2026-11-23 08:15:00"));

        Assert.Equal(Recorded("2026-11-23", Absolute, 0), run.Rows);
        Assert.Equal("UTC (assumed); capture date from file mtime (assumed)", run.Clock.Describe());
    }

    [Fact]
    public void Tcpdump_tttt_dates_need_nothing_else_and_its_notice_line_is_no_problem()
    {
        var run = Fixture(Format, "tcpdump-tttt.txt");

        Assert.Equal(Recorded("2026-11-22", Absolute, 1), run.Rows);
        Assert.Empty(run.Problems);
        Assert.Null(run.Clock.TimeNote);
    }

    [Fact]
    public void A_capture_with_times_of_day_and_nothing_to_date_them_is_reported_once()
    {
        var run = Fixture(Format, "tcpdump.txt");

        Assert.Empty(run.Events);
        Assert.Equal([(1, "no capture date: the file has no date line; give --at")], run.Problems);
    }

    [Fact]
    public void Tcpdump_verbose_two_line_packets_and_ipv6_are_read()
    {
        const string Text = """
            2024-03-05 11:32:04.100000 IP (tos 0x0, ttl 64, id 0, offset 0, flags [DF], proto TCP (6), length 52)
                10.0.0.5.1433 > 10.0.0.9.50712: Flags [R.], cksum 0x1c46 (correct), seq 1, ack 1, win 0, length 0
            2024-03-05 11:32:04.200000 IP6 fe80::5.1433 > fe80::9.50713: Flags [R], seq 7, win 0, length 0
            """;

        var run = Of(Format, Text);

        Assert.Equal(
        [
            "2024-03-05 11:32:04.100 rst count=- peer=10.0.0.9:50712 port=1433 line=2 src=10.0.0.5:1433; dst=10.0.0.9:50712; flags=R.",
            "2024-03-05 11:32:04.200 rst count=- peer=[fe80::9]:50713 port=1433 line=3 src=[fe80::5]:1433; dst=[fe80::9]:50713; flags=R",
        ], run.Rows);
        Assert.Empty(run.Problems);
    }

    [Fact]
    public void Tcpdump_without_nn_names_the_sql_port_and_other_names_are_reported_once()
    {
        const string Text = """
            2024-03-05 11:32:04.100000 IP sql01.corp.ms-sql-s > app01.corp.50712: Flags [R.], seq 1, ack 1, win 0, length 0
            2024-03-05 11:32:04.200000 IP web01.corp.http > app01.corp.50713: Flags [R.], seq 1, ack 1, win 0, length 0
            2024-03-05 11:32:04.300000 IP web01.corp.http > app01.corp.50714: Flags [R.], seq 1, ack 1, win 0, length 0
            """;

        var run = Of(Format, Text);

        Assert.Equal(["2024-03-05 11:32:04.100 rst count=- peer=app01.corp:50712 port=1433 line=1 src=sql01.corp:1433; dst=app01.corp:50712; flags=R."], run.Rows);
        Assert.Equal([(2, "TCP endpoints are names, not addresses and ports: print the capture with tcpdump -nn")], run.Problems);
    }

    [Fact]
    public void Tshark_with_ascii_arrows_epoch_times_and_analysis_notes_is_read()
    {
        const string Text = """
                1 1709638324.561315 10.0.0.9 -> 10.0.0.5 TCP 66 50712 -> 1433 [SYN] Seq=0 Win=64240 Len=0 MSS=1460
                2 1709638324.561402 10.0.0.5 -> 10.0.0.9 TCP 54 [TCP ACKed unseen segment] 1433 -> 50712 [RST, ACK] Seq=1 Ack=1 Win=0 Len=0
            """;

        var run = Of(Format, Text);

        Assert.Equal(["2024-03-05 11:32:04.561 rst count=- peer=10.0.0.9:50712 port=1433 line=2 src=10.0.0.5:1433; dst=10.0.0.9:50712; flags=R."], run.Rows);
    }

    [Fact]
    public void Times_of_day_roll_over_midnight_into_the_next_day()
    {
        const string Text = """
            23:59:59.900000 IP 10.0.0.5.1433 > 10.0.0.9.50712: Flags [R.], seq 1, ack 1, win 0, length 0
            00:00:00.100000 IP 10.0.0.5.1433 > 10.0.0.9.50713: Flags [R.], seq 1, ack 1, win 0, length 0
            """;

        var run = Of(Format, Text, at: Utc("2024-03-05 23:00:00"));

        Assert.Equal([Utc("2024-03-05 23:59:59.9").ToUnixTimeMilliseconds(), Utc("2024-03-06 00:00:00.1").ToUnixTimeMilliseconds()],
            run.Events.Select(e => e.Time));
    }

    [Fact]
    public void A_burst_needs_three_resets_from_one_port_within_one_second()
    {
        // 11:32:04 has two resets from 1433 and two from 1434; 11:32:05 has three from 1433.
        const string Text = """
            2024-03-05 11:32:04.100000 IP 10.0.0.5.1433 > 10.0.0.9.50001: Flags [R.], seq 1, ack 1, win 0, length 0
            2024-03-05 11:32:04.200000 IP 10.0.0.5.1434 > 10.0.0.9.50002: Flags [R.], seq 1, ack 1, win 0, length 0
            2024-03-05 11:32:04.900000 IP 10.0.0.5.1433 > 10.0.0.9.50003: Flags [R.], seq 1, ack 1, win 0, length 0
            2024-03-05 11:32:04.950000 IP 10.0.0.5.1434 > 10.0.0.9.50004: Flags [R.], seq 1, ack 1, win 0, length 0
            2024-03-05 11:32:05.000000 IP 10.0.0.5.1433 > 10.0.0.9.50005: Flags [R.], seq 1, ack 1, win 0, length 0
            2024-03-05 11:32:05.500000 IP 10.0.0.5.1433 > 10.0.0.9.50006: Flags [R.], seq 1, ack 1, win 0, length 0
            2024-03-05 11:32:05.999000 IP 10.0.0.5.1433 > 10.0.0.9.50007: Flags [R.], seq 1, ack 1, win 0, length 0
            """;

        var run = Of(Format, Text);

        Assert.Equal(["2024-03-05 11:32:05.000 rst count=3 peer=- port=1433 line=5 burst=1"], run.Rows.Where(r => r.EndsWith("burst=1", StringComparison.Ordinal)));
        Assert.Equal(7, run.Events.Count(e => e.Count is null));
    }

    [Fact]
    public void Syn_ack_and_plain_acks_are_no_syn_burst()
    {
        const string Text = """
            2024-03-05 11:32:04.100000 IP 10.0.0.5.1433 > 10.0.0.9.50001: Flags [S.], seq 1, ack 1, win 0, length 0
            2024-03-05 11:32:04.200000 IP 10.0.0.5.1433 > 10.0.0.9.50002: Flags [S.], seq 1, ack 1, win 0, length 0
            2024-03-05 11:32:04.300000 IP 10.0.0.5.1433 > 10.0.0.9.50003: Flags [S.], seq 1, ack 1, win 0, length 0
            2024-03-05 11:32:04.400000 IP 10.0.0.9.50003 > 10.0.0.5.1433: Flags [.], ack 1, win 0, length 0
            """;

        var run = Of(Format, Text);

        Assert.Empty(run.Events);
        Assert.Empty(run.Problems);
    }

    [Fact]
    public void Lines_that_are_no_packets_are_reported_and_the_capture_goes_on()
    {
        const string Text = """
               13
            Flags [R.]
            2024-03-05 11:32:04.100000 IP 10.0.0.5.1433 > 10.0.0.9.50712: Flags [R.], seq 1, ack 1, win 0, length 0
            """;

        var run = Of(Format, Text);

        Assert.Equal([(1, "not a tshark or tcpdump line"), (2, "not a tshark or tcpdump line")], run.Problems);
        Assert.Equal(["2024-03-05 11:32:04.100 rst count=- peer=10.0.0.9:50712 port=1433 line=3 src=10.0.0.5:1433; dst=10.0.0.9:50712; flags=R."], run.Rows);
    }

    [Theory]
    [InlineData("tshark.txt")]
    [InlineData("tshark-ad.txt")]
    [InlineData("tshark-capinfos.txt")]
    [InlineData("tcpdump.txt")]
    [InlineData("tcpdump-tttt.txt")]
    public void Packet_summaries_are_recognised_with_high_confidence(string fixture)
    {
        Assert.True(Format.Score(Sample(fixture)) >= 0.9, fixture);
    }
}
