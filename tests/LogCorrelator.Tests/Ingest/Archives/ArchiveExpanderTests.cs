using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Archives;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Ingest.Archives;

public sealed class ArchiveExpanderTests
{
    [Fact]
    public void An_archive_that_expands_past_its_cap_stops_there_and_says_so()
    {
        using var dir = new TempFolder();
        var text = new string('a', 40 * 1024);
        string zip = ZipBuilder.Write(dir.Combine("bomb.zip"), ("a.log", text), ("b.log", text), ("c.log", text));
        // 40 KiB of one letter compresses to well under a kilobyte: the 64 KiB floor is the cap.
        var expander = new ArchiveExpander(dir.Combine("s.lcdb.files"), new ArchiveLimits(Ratio: 10, Floor: 64 * 1024, Ceiling: 1 << 20));

        var expansion = expander.Expand(new SourceFile(zip, "bomb.zip", "bomb.zip"));

        Assert.Equal(["bomb.zip/a.log"], expansion.Files.Select(f => f.RelativePath));
        Assert.Equal("zip archive, 1 file extracted", expansion.Result.Reason);
        Assert.Equal("bomb.zip: stopped at 'b.log': the archive expands past 64 KiB, the most allowed for its size (a zip bomb?); the entries from there on were not extracted",
            Assert.Single(expansion.Result.Problems).ToString());
        Assert.False(File.Exists(Path.Combine(expander.FolderFor(zip), "b.log")));
    }

    [Fact]
    public void An_entry_whose_content_does_not_match_its_crc_is_reported_and_not_extracted()
    {
        using var dir = new TempFolder();
        string zip = ZipBuilder.Write(dir.Combine("bundle.zip"),
            ("SQLPROD01/ERRORLOG", "2024-03-05 06:32:04.31 Server      UTC adjustment: -5:00\n"), ("APPSRV01/app.log", "started\n"));
        ZipBuilder.CorruptCrc(zip, "SQLPROD01/ERRORLOG");
        var expander = new ArchiveExpander(dir.Combine("s.lcdb.files"), ArchiveLimits.Default);

        var expansion = expander.Expand(new SourceFile(zip, "in/bundle.zip", "in/bundle.zip"));

        Assert.Equal(["in/bundle.zip/APPSRV01/app.log"], expansion.Files.Select(f => f.RelativePath));
        Assert.Equal("in/bundle.zip: entry 'SQLPROD01/ERRORLOG' is damaged (its content does not match its CRC-32); not extracted, its events not ingested",
            Assert.Single(expansion.Result.Problems).ToString());
        Assert.False(File.Exists(Path.Combine(expander.FolderFor(zip), "SQLPROD01", "ERRORLOG")));
    }

    [Theory]
    [InlineData(1_000L, 256L << 20)]
    [InlineData(10L << 20, 1000L << 20)]
    [InlineData(1L << 30, 8L << 30)]
    public void The_default_cap_is_a_hundred_times_the_archive_between_256_MiB_and_8_GiB(long archive, long cap) =>
        Assert.Equal(cap, ArchiveLimits.Default.For(archive));

    [Theory]
    [InlineData("SQLPROD01/ERRORLOG", "SQLPROD01/ERRORLOG")]
    [InlineData("SQLPROD01\\Log\\ERRORLOG.1", "SQLPROD01/Log/ERRORLOG.1")]
    [InlineData("./APPSRV01//app.log", "APPSRV01/app.log")]
    public void Entry_names_become_clean_relative_paths(string name, string expected)
    {
        Assert.True(EntryPath.TryNormalize(name, out string rel, out string? refused));
        Assert.Equal((expected, (string?)null), (rel, refused));
    }
}
