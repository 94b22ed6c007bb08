#!/usr/bin/env python3
"""Writes the sample incident folders under sample-logs/, one per cause the `diagnose` command knows.

    python3 sample-logs/make_samples.py

Standard library only and deterministic: the same script always writes the same bytes, so a diff of
the outputs reviews a change here. Every folder gets an EXPECTED.md written from the same facts that
placed the log lines (UTC times, file:line of each client error and of each piece of evidence), so
the references a person checks by hand cannot drift from the logs.

The domain comes from the seed documents: the error texts, ERRORLOG lines, `netstat -n` and
`netsh int tcp show global` layouts, the ACK+RESET capture signature, and the 30 s + 5 x 1 s
keepalive timing. Layouts follow what the real tools write: ERRORLOG in UTF-16LE with a BOM and
CRLF, centisecond stamps and the 12-column source field; Serilog, log4net, logback and Python
logging file layouts; tshark's one-line summary; wevtutil's text export.

sample-logs/incident-restart is written by hand elsewhere and is not touched here.
"""

import datetime as dt
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
D = dt.timedelta

# Passwords that appear in logged connection strings. The product must print them masked; every
# place they land is listed in that folder's EXPECTED.md. Kept apart from any key so this script
# itself holds no connection string with a password in it.
SECRET_IDLE = "Wh1teRabb1t!42"
SECRET_PRICESYNC = "Pr1c3Sync#2019"
SECRET_BILLING = "b1ll1ng-Jtds-77"
SECRET_INVSYNC = "Inv#Sync2024"


def kv(*pairs):
    """A connection string from (key, value) pairs."""
    return ";".join(k + "=" + v for k, v in pairs) + ";"


# ----------------------------------------------------------------------------------------------
# Time
# ----------------------------------------------------------------------------------------------

def T(text):
    """A UTC instant from '2024-02-20 15:14:27.460'."""
    fmt = "%Y-%m-%d %H:%M:%S.%f" if "." in text else "%Y-%m-%d %H:%M:%S"
    return dt.datetime.strptime(text, fmt)


