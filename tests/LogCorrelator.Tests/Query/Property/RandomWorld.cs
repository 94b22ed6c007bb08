using LogCorrelator.Events;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Query.Property;

/// <summary>
/// A seeded random event set written to a real store, and random queries over it. Few distinct
/// times and values, so equal times, window edges, shared keys and missing fields are common.
/// </summary>
internal sealed class RandomWorld : IDisposable
{
    private static readonly EventKind[] Kinds = [EventKind.Error, EventKind.Restart, EventKind.Kill, EventKind.LoginFailed, EventKind.Probe, EventKind.Info];
    private static readonly string?[] Hosts = ["APPSRV01", "appsrv01.corp.local", "APPSRV02", "SQLPROD01", null];
    private static readonly string?[] Peers = [null, null, "APPSRV01", "10.20.1.77", "APPSRV02:4412"];
    private static readonly string[] Phrases = ["A transport-level error", "forcibly closed by the remote host", "Login failed for user", "ready for client connections", "Execution Timeout Expired"];
    private static readonly string[] Sources = ["app/app.log", "sql/ERRORLOG"];
    private const long Start = 1_709_636_400_000; // 2024-03-05 11:00:00 UTC

    private readonly Random _random;
    private readonly StoreBuilder _builder = new();

    /// <param name="seed">The world's seed.</param>
    /// <param name="skewed">
    /// Hundreds of events, nearly all client errors and a few of each other kind over ten minutes:
    /// the right sides are small next to the left, so the planner drives joins from them.
    /// </param>
    public RandomWorld(int seed, bool skewed = false)
    {
        _random = new Random(seed);
        int n = skewed ? _random.Next(300, 500) : _random.Next(0, 30);
        int seconds = skewed ? 600 : 12;
        var events = new List<Ev>();
        for (int i = 0; i < n; i++)
        {
            var kind = skewed && _random.Next(20) != 0 ? EventKind.Error : Pick(Kinds);
            int? code = kind switch
            {
                EventKind.Error => Pick<int?>([10054, 10054, -2, null]),
                EventKind.LoginFailed => 18456,
                _ => _random.Next(5) == 0 ? 10054 : null,
            };
            events.Add(new Ev(i, Start + _random.Next(0, seconds) * 1000L + Pick(new long[] { 0, 0, 500 }), kind, Pick(Sources), Pick(Hosts), Pick(Peers),
                code, _random.Next(4) == 0 ? "08S01" : null, Pick<int?>([null, 51, 87]), Pick<int?>([null, 1433, 50123]),
                Pick<int?>([null, 100, 4000]), Pick(Phrases) + " #" + i));
        }
        Events = events;
        foreach (var source in Sources)
        {
            _builder.Source(source, "UNUSED");
            // The builder writes a source's events in the order given; the store orders them by time.
            foreach (var e in events.Where(e => e.Source == source))
                _builder.Event(e.Time, e.Kind, e.Message, e.Code, e.SqlState, e.Peer, e.Spid, e.Host ?? "", e.Port, e.Count);
        }
        Store = _builder.Build();
    }

    public IReadOnlyList<Ev> Events { get; }

    public LogCorrelator.Store.EventStore Store { get; }

    public MSet Set(int depth = 0)
    {
        if (depth == 0 && _random.Next(4) == 0)
            return new MUnion([Set(1), Set(1)], _random.Next(3) == 0 ? Pred(1) : null);
        var (word, kind) = Pick<(string, EventKind?)>([("errors", EventKind.Error), ("restart", EventKind.Restart), ("kill", EventKind.Kill),
            ("login-failed", EventKind.LoginFailed), ("probe", EventKind.Probe), ("events", null)]);
        int[] codes = word is "errors" or "events" && _random.Next(3) == 0 ? [Pick(new[] { 10054, -2 })] : [];
        string? text = _random.Next(6) == 0 ? Pick(new[] { "FORCIBLY", "login", "error" }) : null;
        return new MKindSet(word, kind, codes, text, _random.Next(3) == 0 ? Pred(0) : null);
    }

    public MPred Pred(int depth)
    {
        int roll = _random.Next(depth > 1 ? 8 : 11);
        if (roll == 8)
            return new MAll([Pred(depth + 1), Pred(depth + 1)], Any: false);
        if (roll == 9)
            return new MAll([Pred(depth + 1), Pred(depth + 1)], Any: true);
        if (roll == 10)
            return new MNot(Pred(depth + 1));
        return Pick<Func<MPred>>(
        [
            () => new MCmp(Pick(new[] { "host", "peer" }), Pick(new[] { "=", "!=" }), [Pick(new[] { "APPSRV01", "appsrv01.corp.local", "APPSRV02", "10.20.1.77" })]),
            () => new MCmp(Pick(new[] { "host", "peer" }), "~", [Pick(new[] { "\"^app\"", "\"01$\"", "\"\\.\"" })]),
            () => new MCmp("host", "in", ["APPSRV02", "SQLPROD01"]),
            () => new MCmp(Pick(new[] { "spid", "port", "count", "code" }), Pick(new[] { "=", "!=", "<", "<=", ">", ">=" }), [Pick(new[] { "51", "87", "100", "1433", "10054", "-2", "4000" })]),
            () => new MCmp("code", Pick(new[] { "=", "!=", "in" }), Pick<string[]>([["08S01"], ["10054"], ["-2"]])),
            () => new MCmp("code", "in", ["10054", "08S01"]),
            () => new MCmp("message", "~", [Pick(new[] { "\"closed\"", "\"^a \"", "\"(login|timeout)\"" })]),
            () => new MCmp("kind", Pick(new[] { "=", "!=" }), [Pick(new[] { "error", "restart", "info" })]),
            () => new MCmp("source", Pick(new[] { "=", "~" }), [Pick(new[] { "\"sql/errorlog\"", "\"app\"" })]),
        ])();
    }

    public MCond Condition(int depth = 0)
    {
        if (depth < 2 && _random.Next(3) == 0)
            return new MGroup(Enumerable.Range(0, _random.Next(2, 4)).Select(_ => Condition(depth + 1)).ToArray(), Any: _random.Next(2) == 0);
        var key = Pick<(string?, string?)>([(null, null), (null, null), ("host", "host"), ("host", "peer"), ("peer", "host"), ("spid", "spid"),
            ("code", "code"), ("kind", "kind"), ("source", "source"), ("port", "port")]);
        return new MRel(_random.Next(3) == 0, Pick(new[] { "near", "after", "before" }), Set(), Pick(new[] { 0, 1, 2, 5 }), key.Item1, key.Item2);
    }

    public void Dispose() => _builder.Dispose();

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
