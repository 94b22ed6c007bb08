using System.Diagnostics;
using LogCorrelator.Events;
using LogCorrelator.Query;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Query;

/// <summary>
/// A query's regular expression cannot hang it: patterns run on the non-backtracking engine, and
/// those it refuses (backreferences, lookarounds) stop with a query error after a second on one value.
/// </summary>
public sealed class UserRegexTests : IDisposable
{
    private readonly StoreBuilder _builder = new();

    public UserRegexTests() =>
        _builder.Source("APPSRV01/app.log", "APPSRV01")
            .Event("12:00:00.000", EventKind.Info, "retrying " + new string('a', 5000) + "!")
            .Event("12:00:01.000", EventKind.Info, "retrying " + new string('a', 40));

    [Fact]
    public void Nested_repetition_runs_in_linear_time()
    {
        var clock = Stopwatch.StartNew();

        var result = QueryEngine.Run(_builder.Build(), "events where message ~ \"(a+)+$\"");

        // Only the message ending in a's matches; backtracking would take longer than the universe's age on the other.
        Assert.Equal(["12:00:01.000 info - APPSRV01"], MatchText.Of(result));
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 10);
    }

    [Fact]
    public void A_backreference_that_backtracks_too_long_is_a_query_error_under_the_pattern()
    {
        const string query = "events where message ~ \"(a*)*\\1b\"";

        var e = Assert.Throws<QuerySyntaxException>(() => QueryEngine.Run(_builder.Build(), query));

        Assert.Equal(
            """
            error: the regular expression "(a*)*\1b" ran over 1 s on one value at column 24
              events where message ~ "(a*)*\1b"
                                     ^^^^^^^^^^
              backreferences and lookarounds backtrack; without them a pattern runs in linear time
            """.ReplaceLineEndings("\n"),
            e.Error.Format());
    }

    [Fact]
    public void A_pattern_with_a_lookaround_still_matches()
    {
        var result = QueryEngine.Run(_builder.Build(), "events where message ~ \"retrying (?=a{40}$)\"");

        Assert.Equal(["12:00:01.000 info - APPSRV01"], MatchText.Of(result));
    }

    public void Dispose() => _builder.Dispose();
}
