namespace LogCorrelator.Diagnose.Rules;

/// <summary><c>lifetime:</c> as YAML spells it.</summary>
internal sealed class LifetimeDocument
{
    public string? Default { get; set; }
    public string? Setting { get; set; }
}
