using System.Globalization;

namespace LogCorrelator.Tests.Fuzz;

/// <summary>The fuzz runs' seed: fixed, so a failure repeats; <c>LOGCORR_FUZZ_SEED=n</c> explores another corner.</summary>
internal static class FuzzSeed
{
    public const string Variable = "LOGCORR_FUZZ_SEED";

    public static int Value =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed) ? seed : 20261206;

    /// <summary>One stream per input, so adding an input does not change the mutants of the others.</summary>
    public static Random For(string input) => new(Value ^ StableHash(input));

    private static int StableHash(string text)
    {
        unchecked
        {
            int hash = (int)2166136261;
            foreach (char c in text)
                hash = (hash ^ c) * 16777619;
            return hash;
        }
    }
}
