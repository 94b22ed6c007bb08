using System.Globalization;
using System.Net;
using System.Text;

namespace LogCorrelator.Cli.Output.Diagnose;

/// <summary>
/// The timeline as inline SVG: stacked bars of errors per bucket, one colour per cause (grey for
/// unexplained), and a dashed line with a label for each server event. Every bar and marker carries
/// its data as attributes (<c>data-time</c>, <c>data-count</c>, <c>data-series</c>, <c>data-kind</c>)
/// so a test can read the rendered chart back from the browser's DOM.
/// </summary>
internal static class TimelineSvg
{
    public const int Width = 1100;
    public const int Height = 300;
    private const int Left = 46, Right = 14, Top = 70, Bottom = 36, LabelRows = 4;
    private const double CharWidth = 6.8;
    private const int PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    public static readonly string[] Palette = ["#2563eb", "#ea580c", "#059669", "#9333ea", "#db2777", "#0891b2", "#65a30d", "#b45309"];
    public const string UnexplainedColour = "#9ca3af";

    public static string ColourOf(TimelineView t, string series)
    {
        int i = t.Series.ToList().IndexOf(series);
        return series == TimelineView.Unexplained || i < 0 ? UnexplainedColour : Palette[i % Palette.Length];
    }

    public static string Render(TimelineView t)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"timeline\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"Client errors per {Bucket(t)} with server events\">");
        if (t.Buckets.Count == 0)
            return svg.Append("</svg>").ToString();
        int max = Math.Max(1, t.MaxCount);
        int step = NiceStep(max);
        int top = (max + step - 1) / step * step;
        Axes(svg, t, top, step);
        Bars(svg, t, top);
        Markers(svg, t);
        return svg.Append("</svg>").ToString();
    }

    private static void Axes(StringBuilder svg, TimelineView t, int top, int step)
    {
        for (int v = 0; v <= top; v += step)
        {
            double y = Y(v, top);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{v}</text>");
        }
        // Ticks on round times (every 10 minutes, every hour...), at most a dozen of them.
        long span = (long)t.BucketSeconds * t.Buckets.Count;
        long every = new long[] { 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800 }
            .FirstOrDefault(s => s >= t.BucketSeconds && span / s <= 12, 604800);
        long start = t.Start.ToUnixTimeSeconds();
        for (long tick = (start + every - 1) / every * every; tick <= start + span; tick += every)
        {
            var at = DateTimeOffset.FromUnixTimeSeconds(tick);
            double x = X(t, at);
            string label = at.UtcDateTime.ToString(every >= 86_400 ? "MM-dd" : "HH:mm", CultureInfo.InvariantCulture);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{x:0.#}\" y1=\"{Top + PlotHeight}\" x2=\"{x:0.#}\" y2=\"{Top + PlotHeight + 5}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{x:0.#}\" y=\"{Top + PlotHeight + 19}\" text-anchor=\"middle\">{label}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Top + PlotHeight}\" x2=\"{Width - Right}\" y2=\"{Top + PlotHeight}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"unit\" x=\"{Width - Right}\" y=\"{Height - 2}\" text-anchor=\"end\">UTC, {Bucket(t)} per bar</text>");
    }

    private static void Bars(StringBuilder svg, TimelineView t, int top)
    {
        double slot = (double)PlotWidth / t.Buckets.Count;
        double width = Math.Max(1, slot * 0.8);
        foreach (var b in t.Buckets)
        {
            double x = X(t, b.Start) + (slot - width) / 2;
            int below = 0;
            foreach (var series in t.Series)
            {
                int n = b.Counts.GetValueOrDefault(series);
                if (n == 0)
                    continue;
                double y0 = Y(below, top), y1 = Y(below + n, top);
                string time = Formats.IsoUtc(b.Start);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"bar\" data-time=\"{time}\" data-count=\"{n}\" data-series=\"{Esc(series)}\" x=\"{x:0.##}\" y=\"{y1:0.##}\" width=\"{width:0.##}\" height=\"{y0 - y1:0.##}\" fill=\"{ColourOf(t, series)}\">");
                svg.Append(CultureInfo.InvariantCulture, $"<title>{Esc(time[11..16])} UTC: {n} {(n == 1 ? "error" : "errors")}, {Esc(series)}</title></rect>");
                below += n;
            }
        }
    }

    /// <summary>
    /// Each label takes the first of four rows above the plot where it does not overlap a label
    /// already placed (events seconds apart otherwise print over each other); near the right edge
    /// a label ends at its line instead of starting there.
    /// </summary>
    private static void Markers(StringBuilder svg, TimelineView t)
    {
        var rowEnds = new List<(double From, double To)>[LabelRows];
        for (int r = 0; r < LabelRows; r++)
            rowEnds[r] = [];
        foreach (var m in t.Markers)
        {
            double x = X(t, m.Time);
            double width = m.Label.Length * CharWidth;
            bool flip = x + 4 + width > Width - Right;
            double from = flip ? x - 4 - width : x + 4, to = flip ? x - 4 : x + 4 + width;
            int row = Enumerable.Range(0, LabelRows).FirstOrDefault(r => rowEnds[r].All(e => to < e.From - 6 || from > e.To + 6), -1);
            if (row < 0)
                row = Enumerable.Range(0, LabelRows).OrderBy(r => rowEnds[r].Count).First();
            rowEnds[row].Add((from, to));
            double labelY = 14 + row * 14;
            string colour = MarkerColour(m.Kind);
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"marker\" data-kind=\"{Esc(m.Kind)}\" data-time=\"{Formats.IsoUtc(m.Time)}\"><title>{Esc(m.Label)} UTC</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.##}\" y1=\"{labelY + 3:0.#}\" x2=\"{x:0.##}\" y2=\"{Top + PlotHeight}\" stroke=\"{colour}\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"marker-label\" x=\"{(flip ? to : from):0.##}\" y=\"{labelY:0.#}\" text-anchor=\"{(flip ? "end" : "start")}\" fill=\"{colour}\">{Esc(m.Label)}</text></g>");
        }
    }

    public static string MarkerColour(string kind) => kind switch
    {
        "restart" => "#dc2626",
        "shutdown" => "#991b1b",
        "ready" => "#16a34a",
        "kill" => "#ea580c",
        "failover" => "#7c3aed",
        _ => "#475569",
    };

    private static double X(TimelineView t, DateTimeOffset time) =>
        Left + (time - t.Start).TotalSeconds / ((double)t.BucketSeconds * t.Buckets.Count) * PlotWidth;

    private static double Y(int value, int top) => Top + PlotHeight - (double)value / top * PlotHeight;

    private static int NiceStep(int max)
    {
        foreach (int s in new[] { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000 })
        {
            if (max / s <= 5)
                return s;
        }
        return 10_000;
    }

    private static string Bucket(TimelineView t) => t.BucketSeconds switch
    {
        60 => "minute",
        < 3600 => $"{t.BucketSeconds / 60} minutes",
        3600 => "hour",
        < 86_400 => $"{t.BucketSeconds / 3600} hours",
        _ => "day",
    };

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
