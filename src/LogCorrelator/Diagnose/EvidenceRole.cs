namespace LogCorrelator.Diagnose;

/// <summary>Why a line is shown as evidence.</summary>
public enum EvidenceRole
{
    /// <summary>The event the errors follow: a restart, a kill, a failover, a TIME_WAIT snapshot, a reset.</summary>
    Anchor,
    /// <summary>The standing fact the rule requires: a netconfig saying chimney is enabled.</summary>
    Required,
    /// <summary>A line that supports the explanation without being required (17832 beside resets).</summary>
    Support,
    /// <summary>The host's last line before a quiet period.</summary>
    LastActivity,
    /// <summary>One of the explained errors.</summary>
    Error,
}
