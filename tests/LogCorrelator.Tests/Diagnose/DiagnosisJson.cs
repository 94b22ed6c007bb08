using System.Text.Json;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>Reading a diagnose JSON document in tests.</summary>
internal static class DiagnosisJson
{
    public static JsonElement[] Causes(this JsonElement d) => d.GetProperty("causes").EnumerateArray().ToArray();

    public static string[] ExplainedTimes(this JsonElement cause) =>
        cause.GetProperty("explainedErrors").EnumerateArray().Select(e => e.GetProperty("time").GetString()!).ToArray();

    public static string[] UnexplainedTimes(this JsonElement d) =>
        d.GetProperty("unexplainedGroups").EnumerateArray()
            .SelectMany(g => g.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("time").GetString()!))
            .Order(StringComparer.Ordinal).ToArray();
}
