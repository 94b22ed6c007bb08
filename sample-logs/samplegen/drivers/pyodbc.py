"""Python: tracebacks and pyodbc's error forms."""

PY2_DBNETLIB = ("'[01000] [Microsoft][ODBC SQL Server Driver][DBNETLIB]ConnectionRead (recv()). (65534) (SQLExecDirectW); "
                "[08S01] [Microsoft][ODBC SQL Server Driver][DBNETLIB]General network error. Check your network documentation. (11)'")


def py_traceback(frames, last):
    lines = ["Traceback (most recent call last):"]
    for path, line, func, code in frames:
        lines += ['  File "%s", line %d, in %s' % (path, line, func), "    " + code]
    return lines + [last]