def utc_text(t):
    return t.strftime("%Y-%m-%d %H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def offset_text(minutes):
    sign = "-" if minutes < 0 else "+"
    m = abs(minutes)
    return "%s%02d:%02d" % (sign, m // 60, m % 60)


def ms3(t):
    return "%03d" % (t.microsecond // 1000)


def seconds_between(a, b):
    return (b - a).total_seconds()


# ----------------------------------------------------------------------------------------------
# Marks: what EXPECTED.md reports about a line
# ----------------------------------------------------------------------------------------------

class Mark:
    """A line EXPECTED.md names; path, line and stamp are filled in when the file is rendered."""

    def __init__(self, kind, **fields):
        self.kind = kind          # 'error', 'evidence', 'secret', 'not-error'
        self.offset = 0           # line within the entry
        self.__dict__.update(fields)
        self.path = None
        self.line = None
        self.stamp = None
        self.time = None

    @property
    def where(self):
        return "%s:%d" % (self.path, self.line)


class TextFile:
    """Entries placed at UTC times, written in time order (stable for equal times)."""

    def __init__(self, path, newline="\r\n", encoding="utf-8", bom=False, ordered=True, clock=None):
        self.path = path
        self.newline = newline
        self.encoding = encoding
        self.bom = bom
        self.ordered = ordered
        self.clock = clock        # (format, offset in text, how to get UTC) for EXPECTED.md
        self.entries = []

    def put(self, utc, lines, marks=(), stamp=None):
        self.entries.append((utc, len(self.entries), list(lines), list(marks), stamp))

    def render(self):
        entries = sorted(self.entries, key=lambda e: (e[0], e[1])) if self.ordered else self.entries
        out = []
        for utc, _, lines, marks, stamp in entries:
            for m in marks:
                m.path = self.path
                m.line = len(out) + 1 + m.offset
                m.stamp = stamp
                if m.time is None:
                    m.time = utc
            out.extend(lines)
        text = self.newline.join(out) + self.newline
        data = text.encode(self.encoding)
        if self.bom:
            data = (b"\xff\xfe" if self.encoding == "utf-16-le" else b"\xef\xbb\xbf") + data
        return data


# ----------------------------------------------------------------------------------------------
# Application log layouts
# ----------------------------------------------------------------------------------------------

LEVEL_NAMES = {
    "serilog": {"ERROR": "ERR", "WARN": "WRN", "INFO": "INF", "DEBUG": "DBG"},
    "log4net": {"ERROR": "ERROR", "WARN": "WARN", "INFO": "INFO", "DEBUG": "DEBUG"},
    "logback": {"ERROR": "ERROR", "WARN": "WARN", "INFO": "INFO", "DEBUG": "DEBUG"},
    "python": {"ERROR": "ERROR", "WARN": "WARNING", "INFO": "INFO", "DEBUG": "DEBUG"},
}


class AppLog(TextFile):
    """One application log file.

    serilog: {Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}
    log4net: %date{yyyy-MM-dd HH:mm:ss,fff zzz} [%thread] %-5level %logger - %message%newline%exception
             (or plain %date, local time without offset, when show_offset is False)
    logback: %d{yyyy-MM-dd HH:mm:ss.SSS XXX} %-5level [%thread] %logger{36} - %msg%n
             (iso=True: %d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX})
    python:  %(asctime)s %(levelname)s %(name)s: %(message)s (asctime has no offset)
    """

    def __init__(self, path, layout, offset_minutes, newline="\r\n", show_offset=True, iso=False, clock=None):
        super().__init__(path, newline=newline, clock=clock)
        self.layout = layout
        self.offset = offset_minutes
        self.show_offset = show_offset
        self.iso = iso

    def stamp(self, utc):
        local = utc + D(minutes=self.offset)
        if self.layout == "serilog":
            return local.strftime("%Y-%m-%d %H:%M:%S.") + ms3(local) + " " + offset_text(self.offset)
        if self.layout == "log4net":
            s = local.strftime("%Y-%m-%d %H:%M:%S,") + ms3(local)
            return s + " " + offset_text(self.offset) if self.show_offset else s
        if self.layout == "logback":
            xxx = "Z" if self.offset == 0 else offset_text(self.offset)
            if self.iso:
                return local.strftime("%Y-%m-%dT%H:%M:%S.") + ms3(local) + xxx
            return local.strftime("%Y-%m-%d %H:%M:%S.") + ms3(local) + " " + xxx
        return local.strftime("%Y-%m-%d %H:%M:%S,") + ms3(local)

    def log(self, utc, level, logger, msg, exc=(), thread="", mark=None):
        stamp = self.stamp(utc)
        lvl = LEVEL_NAMES[self.layout][level]
        if self.layout == "serilog":
            head = "%s [%s] %s" % (stamp, lvl, msg)
        elif self.layout == "log4net":
            head = "%s [%s] %-5s %s - %s" % (stamp, thread, lvl, logger, msg)
        elif self.layout == "logback":
            head = "%s %-5s [%s] %s - %s" % (stamp, lvl, thread, logger, msg)
        else:
            head = "%s %s %s: %s" % (stamp, lvl, logger, msg)
        self.put(utc, [head] + list(exc), [mark] if mark else [], stamp)
        return mark


# ----------------------------------------------------------------------------------------------
# SQL Server ERRORLOG
# ----------------------------------------------------------------------------------------------

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


# ----------------------------------------------------------------------------------------------
# Client error texts: the shapes the drivers really print
# ----------------------------------------------------------------------------------------------

WSA_TEXT = {
    10054: "An existing connection was forcibly closed by the remote host",
    10053: "An established connection was aborted by the software in your host machine",
    10061: "No connection could be made because the target machine actively refused it",
    64: "The specified network name is no longer available",
    258: "The wait operation timed out",
}

SEND = "A transport-level error has occurred when sending the request to the server."
RECV = "A transport-level error has occurred when receiving results from the server."
PRELOGIN = ("A connection was successfully established with the server, but then an error occurred during the pre-login "
            "handshake.")
NETWORK = ("A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server "
           "was not found or was not accessible. Verify that the instance name is correct and that SQL Server is configured to "
           "allow remote connections.")
TIMEOUT = "Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding."


def _sqlclient_frames(ns, op, phase):
    """Driver frames, innermost first, for Microsoft.Data.SqlClient (ns='Microsoft') or System.Data.SqlClient (ns='System')."""
    p = "%s.Data.SqlClient" % ns
    rpc_arg = "SqlCommand cmd, IList`1 rpcArray" if ns == "Microsoft" else "_SqlRPC[] rpcArray"
    head = [
        "at %s.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)" % p,
        "at %s.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)" % p,
        "at %s.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, Boolean callerHasConnectionLock, Boolean asyncClose)" % p,
    ]
    if phase == "send":
        mid = [
            "at %s.TdsParserStateObject.WriteSni(Boolean canAccumulate)" % p,
            "at %s.TdsParserStateObject.WritePacket(Byte flushMode, Boolean canAccumulate)" % p,
            "at %s.TdsParser.TdsExecuteRPC(%s, Int32 timeout, Boolean inSchema, SqlNotificationRequest notificationRequest, "
            "TdsParserStateObject stateObj, Boolean isCommandProc, Boolean sync, TaskCompletionSource`1 completion, Int32 startRpc, "
            "Int32 startParam)" % (p, rpc_arg),
        ]
    elif phase == "recv":
        mid = [
            "at %s.TdsParserStateObject.ReadSniError(TdsParserStateObject stateObj, UInt32 error)" % p,
            "at %s.TdsParserStateObject.ReadSniSyncOverAsync()" % p,
            "at %s.TdsParserStateObject.TryReadNetworkPacket()" % p,
            "at %s.TdsParserStateObject.TryPrepareBuffer()" % p,
            "at %s.TdsParserStateObject.TryReadByte(Byte& value)" % p,
            "at %s.TdsParser.TryRun(RunBehavior runBehavior, SqlCommand cmdHandler, SqlDataReader dataStream, "
            "BulkCopySimpleResultSet bulkCopyHandler, TdsParserStateObject stateObj, Boolean& dataReady)" % p,
            "at %s.SqlDataReader.TryConsumeMetaData()" % p,
            "at %s.SqlDataReader.get_MetaData()" % p,
            "at %s.SqlCommand.FinishExecuteReader(SqlDataReader ds, RunBehavior runBehavior, String resetOptionsString, "
            "Boolean isInternal, Boolean forDescribeParameterEncryption, Boolean shouldCacheForAlwaysEncrypted)" % p,
        ]
    else:  # timeout: the attention was sent, the parser gives up while running the response
        mid = [
            "at %s.TdsParser.TryRun(RunBehavior runBehavior, SqlCommand cmdHandler, SqlDataReader dataStream, "
            "BulkCopySimpleResultSet bulkCopyHandler, TdsParserStateObject stateObj, Boolean& dataReady)" % p,
            "at %s.SqlDataReader.TryConsumeMetaData()" % p,
            "at %s.SqlDataReader.get_MetaData()" % p,
            "at %s.SqlCommand.FinishExecuteReader(SqlDataReader ds, RunBehavior runBehavior, String resetOptionsString, "
            "Boolean isInternal, Boolean forDescribeParameterEncryption, Boolean shouldCacheForAlwaysEncrypted)" % p,
        ]
    if ns == "Microsoft":
        run = [
            "at %s.SqlCommand.RunExecuteReaderTds(CommandBehavior cmdBehavior, RunBehavior runBehavior, Boolean returnStream, "
            "Boolean isAsync, Int32 timeout, Task& task, Boolean asyncWrite, Boolean inRetry, SqlDataReader ds, "
            "Boolean describeParameterEncryptionRequest)" % p,
            "at %s.SqlCommand.RunExecuteReader(CommandBehavior cmdBehavior, RunBehavior runBehavior, Boolean returnStream, "
            "TaskCompletionSource`1 completion, Int32 timeout, Task& task, Boolean& usedCache, Boolean asyncWrite, Boolean inRetry, "
            "String method)" % p,
        ]
    else:
        run = [
            "at %s.SqlCommand.RunExecuteReaderTds(CommandBehavior cmdBehavior, RunBehavior runBehavior, Boolean returnStream, "
            "Boolean async, Int32 timeout, Task& task, Boolean asyncWrite, Boolean inRetry, SqlDataReader ds, "
            "Boolean describeParameterEncryptionRequest)" % p,
            "at %s.SqlCommand.RunExecuteReader(CommandBehavior cmdBehavior, RunBehavior runBehavior, Boolean returnStream, "
            "String method, TaskCompletionSource`1 completion, Int32 timeout, Task& task, Boolean& usedCache, Boolean asyncWrite, "
            "Boolean inRetry)" % p,
        ]
    if op == "nonquery":
        if ns == "System":
            args = "TaskCompletionSource`1 completion, String methodName, Boolean sendToPipe, Int32 timeout, Boolean& usedCache, " \
                   "Boolean asyncWrite, Boolean inRetry"
        else:
            args = "TaskCompletionSource`1 completion, Boolean sendToPipe, Int32 timeout, Boolean& usedCache, Boolean asyncWrite, " \
                   "Boolean inRetry, String methodName"
        tail = ["at %s.SqlCommand.InternalExecuteNonQuery(%s)" % (p, args), "at %s.SqlCommand.ExecuteNonQuery()" % p]
    else:
        tail = ["at %s.SqlCommand.ExecuteReader(CommandBehavior behavior)" % p,
                "at %s.SqlCommand.ExecuteDbDataReader(CommandBehavior behavior)" % p]
    return head + mid + run + tail


def sqlclient_exception(ns, number, cid, app_frames, op="reader", netfx=None):
    """A SqlException.ToString() the way each runtime prints it, ending with ClientConnectionId and Error Number."""
    netfx = (ns == "System") if netfx is None else netfx
    phase = {10054: "send", 10053: "send", 64: "recv", -2: "timeout"}[number]
    text = {10054: SEND, 10053: SEND, 64: RECV, -2: TIMEOUT}[number]
    win32 = 258 if number == -2 else number
    if number != -2:
        text += " (provider: TCP Provider, error: 0 - %s.)" % WSA_TEXT[win32]
    cls = 11 if number == -2 else 20
    first = "%s.Data.SqlClient.SqlException (0x80131904): %s" % (ns, text)
    if netfx:
        lines = [first + " ---> System.ComponentModel.Win32Exception (0x80004005): %s" % WSA_TEXT[win32]]
    else:
        lines = [first, " ---> System.ComponentModel.Win32Exception (%d): %s." % (win32, WSA_TEXT[win32])]
    lines.append("   --- End of inner exception stack trace ---")
    lines += ["   " + f for f in _sqlclient_frames(ns, op, phase)]
    lines += ["   " + f if not f.startswith("---") else f for f in app_frames]
    lines += ["ClientConnectionId:%s" % cid, "Error Number:%d,State:0,Class:%d" % (number, cls)]
    return lines


def sqlclient_deadlock(ns, cid, spid, app_frames):
    p = "%s.Data.SqlClient" % ns
    lines = ["%s.SqlException (0x80131904): Transaction (Process ID %d) was deadlocked on lock resources with another process and "
             "has been chosen as the deadlock victim. Rerun the transaction." % (p, spid)]
    lines += ["   at %s.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)" % p,
              "   at %s.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)" % p,
              "   at %s.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, Boolean callerHasConnectionLock, Boolean asyncClose)" % p,
              "   at %s.TdsParser.TryRun(RunBehavior runBehavior, SqlCommand cmdHandler, SqlDataReader dataStream, "
              "BulkCopySimpleResultSet bulkCopyHandler, TdsParserStateObject stateObj, Boolean& dataReady)" % p,
              "   at %s.SqlDataReader.TryConsumeMetaData()" % p,
              "   at %s.SqlDataReader.get_MetaData()" % p]
    lines += ["   " + f if not f.startswith("---") else f for f in app_frames]
    lines += ["ClientConnectionId:%s" % cid, "Error Number:1205,State:51,Class:13"]
    return lines


def _open_frames(ns):
    p = "%s.Data" % ns
    q = "%s.Data.SqlClient" % ns
    return [
        "at %s.SqlInternalConnectionTds..ctor(DbConnectionPoolIdentity identity, SqlConnectionString connectionOptions, "
        "SqlCredential credential, Object providerInfo, String newPassword, SecureString newSecurePassword, Boolean "
        "redirectedUserInstance, SqlConnectionString userConnectionOptions, SessionData reconnectSessionData, Boolean "
        "applyTransientFaultHandling, String accessToken, DbConnectionPool pool)" % q,
        "at %s.SqlConnectionFactory.CreateConnection(DbConnectionOptions options, DbConnectionPoolKey poolKey, Object "
        "poolGroupProviderInfo, DbConnectionPool pool, DbConnection owningConnection, DbConnectionOptions userOptions)" % q,
        "at %s.ProviderBase.DbConnectionFactory.CreatePooledConnection(DbConnectionPool pool, DbConnection owningObject, "
        "DbConnectionOptions options, DbConnectionPoolKey poolKey, DbConnectionOptions userOptions)" % p,
        "at %s.ProviderBase.DbConnectionPool.CreateObject(DbConnection owningObject, DbConnectionOptions userOptions, "
        "DbConnectionInternal oldConnection)" % p,
        "at %s.ProviderBase.DbConnectionPool.UserCreateRequest(DbConnection owningObject, DbConnectionOptions userOptions, "
        "DbConnectionInternal oldConnection)" % p,
        "at %s.ProviderBase.DbConnectionPool.TryGetConnection(DbConnection owningObject, UInt32 waitForMultipleObjectsTimeout, "
        "Boolean allowCreate, Boolean onlyOneCheckConnection, DbConnectionOptions userOptions, DbConnectionInternal& connection)" % p,
        "at %s.ProviderBase.DbConnectionPool.TryGetConnection(DbConnection owningObject, TaskCompletionSource`1 retry, "
        "DbConnectionOptions userOptions, DbConnectionInternal& connection)" % p,
        "at %s.ProviderBase.DbConnectionFactory.TryGetConnection(DbConnection owningConnection, TaskCompletionSource`1 retry, "
        "DbConnectionOptions userOptions, DbConnectionInternal oldConnection, DbConnectionInternal& connection)" % p,
        "at %s.ProviderBase.DbConnectionInternal.TryOpenConnectionInternal(DbConnection outerConnection, DbConnectionFactory "
        "connectionFactory, TaskCompletionSource`1 retry, DbConnectionOptions userOptions)" % p,
        "at %s.ProviderBase.DbConnectionClosed.TryOpenConnection(DbConnection outerConnection, DbConnectionFactory "
        "connectionFactory, TaskCompletionSource`1 retry, DbConnectionOptions userOptions)" % p,
        "at %s.SqlConnection.TryOpen(TaskCompletionSource`1 retry%s)" % (q, ", SqlConnectionOverrides overrides" if ns == "Microsoft" else ""),
        "at %s.SqlConnection.Open(%s)" % (q, "SqlConnectionOverrides overrides" if ns == "Microsoft" else ""),
    ]


def sqlclient_open_failure(ns, number, cid, app_frames):
    """Connection-open failures: pre-login reset (10054), refused (10061), 4060 after a failover."""
    p = "%s.Data.SqlClient" % ns
    if number == 4060:
        lines = ['%s.SqlException (0x80131904): Cannot open database "Orders" requested by the login. The login failed.' % p,
                 "Login failed for user 'CORP\\svc-orders'."]
        lines += ["   at %s.SqlInternalConnectionTds.CompleteLogin(Boolean enlistOK)" % p,
                  "   at %s.SqlInternalConnectionTds.AttemptOneLogin(ServerInfo serverInfo, String newPassword, SecureString "
                  "newSecurePassword, Boolean ignoreSniOpenTimeout, TimeoutTimer timeout, Boolean withFailover)" % p,
                  "   at %s.SqlInternalConnectionTds.LoginWithFailover(Boolean useFailoverHost, ServerInfo primaryServerInfo, String "
                  "failoverHost, String newPassword, SecureString newSecurePassword, Boolean redirectedUserInstance, SqlConnectionString "
                  "connectionOptions, SqlCredential credential, TimeoutTimer timeout)" % p,
                  "   at %s.SqlInternalConnectionTds.OpenLoginEnlist(TimeoutTimer timeout, SqlConnectionString connectionOptions, "
                  "SqlCredential credential, String newPassword, SecureString newSecurePassword, Boolean redirectedUserInstance)" % p]
        lines += ["   " + f for f in _open_frames(ns)]
        lines += ["   " + f for f in app_frames]
        lines += ["ClientConnectionId:%s" % cid, "Error Number:4060,State:1,Class:11"]
        return lines
    if number == 10054:
        first = "%s.SqlException (0x80131904): %s (provider: TCP Provider, error: 0 - %s.)" % (p, PRELOGIN, WSA_TEXT[10054])
        inner = [" ---> System.ComponentModel.Win32Exception (10054): %s." % WSA_TEXT[10054]]
        parser = ["   at %s.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)" % p,
                  "   at %s.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, Boolean callerHasConnectionLock, Boolean asyncClose)" % p,
                  "   at %s.TdsParserStateObject.ThrowExceptionAndWarning(Boolean callerHasConnectionLock, Boolean asyncClose)" % p,
                  "   at %s.TdsParserStateObject.ReadSniError(TdsParserStateObject stateObj, UInt32 error)" % p,
                  "   at %s.TdsParserStateObject.ReadSniSyncOverAsync()" % p,
                  "   at %s.TdsParserStateObject.TryReadNetworkPacket()" % p,
                  "   at %s.TdsParser.ConsumePreLoginHandshake(SqlAuthenticationMethod authType, Boolean encrypt, Boolean "
                  "trustServerCert, Boolean integratedSecurity, Boolean& marsCapable, Boolean& fedAuthRequired, Boolean tlsFirst, "
                  "String serverCert)" % p]
    else:
        first = "%s.SqlException (0x80131904): %s (provider: TCP Provider, error: 0 - %s.)" % (p, NETWORK, WSA_TEXT[number])
        inner = [" ---> System.ComponentModel.Win32Exception (%d): %s." % (number, WSA_TEXT[number])]
        parser = ["   at %s.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)" % p,
                  "   at %s.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, Boolean callerHasConnectionLock, Boolean asyncClose)" % p]
    lines = [first] + inner + ["   --- End of inner exception stack trace ---"] + parser
    lines += ["   at %s.TdsParser.Connect(ServerInfo serverInfo, SqlInternalConnectionTds connHandler, TimeoutTimer timeout, "
              "SqlConnectionString connectionOptions, Boolean withFailover)" % p,
              "   at %s.SqlInternalConnectionTds.AttemptOneLogin(ServerInfo serverInfo, String newPassword, SecureString "
              "newSecurePassword, TimeoutTimer timeout, Boolean withFailover)" % p,
              "   at %s.SqlInternalConnectionTds.LoginNoFailover(ServerInfo serverInfo, String newPassword, SecureString "
              "newSecurePassword, Boolean redirectedUserInstance, SqlConnectionString connectionOptions, SqlCredential credential, "
              "TimeoutTimer timeout)" % p,
              "   at %s.SqlInternalConnectionTds.OpenLoginEnlist(TimeoutTimer timeout, SqlConnectionString connectionOptions, "
              "SqlCredential credential, String newPassword, SecureString newSecurePassword, Boolean redirectedUserInstance)" % p]
    lines += ["   " + f for f in _open_frames(ns)]
    lines += ["   " + f if not f.startswith("---") else f for f in app_frames]
    if number == 10054:
        lines.append("ClientConnectionId:%s" % cid)
    lines.append("Error Number:%d,State:0,Class:20" % number)
    return lines


def odbc_exception(records, app_frames, netfx=True):
    """System.Data.Odbc.OdbcException: one 'ERROR [state] text' per diagnostic record, records separated by CRLF."""
    msg = []
    for i, (state, text) in enumerate(records):
        part = "ERROR [%s] %s" % (state, text)
        msg.extend(part.split("\n"))
    first = "System.Data.Odbc.OdbcException (0x80131937): " + msg[0]
    lines = [first] + msg[1:]
    lines += ["   at System.Data.Odbc.OdbcConnection.HandleError(OdbcHandle hrHandle, RetCode retcode)"]
    return lines, ["   " + f for f in app_frames]


ODBC17 = "[Microsoft][ODBC Driver 17 for SQL Server]"
SNAC11 = "[Microsoft][SQL Server Native Client 11.0]"


def odbc17_reset(app_frames):
    # The driver's own text ends with CRLF before the native error: the blank line in the middle is real.
    records = [("08S01", ODBC17 + "TCP Provider: An existing connection was forcibly closed by the remote host.\n"),
               ("08S01", ODBC17 + "Communication link failure")]
    head, frames = odbc_exception(records, app_frames)
    return head + ["   at System.Data.Odbc.OdbcCommand.ExecuteReaderObject(CommandBehavior behavior, String method, Boolean "
                   "needReader, Object[] methodArguments, SQL_API odbcApiMethod)",
                   "   at System.Data.Odbc.OdbcCommand.ExecuteReaderObject(CommandBehavior behavior, String method, Boolean needReader)",
                   "   at System.Data.Odbc.OdbcCommand.ExecuteReader(CommandBehavior behavior)",
                   "   at System.Data.Odbc.OdbcCommand.ExecuteReader()"] + frames


def snac_link_failure(app_frames):
    head, frames = odbc_exception([("08S01", "[Microsoft][SQL Native Client]Communication link failure")], app_frames)
    return head + ["   at System.Data.Odbc.OdbcCommand.ExecuteReaderObject(CommandBehavior behavior, String method, Boolean "
                   "needReader, Object[] methodArguments, SQL_API odbcApiMethod)",
                   "   at System.Data.Odbc.OdbcCommand.ExecuteNonQuery()"] + frames


def snac_port_exhaustion(app_frames):
    records = [("08001", SNAC11 + "TCP Provider: Only one usage of each socket address (protocol/network address/port) is normally permitted.\n"),
               ("HYT00", SNAC11 + "Login timeout expired"),
               ("08001", SNAC11 + "A network-related or instance-specific error has occurred while establishing a connection to SQL "
                "Server. Server is not found or not accessible. Check if instance name is correct and if SQL Server is configured to "
                "allow remote connections. For more information see SQL Server Books Online.")]
    head, frames = odbc_exception(records, app_frames)
    return head + ["   at System.Data.Odbc.OdbcConnectionHandle..ctor(OdbcConnection connection, OdbcConnectionString constr, "
                   "OdbcEnvironmentHandle environmentHandle)",
                   "   at System.Data.Odbc.OdbcConnectionFactory.CreateConnection(DbConnectionOptions options, DbConnectionPoolKey "
                   "poolKey, Object poolGroupProviderInfo, DbConnectionPool pool, DbConnection owningObject)",
                   "   at System.Data.ProviderBase.DbConnectionFactory.CreateNonPooledConnection(DbConnection owningConnection, "
                   "DbConnectionPoolGroup poolGroup, DbConnectionOptions userOptions)",
                   "   at System.Data.ProviderBase.DbConnectionFactory.TryGetConnection(DbConnection owningConnection, "
                   "TaskCompletionSource`1 retry, DbConnectionOptions userOptions, DbConnectionInternal oldConnection, "
                   "DbConnectionInternal& connection)",
                   "   at System.Data.ProviderBase.DbConnectionInternal.TryOpenConnectionInternal(DbConnection outerConnection, "
                   "DbConnectionFactory connectionFactory, TaskCompletionSource`1 retry, DbConnectionOptions userOptions)",
                   "   at System.Data.Odbc.OdbcConnection.Open()"] + frames


def snac_query_timeout(app_frames):
    head, frames = odbc_exception([("HYT00", SNAC11 + "Query timeout expired")], app_frames)
    return head + ["   at System.Data.Odbc.OdbcCommand.ExecuteReaderObject(CommandBehavior behavior, String method, Boolean "
                   "needReader, Object[] methodArguments, SQL_API odbcApiMethod)",
                   "   at System.Data.Odbc.OdbcCommand.ExecuteReader(CommandBehavior behavior)"] + frames


def oledb_does_not_exist(app_frames):
    return (["System.Data.OleDb.OleDbException (0x80004005): [DBNETLIB][ConnectionOpen (Connect()).]SQL Server does not exist or "
             "access denied.",
             "   at System.Data.OleDb.OleDbConnectionInternal..ctor(OleDbConnectionString constr, OleDbConnection connection)",
             "   at System.Data.OleDb.OleDbConnectionFactory.CreateConnection(DbConnectionOptions options, DbConnectionPoolKey "
             "poolKey, Object poolGroupProviderInfo, DbConnectionPool pool, DbConnection owningObject)",
             "   at System.Data.ProviderBase.DbConnectionFactory.CreateConnection(DbConnectionOptions options, DbConnectionPoolKey "
             "poolKey, Object poolGroupProviderInfo, DbConnectionPool pool, DbConnection owningConnection, DbConnectionOptions userOptions)",
             "   at System.Data.ProviderBase.DbConnectionFactory.CreateNonPooledConnection(DbConnection owningConnection, "
             "DbConnectionPoolGroup poolGroup, DbConnectionOptions userOptions)",
             "   at System.Data.ProviderBase.DbConnectionFactory.TryGetConnection(DbConnection owningConnection, "
             "TaskCompletionSource`1 retry, DbConnectionOptions userOptions, DbConnectionInternal oldConnection, "
             "DbConnectionInternal& connection)",
             "   at System.Data.ProviderBase.DbConnectionInternal.TryOpenConnectionInternal(DbConnection outerConnection, "
             "DbConnectionFactory connectionFactory, TaskCompletionSource`1 retry, DbConnectionOptions userOptions)",
             "   at System.Data.ProviderBase.DbConnectionClosed.TryOpenConnection(DbConnection outerConnection, DbConnectionFactory "
             "connectionFactory, TaskCompletionSource`1 retry, DbConnectionOptions userOptions)",
             "   at System.Data.OleDb.OleDbConnection.Open()"]
            + ["   " + f for f in app_frames])


# Java: mssql-jdbc, jTDS. Logback prints causes with '... N common frames omitted'.

SPRING_MVC = [
    "at java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)",
    "at java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:62)",
    "at java.base/jdk.internal.reflect.DelegatingMethodAccessorImpl.invoke(DelegatingMethodAccessorImpl.java:43)",
    "at java.base/java.lang.reflect.Method.invoke(Method.java:566)",
    "at org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:205)",
    "at org.springframework.web.method.support.InvocableHandlerMethod.invokeForRequest(InvocableHandlerMethod.java:150)",
    "at org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle(ServletInvocableHandlerMethod.java:117)",
    "at org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.invokeHandlerMethod(RequestMappingHandlerAdapter.java:895)",
    "at org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.handleInternal(RequestMappingHandlerAdapter.java:808)",
    "at org.springframework.web.servlet.mvc.method.AbstractHandlerMethodAdapter.handle(AbstractHandlerMethodAdapter.java:87)",
    "at org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1071)",
    "at org.springframework.web.servlet.DispatcherServlet.doService(DispatcherServlet.java:964)",
    "at org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1006)",
    "at org.springframework.web.servlet.FrameworkServlet.doGet(FrameworkServlet.java:898)",
    "at javax.servlet.http.HttpServlet.service(HttpServlet.java:655)",
    "at org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:883)",
    "at javax.servlet.http.HttpServlet.service(HttpServlet.java:764)",
    "at org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:227)",
    "at org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:162)",
    "at org.apache.tomcat.websocket.server.WsFilter.doFilter(WsFilter.java:53)",
    "at org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:189)",
    "at org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:162)",
    "at org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java:197)",
    "at org.apache.catalina.core.StandardContextValve.invoke(StandardContextValve.java:97)",
    "at org.apache.catalina.core.StandardHostValve.invoke(StandardHostValve.java:135)",
    "at org.apache.catalina.connector.CoyoteAdapter.service(CoyoteAdapter.java:360)",
    "at org.apache.coyote.http11.Http11Processor.service(Http11Processor.java:399)",
    "at org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:1789)",
    "at java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1128)",
    "at java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:628)",
    "at java.base/java.lang.Thread.run(Thread.java:829)",
]


def _java8(frames):
    """The same frames as a Java 8 runtime prints them: no module prefix, sun.reflect, its own line numbers."""
    swaps = [("java.base/", ""), ("jdk.internal.reflect.", "sun.reflect."), ("Method.java:566", "Method.java:498"),
             ("ThreadPoolExecutor.java:1128", "ThreadPoolExecutor.java:1149"), ("ThreadPoolExecutor.java:628", "ThreadPoolExecutor.java:624"),
             ("Thread.java:829", "Thread.java:750")]
    out = []
    for f in frames:
        for old, new in swaps:
            f = f.replace(old, new)
        out.append(f)
    return out


def jdbc_reset(cid, sql, app_frames, write=False, java8=False, pool="hikari", spring=True):
    """mssql-jdbc: 'Connection reset' (read) or 'Connection reset by peer: socket write error' (write, Windows JVM)."""
    reason = "Connection reset by peer: socket write error" if write else "Connection reset"
    mssql = "%s ClientConnectionId:%s" % (reason, cid)
    driver = ["at com.microsoft.sqlserver.jdbc.SQLServerConnection.terminate(SQLServerConnection.java:%d)" % (2892 if java8 else 3680)]
    if write:
        driver += ["at com.microsoft.sqlserver.jdbc.TDSChannel.write(IOBuffer.java:2012)",
                   "at com.microsoft.sqlserver.jdbc.TDSWriter.flush(IOBuffer.java:4123)",
                   "at com.microsoft.sqlserver.jdbc.TDSWriter.writePacket(IOBuffer.java:4025)",
                   "at com.microsoft.sqlserver.jdbc.TDSWriter.endMessage(IOBuffer.java:3135)",
                   "at com.microsoft.sqlserver.jdbc.TDSCommand.startResponse(IOBuffer.java:7537)"]
    else:
        driver += ["at com.microsoft.sqlserver.jdbc.TDSChannel.read(IOBuffer.java:2088)",
                   "at com.microsoft.sqlserver.jdbc.TDSReader.readPacket(IOBuffer.java:6418)",
                   "at com.microsoft.sqlserver.jdbc.TDSCommand.startResponse(IOBuffer.java:7579)"]
    driver += ["at com.microsoft.sqlserver.jdbc.SQLServerPreparedStatement.doExecutePreparedStatement(SQLServerPreparedStatement.java:600)",
               "at com.microsoft.sqlserver.jdbc.SQLServerPreparedStatement$PrepStmtExecCmd.doExecute(SQLServerPreparedStatement.java:522)",
               "at com.microsoft.sqlserver.jdbc.TDSCommand.execute(IOBuffer.java:7194)",
               "at com.microsoft.sqlserver.jdbc.SQLServerConnection.executeCommand(SQLServerConnection.java:2979)",
               "at com.microsoft.sqlserver.jdbc.SQLServerStatement.executeCommand(SQLServerStatement.java:248)",
               "at com.microsoft.sqlserver.jdbc.SQLServerStatement.executeStatement(SQLServerStatement.java:223)",
               "at com.microsoft.sqlserver.jdbc.SQLServerPreparedStatement.executeQuery(SQLServerPreparedStatement.java:444)"]
    if pool == "hikari":
        driver += ["at com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery(ProxyPreparedStatement.java:52)",
                   "at com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeQuery(HikariProxyPreparedStatement.java)"]
    else:
        driver += ["at sun.reflect.GeneratedMethodAccessor142.invoke(Unknown Source)",
                   "at sun.reflect.DelegatingMethodAccessorImpl.invoke(DelegatingMethodAccessorImpl.java:43)",
                   "at java.lang.reflect.Method.invoke(Method.java:498)",
                   "at org.apache.tomcat.jdbc.pool.StatementFacade$StatementProxy.invoke(StatementFacade.java:114)",
                   "at com.sun.proxy.$Proxy112.executeQuery(Unknown Source)"]
    jdbc_tpl = ["at org.springframework.jdbc.core.JdbcTemplate$1.doInPreparedStatement(JdbcTemplate.java:722)",
                "at org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:651)"]
    if java8:
        sock = (["at java.net.SocketOutputStream.socketWrite0(Native Method)",
                 "at java.net.SocketOutputStream.socketWrite(SocketOutputStream.java:111)",
                 "at java.net.SocketOutputStream.write(SocketOutputStream.java:155)",
                 "at com.microsoft.sqlserver.jdbc.TDSChannel.write(IOBuffer.java:2004)"] if write else
                ["at java.net.SocketInputStream.read(SocketInputStream.java:210)",
                 "at java.net.SocketInputStream.read(SocketInputStream.java:141)",
                 "at com.microsoft.sqlserver.jdbc.TDSChannel.read(IOBuffer.java:2077)"])
    else:
        sock = ["at java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:323)",
                "at java.base/sun.nio.ch.NioSocketImpl.read(NioSocketImpl.java:350)",
                "at java.base/sun.nio.ch.NioSocketImpl$1.read(NioSocketImpl.java:803)",
                "at java.base/java.net.Socket$SocketInputStream.read(Socket.java:966)",
                "at com.microsoft.sqlserver.jdbc.TDSChannel.read(IOBuffer.java:2077)"]
    web = _java8(SPRING_MVC) if java8 else SPRING_MVC
    if spring:
        outer = ["org.springframework.dao.DataAccessResourceFailureException: PreparedStatementCallback; SQL [%s]; %s; nested "
                 "exception is com.microsoft.sqlserver.jdbc.SQLServerException: %s" % (sql, mssql, mssql)]
        outer += ["\tat " + f[3:] for f in [
            "at org.springframework.jdbc.support.SQLStateSQLExceptionTranslator.doTranslate(SQLStateSQLExceptionTranslator.java:105)",
            "at org.springframework.jdbc.support.AbstractFallbackSQLExceptionTranslator.translate(AbstractFallbackSQLExceptionTranslator.java:72)",
            "at org.springframework.jdbc.support.AbstractFallbackSQLExceptionTranslator.translate(AbstractFallbackSQLExceptionTranslator.java:81)",
            "at org.springframework.jdbc.support.AbstractFallbackSQLExceptionTranslator.translate(AbstractFallbackSQLExceptionTranslator.java:81)",
            "at org.springframework.jdbc.core.JdbcTemplate.translateException(JdbcTemplate.java:1542)",
            "at org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:667)",
            "at org.springframework.jdbc.core.JdbcTemplate.query(JdbcTemplate.java:713)",
            "at org.springframework.jdbc.core.JdbcTemplate.query(JdbcTemplate.java:744)",
            "at org.springframework.jdbc.core.JdbcTemplate.query(JdbcTemplate.java:799)"] + app_frames + web]
        omitted = len(app_frames) + len(web) + 2
        cause = ["Caused by: com.microsoft.sqlserver.jdbc.SQLServerException: %s" % mssql]
        cause += ["\t" + f for f in driver + jdbc_tpl]
        cause.append("\t... %d common frames omitted" % omitted)
    else:
        outer = ["com.microsoft.sqlserver.jdbc.SQLServerException: %s" % mssql]
        outer += ["\t" + f for f in driver + app_frames]
        cause = []
        omitted = len(app_frames)
    sock_cause = ["Caused by: java.net.SocketException: %s" % reason] + ["\t" + f for f in sock]
    sock_cause.append("\t... %d common frames omitted" % (omitted + len(driver) + len(jdbc_tpl) - 1))
    return outer + cause + sock_cause


def jdbc_refused(host, app_frames):
    mssql = ('The TCP/IP connection to the host %s, port 1433 has failed. Error: "Connection refused. Verify the connection '
             'properties. Make sure that an instance of SQL Server is running on the host and accepting TCP/IP connections at '
             'the port. Make sure that TCP connections to the port are not blocked by a firewall.".' % host)
    lines = ["java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30002ms."]
    lines += ["\t" + f for f in [
        "at com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)",
        "at com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)",
        "at com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:146)",
        "at com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:100)",
        "at org.springframework.jdbc.datasource.DataSourceUtils.fetchConnection(DataSourceUtils.java:159)",
        "at org.springframework.jdbc.datasource.DataSourceUtils.doGetConnection(DataSourceUtils.java:117)",
        "at org.springframework.jdbc.datasource.DataSourceUtils.getConnection(DataSourceUtils.java:80)"] + app_frames]
    lines.append("Caused by: com.microsoft.sqlserver.jdbc.SQLServerException: " + mssql)
    lines += ["\t" + f for f in [
        "at com.microsoft.sqlserver.jdbc.SQLServerException.makeFromDriverError(SQLServerException.java:242)",
        "at com.microsoft.sqlserver.jdbc.SQLServerException.convertConnectExceptionToSQLServerException(SQLServerException.java:308)",
        "at com.microsoft.sqlserver.jdbc.SocketFinder.findSocket(IOBuffer.java:2593)",
        "at com.microsoft.sqlserver.jdbc.TDSChannel.open(IOBuffer.java:721)",
        "at com.microsoft.sqlserver.jdbc.SQLServerConnection.connectHelper(SQLServerConnection.java:3767)",
        "at com.microsoft.sqlserver.jdbc.SQLServerConnection.login(SQLServerConnection.java:3379)",
        "at com.microsoft.sqlserver.jdbc.SQLServerConnection.connectInternal(SQLServerConnection.java:3186)",
        "at com.microsoft.sqlserver.jdbc.SQLServerConnection.connect(SQLServerConnection.java:1954)",
        "at com.microsoft.sqlserver.jdbc.SQLServerDriver.connect(SQLServerDriver.java:1263)",
        "at com.zaxxer.hikari.util.DriverDataSource.getConnection(DriverDataSource.java:138)",
        "at com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:359)",
        "at com.zaxxer.hikari.pool.PoolBase.newPoolEntry(PoolBase.java:201)",
        "at com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:470)",
        "at com.zaxxer.hikari.pool.HikariPool$PoolEntryCreator.call(HikariPool.java:733)",
        "at com.zaxxer.hikari.pool.HikariPool$PoolEntryCreator.call(HikariPool.java:712)",
        "at java.base/java.util.concurrent.FutureTask.run(FutureTask.java:264)",
        "at java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)",
        "at java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)",
        "at java.base/java.lang.Thread.run(Thread.java:833)"]]
    return lines


def jtds_write_error(app_frames):
    lines = ["java.sql.SQLException: I/O Error: Connection reset by peer: socket write error"]
    lines += ["\t" + f for f in [
        "at net.sourceforge.jtds.jdbc.TdsCore.executeSQL(TdsCore.java:1092)",
        "at net.sourceforge.jtds.jdbc.JtdsStatement.executeSQLQuery(JtdsStatement.java:493)",
        "at net.sourceforge.jtds.jdbc.JtdsPreparedStatement.executeQuery(JtdsPreparedStatement.java:1032)",
        "at org.apache.commons.dbcp2.DelegatingPreparedStatement.executeQuery(DelegatingPreparedStatement.java:122)",
        "at org.apache.commons.dbcp2.DelegatingPreparedStatement.executeQuery(DelegatingPreparedStatement.java:122)"] + app_frames + [
        "at java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:511)",
        "at java.util.concurrent.FutureTask.runAndReset(FutureTask.java:308)",
        "at java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask.access$301(ScheduledThreadPoolExecutor.java:180)",
        "at java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask.run(ScheduledThreadPoolExecutor.java:294)",
        "at java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1149)",
        "at java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:624)",
        "at java.lang.Thread.run(Thread.java:750)"]]
    lines.append("Caused by: java.net.SocketException: Connection reset by peer: socket write error")
    lines += ["\t" + f for f in [
        "at java.net.SocketOutputStream.socketWrite0(Native Method)",
        "at java.net.SocketOutputStream.socketWrite(SocketOutputStream.java:111)",
        "at java.net.SocketOutputStream.write(SocketOutputStream.java:155)",
        "at java.io.DataOutputStream.write(DataOutputStream.java:107)",
        "at net.sourceforge.jtds.jdbc.SharedSocket.sendNetPacket(SharedSocket.java:674)",
        "at net.sourceforge.jtds.jdbc.RequestStream.putPacket(RequestStream.java:560)",
        "at net.sourceforge.jtds.jdbc.RequestStream.flush(RequestStream.java:508)",
        "at net.sourceforge.jtds.jdbc.TdsCore.executeSQL(TdsCore.java:1079)"]]
    lines.append("\t... %d common frames omitted" % (len(app_frames) + 11))
    return lines


# Python: pyodbc tracebacks.

PY2_DBNETLIB = ("'[01000] [Microsoft][ODBC SQL Server Driver][DBNETLIB]ConnectionRead (recv()). (65534) (SQLExecDirectW); "
                "[08S01] [Microsoft][ODBC SQL Server Driver][DBNETLIB]General network error. Check your network documentation. (11)'")


def py_traceback(frames, last):
    lines = ["Traceback (most recent call last):"]
    for path, line, func, code in frames:
        lines += ['  File "%s", line %d, in %s' % (path, line, func), "    " + code]
    return lines + [last]


# ----------------------------------------------------------------------------------------------
# Network and OS artifacts
# ----------------------------------------------------------------------------------------------

def netsh_tcp_global(chimney, rss="enabled"):
    """`netsh int tcp show global` on Windows Server 2016, redirected from cmd.exe."""
    rows = [("Receive-Side Scaling State", rss), ("Chimney Offload State", chimney), ("NetDMA State", "disabled"),
            ("Direct Cache Access (DCA)", "disabled"), ("Receive Window Auto-Tuning Level", "normal"),
            ("Add-On Congestion Control Provider", "default"), ("ECN Capability", "disabled"),
            ("RFC 1323 Timestamps", "disabled"), ("Initial RTO", "3000"), ("Receive Segment Coalescing State", "enabled"),
            ("Non Sack Rtt Resiliency", "disabled"), ("Max SYN Retransmissions", "2"), ("TCP Fast Open", "disabled")]
    return (["Querying active state...", "", "TCP Global Parameters", "----------------------------------------------"]
            + ["%-36s: %s" % (k, v) for k, v in rows] + [""])


def netstat_rows(rows):
    """`netstat -n` on Windows: fixed columns."""
    out = ["", "Active Connections", "", "  Proto  Local Address          Foreign Address        State"]
    for local, remote, state in rows:
        out.append("  TCP    %-23s%-23s%s" % (local, remote, state))
    return out + [""]


def tshark_line(no, utc, src, dst, proto, length, info):
    """One line of `tshark -r capture.pcapng -t ud`: UTC time, no zone suffix, U+2192 arrows."""
    ts = utc.strftime("%Y-%m-%d %H:%M:%S.") + "%06d" % utc.microsecond
    return "%5d %s %12s \u2192 %-12s %s %d %s" % (no, ts, src, dst, proto, length, info)


def wevtutil_event(index, source, utc, event_id, level, computer, description, task="N/A", opcode="Info", keyword="Classic"):
    """One event of `wevtutil qe System /f:text`: Date is the machine's local time, no offset."""
    date = utc.strftime("%Y-%m-%dT%H:%M:%S.") + ms3(utc)
    return (["Event[%d]:" % index, "  Log Name: System", "  Source: %s" % source, "  Date: %s" % date,
             "  Event ID: %d" % event_id, "  Task: %s" % task, "  Level: %s" % level, "  Opcode: %s" % opcode,
             "  Keyword: %s" % keyword, "  User: N/A", "  User Name: N/A", "  Computer: %s" % computer,
             "  Description: "] + description.split("\n") + [""])


# ----------------------------------------------------------------------------------------------
# Noise: what fills a log between the lines that matter
# ----------------------------------------------------------------------------------------------

def sprinkle(rng, start, end, mean_gap_s, quiet=()):
    """Times of a Poisson process in [start, end), none inside the quiet windows."""
    out = []
    t = start
    while True:
        t = t + D(milliseconds=int(rng.expovariate(1.0 / mean_gap_s) * 1000) + 1)
        if t >= end:
            return out
        if not any(a <= t < b for a, b in quiet):
            out.append(t)


def pick(rng, weighted):
    total = sum(w for w, _ in weighted)
    x = rng.uniform(0, total)
    for w, item in weighted:
        x -= w
        if x <= 0:
            return item
    return weighted[-1][1]


def aspnet_noise(rng, app="Orders.Api"):
    oid, cid = rng.randint(40000, 99999), rng.randint(10000, 60000)
    ms = rng.uniform(2, 180)
    return pick(rng, [
        (40, ("INFO", "", "", "HTTP GET /api/orders/%d responded 200 in %.4f ms" % (oid, ms))),
        (14, ("INFO", "", "", "HTTP GET /api/customers/%d/orders responded 200 in %.4f ms" % (cid, ms * 1.7))),
        (8, ("INFO", "", "", "HTTP POST /api/orders responded 201 in %.4f ms" % (ms * 2.3))),
        (3, ("INFO", "", "", "HTTP GET /api/orders/%d responded 404 in %.4f ms" % (oid, ms / 3))),
        (16, ("DEBUG", "", "", "Loaded %d order lines for order %d in %d ms" % (rng.randint(1, 40), oid, int(ms / 4) + 1))),
        (6, ("DEBUG", "", "", "Cache hit for customer %d (%s)" % (cid, app))),
        (2, ("WARN", "", "", "Slow request GET /api/reports/daily took %d ms" % rng.randint(2100, 5200))),
    ])


def worker_noise(rng):
    bid = "%04d-%02d" % (rng.randint(0, 2359), rng.randint(1, 40))
    return pick(rng, [
        (30, ("INFO", "Orders.Worker.Import.ImportBatch", str(rng.choice([12, 14, 15])),
              "Batch %s imported %d rows in %d ms" % (bid, rng.randint(40, 400), rng.randint(180, 2400)))),
        (30, ("DEBUG", "Orders.Worker.Queue.QueueListener", "9",
              "Dequeued message %08x (OrderImport, attempt 1)" % rng.getrandbits(32))),
        (20, ("DEBUG", "Orders.Worker.Import.OrderLineWriter", str(rng.choice([12, 14, 15])),
              "Wrote %d lines for order %d" % (rng.randint(1, 30), rng.randint(40000, 99999)))),
    ])


def spring_noise(rng, web="c.e.orders.web.OrderController", dao="c.e.orders.repo.OrderDao"):
    cid = rng.randint(10000, 60000)
    th = "http-nio-8080-exec-%d" % rng.randint(1, 10)
    return pick(rng, [
        (45, ("INFO", web, th, "GET /orders?customer=%d -> 200 (%d ms)" % (cid, rng.randint(8, 240)))),
        (25, ("DEBUG", dao, th, "findByCustomer(%d) returned %d rows" % (cid, rng.randint(0, 35)))),
        (8, ("INFO", web, th, "POST /orders -> 201 (%d ms)" % rng.randint(30, 400))),
        (4, ("INFO", "c.e.orders.sync.StockSync", "scheduling-1", "Stock sync finished: %d items changed" % rng.randint(0, 80))),
    ])


def python_noise(rng, web="orders.web", db="orders.db"):
    oid = rng.randint(40000, 99999)
    return pick(rng, [
        (50, ("INFO", web, "", "GET /orders/%d 200 %dms" % (oid, rng.randint(4, 160)))),
        (30, ("DEBUG", db, "", "fetch_all returned %d rows in %dms" % (rng.randint(0, 40), rng.randint(1, 60)))),
        (6, ("INFO", web, "", "POST /orders/%d/notes 201 %dms" % (oid, rng.randint(10, 90)))),
    ])


def fill(log, rng, start, end, mean_gap_s, maker, quiet=()):
    n = 0
    for t in sprinkle(rng, start, end, mean_gap_s, quiet):
        level, logger, thread, msg = maker(rng)
        log.log(t, level, logger, msg, thread=thread)
        n += 1
    return n


NRE_FRAMES = [
    "at Orders.Api.Controllers.OrderNotesController.Post(Int32 orderId, NoteDto dto) in D:\\a\\1\\s\\src\\Orders.Api\\Controllers\\OrderNotesController.cs:line 41",
    "at lambda_method214(Closure , Object , Object[] )",
    "at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.SyncObjectResultExecutor.Execute(IActionResultTypeMapper mapper, "
    "ObjectMethodExecutor executor, Object controller, Object[] arguments)",
    "at Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker.InvokeActionMethodAsync()",
    "at Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker.Next(State& next, Scope& scope, Object& state, Boolean& isCompleted)",
    "at Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker.InvokeNextActionFilterAsync()",
]


def null_reference(path):
    return (["System.NullReferenceException: Object reference not set to an instance of an object."]
            + ["   " + f.replace("Orders.Api", path) for f in NRE_FRAMES])


# ----------------------------------------------------------------------------------------------
# An incident folder and its EXPECTED.md
# ----------------------------------------------------------------------------------------------

class Incident:
    def __init__(self, name, seed):
        self.name = name
        self.rng = random.Random(seed)
        self.files = []
        self.errors = []
        self.evidence = []
        self.not_errors = []
        self.secrets = []
        self.story = ""
        self.cause = ""
        self.verdict = ""
        self.needs_tz = "no"
        self.traps = []
        self.notes = []

    def add(self, f):
        self.files.append(f)
        return f

    def guid(self):
        r = self.rng
        return "%08x-%04x-%04x-%04x-%012x" % (r.getrandbits(32), r.getrandbits(16), (r.getrandbits(16) & 0x0FFF) | 0x4000,
                                              (r.getrandbits(16) & 0x3FFF) | 0x8000, r.getrandbits(48))

    def error(self, log, utc, logger, msg, exc, host, code, sqlstate="-", explained=None, thread="", level="ERROR", note=""):
        m = Mark("error", host=host, code=str(code), sqlstate=sqlstate, explained=explained, note=note)
        log.log(utc, level, logger, msg, exc, thread=thread, mark=m)
        self.errors.append(m)
        return m

    def not_error(self, log, utc, level, logger, msg, exc, why, thread=""):
        m = Mark("not-error", why=why)
        log.log(utc, level, logger, msg, exc, thread=thread, mark=m)
        self.not_errors.append(m)
        return m

    def ev(self, kind, snippet, note=""):
        m = Mark("evidence", event=kind, snippet=snippet, note=note)
        self.evidence.append(m)
        return m

    def secret(self, key, offset=0):
        m = Mark("secret", key=key, offset=offset)
        self.secrets.append(m)
        return m

    # ---- writing

    def write(self):
        root = os.path.join(HERE, self.name)
        if os.path.isdir(root):
            shutil.rmtree(root)
        texts = {}
        for f in self.files:
            data = f.render()
            full = os.path.join(root, *f.path.split("/"))
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "wb") as out:
                out.write(data)
            body = data[2:].decode("utf-16-le") if f.encoding == "utf-16-le" else data.decode("utf-8")
            texts[f.path] = body.replace("\r\n", "\n").split("\n")
        self._check(texts)
        os.makedirs(os.path.join(HERE, "expected"), exist_ok=True)
        with open(os.path.join(HERE, "expected", self.name + ".md"), "wb") as out:
            out.write(self.expected().encode("utf-8"))
        return root

    def _check(self, texts):
        """The generator proves its own references before a person has to."""
        def line(m):
            return texts[m.path][m.line - 1]
        for m in self.errors + self.not_errors:
            assert line(m).startswith(m.stamp), (self.name, m.where, m.stamp, line(m))
        for m in self.evidence:
            assert m.path is not None, (self.name, m.snippet)
            assert m.snippet in line(m), (self.name, m.where, m.snippet, line(m))
        for m in self.secrets:
            assert m.key.lower() + "=" in line(m).lower(), (self.name, m.where, line(m))

    def expected(self):
        errs = sorted(self.errors, key=lambda m: (m.time, m.path))
        explained = [m for m in errs if m.explained]
        by_cause = {}
        for m in explained:
            by_cause[m.explained[0]] = by_cause.get(m.explained[0], 0) + 1
        out = ["# %s: what `diagnose` should find" % self.name, "", self.story, "",
               "## Expected answer", "",
               "- Cause: %s" % self.cause,
               "- Explained: %d of %d client errors%s" % (
                   len(explained), len(errs),
                   " (" + ", ".join("%s %d" % (k, v) for k, v in by_cause.items()) + ")" if len(by_cause) > 1 else ""),
               "- Unexplained: %d" % (len(errs) - len(explained)),
               "- Needs --tz: %s" % self.needs_tz, "", self.verdict, "",
               "## Clocks", "",
               "| file | format | offset in the text | UTC from |", "|---|---|---|---|"]
        for f in self.files:
            if f.clock:
                out.append("| %s | %s | %s | %s |" % ((f.path,) + tuple(f.clock)))
        out += ["", "## Client errors", "",
                "Every client-side SQL error entry in the folder (an entry is the timestamped line and its stack trace). "
                "Times are UTC; `starts with` is the entry's first characters as written.", "",
                "| # | UTC | host | where | starts with | code | SQLSTATE | explained by |", "|---|---|---|---|---|---|---|---|"]
        for i, m in enumerate(errs, 1):
            if m.explained:
                cause, ev = m.explained
                if ev.time is None:
                    why = "%s (%s)" % (cause, ev.where)
                else:
                    why = "%s (%+.3f s from %s)" % (cause, seconds_between(ev.time, m.time), ev.where)
            else:
                why = "nothing" + (": " + m.note if m.note else "")
            out.append("| %d | %s | %s | %s | `%s` | %s | %s | %s |" % (
                i, utc_text(m.time), m.host, m.where, m.stamp, m.code, m.sqlstate, why))
        out += ["", "## Evidence", "", "| UTC | where | event | line contains |", "|---|---|---|---|"]
        for m in sorted(self.evidence, key=lambda m: (m.time or dt.datetime.min, m.path, m.line)):
            when = utc_text(m.time) if m.time else "-"
            note = " (%s)" % m.note if m.note else ""
            out.append("| %s | %s | %s%s | `%s` |" % (when, m.where, m.event, note, m.snippet))
        if self.not_errors:
            out += ["", "## Not client errors", "",
                    "Entries that look like client SQL errors (level, wording) but are not; they must not be counted.", "",
                    "| where | starts with | why not |", "|---|---|---|"]
            for m in sorted(self.not_errors, key=lambda m: (m.path, m.line)):
                out.append("| %s | `%s` | %s |" % (m.where, m.stamp, m.why))
        out += ["", "## Traps", ""] + ["- " + t for t in self.traps]
        out += ["", "## Secrets to redact", ""]
        if self.secrets:
            out += ["Connection strings whose password the product must never print (shown masked as `*****`).", "",
                    "| where | key |", "|---|---|"]
            out += ["| %s | %s |" % (m.where, m.key) for m in sorted(self.secrets, key=lambda m: (m.path, m.line))]
        else:
            out.append("None.")
        if self.notes:
            out += ["", "## Notes", ""] + ["- " + n for n in self.notes]
        return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------------------------
# Application stack frames (innermost application frame first)
# ----------------------------------------------------------------------------------------------

WORKER_FRAMES = [
    "at Dapper.SqlMapper.ExecuteCommand(IDbConnection cnn, CommandDefinition& command, Action`2 paramReader) in /_/Dapper/SqlMapper.cs:line 2965",
    "at Dapper.SqlMapper.ExecuteImpl(IDbConnection cnn, CommandDefinition& command) in /_/Dapper/SqlMapper.cs:line 656",
    "at Dapper.SqlMapper.Execute(IDbConnection cnn, String sql, Object param, IDbTransaction transaction, Nullable`1 commandTimeout, "
    "Nullable`1 commandType) in /_/Dapper/SqlMapper.cs:line 527",
    "at Orders.Worker.Import.OrderLineWriter.Write(IDbConnection connection, IReadOnlyList`1 lines) in "
    "C:\\build\\orders-worker\\src\\Orders.Worker\\Import\\OrderLineWriter.cs:line 64",
    "at Orders.Worker.Import.ImportBatch.Run(ImportRequest request) in C:\\build\\orders-worker\\src\\Orders.Worker\\Import\\ImportBatch.cs:line 118",
]


def api_frames(repo_method, line, app="Orders.Api"):
    """An ASP.NET Core request that awaited Dapper over Microsoft.Data.SqlClient."""
    return [
        "at Microsoft.Data.SqlClient.SqlCommand.<>c.<ExecuteDbDataReaderAsync>b__211_0(Task`1 result)",
        "at System.Threading.Tasks.ContinuationResultTaskFromResultTask`2.InnerInvoke()",
        "at System.Threading.ExecutionContext.RunFromThreadPoolDispatchLoop(Thread threadPoolThread, ExecutionContext executionContext, "
        "ContextCallback callback, Object state)",
        "--- End of stack trace from previous location ---",
        "at System.Threading.Tasks.Task.ExecuteWithThreadLocal(Task& currentTaskSlot, Thread threadPoolThread)",
        "--- End of stack trace from previous location ---",
        "at Dapper.SqlMapper.QueryAsync[T](IDbConnection cnn, Type effectiveType, CommandDefinition command) in /_/Dapper/SqlMapper.Async.cs:line 434",
        "at %s.Data.OrderRepository.%s in D:\\a\\1\\s\\src\\%s\\Data\\OrderRepository.cs:line %d" % (app, repo_method, app, line),
        "at %s.Controllers.OrdersController.Get(Int32 id, CancellationToken ct) in D:\\a\\1\\s\\src\\%s\\Controllers\\OrdersController.cs:line 38"
        % (app, app),
        "at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.TaskOfIActionResultExecutor.Execute(IActionResultTypeMapper "
        "mapper, ObjectMethodExecutor executor, Object controller, Object[] arguments)",
        "at Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker.<InvokeActionMethodAsync>g__Awaited|12_0(ControllerActionInvoker "
        "invoker, ValueTask`1 actionResultValueTask)",
        "at Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker.<InvokeNextActionFilterAsync>g__Awaited|10_0(ControllerActionInvoker "
        "invoker, Task lastTask, State next, Scope scope, Object state, Boolean isCompleted)",
    ]


def mvc_frames(method, line, app="Orders.Web"):
    """An ASP.NET MVC 5 action on .NET Framework that ran Dapper over System.Data.SqlClient."""
    return [
        "at Dapper.SqlMapper.QueryImpl[T](IDbConnection cnn, CommandDefinition command, Type effectiveType)+MoveNext() in "
        "/_/Dapper/SqlMapper.cs:line 1113",
        "at System.Collections.Generic.List`1..ctor(IEnumerable`1 collection)",
        "at System.Linq.Enumerable.ToList[TSource](IEnumerable`1 source)",
        "at Dapper.SqlMapper.Query[T](IDbConnection cnn, String sql, Object param, IDbTransaction transaction, Boolean buffered, "
        "Nullable`1 commandTimeout, Nullable`1 commandType) in /_/Dapper/SqlMapper.cs:line 734",
        "at %s.Data.%s in C:\\build\\orders-web\\src\\%s\\Data\\OrderQueries.cs:line %d" % (app, method, app, line),
        "at %s.Controllers.OrdersController.Details(Int32 id) in C:\\build\\orders-web\\src\\%s\\Controllers\\OrdersController.cs:line 52"
        % (app, app),
        "at lambda_method(Closure , ControllerBase , Object[] )",
        "at System.Web.Mvc.ActionMethodDispatcher.Execute(ControllerBase controller, Object[] parameters)",
        "at System.Web.Mvc.ReflectedActionDescriptor.Execute(ControllerContext controllerContext, IDictionary`2 parameters)",
        "at System.Web.Mvc.ControllerActionInvoker.InvokeActionMethod(ControllerContext controllerContext, ActionDescriptor "
        "actionDescriptor, IDictionary`2 parameters)",
    ]


JAVA_ORDERS = ["at com.example.orders.repo.OrderDao.findByCustomer(OrderDao.java:61)",
               "at com.example.orders.service.OrderService.openOrders(OrderService.java:44)",
               "at com.example.orders.web.OrderController.list(OrderController.java:38)"]


# ----------------------------------------------------------------------------------------------
# incident-kill
# ----------------------------------------------------------------------------------------------

def incident_kill():
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
                  thread=thread, note="a command timeout while blocked; the kill came later")
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



# ----------------------------------------------------------------------------------------------
# incident-failover (the folder that needs --tz)
# ----------------------------------------------------------------------------------------------

def mvc_noise(rng):
    oid = rng.randint(40000, 99999)
    th = str(rng.choice([23, 27, 31, 41, 44]))
    return pick(rng, [
        (45, ("INFO", "Orders.Web.Controllers.OrdersController", th, "GET /orders/details/%d 200 in %d ms" % (oid, rng.randint(9, 300)))),
        (25, ("DEBUG", "Orders.Web.Data.OrderQueries", th, "OrderLines(%d) returned %d rows" % (oid, rng.randint(1, 30)))),
        (10, ("INFO", "Orders.Web.Controllers.CartController", th, "POST /cart/checkout 302 in %d ms" % rng.randint(80, 900))),
        (3, ("WARN", "Orders.Web.Controllers.OrdersController", th, "GET /orders/export took %d ms" % rng.randint(3000, 9000))),
    ])


def incident_failover():
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
              "APPSRV03", 4060, explained=("failover", role1), thread="23")

    # APPSRV01: .NET 6 API, Serilog in UTC with the offset written.
    a = inc.add(AppLog("APPSRV01/Logs/orders-api-20240227.log", "serilog", 0,
                       clock=("Serilog `yyyy-MM-dd HH:mm:ss.fff zzz`", "yes (+00:00)", "each timestamp")))
    fill(a, rng, T("2024-02-27 17:00:00"), T("2024-02-27 19:40:00"), 16, aspnet_noise)
    inc.error(a, T("2024-02-27 17:40:12.300"), "", "Failed executing GET /api/reports/daily",
              sqlclient_exception("Microsoft", -2, inc.guid(), api_frames("DailyReportAsync(DateOnly day, CancellationToken ct)", 112)),
              "APPSRV01", -2, note="a slow report, two hours earlier")
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
    inc.verdict = ("With the --tz above, `errors near failover within 2m` returns the seven errors marked failover below; the two others "
                   "are unrelated. Without it APPSRV03's entries are taken as UTC and land eight hours early (11:05Z), so only "
                   "APPSRV01's two errors are explained (2 of 9) and the report must show APPSRV03's clock as assumed.")
    inc.traps = [
        "APPSRV03/Logs/Orders.Web.log has no offset: its `2024-02-27 11:05:42,402` is 19:05:42.402Z. Read as UTC, it is 8 h off.",
        "One failover, two evidence lines: SQLPROD01's PRINCIPAL to MIRROR (local 14:05:41.28) and SQLPROD02's MIRROR to PRINCIPAL "
        "(local 13:05:41.62, 0.34 s later by its own clock). Counting them as two failovers is wrong.",
        "The 4060 `Cannot open database \"Orders\"` on APPSRV03 is a connection-open failure caused by the failover (its login "
        "reached the new mirror; SQLPROD01 logged 18456 state 38 for it at the same second).",
        "The -2 timeout on APPSRV01 at 17:40Z and the reset on APPSRV03 at 16:12Z are not near the failover.",
        "SQLPROD01's and SQLPROD02's ERRORLOGs start with the nightly sp_cycle_errorlog header (banner from a user spid, `The error "
        "log has been reinitialized`), not with a restart.",
    ]
    return inc


