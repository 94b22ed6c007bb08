using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Tests.Support;

/// <summary>
/// Plays the user pressing Ctrl+C in the middle of a file: cancels after <paramref name="afterEvents"/>
/// events of the file at <paramref name="only"/> (a relative path), or of every file when none is named.
/// </summary>
internal sealed class InterruptingFormat(ILogFormat inner, CancellationTokenSource cancel, int afterEvents, string? only = null) : ILogFormat
{
    public string Name => inner.Name;

    public double Score(SniffSample sample) => inner.Score(sample);

    public void Read(LineReader lines, IngestContext context, IEventSink sink) =>
        inner.Read(lines, context, only is null || context.RelativePath == only ? new Counting(sink, cancel, afterEvents) : sink);

    private sealed class Counting(IEventSink sink, CancellationTokenSource cancel, int after) : IEventSink
    {
        private int _n;

        public void Add(ref LogEvent e)
        {
            if (++_n == after)
                cancel.Cancel();
            sink.Add(ref e);
        }
    }
}
