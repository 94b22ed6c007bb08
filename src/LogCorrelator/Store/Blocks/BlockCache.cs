namespace LogCorrelator.Store.Blocks;

/// <summary>
/// The blocks decoded last, within a byte budget: the TUI pages, resolves and histograms the same few
/// blocks again and again. Oldest out first; a scan of everything streams through without holding it.
/// </summary>
internal sealed class BlockCache(long budgetBytes)
{
    private readonly Dictionary<long, EventBlock> _blocks = [];
    private readonly Queue<long> _order = new();
    private long _bytes;

    public bool TryGet(long id, out EventBlock block) => _blocks.TryGetValue(id, out block!);

    public void Add(EventBlock block)
    {
        if (block.Bytes > budgetBytes / 4 || !_blocks.TryAdd(block.Summary.Id, block))
            return;
        _order.Enqueue(block.Summary.Id);
        _bytes += block.Bytes;
        while (_bytes > budgetBytes && _order.TryDequeue(out long old))
        {
            if (_blocks.Remove(old, out var gone))
                _bytes -= gone.Bytes;
        }
    }

    public void Clear()
    {
        _blocks.Clear();
        _order.Clear();
        _bytes = 0;
    }
}
