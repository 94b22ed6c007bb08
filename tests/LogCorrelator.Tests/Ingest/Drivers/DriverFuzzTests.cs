using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Formats.Java;
using LogCorrelator.Ingest.Formats.Odbc;
using LogCorrelator.Ingest.Formats.Python;

namespace LogCorrelator.Tests.Ingest.Drivers;

/// <summary>Random mixes of each family's real lines and garbage never break an entry away from its bytes.</summary>
public sealed class DriverFuzzTests
{
    private static readonly string[] Garbage = ["", "\u0000\u00ff garbage", "2024-03-05", "é ✓ Café", "   ", "[", "DIAG [", "Caused by: ", "Traceback (most recent call last):"];

    public static TheoryData<string, string> Stamped => new()
    {
        { "python", "pyodbc-msodbc.log" },
        { "python", "pyodbc-py2.log" },
        { "java", "mssql-jdbc-logback.log" },
        { "java", "mssql-jdbc-springboot.log" },
        { "odbc", "odbc-dotnet.log" },
        { "odbc", "odbc-cpp-legacy.log" },
    };

    [Theory]
    [MemberData(nameof(Stamped))]
    public void Entries_tile_the_file_from_the_first_header_to_the_end(string format, string fixture)
    {
        byte[] bytes = Mix(fixture, seed: fixture.Length);
        var run = DriverRun.Of(Of(format), bytes);

        Assert.NotEmpty(run.Events);
        long expected = run.Events[0].Offset;
        foreach (LogEvent e in run.Events)
        {
            Assert.Equal(expected, e.Offset);
            Assert.InRange(e.MessageOffset, 0, e.Length);
            Assert.InRange(e.MessageOffset + e.MessageLength, e.MessageOffset, e.Length);
            expected += e.Length;
        }
        Assert.Equal(bytes.Length, expected);
    }

    [Theory]
    [InlineData("SQL.LOG")]
    [InlineData("unixodbc-trace.log")]
    public void Trace_events_stay_inside_the_file_in_order(string fixture)
    {
        byte[] bytes = Mix(fixture, seed: 11);
        var run = DriverRun.Of(new OdbcFormat(), bytes, at: new DateTimeOffset(2024, 3, 5, 11, 32, 0, TimeSpan.Zero));

        long end = 0;
        foreach (LogEvent e in run.Events)
        {
            Assert.Equal(EventKind.Error, e.Kind);
            Assert.True(e.Offset >= end);
            Assert.InRange(e.MessageOffset + e.MessageLength, e.MessageOffset, e.Length);
            Assert.StartsWith("[", run.Message(e));
            end = e.Offset + e.Length;
        }
        Assert.InRange(end, 0, bytes.Length);
    }

    private static ILogFormat Of(string name) => name switch
    {
        "python" => new PythonFormat(),
        "java" => new JavaFormat(),
        _ => new OdbcFormat(),
    };

    /// <summary>The fixture's first line, then 400 lines drawn from its lines and some garbage, with mixed line ends.</summary>
    private static byte[] Mix(string fixture, int seed)
    {
        string[] lines = File.ReadAllText(DriverRun.FixturePath(fixture)).Replace("\r\n", "\n").Split('\n');
        string[] pieces = [.. lines, .. Garbage];
        var random = new Random(seed);
        var sb = new StringBuilder(lines[0]).Append('\n');
        for (int i = 0; i < 400; i++)
            sb.Append(pieces[random.Next(pieces.Length)]).Append(random.Next(3) == 0 ? "\r\n" : "\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
