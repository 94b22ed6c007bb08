using System.Globalization;
using System.Text.RegularExpressions;
using LogCorrelator.Events;

namespace LogCorrelator.Tests.Query.Property;

/// <summary>
/// The obvious meaning of the language, written independently of the engine: a query model that
/// prints itself as query text and decides membership by looking at every event directly.
/// Names are canonical by a fixed table of the few spellings the generator uses.
/// </summary>
internal static class Model
{
    public static readonly Dictionary<string, string> Canonical = new(StringComparer.Ordinal)
    {
        ["APPSRV01"] = "APPSRV01", ["appsrv01.corp.local"] = "APPSRV01", ["APPSRV02:4412"] = "APPSRV02",
        ["APPSRV02"] = "APPSRV02", ["SQLPROD01"] = "SQLPROD01", ["10.20.1.77"] = "10.20.1.77",
    };

    public static string Name(string? name) => name is null ? "" : Canonical[name];
}

internal abstract record MSet(string Text)
{
    public abstract bool Has(Ev e);
}

internal sealed record MKindSet(string Word, EventKind? Kind, int[] Codes, string? Contains, MPred? Where)
    : MSet(Word + (Codes.Length > 0 ? " " + string.Join(",", Codes) : "") + (Contains is null ? "" : $" \"{Contains}\"") + (Where is null ? "" : " where " + Where.Text))
{
    public override bool Has(Ev e) =>
        (Kind is null || e.Kind == Kind)
        && (Codes.Length == 0 || (e.Code is int c && Codes.Contains(c)))
        && (Contains is null || e.Message.Contains(Contains, StringComparison.OrdinalIgnoreCase))
        && (Where is null || Where.Holds(e));
}

internal sealed record MUnion(MSet[] Members, MPred? Where)
    : MSet("(" + string.Join(" or ", Members.Select(m => m.Text)) + ")" + (Where is null ? "" : " where " + Where.Text))
{
    public override bool Has(Ev e) => Members.Any(m => m.Has(e)) && (Where is null || Where.Holds(e));
}

internal abstract record MPred(string Text)
{
    public abstract bool Holds(Ev e);
}

internal sealed record MAll(MPred[] Items, bool Any) : MPred("(" + string.Join(Any ? " or " : " and ", Items.Select(i => i.Text)) + ")")
{
    public override bool Holds(Ev e) => Any ? Items.Any(i => i.Holds(e)) : Items.All(i => i.Holds(e));
}

internal sealed record MNot(MPred Item) : MPred("not " + Item.Text)
{
    public override bool Holds(Ev e) => !Item.Holds(e);
}

/// <summary>One comparison: field, operator and values as written; missing fields make it false.</summary>
internal sealed record MCmp(string Field, string Op, string[] Values)
    : MPred(Field + " " + Op + " " + (Op == "in" ? "(" + string.Join(", ", Values) + ")" : Values[0]))
{
    public override bool Holds(Ev e)
    {
        string[] values = Values.Select(v => v.Trim('"')).ToArray();
        switch (Field)
        {
            case "host" or "peer":
                string? name = Field == "host" ? e.Host : e.Peer;
                if (name is null)
                    return false;
                return Op switch
                {
                    "~" => Regex.IsMatch(name, values[0], RegexOptions.IgnoreCase),
                    "!=" => Model.Name(name) != Model.Name(values[0]),
                    _ => values.Any(v => Model.Name(v) == Model.Name(name)),
                };
            case "source":
                return Op == "~" ? Regex.IsMatch(e.Source, values[0], RegexOptions.IgnoreCase)
                    : Op == "!=" ? !string.Equals(e.Source, values[0], StringComparison.OrdinalIgnoreCase)
                    : values.Any(v => string.Equals(e.Source, v, StringComparison.OrdinalIgnoreCase));
            case "message":
                return Regex.IsMatch(e.Message, values[0], RegexOptions.IgnoreCase);
            case "kind":
                var kind = e.Kind.Name();
                return Op == "!=" ? kind != values[0] : values.Contains(kind);
            case "code" when Op is "=" or "!=" or "in" && values.Any(v => !v.All(c => char.IsAsciiDigit(c) || c == '-')):
                // A SQLSTATE value tests the SQLSTATE; numbers test the number.
                var states = values.Where(v => !v.All(c => char.IsAsciiDigit(c) || c == '-')).ToArray();
                var numbers = values.Except(states).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                if (Op == "!=")
                    return e.SqlState is not null && !string.Equals(e.SqlState, states[0], StringComparison.OrdinalIgnoreCase);
                return (e.SqlState is not null && states.Contains(e.SqlState, StringComparer.OrdinalIgnoreCase)) || (e.Code is int c && numbers.Contains(c));
            default:
                int? value = Field switch { "spid" => e.Spid, "port" => e.Port, "count" => e.Count, _ => e.Code };
                if (value is not int v1)
                    return false;
                var ns = values.Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                return Op switch
                {
                    "=" => v1 == ns[0],
                    "!=" => v1 != ns[0],
                    "<" => v1 < ns[0],
                    "<=" => v1 <= ns[0],
                    ">" => v1 > ns[0],
                    ">=" => v1 >= ns[0],
                    _ => ns.Contains(v1),
                };
        }
    }
}

internal abstract record MCond(string Text)
{
    public abstract bool Holds(Ev a, IReadOnlyList<Ev> all);
}

internal sealed record MGroup(MCond[] Items, bool Any) : MCond("(" + string.Join(Any ? " or " : " and ", Items.Select(i => i.Text)) + ")")
{
    public override bool Holds(Ev a, IReadOnlyList<Ev> all) => Any ? Items.Any(i => i.Holds(a, all)) : Items.All(i => i.Holds(a, all));
}

/// <summary><c>[not] near|after|before SET within Ns [on L [= R]]</c>, decided pair by pair.</summary>
internal sealed record MRel(bool Negated, string Word, MSet Right, int Seconds, string? LeftKey, string? RightKey)
    : MCond((Negated ? "not " : "") + Word + " " + Right.Text + " within " + Seconds + "s"
        + (LeftKey is null ? "" : " on " + LeftKey + (RightKey != LeftKey ? " = " + RightKey : "")))
{
    public override bool Holds(Ev a, IReadOnlyList<Ev> all) => Justifying(a, all).Any() != Negated;

    /// <summary>The right events in the window (and key) of <paramref name="a"/>.</summary>
    public IEnumerable<Ev> Justifying(Ev a, IReadOnlyList<Ev> all)
    {
        long w = Seconds * 1000L;
        return all.Where(b => Right.Has(b) && InWindow(a.Time, b.Time, w) && Keyed(a, b));
    }

    private bool InWindow(long ta, long tb, long w) => Word switch
    {
        "near" => tb >= ta - w && tb <= ta + w,
        "after" => tb >= ta - w && tb <= ta,
        _ => tb >= ta && tb <= ta + w,
    };

    private bool Keyed(Ev a, Ev b)
    {
        if (LeftKey is null)
            return true;
        string? l = Key(a, LeftKey), r = Key(b, RightKey!);
        return l is not null && r is not null && l == r;
    }

    private static string? Key(Ev e, string field) => field switch
    {
        "host" => e.Host is null ? null : Model.Name(e.Host),
        "peer" => e.Peer is null ? null : Model.Name(e.Peer),
        "source" => e.Source,
        "spid" => e.Spid?.ToString(CultureInfo.InvariantCulture),
        "port" => e.Port?.ToString(CultureInfo.InvariantCulture),
        "kind" => e.Kind.Name(),
        _ => e.CodeText?.ToUpperInvariant(),
    };
}
