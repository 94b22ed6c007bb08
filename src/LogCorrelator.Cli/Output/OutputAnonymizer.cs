using LogCorrelator.Events;
using LogCorrelator.Query;
using LogCorrelator.Store;
using LogCorrelator.Text;

namespace LogCorrelator.Cli.Output;

/// <summary>
/// <c>--anonymize</c>: the one <see cref="Anonymizer"/> of a store, applied to a query's result before it is
/// rendered (so table columns stay aligned and JSON fields, host and peer included, get the same pseudonyms
/// as the text) and to a diagnosis report as the text it renders to (every format, one pass).
/// </summary>
internal sealed class OutputAnonymizer(Anonymizer anonymizer)
{
    public static OutputAnonymizer For(EventStore store, IEnumerable<StoredEvent> shown)
    {
        var hosts = store.Sources().Select(s => s.Host)
            .Concat(shown.SelectMany(e => new[] { e.Host, e.Peer }))
            .OfType<string>();
        return new OutputAnonymizer(new Anonymizer(AnonymizeKey.For(store.Path), hosts));
    }

    public string Text(string text) => anonymizer.Text(text);

    public QueryResult Apply(QueryResult result) => result with
    {
        Matches = result.Matches.Select(m => new QueryMatch(Event(m.Event), m.Related.Select(r => r with { Event = Event(r.Event) }).ToList())).ToList(),
        Rows = result.Rows?.Select(row => (IReadOnlyList<object?>)row.Select(c => c is string s ? anonymizer.Text(s) : c).ToList()).ToList(),
    };

    private StoredEvent Event(StoredEvent e) => e with
    {
        Host = anonymizer.Host(e.Host),
        Peer = anonymizer.Host(e.Peer),
        Message = anonymizer.Text(e.Message),
        SourcePath = anonymizer.Text(e.SourcePath),
        Extra = e.Extra is null ? null : anonymizer.Text(e.Extra),
    };

    public static IEnumerable<StoredEvent> Events(QueryResult result) =>
        result.Matches.SelectMany(m => m.Related.Select(r => r.Event).Prepend(m.Event));
}
