namespace LogCorrelator.Store;

/// <summary>Where an event's entry is in its source file: byte range and 1-based first line.</summary>
internal sealed record EventLocation(SourceRecord Source, long Offset, int Length, int Line);
