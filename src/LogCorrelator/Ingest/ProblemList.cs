namespace LogCorrelator.Ingest;

/// <summary>Collects one file's problems; past a cap it only counts, so a garbage file can't flood the output.</summary>
internal sealed class ProblemList : IProblemReporter
{
    public const int Cap = 20;
    private readonly string _path;
    private readonly List<IngestProblem> _problems = [];

    public ProblemList(string path) => _path = path;

    public int Total { get; private set; }

    public IReadOnlyList<IngestProblem> Items => _problems;

    public void Report(int line, string message)
    {
        Total++;
        if (_problems.Count < Cap)
            _problems.Add(new IngestProblem(_path, line, message));
        else if (_problems.Count == Cap)
            _problems.Add(new IngestProblem(_path, 0, "more problems not shown"));
    }
}
