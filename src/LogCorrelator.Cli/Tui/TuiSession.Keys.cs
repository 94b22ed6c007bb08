namespace LogCorrelator.Cli.Tui;

/// <summary>What each key does, by mode: the panes, the bottom bar, a list.</summary>
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
                PromptKey(key);
                return true;
            case TuiMode.Browse:
                return BrowseKey(key);
            case TuiMode.Raw:
                RawKey(key);
                return true;
            default:
                ListKey(key);
                return true;
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
                SetDetail(!DetailOpen);
                return true;
            case ConsoleKey.Escape when _finding is not null:
                CancelFind();
                _status = "search cancelled · " + Help;
                return true;
            case ConsoleKey.Escape when DetailOpen:
                SetDetail(false);
                return true;
            case ConsoleKey.Escape:
                return false;
            case ConsoleKey.F1:
                OpenList(TuiMode.Help);
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
            case '/': StartPrompt(PromptKind.Query, _source.Query); break;
            case 'w': StartPrompt(PromptKind.SaveName, ""); break;
            case 'x': ExportAsked?.Invoke(); break;
            case 'f': StartPrompt(PromptKind.Find, _found ?? ""); break;
            case 'g': StartPrompt(PromptKind.GoTo, TimeMath.Full(_results.Current?.Time ?? _timeline.Cursor)); break;
            case 'n': FindNext(forward: true); break;
            case 'N': FindNext(forward: false); break;
            case 'e': NextInStore(Errors, "client error", forward: true); break;
            case 'E': NextInStore(Errors, "client error", forward: false); break;
            case 'v': NextInStore(ServerEvents, "server event", forward: true); break;
            case 'V': NextInStore(ServerEvents, "server event", forward: false); break;
            case 'm': ToggleMark(); break;
            case 'u':
                _marked.Clear();
                _status = Help;
                break;
            case 'c': CopyRows(); break;
            case 's': OpenList(TuiMode.Saved); break;
            case 'd': OpenList(TuiMode.Diagnosis); break;
            case 'o': OpenList(TuiMode.Sources); break;
            case 't': OpenList(TuiMode.Raw); break;
            case '?': OpenList(TuiMode.Help); break;
        }
        return true;
    }

    private void SetDetail(bool open)
    {
        DetailOpen = open;
        Relayout();
        _results.Resize(Layout.ResultRows);
    }

    private void PromptKey(ConsoleKeyInfo key)
    {
        if (key.Key == ConsoleKey.Escape)
            EndPrompt(Help);
        else if (key.Key == ConsoleKey.Enter)
            Submit(_editor.Text);
        else if (key.Key is ConsoleKey.UpArrow or ConsoleKey.DownArrow && Prompt == PromptKind.Query)
            _editor.Set(History(key.Key == ConsoleKey.UpArrow ? -1 : 1, _editor.Text).Text, int.MaxValue);
        else if (key.Key == ConsoleKey.Tab && Prompt == PromptKind.Query)
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
        int count = ListCount();
        bool selectable = Mode is TuiMode.Saved or TuiMode.Diagnosis;
        switch (key.Key)
        {
            case ConsoleKey.UpArrow when selectable: _picked = Math.Max(0, _picked - 1); break;
            case ConsoleKey.DownArrow when selectable: _picked = Math.Min(count - 1, _picked + 1); break;
            case ConsoleKey.UpArrow: _scroll = Math.Max(0, _scroll - 1); break;
            case ConsoleKey.DownArrow: _scroll = Math.Min(Math.Max(0, count - 1), _scroll + 1); break;
            case ConsoleKey.Enter when selectable && count > 0:
                PickCurrent();
                break;
            case ConsoleKey.Escape:
            case ConsoleKey.Enter:
            case ConsoleKey.F1:
                Mode = TuiMode.Browse;
                break;
            default:
                if (key.KeyChar is 'q' or 's' or 'd' or 'o' or '?')
                    Mode = TuiMode.Browse;
                else if (key.KeyChar == 'w' && Mode == TuiMode.Saved)
                    StartPrompt(PromptKind.SaveName, "");
                break;
        }
    }

    private void RawKey(ConsoleKeyInfo key)
    {
        var raw = _raw!;
        switch (key.Key)
        {
            case ConsoleKey.UpArrow: raw.Up(); break;
            case ConsoleKey.DownArrow: raw.Down(); break;
            case ConsoleKey.PageUp: raw.PageUp(); break;
            case ConsoleKey.PageDown: raw.PageDown(); break;
            case ConsoleKey.Enter: PickCurrent(); break;
            case ConsoleKey.Escape: Mode = TuiMode.Browse; break;
            default:
                if (key.KeyChar is 't' or 'q')
                    Mode = TuiMode.Browse;
                break;
        }
    }
}
