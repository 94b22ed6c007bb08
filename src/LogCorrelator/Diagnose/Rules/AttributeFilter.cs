using System.Text.RegularExpressions;
using LogCorrelator.Events;

namespace LogCorrelator.Diagnose.Rules;

/// <summary>
/// A rule's <c>where</c>: conditions joined by <c>and</c>, all of which must hold. The same shape
/// the query language's coming <c>where</c> clause takes, so a rule can move to it unchanged.
/// </summary>
internal sealed partial class AttributeFilter
{
    private AttributeFilter(string text, IReadOnlyList<AttributeCondition> conditions)
    {
        Text = text;
        Conditions = conditions;
    }

    public string Text { get; }

    public IReadOnlyList<AttributeCondition> Conditions { get; }

    public bool Matches(StoredEvent e) => Conditions.All(c => c.Matches(e));

    [GeneratedRegex(@"^\s*(?<field>[A-Za-z][A-Za-z0-9_.-]*)\s*(?:(?<op>>=|<=|!=|=|>|<|~)\s*(?:""(?<quoted>[^""]*)""|(?<value>\S+))\s*)?$")]
    private static partial Regex Condition();

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex And();

    /// <exception cref="FormatException">A condition is not <c>field</c> or <c>field op value</c>.</exception>
    public static AttributeFilter Parse(string text)
    {
        var conditions = new List<AttributeCondition>();
        foreach (string part in And().Split(text.Trim()))
        {
            var m = Condition().Match(part);
            if (!m.Success)
                throw new FormatException($"'{part.Trim()}' is not a condition like 'count >= 3900', 'chimney = enabled' or 'port'");
            string field = m.Groups["field"].Value.ToLowerInvariant();
            if (!m.Groups["op"].Success)
            {
                conditions.Add(new AttributeCondition(field, FilterOp.Exists, null));
                continue;
            }
            var op = m.Groups["op"].Value switch
            {
                "=" => FilterOp.Equal,
                "!=" => FilterOp.NotEqual,
                "<" => FilterOp.Less,
                "<=" => FilterOp.LessOrEqual,
                ">" => FilterOp.Greater,
                ">=" => FilterOp.GreaterOrEqual,
                _ => FilterOp.Contains,
            };
            string value = m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["value"].Value;
            conditions.Add(new AttributeCondition(field, op, value));
        }
        return new AttributeFilter(text.Trim(), conditions);
    }

    public override string ToString() => string.Join(" and ", Conditions);
}
