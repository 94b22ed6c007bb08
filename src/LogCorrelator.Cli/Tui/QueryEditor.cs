namespace LogCorrelator.Cli.Tui;

/// <summary>A one-line text editor for the query bar: insert at the caret, delete, move.</summary>
internal sealed class QueryEditor
{
    public string Text { get; private set; } = "";

    public int Caret { get; private set; }

    public string? Error { get; set; }

    public void Start(string text)
    {
        Text = text;
        Caret = text.Length;
        Error = null;
    }

    /// <summary>Replaces the text (history, completion) keeping the last run's error.</summary>
    public void Set(string text, int caret)
    {
        Text = text;
        Caret = Math.Clamp(caret, 0, text.Length);
    }

    /// <summary>Applies an editing key; false when the key is not an editing key.</summary>
    public bool Edit(ConsoleKeyInfo key)
    {
        switch (key.Key)
        {
            case ConsoleKey.LeftArrow: Caret = Math.Max(0, Caret - 1); return true;
            case ConsoleKey.RightArrow: Caret = Math.Min(Text.Length, Caret + 1); return true;
            case ConsoleKey.Home: Caret = 0; return true;
            case ConsoleKey.End: Caret = Text.Length; return true;
            case ConsoleKey.Backspace when Caret > 0:
                Text = Text.Remove(Caret - 1, 1);
                Caret--;
                return true;
            case ConsoleKey.Delete when Caret < Text.Length:
                Text = Text.Remove(Caret, 1);
                return true;
            case ConsoleKey.U when key.Modifiers.HasFlag(ConsoleModifiers.Control):
                Text = "";
                Caret = 0;
                return true;
        }
        if (key.KeyChar >= ' ' && !char.IsControl(key.KeyChar) && !key.Modifiers.HasFlag(ConsoleModifiers.Control))
        {
            Text = Text.Insert(Caret, key.KeyChar.ToString());
            Caret++;
            return true;
        }
        return false;
    }

    public QueryBarView View() => new(Text, Caret, Error);
}
