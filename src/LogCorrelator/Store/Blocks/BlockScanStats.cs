namespace LogCorrelator.Store.Blocks;

/// <summary>What reads cost, for <c>--explain</c>: blocks looked at, left out by their summary, decoded.</summary>
internal sealed class BlockScanStats
{
    public int Considered { get; set; }
    public int Pruned { get; set; }
    public int Decoded { get; set; }
    public long EventsDecoded { get; set; }
    public long BytesRead { get; set; }

    public override string ToString() =>
        $"blocks: {Considered} considered, {Pruned} pruned by summary, {Decoded} decoded ({EventsDecoded} events, {BytesRead} bytes)";
}
