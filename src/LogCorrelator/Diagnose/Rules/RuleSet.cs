using System.Reflection;

namespace LogCorrelator.Diagnose.Rules;

/// <summary>
/// The rules a diagnosis runs: the built-in ones (grammars/rules/*.yaml, embedded in the library
/// so the tool works wherever it is copied) or those of a folder the user names; in the order of their
/// ids (keepalive before keepalive-aftermath, as the files list), not of their names with ".yaml".
/// </summary>
internal static class RuleSet
{
    private const string Prefix = "rules/";

    private static readonly Lazy<IReadOnlyList<Rule>> Embedded = new(LoadEmbedded);

    public static IReadOnlyList<Rule> BuiltIn => Embedded.Value;

    /// <exception cref="RuleException">A file is not a usable rule, or the folder holds none.</exception>
    public static IReadOnlyList<Rule> FromFolder(string folder)
    {
        if (!Directory.Exists(folder))
            throw new RuleException($"no rules folder at '{folder}'");
        var rules = Directory.EnumerateFiles(folder, "*.yaml")
            .OrderBy(Path.GetFileNameWithoutExtension, StringComparer.Ordinal)
            .Select(f => RuleLoader.Load(Path.GetFileName(f), File.ReadAllText(f)))
            .ToList();
        return rules.Count > 0 ? Unique(rules) : throw new RuleException($"no *.yaml rules in '{folder}'");
    }

    private static List<Rule> LoadEmbedded()
    {
        var assembly = typeof(RuleSet).Assembly;
        var rules = new List<Rule>();
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .OrderBy(Path.GetFileNameWithoutExtension, StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            rules.Add(RuleLoader.Load(resource[Prefix.Length..], reader.ReadToEnd()));
        }
        return Unique(rules);
    }

    private static List<Rule> Unique(List<Rule> rules)
    {
        var twice = rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new RuleException($"rule id '{twice.Key}' is used twice");
        var ids = rules.Select(r => r.Id).ToHashSet();
        // A consequence follows a rule that finds the event itself; a chain would need an order of its own.
        foreach (var r in rules.Where(r => r.Follows is not null))
        {
            var other = rules.FirstOrDefault(o => o.Id == r.Follows!.RuleId)
                ?? throw new RuleException($"{r.Id}.yaml: follows.rule: no rule '{r.Follows!.RuleId}' among {string.Join(", ", ids.Order(StringComparer.Ordinal))}");
            if (other.Follows is not null)
                throw new RuleException($"{r.Id}.yaml: follows.rule: '{other.Id}' follows another rule itself");
        }
        return rules;
    }
}
