using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest.Formats.Network;
using static LogCorrelator.Tests.Ingest.Network.NetworkRun;

namespace LogCorrelator.Tests.Ingest.Network;

public sealed class NetstatFormatTests
{
    private static readonly NetstatFormat Format = new();

    [Fact]
    public void A_windows_loop_of_netstat_ano_gives_each_snapshot_its_own_time_and_counts()
    {
        var run = Fixture(Format, "netstat-windows-ano.txt");

        Assert.Equal(
        [
            "2024-03-05 11:32:00.120 info count=3 peer=10.10.10.20:1433 port=1433 line=7 state=ESTABLISHED; local=10.10.10.10; ports=2000-2002",
            "2024-03-05 11:32:00.120 timewait count=2 peer=10.10.10.20:1433 port=1433 line=10 state=TIME_WAIT; local=10.10.10.10; ports=2003-2004",
            "2024-03-05 11:32:00.120 info count=1 peer=10.10.10.99:51544 port=51544 line=12 state=ESTABLISHED; local=10.10.10.10; ports=3389",
            "2024-03-05 11:32:00.120 info count=4 peer=- port=- line=1 state=ESTABLISHED; summary=1; remotes=2",
            "2024-03-05 11:32:00.120 timewait count=2 peer=- port=- line=1 state=TIME_WAIT; summary=1; remotes=1",
            "2024-03-05 11:32:30.050 info count=1 peer=10.10.10.20:1433 port=1433 line=21 state=ESTABLISHED; local=10.10.10.10; ports=2000",
            "2024-03-05 11:32:30.050 timewait count=5 peer=10.10.10.20:1433 port=1433 line=22 state=TIME_WAIT; local=10.10.10.10; ports=2003-2007",
            "2024-03-05 11:32:30.050 timewait count=1 peer=10.10.10.21:1433 port=1433 line=27 state=TIME_WAIT; local=10.10.10.10; ports=2008",
            "2024-03-05 11:32:30.050 info count=1 peer=10.10.10.99:51544 port=51544 line=28 state=ESTABLISHED; local=10.10.10.10; ports=3389",
            "2024-03-05 11:32:30.050 info count=1 peer=10.10.10.20:1433 port=1433 line=29 state=CLOSE_WAIT; local=10.10.10.10; ports=49822",
            "2024-03-05 11:32:30.050 timewait count=1 peer=[::1]:1433 port=1433 line=30 state=TIME_WAIT; local=::1; ports=50100",
            "2024-03-05 11:32:30.050 info count=2 peer=- port=- line=15 state=ESTABLISHED; summary=1; remotes=2",
            "2024-03-05 11:32:30.050 timewait count=7 peer=- port=- line=15 state=TIME_WAIT; summary=1; remotes=3",
            "2024-03-05 11:32:30.050 info count=1 peer=- port=- line=15 state=CLOSE_WAIT; summary=1; remotes=1",
        ], run.Rows);
        Assert.Empty(run.Problems);
        Assert.All(run.Events, e => Assert.Equal("APPSRV01", e.Host));
        Assert.Equal("  TCP    10.10.10.10:2003       10.10.10.20:1433       TIME_WAIT       0", run.Message(run.Events[1]));
        Assert.Equal("Tue 03/05/2024 11:32:00.12", run.Message(run.Events[3]));
        Assert.Equal("UTC (assumed)", run.Clock.Describe());
    }

    [Fact]
    public void A_per_state_summary_spans_its_whole_snapshot()
    {
        var run = Fixture(Format, "netstat-windows-ano.txt");
        var bytes = File.ReadAllBytes(FixturePath("netstat-windows-ano.txt"));
        var summary = run.Events[3];

        // Lines 1-14 of the file are the first snapshot, each ending in CRLF.
        string firstSnapshot = string.Join("", Encoding.ASCII.GetString(bytes).Split("\r\n").Take(14).Select(l => l + "\r\n"));
        Assert.Equal((0L, firstSnapshot.Length), (summary.Offset, summary.Length));
    }

