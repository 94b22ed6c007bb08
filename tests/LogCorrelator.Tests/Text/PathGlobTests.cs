using LogCorrelator.Text;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Text;

public sealed class PathGlobTests
{
    [Theory]
    [InlineData("ERRORLOG*", "SQLPROD01/ERRORLOG.1", true)]
    [InlineData("ERRORLOG*", "APPSRV01/Logs/app.log", false)]
    [InlineData("APPSRV01/**", "APPSRV01/Logs/app.log", true)]
    [InlineData("**/*.log", "APPSRV01/Logs/app.log", true)]
    [InlineData("**/*.log", "app.log", true)]
    [InlineData("*/Logs/*.log", "APPSRV01/Logs/app.log", true)]
    [InlineData("*/*.log", "APPSRV01/Logs/app.log", false)]
    public void Matches_relative_paths(string glob, string path, bool expected)
    {
        Assert.Equal(expected, new PathGlob(glob).Matches(path));
    }

    [Fact]
    public void The_first_matching_tz_rule_wins()
    {
        TzRule.TryParse("APPSRV01/**=Europe/Berlin", out var berlin, out _);
        TzRule.TryParse("**=-05:00", out var rest, out _);

        Assert.Equal("Europe/Berlin", TzRule.Find([berlin!, rest!], "APPSRV01/Logs/app.log")!.Text);
        Assert.Equal("-05:00", TzRule.Find([berlin!, rest!], "SQLPROD01/ERRORLOG")!.Text);
    }

    [Fact]
    public void A_tz_rule_with_an_unknown_zone_says_what_is_wrong()
    {
        Assert.False(TzRule.TryParse("ERRORLOG*=Nowhere/Town", out _, out var error));
        Assert.StartsWith("--tz 'ERRORLOG*=Nowhere/Town': unknown zone 'Nowhere/Town'", error);
    }
}
