namespace LogCorrelator.Tests.Samples;

/// <summary>
/// The parts of an incident folder's EXPECTED.md that tests check: the answer lines
/// (<c>- Cause: ...</c>) and the rows of each table, by section title.
/// </summary>
internal sealed class ExpectedFile
{
    private readonly Dictionary<string, List<string[]>> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _answers = new(StringComparer.Ordinal);

    private ExpectedFile()
    {
    }

    public static ExpectedFile Read(string folder)
    {
        var file = new ExpectedFile();
        string section = "";
        foreach (string line in SampleLogs.Lines(Path.Combine(SampleLogs.Folder("expected"), folder + ".md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..];
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal) && section == "Expected answer")
            {
                int colon = line.IndexOf(": ", StringComparison.Ordinal);
                file._answers[line[2..colon]] = line[(colon + 2)..];
            }
            else if (line.StartsWith('|') && !line.StartsWith("|---", StringComparison.Ordinal))
            {
                string[] cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                if (!file._tables.TryGetValue(section, out var rows))
                {
                    // The first row of a table is its header.
                    file._tables[section] = [];
                    continue;
                }
                rows.Add(cells);
            }
        }
        return file;
    }

    public string Answer(string key) => _answers[key];

    public IReadOnlyList<string[]> Rows(string section) =>
        _tables.TryGetValue(section, out var rows) ? rows : [];

    /// <summary>The text between the first pair of backticks in a cell.</summary>
    public static string Quoted(string cell)
    {
        int open = cell.IndexOf('`', StringComparison.Ordinal);
        int close = cell.LastIndexOf('`');
        return cell[(open + 1)..close];
    }

    /// <summary>Splits <c>APPSRV02/Logs/app.log:467</c> into the path and the 1-based line.</summary>
    public static (string Path, int Line) Where(string cell)
    {
        int colon = cell.LastIndexOf(':');
        return (cell[..colon], int.Parse(cell[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
