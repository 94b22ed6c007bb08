using LogCorrelator.Events;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Building;

/// <summary>
/// The events a report shows, resolved once: ids are collected first, then read from the store
/// in one pass, so the message text of each line is read from its file exactly once.
/// </summary>
internal sealed class EventBook(EventStore store)
{
    private readonly HashSet<long> _wanted = [];
    private Dictionary<long, StoredEvent>? _resolved;

    public void Want(long id)
    {
        if (_resolved is not null)
            throw new InvalidOperationException("events are already resolved");
        if (id > 0)
            _wanted.Add(id);
    }

    public void Resolve() =>
        _resolved = store.Resolve([.. _wanted]).ToDictionary(e => e.Id);

    public StoredEvent this[long id] => (_resolved ?? throw new InvalidOperationException("call Resolve first"))[id];
}
