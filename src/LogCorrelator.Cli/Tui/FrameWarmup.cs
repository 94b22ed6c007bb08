namespace LogCorrelator.Cli.Tui;

/// <summary>
/// Renders a made-up frame with every pane on another core while the store opens and the first
/// query runs. Most of the first frame's render time is the JIT compiling Spectre's layout code
/// once; done here in parallel, it is off the path to the first frame (see bench/tui-first-frame.sh).
/// </summary>
internal static class FrameWarmup
{
    public static Task Start() => Task.Run(() =>
    {
        var row = new ResultRow(1, 0, "HOST", "error", "10054", "warm-up", [new RelatedRow(2, 1000, "SQL", "restart", "", "warm-up", 1)]);
        var view = new ScreenView(
            "warm-up",
            new TimelineView("errors", 60_000, 0, new long[151], [new TimelineMarker(1, 'R')], 0),
            new ResultsView("errors", [row], 0, 1, true),
            new DetailView(row, "warm-up", 1, [new Store.ExcerptLine(1, "warm-up", true)], true),
            null,
            new QueryBarView("errors", 1, "error: warm-up"),
            TuiSession.Help);
        var layout = ScreenLayout.Compute(160, 48, detail: true, bottom: 2);
        FrameText.Render(view, layout, ansi: true, color: true, unicode: true);
        FrameText.Render(view with { Overlay = new PickerView("warm-up", "warm-up", ["errors"], 0) }, layout, ansi: true, color: true, unicode: true);
    });
}
