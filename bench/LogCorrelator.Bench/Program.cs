using BenchmarkDotNet.Running;

namespace LogCorrelator.Bench;

/// <summary>Runs the benchmarks chosen by <c>--filter</c> (see bench/README.md).</summary>
internal static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
