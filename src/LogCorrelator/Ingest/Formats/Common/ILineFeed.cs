using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.Common;

/// <summary>
/// A reader that is handed a file's lines one by one, so a format can look at the first line before
/// choosing which reader gets it and the rest (an ODBC trace or an application log).
/// </summary>
internal interface ILineFeed : IDisposable
{
    void Feed(in Line line);

    /// <summary>The file ended: emit what is still gathered.</summary>
    void Finish();
}
