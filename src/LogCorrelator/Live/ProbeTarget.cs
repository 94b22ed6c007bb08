using Microsoft.Data.SqlClient;

namespace LogCorrelator.Live;

/// <summary>
/// A connection string checked before the first attempt, with the pooling the user chose. Only
/// <see cref="Server"/> is ever shown or stored: the string itself, password and all, stays in memory.
/// </summary>
public sealed class ProbeTarget
{
    private ProbeTarget(string connectionString, string server)
    {
        ConnectionString = connectionString;
        Server = server;
    }

    internal string ConnectionString { get; }

    /// <summary>The server as the connection string names it (<c>tcp:db01,1433</c>).</summary>
    public string Server { get; }

    /// <param name="pooled">Reuse pooled connections, as an application does; else open a new one each time.</param>
    /// <param name="error">Why the string is no connection string, in words that never quote a value.</param>
    public static bool TryCreate(string connectionString, bool pooled, out ProbeTarget? target, out string? error)
    {
        target = null;
        try
        {
            var builder = new SqlConnectionStringBuilder(connectionString) { Pooling = pooled };
            if (string.IsNullOrWhiteSpace(builder.DataSource))
            {
                error = "it names no server (Server=HOST,PORT)";
                return false;
            }
            target = new ProbeTarget(builder.ConnectionString, builder.DataSource);
            error = null;
            return true;
        }
        // SqlClient's messages name the keyword or the position, never the value.
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            error = e.Message;
            return false;
        }
    }
}
