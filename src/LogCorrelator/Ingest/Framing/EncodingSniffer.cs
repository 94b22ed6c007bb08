using LogCorrelator.Events;

namespace LogCorrelator.Ingest.Framing;

/// <summary>Decides a file's encoding from its first bytes: a BOM, else the share of NULs at odd positions.</summary>
public static class EncodingSniffer
{
    public static (SourceEncoding Encoding, int BomLength) Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 2 && head[0] == 0xFF && head[1] == 0xFE)
            return (SourceEncoding.Utf16LE, 2);
        if (head.Length >= 2 && head[0] == 0xFE && head[1] == 0xFF)
            return (SourceEncoding.Utf16BE, 2);
        if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
            return (SourceEncoding.Utf8, 3);
        // UTF-16LE without a BOM (some copies lose it): ASCII text has a NUL in every odd byte.
        int pairs = Math.Min(head.Length / 2, 2048);
        if (pairs >= 8)
        {
            int oddNuls = 0, evenNuls = 0;
            for (int i = 0; i < pairs; i++)
            {
                if (head[2 * i + 1] == 0) oddNuls++;
                if (head[2 * i] == 0) evenNuls++;
            }
            if (oddNuls > pairs * 3 / 4 && evenNuls < pairs / 8)
                return (SourceEncoding.Utf16LE, 0);
            if (evenNuls > pairs * 3 / 4 && oddNuls < pairs / 8)
                return (SourceEncoding.Utf16BE, 0);
        }
        return (IsUtf8(head) ? SourceEncoding.Utf8 : SourceEncoding.Windows1252, 0);
    }

    /// <summary>True unless the bytes hold a sequence UTF-8 cannot have (a sample cut inside a character is fine).</summary>
    private static bool IsUtf8(ReadOnlySpan<byte> head)
    {
        if (!head.ContainsAnyExceptInRange((byte)0, (byte)0x7F))
            return true;
        Span<char> scratch = stackalloc char[512];
        while (!head.IsEmpty)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(head, scratch, out int read, out _, replaceInvalidSequences: false, isFinalBlock: false);
            if (status == System.Buffers.OperationStatus.InvalidData)
                return false;
            if (status is System.Buffers.OperationStatus.Done or System.Buffers.OperationStatus.NeedMoreData)
                return true;
            head = head[read..];
        }
        return true;
    }

    /// <summary>NULs in a row from this many on are a block a crash or a preallocating logger left, not binary data.</summary>
    private const int NulBlock = 16;

    /// <summary>
    /// True when the bytes look like a binary file rather than text in <paramref name="encoding"/>: more than half of
    /// them in NUL blocks, or more than 1% control characters in the rest. NUL blocks are judged apart because the
    /// reader skips them and reads the text around them (a few KB of them in a log must not lose the log).
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<byte> head, SourceEncoding encoding)
    {
        if (head.IsEmpty)
            return false;
        var count = new ControlCount();
        if (SourceEncodings.IsUtf16(encoding))
        {
            int low = encoding == SourceEncoding.Utf16LE ? 0 : 1;
            for (int i = 0; i + 1 < head.Length; i += 2)
            {
                char c = (char)(head[i + low] | head[i + 1 - low] << 8);
                count.Add(c, c < 0x20 && c is not ('\r' or '\n' or '\t' or '\f'));
            }
        }
        else
        {
            foreach (byte b in head)
                count.Add(b, b < 0x20 && b is not ((byte)'\r' or (byte)'\n' or (byte)'\t' or (byte)'\f' or 0x1B));
        }
        count.EndRun();
        int rest = count.Total - count.InBlocks;
        return count.InBlocks > count.Total / 2 || count.Controls > rest / 100 + 1;
    }

    /// <summary>Control characters and NUL blocks of a sample, counted apart.</summary>
    private struct ControlCount
    {
        public int Total, Controls, InBlocks;
        private int _run;

        public void Add(int unit, bool control)
        {
            Total++;
            if (unit == 0)
            {
                _run++;
                return;
            }
            EndRun();
            if (control)
                Controls++;
        }

        public void EndRun()
        {
            if (_run >= NulBlock)
                InBlocks += _run;
            else
                Controls += _run;
            _run = 0;
        }
    }
}