# ----------------------------------------------------------------------------------------------
# incident-idle-timeout
# ----------------------------------------------------------------------------------------------

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


def incident_idle_timeout():
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
              "APPSRV02", 1205, note="a deadlock victim: a server-side decision, not a severed connection")

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
        "The deadlock (1205) on APPSRV02 is a client SQL error but not a connectivity error; it stays unexplained.",
        "APPSRV01 logs EDT (-04:00, US daylight time began 2024-03-10); APPSRV02 logs +01:00; the server is UTC.",
    ]
    return inc


# ----------------------------------------------------------------------------------------------
# incident-chimney
# ----------------------------------------------------------------------------------------------

def config_file(path, lines, marks_at, clock=None):
    """A timeless command output (netsh): lines as captured, marks on given line indexes."""
    f = TextFile(path, newline="\r\n", encoding="ascii", ordered=False, clock=clock)
    marks = []
    for index, m in marks_at:
        m.offset = index
        marks.append(m)
    f.put(None, lines, marks)
    return f


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


def incident_chimney():
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
              "WEBAPP01", "-", "HYT00", note="a query timeout, not a transport error")

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


# ----------------------------------------------------------------------------------------------
# incident-port-exhaustion
# ----------------------------------------------------------------------------------------------

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


def incident_port_exhaustion():
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
              "APPSRV05", "-", "HYT00", thread="22", note="a query timeout 100 minutes before the port pile-up")
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


