using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Events;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>grammars/database-activity.yaml: which lines end a silence, and what a broken file says.</summary>
public sealed class DatabaseActivityTests
{
    [Theory]
    [InlineData(EventKind.Info, "Executed DbCommand (12 ms) SELECT i.Id, i.Total FROM Invoices i WHERE i.Id = @p0", true)]
    [InlineData(EventKind.Info, "Executing AllocateWave for 88211 on SPID 73", true)]
    [InlineData(EventKind.Info, "HTTP GET /api/orders/41224/lines responded 200 in 46.1958 ms", true)]
    [InlineData(EventKind.Info, "HTTP GET /healthz responded 200 in 0.4210 ms", false)]
    [InlineData(EventKind.Info, "HTTP GET /health/live responded 200 in 0.5264 ms", false)]
    [InlineData(EventKind.Info, "health check ran SELECT 1 on the pool", true)]
    [InlineData(EventKind.Error, "A transport-level error has occurred", true)]
    [InlineData(EventKind.TimeWait, "TCP 10.0.0.1:50000 10.0.0.2:1433 TIME_WAIT", false)]
    public void A_line_is_database_activity_as_the_file_says(EventKind kind, string message, bool activity) =>
        Assert.Equal(activity, DatabaseActivity.BuiltIn.IsActivity(kind, message));

    [Theory]
    [InlineData("kinds: [error]\nphrases:\n  - {text: SELECT}\notherLines: activity\n", "x.yaml: phrases: 'SELECT': source: missing (where it comes from)")]
    [InlineData("kinds: [errors]\nphrases:\n  - {text: SELECT, source: a}\notherLines: activity\n", "x.yaml: kinds: 'errors' is not an event kind")]
    [InlineData("kinds: [error]\nphrases:\n  - {text: SELECT, source: a}\n", "x.yaml: otherLines: '': use 'activity' or 'silence'")]
    public void A_broken_file_fails_naming_what_is_wrong(string yaml, string message) =>
        Assert.Equal(message, Assert.Throws<RuleException>(() => DatabaseActivity.Load("x.yaml", yaml)).Message);
}
