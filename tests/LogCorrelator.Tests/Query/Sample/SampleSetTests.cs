using LogCorrelator.Query;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Query.Sample;

/// <summary>Sets, text, where filters and time ranges over the sample incident (see <see cref="SampleIncident"/>).</summary>
public sealed class SampleSetTests : IClassFixture<SampleIncident>
{
    private readonly SampleIncident _sample;

    public SampleSetTests(SampleIncident sample) => _sample = sample;

    private string[] Run(string query) => SampleText.Of(_sample.Run(query));

    [Fact]
    public void Each_kind_word_selects_its_kind()
    {
        Assert.Equal(["03-01 07:10:44.190 restart - SQLPROD01", "03-05 11:32:04.310 restart - SQLPROD01"], Run("restart"));
        Assert.Equal(["03-01 07:10:55.760 ready - SQLPROD01", "03-05 11:32:15.880 ready - SQLPROD01"], Run("ready"));
        Assert.Equal(["03-05 11:31:50.120 shutdown - SQLPROD01"], Run("shutdown"));
        Assert.Equal(["03-05 11:47:22.400 kill - SQLPROD01"], Run("kill"));
        Assert.Equal(["03-03 19:22:09.580 server-error 17830 SQLPROD01", "03-05 11:31:50.760 server-error 17054 SQLPROD01"], Run("server-errors"));
        Assert.Equal(
            ["03-02 14:14:37.660 login-failed 18456 SQLPROD01", "03-05 10:58:13.270 login-failed 18456 SQLPROD01", "03-05 12:05:41.030 login-failed 18456 SQLPROD01"],
            Run("login-failed 18456"));
        Assert.Empty(Run("failover"));
        Assert.Empty(Run("timewait"));
        Assert.Empty(Run("rst"));
        Assert.Empty(Run("netconfig"));
        Assert.Empty(Run("probe"));
        Assert.Equal(["03-05 11:28:41.337 error -2 APPSRV01"], Run("events -2"));
    }

    [Fact]
    public void Quoted_text_is_a_case_insensitive_part_of_the_message()
    {
        Assert.Equal(
            ["03-05 11:32:07.112 error 10054 APPSRV01", "03-05 11:32:31.004 error 10054 APPSRV01", "03-05 11:47:23.015 error 10054 APPSRV01", "03-05 11:47:24.502 error 10054 APPSRV01"],
            Run("errors \"when sending\""));
        // Every 10054 says "An existing connection was forcibly closed"; the timeout does not.
        Assert.Equal(["9"], SampleText.Rows(_sample.Run("errors \"FORCIBLY CLOSED\" | count")));
        Assert.Equal(["03-05 11:47:22.400 kill - SQLPROD01"], Run("kill \"by hostname appsrv01\""));
    }

    [Fact]
    public void Where_compares_names_numbers_codes_and_kinds()
    {
        Assert.Equal(["03-05 10:58:13.270 login-failed 18456 SQLPROD01", "03-05 12:05:41.030 login-failed 18456 SQLPROD01"],
            Run("login-failed where peer ~ \"^10\\.20\\.1\\.(77|92)$\""));
        Assert.Equal(["03-05 11:47:22.400 kill - SQLPROD01"], Run("events where spid = 87"));
        Assert.Equal(
            ["03-01 07:10:44.190 restart - SQLPROD01", "03-05 11:31:50.120 shutdown - SQLPROD01", "03-05 11:32:04.310 restart - SQLPROD01", "03-05 11:47:22.400 kill - SQLPROD01"],
            Run("events where kind in (restart, shutdown, kill)"));
        Assert.Equal(["03-05 11:28:41.337 error -2 APPSRV01"], Run("errors where code != 10054"));
        Assert.Equal(["03-05 11:28:41.337 error -2 APPSRV01"], Run("errors where code < 0"));
        Assert.Equal(["03-03 19:22:09.580 server-error 17830 SQLPROD01", "03-05 11:31:50.760 server-error 17054 SQLPROD01"],
            Run("server-errors where code in (17830, 17054)"));
        Assert.Equal(["03-05 11:28:41.337 error -2 APPSRV01"], Run("errors where sqlstate = 08S01 or code = -2"));
    }

