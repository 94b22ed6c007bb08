"""incident-mixed: SQLPROD07 restarted by Windows Update and a janitor's kills later; each explains some errors."""

from ..appframes import JAVA_ORDERS
from ..clock import T
from ..connstrings import kv, SECRET_BILLING
from ..drivers.jdbc import jdbc_refused, jdbc_reset, jtds_write_error
from ..drivers.sqlclient import sqlclient_exception
from ..formats.applog import AppLog
from ..formats.errorlog import Backups, checkdb, cycle_header, ErrorLog, login_failed, Server, shutdown_block, SQL2022, startup_block
from ..incident import Incident
from ..noise import fill, pick, spring_noise, sprinkle


def sync_noise(rng):
    return pick(rng, [
        (50, ("INFO", "", "", "Sync cycle finished: %d orders, %d lines in %d ms" % (rng.randint(0, 50), rng.randint(0, 500), rng.randint(40, 2400)))),
        (35, ("DEBUG", "", "", "Fetched %d changes from channel %s" % (rng.randint(0, 80), rng.choice(["web", "pos", "marketplace"])))),
    ])


def billing_batch_noise(rng):
    n = rng.randint(0, 30)
    return ("INFO", "c.e.billing.InvoiceJob", "pool-2-thread-1", "InvoiceJob run: %d invoices pending, %d posted in %d ms"
            % (n, n, rng.randint(40, 1900)))


