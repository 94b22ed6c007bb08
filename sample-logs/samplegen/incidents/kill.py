"""incident-kill: sessions killed by hostname APPSRV02 (its own watchdog); two resets on another host in the same seconds that the kill does not explain."""

from ..appframes import JAVA_ORDERS, WORKER_FRAMES
from ..clock import T
from ..drivers.jdbc import jdbc_reset
from ..drivers.sqlclient import sqlclient_exception
from ..formats.applog import AppLog
from ..formats.errorlog import Backups, checkdb, ErrorLog, flushcache, login_failed, Server, SQL2022, startup_block
from ..incident import Incident
from ..noise import fill, spring_noise, sprinkle, worker_noise


def build():
    inc = Incident("incident-kill", 1101)
    rng = inc.rng
    sql = Server("SQLPROD01", SQL2022, -360, "Enterprise Edition: Core-based Licensing (64-bit)",
                 "Windows Server 2022 Datacenter 10.0 <X64> (Build 20348: ) (Hypervisor)", 5312, "CORP\\svc-sqlprod01",
                 cpus=16, ram=131071)
    el = inc.add(ErrorLog("SQLPROD01/ERRORLOG", sql))
    restart = inc.ev("restart", "Microsoft SQL Server 2022 (RTM-CU11)", "patch night; no client error near it")
    end = startup_block(el, T("2024-02-20 11:02:17.430"), [("Orders", 7, "2024-02-18 02:14:51.163"),
                                                           ("OrdersArchive", 8, "2024-02-18 03:40:07.920"), ("Staging", 9, None)],
                        4780, T("2024-02-20 11:01:58"), 12180, restart_mark=restart)
    bk = Backups(el, rng, "\\\\bkp01\\sqlbackup\\SQLPROD01", [("Orders", "2021/06/14(09:12:33)", 912233),
                                                              ("OrdersArchive", "2019/11/02(16:40:05)", 40211)])
    bk.schedule_logs(T("2024-02-20 11:30:00"), T("2024-02-20 17:00:00"), 30, ["Orders", "OrdersArchive"])
    checkdb(el, T("2024-02-20 12:04:15.330"), 71, "OrdersArchive", "CORP\\svc-sqlagent", 4, 12, rng)
    el.add(T("2024-02-20 12:11:40.020"), "spid84", "Using 'dbghelp.dll' version '4.0.5'")
    dba_kill = inc.ev("kill", "Process ID 77 was killed by hostname DBA-WS07, host process ID 10236.", "a DBA's kill; nobody errors")
    el.add(T("2024-02-20 13:20:11.050"), "spid58", "Process ID 77 was killed by hostname DBA-WS07, host process ID 10236.", mark=dba_kill)
    login_failed(el, T("2024-02-20 13:41:07.820"), "report_ro", 8, "10.40.2.15")
    kills = {}
    for spid, t in ((87, "15:14:27.460"), (91, "15:14:27.470"), (112, "15:14:27.490")):
        text = "Process ID %d was killed by hostname APPSRV02, host process ID 4412." % spid
        kills[spid] = inc.ev("kill", text)
        el.add(T("2024-02-20 " + t), "spid64", text, mark=kills[spid])
    flushcache(el, T("2024-02-20 16:20:44.310"), 19, 7, rng)

    # APPSRV02: the worker whose watchdog (process 4412) killed its own sleeping head blockers.
    w = inc.add(AppLog("APPSRV02/Logs/Orders.Worker.log", "log4net", -360,
                       clock=("log4net `%date{yyyy-MM-dd HH:mm:ss,fff zzz}`", "yes (-06:00)", "each timestamp")))
    start, stop = T("2024-02-20 14:00:00"), T("2024-02-20 16:00:00")
    fill(w, rng, start, stop, 14, worker_noise)
    for t in sprinkle(rng, start, T("2024-02-20 15:10:00"), 60):
        w.log(t, "INFO", "Orders.Worker.Monitoring.BlockingWatchdog", "Blocking check: 0 blocked sessions", thread="7")
    for i, t in enumerate(["15:10:31.204", "15:11:31.219", "15:12:31.240", "15:13:31.262"]):
        w.log(T("2024-02-20 " + t), "WARN", "Orders.Worker.Monitoring.BlockingWatchdog",
              "Blocking check: %d blocked sessions, head blocker SPID 87 sleeping with an open transaction for 00:0%d:%02d"
              % (3 + 4 * i, 1 + i, 12 + 3 * i), thread="7")
    inc.not_error(w, T("2024-02-20 15:14:27.402"), "WARN", "Orders.Worker.Monitoring.BlockingWatchdog",
                  "Head blocker SPID 87 (host APPSRV02, program 'Orders.Worker', login CORP\\svc-orders) has been sleeping with an "
                  "open transaction for 00:05:12 and blocks 14 sessions; killing it", [], "the watchdog announcing the kill", thread="7")
    w.log(T("2024-02-20 15:14:27.419"), "WARN", "Orders.Worker.Monitoring.BlockingWatchdog",
          "Head blocker SPID 91 (host APPSRV02, program 'Orders.Worker', login CORP\\svc-orders) has been sleeping with an open "
          "transaction for 00:02:40 and blocks 3 sessions; killing it", thread="7")
    w.log(T("2024-02-20 15:14:27.441"), "WARN", "Orders.Worker.Monitoring.BlockingWatchdog",
          "Head blocker SPID 112 (host APPSRV02, program 'Orders.Worker', login CORP\\svc-orders) has been sleeping with an open "
          "transaction for 00:01:05 and blocks 1 sessions; killing it", thread="7")
    w.log(T("2024-02-20 15:14:27.512"), "INFO", "Orders.Worker.Monitoring.BlockingWatchdog",
          "Killed 3 head blockers (87, 91, 112) in 110 ms", thread="7")
    for t, batch, thread, took in (("15:12:40.118", "20240220-0912-11", "12", 30012), ("15:13:55.604", "20240220-0913-04", "14", 30009)):
        inc.error(w, T("2024-02-20 " + t), "Orders.Worker.Import.ImportBatch", "Batch %s failed after %d ms" % (batch, took),
                  sqlclient_exception("System", -2, inc.guid(), WORKER_FRAMES, op="nonquery"), "APPSRV02", -2,
                  thread=thread, not_network="a command timeout (-2) while blocked; the kill came later")
    for t, batch, spid, thread in (("15:14:28.331", "20240220-0914-02", 87, "15"), ("15:14:31.907", "20240220-0914-05", 91, "12"),
                                   ("15:14:39.204", "20240220-0914-09", 112, "14")):
        inc.error(w, T("2024-02-20 " + t), "Orders.Worker.Import.ImportBatch", "Batch %s failed on SPID %d" % (batch, spid),
                  sqlclient_exception("System", 10054, inc.guid(), WORKER_FRAMES, op="nonquery"), "APPSRV02", 10054,
                  explained=("kill", kills[spid]), thread=thread)

    # APPSRV01: a Java web app on another host, with resets in the same seconds that the kill does not explain.
    j = inc.add(AppLog("APPSRV01/Logs/orders-web.log", "logback", -300, newline="\n",
                       clock=("logback `%d{yyyy-MM-dd HH:mm:ss.SSS XXX}`", "yes (-05:00)", "each timestamp")))
    fill(j, rng, start, stop, 11, spring_noise)
    for t, cust, th in (("15:14:29.884", 41877, "7"), ("15:14:33.120", 20314, "3")):
        inc.error(j, T("2024-02-20 " + t), "c.e.orders.web.OrderController", "GET /orders?customer=%d failed" % cust,
                  jdbc_reset(inc.guid(), "select o.id, o.status, o.total from orders o where o.customer_id = ?", JAVA_ORDERS),
                  "APPSRV01", "-", "08S01", thread="http-nio-8080-exec-" + th,
                  note="same seconds as the kill, but the killed sessions were APPSRV02's")

    inc.cause = "kill (sessions 87, 91, 112 killed by hostname APPSRV02, host process ID 4412)"
    inc.story = ("Tuesday 2024-02-20. The Orders.Worker service on APPSRV02 (process 4412, .NET Framework, System.Data.SqlClient) "
                 "runs a blocking watchdog that kills head blockers sleeping with an open transaction. At 15:14:27Z it killed "
                 "sessions 87, 91 and 112, which were the worker's own pooled import connections; each failed with 10054 the next "
                 "time the worker used it. In the same seconds the Java web app on APPSRV01 logged two `Connection reset` errors "
                 "that nothing in this folder explains. SQLPROD01 had restarted for patching four hours earlier.")
    inc.verdict = ("`errors after kill within 30s on host` returns exactly the three APPSRV02 10054 errors (host = the killing host "
                   "named in the ERRORLOG line). Without `on host` the two APPSRV01 errors would match too.")
    inc.traps = [
        "APPSRV01's two `Connection reset` errors fall 2.4 s and 5.7 s after the kills: a time-only join explains them, a host join does not.",
        "The ERRORLOG names the host that *issued* the KILL. Here it is also the host whose sessions died (the watchdog log on APPSRV02 "
        "names host APPSRV02 for SPIDs 87, 91 and 112); in general the victim host can differ.",
        "The restart at 11:02:17Z and the DBA's kill of session 77 at 13:20:11Z explain nothing: no client error is near them.",
        "The two command timeouts (-2) on APPSRV02 precede the kill; they are the blocking the watchdog reacted to, not connectivity errors.",
        "The watchdog's WARN lines contain `SPID`, `killing` and the host name but are not errors.",
    ]
    return inc


def write(out):
    return build().write(out)
