using System.Globalization;
using LogCorrelator.Query.Ast;
using Sprache;

namespace LogCorrelator.Query.Syntax;

/// <summary>
/// The query language as Sprache parsers, bottom-up: terminals, filters, sets, conditions, the time
/// range, pipes, then the query. grammars/query.ebnf is the same grammar for people; keep the two in step.
/// </summary>
/// <remarks>
/// Error messages come from the terminals' <see cref="ExpectationTracker"/>, not from Sprache's
/// failure, so alternatives use plain <c>Or</c>/<c>Optional</c>/<c>Many</c>, which backtrack: where
/// a word could continue a filter or start the next clause (<c>or</c>, <c>and</c>), the filter
/// tries it first and gives it back when what follows is not a filter.
/// </remarks>
internal static class QueryGrammar
{
    // Terminals. Each one reads a whole word and reports what it expected when it fails.
    private static readonly Parser<SetName> SetWord = Lexeme.Choice(Keywords.Sets);
    private static readonly Parser<RelationKind> RelationWord = Lexeme.Choice(Keywords.Relations);
    private static readonly Parser<Field> FilterField = Lexeme.Choice(Keywords.FilterFields);
    private static readonly Parser<Field> KeyField = Lexeme.Choice(Keywords.KeyFields);
    private static readonly Parser<Field> AnyField = Lexeme.Choice(Keywords.AllFields);
    private static readonly Parser<bool> Direction = Lexeme.Choice(Keywords.Directions);
    private static readonly Parser<bool> Take = Lexeme.Choice(Keywords.Takes);
    private static readonly Parser<string> Not = Lexeme.Keyword(Keywords.Not);
    private static readonly Parser<string> Within = Lexeme.Keyword(Keywords.Within);
    private static readonly Parser<string> On = Lexeme.Keyword(Keywords.On);
    private static readonly Parser<string> Or = Lexeme.Keyword(Keywords.Or);
    private static readonly Parser<string> And = Lexeme.Keyword(Keywords.And);
    private static readonly Parser<string> Where = Lexeme.Keyword(Keywords.Where);
    private static readonly Parser<string> In = Lexeme.Keyword(Keywords.In);
    private static readonly Parser<string> Between = Lexeme.Keyword(Keywords.Between);
    private static readonly Parser<string> Since = Lexeme.Keyword(Keywords.Since);
    private static readonly Parser<string> Last = Lexeme.Keyword(Keywords.Last);
    private static readonly Parser<string> CountWord = Lexeme.Keyword(Keywords.Count);
    private static readonly Parser<string> By = Lexeme.Keyword(Keywords.By);
    private static readonly Parser<string> Per = Lexeme.Keyword(Keywords.Per);
    private static readonly Parser<string> Sort = Lexeme.Keyword(Keywords.Sort);
    private static readonly Parser<string> FieldsWord = Lexeme.Keyword(Keywords.Fields);
    private static readonly Parser<char> Comma = Lexeme.Symbol(',');
    private static readonly Parser<char> Open = Lexeme.Symbol('(');
    private static readonly Parser<char> Close = Lexeme.Symbol(')');
    private static readonly Parser<char> EqualsSign = Lexeme.Symbol('=');
    private static readonly Parser<char> Bar = Lexeme.Symbol('|');
    private static readonly Parser<CodeNode> Code = Lexeme.Value<CodeNode>("an error code", CodeNode.TryParse);
    private static readonly Parser<CodeNode> Number = Lexeme.Value<CodeNode>("an error number", CodeNode.TryParseNumber);
    private static readonly Parser<int> RowCount = Lexeme.Value<int>("a number of rows like 10", TryRowCount);
    private static readonly Parser<DurationNode> Duration =
        Located(Lexeme.Value<DurationNode?>("a duration like 30s or 5m", DurationNode.TryParse).Select(d => d!));

    // Filters: not binds tightest, then and, then or.
    private static readonly Parser<PredicateNode> Predicate = Parse.Ref(() => PredicateOr);

    private static readonly Parser<IEnumerable<ValueNode>> InList =
        from word in In
        from open in Open
        from values in Lexeme.AnyValue.DelimitedBy(Comma)
        from close in Close
        select values;

    private static readonly Parser<PredicateNode> Comparison = Located<PredicateNode>(
        from field in FilterField
        from test in InList.Select(values => (Op: CompareOp.In, Values: values.ToArray()))
            .Or(from op in Lexeme.Operator from value in Lexeme.AnyValue select (Op: op, Values: new[] { value }))
        select new ComparisonNode(field, test.Op, test.Values));

    private static readonly Parser<PredicateNode> PredicateAtom = Parse.Ref(() =>
        Located<PredicateNode>(from word in Not from item in PredicateAtom select new NotNode(item))
            .Or(from open in Open from inner in Predicate from close in Close select inner)
            .Or(Comparison));

    private static readonly Parser<PredicateNode> PredicateAnd =
        Located(PredicateAtom.DelimitedBy(And).Select(items => Group(BoolOp.And, items.ToArray())));

    private static readonly Parser<PredicateNode> PredicateOr =
        Located(PredicateAnd.DelimitedBy(Or).Select(items => Group(BoolOp.Or, items.ToArray())));

    // Sets.
    private static readonly Parser<SetNode> SetRef = Parse.Ref(() => Set);
    private static readonly Parser<IEnumerable<CodeNode>> Codes = Code.DelimitedBy(Comma);
    private static readonly Parser<IEnumerable<CodeNode>> Numbers = Number.DelimitedBy(Comma);
    private static readonly Parser<IEnumerable<CodeNode>> NoCodes = Parse.Return(Enumerable.Empty<CodeNode>());

