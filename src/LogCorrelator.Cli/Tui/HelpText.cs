namespace LogCorrelator.Cli.Tui;

/// <summary>Every key of the TUI, as the help view (F1 or ?) lists them; the README's TUI section says the same.</summary>
internal static class HelpText
{
    public static IReadOnlyList<string> Lines { get; } =
    [
        "Timeline",
        "  ←/→            move the cursor one bucket (the results follow)",
        "  +/-            zoom in/out around the selected row        mouse wheel: zoom at the pointer",
        "  drag           pan the timeline                            click a bar: the results of that bucket only",
        "Results",
        "  ↑/↓ PgUp/PgDn  move the selection                          Home/End: first/last row   click: select a row",
        "  Enter          open/close the detail: the entry's raw lines with context, file:line, what justified a match",
        "  f              find text in the rows (highlighted)          n/N: next/previous row holding it (searched in the background; Esc cancels)",
        "  e/E            next/previous client error                  v/V: next/previous server event (restart, shutdown, kill, failover)",
        "  g              go to a typed UTC time                      t: raw lines of every source around the selected row (t again: back)",
        "  m              mark/unmark the row                         u: unmark all   c: copy marked (or selected) rows (OSC 52)",
        "  x              export the results (or the marked rows): a dialog with the file name and CSV or JSON (Esc cancels)",
        "Query bar",
        "  /              edit the query (Enter runs, Esc cancels)    ↑/↓: history   Tab: complete kinds, fields, codes, @saved   Ctrl+U: clear",
        "Lists",
        "  s              saved queries: Enter runs one               w: save the current query under a name",
        "  d              diagnosis (read in the background): Enter on an evidence line (->) jumps to its moment",
        "  o              sources: format, offset origin, events, problems",
        "  F1 or ?        this help                                   Esc closes a list   the status bar's keys answer clicks",
        "Leaving",
        "  q or Ctrl+C    quit (the terminal is restored)             Esc with nothing open: quit",
    ];
}
