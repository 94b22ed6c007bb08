namespace LogCorrelator.Cli.Tui;

/// <summary>
/// How a frame of <see cref="Width"/> × <see cref="Height"/> cells is shared: title line, timeline,
/// results, detail (when open), and the bottom (status line or query bar with its error). The
/// session reads it to know how many buckets and rows to fetch; the renderer to draw them.
/// </summary>
internal sealed record ScreenLayout(int Width, int Height, int Timeline, int Results, int Detail, int Bottom)
{
    public const int MinWidth = 60, MinHeight = 20;

    /// <summary>The timeline's left gutter: count labels and row names.</summary>
    public const int Gutter = 7;

    public bool TooSmall => Width < MinWidth || Height < MinHeight;

    /// <summary>Buckets shown: one per cell right of the gutter, inside the border.</summary>
    public int Columns => Math.Max(1, Width - 2 - Gutter);

    /// <summary>Result rows shown: the pane less its border and column header.</summary>
    public int ResultRows => Math.Max(1, Results - 3);

    public static ScreenLayout Compute(int width, int height, bool detail, int bottom)
    {
        bottom = Math.Clamp(bottom, 1, Math.Max(1, height / 4));
        int timeline = Math.Clamp((height - 6) / 3, 6, 12);
        int rest = Math.Max(4, height - 1 - timeline - bottom);
        int detailRows = detail ? Math.Max(6, rest * 11 / 20) : 0;
        return new ScreenLayout(width, height, timeline, rest - detailRows, detailRows, bottom);
    }
}
