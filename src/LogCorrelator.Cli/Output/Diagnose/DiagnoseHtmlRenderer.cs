using System.Globalization;
using System.Net;
using System.Text;

namespace LogCorrelator.Cli.Output.Diagnose;

/// <summary>
/// The report as one self-contained HTML file to attach to a ticket: inline CSS and SVG, no
/// script, no external asset. Every piece of text is HTML-escaped; the messages are the redacted
/// text every other output shows.
/// </summary>
internal static class DiagnoseHtmlRenderer
{
    public static string Render(DiagnosisView v)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<title>logcorr diagnosis: ").Append(E(v.Title)).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n");
        h.Append("<header><h1>Diagnosis: ").Append(E(v.Title)).Append("</h1>\n");
        h.Append("<p class=\"headline\">").Append(E(v.Headline)).Append("</p>\n");
        if (v.Breakdown.Length > 0)
            h.Append("<p class=\"breakdown\">").Append(E(v.Breakdown)).Append("</p>\n");
        h.Append("</header>\n");

        h.Append("<section class=\"timeline\"><h2>Errors over time</h2>\n").Append(TimelineSvg.Render(v.Timeline)).Append('\n');
        Legend(h, v);
        h.Append("</section>\n");

        if (v.NoCause is not null)
            h.Append("<section class=\"nocause\"><p>").Append(E(v.NoCause)).Append("</p></section>\n");
        foreach (var c in v.Causes)
            Cause(h, v, c);
        if (v.Clocks.Count > 0)
        {
            h.Append("<section class=\"clocks\"><h2>Clocks</h2>\n");
            foreach (var clock in v.Clocks)
                h.Append("<p>").Append(E(clock)).Append("</p>\n");
            h.Append("</section>\n");
        }
        h.Append("<section class=\"unexplained\"><h2>").Append(E(v.UnexplainedHeading)).Append("</h2>\n");
        Groups(h, v.Unexplained);
        h.Append("</section>\n");
        if (v.LoginHeading is not null)
        {
            h.Append("<section class=\"logins\"><h2>").Append(E(v.LoginHeading)).Append("</h2>\n");
            Groups(h, v.Logins);
            if (v.ServerLogins.Count > 0)
                Evidence(h, v.ServerLogins);
            h.Append("</section>\n");
        }
        if (v.Accounts.Count > 0)
        {
            h.Append("<section class=\"accounts\"><h2>").Append(E(v.AccountHeading)).Append("</h2>\n");
            Accounts(h, v.Accounts);
            h.Append("</section>\n");
        }
        h.Append("<footer>");
        foreach (var a in v.AssumedClocks)
            h.Append("<p>Clock: ").Append(E(a)).Append("</p>");
        h.Append("<p>").Append(E(v.Ranking)).Append(" Times are UTC. Made by logcorr diagnose.</p></footer>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void Legend(StringBuilder h, DiagnosisView v)
    {
        h.Append("<ul class=\"legend\">");
        foreach (var series in v.Timeline.Series)
        {
            if (!v.Timeline.Buckets.Any(b => b.Counts.ContainsKey(series)))
                continue;
            string label = series == TimelineView.Unexplained ? "not explained" : v.Causes.First(c => c.Id == series).Title;
            h.Append("<li><span class=\"swatch\" style=\"background:").Append(TimelineSvg.ColourOf(v.Timeline, series)).Append("\"></span>")
                .Append(E(label)).Append("</li>");
        }
        foreach (var kind in v.Timeline.Markers.Select(m => m.Kind).Distinct())
        {
            h.Append("<li><span class=\"mark\" style=\"border-color:").Append(TimelineSvg.MarkerColour(kind)).Append("\"></span>")
                .Append(E(kind)).Append("</li>");
        }
        h.Append("</ul>\n");
    }

    private static void Cause(StringBuilder h, DiagnosisView v, CauseView c)
    {
        string colour = TimelineSvg.ColourOf(v.Timeline, c.Id);
        h.Append("<article class=\"cause\" id=\"cause-").Append(E(c.Id)).Append("\" style=\"border-left-color:").Append(colour).Append("\">\n");
        h.Append("<h2><span class=\"rank\">").Append(c.Rank).Append(".</span> ").Append(E(c.Title)).Append(" <code>").Append(E(c.Id)).Append("</code></h2>\n");
        h.Append("<p class=\"meta\"><span class=\"explained\">").Append(c.Explained).Append(" of ").Append(c.Errors).Append(" errors</span>")
            .Append(" · confidence ").Append(c.Confidence.ToString("0.00", CultureInfo.InvariantCulture)).Append("</p>\n");
        h.Append("<p class=\"summary\">").Append(Prose.KeepRangesHtml(E(c.Summary))).Append("</p>\n");
        if (c.Note is not null)
            h.Append("<p class=\"note\">Note: ").Append(E(c.Note)).Append("</p>\n");
        if (c.Overlap is not null)
            h.Append("<p class=\"overlap\">").Append(E(c.Overlap)).Append("</p>\n");
        h.Append("<h3>Evidence</h3>\n");
        Evidence(h, c.Evidence);
        h.Append("<p class=\"remedy\"><strong>Remedy</strong> ").Append(E(c.Remedy)).Append("</p>\n");
        h.Append("<p class=\"source\">From ").Append(E(c.Source)).Append("</p>\n</article>\n");
    }

    private static void Evidence(StringBuilder h, IReadOnlyList<EvidenceRow> rows)
    {
        h.Append("<table class=\"evidence\"><thead><tr><th>Time (UTC)</th><th>What</th><th>Where</th><th>Line</th></tr></thead><tbody>\n");
        foreach (var r in rows)
        {
            h.Append("<tr").Append(r.IsError ? " class=\"err\"" : "").Append("><td class=\"t\">").Append(E(r.Time)).Append("</td><td class=\"k\">")
                .Append(E(r.What)).Append("</td><td class=\"w\">").Append(E(r.Where)).Append("</td><td class=\"m\">").Append(E(r.Message));
            if (r.Note is not null)
                h.Append(" <span class=\"n\">(").Append(E(r.Note)).Append(")</span>");
            h.Append("</td></tr>\n");
        }
        h.Append("</tbody></table>\n");
    }

    private static void Accounts(StringBuilder h, IReadOnlyList<AccountRow> rows)
    {
        h.Append("<table class=\"accounts\"><thead><tr><th>Time (UTC)</th><th>Code</th><th>Host</th><th>Landed</th><th>Why</th><th>Where</th></tr></thead><tbody>\n");
        foreach (var r in rows)
        {
            h.Append("<tr><td class=\"t\">").Append(E(r.Time)).Append("</td><td>").Append(E(r.Code)).Append("</td><td>").Append(E(r.Host))
                .Append("</td><td class=\"nw\">").Append(E(r.Landed)).Append("</td><td>").Append(E(r.Why)).Append("</td><td class=\"w\">")
                .Append(E(r.Where)).Append("</td></tr>\n");
        }
        h.Append("</tbody></table>\n");
    }

    private static void Groups(StringBuilder h, IReadOnlyList<GroupRow> rows)
    {
        if (rows.Count == 0)
            return;
        h.Append("<table class=\"groups\"><thead><tr><th>Code</th><th>Host</th><th>Kind</th><th>Count</th><th>When (UTC)</th></tr></thead><tbody>\n");
        foreach (var g in rows)
        {
            h.Append("<tr><td>").Append(E(g.Code)).Append("</td><td>").Append(E(g.Host)).Append("</td><td>").Append(E(g.Category))
                .Append("</td><td class=\"num\">").Append(g.Count).Append("</td><td>").Append(E(g.Times)).Append("</td></tr>\n");
        }
        h.Append("</tbody></table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        :root{--ink:#1f2937;--dim:#6b7280;--line:#e5e7eb;--bg:#f8fafc}
        *{box-sizing:border-box}
        body{margin:0;padding:28px 36px;font:14px/1.5 "DejaVu Sans",system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:var(--bg)}
        header h1{margin:0 0 4px;font-size:24px}
        .headline{margin:0;font-size:16px;font-weight:600}
        .breakdown{margin:2px 0 0;color:var(--dim)}
        h2{font-size:18px;margin:0 0 8px}
        h3{font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:var(--dim);margin:14px 0 4px}
        section,article{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:18px 0}
        article.cause{border-left:6px solid #2563eb}
        .timeline svg{width:100%;height:auto;display:block}
        svg text{font:11px "DejaVu Sans",system-ui,sans-serif;fill:#4b5563}
        svg .marker-label{font-weight:600}
        svg .grid{stroke:#eef0f3}
        svg .axis{stroke:#9ca3af}
        .legend{list-style:none;margin:8px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:6px 18px;color:#374151}
        .swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;vertical-align:-1px}
        .mark{display:inline-block;width:0;height:12px;border-left:2px dashed;margin:0 8px 0 4px;vertical-align:-1px}
        .rank{color:var(--dim)}
        h2 code{font-size:12px;font-weight:400;color:var(--dim);background:#f3f4f6;padding:1px 6px;border-radius:4px}
        .meta{margin:0 0 6px;color:var(--dim)}
        .explained{color:#047857;font-weight:700}
        .summary{font-size:15px;margin:6px 0}
        .note{color:#92400e;background:#fffbeb;padding:4px 8px;border-radius:4px}
        table{border-collapse:collapse;width:100%;font-size:12.5px}
        th{text-align:left;color:var(--dim);font-weight:600;border-bottom:1px solid var(--line);padding:4px 8px}
        td{border-bottom:1px solid #f1f5f9;padding:4px 8px;vertical-align:top}
        td.t,td.k,td.w{white-space:nowrap}
        td.w{color:#1d4ed8}
        td.m{font-family:"DejaVu Sans Mono",ui-monospace,Consolas,monospace;font-size:11.5px;word-break:break-word}
        tr.err td.k{color:#b91c1c}
        .n{color:var(--dim)}
        .nw{white-space:nowrap}
        td.num{text-align:right}
        .remedy{margin:12px 0 4px}
        .source,footer{color:var(--dim);font-size:12px}
        .nocause p{font-size:15px;color:#92400e;margin:0}
        footer p{margin:2px 0}
        """;
}
