using LogCorrelator.Events;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace LogCorrelator.Diagnose.Rules;

/// <summary>
/// Which lines show the application talking to the database (grammars/database-activity.yaml): the
/// events of some kinds always; an info line when its message holds one of the phrases, not when it holds
/// only a phrase of absence (a health check), else as the file's <c>otherLines</c> says. A silence rule
/// measures from the host's last such line, so a health check inside the silence does not end it.
/// </summary>
internal sealed class DatabaseActivity
{
    public const string ResourceName = "database-activity.yaml";

    private static readonly Lazy<DatabaseActivity> Embedded = new(LoadEmbedded);

    private readonly HashSet<EventKind> _kinds;
    private readonly string[] _phrases;
    private readonly string[] _notPhrases;
    private readonly bool _otherLines;

    private DatabaseActivity(HashSet<EventKind> kinds, string[] phrases, string[] notPhrases, bool otherLines) =>
        (_kinds, _phrases, _notPhrases, _otherLines) = (kinds, phrases, notPhrases, otherLines);

    public static DatabaseActivity BuiltIn => Embedded.Value;

    /// <summary>True when an event of this kind counts whatever its text says.</summary>
    public bool CountsByKind(EventKind kind) => _kinds.Contains(kind);

    /// <summary>True when the text must be read: an info line may or may not be database activity.</summary>
    public static bool NeedsText(EventKind kind) => kind == EventKind.Info;

    public bool IsActivity(EventKind kind, string? message)
    {
        if (CountsByKind(kind))
            return true;
        if (!NeedsText(kind) || message is null)
            return false;
        if (_phrases.Any(p => message.Contains(p, StringComparison.Ordinal)))
            return true;
        return !_notPhrases.Any(p => message.Contains(p, StringComparison.Ordinal)) && _otherLines;
    }

    private static DatabaseActivity LoadEmbedded()
    {
        using var stream = typeof(DatabaseActivity).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new RuleException($"{ResourceName}: not embedded in the library");
        using var reader = new StreamReader(stream);
        return Load(ResourceName, reader.ReadToEnd());
    }

    /// <exception cref="RuleException">The file is not usable: an unknown kind, a phrase without its source, none at all.</exception>
    public static DatabaseActivity Load(string name, string yaml)
    {
        Document? doc;
        try
        {
            doc = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<Document?>(yaml);
        }
        catch (YamlException e)
        {
            throw new RuleException($"{name}: line {e.Start.Line}: {(e.InnerException?.Message ?? e.Message).Split('\n')[0]}", e);
        }
        var kinds = new HashSet<EventKind>();
        foreach (string k in doc?.Kinds ?? [])
        {
            if (!EventKinds.TryParse(k, out var kind))
                throw new RuleException($"{name}: kinds: '{k}' is not an event kind");
            kinds.Add(kind);
        }
        var phrases = Phrases(name, "phrases", doc?.Phrases);
        var notPhrases = Phrases(name, "notPhrases", doc?.NotPhrases);
        if (phrases.Length == 0)
            throw new RuleException($"{name}: phrases: missing (no info line could count as database activity)");
        bool otherLines = doc?.OtherLines switch
        {
            "activity" => true,
            "silence" => false,
            var other => throw new RuleException($"{name}: otherLines: '{other}': use 'activity' or 'silence'"),
        };
        return new DatabaseActivity(kinds, phrases, notPhrases, otherLines);
    }

    private static string[] Phrases(string name, string field, List<PhraseDocument>? list)
    {
        var phrases = new List<string>();
        foreach (var p in list ?? [])
        {
            if (string.IsNullOrEmpty(p.Text))
                throw new RuleException($"{name}: {field}: a phrase without its text");
            if (string.IsNullOrWhiteSpace(p.Source))
                throw new RuleException($"{name}: {field}: '{p.Text}': source: missing (where it comes from)");
            phrases.Add(p.Text);
        }
        return [.. phrases];
    }

    private sealed class Document
    {
        public List<string>? Kinds { get; set; }
        public List<PhraseDocument>? Phrases { get; set; }
        public List<PhraseDocument>? NotPhrases { get; set; }
        public string? OtherLines { get; set; }
    }

    private sealed class PhraseDocument
    {
        public string? Text { get; set; }
        public string? Source { get; set; }
    }
}
