using BenchmarkDotNet.Attributes;
using LogCorrelator.Query;
using LogCorrelator.Query.Planning;
using LogCorrelator.Query.Syntax;
using LogCorrelator.Store;

namespace LogCorrelator.Bench;

/// <summary>
/// Turning query text into a plan: the Sprache parse (baseline) and parse + check + plan (scans and
/// join window) against an empty store, per query. Times are per query; everything here runs once
/// per <c>logcorr query</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class QueryPlanningBenchmarks
{
    private string _folder = "";
    private EventStore? _store;

    [Params(
        "errors 10054 after restart within 5m",
        "errors 10054,10053,08S01 after kill within 30s on host",
        "errors not near (restart or kill or failover) within 5m")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("logcorr-plan-").FullName;
        _store = EventStore.Open(Path.Combine(_folder, "plan.lcdb"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public object Parse() => QueryParser.Parse(Query);

    [Benchmark]
    public object ParseAndPlan() => QueryPlanner.Plan(_store!, QueryEngine.Compile(Query, QueryOptions.Default), null);
}
