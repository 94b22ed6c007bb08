namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The examples of grammars/query.ebnf (built into the binary): the <c>s</c> list offers them after
/// the saved queries.
/// </summary>
internal static class ExampleQueries
{
    private static readonly Lazy<IReadOnlyList<string>> Examples = new(Load);

    public static IReadOnlyList<string> All => Examples.Value;

    private static IReadOnlyList<string> Load()
    {
        using var stream = typeof(ExampleQueries).Assembly.GetManifestResourceStream("query.ebnf")
            ?? throw new InvalidOperationException("query.ebnf is not embedded in the logcorr binary");
        using var reader = new StreamReader(stream);
        var list = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("ex:", StringComparison.Ordinal))
                list.Add(line[3..].Trim());
        }
        return list;
    }
}
