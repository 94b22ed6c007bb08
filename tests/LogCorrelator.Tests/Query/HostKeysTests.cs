using LogCorrelator.Query.Planning;

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
        Assert.Equal(canonical, HostKeys.Canonical(name));
}
