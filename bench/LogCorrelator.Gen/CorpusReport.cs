using System.Globalization;
using System.Text;

namespace LogCorrelator.Gen;

/// <summary>What a generated corpus holds, for checks: the causes planted and the answer the flagship query must give.</summary>
internal sealed record CorpusReport(
    IReadOnlyList<FileReport> Files,
    DateTimeOffset First,
    DateTimeOffset Last,
    int Restarts,
    int Kills,
    int LoginFailures,
    int TransportErrors,
    int Timeouts,
    int OtherErrors,
    int TransportErrorsNearRestart)
{
    /// <summary>One <c>name value</c> pair per line, so scripts can read it with awk.</summary>
    public override string ToString()
    {
        var s = new StringBuilder();
        foreach (var f in Files)
            s.Append(CultureInfo.InvariantCulture, $"file {f.RelativePath} {f.Bytes} bytes {f.Lines} lines\n");
        s.Append(CultureInfo.InvariantCulture, $"span {First:yyyy-MM-ddTHH:mm:ss.fffZ} {Last:yyyy-MM-ddTHH:mm:ss.fffZ}\n");
        s.Append(CultureInfo.InvariantCulture, $"restarts {Restarts}\n");
        s.Append(CultureInfo.InvariantCulture, $"kills {Kills}\n");
        s.Append(CultureInfo.InvariantCulture, $"login-failed {LoginFailures}\n");
        s.Append(CultureInfo.InvariantCulture, $"errors-10054 {TransportErrors}\n");
        s.Append(CultureInfo.InvariantCulture, $"errors-timeout {Timeouts}\n");
        s.Append(CultureInfo.InvariantCulture, $"errors-other {OtherErrors}\n");
        s.Append(CultureInfo.InvariantCulture, $"expect-10054-near-restart-5m {TransportErrorsNearRestart}\n");
        return s.ToString();
    }
}
