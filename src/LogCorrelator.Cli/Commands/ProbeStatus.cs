using System.Globalization;
using LogCorrelator.Cli.Output;
using LogCorrelator.Ingest.Formats.Probe;
using LogCorrelator.Text;

namespace LogCorrelator.Cli.Commands;

/// <summary>
/// The probe's live line: the last attempt, the success rate so far and the last error. A view model
/// rendered to plain text, so a test reads exactly what the terminal shows.
/// </summary>
internal sealed class ProbeStatus
{
    private const int MaxErrorText = 90;

    public int Attempts { get; private set; }

    public int Failures { get; private set; }

    public ProbeRecord? LastError { get; private set; }

    public void Add(ProbeRecord r)
    {
        Attempts++;
        if (!r.Ok)
        {
            Failures++;
            LastError = r;
        }
    }

    public string Line(ProbeRecord last)
    {
        string step = last.Ok
            ? string.Create(CultureInfo.InvariantCulture, $"ok   connect {last.ConnectMs} ms, first byte {last.FirstByteMs} ms, query {last.QueryMs} ms")
            : string.Create(CultureInfo.InvariantCulture, $"FAIL in {(last.ConnectMs is null ? "open" : "query")}, number {last.Number?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
        string line = string.Create(CultureInfo.InvariantCulture,
            $"{last.Time.UtcDateTime:HH:mm:ss.fff} {step} · {Attempts - Failures}/{Attempts} ok ({Rate:0.0}%)");
        if (LastError is { } e)
            line += $" · last error {e.Time.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}: {Formats.Truncate(Redactor.Redact(e.Message.ReplaceLineEndings(" ")), MaxErrorText)}";
        return line;
    }

    public double Rate => Attempts == 0 ? 0 : 100.0 * (Attempts - Failures) / Attempts;
}
