"""Application log files: Serilog, log4net, logback and Python logging layouts, each with its own stamp."""

from ..clock import D, ms3, offset_text
from ..textfile import TextFile


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
