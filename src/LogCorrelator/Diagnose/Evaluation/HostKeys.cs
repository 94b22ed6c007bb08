using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Execution;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// Host keys over loaded columns, as the query language's <c>on host</c> compares them: one int
/// per event, equal when the names denote the same machine, negative when the event has no name.
/// The keys come from the query executor's <see cref="JoinKeys"/>, so there is one way names
/// become keys. One instance serves a whole diagnosis, so keys from different loads (errors,
/// right-hand sets, activity around them) are comparable.
/// </summary>
internal sealed class HostKeys
{
    private readonly EventStore _store;
    private readonly JoinKeys _keys;

    public HostKeys(EventStore store)
    {
        _store = store;
        _keys = new JoinKeys(store);
    }

    /// <param name="field"><see cref="Field.Host"/> or <see cref="Field.Peer"/>, the name fields a rule joins on.</param>
    public int[] Of(EventSet events, Field field)
    {
        if (field is not (Field.Host or Field.Peer))
            throw new ArgumentOutOfRangeException(nameof(field), field, "a diagnosis joins on host or peer only");
        var ids = field == Field.Host ? events.Host : events.Peer;
        var keys = new int[events.Count];
        for (int i = 0; i < keys.Length; i++)
            keys[i] = _keys.Name(ids[i]);
        return keys;
    }

    /// <summary>The key of one host name (for a name the store holds).</summary>
    public int OfName(string name) => _keys.Name(_store.FindName(name));
}
