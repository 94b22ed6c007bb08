namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The queries run in this session, newest last, browsed with ↑/↓ in the query bar as a shell does:
/// ↑ goes back, ↓ forward, and past the newest the text being typed comes back.
/// </summary>
internal sealed class QueryHistory
{
    private readonly List<string> _runs = [];
    private int _at;
    private string _draft = "";

    public IReadOnlyList<string> Runs => _runs;

    public void Add(string query)
    {
        _runs.Remove(query);
        _runs.Add(query);
        _at = _runs.Count;
    }

    /// <summary>Starts browsing from the end, keeping <paramref name="draft"/> to come back to.</summary>
    public void Restart(string draft)
    {
        _at = _runs.Count;
        _draft = draft;
    }

    /// <summary>The entry <paramref name="step"/> away (-1 older, +1 newer), or the draft past the newest.</summary>
    public string Step(int step, string current)
    {
        if (_at == _runs.Count)
            _draft = current;
        _at = Math.Clamp(_at + step, 0, _runs.Count);
        return _at == _runs.Count ? _draft : _runs[_at];
    }
}
