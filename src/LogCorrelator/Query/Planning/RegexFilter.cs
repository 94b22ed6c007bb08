using System.Text.RegularExpressions;
using LogCorrelator.Query.Ast;

namespace LogCorrelator.Query.Planning;

/// <summary>
/// <c>~</c> on the message, the sqlstate or the code's text: run in memory on the loaded rows, each
/// match first asking <paramref name="Cancel"/> (a regex is the slowest thing a row can cost).
/// </summary>
internal sealed record RegexFilter(Field Field, Regex Regex, CancellationToken Cancel) : Filter;
