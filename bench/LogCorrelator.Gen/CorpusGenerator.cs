using LogCorrelator.Gen.AppLog;
using LogCorrelator.Gen.Errorlog;
using LogCorrelator.Gen.Output;
using LogCorrelator.Gen.Plan;

namespace LogCorrelator.Gen;

/// <summary>
/// Writes an incident folder like the sample ones: SQLPROD01's ERRORLOG and APPSRV01's Serilog
/// file, half the bytes each, on one UTC timeline. The same options give the same bytes.
/// </summary>
internal static class CorpusGenerator
{
    public const string ErrorlogPath = "SQLPROD01/ERRORLOG";
    public const string AppLogPath = "APPSRV01/Logs/app.log";

    /// <summary>A restart counts an error as near within this window, as <c>near restart within 5m</c> does.</summary>
    public const long NearWindowMs = 5 * 60_000;

    /// <summary>2024-03-04 11:00:00Z, 06:00 on the server's clock.</summary>
    public static readonly long Start = new DateTimeOffset(2024, 3, 4, 11, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static CorpusReport Generate(GenOptions options)
    {
        var plan = IncidentPlan.Create(new Rng(options.Seed, 1), Start, options.SizeBytes);
        long errorlogBudget = options.SizeBytes / 2;

        ErrorlogWriter? errorlog = null;
        var errorlogFile = WriteFile(options.Out, ErrorlogPath,
            s => (errorlog = WriteErrorlog(s, plan, errorlogBudget, options.Seed, options.ErrorlogUtf16)).Lines);
        AppLogWriter? app = null;
        var appFile = WriteFile(options.Out, AppLogPath,
            s => (app = WriteAppLog(s, plan, options.SizeBytes - errorlogBudget, options.Seed)).Lines);

        var restarts = errorlog!.Restarts;
        var errors = app!.TransportErrors;
        int near = errors.Count(e => restarts.Any(r => Math.Abs(e - r) <= NearWindowMs));
        return new CorpusReport(
            [errorlogFile, appFile],
            DateTimeOffset.FromUnixTimeMilliseconds(plan.Start),
            DateTimeOffset.FromUnixTimeMilliseconds(plan.End),
            restarts.Count, errorlog.Kills, errorlog.LoginFailures,
            errors.Count, app.Timeouts, app.OtherErrors, near);
    }

    /// <summary>Writes an ERRORLOG of about <paramref name="bytes"/> to a stream (benchmarks generate in memory).</summary>
    public static void WriteErrorlog(Stream stream, long bytes, long seed, bool utf16) =>
        WriteErrorlog(stream, IncidentPlan.Create(new Rng(seed, 1), Start, 2 * bytes), bytes, seed, utf16);

    /// <summary>Writes a Serilog app log of about <paramref name="bytes"/> to a stream.</summary>
    public static void WriteAppLog(Stream stream, long bytes, long seed) =>
        WriteAppLog(stream, IncidentPlan.Create(new Rng(seed, 1), Start, 2 * bytes), bytes, seed);

    // SQL Server writes ERRORLOG as UTF-16LE with a BOM and CRLF; the UTF-8 variant keeps CRLF and drops the BOM.
    private static ErrorlogWriter WriteErrorlog(Stream stream, IncidentPlan plan, long budget, long seed, bool utf16)
    {
        var sink = new TextSink(stream, utf16, bom: utf16, crlf: true);
        var writer = new ErrorlogWriter(sink, new Rng(seed, 2));
        writer.Write(plan, budget);
        sink.Flush();
        return writer;
    }

    // Serilog's file sink: UTF-8 without a BOM, LF.
    private static AppLogWriter WriteAppLog(Stream stream, IncidentPlan plan, long budget, long seed)
    {
        var sink = new TextSink(stream, utf16: false, bom: false, crlf: false);
        var writer = new AppLogWriter(sink, new Rng(seed, 3));
        writer.Write(plan, budget);
        sink.Flush();
        return writer;
    }

    private static FileReport WriteFile(string root, string relativePath, Func<Stream, long> write)
    {
        string path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        long lines;
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0))
            lines = write(stream);
        return new FileReport(relativePath, new FileInfo(path).Length, lines);
    }
}
