namespace LogCorrelator.Ingest;

/// <summary>Something in a file that could not be read: shown as <c>path:line: message</c>.</summary>
public sealed record IngestProblem(string Path, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{Path}:{Line}: {Message}" : $"{Path}: {Message}";
}
