using System.Globalization;
using LogCorrelator.Store;

namespace LogCorrelator.Ingest.Archives;

/// <summary>
/// What has been extracted into an archive's folder: one line per entry (<c>crc32 size path</c>),
/// appended as each entry lands, so an interrupted run keeps what it finished and a re-ingest
/// extracts only entries whose CRC or size changed. The file is hidden, like every dot-file.
/// </summary>
internal sealed class ExtractionManifest
{
    public const string FileName = ".extracted";

    private readonly string _path;
    private readonly Dictionary<string, (uint Crc, long Length)> _entries = new(StringComparer.Ordinal);

    private ExtractionManifest(string path) => _path = path;

    public static ExtractionManifest Open(string folder)
    {
        PrivateFiles.CreateFolder(folder);
        var manifest = new ExtractionManifest(Path.Combine(folder, FileName));
        if (File.Exists(manifest._path))
        {
            foreach (string line in File.ReadLines(manifest._path))
            {
                var parts = line.Split(' ', 3);
                if (parts.Length == 3
                    && uint.TryParse(parts[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint crc)
                    && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long length))
                    manifest._entries[parts[2]] = (crc, length);
            }
        }
        return manifest;
    }

    public bool Holds(string relative, uint crc, long length) =>
        _entries.TryGetValue(relative, out var known) && known == (crc, length);

    public void Add(string relative, uint crc, long length)
    {
        // The manifest names the archive's files: private like them.
        using (var file = PrivateFiles.Create(_path, FileMode.Append))
        using (var w = new StreamWriter(file))
            w.Write(string.Create(CultureInfo.InvariantCulture, $"{crc:x8} {length} {relative}\n"));
        _entries[relative] = (crc, length);
    }
}
