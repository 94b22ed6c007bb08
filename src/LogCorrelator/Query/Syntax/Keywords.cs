using LogCorrelator.Query.Ast;

namespace LogCorrelator.Query.Syntax;

/// <summary>
/// The words of the language, in the order error messages list them. Matching is case-insensitive;
/// the canonical spelling is lower case.
/// </summary>
internal static class Keywords
{
    public const string Not = "not";
    public const string Within = "within";
    public const string On = "on";
    public const string Or = "or";
    public const string And = "and";
    public const string Where = "where";
    public const string In = "in";
    public const string Between = "between";
    public const string Since = "since";
    public const string Last = "last";
    public const string First = "first";
    public const string Count = "count";
    public const string By = "by";
    public const string Per = "per";
    public const string Sort = "sort";
    public const string Fields = "fields";

    public static IReadOnlyList<(string Word, SetName Value)> Sets { get; } =
    [
        ("errors", SetName.Errors),
        ("restart", SetName.Restart),
        ("ready", SetName.Ready),
        ("shutdown", SetName.Shutdown),
        ("kill", SetName.Kill),
        ("failover", SetName.Failover),
        ("login-failed", SetName.LoginFailed),
        ("server-errors", SetName.ServerErrors),
        ("timewait", SetName.TimeWait),
        ("rst", SetName.Rst),
        ("netconfig", SetName.NetConfig),
        ("probe", SetName.Probe),
        ("events", SetName.Events),
    ];

    public static IReadOnlyList<(string Word, RelationKind Value)> Relations { get; } =
    [
        ("near", RelationKind.Near),
        ("after", RelationKind.After),
        ("before", RelationKind.Before),
    ];

    /// <summary>Every field, in <see cref="Field"/> order.</summary>
    public static IReadOnlyList<(string Word, Field Value)> AllFields { get; } =
    [
        ("time", Field.Time),
        ("host", Field.Host),
        ("peer", Field.Peer),
        ("source", Field.Source),
        ("spid", Field.Spid),
        ("code", Field.Code),
        ("sqlstate", Field.SqlState),
        ("message", Field.Message),
        ("port", Field.Port),
        ("count", Field.Count),
        ("kind", Field.Kind),
        ("codeorigin", Field.CodeOrigin),
        ("chimney", Field.Chimney),
        ("outcome", Field.Outcome),
    ];

    /// <summary>What <c>where</c> and <c>count by</c> take: times are chosen with between, since, last and per.</summary>
    public static IReadOnlyList<(string Word, Field Value)> FilterFields { get; } = AllFields.Skip(1).ToArray();

    /// <summary>What <c>on</c> takes: fields whose equality means the same thing on both sides.</summary>
    public static IReadOnlyList<(string Word, Field Value)> KeyFields { get; } =
        AllFields.Where(f => f.Value is not (Field.Time or Field.Message)).ToArray();

    public static IReadOnlyList<(string Word, bool Value)> Directions { get; } = [("asc", false), ("desc", true)];

    public static IReadOnlyList<(string Word, bool Value)> Takes { get; } = [("first", false), ("last", true)];

    public static string Word(SetName name) => Sets[(int)name].Word;

    public static string Word(RelationKind kind) => Relations[(int)kind].Word;

    public static string Word(Field field) => AllFields[(int)field].Word;

    public static string Word(BoolOp op) => op == BoolOp.And ? And : Or;

    public static string Symbol(CompareOp op) => op switch
    {
        CompareOp.Equal => "=",
        CompareOp.NotEqual => "!=",
        CompareOp.Less => "<",
        CompareOp.LessOrEqual => "<=",
        CompareOp.Greater => ">",
        CompareOp.GreaterOrEqual => ">=",
        CompareOp.Matches => "~",
        _ => In,
    };
}
