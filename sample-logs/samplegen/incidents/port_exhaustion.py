"""incident-port-exhaustion: APPSRV05's ephemeral ports used up by TIME_WAIT sockets to SQL Server (netstat snapshots, netsh port range)."""

from ..clock import D, offset_text, T
from ..connstrings import kv, SECRET_PRICESYNC
from ..drivers.odbc import snac_port_exhaustion, snac_query_timeout
from ..drivers.sqlclient import NETWORK
from ..formats.applog import AppLog
from ..formats.errorlog import Backups, cycle_header, ErrorLog, Server, SQL2022
from ..formats.network import netstat_rows
from ..incident import Incident
from ..noise import fill, pick
from ..textfile import config_file, TextFile


def storefront_noise(rng):
    th = str(rng.choice([18, 22, 29, 35]))
    return pick(rng, [
        (50, ("INFO", "Storefront.Web.CatalogController", th, "GET /catalog/item/%d 200 in %d ms" % (rng.randint(100000, 999999), rng.randint(20, 400)))),
        (20, ("INFO", "Storefront.Web.BasketController", th, "POST /basket/add 200 in %d ms" % rng.randint(30, 300))),
    ])


def netstat_snapshot(rng, port_pool, tw_sql, est_sql, tw_web):
    ports = rng.sample(port_pool, tw_sql + est_sql + tw_web + 4)
    rows = []
    k = 0
    for _ in range(est_sql):
        rows.append((ports[k], "10.10.10.20:1433", "ESTABLISHED")); k += 1
    for _ in range(tw_sql):
        rows.append((ports[k], "10.10.10.20:1433", "TIME_WAIT")); k += 1
    for _ in range(tw_web):
        rows.append((ports[k], "10.10.10.31:443", "TIME_WAIT")); k += 1
    for remote in ("10.10.10.31:443", "10.10.10.31:443", "10.10.10.5:389", "10.10.10.6:445"):
        rows.append((ports[k], remote, "ESTABLISHED")); k += 1
    rows.sort()
    return netstat_rows([("10.10.10.10:%d" % p, r, st) for p, r, st in rows])


def ps_date(utc, offset_minutes):
    """PowerShell `Get-Date -Format o`: seven fraction digits and the offset."""
    local = utc + D(minutes=offset_minutes)
    return local.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d%d" % (local.microsecond, 7) + offset_text(offset_minutes)