    [Fact]
    public void A_linux_netstat_loop_reads_both_snapshots_at_their_date_lines()
    {
        var run = Fixture(Format, "netstat-linux.txt");

        Assert.Equal(
        [
            "2026-11-22 02:35:27.000 info count=1 peer=127.0.0.1:60936 port=60936 line=5 state=ESTABLISHED; local=127.0.0.1; ports=1433",
            "2026-11-22 02:35:27.000 timewait count=3 peer=127.0.0.1:1433 port=1433 line=6 state=TIME_WAIT; local=127.0.0.1; ports=60908-60924",
            "2026-11-22 02:35:27.000 info count=2 peer=127.0.0.1:1433 port=1433 line=9 state=ESTABLISHED; local=127.0.0.1; ports=60928-60936",
            "2026-11-22 02:35:27.000 info count=1 peer=127.0.0.1:60928 port=60928 line=11 state=ESTABLISHED; local=127.0.0.1; ports=1433",
            "2026-11-22 02:35:27.000 info count=4 peer=- port=- line=1 state=ESTABLISHED; summary=1; remotes=3",
            "2026-11-22 02:35:27.000 timewait count=3 peer=- port=- line=1 state=TIME_WAIT; summary=1; remotes=1",
            "2026-11-22 02:35:29.000 info count=1 peer=127.0.0.1:60936 port=60936 line=16 state=ESTABLISHED; local=127.0.0.1; ports=1433",
            "2026-11-22 02:35:29.000 timewait count=3 peer=127.0.0.1:1433 port=1433 line=17 state=TIME_WAIT; local=127.0.0.1; ports=60908-60924",
            "2026-11-22 02:35:29.000 info count=2 peer=127.0.0.1:1433 port=1433 line=20 state=ESTABLISHED; local=127.0.0.1; ports=60928-60936",
            "2026-11-22 02:35:29.000 info count=1 peer=127.0.0.1:60928 port=60928 line=22 state=ESTABLISHED; local=127.0.0.1; ports=1433",
            "2026-11-22 02:35:29.000 info count=4 peer=- port=- line=12 state=ESTABLISHED; summary=1; remotes=3",
            "2026-11-22 02:35:29.000 timewait count=3 peer=- port=- line=12 state=TIME_WAIT; summary=1; remotes=1",
        ], run.Rows);
        Assert.Empty(run.Problems);
        // "UTC" in the date line is an offset the text states.
        Assert.Equal("in each timestamp", run.Clock.Describe());
    }

    [Fact]
    public void An_ss_listing_counts_the_same_sockets_as_netstat()
    {
        var run = Fixture(Format, "ss.txt");

        Assert.Equal(
        [
            "2026-11-22 02:35:29.000 info count=1 peer=127.0.0.1:60936 port=60936 line=4 state=ESTABLISHED; local=127.0.0.1; ports=1433",
            "2026-11-22 02:35:29.000 timewait count=3 peer=127.0.0.1:1433 port=1433 line=5 state=TIME_WAIT; local=127.0.0.1; ports=60908-60924",
            "2026-11-22 02:35:29.000 info count=2 peer=127.0.0.1:1433 port=1433 line=8 state=ESTABLISHED; local=127.0.0.1; ports=60928-60936",
            "2026-11-22 02:35:29.000 info count=1 peer=127.0.0.1:60928 port=60928 line=10 state=ESTABLISHED; local=127.0.0.1; ports=1433",
            "2026-11-22 02:35:29.000 info count=4 peer=- port=- line=1 state=ESTABLISHED; summary=1; remotes=3",
            "2026-11-22 02:35:29.000 timewait count=3 peer=- port=- line=1 state=TIME_WAIT; summary=1; remotes=1",
        ], run.Rows);
        Assert.Empty(run.Problems);
    }

    [Fact]
    public void A_snapshot_without_a_date_line_takes_the_file_mtime_and_says_it_is_assumed()
    {
        var run = Fixture(Format, "netstat-windows-n.txt", modified: Utc("2024-03-05 11:40:00"));

        Assert.Equal(
        [
            "2024-03-05 11:40:00.000 info count=3 peer=10.10.10.20:1433 port=1433 line=6 state=ESTABLISHED; local=10.10.10.10; ports=2000-2002",
            "2024-03-05 11:40:00.000 timewait count=2 peer=10.10.10.20:1433 port=1433 line=9 state=TIME_WAIT; local=10.10.10.10; ports=2003-2004",
            "2024-03-05 11:40:00.000 info count=3 peer=- port=- line=3 state=ESTABLISHED; summary=1; remotes=1",
            "2024-03-05 11:40:00.000 timewait count=2 peer=- port=- line=3 state=TIME_WAIT; summary=1; remotes=1",
        ], run.Rows);
        Assert.Equal("snapshot time from file mtime (assumed)", run.Clock.TimeNote);
        Assert.Equal("UTC (assumed); snapshot time from file mtime (assumed)", run.Clock.Describe());
    }

