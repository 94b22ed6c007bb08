namespace LogCorrelator.Tests.Query.Sample;

/// <summary>Pipes over the sample incident: counts, histograms, first, last, sort, fields.</summary>
public sealed class SamplePipeTests : IClassFixture<SampleIncident>
{
    private readonly SampleIncident _sample;

    public SamplePipeTests(SampleIncident sample) => _sample = sample;

    private string[] Rows(string query) => SampleText.Rows(_sample.Run(query));

    [Fact]
    public void Count_makes_a_table_and_no_matches()
    {
        var result = _sample.Run("errors | count");
        Assert.True(result.IsAggregate);
        Assert.Empty(result.Matches);
        Assert.Equal(["count"], result.Columns);
        Assert.Equal(["10"], Rows("errors | count"));
        Assert.Equal(["0"], Rows("failover | count"));
    }

    [Fact]
    public void Count_by_lists_the_most_frequent_first_then_by_value()
    {
        Assert.Equal(["10054 | 9", "-2 | 1"], Rows("errors | count by code"));
        Assert.Equal(["10.20.1.131 | 1", "10.20.1.77 | 1", "10.20.1.92 | 1"], Rows("login-failed | count by peer"));
        Assert.Equal(["SQLPROD01 | login-failed | 3", "SQLPROD01 | server-error | 2"], Rows("(login-failed or server-errors) | count by host, kind"));
        Assert.Equal(["-2 | 1"], Rows("errors | count by code | sort count | first 1"));
        Assert.Equal(["host", "code", "count"], _sample.Run("errors | count by host, code").Columns);
    }

    [Fact]
    public void Count_per_is_a_histogram_with_its_empty_buckets()
    {
        var rows = Rows("errors since 2024-03-05 11:32 | count per 1m");
        // 11:32 has four errors, 11:33 one, 11:34 to 11:46 none, 11:47 two.
        Assert.Equal(16, rows.Length);
        Assert.Equal("03-05 11:32:00.000 | 4", rows[0]);
        Assert.Equal("03-05 11:33:00.000 | 1", rows[1]);
        Assert.All(rows[2..15], r => Assert.EndsWith(" | 0", r, StringComparison.Ordinal));
        Assert.Equal("03-05 11:46:00.000 | 0", rows[14]);
        Assert.Equal("03-05 11:47:00.000 | 2", rows[15]);
        Assert.Equal(["time", "count"], _sample.Run("errors | count per 1m").Columns);
    }

    [Fact]
    public void Count_by_and_per_lists_only_buckets_that_count_something()
    {
        Assert.Equal(["03-05 10:00:00.000 | APPSRV01 | 1", "03-05 11:00:00.000 | APPSRV01 | 9"], Rows("errors | count by host per 1h"));
        Assert.Equal(["03-05 11:00:00.000 | APPSRV01 | 9", "03-05 10:00:00.000 | APPSRV01 | 1"], Rows("errors | count by host per 1h | sort time desc"));
    }

    [Fact]
    public void First_last_and_sort_cut_and_order_the_matches()
    {
        Assert.Equal(["03-05 10:15:00.250 error 10054 APPSRV01", "03-05 11:28:41.337 error -2 APPSRV01"],
            SampleText.Of(_sample.Run("errors | first 2")));
        Assert.Equal(["03-05 11:47:23.015 error 10054 APPSRV01", "03-05 11:47:24.502 error 10054 APPSRV01"],
            SampleText.Of(_sample.Run("errors | last 2")));
        Assert.Equal(["03-05 11:47:22.400 kill - SQLPROD01", "03-05 11:32:04.310 restart - SQLPROD01"],
            SampleText.Of(_sample.Run("events where kind in (restart, shutdown, kill) | sort time desc | first 2")));
        Assert.Equal(
            ["03-05 12:05:41.030 login-failed 18456 SQLPROD01", "03-05 10:58:13.270 login-failed 18456 SQLPROD01", "03-02 14:14:37.660 login-failed 18456 SQLPROD01"],
            SampleText.Of(_sample.Run("login-failed | sort peer desc")));
        // Codes that are numbers sort as numbers: -2 before 10054; the sort is stable, so the 10054s keep their time order.
        Assert.Equal(["03-05 11:28:41.337 error -2 APPSRV01", "03-05 10:15:00.250 error 10054 APPSRV01"],
            SampleText.Of(_sample.Run("errors | sort code | first 2")));
        Assert.Equal(["03-05 11:28:41.337 error -2 APPSRV01"], SampleText.Of(_sample.Run("errors | sort message desc | first 1")));
    }

    [Fact]
    public void Fields_projects_the_matches_into_a_table_and_keeps_them()
    {
        var result = _sample.Run("errors 10054 since 2024-03-05 11:47 | fields time, host, code, source, spid, kind");
        Assert.False(result.IsAggregate);
        Assert.Equal(2, result.Matches.Count);
        Assert.Equal(["time", "host", "code", "source", "spid", "kind"], result.Columns);
        Assert.Equal(
            [
                "03-05 11:47:23.015 | APPSRV01 | 10054 | APPSRV01/Logs/orders-api-20240305.log | - | error",
                "03-05 11:47:24.502 | APPSRV01 | 10054 | APPSRV01/Logs/orders-api-20240305.log | - | error",
            ],
            SampleText.Rows(result));
        Assert.Equal(["03-05 11:47:22.400 | 87 | APPSRV01 | Process ID 87 was killed by hostname APPSRV01, host process ID 4412."],
            Rows("kill | fields time, spid, peer, message"));
    }
}
