"""incident-failover: a database mirroring failover on SQLPROD01; one app logs Pacific time without an offset, so the folder needs --tz."""

from ..appframes import api_frames, mvc_frames
from ..clock import D, T
from ..connstrings import kv
from ..drivers.sqlclient import sqlclient_exception, sqlclient_open_failure
from ..formats.applog import AppLog
from ..formats.errorlog import Backups, checkdb, Cursor, cycle_header, ErrorLog, flushcache, login_failed, Server, SQL2019
from ..incident import Incident
from ..noise import aspnet_noise, fill, null_reference, pick


def mvc_noise(rng):
    oid = rng.randint(40000, 99999)
    th = str(rng.choice([23, 27, 31, 41, 44]))
    return pick(rng, [
        (45, ("INFO", "Orders.Web.Controllers.OrdersController", th, "GET /orders/details/%d 200 in %d ms" % (oid, rng.randint(9, 300)))),
        (25, ("DEBUG", "Orders.Web.Data.OrderQueries", th, "OrderLines(%d) returned %d rows" % (oid, rng.randint(1, 30)))),
        (10, ("INFO", "Orders.Web.Controllers.CartController", th, "POST /cart/checkout 302 in %d ms" % rng.randint(80, 900))),
        (3, ("WARN", "Orders.Web.Controllers.OrdersController", th, "GET /orders/export took %d ms" % rng.randint(3000, 9000))),
    ])


