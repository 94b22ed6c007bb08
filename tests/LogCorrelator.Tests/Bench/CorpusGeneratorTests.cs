using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using LogCorrelator.Gen;

namespace LogCorrelator.Tests.Bench;

public sealed class CorpusGeneratorTests
{
    private const long Size = 300_000;

    [Fact]
    public void The_same_arguments_give_the_same_bytes()
    {
        using var first = new GeneratedCorpus(Size, seed: 42);
        using var second = new GeneratedCorpus(Size, seed: 42);
        using var other = new GeneratedCorpus(Size, seed: 43);

        foreach (var file in new[] { "SQLPROD01/ERRORLOG", "APPSRV01/Logs/app.log" })
        {
            Assert.Equal(Sha256(first.Bytes(file)), Sha256(second.Bytes(file)));
            Assert.NotEqual(Sha256(first.Bytes(file)), Sha256(other.Bytes(file)));
        }
        Assert.Equal(first.Report, second.Report with { Files = first.Report.Files });
        Assert.Equal(first.Report.Files, second.Report.Files);
    }

    [Fact]
    public void The_reported_line_counts_and_sizes_are_the_files()
    {
        using var corpus = new GeneratedCorpus(Size, seed: 42);

        var errorlog = corpus.Report.Files.Single(f => f.RelativePath == "SQLPROD01/ERRORLOG");
        var app = corpus.Report.Files.Single(f => f.RelativePath == "APPSRV01/Logs/app.log");
        Assert.Equal(corpus.ErrorlogText().Count(c => c == '\n'), errorlog.Lines);
        Assert.Equal(corpus.AppLogText().Count(c => c == '\n'), app.Lines);
        Assert.Equal(new FileInfo(corpus.ErrorlogPath).Length, errorlog.Bytes);
        Assert.Equal(new FileInfo(corpus.AppLogPath).Length, app.Bytes);
    }

    [Fact]
    public void Each_file_gets_half_the_size_give_or_take_its_last_entry()
    {
        using var corpus = new GeneratedCorpus(Size, seed: 42);

        foreach (var file in corpus.Report.Files)
            Assert.InRange(file.Bytes, Size / 2, Size / 2 + 16_384);
    }

