using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

using LogCorrelator.Store;

namespace LogCorrelator.Ingest.Archives;

/// <summary>
/// Extracts a zip archive once into the store's folder (<c>&lt;store&gt;.files/&lt;zip name&gt;-&lt;hash of its path&gt;/</c>),
/// where its files stay for their text to be read by offset later, and hands them on as sources named
/// <c>bundle.zip/SQLPROD01/ERRORLOG</c>. Entries already extracted with the same CRC and size are not
/// written again, so a re-ingest finds the files unchanged. Unsafe names and zip bombs are reported, not obeyed.
/// </summary>
internal sealed class ArchiveExpander
{
    private readonly string _root;
    private readonly ArchiveLimits _limits;

    /// <param name="root">The folder all archives extract under: the store's path plus <c>.files</c>.</param>
    public ArchiveExpander(string root, ArchiveLimits limits)
    {
        _root = root;
        _limits = limits;
    }

    public static bool IsArchive(string path) => path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder an archive extracts to: named after it, and after a hash of its full path, so two bundle.zip never mix.</summary>
    public string FolderFor(string archivePath)
    {
        string full = Path.GetFullPath(archivePath);
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)).AsSpan(0, 4));
        return Path.Combine(_root, $"{Path.GetFileName(full)}-{hash}");
    }

    public ArchiveExpansion Expand(SourceFile archive, CancellationToken cancel = default)
    {
        var problems = new ProblemList(archive.RelativePath);
        long size = 0;
        try
        {
            size = new FileInfo(archive.Path).Length;
            using var zip = ZipFile.OpenRead(archive.Path);
            string folder = Path.GetFullPath(FolderFor(archive.Path));
            // The root too: an archive's folder name says which archive it holds.
            PrivateFiles.CreateFolder(_root);
            var manifest = ExtractionManifest.Open(folder);
            var files = new List<SourceFile>();
            long cap = _limits.For(size), total = 0;
            int extracted = 0, present = 0;
            foreach (var entry in zip.Entries)
            {
                cancel.ThrowIfCancellationRequested();
                if (!EntryPath.TryNormalize(entry.FullName, out string rel, out string? refused))
                {
                    if (refused is not null)
                        problems.Report(0, refused);
                    continue;
                }
                if (IsArchive(rel))
                {
                    problems.Report(0, $"'{rel}' is an archive inside the archive: not expanded (extract it and ingest the folder)");
                    continue;
                }
                string target = Path.GetFullPath(Path.Combine(folder, rel));
                if (!target.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    problems.Report(0, $"entry '{entry.FullName}' points outside the archive; skipped");
                    continue;
                }
                if (manifest.Holds(rel, entry.Crc32, entry.Length) && File.Exists(target) && new FileInfo(target).Length == entry.Length)
                {
                    present++;
                    total += entry.Length;
                }
                else
                {
                    long written = entry.Length > cap - total ? -1 : EntryExtractor.TryExtract(entry, target, cap - total, rel, problems);
                    if (written == -1)
                    {
                        problems.Report(0, $"stopped at '{rel}': the archive expands past {ArchiveLimits.Describe(cap)}, the most allowed for its size (a zip bomb?); the entries from there on were not extracted");
                        break;
                    }
                    if (written < 0)
                        continue;
                    manifest.Add(rel, entry.Crc32, entry.Length);
                    extracted++;
                    total += written;
                }
                files.Add(new SourceFile(target, $"{archive.RelativePath}/{rel}", InnerHostPath(archive.HostPath, rel)));
            }
            return new ArchiveExpansion(Result(archive, FileOutcome.Expanded, Summary(extracted, present), problems, size), files);
        }
        catch (InvalidDataException e)
        {
            return new ArchiveExpansion(Result(archive, FileOutcome.Failed, $"not a readable zip archive ({e.Message})", problems, size), []);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ArchiveExpansion(Result(archive, FileOutcome.Failed, e.Message, problems, size), []);
        }
    }

    /// <summary>A file in <c>APPSRV01/logs.zip</c> belongs to APPSRV01; one in <c>bundle.zip</c> to the first folder inside.</summary>
    private static string InnerHostPath(string archiveHostPath, string rel)
    {
        int slash = archiveHostPath.LastIndexOf('/');
        return slash < 0 ? rel : $"{archiveHostPath[..slash]}/{rel}";
    }

    private static FileResult Result(SourceFile archive, FileOutcome outcome, string reason, ProblemList problems, long size) =>
        new(archive.Path, archive.RelativePath, outcome, null, 0, reason, problems.Items, size);

    private static string Summary(int extracted, int present) => (extracted, present) switch
    {
        (0, 0) => "zip archive, no files",
        (_, 0) => $"zip archive, {Files(extracted)} extracted",
        (0, _) => $"zip archive, {Files(present)} already extracted",
        _ => $"zip archive, {Files(extracted)} extracted, {present} already extracted",
    };

    private static string Files(int n) => n == 1 ? "1 file" : $"{n} files";
}
