using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// Host keys over loaded columns, as the query language's <c>on host</c> compares them
/// (<see cref="HostNames.Canonical"/>): one int per event, equal when the names denote the same
/// machine, negative when the event has no name. One instance serves a whole diagnosis, so keys
/// from different loads (errors, right-hand sets, activity around them) are comparable.
/// </summary>
internal sealed class HostKeys
{
    private readonly EventStore _store;
    private readonly Dictionary<int, int> _byId = [];
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);

    public HostKeys(EventStore store) => _store = store;

    /// <param name="field"><see cref="Field.Host"/> or <see cref="Field.Peer"/>, the name fields a rule joins on.</param>
    public int[] Of(EventColumns events, Field field)
    {
        if (field is not (Field.Host or Field.Peer))
            throw new ArgumentOutOfRangeException(nameof(field), field, "a diagnosis joins on host or peer only");
        var ids = field == Field.Host ? events.Host : events.Peer;
        var keys = new int[events.Count];
        for (int i = 0; i < keys.Length; i++)
            keys[i] = Key(ids[i]);
        return keys;
    }

    /// <summary>The key of one host name (for a name the store holds).</summary>
    public int OfName(string name) => Key(_store.FindName(name));

    private int Key(int id)
    {
        if (id <= 0)
            return -1;
        if (_byId.TryGetValue(id, out int key))
            return key;
        string? name = _store.Name(id);
        if (name is null)
            key = -1;
        else
        {
            string canonical = HostNames.Canonical(name);
            if (!_byName.TryGetValue(canonical, out key))
                _byName[canonical] = key = _byName.Count;
        }
        _byId[id] = key;
        return key;
    }
}
