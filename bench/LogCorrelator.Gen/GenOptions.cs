namespace LogCorrelator.Gen;

/// <summary>What to generate: where, how many bytes in all, from which seed, and the ERRORLOG's encoding.</summary>
internal sealed record GenOptions(string Out, long SizeBytes, long Seed, bool ErrorlogUtf16 = true);