# ----------------------------------------------------------------------------------------------
# incident-backlog
# ----------------------------------------------------------------------------------------------

class Capture:
    """Builds `tshark -t ud -Y ...` text: handshakes, refusals (RST on SYN) and resets after pre-login."""

    SERVER = "10.30.1.20"

    def __init__(self, inc, path):
        self.inc = inc
        self.rng = inc.rng
        self.file = inc.add(TextFile(path, newline="\n", encoding="utf-8",
                                     clock=("`tshark -r SQLPROD05_1433.pcapng -t ud` (UTC, no zone suffix)", "no",
                                            "assumed UTC, which is right: `-t ud` prints UTC")))
        self.packets = []

    def _port(self):
        return self.rng.randint(49152, 65535)

    def attempt(self, t, client, kind, mark=None):
        """kind: 'ok', 'refused' (RST answers the SYN) or 'prelogin' (accepted, then RST after the pre-login packet)."""
        rng, s, port = self.rng, self.SERVER, self._port()
        syn = "%d \u2192 1433 [SYN] Seq=0 Win=64240 Len=0 MSS=1460 WS=256 SACK_PERM" % port
        self.packets.append([t, client, s, "TCP", 66, syn, []])
        if kind == "refused":
            rst = t + D(microseconds=rng.randint(80, 400))
            self.packets.append([rst, s, client, "TCP", 54, "1433 \u2192 %d [RST, ACK] Seq=1 Ack=1 Win=0 Len=0" % port, [mark] if mark else []])
            return rst
        sa = t + D(microseconds=rng.randint(150, 500))
        self.packets.append([sa, s, client, "TCP", 66, "1433 \u2192 %d [SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0 MSS=1460 WS=256 "
                             "SACK_PERM" % port, []])
        pre = sa + D(microseconds=rng.randint(900, 2600))
        self.packets.append([pre, client, s, "TDS", 142, "TDS7 pre-login message", []])
        if kind == "prelogin":
            rst = pre + D(microseconds=rng.randint(600, 1500))
            self.packets.append([rst, s, client, "TCP", 54, "1433 \u2192 %d [RST, ACK] Seq=1 Ack=89 Win=0 Len=0" % port, [mark] if mark else []])
            return rst
        return pre

    def render(self):
        no = self.rng.randint(1, 9)
        for t, src, dst, proto, length, info, marks in sorted(self.packets, key=lambda p: p[0]):
            no += self.rng.randint(1, 6) if proto == "TCP" else self.rng.randint(3, 30)
            self.file.put(t, [tshark_line(no, t, src, dst, proto, length, info)], marks)


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


