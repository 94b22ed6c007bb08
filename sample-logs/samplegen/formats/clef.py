"""CLEF, Serilog's compact JSON: one object per line as RenderedCompactJsonFormatter writes it to a file.

CRLF, UTF-8 without BOM, no ASCII escaping; `@t` in UTC with seven decimals, `@m` rendered, `@i` the
template id, `@l` only when not Information, `@x` the exception's ToString(), then the event's
properties and last the enriched ones.
"""

import json

from ..textfile import TextFile


def event(t, message, template_id, level=None, exception=None, enrich=None, **props):
    e = {"@t": t, "@m": message, "@i": template_id}
    if level:
        e["@l"] = level
    if exception:
        e["@x"] = exception
    e.update(props)
    e.update(enrich or {})
    return e


def clef_file(path, events):
    """The events as a file, in the order given (CLEF has its times inside the JSON)."""
    f = TextFile(path, newline="\r\n", encoding="utf-8", ordered=False)
    f.put(None, [json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in events])
    return f
