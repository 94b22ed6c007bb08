using LogCorrelator.Ingest;
using LogCorrelator.Query;
using LogCorrelator.Query.Saved;
using LogCorrelator.Store;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Query.Sample;

/// <summary>
/// sample-logs/incident-restart ingested by the real formats into a temporary store, with the
/// built-in saved queries of grammars/queries. In UTC: client errors on APPSRV01 at 10:15:00.250
/// (10054), 11:28:41.337 (-2, a timeout), 11:29:30.118, 11:32:06.480, 11:32:07.112, 11:32:09.950,
/// 11:32:31.004, 11:33:02.771, 11:47:23.015 and 11:47:24.502 (10054); on SQLPROD01 a shutdown at
/// 11:31:50.120, error 17054 at 11:31:50.760 (ERRORLOG.1), a restart at 11:32:04.310 and ready at
/// 11:32:15.880 (ERRORLOG), a KILL of spid 87 by APPSRV01 at 11:47:22.400, failed logins from
/// 10.20.1.77 at 10:58:13.270 and 10.20.1.92 at 12:05:41.030; earlier days: a restart on 03-01
/// at 07:10:44.190, a failed login from 10.20.1.131 on 03-02 at 14:14:37.660, error 17830 from
/// 10.20.1.40 on 03-03 at 19:22:09.580. The newest event is a backup line at 19:05:03.140 on 03-05.
/// </summary>
public sealed class SampleIncident : IDisposable
{
    private readonly TempFolder _folder = new();

    public SampleIncident()
    {
        Store = EventStore.Open(Path.Combine(_folder.Path, "sample.lcdb"));
        foreach (var result in new IngestRunner(Store, new IngestOptions()).Run([RepoPaths.File("sample-logs/incident-restart")]))
        {
            if (result.Outcome != FileOutcome.Ingested)
                throw new InvalidOperationException($"{result.RelativePath}: {result.Outcome} {result.Reason}");
        }
        Library = QueryLibrary.Load(RepoPaths.File("grammars/queries"), null);
    }

    public EventStore Store { get; }

    public QueryLibrary Library { get; }

    public QueryResult Run(string query, QueryOptions? options = null) =>
        QueryEngine.Run(Store, query, options ?? new QueryOptions { Library = Library });

    public void Dispose()
    {
        Store.Dispose();
        _folder.Dispose();
    }
}
