namespace LogCorrelator.Cli.Tui;

/// <summary>What each key does, by mode: the panes, the query bar, a list.</summary>
internal sealed partial class TuiSession
{
    /// <summary>Applies a key; false when it asks to quit.</summary>
    public bool Handle(ConsoleKeyInfo key)
    {
        if (key.Key == ConsoleKey.C && key.Modifiers.HasFlag(ConsoleModifiers.Control))
            return false;
        switch (Mode)
        {
            case TuiMode.Query:
                QueryKey(key);
                return true;
            case TuiMode.Saved:
            case TuiMode.Diagnosis:
            case TuiMode.Help:
                ListKey(key);
                return true;
            default:
                return BrowseKey(key);
        }
    }

    private bool BrowseKey(ConsoleKeyInfo key)
    {
        switch (key.Key)
        {
            case ConsoleKey.LeftArrow:
            case ConsoleKey.RightArrow:
                if (_timeline.Move(key.Key == ConsoleKey.LeftArrow ? -1 : 1))
                    _results.JumpTo(_timeline.Cursor);
                return true;
            case ConsoleKey.UpArrow: _results.Up(); break;
            case ConsoleKey.DownArrow: _results.Down(); break;
            case ConsoleKey.PageUp: _results.PageUp(); break;
            case ConsoleKey.PageDown: _results.PageDown(); break;
            case ConsoleKey.Home: _results.Home(); break;
            case ConsoleKey.End: _results.End(); break;
            case ConsoleKey.Enter:
                DetailOpen = !DetailOpen;
                Relayout();
                _results.Resize(Layout.ResultRows);
                return true;
            case ConsoleKey.Escape when DetailOpen:
                DetailOpen = false;
                Relayout();
                _results.Resize(Layout.ResultRows);
                return true;
            case ConsoleKey.Escape:
                return false;
            case ConsoleKey.F1:
                Mode = TuiMode.Help;
                return true;
            default:
                return BrowseChar(key.KeyChar);
        }
        // A row move takes the timeline's cursor to the row's bucket.
        if (_results.Current is { } row)
            _timeline.Follow(row.Time);
        return true;
    }

    private bool BrowseChar(char c)
    {
        switch (c)
        {
            case 'q':
            case 'Q':
                return false;
            case '+':
            case '=':
            case '-':
            case '_':
                _timeline.Zoom(finer: c is '+' or '=', _results.Current?.Time ?? _timeline.Cursor);
                break;
            case '/':
                Mode = TuiMode.Query;
                _editor.Start(_source.Query);
                _history.Restart(_source.Query);
                Relayout();
                break;
            case 's':
                Mode = TuiMode.Saved;
                _picked = 0;
                break;
            case 'd':
                Mode = TuiMode.Diagnosis;
                break;
            case '?':
                Mode = TuiMode.Help;
                break;
        }
        return true;
    }

    private void QueryKey(ConsoleKeyInfo key)
    {
        if (key.Key == ConsoleKey.Escape)
        {
            Mode = TuiMode.Browse;
            Relayout();
            _results.Resize(Layout.ResultRows);
        }
        else if (key.Key == ConsoleKey.Enter)
        {
            Open(_editor.Text);
        }
        else if (key.Key is ConsoleKey.UpArrow or ConsoleKey.DownArrow)
        {
            _editor.Start(History(key.Key == ConsoleKey.UpArrow ? -1 : 1, _editor.Text).Text);
        }
        else if (key.Key == ConsoleKey.Tab)
        {
            var (text, caret) = Complete(_editor.Text, _editor.Caret);
            _editor.Set(text, caret);
        }
        else
        {
            // The error stays under the bar until the next run: the rows are not refetched per key.
            _editor.Edit(key);
        }
    }

    private void ListKey(ConsoleKeyInfo key)
    {
        var items = Mode == TuiMode.Saved ? ExampleQueries.All : [];
        switch (key.Key)
        {
            case ConsoleKey.UpArrow: _picked = Math.Max(0, _picked - 1); break;
            case ConsoleKey.DownArrow: _picked = Math.Min(items.Count - 1, _picked + 1); break;
            case ConsoleKey.Enter when Mode == TuiMode.Saved && items.Count > 0:
                Open(items[_picked]);
                break;
            case ConsoleKey.Escape:
            case ConsoleKey.Enter:
            case ConsoleKey.F1:
                Mode = TuiMode.Browse;
                break;
            default:
                if (key.KeyChar is 'q' or 's' or 'd' or '?')
                    Mode = TuiMode.Browse;
                break;
        }
    }
}
