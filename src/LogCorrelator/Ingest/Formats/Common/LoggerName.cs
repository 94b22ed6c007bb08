namespace LogCorrelator.Ingest.Formats.Common;

/// <summary>
/// Logger names as Java and Python write them: dotted, starting lower case (<c>com.example.OrderDao</c>,
/// logback's abbreviated <c>c.e.orders.OrderDao</c>, Python's <c>orders.db</c>, <c>__main__</c>), unlike the
/// PascalCase namespaces of .NET loggers (<c>Orders.Api.Worker</c>), which is what tells the layouts apart.
/// </summary>
internal static class LoggerName
{
    public static bool IsName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
            return false;
        foreach (char c in name)
        {
            // Tomcat's servlet logger abbreviates to "o.a.c.c.C.[.[.[/].[dispatcherServlet]".
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '$' or '-' or '<' or '>' or '[' or ']' or '/'))
                return false;
        }
        return true;
    }

    public static bool IsLowerCaseName(ReadOnlySpan<char> name) =>
        IsName(name) && (char.IsAsciiLetterLower(name[0]) || name[0] == '_');
}
