namespace LogCorrelator.Ingest;

/// <summary>Every format the tool reads; detection scores each one against a file's first lines.</summary>
internal static class FormatRegistry
{
    public static IReadOnlyList<ILogFormat> All { get; } =
    [
        new Formats.Network.NetstatFormat(),
        new Formats.Network.PacketsFormat(),
        new Formats.Network.NetshFormat(),
    ];

    public static ILogFormat? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
