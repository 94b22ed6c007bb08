"""incident-backlog: listen backlog overflow on SQLPROD05, seen in a tshark capture (ACK+RESET from port 1433)."""

from ..clock import D, seconds_between, T
from ..drivers.odbc import oledb_does_not_exist
from ..drivers.sqlclient import sqlclient_deadlock, sqlclient_open_failure
from ..formats.applog import AppLog
from ..formats.errorlog import Backups, checkdb, cycle_header, ErrorLog, Server, SQL2022
from ..formats.network import Capture
from ..incident import Incident
from ..noise import fill, pick, sprinkle


def fulfillment_noise(rng):
    oid = rng.randint(8000000, 8999999)
    ms = rng.uniform(3, 120)
    return pick(rng, [
        (45, ("INFO", "", "", "HTTP GET /api/fulfillment/%d responded 200 in %.4f ms" % (oid, ms))),
        (20, ("INFO", "", "", "HTTP POST /api/fulfillment/%d/pick responded 202 in %.4f ms" % (oid, ms * 2))),
        (20, ("DEBUG", "", "", "Reserved %d units for order %d" % (rng.randint(1, 20), oid))),
    ])


def billing_noise(rng):
    return pick(rng, [
        (60, ("INFO", "Billing.Legacy.InvoiceRun", "5", "Invoice %d posted (%d lines)" % (rng.randint(200000, 299999), rng.randint(1, 40)))),
        (30, ("DEBUG", "Billing.Legacy.Db", "5", "Opened connection in %d ms" % rng.randint(2, 40))),
    ])


