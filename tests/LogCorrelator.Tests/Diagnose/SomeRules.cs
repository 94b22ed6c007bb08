using LogCorrelator.Diagnose.Rules;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>Rules for engine tests: the required fields filled in, the interesting ones given.</summary>
internal static class SomeRules
{
    public static Rule Make(string id, string query, string extra = "", double confidence = 0.9) =>
        RuleLoader.Load(id + ".yaml", Yaml(id, query, extra, confidence));

    public static string Yaml(string id, string query, string extra = "", double confidence = 0.9) => $"""
        id: {id}
        title: Title of {id}
        cause: Cause of {id}.
        evidence: Evidence of {id}.
        remedy: Remedy of {id}.
        seed: 001_af0529c4daf1ffa3.txt
        confidence: {confidence.ToString(System.Globalization.CultureInfo.InvariantCulture)}
        query: {query}
        {extra}
        """;
}
