using LogCorrelator.Query.Ast;
using Sprache;

namespace LogCorrelator.Query.Syntax;

/// <summary>
/// The query language as Sprache parsers, bottom-up: terminals, then sets, then the relation, then
/// the query. grammars/query.ebnf is the same grammar for people; keep the two in step.
/// </summary>
/// <remarks>
/// Error messages come from the terminals' <see cref="ExpectationTracker"/>, not from Sprache's
/// failure, so alternatives use plain <c>Or</c>/<c>Optional</c>: a commit point (<c>XOr</c>) would
/// change no message, and would misfire where <see cref="Located{T}"/> has already skipped blanks.
/// </remarks>
internal static class QueryGrammar
{
    // Terminals. Each one reads a whole word and reports what it expected when it fails.
    private static readonly Parser<SetName> SetWord = Lexeme.Choice(Keywords.Sets);
    private static readonly Parser<RelationKind> RelationWord = Lexeme.Choice(Keywords.Relations);
    private static readonly Parser<KeyField> FieldWord = Lexeme.Choice(Keywords.Fields);
    private static readonly Parser<string> Not = Lexeme.Keyword(Keywords.Not);
    private static readonly Parser<string> Within = Lexeme.Keyword(Keywords.Within);
    private static readonly Parser<string> On = Lexeme.Keyword(Keywords.On);
    private static readonly Parser<string> Or = Lexeme.Keyword(Keywords.Or);
    private static readonly Parser<char> Comma = Lexeme.Symbol(',');
    private static readonly Parser<char> Open = Lexeme.Symbol('(');
    private static readonly Parser<char> Close = Lexeme.Symbol(')');
    private static readonly Parser<char> EqualsSign = Lexeme.Symbol('=');
    private static readonly Parser<CodeNode> Code = Lexeme.Value<CodeNode>("an error code", CodeNode.TryParse);
    private static readonly Parser<CodeNode> Number = Lexeme.Value<CodeNode>("an error number", CodeNode.TryParseNumber);
    private static readonly Parser<DurationNode> Duration =
        Located(Lexeme.Value<DurationNode?>("a duration like 30s or 5m", DurationNode.TryParse).Select(d => d!));

    // Sets.
    private static readonly Parser<IEnumerable<CodeNode>> Codes = Code.DelimitedBy(Comma);
    private static readonly Parser<IEnumerable<CodeNode>> Numbers = Number.DelimitedBy(Comma);
    private static readonly Parser<IEnumerable<CodeNode>> NoCodes = Parse.Return(Enumerable.Empty<CodeNode>());

    private static readonly Parser<EventSetNode> EventSet = Located(
        from name in SetWord
        from codes in name switch
        {
            SetName.Errors => Codes.Optional().Select(c => c.GetOrElse([])),
            SetName.ServerErrors => Numbers.Optional().Select(c => c.GetOrElse([])),
            _ => NoCodes,
        }
        select new EventSetNode(name, codes.ToArray()));

    private static readonly Parser<UnionSetNode> Union = Located(
        from open in Open
        from first in EventSet
        from rest in Or.Then(_ => EventSet).Many()
        from close in Close
        select new UnionSetNode([first, .. rest]));

    private static readonly Parser<SetNode> RightSet =
        Union.Select(u => (SetNode)u).Or(EventSet.Select(s => (SetNode)s));

    // The relation.
    private static readonly Parser<JoinKeyNode> Key = Located(
        from onWord in On
        from left in FieldWord
        from right in EqualsSign.Then(_ => FieldWord).Optional()
        select new JoinKeyNode(left, right.GetOrElse(left)));

    private static readonly Parser<RelationNode> Relation = Located(
        from negation in Not.Optional()
        from kind in RelationWord
        from right in RightSet
        from within in Within
        from window in Duration
        from key in Key.Optional()
        select new RelationNode(negation.IsDefined, kind, right, window, key.GetOrDefault()));

    // The query.
    public static readonly Parser<QueryNode> Query =
        from query in Located(
            from left in EventSet
            from relation in Relation.Optional()
            select new QueryNode(left, relation.GetOrDefault()))
        from end in Lexeme.End
        select query;

    /// <summary>Positions a node on its first word rather than on the blanks before it.</summary>
    private static Parser<T> Located<T>(Parser<T> parser) where T : IPositionAware<T> =>
        from space in Lexeme.Space
        from node in parser.Positioned()
        select node;
}
