using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Store;

namespace LogCorrelator.Ingest.Formats.Clef;

/// <summary>
/// Serilog's compact JSON (CLEF): one JSON object per line with <c>@t</c>, <c>@mt</c> or <c>@m</c>,
/// <c>@l</c>, <c>@x</c> and the event's properties. Entries whose message or exception carries a
/// database client error become <see cref="EventKind.Error"/>, the rest Info, as in app logs.
/// Lines that are not CLEF objects (console text mixed into the file) are reported one by one and skipped.
/// </summary>
internal sealed class ClefFormat : ILogFormat
{
    /// <summary>The name sources of this format carry; the store decodes their messages as JSON strings.</summary>
    public const string FormatName = SourceRecord.JsonMessagesFormat;

    public string Name => FormatName;

    /// <summary>
    /// A CLEF line is unmistakable (<c>{"@t":...,"@mt":...}</c>), so one in the sample already makes
    /// the file likely CLEF, and half the lines make it near certain. JSON lines of another logger
    /// score low: worth naming as the best guess when the file is skipped, never enough to be read.
    /// </summary>
    public double Score(SniffSample sample)
    {
        int lines = 0, json = 0, clef = 0;
        foreach (string line in sample.Lines)
        {
            var text = line.AsSpan().Trim();
            if (text.IsEmpty)
                continue;
            lines++;
            if (text[0] != '{')
                continue;
            json++;
            if (text.Contains("\"@t\"", StringComparison.Ordinal) && text.Contains("\"@m", StringComparison.Ordinal))
                clef++;
        }
        if (lines == 0)
            return 0;
        return clef > 0 ? Math.Min(1, 0.45 + (double)clef / lines) : 0.2 * json / lines;
    }

    public void Read(LineReader lines, IngestContext context, IEventSink sink)
    {
        using var clef = new ClefLine();
        LogEvent e = default;
        while (lines.TryReadLine(out Line line))
        {
            if (line.Text.IsWhiteSpace())
                continue;
            if (!clef.TryParse(line.Text, context.Names))
            {
                context.Problems.Report(line.Number, clef.Problem);
                continue;
            }
            ClefEntry.ToEvent(clef, line, lines.Encoding, context, ref e);
            sink.Add(ref e);
        }
    }
}
