using System.Diagnostics;

namespace LogCorrelator.Gen;

/// <summary>Writes a deterministic incident corpus and prints what it holds.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--help"] or ["-h"])
        {
            Console.WriteLine(GenArgs.Usage);
            return 0;
        }
        if (!GenArgs.TryParse(args, out var options, out string error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(GenArgs.Usage);
            return 2;
        }
        try
        {
            var clock = Stopwatch.StartNew();
            var report = CorpusGenerator.Generate(options);
            Console.Write(report.ToString());
            Console.Error.WriteLine($"generated in {clock.Elapsed.TotalSeconds:0.00} s");
            return 0;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"cannot write the corpus: {e.Message}");
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            Console.Error.WriteLine($"cannot write the corpus: {e.Message}");
            return 1;
        }
    }
}
