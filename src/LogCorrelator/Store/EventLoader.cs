using LogCorrelator.Store.Blocks;

namespace LogCorrelator.Store;

/// <summary>
/// Reads events out of the blocks into an <see cref="EventSet"/>, the one in-memory column model
/// every reader uses: the query executor's sets, diagnose's scans and the join core's inputs. Only
/// the blocks whose summary the filter admits are decoded, only the matching rows are kept, with
/// only the columns asked for, sorted by (time, id).
/// </summary>
internal static class EventLoader
{
    public static EventSet Load(EventStore store, EventScan scan) =>
        Read(store, new BlockFilter(scan.Kinds, scan.Codes, scan.SqlStates, scan.From, scan.To), scan.Fields, scan.Ranges);

    /// <param name="ranges">Sorted, disjoint: a block is decoded only when it overlaps one, and only rows inside one are kept.</param>
    /// <param name="stats">When given, counts the blocks and events decoded (tests check what a question reads).</param>
    public static EventSet Read(EventStore store, BlockFilter filter, ColumnSet columns, IReadOnlyList<(long From, long To)>? ranges,
        BlockScanStats? stats = null, CancellationToken cancel = default)
    {
        columns = WithSource(columns);
        var set = new EventSet(columns, 256);
        foreach (var b in store.BlockSummaries)
        {
            if (!filter.Admits(b) || (ranges is not null && !TimeRanges.Overlaps(ranges, b.First, b.Last)))
                continue;
            cancel.ThrowIfCancellationRequested();
            var block = store.Block(b, stats);
            for (int i = 0; i < block.Count; i++)
            {
                if (filter.Matches(block, i) && (ranges is null || TimeRanges.Overlaps(ranges, block.Time[i], block.Time[i])))
                    AddRow(set, columns, block, i);
            }
        }
        return set.Sorted();
    }

    private static void AddRow(EventSet set, ColumnSet columns, EventBlock block, int i)
    {
        int n = set.Add(block.Id[i], block.Time[i]);
        if ((columns & ColumnSet.Kind) != 0) set.Kind[n] = (int)block.Kind[i];
        if ((columns & ColumnSet.Code) != 0) set.Code[n] = block.Code[i];
        if ((columns & ColumnSet.Host) != 0) set.Host[n] = block.Host[i];
        if ((columns & ColumnSet.Spid) != 0) set.Spid[n] = block.Spid[i];
        if ((columns & ColumnSet.Source) != 0) set.Source[n] = (int)EventIds.Source(block.Id[i]);
        if ((columns & ColumnSet.Message) != 0)
        {
            var (offset, length) = MessageSpan.Decode(block.Message[i], block.Length[i]);
            set.MessageOffset[n] = block.Offset[i] + offset;
            set.MessageLength[n] = length;
        }
        if ((columns & Rare) == 0)
            return;
        var rare = block.HasAttributes ? block.Attributes(i) : default;
        if ((columns & ColumnSet.SqlState) != 0) set.SqlState[n] = rare.SqlState;
        if ((columns & ColumnSet.Peer) != 0) set.Peer[n] = rare.Peer;
        if ((columns & ColumnSet.Port) != 0) set.Port[n] = rare.Port ?? EventSet.None;
        if ((columns & ColumnSet.Count) != 0) set.Counts[n] = rare.Count ?? EventSet.None;
        if ((columns & ColumnSet.Extra) != 0) set.Extra[n] = rare.Extra;
    }

    private const ColumnSet Rare = ColumnSet.SqlState | ColumnSet.Peer | ColumnSet.Port | ColumnSet.Count | ColumnSet.Extra;

    /// <summary>The message's place needs its file.</summary>
    private static ColumnSet WithSource(ColumnSet columns) =>
        (columns & ColumnSet.Message) != 0 ? columns | ColumnSet.Source : columns;
}
