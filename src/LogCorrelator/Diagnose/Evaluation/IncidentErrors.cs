using LogCorrelator.Events;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// The client errors of the incident, as the rules see them: the network errors (transport and
/// connection failures) in scope. Login failures are shown apart (a wrong password is not a dropped
/// connection, and mixing them in would make every cause look weaker than it is); timeouts,
/// deadlocks, permission and database-availability errors are kept too, but no rule explains them.
/// </summary>
internal sealed class IncidentErrors
{
    private IncidentErrors(EventSet counted, EventSet notNetwork, EventSet logins, IncidentScope scope)
    {
        Counted = counted;
        NotNetwork = notNetwork;
        Logins = logins;
        Scope = scope;
        for (int i = 0; i < counted.Count; i++)
            Index[counted.Id[i]] = i;
    }

    /// <summary>The network errors a diagnosis explains, sorted by time.</summary>
    public EventSet Counted { get; }

    /// <summary>Client errors that are not network errors nor login failures (timeouts, deadlocks, 4060...), sorted by time.</summary>
    public EventSet NotNetwork { get; }

    /// <summary>Client-side login failures (18456 and its relatives), sorted by time.</summary>
    public EventSet Logins { get; }

    public IncidentScope Scope { get; }

    /// <summary>Event id to its position in <see cref="Counted"/>.</summary>
    public Dictionary<long, int> Index { get; } = [];

    public static IncidentErrors Load(EventStore store, IncidentScope scope)
    {
        var counted = new EventSet(ColumnSet.Numbers, 64);
        var notNetwork = new EventSet(ColumnSet.Numbers, 8);
        var logins = new EventSet(ColumnSet.Numbers, 8);
        if (!scope.Empty)
        {
            var all = store.Load(new EventScan { Kinds = [EventKind.Error], From = scope.From ?? EventTime.None + 1, To = scope.To });
            for (int i = 0; i < all.Count; i++)
                (IsLogin(all.Code[i]) ? logins : ErrorCategories.IsNetwork(ErrorCategories.Of(all.Code[i])) ? counted : notNetwork).CopyRow(all, i);
        }
        return new IncidentErrors(counted, notNetwork, logins, scope);
    }

    /// <summary>SQL Server's login failure numbers: 18456 and the older, more specific ones.</summary>
    public static bool IsLogin(int code) => code is 18456 or 18452 or 18470 or 18486 or 18487 or 18488;
}
