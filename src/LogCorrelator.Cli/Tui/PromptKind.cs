namespace LogCorrelator.Cli.Tui;

/// <summary>What the text typed in the bottom bar is for.</summary>
internal enum PromptKind
{
    Query,
    SaveName,
    Find,
    GoTo,
}
