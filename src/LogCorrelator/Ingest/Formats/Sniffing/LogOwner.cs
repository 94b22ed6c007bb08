namespace LogCorrelator.Ingest.Formats.Sniffing;

/// <summary>Which format a timestamped client log (or an ODBC trace) belongs to.</summary>
internal enum LogOwner : byte
{
    None = 0,
    /// <summary><c>applog</c>: .NET application logs, and any timestamped log no other format claims.</summary>
    AppLog,
    /// <summary><c>odbc</c>: a log whose errors are ODBC diagnostics, from a C++ or .NET application.</summary>
    OdbcLog,
    /// <summary><c>odbc</c>: the ODBC driver manager's trace.</summary>
    OdbcTrace,
    /// <summary><c>python</c>.</summary>
    Python,
    /// <summary><c>java</c>.</summary>
    Java,
}
