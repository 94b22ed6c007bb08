"""incident-no-cause: transport errors that nothing in the folder explains, beside server events that look like causes."""

from ..appframes import api_frames
from ..clock import D, T
from ..connstrings import kv, SECRET_INVSYNC
from ..drivers.pyodbc import py_traceback
from ..drivers.sqlclient import sqlclient_exception
from ..formats.applog import AppLog
from ..formats.errorlog import Backups, checkdb, cycle_header, ErrorLog, flushcache, login_failed, long_io, Server, SQL2019, startup_block
from ..incident import Incident
from ..noise import fill, pick


def inventory_noise(rng):
    sku = rng.randint(100000, 999999)
    ms = rng.uniform(2, 90)
    return pick(rng, [
        (50, ("INFO", "", "", "HTTP GET /api/stock/%d responded 200 in %.4f ms" % (sku, ms))),
        (20, ("INFO", "", "", "HTTP PUT /api/stock/%d/reserve responded 204 in %.4f ms" % (sku, ms * 2))),
        (20, ("DEBUG", "", "", "Stock for %d read from replica cache (age %d s)" % (sku, rng.randint(0, 30)))),
    ])


def invsync_noise(rng):
    wh = rng.choice(["PHX1", "PHX2", "TUS1"])
    return pick(rng, [
        (60, ("INFO", "inventory.sync", "", "warehouse %s: %d stock changes applied in %dms" % (wh, rng.randint(0, 400), rng.randint(20, 3000)))),
        (30, ("DEBUG", "inventory.db", "", "fetch_changes(%s) returned %d rows" % (wh, rng.randint(0, 400)))),
    ])


