"""incident-idle-timeout: pooled connections cut by the Azure load balancer in front of SQLAZ01 after 4 minutes idle."""

from ..appframes import api_frames
from ..clock import D, seconds_between, T
from ..connstrings import kv, SECRET_IDLE
from ..drivers.jdbc import jdbc_reset
from ..drivers.sqlclient import sqlclient_deadlock, sqlclient_exception
from ..formats.applog import AppLog
from ..formats.errorlog import Backups, checkdb, cycle_header, ErrorLog, login_failed, Server, SQL2022
from ..incident import Incident
from ..noise import fill, pick


def warehouse_noise(rng):
    th = "http-nio-8443-exec-%d" % rng.randint(1, 12)
    pl = rng.randint(700000, 799999)
    return pick(rng, [
        (40, ("INFO", "c.e.warehouse.web.PickListController", th, "GET /picklists/%d -> 200 (%d ms)" % (pl, rng.randint(12, 260)))),
        (25, ("DEBUG", "c.e.warehouse.repo.PickListDao", th, "findLines(%d) returned %d rows" % (pl, rng.randint(1, 60)))),
        (12, ("INFO", "c.e.warehouse.web.ScanController", th, "POST /scans -> 204 (%d ms)" % rng.randint(5, 90))),
    ])


def shipping_noise(rng):
    sid = rng.randint(3000000, 3999999)
    ms = rng.uniform(3, 150)
    return pick(rng, [
        (40, ("INFO", "", "", "HTTP GET /api/shipments/%d responded 200 in %.4f ms" % (sid, ms))),
        (15, ("INFO", "", "", "HTTP POST /api/shipments/%d/labels responded 201 in %.4f ms" % (sid, ms * 3))),
        (20, ("DEBUG", "", "", "Carrier rate cache hit for zone %d" % rng.randint(1, 9))),
        (10, ("DEBUG", "", "", "Loaded %d parcels for shipment %d in %d ms" % (rng.randint(1, 12), sid, int(ms / 5) + 1))),
    ])


SHIPPING_FRAMES = ["at Shipping.Api.Data.ShipmentStore.GetAsync(Int64 id, CancellationToken ct) in "
                   "D:\\a\\1\\s\\src\\Shipping.Api\\Data\\ShipmentStore.cs:line 44",
                   "at Shipping.Api.Endpoints.ShipmentEndpoints.<>c.<<Map>b__0_0>d.MoveNext() in "
                   "D:\\a\\1\\s\\src\\Shipping.Api\\Endpoints\\ShipmentEndpoints.cs:line 19",
                   "--- End of stack trace from previous location ---",
                   "at Microsoft.AspNetCore.Http.RequestDelegateFactory.ExecuteTaskResult[T](Task`1 task, HttpContext httpContext)"]


def active_windows(log, rng, windows, gap_s, maker):
    for a, b in windows:
        fill(log, rng, a, b, gap_s, maker)


