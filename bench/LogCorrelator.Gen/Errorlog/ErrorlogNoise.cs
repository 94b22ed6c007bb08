namespace LogCorrelator.Gen.Errorlog;

/// <summary>
/// The everyday ERRORLOG lines between incidents, by rough share of a busy server's log: audited
/// logins, log backups, DBCC, database options, flush-cache reports and the odd failed login.
/// </summary>
internal static class ErrorlogNoise
{
    private static readonly string[] Databases = ["Orders", "Orders", "Inventory", "Customers", "OrdersArchive", "ReportingStage", "DBA"];
    private static readonly string[] WindowsUsers = [@"CONTOSO\svc-orders", @"CONTOSO\svc-inventory", @"CONTOSO\svc-sqlagent", @"CONTOSO\jdoe", @"CONTOSO\asmith"];
    private static readonly string[] SqlUsers = ["orders_app", "orders_app", "reporting_ro", "inventory_app"];
    private static readonly int[] LoginFailedStates = [8, 8, 5, 38];
    private static readonly string[] Options = ["AUTO_CLOSE", "AUTO_SHRINK", "RECOVERY", "MULTI_USER", "READ_COMMITTED_SNAPSHOT"];

    public static void Write(ErrorlogWriter log, long t)
    {
        var rng = log.Rng;
        int roll = rng.Below(1000);
        if (roll < 400)
        {
            bool windows = rng.Below(3) == 0;
            log.Line(t, "Logon").Text("Login succeeded for user '").Text(windows ? rng.Pick(WindowsUsers) : rng.Pick(SqlUsers))
                .Text("'. Connection made using ").Text(windows ? "Windows" : "SQL Server")
                .Text(" authentication. [CLIENT: 10.20.").Int(rng.Between(1, 4)).Char('.').Int(rng.Between(10, 250)).Char(']').EndLine();
        }
        else if (roll < 650)
        {
            string db = rng.Pick(Databases);
            long lsn = rng.Between(1000, 90000);
            int first = rng.Between(100, 60000);
            log.Line(t, "Backup").Text("Log was backed up. Database: ").Text(db)
                .Text(", creation date(time): 2021/06/14(09:12:33), first LSN: ").Int(lsn).Char(':').Int(first)
                .Text(":1, last LSN: ").Int(lsn).Char(':').Int(first + rng.Between(8, 4000))
                .Text(@":1, number of dump devices: 1, device information: (FILE=1, TYPE=DISK: {'\\BACKUP01\sql\SQLPROD01\").Text(db)
                .Text(@"\LOG\SQLPROD01_").Text(db).Text("_LOG_").CompactStamp(t + ErrorlogWriter.LocalOffsetMs)
                .Text(".trn'}). This is an informational message only. No user action is required.").EndLine();
        }
        else if (roll < 750)
        {
            log.Spid(t, rng.Between(51, 199), false).Text("BACKUP LOG successfully processed ").Int(rng.Between(2, 90000))
                .Text(" pages in ").Int(rng.Between(0, 40)).Char('.').Pad(rng.Below(1000), 3)
                .Text(" seconds (").Int(rng.Between(0, 300)).Char('.').Pad(rng.Below(1000), 3).Text(" MB/sec).").EndLine();
        }
        else if (roll < 800)
        {
            log.Spid(t, rng.Between(51, 199), false).Text("DBCC CHECKDB (").Text(rng.Pick(Databases))
                .Text(@") WITH all_errormsgs, no_infomsgs executed by CONTOSO\svc-sqlagent found 0 errors and repaired 0 errors. Elapsed time: 0 hours ")
                .Int(rng.Between(0, 59)).Text(" minutes ").Int(rng.Between(0, 59))
                .Text(" seconds.  Internal database snapshot has split point LSN = 0002f8a1:00001c40:0001 and first LSN = 0002f8a1:00001c38:0001.").EndLine();
        }
        else if (roll < 850)
        {
            log.Spid(t, rng.Between(51, 199), false).Text("Starting up database '").Text(rng.Pick(Databases)).Text("'.").EndLine();
        }
        else if (roll < 900)
        {
            log.Spid(t, rng.Between(51, 199), false).Text("Setting database option ").Text(rng.Pick(Options))
                .Text(rng.Below(2) == 0 ? " to ON for database '" : " to OFF for database '").Text(rng.Pick(Databases)).Text("'.").EndLine();
        }
        else if (roll < 940)
        {
            log.Spid(t, rng.Between(51, 199), false)
                .Text("Using 'xpstar.dll' version '2019.150.4322' to execute extended stored procedure 'xp_instance_regread'. This is an informational message only; no user action is required.").EndLine();
        }
        else if (roll < 998)
        {
            FlushCache(log, t);
        }
        else
        {
            LoginFailed(log, t);
        }
    }

    /// <summary>A slow checkpoint's report: four timestamped lines from one session.</summary>
    private static void FlushCache(ErrorlogWriter log, long t)
    {
        var rng = log.Rng;
        int spid = rng.Between(9, 30);
        log.Spid(t, spid, true).Text("FlushCache: cleaned up ").Int(rng.Between(1000, 90000)).Text(" bufs with ").Int(rng.Between(100, 9000))
            .Text(" writes in ").Int(rng.Between(500, 9000)).Text(" ms (avoided ").Int(rng.Between(0, 900)).Text(" new dirty bufs) for db ")
            .Int(rng.Between(5, 12)).Text(":0").EndLine();
        log.Spid(t, spid, true).Text("            average writes per second: ").Int(rng.Between(100, 2000)).Char('.').Pad(rng.Below(100), 2).Text(" writes/sec").EndLine();
        log.Spid(t, spid, true).Text("            average throughput:  ").Int(rng.Between(1, 90)).Char('.').Pad(rng.Below(100), 2)
            .Text(" MB/sec, I/O saturation: ").Int(rng.Between(10, 9000)).Text(", context switches ").Int(rng.Between(100, 9000)).EndLine();
        log.Spid(t, spid, true).Text("            last target outstanding: ").Int(rng.Between(2, 400)).Text(", avgWriteLatency ").Int(rng.Between(1, 90)).EndLine();
    }

    private static void LoginFailed(ErrorlogWriter log, long t)
    {
        var rng = log.Rng;
        int state = rng.Pick(LoginFailedStates);
        log.Line(t, "Logon").Text("Error: 18456, Severity: 14, State: ").Int(state).Char('.').EndLine();
        var line = log.Line(t, "Logon").Text("Login failed for user '").Text(state == 5 ? "ordersapp" : "orders_app").Text("'. Reason: ");
        line.Text(state switch
        {
            8 => "Password did not match that for the login provided.",
            5 => "Could not find a login matching the name provided.",
            _ => "Failed to open the explicitly specified database 'OrdersArchive'.",
        });
        line.Text(" [CLIENT: 10.20.1.").Int(rng.Between(10, 250)).Char(']').EndLine();
        log.LoginFailures++;
    }
}
