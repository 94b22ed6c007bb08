using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Archives;
using LogCorrelator.Store;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Ingest.Archives;

public sealed class ExtractedFileModeTests
{
    [Fact]
    public void Extracted_files_are_readable_by_their_owner_only_and_their_folders_too()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var dir = new TempFolder();
        string zip = ZipBuilder.Write(dir.Combine("bundle.zip"),
            ("SQLPROD01/Log/ERRORLOG", "2024-03-05 06:32:04.31 Server      UTC adjustment: -5:00\n"), ("app.log", "started\n"));
        string root = dir.Combine("s.lcdb.files");
        var expander = new ArchiveExpander(root, ArchiveLimits.Default);

        var expansion = expander.Expand(new SourceFile(zip, "bundle.zip", "bundle.zip"));

        Assert.Equal(2, expansion.Files.Count);
        string folder = expander.FolderFor(zip);
        foreach (var f in expansion.Files)
            Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(f.Path));
        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(Path.Combine(folder, ExtractionManifest.FileName)));
        foreach (string d in new[] { root, folder, Path.Combine(folder, "SQLPROD01"), Path.Combine(folder, "SQLPROD01", "Log") })
            Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(d));
    }

    [Fact]
    public void A_folder_left_open_by_an_earlier_version_is_narrowed_on_the_next_extraction()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var dir = new TempFolder();
        string zip = ZipBuilder.Write(dir.Combine("bundle.zip"), ("app.log", "started\n"));
        var expander = new ArchiveExpander(dir.Combine("s.lcdb.files"), ArchiveLimits.Default);
        string folder = expander.FolderFor(zip);
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);

        expander.Expand(new SourceFile(zip, "bundle.zip", "bundle.zip"));

        Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(folder));
        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(Path.Combine(folder, "app.log")));
    }
}
