namespace LogCorrelator.Cli;

internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The work failed: no store, nothing readable, an unreadable file.</summary>
    public const int Failure = 1;
    /// <summary>The user's words were wrong: a flag, a query.</summary>
    public const int Usage = 2;
    /// <summary>Part of the work was refused: <c>collect</c> stored what it could read, and said per source what it could not.</summary>
    public const int Partial = 3;
}
