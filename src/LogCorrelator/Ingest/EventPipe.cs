using System.Collections.Concurrent;
using LogCorrelator.Events;

namespace LogCorrelator.Ingest;

/// <summary>
/// Carries one file's events from the thread that parses it to the thread that writes the store,
/// in batches through a short bounded queue: parsing and SQLite's inserts then run on two cores
/// at once, and a writer that falls behind stops the parser after a few batches, so memory stays
/// bounded whatever the file's size. Batches are recycled; nothing is allocated per event.
/// </summary>
internal sealed class EventPipe : IEventSink, IDisposable
{
    public const int BatchSize = 4096;
    private const int QueuedBatches = 4;

    private readonly BlockingCollection<(LogEvent[] Events, int Count)> _full = new(QueuedBatches);
    private readonly ConcurrentQueue<LogEvent[]> _free = new();
    private readonly CancellationTokenSource _abandon = new();
    private LogEvent[] _current = new LogEvent[BatchSize];
    private int _count;

    /// <summary>Parser side: queues a copy of the event; waits while the queue is full.</summary>
    public void Add(ref LogEvent e)
    {
        _current[_count++] = e;
        if (_count == BatchSize)
            Send();
    }

    /// <summary>Parser side: no more events (also after a failure, so the writer stops waiting).</summary>
    public void Complete()
    {
        if (!_abandon.IsCancellationRequested && _count > 0)
            Send();
        _full.CompleteAdding();
    }

    /// <summary>Writer side: hands every event to <paramref name="sink"/>, in order, until the parser completes.</summary>
    public void DrainTo(IEventSink sink)
    {
        try
        {
            foreach (var (events, count) in _full.GetConsumingEnumerable())
            {
                for (int i = 0; i < count; i++)
                    sink.Add(ref events[i]);
                Array.Clear(events, 0, count);
                _free.Enqueue(events);
            }
        }
        catch
        {
            // The writer failed: make the parser's next Add throw instead of waiting forever.
            _abandon.Cancel();
            throw;
        }
    }

    private void Send()
    {
        _full.Add((_current, _count), _abandon.Token);
        _current = _free.TryDequeue(out var reused) ? reused : new LogEvent[BatchSize];
        _count = 0;
    }

    public void Dispose()
    {
        _full.Dispose();
        _abandon.Dispose();
    }
}
