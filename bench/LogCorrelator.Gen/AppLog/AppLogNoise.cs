namespace LogCorrelator.Gen.AppLog;

/// <summary>An order API's everyday lines: requests, EF commands, orders, health checks, cache refreshes, slow requests.</summary>
internal static class AppLogNoise
{
    private static readonly string[] Verbs = ["GET", "GET", "GET", "POST", "PUT"];

    /// <summary>What the service logs when it starts, the connection string (with its password) included.</summary>
    /// <summary>Returns the time of the last startup line.</summary>
    public static long Startup(AppLogWriter log, long t)
    {
        log.Line(t, "INF").Text("Starting Orders.Api 3.4.1 on APPSRV01 (pid 4412)").EndLine();
        log.Line(t + 212, "INF").Text("Using connection string \"Server=tcp:SQLPROD01,1433;Database=Orders;User Id=orders_app;Password=S3cr3t!;Max Pool Size=200\"").EndLine();
        log.Line(t + 655, "INF").Text("Now listening on: http://0.0.0.0:5000").EndLine();
        log.Line(t + 657, "INF").Text("Application started. Press Ctrl+C to shut down.").EndLine();
        return t + 657;
    }

    public static void Write(AppLogWriter log, long t)
    {
        var rng = log.Rng;
        int roll = rng.Below(1000);
        if (roll < 450)
        {
            log.Line(t, "INF").Text("HTTP ").Text(rng.Pick(Verbs)).Text(" /api/orders/").Int(rng.Between(100_000, 999_999))
                .Text(" responded ").Int(rng.Below(50) == 0 ? 404 : 200).Text(" in ").Int(rng.Between(1, 400)).Char('.').Pad(rng.Below(10_000), 4).Text(" ms").EndLine();
        }
        else if (roll < 650)
        {
            log.Line(t, "DBG").Text("Executed DbCommand (").Int(rng.Between(0, 90))
                .Text("ms) [Parameters=[@__id_0='?' (DbType = Int32)], CommandType='Text', CommandTimeout='30']").EndLine();
        }
        else if (roll < 750)
        {
            log.Line(t, "INF").Text("Order ").Int(rng.Between(100_000, 999_999)).Text(" placed for customer ").Int(rng.Between(1000, 99_999))
                .Text(" (").Int(rng.Between(1, 12)).Text(" lines, total ").Int(rng.Between(5, 4000)).Char('.').Pad(rng.Below(100), 2).Text(" EUR)").EndLine();
        }
        else if (roll < 850)
        {
            log.Line(t, "DBG").Text("Health check sql completed with status Healthy in ").Int(rng.Between(1, 40)).Char('.').Int(rng.Below(10)).Text(" ms").EndLine();
        }
        else if (roll < 930)
        {
            log.Line(t, "INF").Text("Cache refreshed: ").Int(rng.Between(2000, 9000)).Text(" products, ").Int(rng.Between(10, 90))
                .Text(" price lists in ").Int(rng.Between(20, 900)).Text(" ms").EndLine();
        }
        else if (roll < 990)
        {
            log.Line(t, "WRN").Text("Slow request GET /api/orders/search?customer=").Int(rng.Between(1000, 99_999))
                .Text(" took ").Int(rng.Between(2000, 9000)).Text(" ms").EndLine();
        }
        else
        {
            log.Line(t, "WRN").Text("Payment gateway answered 503 for order ").Int(rng.Between(100_000, 999_999))
                .Text(", retry ").Int(rng.Between(1, 2)).Text(" of 3 in 500 ms").EndLine();
        }
    }
}
