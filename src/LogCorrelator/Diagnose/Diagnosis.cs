using LogCorrelator.Events;

namespace LogCorrelator.Diagnose;

/// <summary>
/// The answer to "what caused these errors?": the incident's client errors, the causes that
/// explain them in rank order (most errors explained first; ties by confidence, then id; an error
/// two causes explain counts for both), what stays unexplained, login failures apart, and any
/// clock that disagrees with the servers'. <see cref="Accounts"/> has every client error (login
/// failures included) once, with where it landed and why.
/// </summary>
public sealed record Diagnosis(
    IReadOnlyList<StoredEvent> Errors,
    IReadOnlyList<Cause> Causes,
    IReadOnlyList<ErrorGroup> Unexplained,
    IReadOnlyList<ErrorGroup> LoginFailures,
    IReadOnlyList<StoredEvent> ServerLoginFailures,
    IReadOnlyList<ClockFinding> Clocks,
    IReadOnlyList<StoredEvent> Markers,
    IReadOnlyList<string> RulesChecked,
    IReadOnlyList<string> AssumedClocks,
    IReadOnlyDictionary<string, string> RelativePaths,
    IReadOnlyList<ErrorAccount> Accounts)
{
    /// <summary>A source file as the incident folder names it (<c>SQLPROD01/ERRORLOG</c>), else as given.</summary>
    public string PathOf(StoredEvent e) => RelativePaths.TryGetValue(e.SourcePath, out var rel) ? rel : e.SourcePath;

    public int UnexplainedCount => Unexplained.Sum(g => g.Count);

    public int Count(Landing landing) => Accounts.Count(a => a.Landing == landing);
}
