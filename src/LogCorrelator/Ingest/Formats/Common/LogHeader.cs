using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.Common;

/// <summary>What the first line of an entry says before its message.</summary>
/// <param name="Stamp">The timestamp as written.</param>
/// <param name="Level">The level word after the timestamp, if any.</param>
/// <param name="MessageStart">Character index in the line where the message begins.</param>
/// <param name="ProcessColumn">The field after the timestamp is an ERRORLOG process column (spid52, Server, Logon).</param>
/// <param name="Family">The runtime whose logging library writes exactly this layout, when the line shows one.</param>
internal readonly record struct LogHeader(LocalStamp Stamp, LogLevel Level, int MessageStart, bool ProcessColumn, LogFamily Family = LogFamily.None);