    [Fact]
    public void The_users_at_beats_the_file_mtime_and_is_noted()
    {
        var run = Fixture(Format, "netstat-windows-n.txt", at: Utc("2024-03-05 11:33:00"), modified: Utc("2024-03-05 11:40:00"));

        Assert.Equal(4, run.Events.Count);
        Assert.All(run.Events, e => Assert.Equal(Utc("2024-03-05 11:33:00").ToUnixTimeMilliseconds(), e.Time));
        Assert.Equal("snapshot time from --at", run.Clock.TimeNote);
    }

    [Fact]
    public void A_date_line_beats_the_users_at_and_leaves_no_note()
    {
        var run = Fixture(Format, "netstat-windows-ano.txt", at: Utc("2024-03-05 09:00:00"));

        Assert.Equal(Utc("2024-03-05 11:32:00.12").ToUnixTimeMilliseconds(), run.Events[0].Time);
        Assert.Null(run.Clock.TimeNote);
    }

    [Fact]
    public void A_snapshot_with_no_time_at_all_is_reported_not_guessed()
    {
        var run = Fixture(Format, "netstat-windows-n.txt");

        Assert.Empty(run.Events);
        Assert.Equal([(3, "no snapshot time: the file has no date line; give --at")], run.Problems);
    }

    [Fact]
    public void Port_exhaustion_scale_counts_every_time_wait_socket_towards_the_server()
    {
        // Seed 003: close to 4000 client sockets in TIME_WAIT towards the SQL Server.
        var text = new StringBuilder("Tue Mar  5 11:32:00 UTC 2024\nActive Connections\n\n  Proto  Local Address          Foreign Address        State\n");
        for (int port = 1025; port < 1025 + 3950; port++)
            text.Append("  TCP    10.10.10.10:").Append(port).Append("       10.10.10.20:1433       TIME_WAIT\n");

        var run = Of(Format, text.ToString());

        Assert.Equal(
        [
            "2024-03-05 11:32:00.000 timewait count=3950 peer=10.10.10.20:1433 port=1433 line=5 state=TIME_WAIT; local=10.10.10.10; ports=1025-4974",
            "2024-03-05 11:32:00.000 timewait count=3950 peer=- port=- line=1 state=TIME_WAIT; summary=1; remotes=1",
        ], run.Rows);
    }

    [Fact]
    public void A_header_after_sockets_starts_a_new_snapshot_even_without_a_date_line()
    {
        const string Text = """
            2024-03-05T11:32:00Z
            State      Recv-Q Send-Q Local Address:Port  Peer Address:Port
            TIME-WAIT  0      0      10.0.0.9:50712      10.0.0.5:1433
            State      Recv-Q Send-Q Local Address:Port  Peer Address:Port
            TIME-WAIT  0      0      10.0.0.9:50713      10.0.0.5:1433
            TIME-WAIT  0      0      10.0.0.9:50714      10.0.0.5:1433
            """;

        var run = Of(Format, Text, at: Utc("2024-03-05 12:00:00"));

        Assert.Equal(
        [
            "2024-03-05 11:32:00.000 timewait count=1 peer=10.0.0.5:1433 port=1433 line=3 state=TIME_WAIT; local=10.0.0.9; ports=50712",
            "2024-03-05 11:32:00.000 timewait count=1 peer=- port=- line=1 state=TIME_WAIT; summary=1; remotes=1",
            "2024-03-05 12:00:00.000 timewait count=2 peer=10.0.0.5:1433 port=1433 line=5 state=TIME_WAIT; local=10.0.0.9; ports=50713-50714",
            "2024-03-05 12:00:00.000 timewait count=2 peer=- port=- line=4 state=TIME_WAIT; summary=1; remotes=1",
        ], run.Rows);
        Assert.Equal("snapshot time from --at", run.Clock.TimeNote);
    }

