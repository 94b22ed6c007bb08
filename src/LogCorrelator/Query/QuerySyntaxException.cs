namespace LogCorrelator.Query;

/// <summary>
/// Thrown by <see cref="QueryEngine"/> for a query that does not parse; the CLI prints
/// <see cref="Exception.Message"/> (the formatted error) and exits with code 2.
/// </summary>
public sealed class QuerySyntaxException : Exception
{
    public QuerySyntaxException(QuerySyntaxError error)
        : base(error.Format())
    {
        Error = error;
    }

    public QuerySyntaxError Error { get; }

    public int Column => Error.Column;

    public int Length => Error.Length;

    public string? Suggestion => Error.Suggestion;
}
