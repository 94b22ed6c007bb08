namespace LogCorrelator.Store;

/// <summary>
/// Packs where an entry's one-line message is (offset and length inside the entry) into one
/// integer column. Usually the message starts within the first 4 KiB and runs to the end of the
/// line, a few bytes before the entry's end, so "offset + 4096 × bytes after the message" fits
/// SQLite's 2- or 3-byte integers where two columns took four to six bytes. Anything else is
/// stored exactly, negated.
/// </summary>
internal static class MessageSpan
{
    private const int OffsetBits = 12;
    private const int OffsetLimit = 1 << OffsetBits;

    public static long Encode(int entryLength, int offset, int length)
    {
        long tail = (long)entryLength - offset - length;
        if (offset is >= 0 and < OffsetLimit && length >= 0 && tail >= 0)
            return (long)(uint)offset | (tail << OffsetBits);
        return -1 - ((uint)offset | ((long)(uint)length << 32));
    }

    public static (int Offset, int Length) Decode(long packed, int entryLength)
    {
        if (packed >= 0)
        {
            int offset = (int)(packed & (OffsetLimit - 1));
            return (offset, (int)(entryLength - offset - (packed >> OffsetBits)));
        }
        long exact = -1 - packed;
        return ((int)(uint)exact, (int)(uint)(exact >> 32));
    }
}
