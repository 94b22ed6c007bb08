using BenchmarkDotNet.Running;

namespace LogCorrelator.Bench;

/// <summary>Runs the benchmarks chosen by <c>--filter</c>, or <c>query-scale</c>, <c>scale-store N FOLDER</c>, <c>read-rate</c>, <c>browse STORE</c> (see bench/README.md).</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        // The scale comparison builds its own stores and prints its own table; BenchmarkDotNet's
        // repeated launches would rebuild a 10M-event store each time.
        if (args.Length > 0 && args[0] == "query-scale")
            return QueryScale.QueryScaleRun.Run(args[1..]);
        if (args.Length == 3 && args[0] == "scale-store")
        {
            // A store of N events through the store's own writer, for the TUI's first-frame measurement.
            var built = QueryScale.ScaleStore.Create(args[2], long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), seed: 42);
            Console.WriteLine(built.Path);
            return 0;
        }
        if (args.Length > 1 && args[0] == "browse")
            return BrowseRate.Run(args[1..]);
        if (args.Length > 0 && args[0] == "read-rate")
            return ReadRate.Run(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
