using System.Diagnostics;
using LogCorrelator.Ingest.Formats.Probe;
using Microsoft.Data.SqlClient;

namespace LogCorrelator.Live;

/// <summary>
/// One probe attempt with Microsoft.Data.SqlClient: open, run the query, read every row. Times the
/// connect (Open), the first byte (until the reader has the first result) and the whole query; a
/// failure keeps what SqlClient said (Number, Class, State, its text, the ClientConnectionId).
/// </summary>
public sealed class SqlProbe(ProbeTarget target, string query, TimeProvider clock)
{
    /// <returns>The attempt; null when <paramref name="cancel"/> stopped it (an attempt cut short is no evidence).</returns>
    public async Task<ProbeRecord?> AttemptAsync(CancellationToken cancel)
    {
        var started = clock.GetUtcNow();
        long t0 = Stopwatch.GetTimestamp();
        long? connect = null, firstByte = null;
        try
        {
            await using var connection = new SqlConnection(target.ConnectionString);
            await connection.OpenAsync(cancel);
            connect = Ms(t0);
            long q0 = Stopwatch.GetTimestamp();
            await using var command = new SqlCommand(query, connection);
            await using var reader = await command.ExecuteReaderAsync(cancel);
            firstByte = Ms(q0);
            long rows = 0;
            do
            {
                while (await reader.ReadAsync(cancel))
                    rows++;
            }
            while (await reader.NextResultAsync(cancel));
            return new ProbeRecord(started, true, connect, firstByte, Ms(q0), Message: $"{rows} row{(rows == 1 ? "" : "s")}");
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return null;
        }
        catch (SqlException e)
        {
            return new ProbeRecord(started, false, connect, firstByte, null, e.Number, e.Class, e.State, e.ClientConnectionId, Text(e));
        }
        // Not SqlClient's error but the attempt's all the same (a pooled connection SqlClient found broken).
        catch (InvalidOperationException e) when (!cancel.IsCancellationRequested)
        {
            return new ProbeRecord(started, false, connect, firstByte, null, Message: e.Message);
        }
    }

    /// <summary>
    /// The message and, as <c>ex.ToString()</c> prints them, the first line of each inner exception: on Linux
    /// the reason (<c>SocketException (104): Connection reset by peer</c>) is only there, and an app log has it too.
    /// </summary>
    private static string Text(Exception e)
    {
        var text = new System.Text.StringBuilder(e.Message);
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            string first = inner.ToString();
            int nl = first.IndexOfAny(['\r', '\n']);
            text.Append(" ---> ").Append(nl < 0 ? first : first[..nl]);
        }
        return text.ToString();
    }

    private static long Ms(long from) => (long)Stopwatch.GetElapsedTime(from).TotalMilliseconds;
}
