using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.AppLog;

/// <summary>
/// Application logs of .NET services (Serilog, NLog, log4net, Microsoft.Extensions.Logging file
/// sinks): one entry per timestamped line plus the exception and stack trace lines that follow it.
/// Entries carrying a database client error become <see cref="EventKind.Error"/>, the rest Info.
/// </summary>
internal sealed class AppLogFormat : ILogFormat
{
    public string Name => "applog";

    /// <summary>
    /// High when most lines start with a timestamp followed by a level. Lines whose second field is
    /// an ERRORLOG process column (spid52, Server, Logon) are SQL Server's, so this stays low for them.
    /// </summary>
    public double Score(SniffSample sample)
    {
        int lines = 0, stamped = 0, leveled = 0, errorlog = 0;
        foreach (string line in sample.Lines)
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            lines++;
            if (!AppLogHeaderParser.TryParse(line, out AppLogHeader header))
                continue;
            stamped++;
            if (header.ProcessColumn)
                errorlog++;
            else if (header.Level != AppLogLevel.None)
                leveled++;
        }
        // One dated line among many undated ones is prose or code that mentions a time, not a log.
        if (stamped == 0 || (stamped == 1 && lines > 3))
            return 0;
        // Stack traces are lines too: a sample heavy with them still belongs here, only a bit less surely.
        double share = (double)stamped / lines;
        if (errorlog * 2 >= stamped)
            return 0.2 * share;
        return leveled * 2 >= stamped ? 0.75 + 0.2 * share : 0.3 + 0.3 * share;
    }

    public void Read(LineReader lines, IngestContext context, IEventSink sink)
    {
        using var entry = new EntryBuffer(lines.Encoding);
        AppLogHeader header = default;
        LogEvent e = default;
        int orphans = 0, firstOrphan = 0;
        while (lines.TryReadLine(out Line line))
        {
            if (AppLogHeaderParser.TryParse(line.Text, out AppLogHeader next))
            {
                if (!entry.IsEmpty)
                    Emit(entry, header, context, sink, ref e);
                else if (orphans > 0)
                    ReportOrphans(context, firstOrphan, orphans);
                header = next;
                entry.Start(line);
            }
            else if (!entry.IsEmpty)
                entry.Append(line);
            else if (!line.Text.IsWhiteSpace() && orphans++ == 0)
                firstOrphan = line.Number;
        }
        if (!entry.IsEmpty)
            Emit(entry, header, context, sink, ref e);
        else if (orphans > 0)
            ReportOrphans(context, firstOrphan, orphans);
    }

    private static void Emit(EntryBuffer entry, in AppLogHeader header, IngestContext context, IEventSink sink, ref LogEvent e)
    {
        AppLogEntry.ToEvent(entry, header, context, ref e);
        sink.Add(ref e);
    }

    private static void ReportOrphans(IngestContext context, int line, int count) =>
        context.Problems.Report(line, count == 1
            ? "a line before the first timestamped entry was skipped"
            : $"{count} lines before the first timestamped entry were skipped");
}
