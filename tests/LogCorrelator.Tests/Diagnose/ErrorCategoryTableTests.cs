using LogCorrelator.Diagnose;
using LogCorrelator.Diagnose.Rules;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>grammars/error-categories.yaml: the table the engine uses, and what a broken file says.</summary>
public sealed class ErrorCategoryTableTests
{
    [Theory]
    [InlineData(null, "transport")]
    [InlineData("10054", "transport")]
    [InlineData("10053", "transport")]
    [InlineData("08S01", "transport")]
    [InlineData("11", "transport")]
    [InlineData("10048", "connection")]
    [InlineData("17", "connection")]
    [InlineData("-2", "timeout")]
    [InlineData("HYT00", "timeout")]
    [InlineData("18456", "login")]
    [InlineData("4060", "database")]
    [InlineData("4064", "database")]
    [InlineData("18401", "database")]
    [InlineData("1205", "deadlock")]
    [InlineData("229", "permission")]
    [InlineData("42000", "permission")]
    [InlineData("547", "other")]
    public void Codes_fall_in_the_categories_issue_16_names(string? code, string category) =>
        Assert.Equal(category, ErrorCategories.Of(code));

    [Fact]
    public void Only_transport_and_connection_are_network_errors() =>
        Assert.Equal(["transport", "connection"],
            new[] { "transport", "connection", "timeout", "login", "database", "deadlock", "permission", "other" }.Where(ErrorCategories.IsNetwork));

    [Fact]
    public void Reasons_come_from_the_file_with_the_code_filled_in()
    {
        Assert.Equal("a deadlock victim (1205): the server chose this session to roll back; the connection stays usable",
            ErrorCategories.WhyNotNetwork("deadlock", "1205"));
        Assert.Equal("a login refused in script upgrade mode (18401): after an update only administrators may log in until its scripts finish",
            ErrorCategories.WhyNotNetwork("database", "18401"));
        Assert.Equal("a database-availability error (4060): the server answered but the database could not be opened",
            ErrorCategories.WhyNotNetwork("database", "4060"));
        Assert.Equal("a SQL Server error (547) that is not a transport or connection failure", ErrorCategories.WhyNotNetwork("other", "547"));
    }

    [Theory]
    [InlineData("noCode: transport\notherWhy: x\ncategories:\n  - name: transport\n    network: true\n    codes:\n      - {code: \"1\"}\n",
        "error-categories.yaml: code 1: source: missing (the seed or reference it comes from)")]
    [InlineData("noCode: transport\notherWhy: x\ncategories:\n  - name: transport\n    network: true\n    codes:\n      - {code: \"1\", source: a}\n  - name: timeout\n    network: false\n    why: w\n    codes:\n      - {code: \"1\", source: b}\n",
        "error-categories.yaml: code 1 is in both 'transport' and 'timeout'")]
    [InlineData("noCode: transport\notherWhy: x\ncategories:\n  - name: flaky\n    network: true\n",
        "error-categories.yaml: category 'flaky': unknown; known: transport, connection, timeout, login, database, deadlock, permission")]
    [InlineData("noCode: transport\notherWhy: x\ncategories:\n  - name: timeout\n    network: false\n",
        "error-categories.yaml: category 'timeout': why: missing")]
    public void A_broken_table_fails_naming_what_is_wrong(string yaml, string message) =>
        Assert.Equal(message, Assert.Throws<RuleException>(() => ErrorCategoryTable.Load("error-categories.yaml", yaml)).Message);
}
