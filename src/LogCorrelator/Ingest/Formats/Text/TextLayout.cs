using System.Buffers;

namespace LogCorrelator.Ingest.Formats.Text;

/// <summary>What a file's first 64 KB say about how to frame the rest.</summary>
/// <param name="DoubleSpaced">A blank line after every line (text copied out of some viewers): blanks do not end an entry.</param>
/// <param name="Database">The text names a database, driver or SQL Server port: a socket error in it is a database client's.</param>
/// <param name="WrapWidth">Lines cut at this width by a terminal or a mail client (0: none): a cut line runs on into the next.</param>
internal readonly record struct TextLayout(bool DoubleSpaced, bool Database, int WrapWidth = 0)
{
    // Words that put a file in a database's context. A socket reset in a file that names none of them
    // (an HTTP client's) is some other service's trouble.
    private static readonly SearchValues<string> DatabaseWords = SearchValues.Create(
        ["sql", "odbc", "jdbc", "tds", "mssql", "1433", "database", "dbnetlib", "tedious", "sqlsrv", "hikari", "datenbank",
         "base de données", "base de datos", "banco de dados", "数据库", "資料庫", "データベース", "데이터베이스", "базы данных"],
        StringComparison.OrdinalIgnoreCase);

    public static bool NamesDatabase(ReadOnlySpan<char> text) => text.ContainsAny(DatabaseWords);

    public static TextLayout Of(IReadOnlyList<string> head)
    {
        int text = 0, adjacent = 0, wide = 0;
        bool database = false, previousText = false;
        var widths = new Dictionary<int, int>();
        foreach (var line in head)
        {
            if (line.Length >= 60)
            {
                wide++;
                widths[line.Length] = widths.GetValueOrDefault(line.Length) + 1;
            }
            bool blank = string.IsNullOrWhiteSpace(line);
            if (!blank)
            {
                text++;
                if (previousText)
                    adjacent++;
                database = database || NamesDatabase(line);
            }
            previousText = !blank;
        }
        // A width most long lines share exactly is a wrap, not a coincidence.
        var (width, count) = widths.Count == 0 ? (0, 0) : widths.MaxBy(w => w.Value) is var w ? (w.Key, w.Value) : (0, 0);
        int wrap = count >= 3 && count * 2 >= wide ? width : 0;
        return new TextLayout(text >= 4 && adjacent * 10 <= text, database, wrap);
    }
}
