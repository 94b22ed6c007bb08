using System.Globalization;

namespace LogCorrelator.Cli.Output;

/// <summary>How a table cell of a query result (text, number, time or nothing) is written.</summary>
internal static class Cells
{
    public static string Text(object? cell) => cell switch
    {
        null => "",
        DateTimeOffset t => Formats.IsoUtc(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <summary>The readable table's form: times as in the event table, an absent value as '-'.</summary>
    public static string Table(object? cell) => cell switch
    {
        null => "-",
        DateTimeOffset t => Formats.TableTime(t),
        string s => Formats.Truncate(s.ReplaceLineEndings(" "), QueryTableRenderer.MessageWidth),
        _ => Text(cell),
    };
}
