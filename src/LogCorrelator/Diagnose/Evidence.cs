using LogCorrelator.Events;

namespace LogCorrelator.Diagnose;

/// <summary>One line of a cause's evidence, with the file and line it came from (in <see cref="Event"/>).</summary>
public sealed record Evidence(StoredEvent Event, EvidenceRole Role, string? Note = null);
