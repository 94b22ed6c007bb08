namespace LogCorrelator.Store.Blocks;

/// <summary>LEB128 unsigned varints and zigzag signed values: most block columns are small deltas.</summary>
internal static class Varint
{
    public static ulong ZigZag(long v) => (ulong)((v << 1) ^ (v >> 63));

    public static long UnZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    public static void Write(ByteBuffer buffer, ulong v)
    {
        var span = buffer.Reserve(10);
        int n = 0;
        while (v >= 0x80)
        {
            span[n++] = (byte)(v | 0x80);
            v >>= 7;
        }
        span[n++] = (byte)v;
        buffer.Advance(n);
    }

    public static ulong Read(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong v = 0;
        int shift = 0;
        while (true)
        {
            byte b = data[pos++];
            v |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return v;
            shift += 7;
            if (shift > 63)
                throw new InvalidDataException("a block's varint runs past 64 bits");
        }
    }
}
