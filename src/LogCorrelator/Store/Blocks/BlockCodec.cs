using System.Text;
using LogCorrelator.Events;

namespace LogCorrelator.Store.Blocks;

/// <summary>
/// A block's bytes: a version byte, the event count, then one column after another, each either one
/// value for the whole block (a constant column: the kind of an info block, the host of a file, the
/// gap between lines) or one varint per event. Numbers go in as deltas where neighbours are close
/// (ids, times, offsets, lines), zigzagged where they can be negative; missing code and spid are 0,
/// present ones shifted by one. The rare attributes follow as a side list (index, flags, values).
/// </summary>
internal static class BlockCodec
{
    private const byte Version = 1;
    private const byte Constant = 0, Varints = 1;

    [Flags]
    private enum Has : byte
    {
        SqlState = 1, Peer = 2, Port = 4, Count = 8, Extra = 16,
    }

    public static void Encode(BlockBuilder b, long idBase, ByteBuffer output)
    {
        output.Clear();
        output.Add(Version);
        int n = b.Count;
        Varint.Write(output, (ulong)n);
        Span<ulong> column = n <= 1024 ? stackalloc ulong[n] : new ulong[n];

        long prev = idBase;
        for (int i = 0; i < n; i++) { column[i] = (ulong)(b.Id[i] - prev); prev = b.Id[i]; }
        WriteColumn(output, column);

        long firstTime = b.Time[0];
        Varint.Write(output, Varint.ZigZag(firstTime));
        prev = firstTime;
        for (int i = 0; i < n; i++) { column[i] = Varint.ZigZag(b.Time[i] - prev); prev = b.Time[i]; }
        WriteColumn(output, column);

        for (int i = 0; i < n; i++) column[i] = b.Kind[i];
        WriteColumn(output, column);
        for (int i = 0; i < n; i++) column[i] = Optional(b.Code[i]);
        WriteColumn(output, column);
        for (int i = 0; i < n; i++) column[i] = (ulong)(uint)b.Host[i];
        WriteColumn(output, column);

        long end = 0;
        for (int i = 0; i < n; i++) { column[i] = Varint.ZigZag(b.Offset[i] - end); end = b.Offset[i] + b.Length[i]; }
        WriteColumn(output, column);
        for (int i = 0; i < n; i++) column[i] = (ulong)(uint)b.Length[i];
        WriteColumn(output, column);
        for (int i = 0; i < n; i++) column[i] = Varint.ZigZag(b.Message[i]);
        WriteColumn(output, column);
        long line = 0;
        for (int i = 0; i < n; i++) { column[i] = Varint.ZigZag(b.Line[i] - line); line = b.Line[i]; }
        WriteColumn(output, column);
        for (int i = 0; i < n; i++) column[i] = Optional(b.Spid[i]);
        WriteColumn(output, column);

        Varint.Write(output, (ulong)b.Attributes.Count);
        foreach (var (index, a) in b.Attributes)
        {
            Varint.Write(output, (ulong)index);
            var has = (a.SqlState is null ? 0 : Has.SqlState) | (a.Peer == 0 ? 0 : Has.Peer) | (a.Port is null ? 0 : Has.Port)
                | (a.Count is null ? 0 : Has.Count) | (a.Extra is null ? 0 : Has.Extra);
            output.Add((byte)has);
            if (a.SqlState is { } state) WriteString(output, state);
            if (a.Peer != 0) Varint.Write(output, (ulong)(uint)a.Peer);
            if (a.Port is int port) Varint.Write(output, Varint.ZigZag(port));
            if (a.Count is int count) Varint.Write(output, Varint.ZigZag(count));
            if (a.Extra is { } extra) WriteString(output, extra);
        }
    }

    public static EventBlock Decode(BlockSummary summary, ReadOnlySpan<byte> data, long idBase)
    {
        int pos = 0;
        int n = ReadHeader(summary, data, ref pos);
        Span<ulong> column = n <= 1024 ? stackalloc ulong[n] : new ulong[n];
        var block = new EventBlock(summary, n);
        var ids = block.Id;
        ReadColumn(data, ref pos, column);
        long prev = idBase;
        for (int i = 0; i < n; i++) ids[i] = prev += (long)column[i];

        var times = block.Time;
        prev = Varint.UnZigZag(Varint.Read(data, ref pos));
        ReadColumn(data, ref pos, column);
        for (int i = 0; i < n; i++) times[i] = prev += Varint.UnZigZag(column[i]);

        var kinds = block.Kind;
        ReadColumn(data, ref pos, column);
        for (int i = 0; i < n; i++) kinds[i] = (EventKind)column[i];
        var codes = block.Code;
        ReadColumn(data, ref pos, column);
        for (int i = 0; i < n; i++) codes[i] = FromOptional(column[i]);
        var hosts = block.Host;
        ReadColumn(data, ref pos, column);
        for (int i = 0; i < n; i++) hosts[i] = (int)column[i];

        // Offsets are stored as gaps after the previous entry's end, so they need the lengths that follow.
        var offsets = block.Offset;
        var lengths = block.Length;
        ReadColumn(data, ref pos, column);
        for (int i = 0; i < n; i++) offsets[i] = Varint.UnZigZag(column[i]);
        ReadColumn(data, ref pos, column);
        long end = 0;
        for (int i = 0; i < n; i++)
        {
            lengths[i] = (int)column[i];
            offsets[i] += end;
            end = offsets[i] + lengths[i];
        }
        var messages = block.Message;
        ReadColumn(data, ref pos, column);
        for (int i = 0; i < n; i++) messages[i] = Varint.UnZigZag(column[i]);
        var lines = block.Line;
        ReadColumn(data, ref pos, column);
        long line = 0;
        for (int i = 0; i < n; i++) lines[i] = (int)(line += Varint.UnZigZag(column[i]));
        var spids = block.Spid;
        ReadColumn(data, ref pos, column);
        for (int i = 0; i < n; i++) spids[i] = FromOptional(column[i]);

        int rare = (int)Varint.Read(data, ref pos);
        var index = new int[rare];
        var attributes = new EventAttributes[rare];
        for (int k = 0; k < rare; k++)
        {
            index[k] = (int)Varint.Read(data, ref pos);
            var has = (Has)data[pos++];
            string? state = has.HasFlag(Has.SqlState) ? ReadString(data, ref pos) : null;
            int peer = has.HasFlag(Has.Peer) ? (int)Varint.Read(data, ref pos) : 0;
            int? port = has.HasFlag(Has.Port) ? (int)Varint.UnZigZag(Varint.Read(data, ref pos)) : null;
            int? count = has.HasFlag(Has.Count) ? (int)Varint.UnZigZag(Varint.Read(data, ref pos)) : null;
            string? extra = has.HasFlag(Has.Extra) ? ReadString(data, ref pos) : null;
            attributes[k] = new EventAttributes(state, peer, port, count, extra);
        }

        block.SetAttributes(index, attributes);
        return block;
    }

