using System.Globalization;
using Microsoft.Data.SqlClient;

namespace SqlClientProbe;

/// <summary>
/// Opens one connection to 127.0.0.1,PORT and logs the failure the way a Serilog file sink with the
/// default template would: a prefix line, then <c>ex.ToString()</c> exactly as the driver made it.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length != 1 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out int port))
        {
            Console.Error.WriteLine("usage: SqlClientProbe PORT");
            return 2;
        }
        string connectionString =
            $"Server=tcp:127.0.0.1,{port};User Id=app;Password=NotTheRealOne1;Connect Timeout=3;Encrypt=False";
        Log("INF", $"Opening connection to 127.0.0.1,{port}", null);
        try
        {
            using var connection = new SqlConnection(connectionString);
            connection.Open();
            Log("INF", "Connection opened", null);
            return 0;
        }
        catch (SqlException ex)
        {
            Log("ERR", "Failed to open connection", ex);
            return 1;
        }
    }

    // Serilog's default file template: {Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}
    private static void Log(string level, string message, Exception? exception)
    {
        var stamp = DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm:ss.fff zzz", CultureInfo.InvariantCulture);
        Console.Out.Write($"{stamp} [{level}] {message}\n");
        if (exception is not null)
            Console.Out.Write(exception.ToString() + "\n");
    }
}
