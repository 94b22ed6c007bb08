using System.Globalization;
using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose;

/// <summary>
/// What kind of failure a client error code is, so a report keeps transport errors (a connection
/// that broke) and failures to open one (the network errors the rules explain) apart from timeouts,
/// deadlocks, permission, login and database-availability errors, which no network cause explains.
/// The table is data, grammars/error-categories.yaml (embedded), each code traced to where it comes from.
/// </summary>
public static class ErrorCategories
{
    public const string Transport = "transport";
    public const string Connection = "connection";
    public const string Timeout = "timeout";
    public const string Login = "login";
    public const string Database = "database";
    public const string Deadlock = "deadlock";
    public const string Permission = "permission";
    public const string Other = "other";

    private static readonly Lazy<ErrorCategoryTable> Table = new(ErrorCategoryTable.LoadEmbedded);

    public static string Of(string? code) => Table.Value.CategoryOf(code);

    /// <summary>The category of a loaded code (<see cref="EventSet.None"/>: no code, a transport error).</summary>
    public static string Of(int code) => Of(code == EventSet.None ? null : code.ToString(CultureInfo.InvariantCulture));

    /// <summary>Transport and connection errors are what network causes explain; the rest stays out of their counts.</summary>
    public static bool IsNetwork(string category) => Table.Value.IsNetwork(category);

    /// <summary>Why an error of a category that is not a network error is kept out of the network counts.</summary>
    public static string WhyNotNetwork(string category, string? code) => Table.Value.WhyNotNetwork(category, code);
}
