using LogCorrelator.Ingest.Formats.AppLog;
using LogCorrelator.Ingest.Formats.Common;
using LogCorrelator.Ingest.Formats.Java;
using LogCorrelator.Ingest.Formats.Odbc;
using LogCorrelator.Ingest.Formats.Python;

namespace LogCorrelator.Ingest.Formats.Sniffing;

/// <summary>
/// Profiles a sample once for every client-log format (applog, odbc, python, java), so that they
/// agree on which of them owns a file instead of each guessing alone.
/// </summary>
internal static class StampedLogSniffer
{
    public static SampleProfile Profile(SniffSample sample)
    {
        int lines = 0, stamped = 0, leveled = 0, errorLog = 0, dotNet = 0, python = 0, java = 0, odbc = 0, trace = 0;
        foreach (string text in sample.Lines)
        {
            ReadOnlySpan<char> line = text;
            if (line.IsWhiteSpace())
                continue;
            lines++;
            if (OdbcText.MentionsOdbc(line))
                odbc++;
            // The Java parser reads every layout the generic one does, plus log4j's level-first one.
            if (JavaHeaderParser.TryParse(line, out LogHeader header))
            {
                stamped++;
                // Python's " - name - LEVEL - " puts the level where the generic reading does not look.
                if (PythonHeaderParser.TryParseStrict(line, out LogHeader pythonHeader))
                {
                    python++;
                    header = header with { Level = pythonHeader.Level };
                }
                if (header.ProcessColumn)
                    errorLog++;
                else if (header.Level != LogLevel.None)
                    leveled++;
                if (header.Family == LogFamily.Java)
                    java++;
                else if (header.Family == LogFamily.DotNet)
                    dotNet++;
            }
            else if (TraceRecordHeaderParser.TryParse(line, out _))
                trace++;
            else if (PythonTraceback.IsTracebackLine(line))
                python++;
            else if (JavaTrace.IsTraceLine(line))
                java++;
            else if (DotNetTrace.IsTraceLine(line))
                dotNet++;
        }
        return new SampleProfile(lines, stamped, leveled, errorLog, dotNet, python, java, odbc, trace);
    }
}