def build():
    inc = Incident("incident-no-cause", 9909)
    rng = inc.rng
    srv = Server("SQLPROD08", SQL2019, -420, "Standard Edition (64-bit)",
                 "Windows Server 2019 Standard 10.0 <X64> (Build 17763: ) (Hypervisor)", 3384, "CORP\\svc-sqlprod08")
    e1 = inc.add(ErrorLog("SQLPROD08/ERRORLOG.1", srv))
    e0 = inc.add(ErrorLog("SQLPROD08/ERRORLOG", srv))
    startup_block(e1, T("2024-03-02 11:11:40.280"), [("Inventory", 5, "2024-02-25 03:30:12.450")], 1908, T("2024-03-02 11:09:58"), 11940)
    bk = Backups(e1, rng, "\\\\bkp01\\sqlbackup\\SQLPROD08", [("Inventory", "2020/07/01(09:33:12)", 441020)])
    for day in range(3, 8):
        bk.full(T("2024-03-%02d 09:00:38.120" % day) + D(seconds=rng.randint(0, 40)), "Inventory", 904113 + 1200 * day)
    bk.schedule_logs(T("2024-03-02 13:00:00"), T("2024-03-07 06:00:00"), 240, ["Inventory"])
    checkdb(e1, T("2024-03-03 10:06:41.330"), 62, "Inventory", "CORP\\svc-sqlagent", 6, 2, rng)
    attempt = inc.ev("cycle", "Attempting to cycle error log.", "end of ERRORLOG.1: sp_cycle_errorlog, no shutdown")
    e1.add(T("2024-03-07 07:00:00.460"), "spid71", "Attempting to cycle error log. This is an informational message only; no user action is "
           "required.", mark=attempt)
    cyc = inc.ev("cycle", "Microsoft SQL Server 2019 (RTM-CU22)", "the banner again, from spid71: a cycled log, not a restart")
    cycle_header(e0, T("2024-03-07 07:00:00.470"), 71, mark=cyc)
    bk.el = e0
    bk.schedule_logs(T("2024-03-07 08:00:00"), T("2024-03-07 15:00:00"), 60, ["Inventory"])
    lf = inc.ev("login-failed", "Login failed for user 'svc_reporting'.", "another client's bad login: not a connectivity cause")
    login_failed(e0, T("2024-03-07 09:26:38.410"), "svc_reporting", 5, "10.50.3.9", mark=lf)
    io = inc.ev("server-warning", "I/O requests taking longer than 15 seconds", "slow storage: not a cause of transport errors")
    long_io(e0, T("2024-03-07 13:51:30.120"), 4, "E:\\MSSQL\\DATA\\Inventory.mdf", 5, rng, mark=io)
    flushcache(e0, T("2024-03-07 13:51:31.450"), 4, 5, rng)

    # APPSRV12: .NET 8 inventory API, Serilog -07:00 (Arizona, no daylight saving).
    a = inc.add(AppLog("APPSRV12/Logs/inventory-api-20240307.log", "serilog", -420,
                       clock=("Serilog `yyyy-MM-dd HH:mm:ss.fff zzz`", "yes (-07:00)", "each timestamp")))
    fill(a, rng, T("2024-03-07 06:30:00"), T("2024-03-07 14:30:00"), 50, inventory_noise)
    iframes = api_frames("GetStockAsync(Int32 sku, CancellationToken ct)", 33, "Inventory.Api")
    for t, note in (("07:01:12.330", "72 s after the cycled ERRORLOG's banner"), ("09:26:40.118", "1.7 s after another client's login failure"),
                    ("13:52:03.771", "33 s after the slow-I/O warning")):
        inc.error(a, T("2024-03-07 " + t), "", "Failed executing GET /api/stock/%d" % rng.randint(100000, 999999),
                  sqlclient_exception("Microsoft", 10054, inc.guid(), iframes), "APPSRV12", 10054, note=note)

    # APPSRV13: Python 3 container on Linux, pyodbc + ODBC Driver 18; logging's default asctime, container clock in UTC.
    py = inc.add(AppLog("APPSRV13/logs/inventory-sync.log", "python", 0, newline="\n",
                        clock=("Python logging `%(asctime)s`", "no; the container's clock is UTC", "assumed UTC, which is right here")))
    py.log(T("2024-03-07 06:30:00.120"), "INFO", "inventory.sync", "inventory-sync 2.1.0 starting (Python 3.11.8, pyodbc 5.0.1, "
           "ODBC Driver 18 for SQL Server 18.3.2.1)")
    py.log(T("2024-03-07 06:30:00.131"), "INFO", "inventory.db", "connecting: " + kv(
        ("DRIVER", "{ODBC Driver 18 for SQL Server}"), ("SERVER", "sqlprod08.corp.example.com,1433"), ("DATABASE", "Inventory"),
        ("UID", "inv_sync"), ("PWD", SECRET_INVSYNC), ("Encrypt", "yes"), ("TrustServerCertificate", "yes")), mark=inc.secret("PWD"))
    fill(py, rng, T("2024-03-07 06:30:01"), T("2024-03-07 14:30:00"), 70, invsync_noise)
    text = ("('08S01', '[08S01] [Microsoft][ODBC Driver 18 for SQL Server]TCP Provider: Error code 0x68 (104) (SQLExecDirectW); "
            "[08S01] [Microsoft][ODBC Driver 18 for SQL Server]Communication link failure (104)')")
    for t, wh, note in (("07:00:31.905", "PHX2", "31 s after the cycled ERRORLOG's banner"), ("11:15:09.440", "TUS1", "")):
        inc.error(py, T("2024-03-07 " + t), "inventory.sync", "stock sync failed for warehouse %s" % wh,
                  py_traceback([("/srv/inventory-sync/inventory/sync.py", 142, "run_once", "rows = self.db.fetch_changes(since)"),
                                ("/srv/inventory-sync/inventory/db.py", 61, "fetch_changes", "cur.execute(SQL_CHANGES, since)")],
                               "pyodbc.OperationalError: " + text),
                  "APPSRV13", "-", "08S01", note=note)

    inc.cause = "none (no cause found)"
    inc.story = ("Thursday 2024-03-07. Five transport errors on two hosts against SQLPROD08 (Arizona, UTC-7): an inventory API on "
                 "APPSRV12 (.NET 8) and a Python sync job in a Linux container on APPSRV13 (pyodbc, ODBC Driver 18: `TCP Provider: "
                 "Error code 0x68 (104)`, ECONNRESET). Nothing in the folder explains them: no restart, kill or failover, no network "
                 "capture, netstat or configuration. The ERRORLOG has things that look like causes and are not.")
    inc.verdict = ("`diagnose` must say that no cause was found for the five errors, list them as unexplained, and not promote any of "
                   "the look-alike server events below to a cause.")
    inc.traps = [
        "The current ERRORLOG starts with the full version banner at 07:00:00.47Z, 31 s before APPSRV13's error and 72 s before "
        "APPSRV12's: it is sp_cycle_errorlog (source spid71, `The error log has been reinitialized`, same `Server process ID is "
        "3384` as the startup in ERRORLOG.1, which ends with `Attempting to cycle error log.` and no shutdown), not a restart.",
        "A login failure for another user from 10.50.3.9 lands 1.7 s before APPSRV12's 09:26:40Z error.",
        "`I/O requests taking longer than 15 seconds` and a FlushCache report land 33 s before APPSRV12's 13:52:03Z error.",
        "APPSRV13's log has no offset (the container runs on UTC); APPSRV12 logs -07:00.",
    ]
    return inc


def write(out):
    return build().write(out)
