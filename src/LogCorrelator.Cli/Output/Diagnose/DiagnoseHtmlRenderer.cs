namespace LogCorrelator.Cli.Output.Diagnose;

/// <summary>Placeholder replaced below.</summary>
internal static class DiagnoseHtmlRenderer
{
    public static string Render(DiagnosisView view) => view.Title;
}
