using LogCorrelator.Events;

namespace LogCorrelator.Tests.Query.Property;

/// <summary>A random event as the brute-force evaluator sees it: every field as plain values.</summary>
internal sealed record Ev(
    int Tag, long Time, EventKind Kind, string Source, string? Host, string? Peer,
    int? Code, string? SqlState, int? Spid, int? Port, int? Count, string Message)
{
    /// <summary>The code as output shows it: the number, else the SQLSTATE.</summary>
    public string? CodeText => Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? SqlState;
}
