using LogCorrelator.Query;
using LogCorrelator.Query.Planning;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Query;

public sealed class HostKeysTests
{
    [Theory]
    [InlineData("SQLPROD01", "SQLPROD01")]
    [InlineData(" sqlprod01 ", "SQLPROD01")]
    [InlineData("sqlprod01.corp.local", "SQLPROD01")]
    [InlineData(@"SQLPROD01\SALES", "SQLPROD01")]
    [InlineData("APPSRV01:4412", "APPSRV01")]
    [InlineData("10.20.1.77", "10.20.1.77")]
    [InlineData("10.20.1.77:1433", "10.20.1.77")]
    [InlineData("fe80::1", "FE80::1")]
    public void Names_of_one_machine_share_a_canonical_form(string name, string canonical) =>
        Assert.Equal(canonical, HostNames.Canonical(name));

    [Fact]
    public void Host_names_compare_on_the_short_name_whatever_the_case()
    {
        using var builder = new StoreBuilder();
        builder.Source("APPSRV01/app.log", "APPSRV01").Error("11:47:23.015", 10054);
        builder.Source("SQLPROD01/ERRORLOG", "SQLPROD01").Kill("11:47:22.400", 87, "appsrv01.corp.local");
        Assert.Equal(["11:47:23.015 error 10054 APPSRV01 | kill 11:47:22.400 SQLPROD01 -0.615s"],
            MatchText.Of(QueryEngine.Run(builder.Build(), "errors after kill within 30s on host = peer")));
    }
}
