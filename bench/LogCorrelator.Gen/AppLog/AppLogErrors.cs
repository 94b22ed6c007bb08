using LogCorrelator.Gen.Output;

namespace LogCorrelator.Gen.AppLog;

/// <summary>
/// Error entries as Serilog writes them: the ERR line, then the exception's <c>ToString()</c> on
/// the following lines (message, inner exception, stack, and for a SqlException its
/// <c>ClientConnectionId</c> and <c>Error Number</c> lines).
/// </summary>
internal static class AppLogErrors
{
    public static void Write(AppLogWriter log, long t, AppErrorKind kind)
    {
        var rng = log.Rng;
        int order = rng.Between(100_000, 999_999);
        var sink = log.Sink;
        if (kind == AppErrorKind.NullReference)
        {
            log.Line(t, "ERR").Text("Unhandled exception while processing GET /api/orders/").Int(order).EndLine();
            sink.Block(StackTraces.NullReference);
            return;
        }

        int site = rng.Below(3);
        var headline = log.Line(t, "ERR");
        if (site == 0)
            headline.Text("Failed to load order ").Int(order);
        else if (site == 1)
            headline.Text("Error saving order ").Int(order).Text(" for customer ").Int(rng.Between(1000, 99_999));
        else
            headline.Text("Health check sql failed");
        headline.EndLine();
        if (kind == AppErrorKind.Timeout)
            sink.Block(StackTraces.Timeout);
        else
            sink.Block(rng.Below(2) == 0 ? StackTraces.TransportSending : StackTraces.TransportReceiving);
        sink.Block(StackTraces.CallSites[site]);
        sink.Text("ClientConnectionId:").Hex(rng.Next(), 8).Char('-').Hex(rng.Next(), 4).Char('-').Hex(rng.Next(), 4)
            .Char('-').Hex(rng.Next(), 4).Char('-').Hex(rng.Next(), 12).EndLine();
        sink.Text(kind == AppErrorKind.Timeout ? "Error Number:-2,State:0,Class:11" : "Error Number:10054,State:0,Class:20").EndLine();
    }
}
