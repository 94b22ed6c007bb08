namespace LogCorrelator.Ingest.Archives;

/// <summary>
/// Turns an archive entry's name into a safe relative path. Names that would land outside the
/// extraction folder (zip-slip: <c>../</c>, absolute paths, drive letters) are refused with a reason;
/// folders, hidden files and macOS resource forks (<c>__MACOSX/</c>) are passed over quietly, as a
/// folder walk passes over dot-files.
/// </summary>
internal static class EntryPath
{
    /// <returns>True with <paramref name="relative"/> ('/'-separated) for a file to extract; false with
    /// <paramref name="refused"/> set when the name is unsafe, or null when the entry is simply not a log.</returns>
    public static bool TryNormalize(string entryName, out string relative, out string? refused)
    {
        relative = "";
        refused = null;
        string name = entryName.Replace('\\', '/');
        if (name.Length == 0 || name.EndsWith('/'))
            return false;
        if (name.StartsWith('/') || (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0])))
        {
            refused = $"entry '{entryName}' has an absolute path; skipped";
            return false;
        }
        var segments = name.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>(segments.Length);
        foreach (string segment in segments)
        {
            if (segment == "..")
            {
                refused = $"entry '{entryName}' points outside the archive; skipped";
                return false;
            }
            if (segment.Contains('\0') || segment.Contains(':'))
            {
                refused = $"entry '{entryName}' has a name no file can have; skipped";
                return false;
            }
            if (segment != ".")
                kept.Add(segment);
        }
        if (kept.Count == 0 || kept[0] == "__MACOSX" || kept.Exists(s => s.StartsWith('.')))
            return false;
        relative = string.Join('/', kept);
        return true;
    }
}
