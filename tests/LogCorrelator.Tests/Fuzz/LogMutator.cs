using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Tests.Fuzz;

/// <summary>
/// Damaged copies of a log file, each the kind of damage real copies have: flipped bytes, a block of
/// NULs (a crash mid-write), a UTF-8 character cut in two, a UTF-16 file cut to an odd length, lines
/// of a file in another encoding spliced in (concatenated logs), a cut end, and a line of about 1 MB.
/// </summary>
internal static class LogMutator
{
    /// <summary>The line reader's limit: one just under it is read whole, one over it skipped with a problem.</summary>
    private const int LongLine = LineReader.DefaultMaxLineBytes;

    /// <summary>Each kind of damage <paramref name="rounds"/> times at other places, then one long line.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Mutants(byte[] original, byte[] other, Random random, int rounds, bool overLimit)
    {
        for (int round = 1; round <= rounds; round++)
        {
            yield return ($"16 byte flips #{round}", Flip(original, random, 16));
            yield return ($"4 KB of NULs #{round}", Insert(original, random.Next(original.Length + 1), new byte[4096]));
            yield return ($"cut UTF-8 characters #{round}", CutUtf8(original, random));
            yield return ($"UTF-16 cut to an odd length #{round}", OddUtf16(original, random));
            yield return ($"lines of another encoding spliced in #{round}", Splice(original, other, random));
            yield return ($"cut at a random byte #{round}", original[..random.Next(original.Length)]);
        }
        yield return (overLimit ? "a line over 1 MB" : "a line just under 1 MB", Insert(original, LineStart(original, random), Long(overLimit)));
    }

    private static byte[] Flip(byte[] bytes, Random random, int count)
    {
        var copy = (byte[])bytes.Clone();
        for (int i = 0; i < count && copy.Length > 0; i++)
            copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
        return copy;
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] inserted) => [.. bytes.AsSpan(0, at), .. inserted, .. bytes.AsSpan(at)];

    /// <summary>The file as UTF-8 with an em dash cut after its first byte mid-line, and a 3-byte character cut at the end.</summary>
    private static byte[] CutUtf8(byte[] bytes, Random random)
    {
        var utf8 = Encoding.UTF8.GetBytes(Text(bytes));
        var cut = Insert(utf8, LineStart(utf8, random), [0xE2, 0x80, (byte)'x', (byte)' ']);
        return [.. cut, 0xE2, 0x80];
    }

    /// <summary>The file as UTF-16LE with a BOM, cut at an odd byte after a random line.</summary>
    private static byte[] OddUtf16(byte[] bytes, Random random)
    {
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Text(bytes))).ToArray();
        return utf16[..(random.Next(utf16.Length / 2, utf16.Length) | 1)];
    }

    /// <summary>Raw lines of <paramref name="other"/> (another encoding, bytes unchanged) put between lines of the file.</summary>
    private static byte[] Splice(byte[] bytes, byte[] other, Random random)
    {
        var result = bytes;
        var lines = Lines(other);
        for (int i = 0; i < 8 && lines.Count > 0; i++)
            result = Insert(result, LineStart(result, random), lines[random.Next(lines.Count)]);
        return result;
    }

    private static byte[] Long(bool overLimit)
    {
        var line = new StringBuilder("2024-03-05 10:00:00.000 ERROR ");
        while (line.Length < LongLine - 64)
            line.Append("A transport-level error has occurred 10054 08S01 ");
        if (overLimit)
            line.Append(new string('x', 128));
        return Encoding.UTF8.GetBytes(line.Append('\n').ToString());
    }

    /// <summary>A random position just after a '\n' (or the start).</summary>
    private static int LineStart(byte[] bytes, Random random)
    {
        int at = random.Next(bytes.Length + 1);
        int newline = bytes.AsSpan(0, at).LastIndexOf((byte)'\n');
        return newline + 1;
    }

    private static List<byte[]> Lines(byte[] bytes)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != '\n')
                continue;
            lines.Add(bytes[start..(i + 1)]);
            start = i + 1;
        }
        return lines;
    }

    private static string Text(byte[] bytes)
    {
        var (encoding, bom) = EncodingSniffer.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, 64 * 1024)));
        return SourceEncodings.Of(encoding).GetString(bytes, bom, bytes.Length - bom);
    }
}
