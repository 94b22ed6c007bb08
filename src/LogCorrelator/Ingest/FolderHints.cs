using LogCorrelator.Time;

namespace LogCorrelator.Ingest;

/// <summary>
/// What one file of a folder teaches about its siblings: ERRORLOG.3 has no startup block,
/// but ERRORLOG in the same folder names the server and its UTC adjustment.
/// </summary>
public sealed class FolderHints
{
    private readonly Dictionary<string, (string? Host, ZoneSpec? Zone)> _byFolder = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public (string? Host, ZoneSpec? Zone) Get(string folder)
    {
        lock (_lock)
            return _byFolder.TryGetValue(folder, out var h) ? h : default;
    }

    public void Learn(string folder, string? host, ZoneSpec? zone)
    {
        lock (_lock)
        {
            _byFolder.TryGetValue(folder, out var h);
            _byFolder[folder] = (host ?? h.Host, zone ?? h.Zone);
        }
    }
}
