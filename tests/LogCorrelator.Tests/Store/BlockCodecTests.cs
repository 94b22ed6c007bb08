using LogCorrelator.Events;
using LogCorrelator.Store;
using LogCorrelator.Store.Blocks;

namespace LogCorrelator.Tests.Store;

public sealed class BlockCodecTests
{
    [Fact]
    public void A_block_decodes_to_exactly_what_was_added_edge_values_and_rare_attributes_included()
    {
        var builder = new BlockBuilder(BlockLane.Notable);
        var events = new (long Id, LogEvent Event, int Host, EventAttributes Rare)[]
        {
            (Base + 1, Event(1_709_636_524_310, EventKind.Restart, null, 0, 120, 1, null), 3, default),
            (Base + 7, Event(1_709_636_524_309, EventKind.Error, -2, 500, 3_000, 40, 51), 0, new("08S01", 4, 1433, null, "alt=35,104")),
            (Base + 8, Event(1_709_636_524_309, EventKind.Error, 10054, 5L << 33, 70, 2_000_000, int.MaxValue), 3, new(null, 0, null, 3, null)),
            (Base + 4_000_000, Event(0, EventKind.Kill, int.MinValue + 1, 6L << 33, 1, 1, -7), 9, default),
        };
        foreach (var (id, e, host, rare) in events)
        {
            var copy = e;
            builder.Add(id, ref copy, host, rare);
        }
        var buffer = new ByteBuffer();
        BlockCodec.Encode(builder, Base, buffer);
        var summary = builder.Summarize(Base | 3, 5, buffer.Length);

        var block = BlockCodec.Decode(summary, buffer.ToArray(), Base);

        Assert.Equal(events.Length, block.Count);
        for (int i = 0; i < events.Length; i++)
        {
            var (id, e, host, rare) = events[i];
            var (offset, length) = MessageSpan.Decode(block.Message[i], block.Length[i]);
            Assert.Equal(
                (id, e.Time, e.Kind, e.Code ?? EventBlock.None, host, e.Offset, e.Length, e.MessageOffset, e.MessageLength, e.Line, e.Spid ?? EventBlock.None, rare),
                (block.Id[i], block.Time[i], block.Kind[i], block.Code[i], block.Host[i], block.Offset[i], block.Length[i], offset, length, block.Line[i], block.Spid[i], block.Attributes(i)));
        }
        Assert.Equal((0L, 1_709_636_524_310L, Base + 1, Base + 4_000_000), (summary.First, summary.Last, summary.FirstId, summary.LastId));
        Assert.Equal([int.MinValue + 1, -2, 10054], summary.Codes!);
        Assert.Equal(["08S01"], summary.States);
        Assert.Equal([3, 9], summary.Hosts);
        Assert.True(summary.HasKind(EventKind.Kill) && summary.HasKind(EventKind.Error) && !summary.HasKind(EventKind.Info));
    }

    [Fact]
    public void Constant_columns_cost_a_few_bytes_a_block_so_a_plain_log_packs_into_a_few_bytes_an_event()
    {
        // ERRORLOG-like info lines: one host, CRLF between entries, one line each, the same header width.
        var builder = new BlockBuilder(BlockLane.Info);
        long offset = 0;
        for (int i = 0; i < BlockBuilder.Capacity; i++)
        {
            int length = 120 + (i * 37 % 90);
            var e = Event(1_709_636_524_310 + i * 270L, EventKind.Info, null, offset, length, i + 1, null);
            e.MessageOffset = 70;
            e.MessageLength = length - 72;
            builder.Add(Base + i + 1, ref e, 1, default);
            offset += length;
        }
        var buffer = new ByteBuffer();

        BlockCodec.Encode(builder, Base, buffer);

        // Time deltas and lengths take 2 bytes each; ids, kind, code, host, gaps, message span, line and spid are constants.
        Assert.InRange(buffer.Length / (double)BlockBuilder.Capacity, 3.9, 4.1);
    }

    private const long Base = 5L << 32;

    private static LogEvent Event(long time, EventKind kind, int? code, long offset, int length, int line, int? spid) =>
        new() { Time = time, Kind = kind, Code = code, Offset = offset, Length = length, Line = line, Spid = spid, MessageOffset = 0, MessageLength = length };
}
