namespace LogCorrelator.Store.Blocks;

/// <summary>A growable byte buffer reused from block to block (one allocation per encoded block: its result).</summary>
internal sealed class ByteBuffer
{
    private byte[] _bytes = new byte[1 << 16];

    public int Length { get; private set; }

    public Span<byte> Reserve(int bytes)
    {
        if (Length + bytes > _bytes.Length)
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + bytes));
        return _bytes.AsSpan(Length);
    }

    public void Advance(int bytes) => Length += bytes;

    public void Add(byte b)
    {
        Reserve(1)[0] = b;
        Length++;
    }

    public void Clear() => Length = 0;

    public byte[] ToArray() => _bytes.AsSpan(0, Length).ToArray();
}
