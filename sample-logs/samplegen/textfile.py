"""Files as bytes: lines in time order, then the newline, encoding and BOM the writing program uses.

Every sample file goes through `TextFile.render` and `write_bytes`, so the bytes on disk are decided
here alone: ERRORLOG is UTF-16LE with a BOM and CRLF (as SQL Server writes it), Windows app logs and
CLEF are UTF-8 with CRLF, Linux logs UTF-8 with LF, netsh output ASCII with CRLF.
"""

import os


BOMS = {"utf-16-le": b"\xff\xfe", "utf-8": b"\xef\xbb\xbf"}


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
            data = BOMS.get(self.encoding, BOMS["utf-8"]) + data
        return data

    def lines_of(self, data):
        """The rendered bytes back as lines (line n is element n - 1), to check what marks point at."""
        body = data[2:].decode("utf-16-le") if self.encoding == "utf-16-le" else data.decode("utf-8")
        return body.replace("\r\n", "\n").split("\n")


def config_file(path, lines, marks_at, clock=None):
    """A timeless command output (netsh): lines as captured, marks on given line indexes."""
    f = TextFile(path, newline="\r\n", encoding="ascii", ordered=False, clock=clock)
    marks = []
    for index, m in marks_at:
        m.offset = index
        marks.append(m)
    f.put(None, lines, marks)
    return f


def write_bytes(root, path, data):
    """Writes `data` to root/path ('/'-separated), making the folders on the way."""
    full = os.path.join(root, *path.split("/"))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as out:
        out.write(data)


def folder_size(root):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(root) for f in fs)
