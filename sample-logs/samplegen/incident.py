"""An incident folder: its files, the marks on the lines that matter, and the answer key (expected/NAME.md).

The answer key is written from the same facts that placed the log lines (UTC times, file:line of
each client error and of each piece of evidence), so the references a person checks by hand cannot
drift from the logs; `Incident._check` proves them before anything is written.
"""

import datetime as dt
import os
import random
import shutil

from .clock import seconds_between, utc_text
from .textfile import folder_size, write_bytes


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

    def error(self, log, utc, logger, msg, exc, host, code, sqlstate="-", explained=None, thread="", level="ERROR", note="",
              not_network=None):
        """`explained`: (rule id, the evidence mark it is measured from); `not_network`: why it is not a network error
        (a timeout, a deadlock, a login or database-availability error), which no network cause explains."""
        assert not (explained and not_network), "an error lands in one place"
        m = Mark("error", host=host, code=str(code), sqlstate=sqlstate, explained=explained, note=note, not_network=not_network)
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

    def write(self, out):
        """Writes the folder under `out` (replacing what was there) and its answer key to out/expected/NAME.md."""
        root = os.path.join(out, self.name)
        if os.path.isdir(root):
            shutil.rmtree(root)
        texts = {}
        for f in self.files:
            data = f.render()
            write_bytes(root, f.path, data)
            texts[f.path] = f.lines_of(data)
        self._check(texts)
        write_bytes(out, "expected/%s.md" % self.name, self.expected().encode("utf-8"))
        return "%-28s %7d bytes  %2d errors" % (self.name, folder_size(root), len(self.errors))

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
        not_network = [m for m in errs if m.not_network]
        by_cause = {}
        for m in explained:
            by_cause[m.explained[0]] = by_cause.get(m.explained[0], 0) + 1
        out = ["# %s: what `diagnose` should find" % self.name, "", self.story, "",
               "## Expected answer", "",
               "- Cause: %s" % self.cause,
               "- Explained: %d of %d client errors%s" % (
                   len(explained), len(errs),
                   " (" + ", ".join("%s %d" % (k, v) for k, v in by_cause.items()) + ")" if len(by_cause) > 1 else ""),
               "- Not network: %d" % len(not_network),
               "- Unexplained: %d" % (len(errs) - len(explained) - len(not_network)),
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
            elif m.not_network:
                why = "not network: " + m.not_network
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
