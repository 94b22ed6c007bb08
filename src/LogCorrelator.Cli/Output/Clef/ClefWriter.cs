using Serilog.Events;
using Serilog.Formatting.Compact;

namespace LogCorrelator.Cli.Output.Clef;

/// <summary>
/// Writes events as CLEF, one JSON object a line, with Serilog.Formatting.Compact's own formatter, so
/// Seq and every CLEF tool read them as they read Serilog's. Events with no time are counted, not
/// written: CLEF requires <c>@t</c>, and an invented time would put them on the timeline.
/// </summary>
internal sealed class ClefWriter(TextWriter output)
{
    private readonly CompactJsonFormatter _formatter = new();

    public int Written { get; private set; }

    public int Untimed { get; private set; }

    public void Write(LogEvent e)
    {
        _formatter.Format(e, output);
        Written++;
    }

    public void SkipUntimed() => Untimed++;

    /// <summary>Says on stderr what was left out, so no one takes the file for the whole answer.</summary>
    public void ReportUntimed(TextWriter err)
    {
        if (Untimed > 0)
            err.WriteLine($"clef: {Untimed} event{(Untimed == 1 ? "" : "s")} without a time left out (CLEF needs @t); --format json shows them");
    }
}
