namespace LogCorrelator.Ingest.Formats.Sniffing;

/// <summary>
/// What the first lines of a file show: how many start with a timestamp (and a level, or an ERRORLOG
/// process column), and how many lines only one runtime's logging writes.
/// </summary>
internal readonly record struct SampleProfile(
    int Lines, int Stamped, int Leveled, int ErrorLogLike,
    int DotNet, int Python, int Java, int OdbcText, int TraceHeaders)
{
    /// <summary>
    /// Python or Java when their lines outnumber the others' (a pyodbc traceback quotes ODBC text, but
    /// it is a Python log); else ODBC when ODBC diagnostics show; else the .NET app log, which takes
    /// every timestamped log that shows nothing more particular.
    /// </summary>
    public LogOwner Owner
    {
        get
        {
            if (Stamped == 0)
                return TraceHeaders > 0 ? LogOwner.OdbcTrace : LogOwner.None;
            if (Python > Math.Max(Java, DotNet))
                return LogOwner.Python;
            if (Java > Math.Max(Python, DotNet))
                return LogOwner.Java;
            return OdbcText > 0 ? LogOwner.OdbcLog : LogOwner.AppLog;
        }
    }

    /// <summary>
    /// How surely the sample is a timestamped log at all. Stack traces are lines too: a sample heavy
    /// with them still is one, only a bit less surely. Lines whose second field is an ERRORLOG process
    /// column (spid52, Server, Logon) are SQL Server's, so this stays low for them.
    /// </summary>
    public double StampedScore
    {
        get
        {
            // One dated line among many undated ones is prose or code that mentions a time, not a log.
            if (Stamped == 0 || (Stamped == 1 && Lines > 3))
                return 0;
            double share = (double)Stamped / Lines;
            if (ErrorLogLike * 2 >= Stamped)
                return 0.2 * share;
            return Leveled * 2 >= Stamped ? 0.75 + 0.2 * share : 0.3 + 0.3 * share;
        }
    }

    /// <summary>
    /// The score of a format that reads timestamped logs: all of <see cref="StampedScore"/> for the
    /// owner, half for the others, so the owner always wins by a clear margin and the others still
    /// say the file is a log.
    /// </summary>
    public double ScoreFor(LogOwner format) => Owner == format ? StampedScore : 0.5 * StampedScore;
}
