using LogCorrelator.Query.Ast;

namespace LogCorrelator.Diagnose.Rules;

/// <summary>
/// <c>requires:</c> a standing fact the rule needs, such as a netconfig saying chimney is enabled.
/// Checked over the whole store, not the incident's time span: a setting captured after the
/// incident (netsh carries no time, so its time is the file's) still held during it.
/// </summary>
/// <param name="Node">The query with the requirement's <c>where</c> (a query-language filter) on its set.</param>
/// <param name="Tested">The fields the <c>where</c> compares, in order: the report says what the rows had.</param>
/// <param name="OnServer">Only rows from a host that wrote an ERRORLOG count.</param>
/// <param name="HoldsMs">
/// A row whose time its file states vouches only for errors this close to it, either side (a capture shows the
/// state of its day, not of every day); a row timed by the file's mtime or <c>--at</c> stays a standing fact,
/// since that time says nothing about when the state was captured. Null: every row is a standing fact.
/// </param>
internal sealed record Requirement(string Query, QueryNode Node, IReadOnlyList<Field> Tested, bool OnServer, long? HoldsMs = null);
