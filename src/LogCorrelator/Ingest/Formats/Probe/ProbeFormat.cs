using LogCorrelator.Events;
using LogCorrelator.Ingest.Classify;
using LogCorrelator.Ingest.Formats.Common;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.Probe;

/// <summary>
/// A probe log (<see cref="ProbeLog"/>): each attempt becomes a <see cref="EventKind.Probe"/> event on the
/// probing machine, its server as the peer, its outcome and latencies among the rare attributes, and a
/// failure's provider text classified as any client error is (the same codes, so a query finds it beside them).
/// </summary>
internal sealed class ProbeFormat : ILogFormat
{
    public string Name => "probe";

    /// <summary>Only logcorr writes the header: surely one when present, surely not otherwise.</summary>
    public double Score(SniffSample sample) =>
        sample.Lines.Count > 0 && sample.Lines[0].StartsWith(ProbeLog.HeaderStart, StringComparison.Ordinal) ? 1 : 0;

    public void Read(LineReader lines, IngestContext context, IEventSink sink)
    {
        LogEvent e = default;
        string? server = null;
        while (lines.TryReadLine(out Line line))
        {
            if (line.Text.IsWhiteSpace())
                continue;
            if (ProbeLog.TryParseHeader(line.Text, out string client, out string target))
            {
                context.SourceHost ??= context.Names.Intern(client);
                server = context.Names.Intern(target);
                continue;
            }
            if (!ProbeLog.TryParse(line.Text, out long utc, out bool ok, out string attributes, out int? number, out int messageStart))
            {
                context.Problems.Report(line.Number, "not a probe attempt (expected 'TIME ok|fail key=value ... | message')");
                continue;
            }
            e.Clear();
            e.Time = context.Clock.FromUtc(utc);
            e.Kind = EventKind.Probe;
            e.Host = context.ResolveHost(context.SourceHost);
            e.Peer = server;
            e.Offset = line.Offset;
            e.Length = line.Length;
            e.Line = line.Number;
            e.Extra = attributes;
            var message = line.Text[messageStart..].TrimEnd("\r\n");
            if (!ok)
            {
                // The file is a database probe's own: its text needs no driver word to count as one.
                if (ClientErrorClassifier.TryClassify(message, context.Names, out ClientError error, assumeDatabase: true))
                {
                    e.Code = error.Code;
                    e.SqlState = error.SqlState;
                }
                // SqlClient's Number, when it has one, is what the server or driver said: it beats a phrase.
                if (number is int n && n != 0)
                    e.Code = n;
            }
            e.MessageOffset = LineBytes.Of(line.Text[..messageStart], line.BytesPerChar);
            e.MessageLength = LineBytes.Of(message, line.BytesPerChar);
            sink.Add(ref e);
        }
    }
}