def incident_backlog():
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
              "APPSRV06", 1205, note="a deadlock victim, before the redeploy")

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


# ----------------------------------------------------------------------------------------------
# incident-keepalive
# ----------------------------------------------------------------------------------------------

def worker_queries(log, rng, start, end, spids, op, logger, thread_of, mean_gap_s, busy=()):
    """DEBUG pairs a worker writes around each command: 'Executing ... on SPID n' and '... completed in m ms (SPID n)'."""
    for t in sprinkle(rng, start, end, mean_gap_s, busy):
        spid = rng.choice(spids)
        unit = rng.randint(88000, 88999)
        took = rng.randint(20, 900)
        log.log(t, "DEBUG", logger, "Executing %s for %d on SPID %d" % (op, unit, spid), thread=thread_of(spid))
        log.log(t + D(milliseconds=took), "DEBUG", logger, "%s for %d completed in %d ms (SPID %d)" % (op, unit, took, spid),
                thread=thread_of(spid))


def incident_keepalive():
    inc = Incident("incident-keepalive", 7707)
    rng = inc.rng
    srv = Server("SQLPROD06", SQL2019, 0, "Standard Edition (64-bit)",
                 "Windows Server 2019 Standard 10.0 <X64> (Build 17763: ) (Hypervisor)", 3904, "CORP\\svc-sqlprod06")
    el = inc.add(ErrorLog("SQLPROD06/ERRORLOG", srv))
    cycle_header(el, T("2024-03-08 00:00:00.390"), 60)
    bk = Backups(el, rng, "\\\\bkp01\\sqlbackup\\SQLPROD06", [("Wms", "2019/02/12(07:45:10)", 618823)])
    bk.full(T("2024-03-08 01:00:31.550"), "Wms", 2660918)
    bk.schedule_logs(T("2024-03-08 00:30:00"), T("2024-03-08 17:30:00"), 60, ["Wms"])
    checkdb(el, T("2024-03-08 02:41:19.880"), 66, "Wms", "CORP\\svc-sqlagent", 9, 33, rng)

    # The server's System log, exported with wevtutil: local time, which on this UTC server is UTC.
    ev = TextFile("SQLPROD06/SystemEvents.txt", newline="\r\n", encoding="ascii",
                  clock=("`wevtutil qe System /f:text` export", "no; the machine's local time, which is UTC on this server "
                         "(its ERRORLOG says `UTC adjustment: 0:00`)", "assumed UTC, which is right here"))
    inc.add(ev)
    nic = "Intel(R) 82574L Gigabit Network Connection"
    adapter = "\\DEVICE\\TCPIP_{5E2A7C41-9B3D-4F6E-A812-3C0D5B7E9F14}"
    flap = inc.ev("link-down", "Network link is disconnected.", "a 2.8 s flap, shorter than the disconnect damping: nothing fails")
    down = inc.ev("link-down", "Network link is disconnected.", "SQLPROD06 loses its link for 48 s")
    media = inc.ev("media-disconnect", "was disconnected from the network", "Media Sense: the adapter's configuration is released "
                   "6.6 s after the link loss; SQL Server drops its sessions")
    up = inc.ev("link-up", "Network link has been established at 1Gbps full duplex.", "link back")
    events = [
        (T("2024-03-08 02:00:11.402"), "Service Control Manager", 7036, "Information",
         "The Windows Modules Installer service entered the running state.", None),
        (T("2024-03-08 02:10:14.955"), "Service Control Manager", 7036, "Information",
         "The Windows Modules Installer service entered the stopped state.", None),
        (T("2024-03-08 06:14:02.330"), "Microsoft-Windows-Time-Service", 37, "Information",
         "The time provider NtpClient is currently receiving valid time data from dc01.corp.example.com (ntp.d|0.0.0.0:123->10.70.0.10:123).", None),
        (T("2024-03-08 11:05:41.204"), "e1iexpress", 27, "Warning", nic + "\n Network link is disconnected.", (flap, 1)),
        (T("2024-03-08 11:05:44.019"), "e1iexpress", 32, "Information", nic + "\n Network link has been established at 1Gbps full duplex.", None),
        (T("2024-03-08 15:02:10.318"), "e1iexpress", 27, "Warning", nic + "\n Network link is disconnected.", (down, 1)),
        (T("2024-03-08 15:02:16.902"), "Tcpip", 4202, "Warning",
         "The system detected that network adapter %s was disconnected from the network, and the adapter's network configuration has "
         "been released. If this was not intended, please check that the network cable is connected." % adapter, (media, 0)),
        (T("2024-03-08 15:02:58.701"), "e1iexpress", 32, "Information", nic + "\n Network link has been established at 1Gbps full duplex.", (up, 1)),
        (T("2024-03-08 15:02:59.833"), "Tcpip", 4201, "Information",
         "The system detected that network adapter %s was connected to the network, and has initiated normal operation over the "
         "network adapter." % adapter, None),
        (T("2024-03-08 16:40:03.118"), "Service Control Manager", 7036, "Information",
         "The Windows Update service entered the stopped state.", None),
    ]
    for i, (t, source, eid, level, text, mark) in enumerate(events):
        lines = wevtutil_event(i, source, t, eid, level, "SQLPROD06.corp.example.com", text,
                               opcode="Info" if source != "Service Control Manager" else "N/A")
        marks = []
        if mark:
            m, desc_line = mark
            m.offset = lines.index("  Description: ") + 1 + desc_line
            marks.append(m)
        ev.put(t, lines, marks)

    # APPSRV07: .NET 6 allocation worker, three threads each holding one pooled connection; Serilog -08:00.
    a = inc.add(AppLog("APPSRV07/Logs/wms-allocation-20240308.log", "serilog", -480,
                       clock=("Serilog `yyyy-MM-dd HH:mm:ss.fff zzz`", "yes (-08:00)", "each timestamp")))
    frames7 = ["at Wms.Allocation.Data.WaveRepository.Allocate(Int32 waveId) in D:\\a\\1\\s\\src\\Wms.Allocation\\Data\\WaveRepository.cs:line 77",
               "at Wms.Allocation.AllocationWorker.ProcessWave(Int32 waveId) in D:\\a\\1\\s\\src\\Wms.Allocation\\AllocationWorker.cs:line 64",
               "at Wms.Allocation.AllocationWorker.ExecuteAsync(CancellationToken stoppingToken) in "
               "D:\\a\\1\\s\\src\\Wms.Allocation\\AllocationWorker.cs:line 41"]
    outage = (T("2024-03-08 15:01:40"), T("2024-03-08 15:03:05"))
    worker_queries(a, rng, T("2024-03-08 13:30:00"), outage[0], [66, 73, 81], "AllocateWave", "", lambda s: "", 24)
    worker_queries(a, rng, outage[1], T("2024-03-08 16:00:00"), [102, 117, 121], "AllocateWave", "", lambda s: "", 24)
    # APPSRV08: .NET Framework label printer service, two threads; log4net +01:00.
    b = inc.add(AppLog("APPSRV08/Logs/Wms.Labels.log", "log4net", 60,
                       clock=("log4net `%date{yyyy-MM-dd HH:mm:ss,fff zzz}`", "yes (+01:00)", "each timestamp")))
    frames8 = ["at Wms.Labels.Data.LabelQueue.NextBatch(Int32 printerGroup) in C:\\build\\wms-labels\\src\\Wms.Labels\\Data\\LabelQueue.cs:line 48",
               "at Wms.Labels.PrintLoop.Run() in C:\\build\\wms-labels\\src\\Wms.Labels\\PrintLoop.cs:line 36"]
    thread8 = {90: "6", 95: "7", 133: "6", 140: "7"}
    worker_queries(b, rng, T("2024-03-08 12:30:00"), outage[0], [90, 95], "NextBatch", "Wms.Labels.Data.LabelQueue", thread8.get, 40)
    worker_queries(b, rng, outage[1], T("2024-03-08 16:00:00"), [133, 140], "NextBatch", "Wms.Labels.Data.LabelQueue", thread8.get, 40)

    def in_flight(log, logger, thread, op, unit, spid, last, failed, host, ns, frames):
        prev = last - D(milliseconds=rng.randint(25, 60))
        took = rng.randint(20, 60)
        log.log(prev - D(milliseconds=took), "DEBUG", logger, "Executing %s for %d on SPID %d" % (op, unit - 1, spid), thread=thread)
        log.log(prev, "DEBUG", logger, "%s for %d completed in %d ms (SPID %d)" % (op, unit - 1, took, spid), thread=thread)
        m = inc.ev("last-activity", "Executing %s for %d on SPID %d" % (op, unit, spid), "%s's last packet on SPID %d" % (host, spid))
        log.log(last, "DEBUG", logger, "Executing %s for %d on SPID %d" % (op, unit, spid), thread=thread, mark=m)
        inc.error(log, failed, logger, "%s for %d failed after %d ms (SPID %d)" % (op, unit, round(seconds_between(last, failed) * 1000), spid),
                  sqlclient_exception(ns, 64, inc.guid(), frames), host, 64, explained=("keepalive", m), thread=thread)

    in_flight(a, "", "", "AllocateWave", 88211, 73, T("2024-03-08 15:01:44.902"), T("2024-03-08 15:02:19.986"), "APPSRV07", "Microsoft", frames7)
    in_flight(a, "", "", "AllocateWave", 88214, 81, T("2024-03-08 15:01:58.120"), T("2024-03-08 15:02:33.214"), "APPSRV07", "Microsoft", frames7)
    in_flight(a, "", "", "AllocateWave", 88216, 66, T("2024-03-08 15:02:05.477"), T("2024-03-08 15:02:40.560"), "APPSRV07", "Microsoft", frames7)
    in_flight(b, "Wms.Labels.Data.LabelQueue", "6", "NextBatch", 88402, 90, T("2024-03-08 15:01:51.330"), T("2024-03-08 15:02:26.412"),
              "APPSRV08", "System", frames8)
    in_flight(b, "Wms.Labels.Data.LabelQueue", "7", "NextBatch", 88405, 95, T("2024-03-08 15:02:09.005"), T("2024-03-08 15:02:44.101"),
              "APPSRV08", "System", frames8)
    a.log(T("2024-03-08 15:03:04.410"), "INFO", "", "Connection pool cleared after a fatal error; reconnected to SQLPROD06 (SPID 102)")
    b.log(T("2024-03-08 15:03:03.876"), "INFO", "Wms.Labels.PrintLoop", "Reconnected to SQLPROD06; resuming label batches", thread="6")
    inc.error(b, T("2024-03-08 12:44:03.518"), "Wms.Labels.Data.LabelQueue", "NextBatch for 88311 failed (SPID 95)",
              sqlclient_exception("System", 10054, inc.guid(), frames8), "APPSRV08", 10054, thread="7",
              note="a lone reset two hours before the outage")

    inc.cause = "keepalive (dead peer detected 30 s + 5 x 1 s after the last packet, while SQLPROD06's link was down)"
    inc.story = ("Friday 2024-03-08. SQLPROD06's network link drops at 15:02:10Z and comes back 48 s later (the System log export "
                 "shows e1iexpress 27/32 and Tcpip 4202/4201). Five commands were in flight on APPSRV07 (.NET 6, "
                 "Microsoft.Data.SqlClient) and APPSRV08 (.NET Framework, System.Data.SqlClient). Their connections had gone quiet "
                 "waiting for results; after 30 s without a packet each client sent keepalive probes, five at one-second intervals, "
                 "got no answer and dropped the connection: each command failed 35.1 s after its last activity with `The specified "
                 "network name is no longer available` (64). A 2.8 s flap at 11:05Z, shorter than the disconnect damping, broke nothing.")
    inc.verdict = ("Each explained error comes 35.08 to 35.10 s after the `Executing ...` line of the same SPID, with nothing logged "
                   "on that connection in between, and falls inside the link outage. The 12:44Z reset on APPSRV08 is not part of it.")
    inc.traps = [
        "The errors come 9 to 34 s after the link loss, not at a fixed delay from it: the 35 s clock starts at each connection's own "
        "last packet.",
        "The 11:05:41Z link loss lasted 2.8 s; Media Sense's damping (5-10 s) hid it from TCP/IP and SQL Server: no error follows.",
        "SystemEvents.txt has no offset; this server's clock is UTC. The event text spans two lines (`Intel(R) 82574L ...` then "
        "` Network link is disconnected.`).",
        "APPSRV07 logs -08:00, APPSRV08 +01:00: the five errors are 15:02:19Z to 15:02:44Z in UTC.",
        "Error 64 is a receive failure (`receiving results from the server`), not the 10054 send failure of a stale pooled connection.",
    ]
    return inc


