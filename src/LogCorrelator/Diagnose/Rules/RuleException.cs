namespace LogCorrelator.Diagnose.Rules;

/// <summary>A rule file that cannot be used: names the file and, where it can, the field and line.</summary>
public sealed class RuleException : Exception
{
    public RuleException()
    {
    }

    public RuleException(string message)
        : base(message)
    {
    }

    public RuleException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
