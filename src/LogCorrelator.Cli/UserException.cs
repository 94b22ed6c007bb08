namespace LogCorrelator.Cli;

/// <summary>A mistake of the user's, reported as one line: never a stack trace.</summary>
internal sealed class UserException : Exception
{
    public UserException(string message, int exitCode = ExitCodes.Usage)
        : base(message) => ExitCode = exitCode;

    public int ExitCode { get; }
}
