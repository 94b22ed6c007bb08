using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.Text;

/// <summary>
/// The general reader: every text file no specific format claims. It infers the file's timestamp
/// forms from its first 64 KB (<see cref="StampProfile"/>), frames entries (<see cref="TextEntryFramer"/>)
/// and classifies each with the classifiers every format shares, so a pasted exception, a docs page
/// or a console dump still yields its events, with or without times.
/// </summary>
internal sealed class TextFormat : ILogFormat
{
    public const string FormatName = "text";

    public string Name => FormatName;

    /// <summary>Never chosen by score: the runner gives it what no other format claims.</summary>
    public double Score(SniffSample sample) => 0;

    public void Read(LineReader lines, IngestContext context, IEventSink sink)
    {
        var head = context.Head ?? [];
        var profile = StampProfile.Infer(HeadContent(head));
        using var framer = new TextEntryFramer(profile, TextLayout.Of(head), context, sink, lines.Encoding);
        while (lines.TryReadLine(out Line line))
            framer.Feed(line);
        framer.Finish();
    }

    private static IEnumerable<string> HeadContent(IReadOnlyList<string> head)
    {
        foreach (var line in head)
            yield return line[Transport.PrefixLength(line)..];
    }
}
