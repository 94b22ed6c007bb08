using System.Globalization;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Semantics;

namespace LogCorrelator.Query.Planning;

/// <summary>Checked <c>where</c> filters to typed <see cref="Filter"/>s; names and files become id sets.</summary>
internal sealed class FilterPlanner
{
    private readonly Func<NameIndex> _names;
    private readonly CancellationToken _cancel;

    public FilterPlanner(Func<NameIndex> names, CancellationToken cancel)
    {
        _names = names;
        _cancel = cancel;
    }

    public Filter Plan(PredicateNode predicate) => predicate switch
    {
        LogicalNode logical => new GroupFilter(logical.Op, logical.Items.Select(Plan).ToArray()),
        NotNode not => new NotFilter(Plan(not.Item)),
        ComparisonNode comparison => Comparison(comparison),
        _ => throw new ArgumentOutOfRangeException(nameof(predicate), predicate, "unknown filter node"),
    };

    private Filter Comparison(ComparisonNode c)
    {
        var texts = c.Values.Select(v => v.Text).ToArray();
        var op = c.Op == CompareOp.In && texts.Length == 1 ? CompareOp.Equal : c.Op;
        string text = QueryFormatter.Format(c);
        switch (Fields.Type(c.Field))
        {
            case FieldType.Name:
                if (op == CompareOp.Matches)
                    return new NameFilter(c.Field, _names().Names(UserRegex.Compile(texts[0]).IsMatch), false, text);
                var canonical = texts.Select(HostNames.Canonical).ToHashSet(StringComparer.Ordinal);
                return new NameFilter(c.Field, _names().Names(n => canonical.Contains(HostNames.Canonical(n))), op == CompareOp.NotEqual, text);
            case FieldType.Source:
                if (op == CompareOp.Matches)
                    return new NameFilter(c.Field, _names().Sources(UserRegex.Compile(texts[0]).IsMatch), false, text);
                var paths = texts.Select(t => t.Replace('\\', '/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
                return new NameFilter(c.Field, _names().Sources(paths.Contains), op == CompareOp.NotEqual, text);
            case FieldType.Number:
                return new NumberFilter(c.Field, op, texts.Select(Long).ToArray());
            case FieldType.Kind:
                return new KindFilter(texts.Select(t => Fields.TryKind(t, out var k) ? k : default).Distinct().ToArray(), op == CompareOp.NotEqual);
            case FieldType.Code:
                return Code(op, texts);
            default:
                return op == CompareOp.Matches ? new RegexFilter(c.Field, UserRegex.Compile(texts[0]), _cancel) : new TextFilter(c.Field, op, texts);
        }
    }

    /// <summary>A code value written like a SQLSTATE (08S01) tests the SQLSTATE; a number tests the error number.</summary>
    private Filter Code(CompareOp op, string[] texts)
    {
        if (op == CompareOp.Matches)
            return new RegexFilter(Field.Code, UserRegex.Compile(texts[0]), _cancel);
        var codes = texts.Select(t => CodeNode.TryParse(t, out var code) ? code : CodeNode.Of(int.Parse(t, CultureInfo.InvariantCulture))).ToArray();
        var numbers = codes.Where(c => c.Number is not null).Select(c => (long)c.Number!.Value).ToArray();
        var states = codes.Where(c => c.SqlState is not null).Select(c => c.SqlState!).ToArray();
        Filter? byNumber = numbers.Length > 0 ? new NumberFilter(Field.Code, numbers.Length > 1 ? CompareOp.In : op, numbers) : null;
        Filter? byState = states.Length > 0 ? new TextFilter(Field.SqlState, states.Length > 1 ? CompareOp.In : op, states) : null;
        if (byNumber is not null && byState is not null)
            return new GroupFilter(BoolOp.Or, [byNumber, byState]);
        return byNumber ?? byState!;
    }

    private static long Long(string text) => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
