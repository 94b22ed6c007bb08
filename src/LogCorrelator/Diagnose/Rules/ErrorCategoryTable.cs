using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace LogCorrelator.Diagnose.Rules;

/// <summary>
/// The code → category table of grammars/error-categories.yaml, checked when loaded like a rule: a
/// category the engine does not know, a code listed twice, a code without its source or a network
/// category with a reason fails loudly rather than moving errors between sections silently.
/// </summary>
internal sealed class ErrorCategoryTable
{
    public const string ResourceName = "error-categories.yaml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>The categories the code names (the accounts word login and database errors apart).</summary>
    private static readonly string[] Known =
    [
        ErrorCategories.Transport, ErrorCategories.Connection, ErrorCategories.Timeout, ErrorCategories.Login,
        ErrorCategories.Database, ErrorCategories.Deadlock, ErrorCategories.Permission,
    ];

    private readonly Dictionary<string, string> _category;
    private readonly Dictionary<string, string> _codeWhy;
    private readonly Dictionary<string, string> _categoryWhy;
    private readonly HashSet<string> _network;
    private readonly string _noCode;
    private readonly string _otherWhy;

    private ErrorCategoryTable(Dictionary<string, string> category, Dictionary<string, string> codeWhy,
        Dictionary<string, string> categoryWhy, HashSet<string> network, string noCode, string otherWhy)
    {
        (_category, _codeWhy, _categoryWhy, _network, _noCode, _otherWhy) = (category, codeWhy, categoryWhy, network, noCode, otherWhy);
    }

    public string CategoryOf(string? code) =>
        code is null ? _noCode : _category.GetValueOrDefault(code, ErrorCategories.Other);

    public bool IsNetwork(string category) => _network.Contains(category);

    public string WhyNotNetwork(string category, string? code)
    {
        if (code is not null && _codeWhy.TryGetValue(code, out var own) && CategoryOf(code) == category)
            return own;
        string template = _categoryWhy.GetValueOrDefault(category, _otherWhy);
        return template.Replace("{code}", code ?? "no code", StringComparison.Ordinal);
    }

    public static ErrorCategoryTable LoadEmbedded()
    {
        using var stream = typeof(ErrorCategoryTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new RuleException($"{ResourceName}: not embedded in the library");
        using var reader = new StreamReader(stream);
        return Load(ResourceName, reader.ReadToEnd());
    }

    /// <exception cref="RuleException">The file is not a usable table.</exception>
    public static ErrorCategoryTable Load(string name, string yaml)
    {
        ErrorCategoryDocument? doc;
        try
        {
            doc = Yaml.Deserialize<ErrorCategoryDocument?>(yaml);
        }
        catch (YamlException e)
        {
            throw new RuleException($"{name}: line {e.Start.Line}: {(e.InnerException?.Message ?? e.Message).Split('\n')[0]}", e);
        }
        if (doc?.Categories is not { Count: > 0 } categories)
            throw new RuleException($"{name}: categories: missing");
        var category = new Dictionary<string, string>(StringComparer.Ordinal);
        var codeWhy = new Dictionary<string, string>(StringComparer.Ordinal);
        var categoryWhy = new Dictionary<string, string>(StringComparer.Ordinal);
        var network = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in categories)
        {
            string cat = c.Name ?? throw new RuleException($"{name}: a category without a name");
            if (!Known.Contains(cat))
                throw new RuleException($"{name}: category '{cat}': unknown; known: {string.Join(", ", Known)}");
            if (categoryWhy.ContainsKey(cat) || network.Contains(cat))
                throw new RuleException($"{name}: category '{cat}' is listed twice");
            bool isNetwork = c.Network ?? throw new RuleException($"{name}: category '{cat}': network: missing (true or false)");
            if (isNetwork)
            {
                if (c.Why is not null)
                    throw new RuleException($"{name}: category '{cat}': why: a network error is explained by the rules, not excused");
                network.Add(cat);
            }
            else
            {
                categoryWhy[cat] = c.Why ?? throw new RuleException($"{name}: category '{cat}': why: missing");
            }
            foreach (var code in c.Codes ?? [])
            {
                string value = string.IsNullOrWhiteSpace(code.Code) ? throw new RuleException($"{name}: category '{cat}': a code without its value") : code.Code.Trim();
                if (string.IsNullOrWhiteSpace(code.Source))
                    throw new RuleException($"{name}: code {value}: source: missing (the seed or reference it comes from)");
                if (!category.TryAdd(value, cat))
                    throw new RuleException($"{name}: code {value} is in both '{category[value]}' and '{cat}'");
                if (code.Why is not null)
                    codeWhy[value] = code.Why;
            }
        }
        string noCode = doc.NoCode ?? throw new RuleException($"{name}: noCode: missing (the category of an error with no code)");
        if (!network.Contains(noCode) && !categoryWhy.ContainsKey(noCode))
            throw new RuleException($"{name}: noCode: '{noCode}' is not a category of the file");
        return new ErrorCategoryTable(category, codeWhy, categoryWhy, network, noCode,
            doc.OtherWhy ?? throw new RuleException($"{name}: otherWhy: missing"));
    }
}
