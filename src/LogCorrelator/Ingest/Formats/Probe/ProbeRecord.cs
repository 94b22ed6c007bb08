namespace LogCorrelator.Ingest.Formats.Probe;

/// <summary>
/// One attempt of <c>logcorr probe</c>: when it began (UTC), whether it succeeded, how long each step
/// took, and on failure what SqlClient said. Milliseconds are null for the steps it did not reach.
/// </summary>
public sealed record ProbeRecord(
    DateTimeOffset Time,
    bool Ok,
    long? ConnectMs,
    long? FirstByteMs,
    long? QueryMs,
    int? Number = null,
    int? Class = null,
    int? State = null,
    Guid? ClientConnectionId = null,
    string Message = "")
{
    public string Outcome => Ok ? ProbeLog.OkOutcome : ProbeLog.FailOutcome;
}
