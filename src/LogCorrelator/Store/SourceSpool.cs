using LogCorrelator.Events;
using LogCorrelator.Store.Blocks;

namespace LogCorrelator.Store;

/// <summary>
/// A file read ahead: while the writer's thread writes one file, another file is parsed and encoded
/// here on its own thread, into blocks that wait in memory until its turn (<see cref="SourceWriter.Write(SourceSpool, CancellationToken)"/>),
/// so both cores work. Bounded: past <see cref="MaxWaitingBytes"/> of waiting blocks the reader
/// waits for the writer, and a file of any size streams through once its turn has come.
/// </summary>
internal sealed class SourceSpool : IEventSink
{
    /// <summary>Encoded bytes (about 8 per event) a file read ahead may hold before its turn.</summary>
    public const long MaxWaitingBytes = 48L << 20;

    private readonly BlockEncoder _encoder;
    private readonly Queue<EncodedBlock> _blocks = new();
    private readonly object _gate = new();
    private long _waitingBytes;
    private bool _complete, _abandoned;

    public SourceSpool(EventStore store, long sourceId)
    {
        SourceId = sourceId;
        _encoder = new BlockEncoder(store, sourceId, Queue);
    }

    public long SourceId { get; }

    /// <summary>Valid once the reader has completed.</summary>
    public long Events => _encoder.Events;
    public long? First => _encoder.First;
    public long? Last => _encoder.Last;

    /// <summary>Reader side.</summary>
    public void Add(ref LogEvent e) => _encoder.Add(ref e);

    /// <summary>Reader side, after the file's last event: the partly filled blocks follow.</summary>
    public void Complete()
    {
        _encoder.Flush();
        Stop();
    }

    /// <summary>Reader side, also when reading failed: the writer stops waiting (a failure is the reader's to report).</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _complete = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Writer side: the blocks in order, waiting for the reader until it completes.</summary>
    public IEnumerable<EncodedBlock> Blocks(CancellationToken cancel)
    {
        while (true)
        {
            EncodedBlock block;
            lock (_gate)
            {
                while (_blocks.Count == 0 && !_complete)
                {
                    cancel.ThrowIfCancellationRequested();
                    Monitor.Wait(_gate, 100);
                }
                if (_blocks.Count == 0)
                    yield break;
                block = _blocks.Dequeue();
                _waitingBytes -= block.Data.Length;
                Monitor.PulseAll(_gate);
            }
            yield return block;
        }
    }

    /// <summary>The writer will take no more blocks (it failed or was cancelled): the reader stops at its next block.</summary>
    public void Abandon()
    {
        lock (_gate)
        {
            _abandoned = true;
            Monitor.PulseAll(_gate);
        }
    }

    private void Queue(EncodedBlock block)
    {
        lock (_gate)
        {
            while (_waitingBytes >= MaxWaitingBytes && !_abandoned)
                Monitor.Wait(_gate);
            if (_abandoned)
                throw new OperationCanceledException("the writer took no more blocks");
            _blocks.Enqueue(block);
            _waitingBytes += block.Data.Length;
            Monitor.PulseAll(_gate);
        }
    }
}
