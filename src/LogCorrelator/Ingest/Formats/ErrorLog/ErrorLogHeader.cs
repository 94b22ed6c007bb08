using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.ErrorLog;

/// <summary>Where the parts of an entry's first line are, as character positions in that line.</summary>
/// <param name="StampLength">Characters from the line's start to the end of the timestamp (quotes included):
/// two lines with equal prefixes of this length have the same time.</param>
internal readonly record struct ErrorLogHeader(
    LocalStamp Stamp,
    int StampLength,
    int ProcessStart,
    int ProcessLength,
    int MessageStart,
    int MessageLength);
