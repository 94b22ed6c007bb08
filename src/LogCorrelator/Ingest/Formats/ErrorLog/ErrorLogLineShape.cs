namespace LogCorrelator.Ingest.Formats.ErrorLog;

/// <summary>What the start of an ERRORLOG line says about it.</summary>
internal enum ErrorLogLineShape : byte
{
    /// <summary>No timestamp: the line belongs to the entry before it (banner lines, startup parameters).</summary>
    Continuation,
    /// <summary><c>2024-03-05 11:32:15.62 spid52      message</c>: a new entry.</summary>
    Entry,
    /// <summary>Starts like a timestamp (<c>2024-13-45 99:…</c>) but is not one.</summary>
    MalformedTimestamp,
    /// <summary>A line that is no entry and no part of one: an export's column names.</summary>
    Ignored,
}