    /// <summary>
    /// Only the times and kinds of a block (the histogram's need): the id column is stepped over and
    /// nothing after the kinds is read.
    /// </summary>
    /// <returns>The block's event count.</returns>
    public static int DecodeTimes(BlockSummary summary, ReadOnlySpan<byte> data, long[] times, EventKind[] kinds)
    {
        int pos = 0;
        int n = ReadHeader(summary, data, ref pos);
        ArgumentOutOfRangeException.ThrowIfLessThan(Math.Min(times.Length, kinds.Length), n, nameof(times));
        SkipColumn(data, ref pos, n);
        Span<ulong> column = n <= 1024 ? stackalloc ulong[n] : new ulong[n];
        long prev = Varint.UnZigZag(Varint.Read(data, ref pos));
        ReadColumn(data, ref pos, column);
        for (int i = 0; i < n; i++) times[i] = prev += Varint.UnZigZag(column[i]);
        ReadColumn(data, ref pos, column);
        for (int i = 0; i < n; i++) kinds[i] = (EventKind)column[i];
        return n;
    }

    /// <summary>The version byte and the event count, checked against the summary.</summary>
    private static int ReadHeader(BlockSummary summary, ReadOnlySpan<byte> data, ref int pos)
    {
        if (data.Length == 0 || data[pos++] != Version)
            throw new InvalidDataException($"block {summary.Id} has an unknown layout");
        int n = (int)Varint.Read(data, ref pos);
        if (n != summary.Count)
            throw new InvalidDataException($"block {summary.Id} holds {n} events, its summary says {summary.Count}");
        return n;
    }

    private static void SkipColumn(ReadOnlySpan<byte> data, ref int pos, int n)
    {
        byte mode = data[pos++];
        if (mode == Constant)
        {
            Varint.Read(data, ref pos);
            return;
        }
        if (mode != Varints)
            throw new InvalidDataException("a block column has an unknown mode");
        // A varint ends at its first byte below 0x80.
        for (int ends = 0; ends < n; pos++)
        {
            if (data[pos] < 0x80)
                ends++;
        }
    }

    private static ulong Optional(int value) => value == EventBlock.None ? 0 : Varint.ZigZag(value) + 1;

    private static int FromOptional(ulong value) => value == 0 ? EventBlock.None : (int)Varint.UnZigZag(value - 1);

    private static void WriteColumn(ByteBuffer output, ReadOnlySpan<ulong> values)
    {
        ulong first = values[0];
        bool constant = !values[1..].ContainsAnyExcept(first);
        output.Add(constant ? Constant : Varints);
        if (constant)
        {
            Varint.Write(output, first);
            return;
        }
        foreach (ulong v in values)
            Varint.Write(output, v);
    }

    private static void ReadColumn(ReadOnlySpan<byte> data, ref int pos, Span<ulong> values)
    {
        byte mode = data[pos++];
        if (mode == Constant)
        {
            values.Fill(Varint.Read(data, ref pos));
            return;
        }
        if (mode != Varints)
            throw new InvalidDataException("a block column has an unknown mode");
        for (int i = 0; i < values.Length; i++)
            values[i] = Varint.Read(data, ref pos);
    }

    private static void WriteString(ByteBuffer output, string s)
    {
        int bytes = Encoding.UTF8.GetByteCount(s);
        Varint.Write(output, (ulong)bytes);
        Encoding.UTF8.GetBytes(s, output.Reserve(bytes));
        output.Advance(bytes);
    }

    private static string ReadString(ReadOnlySpan<byte> data, ref int pos)
    {
        int bytes = (int)Varint.Read(data, ref pos);
        string s = Encoding.UTF8.GetString(data.Slice(pos, bytes));
        pos += bytes;
        return s;
    }
}
