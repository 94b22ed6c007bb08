"""incident-restart-logins: SQLPROD09 restarted for a security update; transport errors follow the restart, login and
database-availability errors follow it too but are not network errors."""

from ..appframes import api_frames
from ..clock import T
from ..drivers.sqlclient import _open_frames, sqlclient_exception, sqlclient_open_failure
from ..formats.applog import AppLog
from ..formats.errorlog import Backups, cycle_header, ErrorLog, login_failed, Server, shutdown_block, SQL2022, startup_block
from ..incident import Incident
from ..noise import aspnet_noise, fill

APP = "Catalog.Api"


def frames(method, line):
    return api_frames(method, line, APP)[:7]


def login_error(cid, number, first, state, cls, client_frames):
    """A SqlException a login step raised (18401, 4064, 18456): the server's message, the open frames, the app's frames."""
    p = "Microsoft.Data.SqlClient"
    first = first if isinstance(first, list) else [first]
    lines = ["%s.SqlException (0x80131904): %s" % (p, first[0])] + first[1:]
    lines += ["   at %s.SqlInternalConnectionTds.CompleteLogin(Boolean enlistOK)" % p,
              "   at %s.SqlInternalConnectionTds.AttemptOneLogin(ServerInfo serverInfo, String newPassword, SecureString "
              "newSecurePassword, TimeoutTimer timeout, Boolean withFailover)" % p,
              "   at %s.SqlInternalConnectionTds.LoginNoFailover(ServerInfo serverInfo, String newPassword, SecureString "
              "newSecurePassword, Boolean redirectedUserInstance, SqlConnectionString connectionOptions, SqlCredential credential, "
              "TimeoutTimer timeout)" % p]
    lines += ["   " + f for f in _open_frames("Microsoft")]
    lines += ["   " + f if not f.startswith("---") else f for f in client_frames]
    lines += ["ClientConnectionId:%s" % cid, "Error Number:%d,State:%d,Class:%d" % (number, state, cls)]
    return lines


