namespace LogCorrelator.Diagnose;

/// <summary>What to diagnose: the incident's paths (empty: the whole store) and, optionally, a folder of rules to use instead of the built-in ones.</summary>
public sealed record DiagnoseOptions
{
    public IReadOnlyList<string> Paths { get; init; } = [];
    public string? RulesFolder { get; init; }
}
