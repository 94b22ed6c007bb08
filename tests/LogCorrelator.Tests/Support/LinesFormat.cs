using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Support;

/// <summary>
/// A test-only format: <c>yyyy-MM-dd HH:mm:ss.fff KIND [CODE] message</c>, one event a line, so
/// runner and store tests don't depend on a real format's rules.
/// </summary>
internal sealed class LinesFormat : ILogFormat
{
    public const string Header = "#lines";

    public string Name => "lines";

    public double Score(SniffSample sample) => sample.Lines.Count > 0 && sample.Lines[0] == Header ? 1 : 0.1;

    public void Read(LineReader lines, IngestContext context, IEventSink sink)
    {
        var e = new LogEvent();
        while (lines.TryReadLine(out var line))
        {
            var text = line.Text;
            if (text.StartsWith(Header) || text.IsEmpty)
                continue;
            if (!TimestampParser.TryParse(text, out var stamp, out int used))
            {
                context.Problems.Report(line.Number, "malformed timestamp");
                continue;
            }
            var rest = text[(used + 1)..];
            int sp = rest.IndexOf(' ');
            EventKinds.TryParse(rest[..sp].ToString(), out var kind);
            rest = rest[(sp + 1)..];
            int? code = null;
            sp = rest.IndexOf(' ');
            if (sp > 0 && int.TryParse(rest[..sp], out int c))
            {
                code = c;
                rest = rest[(sp + 1)..];
            }
            e.Clear();
            e.Time = context.Clock.ToUtc(stamp);
            e.Kind = kind;
            e.Code = code;
            e.Host = context.ResolveHost(null);
            e.Offset = line.Offset;
            e.Length = line.Length;
            e.Line = line.Number;
            e.MessageOffset = text.Length - rest.Length;
            e.MessageLength = rest.Length;
            sink.Add(ref e);
        }
    }
}
