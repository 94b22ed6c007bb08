using LogCorrelator.Events;
using LogCorrelator.Ingest.Formats.Network;
using static LogCorrelator.Tests.Ingest.Network.NetworkRun;

namespace LogCorrelator.Tests.Ingest.Network;

public sealed class NetshFormatTests
{
    private static readonly NetshFormat Format = new();

    [Fact]
    public void Show_global_becomes_one_netconfig_event_with_every_setting_under_a_short_key()
    {
        var run = Fixture(Format, "netsh-global.txt");

        Assert.Equal(
        [
            "2024-03-05 11:32:05.000 netconfig count=- peer=- port=- line=3 rss=enabled; chimney=disabled; netdma=disabled; dca=disabled; "
                + "autotuning=normal; congestionprovider=default; ecn=enabled; timestamps=disabled; initialrto=3000; rsc=enabled; "
                + "nonsackrttresiliency=disabled; maxsynretransmissions=2; fastopen=disabled",
            "2024-03-05 11:32:05.000 netconfig count=- peer=- port=- line=19 chimney=disabled; policy=administrator",
        ], run.Rows);
        Assert.Empty(run.Problems);
        Assert.Equal("TCP Global Parameters", run.Message(run.Events[0]));
        Assert.Equal("Your System Administrator has disabled TCP Chimney.", run.Message(run.Events[1]));
        Assert.Equal("APPSRV01", run.Events[0].Host);
    }

    [Fact]
    public void The_2008_r2_layout_without_a_time_takes_the_mtime_and_skips_its_notes()
    {
        var run = Fixture(Format, "netsh-2008r2-notime.txt", modified: Utc("2024-03-05 12:00:00"));

        Assert.Equal(
        [
            "2024-03-05 12:00:00.000 netconfig count=- peer=- port=- line=3 rss=enabled; chimney=automatic; netdma=enabled; dca=disabled; "
                + "autotuning=normal; congestionprovider=ctcp; ecn=disabled; timestamps=disabled",
        ], run.Rows);
        Assert.Empty(run.Problems);
        Assert.Equal("snapshot time from file mtime (assumed)", run.Clock.TimeNote);
    }

    [Fact]
    public void Reg_query_of_the_tcpip_parameters_gives_one_netconfig_event_with_its_dwords_in_decimal()
    {
        // reg.exe's layout: the key's full name, then four-space indented "Name    TYPE    value" lines. The value's
        // meaning and range (0x1E-0x12C, 30-300 s; default 0xF0, 240 s): http://technet.microsoft.com/library/cc938217.
        const string Text = """
            2024-03-12T14:05:00Z
            C:\>reg query HKLM\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters

            HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters
                NV Hostname    REG_SZ    APPSRV22
                TcpTimedWaitDelay    REG_DWORD    0x1e
                MaxUserPort    REG_DWORD    0xfffe

            """;

        var run = Of(Format, Text);

        Assert.Equal(["2024-03-12 14:05:00.000 netconfig count=- peer=- port=- line=4 tcptimedwaitdelay=30; maxuserport=65534"], run.Rows);
        Assert.Empty(run.Problems);
        Assert.Equal(@"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters", run.Message(run.Events[0]));
    }

    [Fact]
    public void A_regedit_export_of_the_tcpip_parameters_reads_the_same()
    {
        const string Text = """
            2024-03-12T14:05:00Z
            Windows Registry Editor Version 5.00

            [HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters]
            "TcpTimedWaitDelay"=dword:0000003c
            "Hostname"="APPSRV22"
            """;

        var run = Of(Format, Text);

        Assert.Equal(["2024-03-12 14:05:00.000 netconfig count=- peer=- port=- line=4 tcptimedwaitdelay=60"], run.Rows);
    }

    [Fact]
    public void Settings_a_newer_windows_adds_get_a_key_made_from_their_label()
    {
        const string Text = """
            2024-03-05T11:32:00-05:00
            TCP Global Parameters
            ----------------------------------------------
            Receive-Side Scaling State          : enabled
            Memory Pressure Protection          : disabled
            """;

        var run = Of(Format, Text);

        Assert.Equal(["2024-03-05 16:32:00.000 netconfig count=- peer=- port=- line=2 rss=enabled; memorypressureprotection=disabled"], run.Rows);
    }

    [Fact]
    public void A_chimneystats_table_gives_one_event_per_interface_keyed_by_its_columns()
    {
        const string Text = """
            Idx  Supp  Enabled  Offloaded
            ---  ----  -------  ---------
             11  yes   yes      12
             14  no    no       0
            """;

        var run = Of(Format, Text, at: Utc("2024-03-05 11:32:00"));

        Assert.Equal(
        [
            "2024-03-05 11:32:00.000 netconfig count=- peer=- port=- line=3 idx=11; supp=yes; enabled=yes; offloaded=12",
            "2024-03-05 11:32:00.000 netconfig count=- peer=- port=- line=4 idx=14; supp=no; enabled=no; offloaded=0",
        ], run.Rows);
        Assert.Equal("snapshot time from --at", run.Clock.TimeNote);
    }

    [Fact]
    public void Text_that_is_not_netsh_is_reported_by_line()
    {
        const string Text = """
            2024-03-05 11:32:00
            TCP Global Parameters
            ----------------------------------------------
            Receive-Side Scaling State          : enabled
            something else entirely
            """;

        var run = Of(Format, Text);

        Assert.Equal([(5, "not netsh output")], run.Problems);
        Assert.Equal("rss=enabled", Assert.Single(run.Events).Extra);
    }

    [Theory]
    [InlineData("netsh-global.txt")]
    [InlineData("netsh-2008r2-notime.txt")]
    public void Netsh_output_is_recognised_with_high_confidence(string fixture)
    {
        Assert.True(Format.Score(Sample(fixture)) >= 0.95, fixture);
    }

    [Fact]
    public void The_dynamic_port_range_is_a_netconfig_event_too()
    {
        const string Text = "Tue 03/12/2024 14:05:00.00\r\n\r\nProtocol tcp Dynamic Port Range\r\n---------------------------------\r\nStart Port      : 61536\r\nNumber of Ports : 4000\r\n";

        var run = Of(Format, Text);

        Assert.Equal(["2024-03-12 14:05:00.000 netconfig count=- peer=- port=- line=3 dynamicportstart=61536; dynamicports=4000"], run.Rows);
        Assert.Empty(run.Problems);
        Assert.Equal(0.98, Format.Score(new LogCorrelator.Ingest.SniffSample("x.txt", Text.Split("\r\n"), LogCorrelator.Events.SourceEncoding.Utf8)));
    }
}
