using LogCorrelator.Cli.Output.Diagnose;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>A small report view, written out by hand, for the renderers' tests.</summary>
internal static class SomeViews
{
    public static DiagnosisView Restart(string title = "incident-x", string message = "Microsoft SQL Server 2019 (RTM-CU22)") => new(
        title,
        "3 client errors from APP01, 2024-03-05 11:32:06 to 11:40:00 UTC",
        "10054 ×3 (transport)",
        [
            new CauseView(1, "restart", "SQL Server restarted or shut down", 2, 3, 0.9,
                "2 of 3 errors 10054 between 11:32:06 and 11:33:02 follow the restart at 11:32:04 by 2–58 s",
                [
                    new EvidenceRow("11:32:04.310", "restart", false, "SQL01/ERRORLOG:1", message, null),
                    new EvidenceRow("11:32:06.480", "error 10054", true, "APP01/app.log:449", "A transport-level error has occurred.", null),
                ],
                "Make the application retry.", "seed 001_af0529c4daf1ffa3.txt; rule query: errors after (restart or shutdown) within 5m", null, null),
        ],
        null,
        "Not explained: 1 of 3 errors",
        [new GroupRow("10054", "APP01", "transport", 1, "11:40:00.000")],
        null,
        [],
        [],
        ["APP01's clock runs 1 h ahead of SQL01's."],
        [],
        "Ranked by errors explained, then confidence; an error two causes explain counts for both.",
        new TimelineView(new DateTimeOffset(2024, 3, 5, 11, 31, 0, TimeSpan.Zero), 60,
        [
            new TimelineBucket(new DateTimeOffset(2024, 3, 5, 11, 31, 0, TimeSpan.Zero), new Dictionary<string, int>()),
            new TimelineBucket(new DateTimeOffset(2024, 3, 5, 11, 32, 0, TimeSpan.Zero), new Dictionary<string, int> { ["restart"] = 2 }),
            new TimelineBucket(new DateTimeOffset(2024, 3, 5, 11, 33, 0, TimeSpan.Zero), new Dictionary<string, int> { ["unexplained"] = 1 }),
        ],
        ["restart", "unexplained"],
        [new TimelineMarker(new DateTimeOffset(2024, 3, 5, 11, 32, 4, 310, TimeSpan.Zero), "restart", "restart 11:32:04")]),
        "Every client error: 2 explained, 0 not network errors, 1 unexplained",
        [
            new AccountRow("11:32:06.480", "10054", "APP01", "restart", "2.17 s after the restart at 11:32:04 (SQL01/ERRORLOG:1)", "APP01/app.log:449"),
            new AccountRow("11:32:07.112", "10054", "APP01", "restart", "2.80 s after the restart at 11:32:04 (SQL01/ERRORLOG:1)", "APP01/app.log:496"),
            new AccountRow("11:40:00.000", "10054", "APP01", "unexplained",
                "no rule applies; closest, restart: nearest restart 7 min earlier (SQL01/ERRORLOG:1); it needs one at most 5 min before it", "APP01/app.log:900"),
        ]);
}