def build():
    inc = Incident("incident-backlog", 6606)
    rng = inc.rng
    srv = Server("SQLPROD05", SQL2022, 120, "Enterprise Edition: Core-based Licensing (64-bit)",
                 "Windows Server 2022 Standard 10.0 <X64> (Build 20348: ) (Hypervisor)", 6120, "CORP\\svc-sqlprod05", cpus=32, ram=262143)
    el = inc.add(ErrorLog("SQLPROD05/ERRORLOG", srv))
    cycle_header(el, T("2024-03-06 22:00:00.440"), 52)
    bk = Backups(el, rng, "\\\\bkp03\\sqlbackup\\SQLPROD05", [("Fulfillment", "2022/01/19(11:30:46)", 403318),
                                                             ("Billing", "2009/10/05(18:12:00)", 2210917)])
    bk.full(T("2024-03-06 23:30:52.910"), "Fulfillment", 5120377)
    bk.schedule_logs(T("2024-03-06 22:30:00"), T("2024-03-07 08:00:00"), 30, ["Fulfillment"])
    bk.schedule_logs(T("2024-03-06 23:00:00"), T("2024-03-07 08:00:00"), 180, ["Billing"])
    checkdb(el, T("2024-03-07 01:44:20.170"), 73, "Billing", "CORP\\svc-sqlagent", 22, 51, rng)

    def e17832(t, client, mark=None):
        el.add(t, "Logon", "Error: 17832, Severity: 20, State: 6.", mark=mark)
        el.add(t, "Logon", "The login packet used to open the connection is structurally invalid; the connection has been closed. "
               "Please contact the vendor of the client library. [CLIENT: %s]" % client)

    cap = Capture(inc, "SQLPROD05/capture/sqlprod05-1433.txt")
    # Ordinary traffic: one connection now and then, all accepted.
    for t in sprinkle(rng, T("2024-03-07 06:40:00"), T("2024-03-07 07:20:00"), 25):
        cap.attempt(t, "10.30.2.%d" % rng.randint(41, 60), "ok")
    iso = inc.ev("rst", "1433 \u2192 55012 [RST, ACK]", "isolated: a single reset to the monitoring host, not a burst")
    cap.packets.append([T("2024-03-07 06:52:40.118412"), Capture.SERVER, "10.30.9.5", "TCP", 54,
                        "1433 \u2192 55012 [RST, ACK] Seq=1 Ack=1 Win=0 Len=0", [iso]])

    # Three bursts: the fleet redeploys at 07:00 and warms its pools; a fan-out job at 07:15.
    mine = {}   # (host, time) -> RST mark, for the client errors below
    bursts = [("07:00:02.100", "07:00:03.900", 21, 3, 12), ("07:00:09.400", "07:00:10.200", 9, 0, 5),
              ("07:15:00.300", "07:15:01.000", 4, 1, 4)]
    specific = {0: [("07:00:02.296100", "10.30.2.41", "prelogin", "A1"), ("07:00:02.870400", "10.30.2.41", "refused", "A2"),
                    ("07:00:03.080200", "10.30.2.77", "refused", "L1"), ("07:00:03.541700", "10.30.2.41", "prelogin", "A3")],
                1: [("07:00:09.801300", "10.30.2.41", "refused", "A4"), ("07:00:10.031800", "10.30.2.77", "refused", "L2")],
                2: [("07:15:00.585200", "10.30.2.41", "prelogin", "A5"), ("07:15:00.861900", "10.30.2.77", "refused", "L3")]}
    for i, (a, b, refused, pre, ok) in enumerate(bursts):
        ta, tb = T("2024-03-07 " + a), T("2024-03-07 " + b)
        span = int(seconds_between(ta, tb) * 1e6)
        kinds = ["refused"] * refused + ["prelogin"] * pre + ["ok"] * ok
        for kind in kinds:
            t = ta + D(microseconds=rng.randint(0, span))
            cap.attempt(t, "10.30.2.%d" % rng.choice([42, 43, 44, 46, 48, 51, 52, 55, 57, 60]), kind)
        for t, client, kind, key in specific[i]:
            host = "APPSRV06" if client.endswith(".41") else "LEGACY01"
            m = inc.ev("rst", "[RST, ACK]", "to %s (%s), %s" % (host, client, "refused at SYN" if kind == "refused" else "after pre-login"))
            mine[key] = m
            cap.attempt(T("2024-03-07 " + t), client, kind, mark=m)
        resets = sorted((pk for pk in cap.packets if "[RST" in pk[5] and ta <= pk[0] <= tb + D(seconds=1)), key=lambda pk: pk[0])
        assert len(resets) == refused + pre + len(specific[i])
        resets[0][6].append(inc.ev("rst", "[RST, ACK]", "burst %d: first of %d resets from 1433 between %s and %s, mixed with "
                                   "accepted connections" % (i + 1, len(resets), a, b)))
    cap.render()

    for t, client in (("07:00:02.300", "10.30.2.41"), ("07:00:02.910", "10.30.2.52"), ("07:00:03.550", "10.30.2.41"),
                      ("07:00:09.950", "10.30.2.44"), ("07:15:00.590", "10.30.2.41")):
        m = inc.ev("server-error", "Error: 17832, Severity: 20, State: 6.", "CLIENT %s" % client)
        e17832(T("2024-03-07 " + t), client, m)
    m = inc.ev("server-error", "Error: 17830, Severity: 20, State: 11.", "CLIENT 10.30.2.57, network error 0x2746 during login")
    el.add(T("2024-03-07 07:00:03.880"), "Logon", "Error: 17830, Severity: 20, State: 11.", mark=m)
    el.add(T("2024-03-07 07:00:03.880"), "Logon", "Network error code 0x2746 occurred while establishing a connection; the connection "
           "has been closed. This may have been caused by client or server login timeout expiration. Time spent during login: total "
           "1013 ms, enqueued 1 ms, network writes 0 ms, network reads 1012 ms, establishing SSL 0 ms, network reads during SSL 0 ms, "
           "network writes during SSL 0 ms, secure calls during SSL 0 ms, enqueued during SSL 0 ms, negotiating SSPI 0 ms, network "
           "reads during SSPI 0 ms, network writes during SSPI 0 ms, secure calls during SSPI 0 ms, enqueued during SSPI 0 ms, "
           "validating login 0 ms, including user-defined login processing 0 ms. [CLIENT: 10.30.2.57]")

    # APPSRV06 (10.30.2.41): one instance of the redeployed fleet, .NET 8, Serilog +02:00.
    a = inc.add(AppLog("APPSRV06/Logs/fulfillment-api-20240307.log", "serilog", 120,
                       clock=("Serilog `yyyy-MM-dd HH:mm:ss.fff zzz`", "yes (+02:00)", "each timestamp")))
    fill(a, rng, T("2024-03-07 06:30:00"), T("2024-03-07 06:59:50"), 14, fulfillment_noise)
    a.log(T("2024-03-07 06:59:51.020"), "INFO", "", "Application is shutting down...")
    a.log(T("2024-03-07 07:00:01.884"), "INFO", "", "Starting Fulfillment.Api 5.2.1 on APPSRV06 (.NET 8.0.2, Microsoft.Data.SqlClient 5.1.5)")
    a.log(T("2024-03-07 07:00:01.990"), "INFO", "", "Warming connection pool 'Fulfillment' to Min Pool Size=4")
    fill(a, rng, T("2024-03-07 07:00:12"), T("2024-03-07 07:30:00"), 14, fulfillment_noise)
    warm = ["at Microsoft.Data.SqlClient.SqlConnection.Open()",
            "at Fulfillment.Api.Data.PoolWarmer.Warm(Int32 count) in D:\\a\\1\\s\\src\\Fulfillment.Api\\Data\\PoolWarmer.cs:line 33"]
    fan = ["at Microsoft.Data.SqlClient.SqlConnection.Open()",
           "at Fulfillment.Api.Jobs.WaveRelease.ReleaseShard(Int32 shard) in D:\\a\\1\\s\\src\\Fulfillment.Api\\Jobs\\WaveRelease.cs:line 71"]
    for key, t, num, frames, msg in (("A1", "07:00:02.318", 10054, warm, "Pool warm-up connection 2 of 4 failed"),
                                     ("A2", "07:00:02.904", 10061, warm, "Pool warm-up connection 3 of 4 failed"),
                                     ("A3", "07:00:03.566", 10054, warm, "Pool warm-up connection 4 of 4 failed"),
                                     ("A4", "07:00:09.822", 10061, warm, "Pool warm-up connection 3 of 4 failed (retry 1)"),
                                     ("A5", "07:15:00.611", 10054, fan, "Wave release shard 6 could not open a connection")):
        inc.error(a, T("2024-03-07 " + t), "", msg, sqlclient_open_failure("Microsoft", num, inc.guid(), frames), "APPSRV06", num,
                  explained=("backlog", mine[key]))
    inc.error(a, T("2024-03-07 06:47:19.300"), "", "Failed executing POST /api/fulfillment/8421377/pick",
              sqlclient_deadlock("Microsoft", inc.guid(), 212, ["at Fulfillment.Api.Data.PickStore.ReserveAsync(Int64 orderId, "
                                                                 "CancellationToken ct) in D:\\a\\1\\s\\src\\Fulfillment.Api\\Data\\PickStore.cs:line 58"]),
              "APPSRV06", 1205, not_network="a deadlock victim (1205), before the redeploy")

    # LEGACY01 (10.30.2.77): a .NET Framework billing service on OLE DB (SQLOLEDB / DBNETLIB), log4net +02:00.
    lg = inc.add(AppLog("LEGACY01/Logs/Billing.Legacy.log", "log4net", 120,
                        clock=("log4net `%date{yyyy-MM-dd HH:mm:ss,fff zzz}`", "yes (+02:00)", "each timestamp")))
    fill(lg, rng, T("2024-03-07 06:30:00"), T("2024-03-07 07:30:00"), 30, billing_noise)
    bframes = ["at Billing.Legacy.Db.Open() in C:\\build\\billing\\src\\Billing.Legacy\\Db.cs:line 19",
               "at Billing.Legacy.InvoiceRun.PostNext() in C:\\build\\billing\\src\\Billing.Legacy\\InvoiceRun.cs:line 102"]
    for key, t in (("L1", "07:00:03.102"), ("L2", "07:00:10.050"), ("L3", "07:15:00.877")):
        inc.error(lg, T("2024-03-07 " + t), "Billing.Legacy.InvoiceRun", "Could not open a connection to SQLPROD05",
                  oledb_does_not_exist(bframes), "LEGACY01", "-", "-", explained=("backlog", mine[key]), thread="5")

    inc.cause = "backlog (listen backlog overflow on SQLPROD05: bursts of ACK+RESET from port 1433)"
    inc.story = ("Thursday 2024-03-07. At 07:00Z the ten instances of Fulfillment.Api are redeployed at once and each warms its pool "
                 "(`Min Pool Size=4`) against SQLPROD05 (10.30.1.20) while the billing service keeps opening connections; at 07:15Z "
                 "a job fans out again. The listener's queue overflows: the "
                 "capture taken on the server shows bursts of `[RST, ACK]` from port 1433, some answering the SYN outright, some "
                 "right after the pre-login packet, while other connections in the same second are accepted. The ERRORLOG logs 17832 "
                 "and 17830 in the same seconds. Clients fail while opening connections: pre-login handshake and refused errors from "
                 "Microsoft.Data.SqlClient on APPSRV06, `SQL Server does not exist or access denied` from OLE DB on LEGACY01.")
    inc.verdict = ("`rst where port = 1433 near errors within 2s` matches each of the eight connection-open failures to a reset sent "
                   "to that client's address less than 0.1 s earlier. The isolated reset at 06:52Z and the deadlock at 06:47Z are not "
                   "part of it.")
    inc.traps = [
        "Resets alone prove nothing (a stopped server answers every SYN with one): the signature is resets and accepted connections "
        "interleaved in the same second, in bursts.",
        "The isolated `[RST, ACK]` from 1433 at 06:52:40Z has no client error near it.",
        "The capture's times are UTC without a zone suffix (`-t ud`); the ERRORLOG says `UTC adjustment: 2:00` (no plus sign); the "
        "apps log +02:00.",
        "The capture is filtered (`-Y \"tcp.flags.syn == 1 || tcp.flags.reset == 1 || tds.type == 0x12\"`): frame numbers jump.",
        "OLE DB's `[DBNETLIB][ConnectionOpen (Connect()).]SQL Server does not exist or access denied.` carries no error number.",
        "The deadlock (1205) on APPSRV06 is a client SQL error that nothing here explains.",
    ]
    return inc


def write(out):
    return build().write(out)
