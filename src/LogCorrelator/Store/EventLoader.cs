using LogCorrelator.Store.Blocks;

namespace LogCorrelator.Store;

/// <summary>Range scans into <see cref="EventColumns"/>: the blocks a scan's summary test admits, decoded and filtered.</summary>
internal static class EventLoader
{
    public static EventColumns Load(EventStore store, EventScan scan)
    {
        var filter = new BlockFilter(scan.Kinds, scan.Codes, scan.SqlStates, scan.From, scan.To);
        bool wantPeers = scan.Fields.HasFlag(EventFields.Peer);
        var builder = new EventColumnsBuilder(scan.Fields);
        var ranges = scan.Ranges;
        foreach (var b in store.BlockSummaries)
        {
            if (!filter.Admits(b) || (ranges is not null && !TimeRanges.Overlaps(ranges, b.First, b.Last)))
                continue;
            var block = store.Block(b);
            for (int i = 0; i < block.Count; i++)
            {
                if (!filter.Matches(block, i) || (ranges is not null && !TimeRanges.Overlaps(ranges, block.Time[i], block.Time[i])))
                    continue;
                int peer = wantPeers && block.HasAttributes ? block.Attributes(i).Peer : 0;
                builder.Add(block.Id[i], block.Time[i], block.Kind[i], block.Code[i], block.Host[i], peer, block.Spid[i]);
            }
        }
        return builder.BuildSortedByTime();
    }
}