def build():
    inc = Incident("incident-failover", 2202)
    rng = inc.rng
    p1 = Server("SQLPROD01", SQL2019, -300, "Enterprise Edition: Core-based Licensing (64-bit)",
                "Windows Server 2019 Datacenter 10.0 <X64> (Build 17763: ) (Hypervisor)", 3120, "CORP\\svc-sqlprod01")
    p2 = Server("SQLPROD02", SQL2019, -360, "Enterprise Edition: Core-based Licensing (64-bit)",
                "Windows Server 2019 Datacenter 10.0 <X64> (Build 17763: ) (Hypervisor)", 2988, "CORP\\svc-sqlprod02")
    e1 = inc.add(ErrorLog("SQLPROD01/ERRORLOG", p1))
    e2 = inc.add(ErrorLog("SQLPROD02/ERRORLOG", p2))
    cycle_header(e1, T("2024-02-27 05:00:00.370"), 63)
    cycle_header(e2, T("2024-02-27 06:00:00.520"), 58)
    b1 = Backups(e1, rng, "\\\\bkp01\\sqlbackup\\SQLPROD01", [("Orders", "2020/09/08(22:41:17)", 771020),
                                                             ("DBAdmin", "2020/09/08(21:02:44)", 1203)])
    b1.schedule_logs(T("2024-02-27 05:30:00"), T("2024-02-27 19:00:00"), 30, ["Orders"])
    b1.schedule_logs(T("2024-02-27 06:00:00"), T("2024-02-27 21:00:00"), 120, ["DBAdmin"])
    b2 = Backups(e2, rng, "\\\\bkp02\\sqlbackup\\SQLPROD02", [("Orders", "2020/09/08(22:41:17)", 771020 + 4410),
                                                             ("DBAdmin", "2020/09/09(10:15:02)", 988)])
    b2.db["Orders"] = b1.db["Orders"]   # one log chain: the new principal continues it
    b2.schedule_logs(T("2024-02-27 07:00:00"), T("2024-02-27 21:00:00"), 120, ["DBAdmin"])
    b2.schedule_logs(T("2024-02-27 19:30:00"), T("2024-02-27 21:00:00"), 30, ["Orders"])
    checkdb(e1, T("2024-02-27 09:06:41.220"), 77, "DBAdmin", "CORP\\svc-sqlagent", 0, 3, rng)
    flushcache(e1, T("2024-02-27 14:44:02.910"), 17, 6, rng)
    login_failed(e1, T("2024-02-27 16:58:20.660"), "report_ro", 8, "10.20.6.12")

    role1 = inc.ev("failover", 'The mirrored database "Orders" is changing roles from "PRINCIPAL" to "MIRROR" due to Failover.',
                   "manual failover, principal side")
    c = Cursor(T("2024-02-27 19:05:41.280"))
    e1.add(c.at(), "spid41s", 'The mirrored database "Orders" is changing roles from "PRINCIPAL" to "MIRROR" due to Failover.', mark=role1)
    e1.add(c.at(30), "spid41s", "Starting up database 'Orders'.")
    e1.add(c.at(350), "spid41s", "Bypassing recovery for database 'Orders' because it is marked as a mirror database, which cannot be "
           "recovered. This is an informational message only. No user action is required.")
    e1.add(c.at(40), "spid41s", "Database mirroring is active with database 'Orders' as the mirror copy. This is an informational message "
           "only. No user action is required.")
    lf = inc.ev("login-failed", "Failed to open the explicitly specified database 'Orders'.", "APPSRV03 logging in to the new mirror")
    login_failed(e1, T("2024-02-27 19:05:43.120"), "CORP\\svc-orders", 38, "10.20.4.31", db="Orders", mark=lf)
    role2 = inc.ev("failover", 'The mirrored database "Orders" is changing roles from "MIRROR" to "PRINCIPAL" due to Failover from partner.',
                   "the same failover, partner side")
    c = Cursor(T("2024-02-27 19:05:41.620"))
    e2.add(c.at(), "spid38s", 'The mirrored database "Orders" is changing roles from "MIRROR" to "PRINCIPAL" due to Failover from partner.',
           mark=role2)
    e2.add(c.at(80), "spid38s", "Starting up database 'Orders'.")
    e2.add(c.at(2180), "spid38s", "Recovery is writing a checkpoint in database 'Orders' (6). This is an informational message only. No user "
           "action is required.")
    e2.add(c.at(20), "spid38s", "Database mirroring is active with database 'Orders' as the principal copy. This is an informational message "
           "only. No user action is required.")
    e2.add(c.at(120), "spid38s", "Recovery completed for database Orders (database ID 6) in 2 second(s) (analysis 14 ms, redo 1840 ms, undo "
           "21 ms.) This is an informational message only. No user action is required.")

    # APPSRV03: .NET Framework MVC site, log4net with plain %date: Pacific local time, no offset anywhere in the file.
    w = inc.add(AppLog("APPSRV03/Logs/Orders.Web.log", "log4net", -480, show_offset=False,
                       clock=("log4net `%date` (ISO8601, local)", "**no**: Pacific Standard Time, UTC-08:00",
                              "`--tz 'APPSRV03/**=Pacific Standard Time'`")))
    start, stop = T("2024-02-27 15:30:00"), T("2024-02-27 19:40:00")
    w.log(T("2024-02-27 15:30:02.114"), "INFO", "Orders.Web.MvcApplication", "Application started (app pool recycle); connection 'Orders': "
          + kv(("Data Source", "SQLPROD01"), ("Failover Partner", "SQLPROD02"), ("Initial Catalog", "Orders"),
               ("Integrated Security", "True"), ("Connect Timeout", "15")), thread="1")
    fill(w, rng, start + D(seconds=5), stop, 24, mvc_noise)
    inc.error(w, T("2024-02-27 16:12:09.731"), "Orders.Web.Controllers.OrdersController", "GET /orders/details/58102 failed",
              sqlclient_exception("System", 10054, inc.guid(), mvc_frames("OrderQueries.Lines(Int32 orderId)", 61)), "APPSRV03", 10054,
              thread="27", note="a lone reset three hours before the failover")
    for t, oid, th in (("19:05:42.402", 61877, "41"), ("19:05:47.660", 61902, "23"), ("19:05:58.019", 59811, "31"),
                       ("19:06:31.544", 62004, "44")):
        inc.error(w, T("2024-02-27 " + t), "Orders.Web.Controllers.OrdersController", "GET /orders/details/%d failed" % oid,
                  sqlclient_exception("System", 10054, inc.guid(), mvc_frames("OrderQueries.Lines(Int32 orderId)", 61)), "APPSRV03",
                  10054, explained=("failover", role1), thread=th)
    inc.error(w, T("2024-02-27 19:05:43.215"), "Orders.Web.Controllers.CartController", "POST /cart/checkout failed to open a connection",
              sqlclient_open_failure("System", 4060, inc.guid(), ["at Orders.Web.Data.Db.Open() in C:\\build\\orders-web\\src\\Orders.Web\\Data\\Db.cs:line 22",
                                                                  "at Orders.Web.Controllers.CartController.Checkout(CheckoutModel model) in "
                                                                  "C:\\build\\orders-web\\src\\Orders.Web\\Controllers\\CartController.cs:line 88"]),
              "APPSRV03", 4060, thread="23",
              not_network="4060 Cannot open database, 1.9 s after the failover: the server answered, the database was not open yet")

    # APPSRV01: .NET 6 API, Serilog in UTC with the offset written.
    a = inc.add(AppLog("APPSRV01/Logs/orders-api-20240227.log", "serilog", 0,
                       clock=("Serilog `yyyy-MM-dd HH:mm:ss.fff zzz`", "yes (+00:00)", "each timestamp")))
    fill(a, rng, T("2024-02-27 17:00:00"), T("2024-02-27 19:40:00"), 16, aspnet_noise)
    inc.error(a, T("2024-02-27 17:40:12.300"), "", "Failed executing GET /api/reports/daily",
              sqlclient_exception("Microsoft", -2, inc.guid(), api_frames("DailyReportAsync(DateOnly day, CancellationToken ct)", 112)),
              "APPSRV01", -2, not_network="a command timeout (-2) of a slow report, two hours earlier")
    for t, oid in (("19:05:44.129", 61880), ("19:05:51.874", 61911)):
        inc.error(a, T("2024-02-27 " + t), "", "Failed executing GET /api/orders/%d" % oid,
                  sqlclient_exception("Microsoft", 10054, inc.guid(), api_frames("GetAsync(Int32 id, CancellationToken ct)", 57)),
                  "APPSRV01", 10054, explained=("failover", role1))
    inc.not_error(a, T("2024-02-27 18:22:05.118"), "ERROR", "", "Unhandled exception while processing POST /api/orders/60447/notes",
                  null_reference("Orders.Api"), "a NullReferenceException in a controller: not a SQL error")

    inc.cause = 'failover (database mirroring: "Orders" changed roles PRINCIPAL to MIRROR on SQLPROD01 at 19:05:41.28Z)'
    inc.needs_tz = "yes: `--tz 'APPSRV03/**=Pacific Standard Time'` (or `-08:00`, `America/Los_Angeles`)"
    inc.story = ("Tuesday 2024-02-27. A DBA failed the mirrored database Orders over from SQLPROD01 (New York, UTC-5) to SQLPROD02 "
                 "(Dallas, UTC-6) at 19:05:41Z for Windows patching. Both partners log the role change, each in its own local time. "
                 "The MVC site on APPSRV03 (Los Angeles) writes log4net's default `%date`: local time with no offset at all, so this "
                 "folder needs `--tz` for APPSRV03. The .NET 6 API on APPSRV01 logs UTC with the offset.")
    inc.verdict = ("With the --tz above, `errors near failover within 2m` returns the six transport errors marked failover below; "
                   "the 4060 is the failover's doing too but a database-availability error, not a network one (it lands apart, with "
                   "the failover named); the two others are unrelated. Without it APPSRV03's entries are taken as UTC and land eight hours early (11:05Z), so only "
                   "APPSRV01's two errors are explained (2 of 9) and the report must show APPSRV03's clock as assumed.")
    inc.traps = [
        "APPSRV03/Logs/Orders.Web.log has no offset: its `2024-02-27 11:05:42,402` is 19:05:42.402Z. Read as UTC, it is 8 h off.",
        "One failover, two evidence lines: SQLPROD01's PRINCIPAL to MIRROR (local 14:05:41.28) and SQLPROD02's MIRROR to PRINCIPAL "
        "(local 13:05:41.62, 0.34 s later by its own clock). Counting them as two failovers is wrong.",
        "The 4060 `Cannot open database \"Orders\"` on APPSRV03 is caused by the failover (its login reached the new mirror; "
        "SQLPROD01 logged 18456 state 38 for it at the same second), but it is not a network error: it lands as not network, "
        "1.9 s after the failover, not in the failover's count (issue 16).",
        "The -2 timeout on APPSRV01 at 17:40Z and the reset on APPSRV03 at 16:12Z are not near the failover.",
        "SQLPROD01's and SQLPROD02's ERRORLOGs start with the nightly sp_cycle_errorlog header (banner from a user spid, `The error "
        "log has been reinitialized`), not with a restart.",
    ]
    return inc


def write(out):
    return build().write(out)
