using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest;

namespace LogCorrelator.Tests.Ingest;

public sealed class DetectionTests
{
    private static FormatGuess Detect(string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return FormatDetector.Detect(FormatDetector.Sample(name, bytes, SourceEncoding.Utf8, 0), FormatRegistry.All);
    }

    [Fact]
    public void Prose_that_mentions_one_time_is_not_a_log()
    {
        var guess = Detect("make.py", "#!/usr/bin/env python3\n\"\"\"Writes the samples.\n\nThe run that started\n2024-03-01 02:10:44.19 and was stopped by the Service Control Manager.\n\"\"\"\nimport os\nHERE = 1\n");

        Assert.Null(guess.Format);
    }

    [Theory]
    [InlineData("ERRORLOG", "2024-03-05 06:32:04.31 Server      Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64) \r\n\tJul 27 2023 18:11:00 \r\n2024-03-05 06:32:04.31 Server      UTC adjustment: -5:00\r\n2024-03-05 06:32:05.00 spid9s      Starting up database 'master'.\r\n", "errorlog")]
    [InlineData("app.log", "2024-03-05 12:32:10.412 +01:00 [INF] Request finished\n2024-03-05 12:32:11.001 +01:00 [ERR] Failed\nMicrosoft.Data.SqlClient.SqlException (0x80131904): A transport-level error\n   at X.Y()\n2024-03-05 12:32:12.000 +01:00 [INF] ok\n", "applog")]
    public void Each_log_goes_to_its_own_format(string name, string text, string format)
    {
        Assert.Equal(format, Detect(name, text).Format?.Name);
    }
}
