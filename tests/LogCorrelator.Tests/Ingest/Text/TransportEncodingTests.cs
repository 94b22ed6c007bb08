using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Tests.Cli;
using LogCorrelator.Tests.Ingest.Wild;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Ingest.Text;

/// <summary>
/// Text as it travels: UTF-16 big endian (with and without a BOM) and Windows-1252 read like UTF-8, with
/// the same events on the same lines, and shown with their own characters. The texts are wild-corpus excerpts.
/// </summary>
public sealed class TransportEncodingTests
{
    private const string Utf8Excerpt = "tests/LogCorrelator.Tests/Fixtures/wild/jdbc-server/038-mssql-docker-compose-18456-state7-with-client.log";
    private const string Cp1252Excerpt = "tests/LogCorrelator.Tests/Fixtures/wild/world/007-sqldocs-fr-18456-cp1252.txt";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Utf16_big_endian_gives_the_events_of_the_utf8_text(bool bom)
    {
        using var dir = new TempFolder();
        string text = File.ReadAllText(RepoPaths.File(Utf8Excerpt));
        byte[] be = [.. (bom ? Encoding.BigEndianUnicode.GetPreamble() : []), .. Encoding.BigEndianUnicode.GetBytes(text)];
        string utf8 = dir.File("a/utf8.log", text), utf16 = dir.File("b/utf16be.log", be);

        Assert.Equal(SourceEncoding.Utf16BE, EncodingSniffer.Detect(be).Encoding);
        var expected = WildCorpus.Read(utf8).Events.Select(e => (e.Kind, e.Code, e.Time, e.Line)).ToList();
        var actual = WildCorpus.Read(utf16).Events.Select(e => (e.Kind, e.Code, e.Time, e.Line)).ToList();
        Assert.Contains(expected, e => e.Kind == LogCorrelator.Events.EventKind.LoginFailed);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Windows_1252_bytes_are_read_and_shown_with_their_accents()
    {
        byte[] bytes = File.ReadAllBytes(RepoPaths.File(Cp1252Excerpt));
        Assert.Equal(SourceEncoding.Windows1252, EncodingSniffer.Detect(bytes).Encoding);

        using var dir = new TempFolder();
        dir.File("fr/errorlog-rows.txt", bytes);
        string store = dir.Combine("s.lcdb");
        Assert.Equal(0, CliRun.Of("ingest", dir.Combine("fr"), "--store", store).ExitCode);
        var run = CliRun.Of("query", "login-failed", "--store", store);
        Assert.Contains(run.Out, l => l.Contains("login-failed  18456", StringComparison.Ordinal) && l.Contains("Échec de la connexion pour l'utilisateur", StringComparison.Ordinal));
    }
}
