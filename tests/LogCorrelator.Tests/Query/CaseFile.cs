using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Query;

/// <summary>
/// Reads golden case files: blocks separated by blank lines, each an input, a line holding only ⇶,
/// and the expected output; lines starting with # before the first block are comments.
/// </summary>
internal static class CaseFile
{
    public const string Arrow = "⇶";

    public static TheoryData<string, string> Read(string relativePath)
    {
        var data = new TheoryData<string, string>();
        string text = File.ReadAllText(RepoPaths.File(relativePath)).Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (string block in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Trim('\n').Split('\n');
            if (lines.All(l => l.StartsWith('#')))
                continue;
            int arrow = Array.IndexOf(lines, Arrow);
            if (arrow < 0)
                throw new FormatException($"{relativePath}: a case without {Arrow}: {lines[0]}");
            data.Add(string.Join('\n', lines[..arrow]), string.Join('\n', lines[(arrow + 1)..]));
        }
        return data;
    }
}
