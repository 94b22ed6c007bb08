"""incident-chimney: TCP Chimney Offload enabled on SQLPROD03 (netsh output beside the logs)."""

from ..clock import T
from ..connstrings import kv
from ..drivers.odbc import odbc17_reset, snac_link_failure
from ..drivers.pyodbc import PY2_DBNETLIB, py_traceback
from ..formats.applog import AppLog
from ..formats.errorlog import Backups, checkdb, cycle_header, ErrorLog, flushcache, login_failed, Server, SQL2019
from ..formats.network import netsh_tcp_global
from ..incident import Incident
from ..noise import fill, pick, python_noise
from ..textfile import config_file


def ordersync_noise(rng):
    return pick(rng, [
        (50, ("INFO", "OrderSync.SyncJob", "8", "Sync pass finished: %d orders, %d lines in %d ms"
              % (rng.randint(0, 40), rng.randint(0, 400), rng.randint(90, 2600)))),
        (40, ("DEBUG", "OrderSync.Data.OdbcOrderSource", "8", "Read %d changes since rowversion 0x%016X"
              % (rng.randint(0, 60), rng.getrandbits(40)))),
        (5, ("INFO", "OrderSync.Legacy.ExportWriter", "11", "Export file ORD%05d.dat written (%d records)"
             % (rng.randint(1, 99999), rng.randint(1, 300)))),
    ])


ORDERSYNC_FRAMES = ["at OrderSync.Data.OdbcOrderSource.ReadChanges(Byte[] since) in C:\\build\\ordersync\\src\\OrderSync\\Data\\OdbcOrderSource.cs:line 57",
                    "at OrderSync.SyncJob.RunOnce() in C:\\build\\ordersync\\src\\OrderSync\\SyncJob.cs:line 88",
                    "at OrderSync.SyncJob.Loop(CancellationToken token) in C:\\build\\ordersync\\src\\OrderSync\\SyncJob.cs:line 51"]


