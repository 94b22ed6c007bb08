using System.Globalization;
using System.Text.RegularExpressions;
using LogCorrelator.Text;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Samples;

/// <summary>
/// Structural facts about sample-logs/: what the generator promises and what EXPECTED.md claims,
/// checked against the bytes on disk. The answers are pinned by hand from each incident's design.
/// </summary>
public sealed partial class SampleFoldersTests
{
    private const int MaxFolderBytes = 300 * 1024;

    public static TheoryData<string> Folders => new(SampleLogs.Generated);

    [GeneratedRegex("""\b(?<key>password|pwd)\s*=\s*(?<value>"[^"]*"|'[^']*'|\{[^}]*\}|[^;'"\s)]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex Secret();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d\d (?<src>Server|spid\d+) +Microsoft SQL Server 20(19|22) \(RTM-CU\d+\)")]
    private static partial Regex BannerLine();

    [GeneratedRegex(@" UTC adjustment: -?\d{1,2}:\d\d$")]
    private static partial Regex UtcAdjustment();

    [GeneratedRegex(@"^ERRORLOG(\.\d+)?$")]
    private static partial Regex ErrorLogName();

    [Theory]
    [InlineData("incident-kill", "kill", 3, 2, 7)]
    [InlineData("incident-failover", "failover", 6, 2, 9)]
    [InlineData("incident-idle-timeout", "idle-timeout", 7, 1, 8)]
    [InlineData("incident-chimney", "chimney", 7, 1, 8)]
    [InlineData("incident-port-exhaustion", "port-exhaustion", 9, 1, 10)]
    [InlineData("incident-backlog", "backlog", 8, 1, 9)]
    [InlineData("incident-keepalive", "keepalive", 5, 0, 6)]
    [InlineData("incident-mixed", "restart and kill", 9, 1, 12)]
    [InlineData("incident-no-cause", "none", 0, 0, 5)]
    [InlineData("incident-silence-edge", "idle-timeout", 2, 0, 3)]
    [InlineData("incident-restart-logins", "restart", 3, 4, 8)]
    [InlineData("incident-port-span", "port-exhaustion", 4, 0, 7)]
    [InlineData("incident-keepalive-aftermath", "keepalive", 6, 0, 8)]
    public void EXPECTED_states_the_answer_and_lists_every_client_error(string folder, string cause, int explained, int notNetwork, int total)
    {
        var expected = ExpectedFile.Read(folder);
        var errors = expected.Rows("Client errors");

        Assert.StartsWith(cause + " (", expected.Answer("Cause"), StringComparison.Ordinal);
        Assert.StartsWith($"{explained} of {total} client errors", expected.Answer("Explained"), StringComparison.Ordinal);
        Assert.Equal(notNetwork.ToString(CultureInfo.InvariantCulture), expected.Answer("Not network"));
        Assert.Equal((total - explained - notNetwork).ToString(CultureInfo.InvariantCulture), expected.Answer("Unexplained"));
        Assert.Equal(total, errors.Count);
        Assert.Equal(notNetwork, errors.Count(r => r[7].StartsWith("not network: ", StringComparison.Ordinal)));
        Assert.Equal(explained, errors.Count(r => !r[7].StartsWith("nothing", StringComparison.Ordinal) && !r[7].StartsWith("not network: ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("incident-kill", "SQLPROD01/ERRORLOG")]
    [InlineData("incident-failover", "SQLPROD01/ERRORLOG SQLPROD02/ERRORLOG")]
    [InlineData("incident-idle-timeout", "SQLAZ01/ERRORLOG")]
    [InlineData("incident-chimney", "SQLPROD03/ERRORLOG")]
    [InlineData("incident-port-exhaustion", "SQLPROD04/ERRORLOG")]
    [InlineData("incident-backlog", "SQLPROD05/ERRORLOG")]
    [InlineData("incident-keepalive", "SQLPROD06/ERRORLOG")]
    [InlineData("incident-mixed", "SQLPROD07/ERRORLOG SQLPROD07/ERRORLOG.1")]
    [InlineData("incident-no-cause", "SQLPROD08/ERRORLOG SQLPROD08/ERRORLOG.1")]
    [InlineData("incident-silence-edge", "SQLAZ02/ERRORLOG")]
    [InlineData("incident-restart-logins", "SQLPROD09/ERRORLOG SQLPROD09/ERRORLOG.1")]
    [InlineData("incident-port-span", "SQLPROD10/ERRORLOG")]
    [InlineData("incident-keepalive-aftermath", "SQLPROD11/ERRORLOG")]
    public void Each_server_folder_holds_its_ERRORLOGs(string folder, string errorlogs)
    {
        var found = SampleLogs.Files(folder).Where(f => ErrorLogName().IsMatch(Path.GetFileName(f)));

        Assert.Equal(errorlogs.Split(' '), found);
    }

    [Fact]
    public void Every_ERRORLOG_is_UTF16LE_with_a_BOM_and_CRLF_line_ends()
    {
        var files = Directory.EnumerateFiles(SampleLogs.Root, "ERRORLOG*", SearchOption.AllDirectories)
            .Where(f => ErrorLogName().IsMatch(Path.GetFileName(f)))
            .ToList();

        Assert.True(files.Count >= 12, $"only {files.Count} ERRORLOG files under sample-logs");
        foreach (string file in files)
        {
            byte[] bytes = File.ReadAllBytes(file);
            Assert.True(bytes.Length > 2 && bytes[0] == 0xFF && bytes[1] == 0xFE, file + " lacks the UTF-16LE BOM");
            Assert.True(bytes.Length % 2 == 0, file + " has an odd byte count");
            string text = SampleLogs.Text(file);
            Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                    Assert.True(i > 0 && text[i - 1] == '\r', $"{file}: bare LF at char {i}");
                if (text[i] == '\r')
                    Assert.True(i + 1 < text.Length && text[i + 1] == '\n', $"{file}: bare CR at char {i}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Every_ERRORLOG_opens_with_a_banner_and_states_its_UTC_adjustment(string folder)
    {
        foreach (string rel in SampleLogs.Files(folder).Where(f => ErrorLogName().IsMatch(Path.GetFileName(f))))
        {
            string[] lines = SampleLogs.Lines(Path.Combine(SampleLogs.Folder(folder), rel));
            var banner = BannerLine().Match(lines[0]);
            string server = rel[..rel.IndexOf('/', StringComparison.Ordinal)];

            Assert.True(banner.Success, $"{folder}/{rel}:1 is not a version banner");
            Assert.Contains(lines.Take(20), l => UtcAdjustment().IsMatch(l));
            if (banner.Groups["src"].Value == "Server")
                Assert.Contains(lines, l => l.EndsWith($"Server name is '{server}'. This is an informational message only. No user action is required.", StringComparison.Ordinal));
            else
                Assert.Contains(lines.Take(20), l => l.EndsWith("The error log has been reinitialized. See the previous log for older entries.", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Folder_is_small(string folder)
    {
        long bytes = SampleLogs.Files(folder).Sum(f => new FileInfo(Path.Combine(SampleLogs.Folder(folder), f)).Length);

        Assert.InRange(bytes, 1, MaxFolderBytes);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Passwords_appear_only_where_EXPECTED_lists_them_and_the_Redactor_masks_them(string folder)
    {
        var found = new List<string>();
        foreach (string rel in SampleLogs.Files(folder))
        {
            string[] lines = SampleLogs.Lines(Path.Combine(SampleLogs.Folder(folder), rel));
            for (int i = 0; i < lines.Length; i++)
            {
                foreach (Match m in Secret().Matches(lines[i]))
                {
                    string value = m.Groups["value"].Value;
                    if (value.Length == 0 || value.All(c => c == '*'))
                        continue;
                    found.Add($"{rel}:{i + 1}");
                    Assert.DoesNotContain(value, Redactor.Redact(lines[i]), StringComparison.Ordinal);
                }
            }
        }
        var listed = ExpectedFile.Read(folder).Rows("Secrets to redact").Select(r => r[0]);

        Assert.Equal(listed.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_generator_itself_holds_no_password()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(SampleLogs.Root, "samplegen"), "*.py", SearchOption.AllDirectories).ToList();

        Assert.NotEmpty(sources);
        foreach (string source in sources)
            Assert.DoesNotContain(SampleLogs.Lines(source), l => Secret().Matches(l).Any(m => m.Groups["value"].Length > 0));
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void EXPECTED_references_point_at_the_lines_they_quote(string folder)
    {
        var expected = ExpectedFile.Read(folder);

        foreach (var row in expected.Rows("Client errors"))
            Assert.StartsWith(ExpectedFile.Quoted(row[4]), LineAt(folder, row[3]), StringComparison.Ordinal);
        foreach (var row in expected.Rows("Not client errors"))
            Assert.StartsWith(ExpectedFile.Quoted(row[1]), LineAt(folder, row[0]), StringComparison.Ordinal);
        foreach (var row in expected.Rows("Evidence"))
            Assert.Contains(ExpectedFile.Quoted(row[3]), LineAt(folder, row[1]), StringComparison.Ordinal);
        foreach (var row in expected.Rows("Secrets to redact"))
            Assert.Contains(row[1] + "=", LineAt(folder, row[0]), StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(expected.Rows("Evidence"));
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Error_times_agree_with_the_stamps_and_the_clocks_table(string folder)
    {
        var expected = ExpectedFile.Read(folder);
        var withoutOffset = expected.Rows("Clocks")
            .Where(r => r[2].StartsWith("no", StringComparison.Ordinal) || r[2].StartsWith("**no**", StringComparison.Ordinal))
            .Select(r => r[0])
            .ToHashSet(StringComparer.Ordinal);

        foreach (var row in expected.Rows("Client errors"))
        {
            Assert.True(TimestampParser.TryParse(ExpectedFile.Quoted(row[4]), out var stamp, out _), row[4]);
            var (path, _) = ExpectedFile.Where(row[3]);
            if (stamp.OffsetMinutes is int offset)
            {
                var utc = DateTime.ParseExact(row[1], "yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                Assert.Equal(new DateTimeOffset(utc).ToUnixTimeMilliseconds(), stamp.LocalMs - offset * 60_000L);
            }
            else
            {
                Assert.Contains(path, withoutOffset);
            }
        }
    }

    private static string LineAt(string folder, string whereCell)
    {
        var (path, line) = ExpectedFile.Where(whereCell);
        return SampleLogs.Lines(Path.Combine(SampleLogs.Folder(folder), path))[line - 1];
    }
}
