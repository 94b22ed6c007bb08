using System.Text;
using LogCorrelator.Gen;

namespace LogCorrelator.Tests.Bench;

/// <summary>A small corpus generated into a temp folder, removed with the test.</summary>
internal sealed class GeneratedCorpus : IDisposable
{
    public GeneratedCorpus(long size, long seed, bool utf16 = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "logcorr-gen-" + Guid.NewGuid().ToString("N"));
        Report = CorpusGenerator.Generate(new GenOptions(Root, size, seed, utf16));
    }

    public string Root { get; }
    public CorpusReport Report { get; }
    public string ErrorlogPath => Path.Combine(Root, "SQLPROD01", "ERRORLOG");
    public string AppLogPath => Path.Combine(Root, "APPSRV01", "Logs", "app.log");

    public byte[] Bytes(string relativePath) => File.ReadAllBytes(Path.Combine(Root, relativePath));

    /// <summary>The ERRORLOG decoded by hand from its bytes (UTF-16LE after the BOM), line breaks kept.</summary>
    public string ErrorlogText()
    {
        var bytes = File.ReadAllBytes(ErrorlogPath);
        return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
    }

    public string AppLogText() => Encoding.UTF8.GetString(File.ReadAllBytes(AppLogPath));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
