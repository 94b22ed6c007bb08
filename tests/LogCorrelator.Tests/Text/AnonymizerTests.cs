using System.Text;
using LogCorrelator.Text;

namespace LogCorrelator.Tests.Text;

public sealed class AnonymizerTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("test key");

    private static Anonymizer With(params string[] hosts) => new(Key, hosts);

    [Fact]
    public void The_same_value_gets_the_same_pseudonym_under_the_same_key_and_another_under_another_key()
    {
        Assert.Equal(With().Pseudonym("host", "SQLPROD01"), With().Pseudonym("host", "sqlprod01"));
        Assert.NotEqual(With().Pseudonym("host", "SQLPROD01"), With().Pseudonym("host", "SQLPROD02"));
        Assert.NotEqual(With().Pseudonym("host", "SQLPROD01"), new Anonymizer(Encoding.UTF8.GetBytes("other"), []).Pseudonym("host", "SQLPROD01"));
        Assert.Matches("^host-[0-9a-f]{6}$", With().Pseudonym("host", "SQLPROD01"));
    }

    [Fact]
    public void Hosts_with_their_domain_ips_and_users_in_text_are_replaced_and_the_rest_kept()
    {
        var a = With("SQLPROD01", "APPSRV01");
        string text = "Login failed for user 'CORP\\svc_reports'. Reason: x [CLIENT: 10.20.1.92] on SQLPROD01.corp.example.com "
            + "from appsrv01 via fe80::1ff:fe23:4567:890a; Server=SQLPROD01;User ID=bob;Password=*****; killed by DOMAIN\\alice at 11:32:04.310";

        string shown = a.Text(text);

        foreach (string original in new[] { "svc_reports", "10.20.1.92", "SQLPROD01", "corp.example.com", "appsrv01", "fe80::", "bob", "alice", "CORP\\" })
            Assert.DoesNotContain(original, shown, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(a.Pseudonym("host", "SQLPROD01") + " from " + a.Pseudonym("host", "appsrv01"), shown, StringComparison.Ordinal);
        Assert.Contains("[CLIENT: " + a.Pseudonym("ip", "10.20.1.92") + "]", shown, StringComparison.Ordinal);
        Assert.Contains("User ID=" + a.Pseudonym("user", "bob") + ";Password=*****;", shown, StringComparison.Ordinal);
        Assert.Contains("at 11:32:04.310", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64)")]
    [InlineData("2024-03-05 11:32:04.310 +01:00 spid 55 port 1433 error 10054")]
    [InlineData("at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception)")]
    public void Versions_times_and_stack_frames_are_not_taken_for_addresses(string text)
    {
        Assert.Equal(text, With("SQLPROD01").Text(text));
    }
}