def build():
    inc = Incident("incident-mixed", 8808)
    rng = inc.rng
    args = ("Standard Edition (64-bit)", "Windows Server 2022 Standard 10.0 <X64> (Build 20348: ) (Hypervisor)")
    old = Server("SQLPROD07", SQL2022, 330, args[0], args[1], 7408, "CORP\\svc-sqlprod07")
    new = Server("SQLPROD07", SQL2022, 330, args[0], args[1], 2216, "CORP\\svc-sqlprod07")
    e1 = inc.add(ErrorLog("SQLPROD07/ERRORLOG.1", old))
    e0 = inc.add(ErrorLog("SQLPROD07/ERRORLOG", new))
    cycle_header(e1, T("2024-03-03 18:30:00.580"), 66)
    b1 = Backups(e1, rng, "\\\\bkp01\\sqlbackup\\SQLPROD07", [("Orders", "2021/01/25(12:00:41)", 551092), ("Billing", "2021/01/25(12:03:19)", 90412)])
    b1.full(T("2024-03-03 21:30:44.210"), "Orders", 1733019)
    b1.schedule_logs(T("2024-03-03 19:00:00"), T("2024-03-04 03:30:00"), 30, ["Orders"])
    b1.schedule_logs(T("2024-03-03 19:00:00"), T("2024-03-04 03:30:00"), 120, ["Billing"])
    checkdb(e1, T("2024-03-03 22:10:05.640"), 71, "Billing", "CORP\\svc-sqlagent", 2, 48, rng)
    shut = inc.ev("shutdown", "SQL Server is terminating because of a system shutdown.", "Windows Update reboot")
    shutdown_block(e1, T("2024-03-04 03:40:02.310"), "system", mark=shut)
    restart = inc.ev("restart", "Microsoft SQL Server 2022 (RTM-CU11)", "startup after the reboot")
    ready = inc.ev("ready", "SQL Server is now ready for client connections.")
    startup_block(e0, T("2024-03-04 03:40:31.050"), [("Orders", 5, "2024-03-03 03:12:40.017"), ("Billing", 6, None)], 7408,
                  T("2024-03-04 03:40:02"), 13660, restart_mark=restart, ready_mark=ready)
    b0 = Backups(e0, rng, "\\\\bkp01\\sqlbackup\\SQLPROD07", [])
    b0.db = b1.db
    b0.schedule_logs(T("2024-03-04 04:00:00"), T("2024-03-04 06:30:00"), 30, ["Orders"])
    login_failed(e0, T("2024-03-04 04:31:55.020"), "etl_reader", 8, "10.80.3.40")
    kills = {}
    for spid, t in ((142, "05:12:08.170"), (151, "05:12:08.190")):
        text = "Process ID %d was killed by hostname APPSRV11, host process ID 7720." % spid
        kills[spid] = inc.ev("kill", text)
        e0.add(T("2024-03-04 " + t), "spid55", text, mark=kills[spid])

    # APPSRV09: Java 17 on Linux, Spring Boot + HikariCP + mssql-jdbc, logback +05:30, LF.
    j = inc.add(AppLog("APPSRV09/Logs/orders-api.log", "logback", 330, newline="\n",
                       clock=("logback `%d{yyyy-MM-dd HH:mm:ss.SSS XXX}`", "yes (+05:30)", "each timestamp")))
    fill(j, rng, T("2024-03-04 02:30:00"), T("2024-03-04 03:40:02"), 40, spring_noise)
    fill(j, rng, T("2024-03-04 03:40:50"), T("2024-03-04 06:30:00"), 40, spring_noise)
    sql = "select o.id, o.status, o.total from orders o where o.customer_id = ?"
    for t, cust in (("03:40:02.644", 31877), ("03:40:03.107", 12044)):
        inc.error(j, T("2024-03-04 " + t), "c.e.orders.web.OrderController", "GET /orders?customer=%d failed" % cust,
                  jdbc_reset(inc.guid(), sql, JAVA_ORDERS), "APPSRV09", "-", "08S01", explained=("restart", restart),
                  thread="http-nio-8080-exec-%d" % rng.randint(1, 10))
    inc.error(j, T("2024-03-04 03:40:33.212"), "c.e.orders.web.OrderController", "GET /orders?customer=27710 failed",
              jdbc_refused("sqlprod07.corp.example.in", JAVA_ORDERS), "APPSRV09", "-", "08S01", explained=("restart", restart),
              thread="http-nio-8080-exec-4")
    inc.not_error(j, T("2024-03-04 03:40:44.950"), "WARN", "com.zaxxer.hikari.pool.PoolBase",
                  "HikariPool-1 - Failed to validate connection ConnectionID:7 ClientConnectionId: %s (The connection is closed.). "
                  "Possibly consider using a shorter maxLifetime value." % inc.guid(), [],
                  "HikariCP discarding a dead pooled connection: a warning, no request failed", thread="http-nio-8080-exec-2")
    inc.error(j, T("2024-03-04 04:58:41.090"), "c.e.orders.web.OrderController", "GET /orders?customer=40391 failed",
              jdbc_reset(inc.guid(), sql, JAVA_ORDERS), "APPSRV09", "-", "08S01", thread="http-nio-8080-exec-6",
              note="78 min after the restart, 13 min before the kill")

    # APPSRV10: Java 8 on Windows, jTDS + DBCP2 without validation, logback ISO timestamps in UTC ('Z').
    k = inc.add(AppLog("APPSRV10/logs/billing-batch.log", "logback", 0, iso=True,
                       clock=("logback `%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}`", "yes (`Z`)", "each timestamp")))
    k.log(T("2024-03-04 02:30:00.211"), "INFO", "c.e.billing.BillingBatch", "Starting BillingBatch 4.0.3 (jTDS 1.3.1, commons-dbcp2 2.9.0, "
          "Java 1.8.0_391)", thread="main")
    k.log(T("2024-03-04 02:30:00.540"), "INFO", "c.e.billing.BillingBatch", "DataSource url=jdbc:jtds:sqlserver://sqlprod07.corp.example.in:"
          "1433/Billing;" + kv(("user", "billing"), ("password", SECRET_BILLING), ("socketTimeout", "0")), thread="main",
          mark=inc.secret("password"))
    fill(k, rng, T("2024-03-04 02:31:00"), T("2024-03-04 06:30:00"), 75, billing_batch_noise)
    jframes = ["at com.example.billing.InvoiceRepository.pendingInvoices(InvoiceRepository.java:77)",
               "at com.example.billing.InvoiceJob.run(InvoiceJob.java:52)"]
    for t in ("03:41:12.330", "03:43:50.412"):
        inc.error(k, T("2024-03-04 " + t), "c.e.billing.InvoiceJob", "InvoiceJob run failed", jtds_write_error(jframes), "APPSRV10",
                  "-", "08S01", explained=("restart", restart), thread="pool-2-thread-1")
    inc.error(k, T("2024-03-04 05:12:10.005"), "c.e.billing.InvoiceJob", "InvoiceJob run failed", jtds_write_error(jframes), "APPSRV10",
              "-", "08S01", thread="pool-2-thread-1", note="1.8 s after the kill, but the kill was APPSRV11's")

    # APPSRV11: .NET 8 order sync service (process 7720) with a session janitor; Serilog +01:00.
    a = inc.add(AppLog("APPSRV11/Logs/orders-sync-20240304.log", "serilog", 60,
                       clock=("Serilog `yyyy-MM-dd HH:mm:ss.fff zzz`", "yes (+01:00)", "each timestamp")))
    fill(a, rng, T("2024-03-04 02:00:00"), T("2024-03-04 06:30:00"), 40, sync_noise)
    for t in sprinkle(rng, T("2024-03-04 02:00:00"), T("2024-03-04 06:30:00"), 300):
        a.log(t, "INFO", "", "Session janitor: 0 orphaned sessions")
    sframes = ["at Orders.Sync.Data.ChangeStore.Apply(ChangeBatch batch) in D:\\a\\1\\s\\src\\Orders.Sync\\Data\\ChangeStore.cs:line 91",
               "at Orders.Sync.SyncService.RunCycle(CancellationToken ct) in D:\\a\\1\\s\\src\\Orders.Sync\\SyncService.cs:line 58"]
    inc.error(a, T("2024-03-04 02:15:44.660"), "", "Sync cycle failed on channel marketplace",
              sqlclient_exception("Microsoft", -2, inc.guid(), sframes), "APPSRV11", -2, not_network="a command timeout (-2) an hour before the restart")
    for t in ("03:40:47.215", "03:41:05.880"):
        inc.error(a, T("2024-03-04 " + t), "", "Sync cycle failed on channel web",
                  sqlclient_exception("Microsoft", 10054, inc.guid(), sframes, op="nonquery"), "APPSRV11", 10054,
                  explained=("restart", restart))
    a.log(T("2024-03-04 05:12:08.101"), "WARN", "", "Session janitor: killing orphaned session 142 (host APPSRV11, idle 00:41:10, open transaction)")
    a.log(T("2024-03-04 05:12:08.122"), "WARN", "", "Session janitor: killing orphaned session 151 (host APPSRV11, idle 00:38:52, open transaction)")
    a.log(T("2024-03-04 05:12:08.230"), "INFO", "", "Session janitor: killed 2 sessions")
    for t, spid in (("05:12:09.402", 142), ("05:12:15.077", 151)):
        inc.error(a, T("2024-03-04 " + t), "", "Sync cycle failed on channel pos (SPID %d)" % spid,
                  sqlclient_exception("Microsoft", 10054, inc.guid(), sframes, op="nonquery"), "APPSRV11", 10054,
                  explained=("kill", kills[spid]))
    inc.not_error(a, T("2024-03-04 04:05:12.004"), "ERROR", "", "Unhandled exception in sync cycle; the cycle will be retried",
                  ["System.NullReferenceException: Object reference not set to an instance of an object.",
                   "   at Orders.Sync.Mapping.MarketplaceMapper.Map(MarketplaceOrder order) in D:\\a\\1\\s\\src\\Orders.Sync\\Mapping\\MarketplaceMapper.cs:line 23",
                   "   at Orders.Sync.SyncService.RunCycle(CancellationToken ct) in D:\\a\\1\\s\\src\\Orders.Sync\\SyncService.cs:line 52"],
                  "a NullReferenceException in a mapper: not a SQL error")

    inc.cause = "restart and kill (SQLPROD07 rebooted at 03:40Z; APPSRV11's janitor killed sessions 142 and 151 at 05:12Z)"
    inc.story = ("Monday 2024-03-04, SQLPROD07 in Pune (UTC+05:30). Windows Update reboots the server at 03:40:02Z "
                 "(ERRORLOG.1 ends with `SQL Server is terminating because of a system shutdown`); SQL Server is back at 03:40:31Z and "
                 "ready at 03:40:44Z (ERRORLOG starts with the startup block). Ninety minutes later the order-sync service on APPSRV11 "
                 "(process 7720) kills two of its own orphaned sessions. Three apps log errors: Java/mssql-jdbc on APPSRV09, "
                 "Java/jTDS on APPSRV10, .NET/Microsoft.Data.SqlClient on APPSRV11.")
    inc.verdict = ("The restart explains 7 errors (03:40:02Z to 03:43:50Z on APPSRV09, APPSRV10 and APPSRV11; two of them fail while "
                   "the server is shutting down, before the startup banner), the kill explains 2 (APPSRV11, 05:12:09Z and 05:12:15Z), "
                   "and 3 are explained by neither: the 02:15Z timeout on APPSRV11, the 04:58Z reset on APPSRV09 and the 05:12:10Z "
                   "reset on APPSRV10 (same seconds as the kill, different host).")
    inc.traps = [
        "Two APPSRV09 errors (03:40:02.644Z, 03:40:03.107Z) come before the restart banner: they are in-flight queries cut by the "
        "shutdown logged at the end of ERRORLOG.1. `near restart within 5m` catches them, `after restart` does not.",
        "APPSRV09's 03:40:33Z error is HikariCP giving up after 30 s: a connection-open failure (`Connection refused`) while "
        "SQL Server was down.",
        "APPSRV10's 05:12:10Z error is 1.8 s after the kill but on another host: not the kill's.",
        "ERRORLOG.1 has no startup block: its UTC adjustment comes from its own cycle header (and matches ERRORLOG's).",
        "The ERRORLOG's positive offset is written `UTC adjustment: 5:30`; APPSRV10 writes `Z`, APPSRV09 `+05:30`, APPSRV11 `+01:00`.",
        "HikariCP's `Failed to validate connection` WARN at 03:40:44Z is not a client error.",
    ]
    return inc


def write(out):
    return build().write(out)
