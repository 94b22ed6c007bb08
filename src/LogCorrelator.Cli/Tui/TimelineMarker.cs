namespace LogCorrelator.Cli.Tui;

/// <summary>A server event drawn on the timeline: the bucket column it falls in and its letter (R, S, K, F; * for several kinds).</summary>
internal readonly record struct TimelineMarker(int Column, char Letter);
