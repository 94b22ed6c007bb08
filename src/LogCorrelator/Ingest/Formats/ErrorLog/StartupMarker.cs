namespace LogCorrelator.Ingest.Formats.ErrorLog;

/// <summary>The lines of a startup block that say something about the server or the file.</summary>
internal enum StartupMarker : byte
{
    None,
    /// <summary><c>Microsoft SQL Server 2019 (RTM-CU22) ...</c>, the first line SQL Server writes.</summary>
    Banner,
    /// <summary><c>Server process ID is 4242.</c></summary>
    ProcessId,
    /// <summary><c>Logging SQL Server messages in file '...\ERRORLOG'.</c></summary>
    LoggingFile,
    /// <summary><c>UTC adjustment: -5:00</c>: the offset of every time in the file.</summary>
    UtcAdjustment,
    /// <summary><c>Server name is 'SQLPROD01'.</c></summary>
    ServerName,
    /// <summary><c>The error log has been reinitialized.</c>: the block came from sp_cycle_errorlog, not a start.</summary>
    Reinitialized,
    /// <summary>A line SQL Server writes only while it starts (<c>Starting up database 'tempdb'.</c>): a block whose banner was cut off.</summary>
    StartupOnly,
}
