namespace LogCorrelator.Live;

/// <summary>One source <c>logcorr collect</c> asked the server for: the file it wrote, or why it got nothing.</summary>
/// <param name="Name">As a person names it: <c>ERRORLOG</c>, <c>ERRORLOG.1</c>, <c>RING_BUFFER_CONNECTIVITY</c>.</param>
/// <param name="File">The export written, null when the server refused or failed.</param>
/// <param name="Problem">SqlClient's text when it did (a missing permission: 229, 297, 300...).</param>
public sealed record CollectedSource(string Name, string? File, int Rows, string? Problem);