    [Fact]
    public void Host_names_compare_on_the_short_name_and_sources_on_the_relative_path()
    {
        Assert.Equal(["03-05 11:47:22.400 kill - SQLPROD01"], Run("events where host = sqlprod01.corp.local and kind = kill"));
        Assert.Equal(["03-02 14:14:37.660 login-failed 18456 SQLPROD01", "03-05 10:58:13.270 login-failed 18456 SQLPROD01"],
            Run("events where source ~ \"ERRORLOG\\.1$\" and kind = login-failed"));
        Assert.Equal(["03-05 12:05:41.030 login-failed 18456 SQLPROD01"], Run("login-failed where source = \"sqlprod01/errorlog\""));
    }

    [Fact]
    public void Not_and_parentheses_combine_filters_and_a_missing_field_fails_every_comparison()
    {
        Assert.Equal(["03-05 11:28:41.337 error -2 APPSRV01"], Run("errors where not message ~ \"forcibly\""));
        Assert.Equal(["03-05 11:28:41.337 error -2 APPSRV01", "03-05 11:32:07.112 error 10054 APPSRV01"],
            Run("errors where (code = -2 or message ~ \"sending\") and host = APPSRV01 | first 2"));
        // Client errors carry no spid: neither spid = 5 nor spid != 5 holds, so 'not spid = 5' keeps all ten.
        Assert.Equal(["0"], SampleText.Rows(_sample.Run("errors where spid != 5 | count")));
        Assert.Equal(["10"], SampleText.Rows(_sample.Run("errors where not spid = 5 | count")));
    }

    [Fact]
    public void A_where_after_a_union_filters_every_member()
    {
        Assert.Equal(
            [
                "03-02 14:14:37.660 login-failed 18456 SQLPROD01", "03-03 19:22:09.580 server-error 17830 SQLPROD01",
                "03-05 10:58:13.270 login-failed 18456 SQLPROD01", "03-05 12:05:41.030 login-failed 18456 SQLPROD01",
            ],
            Run("(login-failed or server-errors) where peer ~ \"^10\\.\""));
    }

    [Fact]
    public void Between_and_since_take_utc_times_and_last_counts_back_from_the_newest_event()
    {
        string[] fourErrors =
        [
            "03-05 11:32:06.480 error 10054 APPSRV01", "03-05 11:32:07.112 error 10054 APPSRV01",
            "03-05 11:32:09.950 error 10054 APPSRV01", "03-05 11:32:31.004 error 10054 APPSRV01",
        ];
        Assert.Equal(fourErrors, Run("errors between 2024-03-05 11:30 and 2024-03-05 11:33"));
        Assert.Equal(["03-05 11:47:23.015 error 10054 APPSRV01", "03-05 11:47:24.502 error 10054 APPSRV01"], Run("errors since 2024-03-05 11:47"));
        Assert.Equal(["03-05 11:32:07.112 error 10054 APPSRV01"], Run("errors between 2024-03-05 11:32:07.112 and 2024-03-05T11:32:07.112"));
        // The newest event is 19:05:03.140 (a backup line): a day back reaches 03-04 19:05:03.140.
        Assert.Equal(["03-05 10:58:13.270 login-failed 18456 SQLPROD01", "03-05 12:05:41.030 login-failed 18456 SQLPROD01"], Run("login-failed last 1d"));
        Assert.Empty(Run("errors last 7h"));
    }

    [Theory]
    [InlineData("-05:00")]
    [InlineData("America/New_York")]
    [InlineData("Eastern Standard Time")]
    public void Tz_reads_the_query_times_in_that_zone(string zone)
    {
        // 06:30 to 06:33 at UTC-5 (no daylight saving before March 10) is 11:30 to 11:33 UTC.
        Assert.True(ZoneSpec.TryParse(zone, out var spec));
        var result = _sample.Run("errors between 2024-03-05 06:30 and 2024-03-05 06:33", new QueryOptions { Zone = spec });
        Assert.Equal(4, result.Matches.Count);
        Assert.Equal("03-05 11:32:06.480 error 10054 APPSRV01", SampleText.Of(result.Matches[0]));
        Assert.Equal("03-05 11:32:31.004 error 10054 APPSRV01", SampleText.Of(result.Matches[3]));
    }
}
