namespace LogCorrelator.Query.Saved;

/// <summary>
/// A named query kept in a <c>.lcq</c> file: what <c>logcorr run NAME</c> runs and what <c>@NAME</c>
/// stands for inside another query. <see cref="Origin"/> is the file it came from, <see cref="Line"/> its line there.
/// </summary>
public sealed record SavedQuery(string Name, string Description, string Text, string Origin, int Line, bool BuiltIn);
