using LogCorrelator.Events;

namespace LogCorrelator.Diagnose;

/// <summary>
/// The account of one client error: where it landed and why. Explained: <see cref="CauseId"/> is the
/// best cause (the first in rank that explains it), <see cref="AlsoPossible"/> the others, and
/// <see cref="Related"/> the event it is measured from. Not a network error: <see cref="Why"/> says
/// what it is, and <see cref="Related"/> is a server event just before it, when there was one.
/// Unexplained: <see cref="Misses"/> has, for each rule, the nearest candidate and why it did not apply.
/// </summary>
public sealed record ErrorAccount(
    StoredEvent Error,
    string Category,
    Landing Landing,
    string? CauseId,
    IReadOnlyList<string> AlsoPossible,
    string Why,
    StoredEvent? Related,
    IReadOnlyList<RuleMiss> Misses);
