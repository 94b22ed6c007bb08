using System.Globalization;
using LogCorrelator.Events;
using LogCorrelator.Query;

namespace LogCorrelator.Cli.Output;

/// <summary>CSV (RFC 4180): one row per match, with its nearest justifying event; or the result's table.</summary>
internal static class QueryCsvRenderer
{
    public static void Write(TextWriter w, QueryResult result)
    {
        if (result.Columns is { } columns)
        {
            w.WriteLine(string.Join(',', columns.Select(Quote)));
            foreach (var row in result.Rows!)
                w.WriteLine(string.Join(',', row.Select(c => Quote(Cells.Text(c)))));
            return;
        }
        w.WriteLine("time,host,kind,code,message,path,line,related_time,related_kind,related_host,delta_seconds,related_count");
        foreach (var m in result.Matches)
        {
            var e = m.Event;
            var r = m.Related.Count > 0 ? m.Related.MinBy(x => Math.Abs(x.DeltaSeconds)) : null;
            string[] cells =
            [
                Formats.IsoUtc(e.Time), e.Host ?? "", e.Kind.Name(), e.CodeText ?? "", e.Message,
                CommonOptions.DisplayPath(e.SourcePath), e.Line.ToString(CultureInfo.InvariantCulture),
                r is null ? "" : Formats.IsoUtc(r.Event.Time), r?.Event.Kind.Name() ?? "", r?.Event.Host ?? "",
                r is null ? "" : r.DeltaSeconds.ToString("0.000", CultureInfo.InvariantCulture),
                m.Related.Count.ToString(CultureInfo.InvariantCulture),
            ];
            w.WriteLine(string.Join(',', cells.Select(Quote)));
        }
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"") + "\"";
}
