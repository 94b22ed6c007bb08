using System.Buffers.Binary;
using System.Text.RegularExpressions;
using LogCorrelator.Tests.Cli;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>
/// The HTML report of incident-mixed opened in a real browser: the DOM Chromium builds from the
/// file holds the timeline's bars (7 restart, 2 kill, 3 unexplained errors) and a marker for each
/// server event, and the page renders to a screenshot of the requested size.
/// </summary>
public sealed partial class HtmlInBrowserTests : IDisposable
{
    private readonly SampleIncident _run = new();

    public void Dispose() => _run.Dispose();

    [GeneratedRegex("<rect class=\"bar\" data-time=\"[^\"]+\" data-count=\"(\\d+)\" data-series=\"([^\"]+)\"")]
    private static partial Regex Bar();

    [GeneratedRegex("<g class=\"marker\" data-kind=\"([^\"]+)\" data-time=\"([^\"]+)\"")]
    private static partial Regex Marker();

    private string Report()
    {
        string html = _run.Folder.Combine("report.html");
        var run = CliRun.Of("diagnose", SampleIncident.PathOf("incident-mixed"), "--store", _run.Store, "--html", html);
        Assert.True(run.ExitCode == 0, run.ErrText);
        return html;
    }

    [Fact]
    public void The_rendered_timeline_holds_the_bars_and_the_server_events()
    {
        string dom = Chromium.Run(_run.Folder.Combine("profile-dom"), "--dump-dom", new Uri(Report()).AbsoluteUri);

        var perSeries = Bar().Matches(dom).GroupBy(m => m.Groups[2].Value).ToDictionary(g => g.Key, g => g.Sum(m => int.Parse(m.Groups[1].Value)));
        Assert.Equal(new Dictionary<string, int> { ["restart"] = 7, ["kill"] = 2, ["unexplained"] = 3 }, perSeries);
        Assert.Equal(
            [("shutdown", "2024-03-04T03:40:02.310Z"), ("restart", "2024-03-04T03:40:31.050Z"), ("ready", "2024-03-04T03:40:44.710Z"),
             ("kill", "2024-03-04T05:12:08.170Z"), ("kill", "2024-03-04T05:12:08.190Z")],
            Marker().Matches(dom).Select(m => (m.Groups[1].Value, m.Groups[2].Value)));
        Assert.Contains("<h2><span class=\"rank\">1.</span> SQL Server restarted or shut down <code>restart</code></h2>", dom);
    }

    [Fact]
    public void The_page_renders_to_a_screenshot_of_the_window_size()
    {
        string png = _run.Folder.Combine("report.png");

        Chromium.Run(_run.Folder.Combine("profile-shot"), "--screenshot=" + png, "--window-size=1200,900", new Uri(Report()).AbsoluteUri);

        byte[] bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        // IHDR: width and height, big-endian, at bytes 16 and 20.
        Assert.Equal((1200, 900), (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))));
    }
}
