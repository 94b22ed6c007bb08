using LogCorrelator.Events;

namespace LogCorrelator.Diagnose;

/// <summary>Errors with one code on one host, as the unexplained and login sections list them.</summary>
public sealed record ErrorGroup(string? Code, string? Host, string Category, IReadOnlyList<StoredEvent> Errors)
{
    public int Count => Errors.Count;
}
