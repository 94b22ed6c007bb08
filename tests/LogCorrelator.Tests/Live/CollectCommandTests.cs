using System.Globalization;
using System.Text;
using System.Text.Json;
using LogCorrelator.Live;
using LogCorrelator.Tests.Fixtures;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Live;

/// <summary>
/// <c>logcorr collect</c> with the real SqlClient against <see cref="TdsResponder"/> serving what
/// <c>xp_readerrorlog</c> returns for the sample incident's ERRORLOG (its rows: LogDate, ProcessInfo, Text),
/// on an instance at UTC-5, with the archive ERRORLOG.1 refused as a login without permission sees it.
/// </summary>
public sealed class CollectCommandTests : IDisposable
{
    private const string Denied = "The EXECUTE permission was denied on the object 'xp_readerrorlog', database 'mssqlsystemresource', schema 'sys'.";
    private readonly TempFolder _folder = new();

    [Fact]
    public void The_current_log_is_stored_as_the_errorlogs_own_events_and_the_refused_archive_is_reported()
    {
        var rows = ErrorLogRows(RepoPaths.File("sample-logs/incident-restart/SQLPROD01/ERRORLOG"));
        var results = new TdsResults()
            .On("SELECT CAST(SERVERPROPERTY('ServerName')", () => TdsTokens.ResultSet([("", TdsType.NVarChar), ("", TdsType.Int)], [["SQLPROD01", -300]]))
            .On(ServerLogCollector.EnumerateQuery, () => TdsTokens.ResultSet(
                [("Archive #", TdsType.Int), ("Date", TdsType.DateTime), ("Log File Size (Byte)", TdsType.Int)],
                [[0, new DateTime(2024, 3, 5, 6, 40, 0), 40960], [1, new DateTime(2024, 3, 5, 6, 32, 0), 8192]]))
            .On("EXEC sys.xp_readerrorlog 0, 1", () => TdsTokens.ResultSet(
                [("LogDate", TdsType.DateTime), ("ProcessInfo", TdsType.NVarChar), ("Text", TdsType.NVarChar)], rows))
            .On("EXEC sys.xp_readerrorlog 1, 1", () => TdsTokens.Error(229, 5, 14, Denied));
        using var server = TdsResponder.Start(results: results);
        string store = _folder.Combine("c.lcdb");

        var run = Cli.Cli.Run("collect", $"Server=tcp:127.0.0.1,{server.Port};User Id=ops;Password=Coll3ct-Secret;Encrypt=False;Connect Timeout=3",
            "--store", store, "--out", _folder.Combine("exports"));

        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Equal([
            "collect: SQLPROD01, UTC offset -05:00 (SYSDATETIMEOFFSET)",
            $"  ERRORLOG: {rows.Count} rows",
        ], run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(2));
        Assert.Contains($"  ERRORLOG.1: not read: {Denied}\n", run.Err, StringComparison.Ordinal);
        var restart = Assert.Single(Matches("restart", store));
        // 06:32:04.31 on the instance's clock, UTC-5.
        Assert.Equal(("2024-03-05T11:32:04.310Z", "SQLPROD01"), (restart.GetProperty("time").GetString(), restart.GetProperty("host").GetString()));
        Assert.StartsWith("Microsoft SQL Server 2019 (RTM-CU22)", restart.GetProperty("message").GetString(), StringComparison.Ordinal);
        // The same events the ERRORLOG file gives, kind by kind.
        Assert.Equal(KindCounts(RepoPaths.File("sample-logs/incident-restart/SQLPROD01/ERRORLOG")), KindCounts(store: store));
        Assert.DoesNotContain("Coll3ct-Secret", run.Out + run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_server_is_one_line_and_exit_1()
    {
        using var closed = FaultListener.Start(FaultMode.Refused);

        var run = Cli.Cli.Run("collect", $"Server=tcp:127.0.0.1,{closed.Port};User Id=ops;Password=x;Encrypt=False;Connect Timeout=2",
            "--store", _folder.Combine("c.lcdb"), "--out", _folder.Combine("exports"));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"error: collect: tcp:127.0.0.1,{closed.Port}: A network-related or instance-specific error", run.Err, StringComparison.Ordinal);
        Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private Dictionary<string, int> KindCounts(string? errorLog = null, string? store = null)
    {
        if (errorLog is not null)
        {
            store = _folder.Combine("file.lcdb");
            Assert.Equal(0, Cli.Cli.Run("ingest", errorLog, "--store", store).ExitCode);
        }
        var csv = Cli.Cli.Run("query", "events | count by kind", "--store", store!, "--format", "csv").Out;
        return csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
    }

    private static List<JsonElement> Matches(string query, string store) =>
        JsonDocument.Parse(Cli.Cli.Run("query", query, "--store", store, "--format", "json").Out).RootElement.GetProperty("matches").EnumerateArray().ToList();

    /// <summary>An ERRORLOG's entries as xp_readerrorlog returns them: a banner's continuation lines join its Text.</summary>
    private static List<object?[]> ErrorLogRows(string path)
    {
        var rows = new List<object?[]>();
        foreach (string line in File.ReadAllLines(path, Encoding.Unicode))
        {
            if (line.Length > 23 && DateTime.TryParseExact(line[..22], "yyyy-MM-dd HH:mm:ss.ff", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                string rest = line[23..];
                int space = rest.IndexOf(' ');
                rows.Add([at, rest[..space], rest[space..].TrimStart()]);
            }
            else if (rows.Count > 0)
            {
                rows[^1][2] += "\n" + line;
            }
        }
        return rows;
    }

    public void Dispose() => _folder.Dispose();
}