# ----------------------------------------------------------------------------------------------
# incident-mixed
# ----------------------------------------------------------------------------------------------

def sync_noise(rng):
    return pick(rng, [
        (50, ("INFO", "", "", "Sync cycle finished: %d orders, %d lines in %d ms" % (rng.randint(0, 50), rng.randint(0, 500), rng.randint(40, 2400)))),
        (35, ("DEBUG", "", "", "Fetched %d changes from channel %s" % (rng.randint(0, 80), rng.choice(["web", "pos", "marketplace"])))),
    ])


def billing_batch_noise(rng):
    n = rng.randint(0, 30)
    return ("INFO", "c.e.billing.InvoiceJob", "pool-2-thread-1", "InvoiceJob run: %d invoices pending, %d posted in %d ms"
            % (n, n, rng.randint(40, 1900)))


def incident_mixed():
    inc = Incident("incident-mixed", 8808)
    rng = inc.rng
    args = ("Standard Edition (64-bit)", "Windows Server 2022 Standard 10.0 <X64> (Build 20348: ) (Hypervisor)")
    old = Server("SQLPROD07", SQL2022, 330, args[0], args[1], 7408, "CORP\\svc-sqlprod07")
    new = Server("SQLPROD07", SQL2022, 330, args[0], args[1], 2216, "CORP\\svc-sqlprod07")
    e1 = inc.add(ErrorLog("SQLPROD07/ERRORLOG.1", old))
    e0 = inc.add(ErrorLog("SQLPROD07/ERRORLOG", new))
    cycle_header(e1, T("2024-03-03 18:30:00.580"), 66)
    b1 = Backups(e1, rng, "\\\\bkp01\\sqlbackup\\SQLPROD07", [("Orders", "2021/01/25(12:00:41)", 551092), ("Billing", "2021/01/25(12:03:19)", 90412)])
    b1.full(T("2024-03-03 21:30:44.210"), "Orders", 1733019)
    b1.schedule_logs(T("2024-03-03 19:00:00"), T("2024-03-04 03:30:00"), 30, ["Orders"])
    b1.schedule_logs(T("2024-03-03 19:00:00"), T("2024-03-04 03:30:00"), 120, ["Billing"])
    checkdb(e1, T("2024-03-03 22:10:05.640"), 71, "Billing", "CORP\\svc-sqlagent", 2, 48, rng)
    shut = inc.ev("shutdown", "SQL Server is terminating because of a system shutdown.", "Windows Update reboot")
    shutdown_block(e1, T("2024-03-04 03:40:02.310"), "system", mark=shut)
    restart = inc.ev("restart", "Microsoft SQL Server 2022 (RTM-CU11)", "startup after the reboot")
    ready = inc.ev("ready", "SQL Server is now ready for client connections.")
    startup_block(e0, T("2024-03-04 03:40:31.050"), [("Orders", 5, "2024-03-03 03:12:40.017"), ("Billing", 6, None)], 7408,
                  T("2024-03-04 03:40:02"), 13660, restart_mark=restart, ready_mark=ready)
    b0 = Backups(e0, rng, "\\\\bkp01\\sqlbackup\\SQLPROD07", [])
    b0.db = b1.db
    b0.schedule_logs(T("2024-03-04 04:00:00"), T("2024-03-04 06:30:00"), 30, ["Orders"])
    login_failed(e0, T("2024-03-04 04:31:55.020"), "etl_reader", 8, "10.80.3.40")
    kills = {}
    for spid, t in ((142, "05:12:08.170"), (151, "05:12:08.190")):
        text = "Process ID %d was killed by hostname APPSRV11, host process ID 7720." % spid
        kills[spid] = inc.ev("kill", text)
        e0.add(T("2024-03-04 " + t), "spid55", text, mark=kills[spid])

    # APPSRV09: Java 17 on Linux, Spring Boot + HikariCP + mssql-jdbc, logback +05:30, LF.
    j = inc.add(AppLog("APPSRV09/Logs/orders-api.log", "logback", 330, newline="\n",
                       clock=("logback `%d{yyyy-MM-dd HH:mm:ss.SSS XXX}`", "yes (+05:30)", "each timestamp")))
    fill(j, rng, T("2024-03-04 02:30:00"), T("2024-03-04 03:40:02"), 40, spring_noise)
    fill(j, rng, T("2024-03-04 03:40:50"), T("2024-03-04 06:30:00"), 40, spring_noise)
    sql = "select o.id, o.status, o.total from orders o where o.customer_id = ?"
    for t, cust in (("03:40:02.644", 31877), ("03:40:03.107", 12044)):
        inc.error(j, T("2024-03-04 " + t), "c.e.orders.web.OrderController", "GET /orders?customer=%d failed" % cust,
                  jdbc_reset(inc.guid(), sql, JAVA_ORDERS), "APPSRV09", "-", "08S01", explained=("restart", restart),
                  thread="http-nio-8080-exec-%d" % rng.randint(1, 10))
    inc.error(j, T("2024-03-04 03:40:33.212"), "c.e.orders.web.OrderController", "GET /orders?customer=27710 failed",
              jdbc_refused("sqlprod07.corp.example.in", JAVA_ORDERS), "APPSRV09", "-", "08S01", explained=("restart", restart),
              thread="http-nio-8080-exec-4")
    inc.not_error(j, T("2024-03-04 03:40:44.950"), "WARN", "com.zaxxer.hikari.pool.PoolBase",
                  "HikariPool-1 - Failed to validate connection ConnectionID:7 ClientConnectionId: %s (The connection is closed.). "
                  "Possibly consider using a shorter maxLifetime value." % inc.guid(), [],
                  "HikariCP discarding a dead pooled connection: a warning, no request failed", thread="http-nio-8080-exec-2")
    inc.error(j, T("2024-03-04 04:58:41.090"), "c.e.orders.web.OrderController", "GET /orders?customer=40391 failed",
              jdbc_reset(inc.guid(), sql, JAVA_ORDERS), "APPSRV09", "-", "08S01", thread="http-nio-8080-exec-6",
              note="78 min after the restart, 13 min before the kill")

    # APPSRV10: Java 8 on Windows, jTDS + DBCP2 without validation, logback ISO timestamps in UTC ('Z').
    k = inc.add(AppLog("APPSRV10/logs/billing-batch.log", "logback", 0, iso=True,
                       clock=("logback `%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}`", "yes (`Z`)", "each timestamp")))
    k.log(T("2024-03-04 02:30:00.211"), "INFO", "c.e.billing.BillingBatch", "Starting BillingBatch 4.0.3 (jTDS 1.3.1, commons-dbcp2 2.9.0, "
          "Java 1.8.0_391)", thread="main")
    k.log(T("2024-03-04 02:30:00.540"), "INFO", "c.e.billing.BillingBatch", "DataSource url=jdbc:jtds:sqlserver://sqlprod07.corp.example.in:"
          "1433/Billing;" + kv(("user", "billing"), ("password", SECRET_BILLING), ("socketTimeout", "0")), thread="main",
          mark=inc.secret("password"))
    fill(k, rng, T("2024-03-04 02:31:00"), T("2024-03-04 06:30:00"), 75, billing_batch_noise)
    jframes = ["at com.example.billing.InvoiceRepository.pendingInvoices(InvoiceRepository.java:77)",
               "at com.example.billing.InvoiceJob.run(InvoiceJob.java:52)"]
    for t in ("03:41:12.330", "03:43:50.412"):
        inc.error(k, T("2024-03-04 " + t), "c.e.billing.InvoiceJob", "InvoiceJob run failed", jtds_write_error(jframes), "APPSRV10",
                  "-", "08S01", explained=("restart", restart), thread="pool-2-thread-1")
    inc.error(k, T("2024-03-04 05:12:10.005"), "c.e.billing.InvoiceJob", "InvoiceJob run failed", jtds_write_error(jframes), "APPSRV10",
              "-", "08S01", thread="pool-2-thread-1", note="1.8 s after the kill, but the kill was APPSRV11's")

    # APPSRV11: .NET 8 order sync service (process 7720) with a session janitor; Serilog +01:00.
    a = inc.add(AppLog("APPSRV11/Logs/orders-sync-20240304.log", "serilog", 60,
                       clock=("Serilog `yyyy-MM-dd HH:mm:ss.fff zzz`", "yes (+01:00)", "each timestamp")))
    fill(a, rng, T("2024-03-04 02:00:00"), T("2024-03-04 06:30:00"), 40, sync_noise)
    for t in sprinkle(rng, T("2024-03-04 02:00:00"), T("2024-03-04 06:30:00"), 300):
        a.log(t, "INFO", "", "Session janitor: 0 orphaned sessions")
    sframes = ["at Orders.Sync.Data.ChangeStore.Apply(ChangeBatch batch) in D:\\a\\1\\s\\src\\Orders.Sync\\Data\\ChangeStore.cs:line 91",
               "at Orders.Sync.SyncService.RunCycle(CancellationToken ct) in D:\\a\\1\\s\\src\\Orders.Sync\\SyncService.cs:line 58"]
    inc.error(a, T("2024-03-04 02:15:44.660"), "", "Sync cycle failed on channel marketplace",
              sqlclient_exception("Microsoft", -2, inc.guid(), sframes), "APPSRV11", -2, note="a command timeout an hour before the restart")
    for t in ("03:40:47.215", "03:41:05.880"):
        inc.error(a, T("2024-03-04 " + t), "", "Sync cycle failed on channel web",
                  sqlclient_exception("Microsoft", 10054, inc.guid(), sframes, op="nonquery"), "APPSRV11", 10054,
                  explained=("restart", restart))
    a.log(T("2024-03-04 05:12:08.101"), "WARN", "", "Session janitor: killing orphaned session 142 (host APPSRV11, idle 00:41:10, open transaction)")
    a.log(T("2024-03-04 05:12:08.122"), "WARN", "", "Session janitor: killing orphaned session 151 (host APPSRV11, idle 00:38:52, open transaction)")
    a.log(T("2024-03-04 05:12:08.230"), "INFO", "", "Session janitor: killed 2 sessions")
    for t, spid in (("05:12:09.402", 142), ("05:12:15.077", 151)):
        inc.error(a, T("2024-03-04 " + t), "", "Sync cycle failed on channel pos (SPID %d)" % spid,
                  sqlclient_exception("Microsoft", 10054, inc.guid(), sframes, op="nonquery"), "APPSRV11", 10054,
                  explained=("kill", kills[spid]))
    inc.not_error(a, T("2024-03-04 04:05:12.004"), "ERROR", "", "Unhandled exception in sync cycle; the cycle will be retried",
                  ["System.NullReferenceException: Object reference not set to an instance of an object.",
                   "   at Orders.Sync.Mapping.MarketplaceMapper.Map(MarketplaceOrder order) in D:\\a\\1\\s\\src\\Orders.Sync\\Mapping\\MarketplaceMapper.cs:line 23",
                   "   at Orders.Sync.SyncService.RunCycle(CancellationToken ct) in D:\\a\\1\\s\\src\\Orders.Sync\\SyncService.cs:line 52"],
                  "a NullReferenceException in a mapper: not a SQL error")

    inc.cause = "restart and kill (SQLPROD07 rebooted at 03:40Z; APPSRV11's janitor killed sessions 142 and 151 at 05:12Z)"
    inc.story = ("Monday 2024-03-04, SQLPROD07 in Pune (UTC+05:30). Windows Update reboots the server at 03:40:02Z "
                 "(ERRORLOG.1 ends with `SQL Server is terminating because of a system shutdown`); SQL Server is back at 03:40:31Z and "
                 "ready at 03:40:44Z (ERRORLOG starts with the startup block). Ninety minutes later the order-sync service on APPSRV11 "
                 "(process 7720) kills two of its own orphaned sessions. Three apps log errors: Java/mssql-jdbc on APPSRV09, "
                 "Java/jTDS on APPSRV10, .NET/Microsoft.Data.SqlClient on APPSRV11.")
    inc.verdict = ("The restart explains 7 errors (03:40:02Z to 03:43:50Z on APPSRV09, APPSRV10 and APPSRV11; two of them fail while "
                   "the server is shutting down, before the startup banner), the kill explains 2 (APPSRV11, 05:12:09Z and 05:12:15Z), "
                   "and 3 are explained by neither: the 02:15Z timeout on APPSRV11, the 04:58Z reset on APPSRV09 and the 05:12:10Z "
                   "reset on APPSRV10 (same seconds as the kill, different host).")
    inc.traps = [
        "Two APPSRV09 errors (03:40:02.644Z, 03:40:03.107Z) come before the restart banner: they are in-flight queries cut by the "
        "shutdown logged at the end of ERRORLOG.1. `near restart within 5m` catches them, `after restart` does not.",
        "APPSRV09's 03:40:33Z error is HikariCP giving up after 30 s: a connection-open failure (`Connection refused`) while "
        "SQL Server was down.",
        "APPSRV10's 05:12:10Z error is 1.8 s after the kill but on another host: not the kill's.",
        "ERRORLOG.1 has no startup block: its UTC adjustment comes from its own cycle header (and matches ERRORLOG's).",
        "The ERRORLOG's positive offset is written `UTC adjustment: 5:30`; APPSRV10 writes `Z`, APPSRV09 `+05:30`, APPSRV11 `+01:00`.",
        "HikariCP's `Failed to validate connection` WARN at 03:40:44Z is not a client error.",
    ]
    return inc


# ----------------------------------------------------------------------------------------------
# incident-no-cause
# ----------------------------------------------------------------------------------------------

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


def incident_no_cause():
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

# ----------------------------------------------------------------------------------------------

def main():
    incidents = [incident_kill(), incident_failover(), incident_idle_timeout(), incident_chimney(), incident_port_exhaustion(), incident_backlog(),
                 incident_keepalive(), incident_mixed(), incident_no_cause()]
    for inc in incidents:
        root = inc.write()
        size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(root) for f in fs)
        print("%-28s %7d bytes  %2d errors" % (inc.name, size, len(inc.errors)))


if __name__ == "__main__":
    main()