def build():
    inc = Incident("incident-chimney", 4404)
    rng = inc.rng
    srv = Server("SQLPROD03", SQL2019, 60, "Standard Edition (64-bit)",
                 "Windows Server 2016 Standard 10.0 <X64> (Build 14393: ) (Hypervisor)", 2264, "CORP\\svc-sqlprod03",
                 model="'HPE', System Model: 'ProLiant DL380 Gen9'")
    el = inc.add(ErrorLog("SQLPROD03/ERRORLOG", srv))
    cycle_header(el, T("2024-03-04 23:00:00.550"), 55)
    bk = Backups(el, rng, "\\\\nas02\\sql\\SQLPROD03", [("OrderWeb", "2016/03/21(14:02:09)", 1402291),
                                                       ("OrderSync", "2017/08/30(09:51:44)", 330147)])
    bk.full(T("2024-03-05 00:20:13.660"), "OrderWeb", 2210741)
    bk.schedule_logs(T("2024-03-05 00:00:00"), T("2024-03-05 17:30:00"), 60, ["OrderWeb"])
    bk.schedule_logs(T("2024-03-05 01:00:00"), T("2024-03-05 17:30:00"), 120, ["OrderSync"])
    checkdb(el, T("2024-03-05 02:31:07.180"), 64, "OrderWeb", "CORP\\svc-sqlagent", 14, 2, rng)
    flushcache(el, T("2024-03-05 11:02:44.730"), 13, 5, rng)
    login_failed(el, T("2024-03-05 09:12:03.310"), "CORP\\jdoe", 8, "10.11.3.52")

    chimney = inc.ev("netconfig", "Chimney Offload State               : enabled", "TCP Chimney Offload on the SQL Server's host")
    inc.add(config_file("SQLPROD03/netsh-int-tcp-show-global.txt", netsh_tcp_global("enabled"), [(5, chimney)],
                        clock=("`netsh int tcp show global` output", "none (a setting, not an event)", "-")))
    client = inc.ev("netconfig", "Chimney Offload State               : disabled", "a client's setting: irrelevant")
    inc.add(config_file("WEBAPP02/netsh-int-tcp-show-global.txt", netsh_tcp_global("disabled"), [(5, client)],
                        clock=("`netsh int tcp show global` output", "none (a setting, not an event)", "-")))

    # WEBAPP01: Python 2.7 with pyodbc over the old "SQL Server" ODBC driver (DBNETLIB). The host's clock is UTC.
    py = inc.add(AppLog("WEBAPP01/Logs/orderweb.log", "python", 0,
                        clock=("Python logging `%(asctime)s`", "no; the host runs on UTC (the app says so when it starts)",
                               "assumed UTC, which is right for this host")))
    py.log(T("2024-03-05 07:30:00.514"), "INFO", "orderweb.app", "orderweb 2.3.7 starting (Python 2.7.18, pyodbc 4.0.30, driver "
           "{SQL Server}); log times are UTC")
    py.log(T("2024-03-05 07:30:00.530"), "INFO", "orderweb.db", "connection string: " + kv(("DRIVER", "{SQL Server}"),
           ("SERVER", "SQLPROD03"), ("DATABASE", "OrderWeb"), ("Trusted_Connection", "yes")))
    fill(py, rng, T("2024-03-05 07:30:02"), T("2024-03-05 17:00:00"), 55, lambda r: python_noise(r, "orderweb.web", "orderweb.db"))
    frames = [("D:\\apps\\orderweb\\orderweb\\views.py", 212, "order_detail", "lines = db.fetch_all(SQL_ORDER_LINES, order_id)"),
              ("D:\\apps\\orderweb\\orderweb\\db.py", 88, "fetch_all", "cur.execute(sql, *params)")]
    for t in ("08:14:09.512", "10:02:55.090", "14:51:20.377"):
        args = "('01000', %s)" % PY2_DBNETLIB
        inc.error(py, T("2024-03-05 " + t), "orderweb.db", "query failed: " + args, py_traceback(frames, "Error: " + args),
                  "WEBAPP01", "-", "08S01", explained=("chimney", chimney))
    timeout = "('HYT00', '[HYT00] [Microsoft][ODBC SQL Server Driver]Query timeout expired (0) (SQLExecDirectW)')"
    inc.error(py, T("2024-03-05 12:30:00.880"), "orderweb.db", "query failed: " + timeout, py_traceback(frames, "Error: " + timeout),
              "WEBAPP01", "-", "HYT00", not_network="a query timeout (HYT00), not a transport error")

    # WEBAPP02: .NET Framework service over System.Data.Odbc (ODBC Driver 17; a legacy module still on SQL Native Client).
    w = inc.add(AppLog("WEBAPP02/Logs/OrderSync.log", "log4net", 60,
                       clock=("log4net `%date{yyyy-MM-dd HH:mm:ss,fff zzz}`", "yes (+01:00)", "each timestamp")))
    fill(w, rng, T("2024-03-05 07:30:00"), T("2024-03-05 17:00:00"), 70, ordersync_noise)
    for t in ("09:47:31.664", "11:38:12.205", "16:27:03.731"):
        inc.error(w, T("2024-03-05 " + t), "OrderSync.SyncJob", "Sync pass failed; will retry in 60 s", odbc17_reset(ORDERSYNC_FRAMES),
                  "WEBAPP02", "-", "08S01", explained=("chimney", chimney), thread="8")
    inc.error(w, T("2024-03-05 13:05:44.019"), "OrderSync.Legacy.ExportWriter", "Export flush failed",
              snac_link_failure(["at OrderSync.Legacy.ExportWriter.Flush() in C:\\build\\ordersync\\src\\OrderSync\\Legacy\\ExportWriter.cs:line 140",
                                 "at OrderSync.Legacy.ExportJob.Run() in C:\\build\\ordersync\\src\\OrderSync\\Legacy\\ExportJob.cs:line 33"]),
              "WEBAPP02", "-", "08S01", explained=("chimney", chimney), thread="11")

    inc.cause = "chimney (TCP Chimney Offload enabled on SQLPROD03, the SQL Server's host)"
    inc.story = ("Tuesday 2024-03-05. SQLPROD03 is an older HPE host (Windows Server 2016, SQL Server 2019) whose NIC still has TCP "
                 "Chimney Offload enabled (`netsh int tcp show global`, captured by the on-call engineer). Through the day two clients "
                 "get sporadic transport errors with no server event anywhere near them: a Python 2.7 site on WEBAPP01 (pyodbc over "
                 "the DBNETLIB `SQL Server` driver: `General network error`) and a .NET Framework sync service on WEBAPP02 "
                 "(System.Data.Odbc over ODBC Driver 17: `TCP Provider: An existing connection was forcibly closed by the remote "
                 "host.`, SQLSTATE 08S01, and `Communication link failure` from a legacy SQL Native Client module).")
    inc.verdict = ("The seven transport errors (SQLSTATE 08S01) are explained by the Chimney setting on the server: sporadic, spread "
                   "over nine hours, on two hosts, with nothing in the ERRORLOG near any of them. The query timeout (HYT00) is not a "
                   "transport error and stays unexplained.")
    inc.traps = [
        "WEBAPP02's own netsh output says `Chimney Offload State : disabled`: the setting that matters is the SQL Server host's.",
        "pyodbc reports the DBNETLIB failure with SQLSTATE 01000 first (`ConnectionRead (recv())`); the error record is the "
        "second one, `[08S01] ... General network error. Check your network documentation. (11)`.",
        "WEBAPP01 logs Python's default `%(asctime)s` without an offset; its clock is UTC, so `UTC (assumed)` is right here.",
        "System.Data.Odbc prints ODBC Driver 17's message with the driver's own line break: the `TCP Provider` record is followed "
        "by an empty line, then the `Communication link failure` record; it is one entry.",
        "The ERRORLOG starts with the nightly sp_cycle_errorlog header, not a restart; a password failure at 09:12Z is unrelated.",
    ]
    return inc


def write(out):
    return build().write(out)
