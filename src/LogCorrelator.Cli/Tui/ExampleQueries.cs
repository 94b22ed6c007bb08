namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The queries the <c>s</c> list offers. Saved queries and diagnosis rules have not landed yet, so
/// these are the examples of grammars/query.ebnf (built into the binary), as the note says.
/// </summary>
internal static class ExampleQueries
{
    public const string Note = "saved queries and rules have not landed yet: these are the examples from grammars/query.ebnf · Enter runs · Esc closes";

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
