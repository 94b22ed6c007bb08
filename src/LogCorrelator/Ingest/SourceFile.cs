namespace LogCorrelator.Ingest;

/// <summary>One file to ingest.</summary>
/// <param name="Path">Where its bytes are: the file itself, or its copy extracted from an archive.</param>
/// <param name="RelativePath">What the user sees, relative to the folder ingested, '/'-separated: <c>bundle.zip/SQLPROD01/ERRORLOG</c>.</param>
/// <param name="HostPath">The relative path with archive names left out (<c>SQLPROD01/ERRORLOG</c>): its first folder names the host.</param>
internal readonly record struct SourceFile(string Path, string RelativePath, string HostPath)
{
    /// <summary>The first folder under the ingested root (<c>incident/APPSRV01/Logs/app.log</c> is APPSRV01).</summary>
    public string? FolderHost => HostPath.IndexOf('/') is > 0 and int slash ? HostPath[..slash] : null;
}
