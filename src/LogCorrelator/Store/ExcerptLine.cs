namespace LogCorrelator.Store;

/// <summary>One line of a source file around an event: its 1-based number, text (redacted) and whether it is the event's own.</summary>
internal sealed record ExcerptLine(int Number, string Text, bool InEntry);
