using System.Globalization;

namespace LogCorrelator.Cli.Tui;

/// <summary>What the mouse and the query bar's field do: the same state changes the keys make.</summary>
internal sealed partial class TuiSession
{
    /// <summary>The history entry <paramref name="step"/> away from the text being typed, caret at its end.</summary>
    public (string Text, int Caret) History(int step, string current)
    {
        string text = _history.Step(step, current);
        return (text, text.Length);
    }

    public (string Text, int Caret) Complete(string text, int caret) => _completer.Complete(text, caret);

    /// <summary>The wheel: one zoom step, keeping the bucket under the pointer where it is.</summary>
    public void ZoomAt(bool finer, int column) =>
        _timeline.Zoom(finer, _timeline.WindowStart + (long)Math.Clamp(column, 0, _timeline.Columns - 1) * _timeline.Bucket);

    /// <summary>A drag: the window moves by whole buckets, the cursor stays in it.</summary>
    public void Pan(int buckets) => _timeline.Pan(buckets);

    /// <summary>
    /// A click on a bar: the query narrowed to that bucket with a <c>between</c> range (both ends
    /// inclusive, hence the last millisecond); a query that has a range or pipes already is not
    /// rewritten, the results go to the bucket instead.
    /// </summary>
    public void FilterToBucket(int column)
    {
        long start = _timeline.WindowStart + (long)column * _timeline.Bucket;
        if (!_source.CanNarrow)
        {
            _timeline.Follow(start);
            _results.JumpTo(start);
            _status = "this query has a range or pipes: the results went to the bucket instead of being narrowed";
            return;
        }
        string range = $" between {Stamp(start)} and {Stamp(start + _timeline.Bucket - 1)}";
        Submit(_source.Query + range);
    }

    /// <summary>A click on a result row (its index on screen).</summary>
    public void SelectRow(int row)
    {
        if (Mode != TuiMode.Browse)
            return;
        _results.Select(row);
        if (_results.Current is { } r)
            _timeline.Follow(r.Time);
    }

    /// <summary>A click on a list item: as Enter on it (runs a saved query, jumps to an evidence's moment).</summary>
    public void PickItem(int item)
    {
        if (Mode is not (TuiMode.Saved or TuiMode.Diagnosis) || item < 0 || item >= ListCount())
            return;
        _picked = item;
        PickCurrent();
    }

    private static string Stamp(long ms) => TimeMath.Utc(ms).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
