"""SQL Server ERRORLOG: the file, the instance it describes, and the blocks SQL Server writes.

UTF-16LE with a BOM and CRLF, local time with centiseconds, the source (`Server`, `spid52`, `Logon`,
`Backup`) padded to 12 columns; the startup block of a 2019/2022 instance, sp_cycle_errorlog's header,
the shutdown block, backups, login failures, CHECKDB, FlushCache and long I/O reports.
"""

from ..clock import D
from ..textfile import TextFile

INFO = "This is an informational message only. No user action is required."
INFO_SEMICOLON = "This is an informational message only; no user action is required."
INFO_SHORT = "This is an informational message; no user action is required."

SQL2019 = {
    "banner": "Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64) ",
    "built": "\tJul 27 2023 18:11:00 ",
    "copyright": "\tCopyright (C) 2019 Microsoft Corporation",
    "resource": "15.00.4322",
    "folder": "MSSQL15.MSSQLSERVER",
}
SQL2022 = {
    "banner": "Microsoft SQL Server 2022 (RTM-CU11) (KB5032679) - 16.0.4105.2 (X64) ",
    "built": "\tNov 14 2023 18:33:19 ",
    "copyright": "\tCopyright (C) 2022 Microsoft Corporation",
    "resource": "16.00.4105",
    "folder": "MSSQL16.MSSQLSERVER",
}


