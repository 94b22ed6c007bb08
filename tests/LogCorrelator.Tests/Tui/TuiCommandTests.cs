using System.Diagnostics;
using LogCorrelator.Cli;

namespace LogCorrelator.Tests.Tui;

public sealed class TuiCommandTests : IClassFixture<SampleStore>
{
    private const string NotATerminal = "error: logcorr tui draws on a terminal and stdout is not one; use logcorr query for text output";
    private readonly SampleStore _store;

    public TuiCommandTests(SampleStore store) => _store = store;

    [Fact]
    public void Refuses_to_draw_into_a_writer_that_is_not_the_terminal()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        int code = CliApp.Run(["tui", "--store", _store.Path], output, errors);

        Assert.Equal(2, code);
        Assert.Equal("", output.ToString());
        Assert.Equal(NotATerminal + "\n", errors.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Refuses_with_one_line_and_exit_code_2_when_stdout_is_a_pipe()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in new[] { SampleStore.Binary, "tui", "--store", _store.Path })
            info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        string stdout = p.StandardOutput.ReadToEnd();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();

        Assert.Equal(2, p.ExitCode);
        Assert.Equal("", stdout);
        Assert.Equal(NotATerminal + "\n", stderr);
    }
}
