namespace LogCorrelator.Cli.Tui;

/// <summary>What a piece of text is, for <see cref="Palette"/> to colour: the panes name roles, never colours.</summary>
internal enum Paint
{
    Normal,
    Dim,
    Title,
    Bar,
    CursorBar,
    Marker,
    Entry,
    Label,
    Matched,
    Error,
    Prompt,
    Selected,
    Found,
    Marked,
}
