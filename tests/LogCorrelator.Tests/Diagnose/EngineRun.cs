using LogCorrelator.Diagnose;
using LogCorrelator.Diagnose.Evaluation;
using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>Runs the diagnosis engine over a built store with the given rules, the whole store in scope.</summary>
internal static class EngineRun
{
    public static Diagnosis Of(StoreBuilder builder, params Rule[] rules) =>
        DiagnosisEngine.Run(builder.Build(), rules, IncidentScope.All);

    public static string[] Times(this Cause cause) => cause.Errors.Select(e => Utc.Text(e.Error.Time)).ToArray();
}
