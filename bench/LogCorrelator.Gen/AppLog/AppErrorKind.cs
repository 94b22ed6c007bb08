namespace LogCorrelator.Gen.AppLog;

/// <summary>The errors the app log carries: the transport errors under study, and two kinds that must not be taken for them.</summary>
internal enum AppErrorKind
{
    /// <summary>SqlException 10054, "forcibly closed by the remote host".</summary>
    Transport,
    /// <summary>SqlException -2, "Execution Timeout Expired".</summary>
    Timeout,
    /// <summary>An ERR entry with no SQL error in it.</summary>
    NullReference,
}
