using LogCorrelator.Events;

namespace LogCorrelator.Ingest;

/// <summary>Stops a file's ingest between events when the user interrupts; the writer then rolls the file back.</summary>
internal sealed class CancellingSink : IEventSink
{
    private readonly IEventSink _inner;
    private readonly CancellationToken _token;
    private int _n;

    public CancellingSink(IEventSink inner, CancellationToken token)
    {
        _inner = inner;
        _token = token;
    }

    public void Add(ref LogEvent e)
    {
        if ((++_n & 4095) == 0)
            _token.ThrowIfCancellationRequested();
        _inner.Add(ref e);
    }
}
