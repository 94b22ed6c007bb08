using System.IO.Compression;
using System.IO.Hashing;
using LogCorrelator.Store;

namespace LogCorrelator.Ingest.Archives;

/// <summary>Writes one archive entry to disk, counting what it really expands to and checking it against its CRC-32.</summary>
internal static class EntryExtractor
{
    /// <summary>Extracts through a temporary file, so a file under its final name is always whole.</summary>
    /// <returns>The bytes written; -1 past <paramref name="limit"/>; -2 when the entry could not be read or is damaged (reported).</returns>
    public static long TryExtract(ZipArchiveEntry entry, string target, long limit, string rel, ProblemList problems)
    {
        string temp = target + ".extracting";
        try
        {
            PrivateFiles.CreateFolder(Path.GetDirectoryName(target)!);
            long written = 0;
            // ZipArchive does not check the CRC: a damaged entry would be read as text, part of it garbage.
            var crc = new Crc32();
            using (var from = entry.Open())
            using (var to = PrivateFiles.Create(temp, FileMode.Create, 1 << 16))
            {
                var buffer = new byte[1 << 16];
                int n;
                // Counted as read, not as the entry claims: a forged size must not get past the cap.
                while ((n = from.Read(buffer)) > 0)
                {
                    written += n;
                    if (written > limit)
                        return -1;
                    to.Write(buffer, 0, n);
                    crc.Append(buffer.AsSpan(0, n));
                }
            }
            if (crc.GetCurrentHashAsUInt32() != entry.Crc32)
            {
                problems.Report(0, $"entry '{rel}' is damaged (its content does not match its CRC-32); not extracted, its events not ingested");
                return -2;
            }
            File.Move(temp, target, overwrite: true);
            return written;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            problems.Report(0, $"entry '{rel}' could not be extracted ({e.Message}); skipped");
            return -2;
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }
}
