using System.Text.Json;
using System.Text.RegularExpressions;
using LogCorrelator.Tests.Samples;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>
/// Every client error of every sample incident lands where its EXPECTED.md says: explained by the
/// cause its row names, not a network error, or unexplained; the figures match its answer lines,
/// and the JSON has one account per error, each with a reason.
/// </summary>
public sealed partial class SampleAccountingTests : IDisposable
{
    private readonly SampleIncident _run = new();

    public void Dispose() => _run.Dispose();

    public static TheoryData<string> Folders => new(SampleLogs.Generated);

    [GeneratedRegex("`(--tz '[^']+')`")]
    private static partial Regex TzOption();

    [Theory]
    [MemberData(nameof(Folders))]
    public void Every_error_lands_where_EXPECTED_says(string folder)
    {
        var expected = ExpectedFile.Read(folder);
        var d = _run.Json(SampleIncident.PathOf(folder), TzArguments(expected));
        var accounts = d.GetProperty("accounts").EnumerateArray().ToList();
        var rows = expected.Rows("Client errors");

        Assert.Equal(rows.Count, accounts.Count);
        foreach (var row in rows)
        {
            string time = row[1].Replace(' ', 'T');
            var account = Assert.Single(accounts, a => a.GetProperty("time").GetString() == time && a.GetProperty("host").GetString() == row[2]);
            Assert.Equal((row[3], Landing(row[7])), ($"{account.GetProperty("source").GetProperty("path").GetString()}:{account.GetProperty("source").GetProperty("line").GetInt32()}", Found(account)));
            Assert.False(string.IsNullOrWhiteSpace(account.GetProperty("why").GetString()), $"{folder} {time}: no reason given");
        }
        var figures = d.GetProperty("accounting");
        Assert.Equal(
            (int.Parse(expected.Answer("Explained").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture), expected.Answer("Not network"), expected.Answer("Unexplained")),
            (figures.GetProperty("explained").GetInt32(), figures.GetProperty("notNetwork").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
             figures.GetProperty("unexplained").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [GeneratedRegex("<tr><td class=\"t\">([^<]+)</td><td>[^<]*</td><td>([^<]+)</td><td class=\"nw\">([^<]+)</td>")]
    private static partial Regex HtmlAccountRow();

    [Theory]
    [MemberData(nameof(Folders))]
    public void Every_error_s_account_is_in_the_text_report_and_the_HTML_report(string folder)
    {
        var expected = ExpectedFile.Read(folder);
        string html = _run.Folder.Combine("report.html");
        var run = _run.Text(SampleIncident.PathOf(folder), [.. TzArguments(expected), "--html", html]);
        var rows = HtmlAccountRow().Matches(File.ReadAllText(html)).Select(m => (Time: m.Groups[1].Value, Host: m.Groups[2].Value, Landed: m.Groups[3].Value)).ToList();
        var lines = run.Text.Split('\n').Select(l => l.Trim()).ToList();

        Assert.Equal(expected.Rows("Client errors").Count, rows.Count);
        foreach (var row in expected.Rows("Client errors"))
        {
            // "2024-03-14 08:44:05.412Z": the reports show the time of day (with the date when the errors span days).
            string time = row[1][11..23], landed = Landing(row[7]) == "not-network" ? "not network" : Landing(row[7]);
            Assert.Single(rows, r => r.Time.EndsWith(time, StringComparison.Ordinal) && r.Host == row[2] && r.Landed.StartsWith(landed, StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains(time, StringComparison.Ordinal) && l.Contains(row[2], StringComparison.Ordinal)
                && l.Contains("  " + landed, StringComparison.Ordinal) && l.Contains(row[3], StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Restart_accounts_for_its_ten_errors()
    {
        // incident-restart's app log is written by hand and has no EXPECTED.md: its story is pinned here.
        var d = _run.Json(SampleIncident.PathOf("incident-restart"));

        var landed = d.GetProperty("accounts").EnumerateArray().Select(a => (a.GetProperty("time").GetString(), Found(a))).ToList();
        Assert.Equal(
            [("2024-03-05T10:15:00.250Z", "unexplained"), ("2024-03-05T11:28:41.337Z", "not-network"), ("2024-03-05T11:29:30.118Z", "unexplained"),
             ("2024-03-05T11:32:06.480Z", "restart"), ("2024-03-05T11:32:07.112Z", "restart"), ("2024-03-05T11:32:09.950Z", "restart"),
             ("2024-03-05T11:32:31.004Z", "restart"), ("2024-03-05T11:33:02.771Z", "restart"), ("2024-03-05T11:47:23.015Z", "kill"),
             ("2024-03-05T11:47:24.502Z", "kill")],
            landed);
    }

    /// <summary>The cause id of an explained row (<c>failover (+1.122 s from ...)</c>), else where it lands.</summary>
    private static string Landing(string cell) =>
        cell.StartsWith("nothing", StringComparison.Ordinal) ? "unexplained"
        : cell.StartsWith("not network: ", StringComparison.Ordinal) ? "not-network"
        : cell[..cell.IndexOf(" (", StringComparison.Ordinal)];

    private static string Found(JsonElement account) =>
        account.GetProperty("landing").GetString() == "explained" ? account.GetProperty("cause").GetString()! : account.GetProperty("landing").GetString()!;

    private static string[] TzArguments(ExpectedFile expected)
    {
        var tz = TzOption().Match(expected.Answer("Needs --tz"));
        if (!tz.Success)
            return [];
        string value = tz.Groups[1].Value["--tz '".Length..^1];
        return ["--tz", value];
    }
}
