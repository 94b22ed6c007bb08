using System.Globalization;

namespace LogCorrelator.Gen;

/// <summary>Parses <c>--out DIR --size 100MB --seed 42 [--encoding utf16|utf8]</c>.</summary>
internal static class GenArgs
{
    public const string Usage = "usage: LogCorrelator.Gen --out DIR [--size 100MB] [--seed 42] [--encoding utf16|utf8]";

    public static bool TryParse(IReadOnlyList<string> args, out GenOptions options, out string error)
    {
        options = new GenOptions("", 100_000_000, 42);
        error = "";
        string? output = null;
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (i + 1 >= args.Count)
            {
                error = $"{name}: a value is missing";
                return false;
            }
            string value = args[++i];
            switch (name)
            {
                case "--out":
                    output = value;
                    break;
                case "--size" when SizeText.TryParse(value, out long size):
                    options = options with { SizeBytes = size };
                    break;
                case "--seed" when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seed):
                    options = options with { Seed = seed };
                    break;
                case "--encoding" when value is "utf16" or "utf8":
                    options = options with { ErrorlogUtf16 = value == "utf16" };
                    break;
                case "--size" or "--seed" or "--encoding":
                    error = $"{name}: '{value}' is not valid";
                    return false;
                default:
                    error = $"unknown option '{name}'";
                    return false;
            }
        }
        if (output is null)
        {
            error = "--out is required";
            return false;
        }
        options = options with { Out = output };
        return true;
    }
}
