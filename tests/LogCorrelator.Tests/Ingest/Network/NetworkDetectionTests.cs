using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Formats.Network;

namespace LogCorrelator.Tests.Ingest.Network;

public sealed class NetworkDetectionTests
{
    private static readonly ILogFormat[] Formats = [new NetstatFormat(), new PacketsFormat(), new NetshFormat()];

    [Theory]
    [InlineData("netstat-windows-ano.txt", "netstat")]
    [InlineData("netstat-windows-n.txt", "netstat")]
    [InlineData("netstat-linux.txt", "netstat")]
    [InlineData("ss.txt", "netstat")]
    [InlineData("tshark.txt", "packets")]
    [InlineData("tshark-ad.txt", "packets")]
    [InlineData("tshark-capinfos.txt", "packets")]
    [InlineData("tcpdump.txt", "packets")]
    [InlineData("tcpdump-tttt.txt", "packets")]
    [InlineData("netsh-global.txt", "netsh")]
    [InlineData("netsh-2008r2-notime.txt", "netsh")]
    public void Each_fixture_is_detected_as_its_own_format_and_no_other_comes_close(string fixture, string format)
    {
        var guess = FormatDetector.Detect(NetworkRun.Sample(fixture), Formats);

        Assert.Equal(format, guess.Format?.Name);
        Assert.True(guess.RunnerUpScore < 0.3, $"{fixture}: {guess.RunnerUp} {guess.RunnerUpScore}");
    }

    [Theory]
    [InlineData("""
        2024-03-05 11:32:00.00 Server      Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64)
        2024-03-05 11:32:00.00 Server      UTC adjustment: -5:00
        2024-03-05 11:32:15.62 spid51      Error: 18456, Severity: 14, State: 8.
        2024-03-05 11:32:15.62 Logon       Login failed for user 'app'. Reason: Password did not match. [CLIENT: 10.10.10.10]
        2024-03-05 11:33:02.11 spid57      Process ID 62 was killed by hostname APPSRV01, host process ID 4312.
        """)]
    [InlineData("""
        2024-03-05 11:32:04.123 ERROR [Worker-3] System.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when receiving results from the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)
        2024-03-05 11:32:04.125 INFO  [Worker-3] Retrying in 00:00:02
        2024-03-05 11:32:06.130 WARN  [Worker-3] Connection to tcp:10.10.10.20,1433 reset by peer
        """)]
    public void Server_and_application_logs_score_low_for_every_network_format(string text)
    {
        var sample = new SniffSample("log.txt", text.Split('\n'), LogCorrelator.Events.SourceEncoding.Utf8);

        Assert.All(Formats, f => Assert.True(f.Score(sample) < 0.1, $"{f.Name}: {f.Score(sample)}"));
    }
}
