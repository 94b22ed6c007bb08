namespace LogCorrelator.Cli.Commands;

/// <summary>A server name (<c>tcp:db01\SALES,1433</c>) made into a part of a file name.</summary>
internal static class FileName
{
    public static string Safe(string text) =>
        new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_').ToArray());
}