    [Fact]
    public void Ss_with_netid_and_ipv4_mapped_addresses_names_the_peer_as_plain_ipv4()
    {
        const string Text = """
            Tue 05 Mar 2024 11:32:00 AM EST
            Netid State     Recv-Q Send-Q          Local Address:Port            Peer Address:Port Process
            tcp   TIME-WAIT 0      0      [::ffff:10.0.0.9]:50712   [::ffff:10.0.0.5]:1433
            tcp   ESTAB     0      0      [::ffff:10.0.0.9]:50720   [::ffff:10.0.0.5]:1433  users:(("dotnet",pid=4242,fd=31))
            """;

        var run = Of(Format, Text);

        Assert.Equal(
        [
            "2024-03-05 16:32:00.000 timewait count=1 peer=10.0.0.5:1433 port=1433 line=3 state=TIME_WAIT; local=10.0.0.9; ports=50712",
            "2024-03-05 16:32:00.000 info count=1 peer=10.0.0.5:1433 port=1433 line=4 state=ESTABLISHED; local=10.0.0.9; ports=50720",
            "2024-03-05 16:32:00.000 timewait count=1 peer=- port=- line=1 state=TIME_WAIT; summary=1; remotes=1",
            "2024-03-05 16:32:00.000 info count=1 peer=- port=- line=1 state=ESTABLISHED; summary=1; remotes=1",
        ], run.Rows);
    }

    [Fact]
    public void A_utf16_listing_from_powershell_points_its_messages_at_the_right_bytes()
    {
        const string Text = "Tuesday, March 5, 2024 11:32:00 AM\r\n\r\nActive Connections\r\n\r\n  Proto  Local Address          Foreign Address        State           PID\r\n"
            + "  TCP    10.10.10.10:2003       10.10.10.20:1433       TIME_WAIT       0\r\n";
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Text)];

        var run = Of(Format, bytes);

        Assert.Equal(2, run.Events.Count);
        Assert.Equal("  TCP    10.10.10.10:2003       10.10.10.20:1433       TIME_WAIT       0", run.Message(run.Events[0]));
        Assert.Equal("Tuesday, March 5, 2024 11:32:00 AM", run.Message(run.Events[1]));
        Assert.Equal(Utc("2024-03-05 11:32:00").ToUnixTimeMilliseconds(), run.Events[0].Time);
    }

    [Fact]
    public void A_line_that_is_no_socket_is_reported_and_the_rest_is_read()
    {
        const string Text = """
            2024-03-05 11:32:00
            tcp        0      0 127.0.0.1:50712         127.0.0.1:1433          TIME_WAIT
            tcp        0      0 127.0.0.1:50713         garbage                 TIME_WAIT
            tcp        0      0 127.0.0.1:50714         127.0.0.1:1433          TIME_WAIT
            """;

        var run = Of(Format, Text);

        Assert.Equal([(3, "not a netstat or ss line")], run.Problems);
        Assert.Equal(2, run.Events[0].Count);
    }

    [Fact]
    public void Cut_off_socket_lines_are_reported_one_by_one()
    {
        const string Text = """
            2024-03-05 11:32:00
              TCP    10.10.10.10:
            tcp 0
            TIME_WAIT 0 0 :1433 :99999
              TCP    10.10.10.10:2003       10.10.10.20:1433       TIME_WAIT
            """;

        var run = Of(Format, Text);

        Assert.Equal([(2, "not a netstat or ss line"), (3, "not a netstat or ss line"), (4, "not a netstat or ss line")], run.Problems);
        Assert.Equal(
        [
            "2024-03-05 11:32:00.000 timewait count=1 peer=10.10.10.20:1433 port=1433 line=5 state=TIME_WAIT; local=10.10.10.10; ports=2003",
            "2024-03-05 11:32:00.000 timewait count=1 peer=- port=- line=1 state=TIME_WAIT; summary=1; remotes=1",
        ], run.Rows);
    }

    [Theory]
    [InlineData("netstat-windows-ano.txt")]
    [InlineData("netstat-windows-n.txt")]
    [InlineData("netstat-linux.txt")]
    [InlineData("ss.txt")]
    public void Netstat_and_ss_listings_are_recognised_with_high_confidence(string fixture)
    {
        Assert.True(Format.Score(Sample(fixture)) >= 0.85, fixture);
    }
}
