namespace LogCorrelator.Query.Planning;

/// <summary><c>errors "forcibly closed"</c>: the message contains the text, whatever the case.</summary>
internal sealed record ContainsFilter(string Text) : Filter;