    [Fact]
    public void The_errorlog_is_utf16le_with_a_bom_and_crlf_like_sql_servers()
    {
        using var corpus = new GeneratedCorpus(Size, seed: 42);

        var bytes = File.ReadAllBytes(corpus.ErrorlogPath);
        Assert.Equal(new byte[] { 0xFF, 0xFE }, bytes[..2]);
        string text = corpus.ErrorlogText();
        Assert.Equal(text.Count(c => c == '\n'), Regex.Count(text, "\r\n"));
        // Start is 2024-03-04 11:00:00Z; the server's clock is UTC-5.
        Assert.StartsWith("2024-03-04 06:00:00.00 Server      Microsoft SQL Server 2019 (RTM-CU22)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_errorlog_can_be_utf8_for_the_other_framing_path()
    {
        using var corpus = new GeneratedCorpus(Size, seed: 42, utf16: false);

        var bytes = File.ReadAllBytes(corpus.ErrorlogPath);
        Assert.Equal("2024-03-04 06:00:00.00 Server"u8.ToArray(), bytes[..29]);
    }

    [Fact]
    public void The_app_log_is_serilog_utf8_with_lf_at_utc_plus_one()
    {
        using var corpus = new GeneratedCorpus(Size, seed: 42);

        string text = corpus.AppLogText();
        Assert.DoesNotContain('\r', text);
        // The app starts a minute after the server: 11:01:00Z is 12:01:00 at +01:00.
        Assert.StartsWith("2024-03-04 12:01:00.000 +01:00 [INF] Starting Orders.Api", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_blocks_kills_and_errors_are_written_as_reported()
    {
        using var corpus = new GeneratedCorpus(Size, seed: 42);
        string errorlog = corpus.ErrorlogText();
        string app = corpus.AppLogText();
        var report = corpus.Report;

        // Under 40 MB the plan holds one restart and two kills; the file's own startup block adds a restart.
        Assert.Equal(2, report.Restarts);
        Assert.Equal(2, report.Kills);
        Assert.Equal(report.Restarts, Regex.Count(errorlog, @"\d\d Server      UTC adjustment: -5:00\r\n"));
        Assert.Equal(report.Restarts, Regex.Count(errorlog, @"\d\d spid8s      Server name is 'SQLPROD01'\. "));
        Assert.Equal(report.Restarts, Regex.Count(errorlog, @"Server      Microsoft SQL Server 2019 "));
        Assert.Equal(report.Kills, Regex.Count(errorlog,
            @"(?m)^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d\d spid\d+ +Process ID \d+ was killed by hostname APPSRV0\d, host process ID \d+\.\r$"));
        Assert.Equal(report.LoginFailures, Regex.Count(errorlog, @"Logon       Error: 18456, Severity: 14, State: \d+\.\r\n"));
        Assert.Equal(report.TransportErrors, Regex.Count(app, "(?m)^Error Number:10054,State:0,Class:20$"));
        Assert.Equal(report.Timeouts, Regex.Count(app, "(?m)^Error Number:-2,State:0,Class:11$"));
        Assert.Equal(report.OtherErrors, Regex.Count(app, @"\[ERR\] Unhandled exception"));
    }

    [Fact]
    public void Errors_cluster_after_each_restart_on_one_utc_timeline()
    {
        using var corpus = new GeneratedCorpus(Size, seed: 42);

        // Banners are server local (UTC-5); the app's entries carry +01:00. Both read here as UTC.
        var restarts = Regex.Matches(corpus.ErrorlogText(), @"(?m)^(\S+ \S+) Server      Microsoft SQL Server 2019")
            .Select(m => DateTime.ParseExact(m.Groups[1].Value, "yyyy-MM-dd HH:mm:ss.ff", CultureInfo.InvariantCulture).AddHours(5))
            .ToList();
        var errors = Regex.Matches(corpus.AppLogText(), @"(?m)^(\S+ \S+ \+01:00) \[ERR\][^\n]*\nMicrosoft\.Data\.SqlClient\.SqlException[^\n]*\n ---> System\.ComponentModel\.Win32Exception \(10054\)")
            .Select(m => DateTimeOffset.ParseExact(m.Groups[1].Value, "yyyy-MM-dd HH:mm:ss.fff zzz", CultureInfo.InvariantCulture).UtcDateTime)
            .ToList();

        Assert.Equal(corpus.Report.Restarts, restarts.Count);
        Assert.Equal(corpus.Report.TransportErrors, errors.Count);
        // Every planned restart (not the file's first block, before the app started) has 3 to 8 errors in the two minutes after it.
        foreach (var restart in restarts.Skip(1))
            Assert.InRange(errors.Count(e => e > restart && e <= restart.AddMinutes(2)), 3, 8);
        int near = errors.Count(e => restarts.Any(r => Math.Abs((e - r).TotalMinutes) <= 5));
        Assert.Equal(near, corpus.Report.TransportErrorsNearRestart);
    }

    [Theory]
    [InlineData("100MB", 100_000_000)]
    [InlineData("512KiB", 524_288)]
    [InlineData("2GiB", 2_147_483_648)]
    [InlineData("1gb", 1_000_000_000)]
    [InlineData("300000", 300_000)]
    public void Sizes_read_with_decimal_and_binary_units(string text, long bytes)
    {
        Assert.True(SizeText.TryParse(text, out long parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MB")]
    [InlineData("-5MB")]
    [InlineData("0")]
    [InlineData("12XB")]
    public void Sizes_that_are_not_sizes_are_refused(string text) => Assert.False(SizeText.TryParse(text, out _));

    [Fact]
    public void Arguments_read_into_options()
    {
        Assert.True(GenArgs.TryParse(["--out", "corpus", "--size", "20MB", "--seed", "7", "--encoding", "utf8"], out var options, out _));
        Assert.Equal(new GenOptions("corpus", 20_000_000, 7, ErrorlogUtf16: false), options);
    }

    [Theory]
    [InlineData("--size 20MB", "--out is required")]
    [InlineData("--out x --encoding latin1", "--encoding: 'latin1' is not valid")]
    [InlineData("--out x --seed", "--seed: a value is missing")]
    [InlineData("--out x --lines 5", "unknown option '--lines'")]
    public void Bad_arguments_say_what_is_wrong(string args, string error)
    {
        Assert.False(GenArgs.TryParse(args.Split(' '), out _, out string message));
        Assert.Equal(error, message);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}
