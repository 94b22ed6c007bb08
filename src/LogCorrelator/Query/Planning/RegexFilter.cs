using System.Text.RegularExpressions;
using LogCorrelator.Query.Ast;

namespace LogCorrelator.Query.Planning;

/// <summary><c>~</c> on the message, the sqlstate or the code's text: run in memory on the loaded rows.</summary>
internal sealed record RegexFilter(Field Field, Regex Regex) : Filter;
