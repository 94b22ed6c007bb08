using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Text;

namespace LogCorrelator.Store;

/// <summary>
/// Reads an event's entry from its source file by offset, with a few lines of context before and
/// after, each redacted. Only a bounded window around the entry is read, however large the file.
/// </summary>
internal static class SourceExcerpt
{
    /// <summary>How far before and after the entry context lines are looked for: a longer line is cut.</summary>
    public const int ContextWindow = 16 * 1024;

    public static IReadOnlyList<ExcerptLine> Read(EventLocation at, int before, int after)
    {
        ArgumentNullException.ThrowIfNull(at);
        var enc = SourceEncodings.Of(at.Source.Encoding);
        int unit = SourceEncodings.Unit(at.Source.Encoding);
        var lines = new List<ExcerptLine>();
        try
        {
            using var file = File.OpenHandle(at.Source.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.RandomAccess);
            long size = RandomAccess.GetLength(file);

            // Before: the window ends at the entry; its first line is cut unless it starts the file.
            long start = Math.Max(0, at.Offset - ContextWindow);
            start -= (at.Offset - start) % unit;
            var head = Split(Decode(file, enc, start, (int)(at.Offset - start)), dropFirst: start > 0, dropLast: false);
            int take = Math.Min(before, head.Count);
            for (int i = head.Count - take; i < head.Count; i++)
                lines.Add(new ExcerptLine(at.Line - (head.Count - i), head[i], false));

            var entry = Split(Decode(file, enc, at.Offset, at.Length), dropFirst: false, dropLast: false);
            for (int i = 0; i < entry.Count; i++)
                lines.Add(new ExcerptLine(at.Line + i, entry[i], true));

            // After: the window starts after the entry; its last line is cut unless it ends the file.
            long from = at.Offset + at.Length;
            int length = (int)Math.Clamp(size - from, 0, ContextWindow);
            var tail = Split(Decode(file, enc, from, length), dropFirst: false, dropLast: from + length < size);
            for (int i = 0; i < Math.Min(after, tail.Count); i++)
                lines.Add(new ExcerptLine(at.Line + entry.Count + i, tail[i], false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lines.Add(new ExcerptLine(at.Line, $"<source unreadable: {e.Message}>", true));
        }
        return lines;
    }

    private static string Decode(Microsoft.Win32.SafeHandles.SafeFileHandle file, Encoding enc, long offset, int length)
    {
        if (length <= 0)
            return "";
        var bytes = new byte[length];
        int n = RandomAccess.Read(file, bytes, offset);
        return enc.GetString(bytes, 0, n).TrimStart('\uFEFF');
    }

    private static List<string> Split(string text, bool dropFirst, bool dropLast)
    {
        var parts = new List<string>(text.Split('\n'));
        // Text ending with a newline leaves an empty last part: it is no line.
        if (parts.Count > 0 && parts[^1].Length == 0)
            parts.RemoveAt(parts.Count - 1);
        else if (dropLast && parts.Count > 0)
            parts.RemoveAt(parts.Count - 1);
        if (dropFirst && parts.Count > 0)
            parts.RemoveAt(0);
        for (int i = 0; i < parts.Count; i++)
            parts[i] = Redactor.Redact(parts[i].TrimEnd('\r'));
        return parts;
    }
}
