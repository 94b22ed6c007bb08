using LogCorrelator.Events;

namespace LogCorrelator.Store;

/// <summary>
/// Reads events back for display: each from its block (decoded once, cached), then the messages from
/// the source files in file order, so each file is opened once and read forwards.
/// </summary>
internal static class EventResolver
{
    public static IReadOnlyList<StoredEvent> Resolve(EventStore store, IReadOnlyList<long> ids)
    {
        var result = new StoredEvent[ids.Count];
        if (ids.Count == 0)
            return result;
        var found = new (Blocks.EventBlock Block, int Index)[ids.Count];
        var order = new int[ids.Count];
        for (int i = 0; i < ids.Count; i++)
            order[i] = i;
        // In id order, the events of one block come together: each block is decoded once.
        Array.Sort(order, (a, b) => ids[a].CompareTo(ids[b]));
        foreach (int i in order)
            found[i] = store.Find(ids[i]) ?? throw new InvalidOperationException($"event {ids[i]} is not in the store");
        // File order: by source (the id's high half), then by offset.
        Array.Sort(order, (a, b) =>
        {
            int bySource = EventIds.Source(ids[a]).CompareTo(EventIds.Source(ids[b]));
            return bySource != 0 ? bySource : found[a].Block.Offset[found[a].Index].CompareTo(found[b].Block.Offset[found[b].Index]);
        });
        using var text = new SourceTextReader();
        foreach (int i in order)
        {
            var (block, at) = found[i];
            var src = store.SourceById(EventIds.Source(ids[i]))!;
            var (moff, mlen) = MessageSpan.Decode(block.Message[at], block.Length[at]);
            string message = text.Read(src.Path, src.Encoding, block.Offset[at] + moff, mlen, src.MessageIsJsonString);
            var rare = block.Attributes(at);
            long t = block.Time[at];
            result[i] = new StoredEvent(ids[i], EventTime.IsKnown(t) ? DateTimeOffset.FromUnixTimeMilliseconds(t) : null, block.Kind[at],
                Optional(block.Code[at]), rare.SqlState, store.Name(block.Host[at]), store.Name(rare.Peer), Optional(block.Spid[at]),
                rare.Port, rare.Count, message, src.Path, block.Line[at], rare.Extra);
        }
        return result;
    }

    private static int? Optional(int value) => value == Blocks.EventBlock.None ? null : value;
}