def build():
    inc = Incident("incident-port-exhaustion", 5505)
    rng = inc.rng
    srv = Server("SQLPROD04", SQL2022, -300, "Standard Edition (64-bit)",
                 "Windows Server 2022 Standard 10.0 <X64> (Build 20348: ) (Hypervisor)", 5560, "CORP\\svc-sqlprod04")
    el = inc.add(ErrorLog("SQLPROD04/ERRORLOG", srv))
    cycle_header(el, T("2024-03-06 05:00:00.620"), 57)
    bk = Backups(el, rng, "\\\\bkp01\\sqlbackup\\SQLPROD04", [("Pricing", "2018/04/11(10:02:51)", 288130)])
    bk.schedule_logs(T("2024-03-06 06:00:00"), T("2024-03-06 18:00:00"), 120, ["Pricing"])

    dyn = inc.ev("netconfig", "Number of Ports : 4000", "APPSRV05 has 4000 ephemeral ports (61536-65535)")
    inc.add(config_file("APPSRV05/netsh-int-ipv4-show-dynamicport-tcp.txt",
                        ["", "Protocol tcp Dynamic Port Range", "---------------------------------", "Start Port      : 61536",
                         "Number of Ports : 4000", ""], [(4, dyn)],
                        clock=("`netsh int ipv4 show dynamicport tcp` output", "none (a setting)", "-")))

    # The on-call engineer's loop: Get-Date -Format o, then netstat -n, appended to one ASCII file.
    ns = TextFile("APPSRV05/netstat/netstat-n.txt", newline="\r\n", encoding="ascii",
                  clock=("PowerShell `Get-Date -Format o` line, then `netstat -n`", "yes (-05:00) on each date line",
                         "the date line before each snapshot"))
    inc.add(ns)
    pool = list(range(61536, 65536))
    snaps = []
    for utc, tw in ((T("2024-03-06 16:00:00.412"), 57), (T("2024-03-06 16:03:00.388"), 3978)):
        m = inc.ev("timewait", ps_date(utc, -300), "snapshot: %d TIME_WAIT to 10.10.10.20:1433" % tw)
        ns.put(utc, [ps_date(utc, -300)] + netstat_snapshot(rng, pool, tw, 9 if tw > 100 else 8, 6 if tw > 100 else 3), [m])
        snaps.append(m)
    peak = snaps[1]

    # PriceSync: opens and closes one connection per SKU with pooling off; logs ex.Message and the number only.
    ps = inc.add(AppLog("APPSRV05/Logs/PriceSync.log", "log4net", -300,
                        clock=("log4net `%date{yyyy-MM-dd HH:mm:ss,fff zzz}`", "yes (-05:00)", "each timestamp")))
    ps.log(T("2024-03-06 16:00:03.118"), "INFO", "PriceSync.Program", "PriceSync 1.8.2 starting (run 20240306-1100)", thread="1")
    ps.log(T("2024-03-06 16:00:03.120"), "INFO", "PriceSync.Program", "Connection: " + kv(
        ("Data Source", "10.10.10.20,1433"), ("Initial Catalog", "Pricing"), ("User ID", "pricesync"), ("Password", SECRET_PRICESYNC),
        ("Pooling", "false"), ("Connect Timeout", "15")), thread="1", mark=inc.secret("Password"))
    ps.log(T("2024-03-06 16:00:03.402"), "INFO", "PriceSync.Feed", "Feed 'supplier-prices-20240306.csv': 48930 SKUs", thread="1")
    t = T("2024-03-06 16:00:05.000")
    done = 0
    while True:
        t += D(milliseconds=22600 + rng.randint(-400, 400))
        if t >= T("2024-03-06 16:02:58"):
            break
        done += 500
        ps.log(t, "INFO", "PriceSync.SkuWriter", "Written %d of 48930 SKUs (%.1f SKU/s, 1 connection per SKU)" % (done, 500 / 22.6), thread="1")
    msg = ("SKU %d: could not open a connection: " + NETWORK + " (provider: TCP Provider, error: 0 - Only one usage of each socket "
           "address (protocol/network address/port) is normally permitted.) [SqlException Number=10048]; retry %d of 6 in 5 s")
    for i, tt in enumerate(("16:02:58.441", "16:03:03.502", "16:03:08.559", "16:03:13.611", "16:03:18.668", "16:03:23.720")):
        inc.error(ps, T("2024-03-06 " + tt), "PriceSync.SkuWriter", msg % (4471203, i + 1), [], "APPSRV05", 10048,
                  explained=("port-exhaustion", peak), thread="1")
    inc.not_error(ps, T("2024-03-06 16:03:28.921"), "WARN", "PriceSync.Program",
                  "Price sync stopped after 6 failed connection attempts; %d of 48930 SKUs written" % (done + 352), [],
                  "the job giving up: a summary, not another error", thread="1")

    # Storefront: the web shop on the same host, through ODBC (SQL Server Native Client 11.0).
    sf = inc.add(AppLog("APPSRV05/Logs/Storefront.log", "log4net", -300,
                        clock=("log4net `%date{yyyy-MM-dd HH:mm:ss,fff zzz}`", "yes (-05:00)", "each timestamp")))
    fill(sf, rng, T("2024-03-06 14:00:00"), T("2024-03-06 16:10:00"), 200, storefront_noise)
    sf_frames = ["at Storefront.Data.Db.Open() in C:\\build\\storefront\\src\\Storefront\\Data\\Db.cs:line 31",
                 "at Storefront.Web.CatalogController.Item(Int32 id) in C:\\build\\storefront\\src\\Storefront\\Web\\CatalogController.cs:line 47"]
    inc.error(sf, T("2024-03-06 14:20:41.552"), "Storefront.Web.CatalogController", "GET /catalog/item/448120 failed",
              snac_query_timeout(["at Storefront.Data.CatalogQueries.Item(Int32 id) in C:\\build\\storefront\\src\\Storefront\\Data\\CatalogQueries.cs:line 60"]
                                 + sf_frames[1:]),
              "APPSRV05", "-", "HYT00", thread="22", not_network="a query timeout (HYT00) 100 minutes before the port pile-up")
    for tt, th in (("16:03:02.090", "18"), ("16:03:14.733", "29"), ("16:03:27.305", "35")):
        inc.error(sf, T("2024-03-06 " + tt), "Storefront.Web.CatalogController", "GET /catalog/item/%d failed" % rng.randint(100000, 999999),
                  snac_port_exhaustion(sf_frames), "APPSRV05", "-", "08001", explained=("port-exhaustion", peak), thread=th)

    inc.cause = "port-exhaustion (ephemeral ports on APPSRV05 used up by TIME_WAIT sockets to 10.10.10.20:1433)"
    inc.story = ("Wednesday 2024-03-06. APPSRV05 (10.10.10.10) runs a web shop and, at 16:00Z, the PriceSync job, which writes one "
                 "SKU per connection with `Pooling=false` (its connection string is logged at start). Each closed connection leaves "
                 "its client port in TIME_WAIT for 4 minutes; the host's dynamic port range is only 4000 ports (61536-65535). By "
                 "16:03Z `netstat -n` shows 3978 TIME_WAIT sockets to SQLPROD04 (10.10.10.20:1433) and every new connection from the "
                 "host fails with `Only one usage of each socket address` (WSAEADDRINUSE, 10048), in PriceSync and in the shop alike.")
    inc.verdict = ("`timewait where count >= 3900 near errors 10048 within 1m` finds the 16:03:00Z snapshot; the nine errors between "
                   "16:02:58Z and 16:03:28Z are explained by it. The 14:20Z query timeout is not.")
    inc.traps = [
        "netstat has no time of its own: each snapshot's time is the `Get-Date -Format o` line written just before it "
        "(seven fraction digits, offset -05:00).",
        "The 16:00:00Z snapshot (57 TIME_WAIT) is the baseline; only the later one is near the errors.",
        "PriceSync logs the SqlClient message, where the Winsock text reads `(provider: TCP Provider, error: 0 - Only one usage "
        "...)` and the number is only in `[SqlException Number=10048]`; the shop's ODBC errors say `TCP Provider: Only one usage "
        "...` with SQLSTATE 08001 and no number at all.",
        "The shop's errors are three ODBC diagnostic records in one entry (08001, HYT00 Login timeout expired, 08001), with an "
        "empty line after the first.",
        "`Pooling=false` is the root cause and sits in a line that also holds a password.",
        "The 14:20Z HYT00 query timeout in the shop has nothing to do with ports.",
    ]
    inc.notes = ["The peak snapshot alone is about 260 KB: 3997 connection rows at 66 bytes; it is most of this folder."]
    return inc


def write(out):
    return build().write(out)
