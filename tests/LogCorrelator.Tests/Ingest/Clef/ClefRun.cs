using LogCorrelator.Events;
using LogCorrelator.Ingest.Formats.Clef;
using LogCorrelator.Tests.Support;
using LogCorrelator.Text;

namespace LogCorrelator.Tests.Ingest.Clef;

/// <summary>Reads text or a file through <see cref="ClefFormat"/> and keeps what came out.</summary>
internal sealed class ClefRun : FormatRun
{
    private ClefRun(byte[] bytes)
        : base(bytes)
    {
    }

    public static ClefRun Lines(params string[] lines) => Text(string.Join("\n", lines) + "\n");

    public static ClefRun Text(string text, string? folderHost = "WEBFOLDER", string? userHost = null) =>
        File(System.Text.Encoding.UTF8.GetBytes(text), "app.clef", folderHost, userHost);

    public static ClefRun File(byte[] bytes, string path, string? folderHost = "WEBFOLDER", string? userHost = null) =>
        Read(new ClefRun(bytes), new ClefFormat(),
            new RunFile(path) { RelativePath = Path.GetFileName(path), FolderHost = folderHost, UserHost = userHost });

    /// <summary>The message bytes as they sit in the file: the content of a JSON string.</summary>
    public string RawMessage(in LogEvent e) => base.Message(e);

    /// <summary>The message as the store shows it.</summary>
    public override string Message(in LogEvent e) => JsonStringText.Decode(RawMessage(e));
}
