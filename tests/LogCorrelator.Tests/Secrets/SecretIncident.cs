using System.Globalization;
using System.Text;
using System.Text.Json;
using LogCorrelator.Cli;
using LogCorrelator.Tests.Support;
using LogCorrelator.Tests.Text;

namespace LogCorrelator.Tests.Secrets;

/// <summary>
/// An incident folder whose every file carries every form of the secret corpus: an ERRORLOG (UTF-16, as
/// SQL Server writes it) with a restart, info lines and login failures; an app log whose SqlException
/// messages and info lines hold them; a CLEF log with them in a property and its template beside
/// <c>Password={Pw}</c>, and in <c>@x</c>; a JSON-lines log with them as JSON text. Ingested with logcorr.
/// </summary>
public sealed class SecretIncident : IDisposable
{
    private static readonly DateTime Restart = new(2024, 3, 5, 11, 0, 0, DateTimeKind.Utc);
    private readonly TempFolder _folder = new();

    public SecretIncident()
    {
        Folder = _folder.Combine("incident");
        Store = _folder.Combine("secrets.lcdb");
        WriteErrorLog(Path.Combine(Folder, "SQLPROD01", "ERRORLOG"));
        WriteAppLog(Path.Combine(Folder, "APPSRV01", "app.log"));
        WriteClef(Path.Combine(Folder, "APPSRV02", "app.clef"));
        WriteJsonLines(Path.Combine(Folder, "APPSRV03", "events.json"));
        var output = new StringWriter();
        int code = CliApp.Run(["ingest", Folder, "--store", Store], output, output);
        Assert.True(code == 0, output.ToString());
        IngestOutput = output.ToString();
    }

    public string Folder { get; }
    public string Store { get; }
    public string IngestOutput { get; }

    internal TempFolder Scratch => _folder;

    private static IEnumerable<(int I, string Line)> Corpus => SecretCorpus.Lines.Select((l, i) => (i, l));

    private static string At(double seconds, string format) =>
        Restart.AddSeconds(seconds).ToString(format, CultureInfo.InvariantCulture);

    private static void WriteErrorLog(string path)
    {
        var w = new StringBuilder();
        string Stamp(double s) => At(s, "yyyy-MM-dd HH:mm:ss.ff");
        w.Append(Stamp(0)).Append(" Server      Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64) \r\n");
        w.Append("\tJul 27 2023 18:11:00 \r\n\tCopyright (C) 2019 Microsoft Corporation\r\n\r\n");
        w.Append(Stamp(0)).Append(" Server      UTC adjustment: 0:00\r\n");
        w.Append(Stamp(0)).Append(" Server      Server process ID is 4242.\r\n");
        w.Append(Stamp(0.5)).Append(" Server      Server name is 'SQLPROD01'. This is an informational message only. No user action is required.\r\n");
        foreach (var (i, line) in Corpus)
        {
            w.Append(Stamp(1 + i)).Append(" spid55      Configuration: ").Append(line).Append("\r\n");
            w.Append(Stamp(1.5 + i)).Append(" Logon       Login failed for user 'app'. Reason: ").Append(line).Append(" [CLIENT: 10.0.0.5]\r\n");
        }
        Write(path, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(w.ToString())).ToArray());
    }

    private static void WriteAppLog(string path)
    {
        var w = new StringBuilder();
        foreach (var (i, line) in Corpus)
        {
            string stamp = At(2 + i, "yyyy-MM-dd HH:mm:ss.fff") + " +00:00";
            w.Append(stamp).Append(" [INF] Opening connection ").Append(line).Append('\n');
            w.Append(stamp).Append(" [ERR] An unhandled exception has occurred while executing the request.\n");
            w.Append("Microsoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when receiving results from the server. ")
                .Append(line).Append(" (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)\n");
            w.Append(" ---> System.ComponentModel.Win32Exception (10054): An existing connection was forcibly closed by the remote host.\n");
            w.Append("   at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)\n");
        }
        Write(path, Encoding.UTF8.GetBytes(w.ToString()));
    }

    private static void WriteClef(string path)
    {
        var w = new StringBuilder();
        foreach (var (i, line) in Corpus)
        {
            string marker = SecretCorpus.Marker(line);
            string pw = marker + "-pw";
            string t = At(3 + i, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
            w.Append("{\"@t\":\"").Append(t).Append("\",\"@mt\":\"Opening {Conn} with Password={Pw}\",\"@m\":")
                .Append(Json($"Opening {line} with Password={pw}")).Append(",\"Conn\":").Append(Json(line))
                .Append(",\"Pw\":").Append(Json(pw)).Append(",\"MachineName\":\"APPSRV02\"}\n");
            string exception = "Microsoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when sending the request to the server. "
                + line + " (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)\n"
                + " ---> System.ComponentModel.Win32Exception (10054): An existing connection was forcibly closed by the remote host.";
            w.Append("{\"@t\":\"").Append(At(3.5 + i, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'")).Append("\",\"@mt\":\"Query failed\",\"@l\":\"Error\",\"@x\":")
                .Append(Json(exception)).Append(",\"MachineName\":\"APPSRV02\"}\n");
        }
        Write(path, Encoding.UTF8.GetBytes(w.ToString()));
    }

    private static void WriteJsonLines(string path)
    {
        var w = new StringBuilder();
        foreach (var (i, line) in Corpus)
            w.Append("{\"time\":\"").Append(At(4 + i, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'")).Append("\",\"level\":\"info\",\"msg\":")
                .Append(Json("settings " + line)).Append("}\n");
        Write(path, Encoding.UTF8.GetBytes(w.ToString()));
    }

    private static string Json(string text) => JsonSerializer.Serialize(text);

    private static void Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public void Dispose() => _folder.Dispose();
}
