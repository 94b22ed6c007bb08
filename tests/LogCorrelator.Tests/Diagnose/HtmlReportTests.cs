using System.Text.RegularExpressions;
using LogCorrelator.Cli.Output.Diagnose;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>The HTML report is one self-contained file: every text escaped, nothing fetched from elsewhere.</summary>
public sealed class HtmlReportTests
{
    [Fact]
    public void Log_text_is_escaped_everywhere()
    {
        string html = DiagnoseHtmlRenderer.Render(SomeViews.Restart(title: "<script>alert(1)</script>", message: "Password=*****; a<b & \"c\""));

        Assert.DoesNotContain("<script", html);
        Assert.Contains("<h1>Diagnosis: &lt;script&gt;alert(1)&lt;/script&gt;</h1>", html);
        Assert.Contains("<td class=\"m\">Password=*****; a&lt;b &amp; &quot;c&quot;</td>", html);
    }

    [Fact]
    public void Every_client_error_has_a_row_with_where_it_landed_and_why()
    {
        string html = DiagnoseHtmlRenderer.Render(SomeViews.Restart());

        Assert.Contains("<section class=\"accounts\"><h2>Every client error: 2 explained, 0 not network errors, 1 unexplained</h2>", html);
        var rows = Regex.Matches(html, "<tr><td class=\"t\">([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td><td class=\"nw\">([^<]+)</td><td>([^<]+)</td>")
            .Select(m => (m.Groups[1].Value, m.Groups[4].Value, m.Groups[5].Value)).ToList();
        Assert.Equal(
            [("11:32:06.480", "restart", "2.17 s after the restart at 11:32:04 (SQL01/ERRORLOG:1)"),
             ("11:32:07.112", "restart", "2.80 s after the restart at 11:32:04 (SQL01/ERRORLOG:1)"),
             ("11:40:00.000", "unexplained", "no rule applies; closest, restart: nearest restart 7 min earlier (SQL01/ERRORLOG:1); it needs one at most 5 min before it")],
            rows);
    }

    [Fact]
    public void Nothing_is_loaded_from_outside_the_file()
    {
        string html = DiagnoseHtmlRenderer.Render(SomeViews.Restart());

        foreach (string external in new[] { "src=", "href=", "<link", "<script", "@import", "url(" })
            Assert.DoesNotContain(external, html);
        // The SVG namespace is a name, not a download; it is the only address in the file.
        Assert.Equal(["http://www.w3.org/2000/svg"], Regex.Matches(html, "https?://[^\"]+").Select(m => m.Value));
    }

    [Fact]
    public void The_timeline_has_a_bar_per_series_and_bucket_and_the_markers()
    {
        string svg = TimelineSvg.Render(SomeViews.Restart().Timeline);

        var bars = Regex.Matches(svg, "<rect class=\"bar\" data-time=\"([^\"]+)\" data-count=\"(\\d+)\" data-series=\"([^\"]+)\"")
            .Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value), m.Groups[3].Value));
        Assert.Equal([("2024-03-05T11:32:00.000Z", 2, "restart"), ("2024-03-05T11:33:00.000Z", 1, "unexplained")], bars);
        Assert.Contains("<g class=\"marker\" data-kind=\"restart\" data-time=\"2024-03-05T11:32:04.310Z\">", svg);
        Assert.Contains(">restart 11:32:04</text>", svg);
    }

    [Fact]
    public void Ranges_in_the_summary_do_not_wrap()
    {
        string html = DiagnoseHtmlRenderer.Render(SomeViews.Restart());

        Assert.Contains("follow the restart at 11:32:04 by <span class=\"nw\">2–58\u00A0s</span></p>", html);
    }
}
