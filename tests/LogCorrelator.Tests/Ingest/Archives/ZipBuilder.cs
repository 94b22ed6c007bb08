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

    /// <summary>Changes the CRC-32 the archive states for one entry (central directory and local header), as a damaged copy would.</summary>
    public static void CorruptCrc(string path, string name)
    {
        var bytes = File.ReadAllBytes(path);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        for (int i = 0; i + 46 <= bytes.Length; i++)
        {
            if (BitConverter.ToUInt32(bytes, i) != 0x02014B50 || !bytes.AsSpan(i + 46).StartsWith(nameBytes))
                continue;
            int local = BitConverter.ToInt32(bytes, i + 42);
            bytes[i + 16] ^= 0x5A;
            bytes[local + 14] ^= 0x5A;
            File.WriteAllBytes(path, bytes);
            return;
        }
        throw new ArgumentException($"no entry '{name}' in {path}");
    }
}
