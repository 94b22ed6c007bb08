namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// An error a rule explains, with the events that justify it (right-hand events after the rule's
/// conditions, or for a quiet rule the host's last line before the silence) and, when its host's
/// clock had to be corrected, by how much (milliseconds subtracted from its time).
/// </summary>
internal sealed record ExplainedError(long ErrorId, IReadOnlyList<Related> Related, long ShiftMs)
{
    /// <summary>The justifying event nearest in time; on a tie the earlier one (a cause precedes its effect).</summary>
    public Related? Nearest => Related.Count == 0 ? null
        : Related.OrderBy(r => Math.Abs(r.LagMs)).ThenByDescending(r => r.LagMs).First();
}
