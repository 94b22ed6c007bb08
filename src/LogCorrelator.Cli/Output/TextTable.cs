namespace LogCorrelator.Cli.Output;

/// <summary>A plain aligned text table: greppable, stable in tests, readable over SSH.</summary>
internal static class TextTable
{
    public static void Write(TextWriter w, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in rows)
            for (int i = 0; i < row.Length - 1; i++)
                widths[i] = Math.Max(widths[i], row[i].Length);
        WriteRow(w, headers, widths);
        foreach (var row in rows)
            WriteRow(w, row, widths);
    }

    private static void WriteRow(TextWriter w, IReadOnlyList<string> cells, int[] widths)
    {
        for (int i = 0; i < cells.Count; i++)
        {
            bool last = i == cells.Count - 1;
            w.Write(last ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }
        w.WriteLine();
    }
}
