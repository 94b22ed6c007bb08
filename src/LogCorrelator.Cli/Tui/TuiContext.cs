using LogCorrelator.Diagnose;
using LogCorrelator.Query.Saved;
using LogCorrelator.Store;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// What the TUI needs besides the store: the saved queries and the user's file for new ones, how
/// to diagnose the store (run on first use of <c>d</c>), where exports go, and how text reaches
/// the clipboard (OSC 52 in a terminal; tests keep it).
/// </summary>
internal sealed record TuiContext
{
    public QueryLibrary Library { get; init; } = QueryLibrary.Empty;

    /// <summary>The user's saved-query file (<c>STORE.queries.lcq</c>); null: saving is not offered.</summary>
    public string? UserQueryFile { get; init; }

    public Func<EventStore, Diagnosis> Diagnose { get; init; } = store => DiagnosisEngine.Run(store, new DiagnoseOptions());

    /// <summary>
    /// Called on a search's worker before it reads, with the search's token: nothing in the TUI;
    /// tests hold a search here to press keys while it runs.
    /// </summary>
    public Action<CancellationToken> FindStarted { get; init; } = _ => { };

    /// <summary>The folder a relative export path is written in.</summary>
    public string ExportFolder { get; init; } = ".";

    public Action<string> Copy { get; init; } = _ => { };
}
