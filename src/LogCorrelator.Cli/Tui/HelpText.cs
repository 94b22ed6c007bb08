namespace LogCorrelator.Cli.Tui;

/// <summary>Every key of the TUI, as the help view (F1 or ?) lists them; the README's TUI section says the same.</summary>
internal static class HelpText
{
    public static IReadOnlyList<string> Lines { get; } =
    [
        "Timeline",
        "  ←/→            move the cursor one bucket (the results follow)",
        "  +/-            zoom in/out around the selected row      mouse wheel: zoom at the pointer",
        "  drag           pan the timeline                          click a bar: the results of that bucket only",
        "Results",
        "  ↑/↓ PgUp/PgDn  move the selection                        Home/End: first/last row",
        "  click          select a row                              Enter: open/close the detail (raw lines, file:line, justification)",
        "Query bar",
        "  /              edit the query (Enter runs, Esc cancels)  ↑/↓: history   Tab: complete kinds, fields, codes, @saved",
        "Lists",
        "  s              saved queries: Enter runs one             d: the diagnosis",
        "  F1 or ?        this help                                 Esc closes a list",
        "Leaving",
        "  q or Ctrl+C    quit (the terminal is restored)           Esc with nothing open: quit",
    ];
}