    private static readonly Parser<SetNode> EventSet = Located<SetNode>(
        from name in SetWord
        from codes in name switch
        {
            SetName.Errors or SetName.Events => Codes.Optional().Select(c => c.GetOrElse([])),
            SetName.ServerErrors or SetName.LoginFailed => Numbers.Optional().Select(c => c.GetOrElse([])),
            _ => NoCodes,
        }
        from text in Lexeme.Quoted.Optional()
        select new EventSetNode(name, codes.ToArray(), text.GetOrDefault()));

    private static readonly Parser<SetNode> Union = Located<SetNode>(
        from open in Open
        from first in SetRef
        from rest in Or.Then(_ => SetRef).Many()
        from close in Close
        select new UnionSetNode([first, .. rest]));

    private static readonly Parser<SetNode> Primary = EventSet.Or(Union).Or(Lexeme.Reference.Select(r => (SetNode)r));

    private static readonly Parser<SetNode> Set = Located(
        from primary in Primary
        from filter in Where.Then(_ => Predicate).Optional()
        select filter.IsDefined ? new FilteredSetNode(primary, filter.Get()) : primary);

    // Conditions: and binds tighter than or; parentheses group.
    private static readonly Parser<ConditionNode> Conditions = Parse.Ref(() => ConditionOr);

    private static readonly Parser<JoinKeyNode> Key = Located(
        from onWord in On
        from left in KeyField
        from right in EqualsSign.Then(_ => KeyField).Optional()
        select new JoinKeyNode(left, right.GetOrElse(left)));

    private static readonly Parser<ConditionNode> Relation = Located<ConditionNode>(
        from negation in Not.Optional()
        from kind in RelationWord
        from right in Set
        from within in Within
        from window in Duration
        from key in Key.Optional()
        select new RelationNode(negation.IsDefined, kind, right, window, key.GetOrDefault()));

    private static readonly Parser<ConditionNode> ConditionAtom =
        Relation.Or(from open in Open from inner in Conditions from close in Close select inner);

    private static readonly Parser<ConditionNode> ConditionAnd =
        Located(ConditionAtom.DelimitedBy(And).Select(items => Group(BoolOp.And, items.ToArray())));

    private static readonly Parser<ConditionNode> ConditionOr =
        Located(ConditionAnd.DelimitedBy(Or).Select(items => Group(BoolOp.Or, items.ToArray())));

    // The time range.
    private static readonly Parser<RangeNode> Range = Located(
        (from word in Between from start in Lexeme.DateTime from and in And from end in Lexeme.DateTime
         select new RangeNode(start, end, null))
        .Or(from word in Since from start in Lexeme.DateTime select new RangeNode(start, null, null))
        .Or(from word in Last from duration in Duration select new RangeNode(null, null, duration)));

    // Pipes.
    private static readonly Parser<PipeNode> CountPipe =
        from word in CountWord
        from fields in By.Then(_ => FilterField.DelimitedBy(Comma)).Optional()
        from per in Per.Then(_ => Duration).Optional()
        select new CountPipeNode(fields.GetOrElse([]).ToArray(), per.GetOrDefault());

    private static readonly Parser<PipeNode> TakePipe =
        from fromEnd in Take
        from count in RowCount
        select new TakePipeNode(fromEnd, count);

    private static readonly Parser<PipeNode> SortPipe =
        from word in Sort
        from field in AnyField
        from direction in Direction.Optional()
        select new SortPipeNode(field, direction.GetOrElse(false));

    private static readonly Parser<PipeNode> FieldsPipe =
        from word in FieldsWord
        from fields in AnyField.DelimitedBy(Comma)
        select new FieldsPipeNode(fields.ToArray());

    private static readonly Parser<PipeNode> Pipe =
        from bar in Bar
        from pipe in Located(CountPipe.Or(TakePipe).Or(SortPipe).Or(FieldsPipe))
        select pipe;

    // The query. The range goes after the first set or after the conditions, once.
    private static readonly Parser<(RangeNode? Range, ConditionNode? Condition)> RangeThenConditions =
        from range in Range
        from condition in Conditions.Optional()
        select ((RangeNode?)range, condition.GetOrDefault());

    private static readonly Parser<(RangeNode? Range, ConditionNode? Condition)> ConditionsThenRange =
        from condition in Conditions.Optional()
        from range in Range.Optional()
        select (range.GetOrDefault(), condition.GetOrDefault());

    public static readonly Parser<QueryNode> Query =
        from query in Located(
            from left in Set
            from middle in RangeThenConditions.Or(ConditionsThenRange)
            from pipes in Pipe.Many()
            select new QueryNode(left, middle.Range, middle.Condition, pipes.ToArray()))
        from end in Lexeme.End
        select query;

    private static PredicateNode Group(BoolOp op, PredicateNode[] items) => items.Length == 1 ? items[0] : new LogicalNode(op, items);

    private static ConditionNode Group(BoolOp op, ConditionNode[] items) => items.Length == 1 ? items[0] : new ConditionGroupNode(op, items);

    private static bool TryRowCount(ReadOnlySpan<char> text, out int count) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0;

    /// <summary>
    /// Gives a node the span of its words, from the first (blanks before it skipped) to the end of the
    /// last. A node that already has a span (an inner node passed through) keeps it.
    /// </summary>
    private static Parser<T> Located<T>(Parser<T> parser) where T : SyntaxNode => input =>
    {
        var start = input;
        while (!start.AtEnd && char.IsWhiteSpace(start.Current))
            start = start.Advance();
        var result = parser(start);
        if (!result.WasSuccessful)
            return result;
        var node = result.Value;
        if (node.Span.Length > 0)
            return result;
        var span = new SourceSpan(start.Position, result.Remainder.Position - start.Position);
        return Result.Success((T)((SyntaxNode)node with { Span = span }), result.Remainder);
    };
}