def adjustment_text(minutes):
    """ERRORLOG writes 'UTC adjustment: -5:00', '1:00', '5:30', '0:00': no plus sign, no hour padding."""
    sign = "-" if minutes < 0 else ""
    m = abs(minutes)
    return "%s%d:%02d" % (sign, m // 60, m % 60)


class ErrorLog(TextFile):
    """A SQL Server ERRORLOG: UTF-16LE with BOM, CRLF, local time with centiseconds, source in 12 columns."""

    def __init__(self, path, server):
        super().__init__(path, newline="\r\n", encoding="utf-16-le", bom=True,
                         clock=("SQL Server ERRORLOG (UTF-16LE)", "none; `UTC adjustment: %s` in its first block"
                                % adjustment_text(server.adjust), "from the file"))
        self.server = server

    def local(self, utc):
        return utc + D(minutes=self.server.adjust)

    def utc(self, local):
        return local - D(minutes=self.server.adjust)

    def stamp(self, utc):
        local = self.local(utc)
        return local.strftime("%Y-%m-%d %H:%M:%S") + ".%02d" % (local.microsecond // 10000)

    def add(self, utc, src, msg, cont=(), mark=None):
        utc = utc - D(microseconds=utc.microsecond % 10000)   # what the file can say: centiseconds
        stamp = self.stamp(utc)
        lines = ["%s %-12s%s" % (stamp, src, msg)] + list(cont)
        if mark is not None:
            mark.time = utc
        self.put(utc, lines, [mark] if mark else [], stamp)
        return mark

    def add_local(self, local, src, msg, *cont):
        """A line at the server's local time, for a script that copies its times off a real ERRORLOG."""
        return self.add(self.utc(local), src, msg, cont)


class Server:
    """What an ERRORLOG says about its instance."""

    def __init__(self, name, version, adjust, edition, os_line, pid, account, data="D:", logdir=None,
                 cpus=8, ram=65535, model="'VMware, Inc.', System Model: 'VMware7,1'"):
        self.name = name
        self.v = version
        self.adjust = adjust
        self.edition = edition
        self.os_line = os_line
        self.pid = pid
        self.account = account
        self.data = data
        self.cpus = cpus
        self.ram = ram
        self.model = model
        root = "%s\\%s\\MSSQL" % (data, version["folder"])
        self.errorlog_path = (logdir or root + "\\Log") + "\\ERRORLOG"
        self.datadir = root + "\\DATA"
        self.fqdn = name.lower() + ".corp.example.com"

    def banner_lines(self):
        return [self.v["built"], self.v["copyright"],
                "\t%s on %s" % (self.edition, self.os_line), ""]


class Cursor:
    """Walks time forward by small steps while a block of lines is written."""

    def __init__(self, t):
        self.t = t

    def at(self, ms=0):
        self.t = self.t + D(milliseconds=ms)
        return self.t


def startup_block(el, t0, databases, prev_pid, prev_stop_utc, ready_after_ms, mirroring=False, spn_ok=True,
                  restart_mark=None, ready_mark=None, trace_flags=("-T 3226",)):
    """The whole startup block of a real 2019/2022 instance; ends with recovery complete."""
    s = el.server
    c = Cursor(t0)
    srv = "Server"
    el.add(c.at(), srv, s.v["banner"], s.banner_lines(), mark=restart_mark)
    el.add(c.at(10), srv, "UTC adjustment: %s" % adjustment_text(s.adjust))
    el.add(c.at(), srv, "(c) Microsoft Corporation.")
    el.add(c.at(), srv, "All rights reserved.")
    el.add(c.at(), srv, "Server process ID is %d." % s.pid)
    el.add(c.at(), srv, "System Manufacturer: %s." % s.model)
    el.add(c.at(), srv, "Authentication mode is MIXED.")
    el.add(c.at(), srv, "Logging SQL Server messages in file '%s'." % s.errorlog_path)
    el.add(c.at(), srv, "The service account is '%s'. This is an informational message; no user action is required." % s.account)
    params = ["\t -d %s\\master.mdf" % s.datadir, "\t -e %s" % s.errorlog_path,
              "\t -l %s\\mastlog.ldf" % s.datadir] + ["\t %s" % f for f in trace_flags]
    el.add(c.at(), srv, "Registry startup parameters: ", params)
    el.add(c.at(), srv, "Command Line Startup Parameters:", ['\t -s "MSSQLSERVER"'])
    el.add(c.at(), srv, "SQL Server detected 2 sockets with %d cores per socket and %d logical processors per socket, "
           "%d total logical processors; using %d logical processors based on SQL Server licensing. This is an "
           "informational message; no user action is required." % (s.cpus // 2, s.cpus // 2, s.cpus, s.cpus))
    el.add(c.at(), srv, "SQL Server is starting at normal priority base (=7). This is an informational message only. No user action is required.")
    el.add(c.at(), srv, "Detected %d MB of RAM. This is an informational message; no user action is required." % s.ram)
    el.add(c.at(), srv, "Using conventional memory in the memory manager.")
    el.add(c.at(), srv, "Page exclusion bitmap is enabled.")
    el.add(c.at(40), srv, "Buffer Pool: Allocating 8388608 bytes for 6291456 hashPages.")
    el.add(c.at(30), srv, "Default collation: SQL_Latin1_General_CP1_CI_AS (us_english 1033)")
    el.add(c.at(30), srv, "Buffer pool extension is already disabled. No action is necessary.")
    el.add(c.at(20), srv, "Perfmon counters for resource governor pools and groups failed to initialize and are disabled.")
    el.add(c.at(10), srv, "Query Store settings initialized with enabled = 1, ")
    el.add(c.at(), srv, "The maximum number of dedicated administrator connections for this instance is '1'")
    prev_local = prev_stop_utc + D(minutes=s.adjust)

    def us_time(t):
        return "%d/%d/%d %d:%02d:%02d %s" % (t.month, t.day, t.year, (t.hour % 12) or 12, t.minute, t.second,
                                             "AM" if t.hour < 12 else "PM")

    el.add(c.at(), srv, "This instance of SQL Server last reported using a process ID of %d at %s (local) %s (UTC). "
           "This is an informational message only; no user action is required." % (prev_pid, us_time(prev_local), us_time(prev_stop_utc)))
    mask = "0x%016x" % ((1 << s.cpus) - 1)
    el.add(c.at(), srv, "Node configuration: node 0: CPU mask: %s:0 Active CPU mask: %s:0. This message provides a description "
           "of the NUMA configuration for this computer. This is an informational message only. No user action is required." % (mask, mask))
    el.add(c.at(), srv, "Using dynamic lock allocation.  Initial allocation of 2500 Lock blocks and 5000 Lock Owner blocks per node.  "
           "This is an informational message only.  No user action is required.")
    el.add(c.at(10), srv, "In-Memory OLTP initialized on standard machine.")
    el.add(c.at(), srv, "[INFO] Created Extended Events session 'hkenginexesession'", [""])
    el.add(c.at(), srv, "Database Instant File Initialization: enabled. For security and performance considerations see the topic "
           "'Database Instant File Initialization' in SQL Server Books Online. This is an informational message only. No user action is required.")
    el.add(c.at(10), srv, "Total Log Writer threads: 2. This is an informational message; no user action is required.")
    if not mirroring:
        el.add(c.at(20), srv, "Database Mirroring Transport is disabled in the endpoint configuration.")
    el.add(c.at(), srv, "clflushopt is selected for pmem flush operation.")
    el.add(c.at(10), srv, "Software Usage Metrics is disabled.")
    el.add(c.at(10), "spid9s", "Starting up database 'master'.")
    el.add(c.at(30), "spid9s", "[1]. Feature Status: PVS: 0. CTR: 0. ConcurrentPFSUpdate: 1.")
    el.add(c.at(40), "spid9s", "Resource governor reconfiguration succeeded.")
    el.add(c.at(), "spid9s", "SQL Server Audit is starting the audits. This is an informational message. No user action is required.")
    el.add(c.at(), "spid9s", "SQL Server Audit has started the audits. This is an informational message. No user action is required.")
    el.add(c.at(20), "spid9s", "SQL Trace ID 1 was started by login \"sa\".")
    el.add(c.at(10), "spid9s", "Server name is '%s'. This is an informational message only. No user action is required." % s.name)
    el.add(c.at(10), "spid14s", "Starting up database 'mssqlsystemresource'.")
    el.add(c.at(), "spid14s", "The resource database build version is %s. This is an informational message only. No user action is required." % s.v["resource"])
    el.add(c.at(10), "spid9s", "Starting up database 'msdb'.")
    el.add(c.at(10), "spid14s", "[32767]. Feature Status: PVS: 0. CTR: 0. ConcurrentPFSUpdate: 1.")
    el.add(c.at(), "spid14s", "Starting up database 'model'.")
    el.add(c.at(30), "spid18s", "Password policy update was successful.")
    el.add(c.at(40), "spid18s", "A self-generated certificate was successfully loaded for encryption.")
    el.add(c.at(), "spid18s", "Server is listening on [ 'any' <ipv6> 1433].")
    el.add(c.at(), "spid18s", "Server is listening on [ 'any' <ipv4> 1433].")
    el.add(c.at(), "spid18s", "Server local connection provider is ready to accept connection on [ \\\\.\\pipe\\SQLLocal\\MSSQLSERVER ].")
    el.add(c.at(), "spid18s", "Server local connection provider is ready to accept connection on [ \\\\.\\pipe\\sql\\query ].")
    el.add(c.at(10), srv, "Server is listening on [ ::1 <ipv6> 1434].")
    el.add(c.at(), srv, "Server is listening on [ 127.0.0.1 <ipv4> 1434].")
    el.add(c.at(), srv, "Dedicated admin connection support was established for listening locally on port 1434.")
    el.add(c.at(10), "spid14s", "Clearing tempdb database.")
    # Ready comes when the listeners are up; user databases go on recovering after it.
    ready = t0 + D(milliseconds=ready_after_ms)
    el.add(ready, "spid18s", "SQL Server is now ready for client connections. This is an informational message; no user action is required.",
           mark=ready_mark)
    c = Cursor(ready)
    el.add(c.at(10), srv, "SQL Server is attempting to register a Service Principal Name (SPN) for the SQL Server service. Kerberos "
           "authentication will not be possible until a SPN is registered for the SQL Server service. This is an informational message. "
           "No user action is required.")
    if spn_ok:
        el.add(c.at(20), srv, "The SQL Server Network Interface library successfully registered the Service Principal Name (SPN) "
               "[ MSSQLSvc/%s ] for the SQL Server service." % s.fqdn)
        el.add(c.at(), srv, "The SQL Server Network Interface library successfully registered the Service Principal Name (SPN) "
               "[ MSSQLSvc/%s:1433 ] for the SQL Server service." % s.fqdn)
    else:
        el.add(c.at(20), srv, "The SQL Server Network Interface library could not register the Service Principal Name (SPN) "
               "[ MSSQLSvc/%s:1433 ] for the SQL Server service. Windows return code: 0x2098, state: 15. Failure to register a SPN "
               "might cause integrated authentication to use NTLM instead of Kerberos. This is an informational message. Further action "
               "is only required if Kerberos authentication is required by authentication policies and if the SPN has not been "
               "manually registered." % s.fqdn)
    el.add(c.at(300), "spid14s", "Starting up database 'tempdb'.")
    el.add(c.at(200), "spid14s", "The tempdb database has 8 data file(s).")
    el.add(c.at(10), "spid22s", "The Service Broker endpoint is in disabled or stopped state.")
    if not mirroring:
        el.add(c.at(), "spid22s", "The Database Mirroring endpoint is in disabled or stopped state.")
    el.add(c.at(20), "spid22s", "Service Broker manager has started.")
    spids = [31, 33, 35, 37, 39]
    for i, (db, dbid, checkdb) in enumerate(databases):
        sp = "spid%ds" % spids[i % len(spids)]
        el.add(c.at(40), sp, "Starting up database '%s'." % db)
        el.add(c.at(300), sp, "Parallel redo is started for database '%s' with worker pool size [%d]." % (db, s.cpus // 2))
        el.add(c.at(900), sp, "Parallel redo is shutdown for database '%s' with worker pool size [%d]." % (db, s.cpus // 2))
        if checkdb:
            el.add(c.at(20), sp, "CHECKDB for database '%s' finished without errors on %s (local time). This is an informational "
                   "message only; no user action is required." % (db, checkdb))
    el.add(c.at(200), "spid9s", "Recovery is complete. This is an informational message only. No user action is required.")
    return c.t


def cycle_header(el, t0, spid, mark=None):
    """What sp_cycle_errorlog writes at the top of the new file: the banner again, from a user spid."""
    s = el.server
    src = "spid%d" % spid
    c = Cursor(t0)
    el.add(c.at(), src, s.v["banner"], s.banner_lines(), mark=mark)
    el.add(c.at(), src, "UTC adjustment: %s" % adjustment_text(s.adjust))
    el.add(c.at(), src, "(c) Microsoft Corporation.")
    el.add(c.at(), src, "All rights reserved.")
    el.add(c.at(), src, "Server process ID is %d." % s.pid)
    el.add(c.at(), src, "System Manufacturer: %s." % s.model)
    el.add(c.at(), src, "Authentication mode is MIXED.")
    el.add(c.at(), src, "Logging SQL Server messages in file '%s'." % s.errorlog_path)
    el.add(c.at(), src, "The service account is '%s'. This is an informational message; no user action is required." % s.account)
    el.add(c.at(), src, "The error log has been reinitialized. See the previous log for older entries.")
    el.add(c.at(10), src, "Default collation: SQL_Latin1_General_CP1_CI_AS (us_english 1033)")
    el.add(c.at(), src, "The tempdb database has 8 data file(s).")
    return c.t


def cycle_footer(el, t, spid):
    el.add(t, "spid%d" % spid, "Attempting to cycle error log. This is an informational message only; no user action is required.")


def shutdown_block(el, t, how, spid="spid9s", mark=None, ag=False):
    if how == "stop":
        text = ("SQL Server is terminating in response to a 'stop' request from Service Control Manager. This is an "
                "informational message only. No user action is required.")
    else:
        text = "SQL Server is terminating because of a system shutdown. This is an informational message only. No user action is required."
    c = Cursor(t)
    el.add(c.at(), spid, text, mark=mark)
    el.add(c.at(150), spid, "Service Broker manager has shut down.")
    el.add(c.at(400), spid, ".NET Framework runtime has been stopped.")
    el.add(c.at(120), spid, "SQL Trace was stopped due to server shutdown. Trace ID = '1'. This is an informational message only; no user action is required.")
    return c.t


class Lsn:
    """Monotone LSNs per database, so backup lines read like a real chain."""

    def __init__(self, rng, start):
        self.rng = rng
        self.vlf = start
        self.blk = rng.randint(100, 9000)

    def next(self):
        first = "%d:%d:1" % (self.vlf, self.blk)
        step = self.rng.randint(0, 3)
        if step:
            self.vlf += step
            self.blk = self.rng.randint(100, 30000)
        else:
            self.blk += self.rng.randint(50, 4000)
        return first, "%d:%d:1" % (self.vlf, self.blk)


class Backups:
    """Ola Hallengren style backup file names and the 18264/18265 messages SQL Server writes for them."""

    def __init__(self, el, rng, share, databases, url=False):
        self.el = el
        self.rng = rng
        self.share = share
        self.url = url
        self.db = {name: (created, Lsn(rng, start)) for name, created, start in databases}

    def _device(self, db, kind, utc):
        local = self.el.local(utc)
        stamp = local.strftime("%Y%m%d_%H%M%S")
        name = "%s_%s_%s_%s.%s" % (self.el.server.name, db, kind, stamp, "trn" if kind == "LOG" else "bak")
        if self.url:
            return "TYPE=URL: {'%s/%s'}" % (self.share, name)
        return "TYPE=DISK: {'%s\\%s\\%s\\%s'}" % (self.share, db, kind, name)

    def log(self, utc, db):
        created, lsn = self.db[db]
        first, last = lsn.next()
        self.el.add(utc, "Backup", "Log was backed up. Database: %s, creation date(time): %s, first LSN: %s, last LSN: %s, "
                    "number of dump devices: 1, device information: (FILE=1, %s). This is an informational message only. "
                    "No user action is required." % (db, created, first, last, self._device(db, "LOG", utc)))

    def full(self, utc, db, pages):
        created, lsn = self.db[db]
        first, last = lsn.next()
        self.el.add(utc, "Backup", "Database backed up. Database: %s, creation date(time): %s, pages dumped: %d, first LSN: %s, "
                    "last LSN: %s, number of dump devices: 1, device information: (FILE=1, %s). This is an informational message "
                    "only. No user action is required." % (db, created, pages, first, last, self._device(db, "FULL", utc)))

    def schedule_logs(self, start, end, minutes, dbs, jitter_s=(1, 9)):
        t = start
        while t <= end:
            for i, db in enumerate(dbs):
                self.log(t + D(seconds=self.rng.randint(*jitter_s) + 2 * i, milliseconds=self.rng.randint(0, 990)), db)
            t += D(minutes=minutes)


LOGIN_REASONS = {
    5: "Could not find a login matching the name provided.",
    8: "Password did not match that for the login provided.",
    38: "Failed to open the explicitly specified database '%s'.",
}


def login_failed(el, utc, user, state, client, db=None, mark=None):
    reason = LOGIN_REASONS[state] % db if db else LOGIN_REASONS[state]
    el.add(utc, "Logon", "Error: 18456, Severity: 14, State: %d." % state)
    el.add(utc, "Logon", "Login failed for user '%s'. Reason: %s [CLIENT: %s]" % (user, reason, client), mark=mark)


def checkdb(el, utc, spid, db, by, minutes, seconds, rng):
    split = "%08x:%08x:0001" % (rng.randint(0x10000, 0xfffff), rng.randint(0x1000, 0xfffff))
    el.add(utc, "spid%d" % spid, "DBCC CHECKDB (%s) WITH all_errormsgs, no_infomsgs executed by %s found 0 errors and repaired 0 "
           "errors. Elapsed time: 0 hours %d minutes %d seconds.  Internal database snapshot has split point LSN = %s and first "
           "LSN = %s." % (db, by, minutes, seconds, split, split))


def flushcache(el, utc, spid, dbid, rng):
    bufs = rng.randint(40000, 120000)
    writes = int(bufs * 0.7)
    ms = rng.randint(61000, 74000)
    src = "spid%ds" % spid
    el.add(utc, src, "FlushCache: cleaned up %d bufs with %d writes in %d ms (avoided %d new dirty bufs) for db %d:0"
           % (bufs, writes, ms, rng.randint(3, 40), dbid))
    el.add(utc, src, "            average writes per second: %.2f writes/sec" % (writes / (ms / 1000.0)))
    el.add(utc, src, "            average throughput:  %.2f MB/sec, I/O saturation: %d, context switches %d"
           % (writes * 8 / 1024.0 / (ms / 1000.0), rng.randint(20000, 60000), rng.randint(30000, 90000)))
    el.add(utc, src, "            last target outstanding: 2, avgWriteLatency %d" % rng.randint(9, 30))


def long_io(el, utc, spid, path, dbid, rng, mark=None):
    el.add(utc, "spid%ds" % spid, "SQL Server has encountered 3 occurrence(s) of I/O requests taking longer than 15 seconds to complete "
           "on file [%s] in database id %d.  The OS file handle is 0x0000000000000E5C.  The offset of the latest long I/O is: "
           "0x%012x.  The duration of the long I/O is: %d ms." % (path, dbid, rng.randint(1 << 30, 1 << 36) & ~0xfff, rng.randint(15100, 19900)),
           mark=mark)
