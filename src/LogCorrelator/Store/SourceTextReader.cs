using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Text;

namespace LogCorrelator.Store;

/// <summary>
/// Reads an event's text back from its source file by byte offset, decoded and redacted: the
/// one way source text reaches the screen. Keeps the last file open for runs of reads.
/// </summary>
public sealed class SourceTextReader : IDisposable
{
    private string? _path;
    private FileStream? _file;

    /// <param name="jsonString">The bytes are the content of a JSON string (a CLEF message): unescape them before redaction.</param>
    public string Read(string path, SourceEncoding encoding, long offset, int length, bool jsonString = false)
    {
        if (length <= 0)
            return "";
        try
        {
            if (_path != path)
            {
                _file?.Dispose();
                _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.RandomAccess);
                _path = path;
            }
            var bytes = new byte[length];
            int n = RandomAccess.Read(_file!.SafeFileHandle, bytes, offset);
            var enc = SourceEncodings.Of(encoding);
            var text = enc.GetString(bytes, 0, n).TrimEnd('\r', '\n');
            return Redactor.Redact(jsonString ? JsonStringText.Decode(text) : text);
        }
        catch (IOException e)
        {
            return $"<source unreadable: {e.Message}>";
        }
        catch (UnauthorizedAccessException e)
        {
            return $"<source unreadable: {e.Message}>";
        }
    }

    public void Dispose() => _file?.Dispose();
}
