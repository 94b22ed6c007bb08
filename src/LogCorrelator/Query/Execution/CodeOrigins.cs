using LogCorrelator.Store;
namespace LogCorrelator.Query.Execution;

/// <summary>
/// Where an event's code came from, as <c>codeorigin</c> reads it: <c>implied</c> when the classifier read it
/// from the text's words (the event's attributes say <c>code=implied</c>), else <c>printed</c>; none without a code.
/// </summary>
internal static class CodeOrigins
{
    public const string Printed = "printed";
    public const string Implied = "implied";

    public static string? Of(EventSet set, int i) => Of(set.Code[i] == EventSet.None ? null : set.Code[i], set.SqlState[i], set.Extra[i]);

    public static string? Of(int? code, string? sqlState, string? extra)
    {
        if (code is null && sqlState is null)
            return null;
        return extra is not null && extra.Contains("code=implied", StringComparison.Ordinal) ? Implied : Printed;
    }
}
