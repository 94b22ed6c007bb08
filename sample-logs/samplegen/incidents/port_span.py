"""incident-port-span: one netstat snapshot of a TIME_WAIT pile-up on APPSRV22, and 10048 errors minutes either side of it."""

from ..clock import D, T
from ..drivers.sqlclient import NETWORK, sqlclient_exception
from ..formats.applog import AppLog
from ..formats.errorlog import Backups, cycle_header, ErrorLog, Server, SQL2022
from ..incident import Incident
from ..noise import fill, pick
from ..textfile import TextFile
from ..formats.network import netstat_rows
from .port_exhaustion import ps_date

PORT_MSG = ("could not open a connection: " + NETWORK + " (provider: TCP Provider, error: 0 - Only one usage of each socket "
            "address (protocol/network address/port) is normally permitted.) [SqlException Number=10048]")

IMPORT_FRAMES = ["at Ledger.Import.Db.Open() in C:\\build\\ledger\\src\\Ledger.Import\\Db.cs:line 27",
                 "at Ledger.Import.EntryWriter.Write(LedgerEntry entry) in C:\\build\\ledger\\src\\Ledger.Import\\EntryWriter.cs:line 44"]


def portal_noise(rng):
    return pick(rng, [
        (50, ("INFO", "Ledger.Portal.AccountsController", str(rng.choice([9, 14, 21])), "GET /accounts/%d 200 in %d ms" % (rng.randint(10000, 99999), rng.randint(15, 300)))),
        (15, ("INFO", "Ledger.Portal.ReportsController", str(rng.choice([9, 14, 21])), "GET /reports/balance 200 in %d ms" % rng.randint(80, 900))),
    ])


