using System.IO.Compression;
using System.Text;

namespace LogCorrelator.Tests.Ingest.Archives;

/// <summary>Writes a zip at test time, entry names as given (unsafe ones too: ZipArchive does not check them).</summary>
internal static class ZipBuilder
{
    public static string Write(string path, params (string Name, string Text)[] entries) =>
        Write(path, entries.Select(e => (e.Name, Encoding.UTF8.GetBytes(e.Text))).ToArray());

    public static string Write(string path, params (string Name, byte[] Bytes)[] entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = new FileStream(path, FileMode.Create);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        foreach (var (name, bytes) in entries)
        {
            using var s = zip.CreateEntry(name).Open();
            s.Write(bytes);
        }
        return path;
    }
}
