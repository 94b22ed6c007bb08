namespace LogCorrelator.Cli.Tui;

/// <summary>One screen line as pieces of text, each with its <see cref="Paint"/>; a view cuts it to its width when drawing.</summary>
internal sealed class PaintedLine
{
    private readonly List<(string Text, Paint Paint)> _pieces = [];

    public IReadOnlyList<(string Text, Paint Paint)> Pieces => _pieces;

    /// <summary>The paint of the cells after the last piece (a selected line is reversed to the edge).</summary>
    public Paint Fill { get; private set; }

    /// <summary>Adds a piece; one of the same paint as the last joins it (a timeline row is one piece per run, not per cell: fewer writes per frame).</summary>
    public PaintedLine Add(string text, Paint paint = Paint.Normal)
    {
        if (text.Length == 0)
            return this;
        text = CellText.Clean(text);
        if (_pieces.Count > 0 && _pieces[^1].Paint == paint)
            _pieces[^1] = (_pieces[^1].Text + text, paint);
        else
            _pieces.Add((text, paint));
        return this;
    }

    public PaintedLine FillWith(Paint paint)
    {
        Fill = paint;
        return this;
    }

    public string Text => string.Concat(_pieces.Select(p => p.Text));

    public static PaintedLine Of(string text, Paint paint = Paint.Normal) => new PaintedLine().Add(text, paint);
}
