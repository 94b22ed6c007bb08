namespace LogCorrelator.Events;

/// <summary>An event read back from the store, with its text resolved for display.</summary>
public sealed record StoredEvent(
    long Id,
    DateTimeOffset? Time,
    EventKind Kind,
    int? Code,
    string? SqlState,
    string? Host,
    string? Peer,
    int? Spid,
    int? Port,
    int? Count,
    string Message,
    string SourcePath,
    int Line,
    string? Extra)
{
    /// <summary>The code as text: the number when there is one, else the SQLSTATE.</summary>
    /// <summary>The time of an event that is on the timeline (every event a relation or a rule touched).</summary>
    public DateTimeOffset At => Time ?? throw new InvalidOperationException($"event {Id} has no time");

    public string? CodeText => Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? SqlState;
}
