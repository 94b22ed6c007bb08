using BenchmarkDotNet.Attributes;
using LogCorrelator.Query.Planning;
using LogCorrelator.Query.Syntax;

namespace LogCorrelator.Bench;

/// <summary>
/// Turning query text into a plan: the Sprache parse (baseline) and parse + plan (scans and join
/// window), per query. Times are per query; everything here runs once per <c>logcorr query</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class QueryPlanningBenchmarks
{
    [Params(
        "errors 10054 after restart within 5m",
        "errors 10054,10053,08S01 after kill within 30s on host",
        "errors not near (restart or kill or failover) within 5m")]
    public string Query { get; set; } = "";

    [Benchmark(Baseline = true)]
    public object Parse() => QueryParser.Parse(Query);

    [Benchmark]
    public object ParseAndPlan() => QueryPlanner.Plan(QueryParser.Parse(Query));
}
