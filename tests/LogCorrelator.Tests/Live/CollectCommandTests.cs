using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
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
            .On("EXEC sys.xp_readerrorlog 1, 1", () => TdsTokens.Error(229, 5, 14, Denied))
            .On(ServerLogCollector.RingBufferQuery, () => RingBufferRows([], 0, DateTime.UnixEpoch));
        using var server = TdsResponder.Start(results: results);
        string store = _folder.Combine("c.lcdb");

        var run = Cli.Cli.Run("collect", $"Server=tcp:127.0.0.1,{server.Port};User Id=ops;Password=Coll3ct-Secret;Encrypt=False;Connect Timeout=3",
            "--store", store, "--out", _folder.Combine("exports"));

        // Stored what it could, refused one source: exit 3.
        Assert.True(run.ExitCode == 3, run.Err);
        Assert.Equal([
            "collect: SQLPROD01, UTC offset -05:00 (SYSDATETIMEOFFSET)",
            $"  ERRORLOG: {rows.Count} rows, {KindCounts(RepoPaths.File("sample-logs/incident-restart/SQLPROD01/ERRORLOG")).Values.Sum()} events, UTC offset -05:00 (from file)",
            "  RING_BUFFER_CONNECTIVITY: 0 records, 0 events",
        ], run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(3));
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
    public void Ring_buffer_records_become_server_events_at_their_utc_time()
    {
        var records = RingBufferRecords();
        // The server's tick clock stands 60,003 ms past record 2 when SYSUTCDATETIME() reads 15:24:05.360, so record 1
        // (RecordTime 11:22:31.849 on a server at UTC-4, EDT) is 15:22:31.849 UTC.
        var results = ErrorLogOnly(offsetMinutes: -240)
            .On(ServerLogCollector.RingBufferQuery, () => RingBufferRows(records.Take(2).ToList(), 2929904278 + 60003, new DateTime(2019, 11, 1, 15, 24, 5, 360)));
        using var server = TdsResponder.Start(results: results);
        string store = _folder.Combine("c.lcdb");

        var run = Collect(server, store);

        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("  RING_BUFFER_CONNECTIVITY: 2 records, 2 events, UTC offset in each timestamp\n", run.Out, StringComparison.Ordinal);
        var events = Matches("server-errors", store).Where(m => m.GetProperty("time").GetString()!.StartsWith("2019", StringComparison.Ordinal))
            .Select(m => (m.GetProperty("time").GetString(), m.GetProperty("host").GetString(), m.GetProperty("code").GetString(),
                m.TryGetProperty("peer", out var peer) ? peer.GetString() : null, m.GetProperty("message").GetString()))
            .ToList();
        Assert.Equal([
            ("2019-11-01T15:22:31.849Z", "SQLPROD01", "4014", null, "Error: error 4014, state 11"),
            // 33,508 ms of ticks after record 1 (its RecordTime says 11:23:5.358: the two clocks round apart).
            ("2019-11-01T15:23:05.357Z", "SQLPROD01", null, "10.2.6.198", "ConnectionClose from 10.2.6.198:54645: ErrorFoundBeforeLogin, SessionIsKilled"),
        ], events);
        // The server's account of the connection it closed joins the client's own error, 0.6 s later, like any server event.
        string app = _folder.Combine("APPSRV01/app.log");
        Directory.CreateDirectory(Path.GetDirectoryName(app)!);
        File.WriteAllText(app, "2019-11-01 15:23:05.957 +00:00 [ERR] Order sync failed\n"
            + "Microsoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when receiving results from the server. (provider: TCP Provider, error: 35 - An internal exception was caught)\n"
            + " ---> System.Net.Sockets.SocketException (104): Connection reset by peer\n");
        Assert.Equal(0, Cli.Cli.Run("ingest", app, "--store", store).ExitCode);
        var related = Assert.Single(Assert.Single(Matches("errors near server-errors where peer = 10.2.6.198 within 1s", store)).GetProperty("related").EnumerateArray());
        Assert.Equal(("server-error", -0.6), (related.GetProperty("kind").GetString(), related.GetProperty("deltaSeconds").GetDouble()));
        AssertNoPassword(run, store);
    }

    [Fact]
    public void A_ring_buffer_without_view_server_state_is_one_line_the_logs_are_stored_and_exit_3()
    {
        // SQL Server's two messages for a DMV the login may not read (MicrosoftDocs/sql-docs issue 1452, in the fixture).
        var results = ErrorLogOnly(offsetMinutes: -300)
            .On(ServerLogCollector.RingBufferQuery, () => TdsTokens.Errors(
                (300, 1, 14, "VIEW SERVER STATE permission was denied on object 'server', database 'master'."),
                (297, 1, 16, "The user does not have permission to perform this action.")));
        using var server = TdsResponder.Start(results: results);
        string store = _folder.Combine("c.lcdb");

        var run = Collect(server, store);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal(["  RING_BUFFER_CONNECTIVITY: not read: VIEW SERVER STATE permission was denied on object 'server', database 'master'. The user does not have permission to perform this action."],
            run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Single(Matches("restart", store));
        Assert.DoesNotContain("RING_BUFFER", string.Join('\n', Directory.GetFiles(_folder.Combine("exports"))), StringComparison.Ordinal);
        AssertNoPassword(run, store);
    }

    [Fact]
    public void Each_archive_keeps_its_own_utc_adjustment_else_the_servers_offset_now()
    {
        // The instance is at UTC-5 now; ERRORLOG.1 was written in summer (its startup line says -4:00) and ERRORLOG.2
        // was cut without a startup block, so only the server's offset now is left for it.
        var current = ErrorLogRows(RepoPaths.File("sample-logs/incident-restart/SQLPROD01/ERRORLOG"));
        var summer = ErrorLogRows(RepoPaths.File("sample-logs/incident-restart/SQLPROD01/ERRORLOG.1"));
        var adjustment = Assert.Single(summer, r => ((string)r[2]!).StartsWith("UTC adjustment:", StringComparison.Ordinal));
        adjustment[2] = "UTC adjustment: -4:00";
        var headless = summer.TakeLast(3).ToList();
        var results = new TdsResults()
            .On("SELECT CAST(SERVERPROPERTY('ServerName')", () => TdsTokens.ResultSet([("", TdsType.NVarChar), ("", TdsType.Int)], [["SQLPROD01", -300]]))
            .On(ServerLogCollector.EnumerateQuery, () => TdsTokens.ResultSet([("Archive #", TdsType.Int)], [[0], [1], [2]]))
            .On("EXEC sys.xp_readerrorlog 0, 1", () => ErrorLogResult(current))
            .On("EXEC sys.xp_readerrorlog 1, 1", () => ErrorLogResult(summer))
            .On("EXEC sys.xp_readerrorlog 2, 1", () => ErrorLogResult(headless))
            .On(ServerLogCollector.RingBufferQuery, () => RingBufferRows([], 0, DateTime.UnixEpoch));
        using var server = TdsResponder.Start(results: results);
        string store = _folder.Combine("c.lcdb");

        var run = Collect(server, store);

        Assert.True(run.ExitCode == 0, run.Err);
        var lines = run.Out.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("  ERRORLOG: ", StringComparison.Ordinal) && l.EndsWith(", UTC offset -05:00 (from file)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  ERRORLOG.1: ", StringComparison.Ordinal) && l.EndsWith(", UTC offset -04:00 (from file)", StringComparison.Ordinal));
        // Three rows, two events: "Error: 17054" and the line after it are one, as in the file.
        Assert.Contains("  ERRORLOG.2: 3 rows, 2 events, UTC offset -05:00 (the server's offset now; the log states none)", lines);
        // ERRORLOG.1's restart at 02:10:44.19 on the summer clock.
        Assert.Contains("2024-03-01T06:10:44.190Z", Matches("restart", store).Select(m => m.GetProperty("time").GetString()));
        var sources = Cli.Cli.Run("sources", "--store", store).Out;
        Assert.Contains("-04:00 (from file)", sources, StringComparison.Ordinal);
        Assert.Contains("-05:00 (the server's offset now; the log states none)", sources, StringComparison.Ordinal);
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

    /// <summary>A server at the given offset whose only log is the sample incident's ERRORLOG.</summary>
    private static TdsResults ErrorLogOnly(int offsetMinutes)
    {
        var rows = ErrorLogRows(RepoPaths.File("sample-logs/incident-restart/SQLPROD01/ERRORLOG"));
        return new TdsResults()
            .On("SELECT CAST(SERVERPROPERTY('ServerName')", () => TdsTokens.ResultSet([("", TdsType.NVarChar), ("", TdsType.Int)], [["SQLPROD01", offsetMinutes]]))
            .On(ServerLogCollector.EnumerateQuery, () => TdsTokens.ResultSet([("Archive #", TdsType.Int)], [[0]]))
            .On("EXEC sys.xp_readerrorlog 0, 1", () => ErrorLogResult(rows));
    }

    private static byte[] ErrorLogResult(List<object?[]> rows) =>
        TdsTokens.ResultSet([("LogDate", TdsType.DateTime), ("ProcessInfo", TdsType.NVarChar), ("Text", TdsType.NVarChar)], rows);

    /// <summary>What the ring buffer query returns: each record's tick time (its own <c>time</c> attribute), ms_ticks and the UTC clock now, the XML.</summary>
    private static byte[] RingBufferRows(List<string> records, long msTicks, DateTime utcNow) =>
        TdsTokens.ResultSet([("timestamp", TdsType.BigInt), ("ms_ticks", TdsType.BigInt), ("", TdsType.DateTime), ("record", TdsType.NVarChar)],
            records.Select(r => new object?[] { long.Parse(XElement.Parse(r).Attribute("time")!.Value, CultureInfo.InvariantCulture), msTicks, utcNow, r }));

    /// <summary>The real records of <c>Fixtures/ringbuffer/connectivity-records.txt</c>, in its order.</summary>
    internal static List<string> RingBufferRecords()
    {
        var records = new List<string>();
        var current = new StringBuilder();
        foreach (string line in File.ReadAllLines(RepoPaths.File("tests/LogCorrelator.Tests/Fixtures/ringbuffer/connectivity-records.txt")))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                if (current.Length > 0)
                    records.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(line).Append('\n');
        }
        if (current.Length > 0)
            records.Add(current.ToString());
        return records;
    }

    private Cli.Cli Collect(TdsResponder server, string store) =>
        Cli.Cli.Run("collect", $"Server=tcp:127.0.0.1,{server.Port};User Id=ops;Password=Coll3ct-Secret;Encrypt=False;Connect Timeout=3",
            "--store", store, "--out", _folder.Combine("exports"));

    /// <summary>The password reaches neither the screen nor the store nor the exports.</summary>
    private void AssertNoPassword(Cli.Cli run, string store)
    {
        Assert.DoesNotContain("Coll3ct-Secret", run.Out + run.Err, StringComparison.Ordinal);
        foreach (string file in Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories))
            Assert.DoesNotContain("Coll3ct-Secret", Encoding.Latin1.GetString(File.ReadAllBytes(file)), StringComparison.Ordinal);
        Assert.True(File.Exists(store));
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
