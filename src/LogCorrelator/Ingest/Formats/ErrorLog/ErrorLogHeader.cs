using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.ErrorLog;

/// <summary>Where the parts of an entry's first line are, as character positions in that line.</summary>
internal readonly record struct ErrorLogHeader(
    LocalStamp Stamp,
    int StampLength,
    int ProcessStart,
    int ProcessLength,
    int MessageStart);