def build():
    inc = Incident("incident-port-span", 6606)
    rng = inc.rng
    srv = Server("SQLPROD10", SQL2022, -360, "Standard Edition (64-bit)",
                 "Windows Server 2022 Standard 10.0 <X64> (Build 20348: ) (Hypervisor)", 4412, "CORP\\svc-sqlprod10")
    el = inc.add(ErrorLog("SQLPROD10/ERRORLOG", srv))
    cycle_header(el, T("2024-03-19 06:00:00.270"), 59)
    bk = Backups(el, rng, "\\\\bkp03\\sqlbackup\\SQLPROD10", [("Ledger", "2019/06/21(14:20:07)", 199403)])
    bk.schedule_logs(T("2024-03-19 08:00:00"), T("2024-03-19 12:00:00"), 60, ["Ledger"])

    # The on-call loop on APPSRV22 (10.40.0.22): Get-Date -Format o, then netstat -n, one snapshot every 15 minutes.
    ns = TextFile("APPSRV22/netstat/netstat-n.txt", newline="\r\n", encoding="ascii",
                  clock=("PowerShell `Get-Date -Format o` line, then `netstat -n`", "yes (-06:00) on each date line",
                         "the date line before each snapshot"))
    inc.add(ns)
    pool = list(range(61536, 65536))
    peak = None
    for utc, tw in ((T("2024-03-19 15:45:00.233"), 61), (T("2024-03-19 16:00:00.412"), 3904)):
        m = inc.ev("timewait", ps_date(utc, -360), "snapshot: %d TIME_WAIT to 10.40.0.10:1433" % tw)
        ns.put(utc, [ps_date(utc, -360)] + snapshot(rng, pool, tw, 8, 4 if tw > 100 else 2), [m])
        peak = m

    # LedgerImport on APPSRV22: one connection per entry with pooling off; log4net -06:00.
    imp = inc.add(AppLog("APPSRV22/Logs/LedgerImport.log", "log4net", -360,
                         clock=("log4net `%date{yyyy-MM-dd HH:mm:ss,fff zzz}`", "yes (-06:00)", "each timestamp")))
    imp.log(T("2024-03-19 15:50:02.004"), "INFO", "Ledger.Import.Program", "LedgerImport 2.4.0 starting: file 'gl-20240319.csv', "
            "61880 entries, Pooling=false (one connection per entry)", thread="1")
    t = T("2024-03-19 15:50:05.000")
    done = 0
    while t < T("2024-03-19 16:06:30"):
        done += 400
        imp.log(t, "INFO", "Ledger.Import.EntryWriter", "Written %d of 61880 entries" % done, thread="1")
        t += D(milliseconds=21400 + rng.randint(-500, 500))
    errors = (("15:56:31.508", True), ("15:58:02.731", True), ("16:01:48.296", True), ("16:03:51.044", True), ("16:04:25.610", False))
    for i, (tt, inside) in enumerate(errors):
        entry = 88100 + 17 * i
        inc.error(imp, T("2024-03-19 " + tt), "Ledger.Import.EntryWriter", "Entry %d: %s; retried once, skipped" % (entry, PORT_MSG),
                  [], "APPSRV22", 10048, thread="1",
                  explained=("port-exhaustion", peak) if inside else None,
                  note="" if inside else "4 min 25 s after the snapshot: past the 4 min a TIME_WAIT socket lives")
    inc.error(imp, T("2024-03-19 16:00:40.133"), "Ledger.Import.EntryWriter", "Entry 88160 failed",
              sqlclient_exception("System", 10054, inc.guid(), IMPORT_FRAMES[1:], op="nonquery"), "APPSRV22", 10054, thread="1",
              note="a reset on an open connection, not a port that could not be had")

    # Ledger.Portal on APPSRV23 (another host, no netstat taken there): one 10048 too.
    po = inc.add(AppLog("APPSRV23/Logs/Ledger.Portal.log", "log4net", -360,
                        clock=("log4net `%date{yyyy-MM-dd HH:mm:ss,fff zzz}`", "yes (-06:00)", "each timestamp")))
    fill(po, rng, T("2024-03-19 15:40:00"), T("2024-03-19 16:10:00"), 40, portal_noise)
    inc.error(po, T("2024-03-19 16:02:10.377"), "Ledger.Portal.AccountsController", "GET /accounts/40213 failed: " + PORT_MSG, [],
              "APPSRV23", 10048, thread="14",
              note="APPSRV23 ran out of ports too, maybe, but no netstat was taken there")

    inc.cause = "port-exhaustion (ephemeral ports on APPSRV22 used up by TIME_WAIT sockets to 10.40.0.10:1433)"
    inc.story = ("Tuesday 2024-03-19. LedgerImport on APPSRV22 (10.40.0.22) writes 61880 ledger entries with `Pooling=false`, one "
                 "connection per entry. Each closed connection's port stays in TIME_WAIT for four minutes; the host has 4000 "
                 "dynamic ports. The on-call loop takes a `netstat -n` snapshot every 15 minutes: the 16:00:00Z one shows 3904 "
                 "TIME_WAIT sockets to SQLPROD10 (10.40.0.10:1433). The import's `Only one usage of each socket address` (10048) "
                 "errors come from 3.5 min before that snapshot to 4.4 min after it.")
    inc.verdict = ("The snapshot is a state, not an instant: its sockets were closed in the 4 minutes before it and hold their ports "
                   "up to 4 minutes after. The four 10048 errors on APPSRV22 within 4 min of it are port-exhaustion; the one 4 min 25 s "
                   "after is not covered, nor is APPSRV23's 10048 (no snapshot from that host), nor the 10054 reset.")
    inc.traps = [
        "Only one error is within a minute of the snapshot's time: a rule that reads the snapshot as an instant misses most of them.",
        "The 16:04:25Z 10048 is 4 min 25 s after the snapshot, just past the 4 min TIME_WAIT lifetime.",
        "APPSRV23's 10048 names the mechanism, but no netstat was taken on APPSRV23: nothing shows its ports.",
        "The 16:00:40Z 10054 on APPSRV22 is near the snapshot but a reset of an open connection, not port exhaustion.",
        "The 15:45:00Z snapshot (61 TIME_WAIT) is the baseline.",
    ]
    return inc


def snapshot(rng, pool, tw_sql, est_sql, tw_web):
    """`netstat -n` on APPSRV22 (10.40.0.22): connections to SQLPROD10, the web tier and the domain controllers."""
    ports = rng.sample(pool, tw_sql + est_sql + tw_web + 3)
    states = ([("10.40.0.10:1433", "ESTABLISHED")] * est_sql + [("10.40.0.10:1433", "TIME_WAIT")] * tw_sql
              + [("10.40.0.31:443", "TIME_WAIT")] * tw_web
              + [("10.40.0.31:443", "ESTABLISHED"), ("10.40.0.5:389", "ESTABLISHED"), ("10.40.0.6:445", "ESTABLISHED")])
    rows = sorted(zip(ports, states))
    return netstat_rows([("10.40.0.22:%d" % p, remote, state) for p, (remote, state) in rows])


def write(out):
    return build().write(out)
