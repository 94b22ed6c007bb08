namespace LogCorrelator.Ingest.Classify;

/// <summary>One row of <see cref="ClientErrorRules"/>: a phrase drivers print and what it means.</summary>
/// <param name="Phrase">Matched case-insensitively anywhere in the entry.</param>
/// <param name="Code">The number the phrase stands for; null when the phrase has none of its own.</param>
/// <param name="DecidesCode">True when a match settles the code, even to none (a pool timeout is not -2).</param>
/// <param name="SqlState">The SQLSTATE the phrase implies when the text names none.</param>
/// <param name="Errno">The Linux errno behind the phrase, kept beside the normalised Windows code.</param>
/// <param name="Source">Where the phrase and its number come from.</param>
/// <param name="Library">A library's own number for the phrase (FreeTDS DB-Lib's 20003), kept beside the code, never as it.</param>
/// <param name="Printed">The phrase holds the number itself (ODBC's <c>Error code 0x2746</c>): the code is printed, not implied.</param>
internal sealed record ClientErrorRule(string Phrase, int? Code, bool DecidesCode, string? SqlState, int? Errno, string Source,
    int? Library = null, bool Printed = false);
