namespace LogCorrelator.Gen;

/// <summary>One generated file: its path relative to the corpus folder ('/' separators), bytes and physical lines.</summary>
internal sealed record FileReport(string RelativePath, long Bytes, long Lines);
