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

    public static IReadOnlyList<(string Word, KeyField Value)> Fields { get; } =
    [
        ("host", KeyField.Host),
        ("peer", KeyField.Peer),
    ];

    public static string Word(SetName name) => Sets[(int)name].Word;

    public static string Word(RelationKind kind) => Relations[(int)kind].Word;

    public static string Word(KeyField field) => Fields[(int)field].Word;
}
