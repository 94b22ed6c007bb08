using System.Globalization;
using System.Text;
using LogCorrelator.Ingest.Formats.RingBuffer;
using Microsoft.Data.SqlClient;

namespace LogCorrelator.Live;

/// <summary>
/// Reads a server's error logs through the server: <c>xp_enumerrorlogs</c> lists the current log and its
/// archives, <c>xp_readerrorlog N, 1</c> reads each, and each is saved as the tab-separated export SSMS
/// writes (LogDate, ProcessInfo, Text), which the <c>errorlog-export</c> reader already reads into the same
/// events as the ERRORLOG file. The instance's offset from UTC comes from <c>SYSDATETIMEOFFSET()</c>.
/// Then the connectivity ring buffer (<c>sys.dm_os_ring_buffers</c>, <c>RING_BUFFER_CONNECTIVITY</c>), saved one record a
/// line with its UTC time (<see cref="ConnectivityLog"/>). A source the login may not read (the ring buffer needs
/// VIEW SERVER STATE) is reported and skipped: the others are still collected.
/// </summary>
public sealed class ServerLogCollector(ProbeTarget target)
{
    public const string ServerQuery = "SELECT CAST(SERVERPROPERTY('ServerName') AS nvarchar(256)), DATEPART(TZOFFSET, SYSDATETIMEOFFSET())";
    public const string EnumerateQuery = "EXEC sys.xp_enumerrorlogs";
    public const string ReadQuery = "EXEC sys.xp_readerrorlog {0}, 1";

    /// <summary>
    /// A record's <c>timestamp</c> is milliseconds since the machine started; <c>ms_ticks</c> is that clock now and
    /// SYSUTCDATETIME() the wall clock now, so a record's UTC time is now - (ms_ticks - timestamp). The subtraction is
    /// done here, not in T-SQL: DATEADD takes an int, which a record older than 24.8 days overflows.
    /// </summary>
    public const string RingBufferQuery =
        "SELECT rb.[timestamp], si.ms_ticks, CAST(SYSUTCDATETIME() AS datetime), rb.record " +
        "FROM sys.dm_os_ring_buffers AS rb CROSS JOIN sys.dm_os_sys_info AS si " +
        "WHERE rb.ring_buffer_type = N'RING_BUFFER_CONNECTIVITY' ORDER BY rb.[timestamp]";

    public const string RingBufferName = "RING_BUFFER_CONNECTIVITY";

    /// <summary>The server's name as it reports it; null before <see cref="CollectAsync"/>.</summary>
    public string? ServerName { get; private set; }

    /// <summary>The instance's offset from UTC in minutes now (east positive).</summary>
    public int OffsetMinutes { get; private set; }

    /// <summary>Connects (a failure to connect is the caller's to report) and writes one export per log into <paramref name="folder"/>.</summary>
    public async Task<IReadOnlyList<CollectedSource>> CollectAsync(string folder, CancellationToken cancel)
    {
        await using var connection = new SqlConnection(target.ConnectionString);
        await connection.OpenAsync(cancel);
        await using (var reader = await Command(connection, ServerQuery).ExecuteReaderAsync(cancel))
        {
            if (await reader.ReadAsync(cancel))
            {
                ServerName = reader.IsDBNull(0) ? null : reader.GetString(0);
                OffsetMinutes = reader.IsDBNull(1) ? 0 : reader.GetInt32(1);
            }
        }
        var sources = new List<CollectedSource>();
        List<int> archives;
        try
        {
            archives = await ArchivesAsync(connection, cancel);
        }
        catch (SqlException e)
        {
            // Listing may be refused where reading the current log is not: still try that one.
            sources.Add(new CollectedSource("xp_enumerrorlogs", null, 0, e.Message));
            archives = [0];
        }
        foreach (int archive in archives)
            sources.Add(await ReadArchiveAsync(connection, archive, folder, cancel));
        sources.Add(await ReadRingBufferAsync(connection, ServerName ?? target.Server, folder, cancel));
        return sources;
    }

    private static async Task<List<int>> ArchivesAsync(SqlConnection connection, CancellationToken cancel)
    {
        var archives = new List<int>();
        await using var reader = await Command(connection, EnumerateQuery).ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
            archives.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        archives.Sort();
        return archives;
    }

    private static async Task<CollectedSource> ReadArchiveAsync(SqlConnection connection, int archive, string folder, CancellationToken cancel)
    {
        string name = archive == 0 ? "ERRORLOG" : "ERRORLOG." + archive.ToString(CultureInfo.InvariantCulture);
        string path = Path.Combine(folder, name + ".txt");
        var text = new StringBuilder("LogDate\tProcessInfo\tText\n");
        int rows = 0;
        try
        {
            await using var reader = await Command(connection, string.Format(CultureInfo.InvariantCulture, ReadQuery, archive)).ExecuteReaderAsync(cancel);
            while (await reader.ReadAsync(cancel))
            {
                var logDate = reader.GetDateTime(0);
                // Text keeps its line breaks: the banner continues on lines without a time, as in the file.
                text.Append(logDate.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)).Append('\t')
                    .Append(reader.IsDBNull(1) ? "" : reader.GetString(1)).Append('\t')
                    .Append(reader.IsDBNull(2) ? "" : reader.GetString(2).ReplaceLineEndings("\n")).Append('\n');
                rows++;
            }
        }
        catch (SqlException e)
        {
            return new CollectedSource(name, null, 0, e.Message);
        }
        await File.WriteAllTextAsync(path, text.ToString(), new UTF8Encoding(false), cancel);
        return new CollectedSource(name, path, rows, null);
    }

    private static async Task<CollectedSource> ReadRingBufferAsync(SqlConnection connection, string server, string folder, CancellationToken cancel)
    {
        string path = Path.Combine(folder, RingBufferName + ".txt");
        var text = new StringBuilder(ConnectivityLog.Header(server)).Append('\n');
        int rows = 0;
        try
        {
            await using var reader = await Command(connection, RingBufferQuery).ExecuteReaderAsync(cancel);
            while (await reader.ReadAsync(cancel))
            {
                if (reader.IsDBNull(3))
                    continue;
                long stamp = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
                long ticks = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
                var now = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc));
                text.Append(ConnectivityLog.Line(now.AddMilliseconds(stamp - ticks), reader.GetString(3))).Append('\n');
                rows++;
            }
        }
        catch (SqlException e)
        {
            return new CollectedSource(RingBufferName, null, 0, e.Message);
        }
        await File.WriteAllTextAsync(path, text.ToString(), new UTF8Encoding(false), cancel);
        return new CollectedSource(RingBufferName, path, rows, null);
    }

    private static SqlCommand Command(SqlConnection connection, string text) => new(text, connection) { CommandTimeout = 60 };
}
