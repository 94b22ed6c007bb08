using System.Text;

namespace LogCorrelator.Ingest;

/// <summary>Collects one file's problems; past a cap it only counts, so a garbage file can't flood the output.</summary>
internal sealed class ProblemList : IProblemReporter
{
    public const int Cap = 20;

    /// <summary>A message quotes file text; past this many characters it is cut, so a 1 MB line stays a line on screen.</summary>
    public const int MaxMessage = 500;

    private readonly string _path;
    private readonly List<IngestProblem> _problems = [];

    public ProblemList(string path) => _path = path;

    public int Total { get; private set; }

    public IReadOnlyList<IngestProblem> Items => _problems;

    public void Report(int line, string message)
    {
        Total++;
        if (_problems.Count < Cap)
            _problems.Add(new IngestProblem(_path, line, OneLine(message)));
        else if (_problems.Count == Cap)
            _problems.Add(new IngestProblem(_path, 0, "more problems not shown"));
    }

    /// <summary>
    /// The message as one printable line: what it quotes of a damaged file can hold a lone CR, NULs
    /// or other controls (a UTF-8 line read as UTF-16), which would break the <c>path:line: message</c> line.
    /// </summary>
    public static string OneLine(string message)
    {
        var text = new StringBuilder(Math.Min(message.Length, MaxMessage + 1));
        foreach (char c in message)
        {
            if (text.Length == MaxMessage)
                return text.Append('…').ToString();
            text.Append(char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' ? '?' : c);
        }
        return text.ToString();
    }
}