def build():
    inc = Incident("incident-idle-timeout", 3303)
    rng = inc.rng
    az = Server("SQLAZ01", SQL2022, 0, "Enterprise Edition: Core-based Licensing (64-bit)",
                "Windows Server 2022 Datacenter: Azure Edition 10.0 <X64> (Build 20348: ) (Hypervisor)", 4424,
                "NT Service\\MSSQLSERVER", data="F:", logdir="F:\\MSSQL16.MSSQLSERVER\\MSSQL\\Log",
                model="'Microsoft Corporation', System Model: 'Virtual Machine'")
    el = inc.add(ErrorLog("SQLAZ01/ERRORLOG", az))
    cycle_header(el, T("2024-03-12 00:00:00.410"), 61)
    bk = Backups(el, rng, "https://sqlaz01bkp.blob.core.windows.net/sqlaz01-mssqlserver", [
        ("Shipping", "2022/05/17(08:20:11)", 220318), ("Warehouse", "2022/05/17(08:24:50)", 518842)], url=True)
    bk.full(T("2024-03-12 02:00:41.180"), "Shipping", 1204113)
    bk.full(T("2024-03-12 02:14:05.770"), "Warehouse", 3311270)
    bk.schedule_logs(T("2024-03-12 01:00:00"), T("2024-03-12 17:00:00"), 60, ["Shipping", "Warehouse"])
    checkdb(el, T("2024-03-12 03:12:51.400"), 68, "Shipping", "NT SERVICE\\SQLSERVERAGENT", 11, 40, rng)
    login_failed(el, T("2024-03-12 10:12:33.910"), "sa", 5, "10.60.9.14")
    login_failed(el, T("2024-03-12 10:12:34.470"), "admin", 5, "10.60.9.14")

    # APPSRV01: warehouse web app, Java 8 on Windows, Tomcat JDBC pool without validation, Eastern daylight time.
    j = inc.add(AppLog("APPSRV01/Logs/warehouse-web.log", "logback", -240,
                       clock=("logback `%d{yyyy-MM-dd HH:mm:ss.SSS XXX}`", "yes (-04:00, EDT since 2024-03-10)", "each timestamp")))
    j.log(T("2024-03-12 12:58:00.044"), "INFO", "c.e.warehouse.WarehouseApplication", "Started WarehouseApplication in 21.774 seconds "
          "(JVM running for 23.102)", thread="main")
    j.log(T("2024-03-12 12:58:00.051"), "INFO", "o.a.tomcat.jdbc.pool.ConnectionPool", "Pool 'warehouse' initialised: initialSize=4, "
          "maxActive=20, testOnBorrow=false, validationQuery=null, url=jdbc:sqlserver://sqlaz01-lb.corp.example.com:1433;"
          "databaseName=Warehouse;integratedSecurity=true", thread="main")
    quiet_j = [("13:22:40.512", "13:41:05.211"), ("14:02:17.803", "14:09:50.118"), ("14:40:05.377", "14:43:15.520"),
               ("15:30:02.640", "16:05:33.402")]
    edges = [T("2024-03-12 12:58:01")]
    for a, b in quiet_j:
        edges += [T("2024-03-12 " + a), T("2024-03-12 " + b)]
    edges.append(T("2024-03-12 16:30:00"))
    windows = [(edges[i] + D(milliseconds=400), edges[i + 1] - D(milliseconds=400)) for i in range(0, len(edges), 2)]
    active_windows(j, rng, windows, 14, warehouse_noise)
    sql = "select l.id, l.sku, l.qty, l.bin from pick_line l where l.pick_list_id = ?"
    for i, (a, b) in enumerate(quiet_j):
        ta, tb = T("2024-03-12 " + a), T("2024-03-12 " + b)
        gap = seconds_between(ta, tb)
        last = inc.ev("quiet", "GET /picklists/", "APPSRV01's last activity before %dm%02ds without any" % (gap // 60, gap % 60))
        j.log(ta, "INFO", "c.e.warehouse.web.PickListController", "GET /picklists/%d -> 200 (%d ms)" % (rng.randint(700000, 799999),
              rng.randint(12, 90)), thread="http-nio-8443-exec-%d" % rng.randint(1, 12), mark=last)
        if gap < 240:
            last.note = "APPSRV01's last activity before %dm%02ds: shorter than the 4 min idle timeout, no error follows" % (gap // 60, gap % 60)
            j.log(tb, "INFO", "c.e.warehouse.web.PickListController", "GET /picklists/%d -> 200 (%d ms)" % (rng.randint(700000, 799999),
                  rng.randint(12, 90)), thread="http-nio-8443-exec-3")
            continue
        inc.error(j, tb, "c.e.warehouse.web.PickListController", "GET /picklists/%d failed" % rng.randint(700000, 799999),
                  jdbc_reset(inc.guid(), sql, ["at com.example.warehouse.repo.PickListDao.findLines(PickListDao.java:73)",
                                               "at com.example.warehouse.web.PickListController.get(PickListController.java:41)"],
                             write=True, java8=True, pool="tomcat"),
                  "APPSRV01", "-", "08S01", explained=("idle-timeout", last), thread="http-nio-8443-exec-%d" % rng.randint(1, 12))
        if b == "16:05:33.402":
            inc.error(j, T("2024-03-12 16:05:33.977"), "c.e.warehouse.web.ScanController", "POST /scans failed",
                      jdbc_reset(inc.guid(), "insert into scan (pick_line_id, qty, scanned_at) values (?, ?, ?)",
                                 ["at com.example.warehouse.repo.ScanDao.insert(ScanDao.java:29)",
                                  "at com.example.warehouse.web.ScanController.post(ScanController.java:35)"],
                                 write=True, java8=True, pool="tomcat"),
                      "APPSRV01", "-", "08S01", explained=("idle-timeout", last), thread="http-nio-8443-exec-9",
                      note="")

    # APPSRV02: shipping API, .NET 8, Min Pool Size=5 keeps idle connections forever; Serilog with +01:00.
    a = inc.add(AppLog("APPSRV02/Logs/shipping-api-20240312.log", "serilog", 60,
                       clock=("Serilog `yyyy-MM-dd HH:mm:ss.fff zzz`", "yes (+01:00)", "each timestamp")))
    a.log(T("2024-03-12 11:50:00.108"), "INFO", "", "Starting Shipping.Api 3.4.1 on APPSRV02 (.NET 8.0.2, Microsoft.Data.SqlClient 5.1.5)")
    a.log(T("2024-03-12 11:50:00.131"), "INFO", "", "Database: " + kv(
        ("Server", "tcp:sqlaz01-lb.corp.example.com,1433"), ("Initial Catalog", "Shipping"), ("User ID", "shipping_app"),
        ("Password", SECRET_IDLE), ("Min Pool Size", "5"), ("Encrypt", "True"), ("TrustServerCertificate", "True")),
          mark=inc.secret("Password"))
    a.log(T("2024-03-12 11:50:01.902"), "INFO", "", "Now listening on: https://0.0.0.0:5001")
    quiet_a = [("12:10:11.055", "12:31:40.207"), ("13:30:00.412", "13:33:30.608"), ("15:02:59.310", "15:40:00.561")]
    edges = [T("2024-03-12 11:50:02")]
    for x, y in quiet_a:
        edges += [T("2024-03-12 " + x), T("2024-03-12 " + y)]
    edges.append(T("2024-03-12 16:20:00"))
    windows = [(edges[i] + D(milliseconds=400), edges[i + 1] - D(milliseconds=400)) for i in range(0, len(edges), 2)]
    active_windows(a, rng, windows, 16, shipping_noise)
    for x, y in quiet_a:
        ta, tb = T("2024-03-12 " + x), T("2024-03-12 " + y)
        gap = seconds_between(ta, tb)
        last = inc.ev("quiet", "HTTP GET /api/shipments/", "APPSRV02's last activity before %dm%02ds without any" % (gap // 60, gap % 60))
        a.log(ta, "INFO", "", "HTTP GET /api/shipments/%d responded 200 in %.4f ms" % (rng.randint(3000000, 3999999), rng.uniform(3, 40)),
              mark=last)
        if gap < 240:
            last.note = "APPSRV02's last activity before %dm%02ds: shorter than the 4 min idle timeout, no error follows" % (gap // 60, gap % 60)
            a.log(tb, "INFO", "", "HTTP GET /api/shipments/%d responded 200 in %.4f ms" % (rng.randint(3000000, 3999999), rng.uniform(3, 40)))
            continue
        inc.error(a, tb, "", "Failed executing GET /api/shipments/%d" % rng.randint(3000000, 3999999),
                  sqlclient_exception("Microsoft", 10054, inc.guid(), api_frames("GetAsync(Int64 id, CancellationToken ct)", 44, "Shipping.Api")[:7]
                                      + SHIPPING_FRAMES), "APPSRV02", 10054, explained=("idle-timeout", last))
        if y == "15:40:00.561":
            inc.error(a, T("2024-03-12 15:40:00.563"), "", "Failed executing GET /api/shipments/%d" % rng.randint(3000000, 3999999),
                      sqlclient_exception("Microsoft", 10054, inc.guid(), api_frames("GetAsync(Int64 id, CancellationToken ct)", 44,
                                                                                     "Shipping.Api")[:7] + SHIPPING_FRAMES),
                      "APPSRV02", 10054, explained=("idle-timeout", last))
    inc.error(a, T("2024-03-12 14:21:07.880"), "", "Failed executing POST /api/shipments/3410876/labels",
              sqlclient_deadlock("Microsoft", inc.guid(), 83, ["at Shipping.Api.Data.LabelStore.ReserveAsync(Int64 shipmentId, "
                                                                "CancellationToken ct) in D:\\a\\1\\s\\src\\Shipping.Api\\Data\\LabelStore.cs:line 61"]
                                 + SHIPPING_FRAMES[1:]),
              "APPSRV02", 1205, not_network="a deadlock victim (1205): a server-side decision, not a severed connection")

    inc.cause = "idle-timeout (pooled connections cut by the Azure load balancer in front of SQLAZ01 after 4 min idle)"
    inc.story = ("Tuesday 2024-03-12. SQLAZ01 is a SQL Server 2022 VM in Azure, reached through an internal load balancer "
                 "(`sqlaz01-lb`) whose idle timeout is 4 minutes with TCP reset on idle. Two apps keep pooled connections across "
                 "quiet periods: a Java 8 warehouse app on APPSRV01 (Tomcat JDBC pool, no validation) and a .NET 8 shipping API on "
                 "APPSRV02 (`Min Pool Size=5`, so SqlClient never prunes them). After every quiet period longer than 4 minutes the "
                 "first use of each pooled connection fails. The server saw nothing: its ERRORLOG holds only backups, a CHECKDB and a "
                 "password-guessing scan.")
    inc.verdict = ("Each explained error is the first entry on its host after a quiet period of 7 to 37 minutes, and no server event "
                   "(restart, kill, failover) is near any of them. The two quiet periods shorter than 4 minutes are followed by "
                   "successful requests.")
    inc.traps = [
        "Quiet periods of 3m10s (APPSRV01) and 3m30s (APPSRV02) end in a success: the gap must exceed the idle timeout.",
        "At 16:05:33Z APPSRV01 fails twice within 0.6 s: two pooled connections, both stale; both are first uses after the same gap.",
        "The deadlock (1205) on APPSRV02 is a client SQL error but not a connectivity error; it lands as not network.",
        "APPSRV01 logs EDT (-04:00, US daylight time began 2024-03-10); APPSRV02 logs +01:00; the server is UTC.",
    ]
    return inc


def write(out):
    return build().write(out)
