#!/usr/bin/env bash
# Records a real unixODBC driver manager trace of pyodbc + FreeTDS failing against the loopback fault
# server (../recorded/faults.py): the orders job of ../recorded/pyodbc-app connects once per fault, with
# Trace=Yes in a private odbcinst.ini (ODBCSYSINI), all four runs into one trace file. See README.md.
#
# Needs root (it installs Debian packages). Every connection goes to 127.0.0.1. Afterwards only the
# Unix time of each record header is moved, so that the first record is 2024-03-05 10:32:03.120 UTC
# (11:32:03.120 +01:00, the clock of the other recordings); distances between records are kept.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
recorded="$here/../recorded"
work="$(mktemp -d)"
app_dir=/opt/orders-app
python=/usr/bin/python3
faults_pid=""

cleanup() {
    if [[ -n "$faults_pid" ]] && kill -0 "$faults_pid" 2>/dev/null; then kill "$faults_pid"; fi
    rm -rf "$work" "$app_dir"
}
trap cleanup EXIT
export TZ=UTC

apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pyodbc tdsodbc unixodbc >/dev/null

rm -rf "$app_dir" && mkdir -p "$app_dir"
cp "$recorded/pyodbc-app/orders_job.py" "$app_dir/"

mkdir -p "$work/odbc"
cat >"$work/odbc/odbcinst.ini" <<INI
[ODBC]
Trace=Yes
TraceFile=$work/trace.log

[FreeTDS]
Description=TDS driver (Sybase/MS SQL)
Driver=libtdsodbc.so
INI
touch "$work/odbc/odbc.ini"

"$python" "$recorded/faults.py" --lifetime 60 --quiet >"$work/ports" &
faults_pid=$!
for _ in $(seq 50); do [[ -s "$work/ports" ]] && break; sleep 0.1; done
eval "$(tr ' ' ';' <"$work/ports")"

for fault in refused reset prelogin timeout; do
    (cd "$app_dir" && ODBCSYSINI="$work/odbc" ORDERS_DB_PASSWORD=NotTheRealOne1 "$python" orders_job.py "${!fault}") >/dev/null 2>&1 || true
done
kill "$faults_pid" 2>/dev/null || true
wait "$faults_pid" 2>/dev/null || true
faults_pid=""

"$python" - "$work/trace.log" "$here/unixodbc-trace.log" <<'PY'
import re, sys
base = 1709634723120000  # 2024-03-05 10:32:03.120 UTC in microseconds
header = re.compile(r"^(\[[^\]]*\]\[\d+\]\[)(\d+)\.(\d{6})(\].*)$")
first, out = None, []
for line in open(sys.argv[1], encoding="utf-8").read().splitlines(keepends=True):
    body = line.rstrip("\n")
    m = header.match(body)
    if m:
        t = int(m.group(2)) * 1_000_000 + int(m.group(3))
        first = first if first is not None else t
        t = base + (t - first)
        line = f"{m.group(1)}{t // 1_000_000}.{t % 1_000_000:06d}{m.group(4)}" + line[len(body):]
    out.append(line)
open(sys.argv[2], "w", encoding="utf-8").write("".join(out))
PY

if grep -n 'NotTheRealOne1' "$here/unixodbc-trace.log"; then
    echo "the trace holds the password" >&2
    exit 1
fi
echo "recorded unixodbc-trace.log"
