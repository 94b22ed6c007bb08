using System.Globalization;

namespace LogCorrelator.Query.Ast;

/// <summary>
/// A point in time as written: <c>2024-03-05</c>, <c>2024-03-05 11:00</c>, <c>2024-03-05 11:00:30.250</c>.
/// <see cref="LocalMs"/> is the wall clock as Unix milliseconds; the planner applies the zone (UTC unless <c>--tz</c>).
/// </summary>
internal sealed record DateTimeNode(long LocalMs, DateTimePrecision Precision) : SyntaxNode
{
    public override string ToString()
    {
        var t = DateTime.UnixEpoch.AddMilliseconds(LocalMs);
        string format = Precision switch
        {
            DateTimePrecision.Day => "yyyy-MM-dd",
            DateTimePrecision.Minute => "yyyy-MM-dd HH:mm",
            DateTimePrecision.Second => "yyyy-MM-dd HH:mm:ss",
            _ => "yyyy-MM-dd HH:mm:ss.fff",
        };
        return t.ToString(format, CultureInfo.InvariantCulture);
    }
}