def build():
    inc = Incident("incident-restart-logins", 9909)
    rng = inc.rng
    args = ("Enterprise Edition: Core-based Licensing (64-bit)", "Windows Server 2022 Datacenter 10.0 <X64> (Build 20348: ) (Hypervisor)")
    old = Server("SQLPROD09", SQL2022, 60, args[0], args[1], 6120, "CORP\\svc-sqlprod09")
    new = Server("SQLPROD09", SQL2022, 60, args[0], args[1], 3304, "CORP\\svc-sqlprod09")
    e1 = inc.add(ErrorLog("SQLPROD09/ERRORLOG.1", old))
    e0 = inc.add(ErrorLog("SQLPROD09/ERRORLOG", new))
    cycle_header(e1, T("2024-03-16 23:00:00.310"), 62)
    b1 = Backups(e1, rng, "\\\\bkp02\\sqlbackup\\SQLPROD09", [("Catalog", "2020/11/03(09:41:12)", 410337)])
    b1.schedule_logs(T("2024-03-16 23:30:00"), T("2024-03-17 02:05:00"), 15, ["Catalog"])
    shut = inc.ev("shutdown", "SQL Server is terminating in response to a 'stop' request", "the update's setup stops the service")
    shutdown_block(e1, T("2024-03-17 02:10:03.512"), "stop", mark=shut)
    restart = inc.ev("restart", "Microsoft SQL Server 2022 (RTM-CU11)", "start after the update")
    ready = inc.ev("ready", "SQL Server is now ready for client connections.")
    start = startup_block(e0, T("2024-03-17 02:10:31.040"), [("Catalog", 5, "2024-03-10 01:00:12.443")], 6120,
                          T("2024-03-17 02:10:04"), 6200, restart_mark=restart, ready_mark=ready)
    # The update's scripts run after the listeners are up: until they finish, only administrators may log in (18401).
    upg = inc.ev("script-upgrade", "Database 'master' is upgrading script", "script upgrade mode: logins other than sysadmin fail with 18401")
    e0.add(T("2024-03-17 02:10:38.150"), "spid9s", "Database 'master' is upgrading script 'msdb110_upgrade.sql' from level 0 to level 500.",
           mark=upg)
    e0.add(T("2024-03-17 02:10:41.263"), "Logon", "Error: 18401, Severity: 14, State: 1.")
    e0.add(T("2024-03-17 02:10:41.263"), "Logon", "Login failed for user 'catalog_api'. Reason: Server is in script upgrade mode. "
           "Only administrator can connect at this time. [CLIENT: 10.30.1.21]")
    e0.add(T("2024-03-17 02:10:57.904"), "spid9s", "Script level upgrade for database 'master' completed successfully.")
    login_failed(e0, T("2024-03-17 02:11:04.018"), "catalog_reports", 38, "10.30.1.21", db="Catalog")
    login_failed(e0, T("2024-03-17 03:31:22.700"), "catalog_api", 8, "10.30.1.21")
    b0 = Backups(e0, rng, "\\\\bkp02\\sqlbackup\\SQLPROD09", [])
    b0.db = b1.db
    b0.schedule_logs(T("2024-03-17 02:30:00"), T("2024-03-17 04:00:00"), 15, ["Catalog"])
    assert start < T("2024-03-17 02:10:41")

    # APPSRV30: .NET 8 catalog API (Microsoft.Data.SqlClient), Serilog in UTC with the offset written.
    a = inc.add(AppLog("APPSRV30/Logs/catalog-api-20240317.log", "serilog", 0,
                       clock=("Serilog `yyyy-MM-dd HH:mm:ss.fff zzz`", "yes (+00:00)", "each timestamp")))
    fill(a, rng, T("2024-03-17 01:40:00"), T("2024-03-17 04:00:00"), 35, lambda r: aspnet_noise(r, APP))
    read = frames("GetProductAsync(Int32 id, CancellationToken ct)", 52)
    inc.error(a, T("2024-03-17 01:52:40.118"), "", "Failed executing GET /api/reports/stock",
              sqlclient_exception("Microsoft", -2, inc.guid(), frames("StockReportAsync(CancellationToken ct)", 140)), "APPSRV30", -2,
              not_network="a command timeout (-2) of the stock report, 17 min before the shutdown")
    inc.error(a, T("2024-03-17 02:10:03.905"), "", "Failed executing GET /api/products/%d" % rng.randint(10000, 99999),
              sqlclient_exception("Microsoft", 10054, inc.guid(), read), "APPSRV30", 10054, explained=("restart", shut))
    inc.error(a, T("2024-03-17 02:10:09.410"), "", "Failed executing GET /api/products/%d" % rng.randint(10000, 99999),
              sqlclient_open_failure("Microsoft", 10061, inc.guid(), read), "APPSRV30", 10061, explained=("restart", shut))
    inc.error(a, T("2024-03-17 02:10:41.220"), "", "Failed executing GET /api/products/%d" % rng.randint(10000, 99999),
              login_error(inc.guid(), 18401, "Login failed for user 'catalog_api'. Reason: Server is in script upgrade mode. Only "
                          "administrator can connect at this time.", 1, 14, read), "APPSRV30", 18401,
              not_network="18401 script upgrade mode, 10 s after the restart: the server refused logins until the update's scripts finished")
    inc.error(a, T("2024-03-17 02:11:03.977"), "", "Failed executing GET /api/reports/stock",
              login_error(inc.guid(), 4064, ["Cannot open user default database. Login failed.", "Login failed for user "
                          "'catalog_reports'."], 1, 11, frames("StockReportAsync(CancellationToken ct)", 131)), "APPSRV30", 4064,
              not_network="4064 default database not open yet, 33 s after the restart: a database-availability error")
    inc.error(a, T("2024-03-17 02:12:15.774"), "", "Failed executing GET /api/products/%d" % rng.randint(10000, 99999),
              sqlclient_exception("Microsoft", 10054, inc.guid(), read), "APPSRV30", 10054, explained=("restart", restart))
    inc.error(a, T("2024-03-17 02:58:10.002"), "", "Failed executing GET /api/products/%d" % rng.randint(10000, 99999),
              sqlclient_exception("Microsoft", 10054, inc.guid(), read), "APPSRV30", 10054,
              note="a reset 48 min after the restart, too late to be its doing")
    inc.error(a, T("2024-03-17 03:31:22.655"), "", "Failed executing GET /api/products/%d" % rng.randint(10000, 99999),
              login_error(inc.guid(), 18456, "Login failed for user 'catalog_api'.", 1, 14, read), "APPSRV30", 18456,
              not_network="18456 wrong password after the credential rotation at 03:30Z: a login failure")

    inc.cause = "restart (SQLPROD09 stopped at 02:10:03Z for a security update and started at 02:10:31Z)"
    inc.story = ("Sunday 2024-03-17. A SQL Server security update's setup stops SQL Server on SQLPROD09 at 02:10:03Z and starts it again at 02:10:31Z. "
                 "The catalog API on APPSRV30 keeps working through it: a command in flight is reset, a new connection is refused "
                 "while the service is down, and after the start its logins first meet script upgrade mode (18401) and a default "
                 "database still recovering (4064), then an idle pooled connection fails on first use. At 03:30Z someone rotates "
                 "the API's password and the API keeps the old one (18456).")
    inc.verdict = ("restart explains the three network errors after the shutdown and the start: the reset (10054), the refusal "
                   "(10061) and the stale pooled connection. The 18401 and 4064 come right after the restart, which caused them, "
                   "but they are login and database-availability errors: they land as not network, with the restart named. The -2 "
                   "timeout and the 18456 are not network errors either; the 02:58Z reset is unexplained.")
    inc.traps = [
        "18401 (`Server is in script upgrade mode`) and 4064 (`Cannot open user default database`) follow the restart by 10 s and "
        "33 s: counting them for the restart would inflate it; leaving them unexplained would hide why they happened.",
        "The 18456 at 03:31Z is a login failure with a server-side twin (state 8, wrong password): not near any restart.",
        "The 10061 at 02:10:09Z is a refused connection while the service was down: a connection error the shutdown explains.",
        "The 02:58Z reset comes 48 min after the restart: far beyond the 5 min the rule allows.",
    ]
    return inc


def write(out):
    return build().write(out)
