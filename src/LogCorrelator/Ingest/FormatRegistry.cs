using LogCorrelator.Ingest.Formats.AppLog;
using LogCorrelator.Ingest.Formats.Clef;
using LogCorrelator.Ingest.Formats.ErrorLog;
using LogCorrelator.Ingest.Formats.Java;
using LogCorrelator.Ingest.Formats.Network;
using LogCorrelator.Ingest.Formats.Odbc;
using LogCorrelator.Ingest.Formats.Probe;
using LogCorrelator.Ingest.Formats.Python;
using LogCorrelator.Ingest.Formats.RingBuffer;
using LogCorrelator.Ingest.Formats.Text;

namespace LogCorrelator.Ingest;

/// <summary>Every format the tool reads; detection scores each one against a file's first lines.</summary>
internal static class FormatRegistry
{
    /// <summary>The general reader: what no other format claims.</summary>
    public static TextFormat Text { get; } = new();

    public static IReadOnlyList<ILogFormat> All { get; } =
    [
        new ErrorLogFormat(),
        new ErrorLogExportFormat(),
        new AppLogFormat(),
        new NetstatFormat(),
        new PacketsFormat(),
        new NetshFormat(),
        new ClefFormat(),
        new OdbcFormat(),
        new PythonFormat(),
        new JavaFormat(),
        new ProbeFormat(),
        new ConnectivityFormat(),
        Text,
    ];



    public static ILogFormat? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
