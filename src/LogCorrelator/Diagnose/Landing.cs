namespace LogCorrelator.Diagnose;

/// <summary>Where one client error of a diagnosis ends: each lands in exactly one of these.</summary>
public enum Landing
{
    /// <summary>A cause explains it (the best one; others may be listed as also possible).</summary>
    Explained,
    /// <summary>Not a network error (a timeout, a deadlock, a login or database-availability error): no network cause applies.</summary>
    NotNetwork,
    /// <summary>A network error no rule explains; each rule says how near it came.</summary>
    Unexplained,
}
