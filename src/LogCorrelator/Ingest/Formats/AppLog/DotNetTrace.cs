using LogCorrelator.Ingest.Formats.Java;

namespace LogCorrelator.Ingest.Formats.AppLog;

/// <summary>
/// The lines of a .NET <c>Exception.ToString()</c> under a log record: <c>   at Ns.Type.Method(Int32 id) in path:line 88</c>
/// frames, <c> ---&gt; </c> inner exceptions and the <c>--- End of ... ---</c> markers. Detection counts them.
/// </summary>
internal static class DotNetTrace
{
    public static bool IsTraceLine(ReadOnlySpan<char> line)
    {
        ReadOnlySpan<char> t = line.TrimStart();
        if (t.Length == line.Length)
            return false;
        if (t.StartsWith("---> ", StringComparison.Ordinal) || t.StartsWith("--- End of ", StringComparison.Ordinal))
            return true;
        return t.StartsWith("at ", StringComparison.Ordinal) && t.Contains('(') && !JavaTrace.IsFrame(line);
    }
}
