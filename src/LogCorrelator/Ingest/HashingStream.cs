namespace LogCorrelator.Ingest;

/// <summary>Hashes a file (XXH64) while it is read for ingest, so identity costs no second pass.</summary>
internal sealed class HashingStream : Stream
{
    private readonly Stream _inner;
    private readonly System.IO.Hashing.XxHash64 _hash = new();

    public HashingStream(Stream inner) => _inner = inner;

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = _inner.Read(buffer, offset, count);
        _hash.Append(buffer.AsSpan(offset, n));
        return n;
    }

    /// <summary>Reads what is left, then returns the hash of the whole stream.</summary>
    public string Finish()
    {
        var rest = new byte[1 << 16];
        while (Read(rest, 0, rest.Length) > 0)
        {
        }
        return _hash.GetCurrentHashAsUInt64().ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => _inner.Length;
    public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
