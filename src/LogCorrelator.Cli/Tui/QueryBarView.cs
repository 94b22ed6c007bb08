namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The bottom bar while text is typed: the prompt (<c>/</c> for a query), the text, the caret's
/// index in it, the error of the last run (the formatted syntax error) and a line of hints.
/// </summary>
internal sealed record QueryBarView(string Text, int Caret, string? Error)
{
    public string Prompt { get; init; } = "/";

    public string Hint { get; init; } = "Enter run · Esc cancel · ↑/↓ history · Tab complete";

    /// <summary>Lines the bar takes: the input, the error's lines, the hints.</summary>
    public int Height => 2 + (Error is null ? 0 : Error.Split('\n').Length);
}
