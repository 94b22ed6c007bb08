#!/usr/bin/env bash
# Records real SQL Server client error text against the loopback fault server (faults.py) and
# writes one log per driver x fault, plus ss-burst.txt, into this folder. See README.md.
#
# Needs root (it installs Debian packages) and the .NET SDK. Every connection goes to 127.0.0.1.
# `bash record.sh sqlclient7` records only the Microsoft.Data.SqlClient 7.1.2 files (sqlclient7-*.log):
# no Debian packages, no root, the other recordings left as they are.
# Only the timestamp prefix of each log line is rewritten afterwards (to 2024-03-05); the text the
# drivers, runtimes and tracebacks printed is kept byte for byte.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
app_dir=/opt/orders-app          # where the Python job runs from, so its traceback names a plausible path
python=/usr/bin/python3          # Debian's python3: python3-pyodbc is built for it
faults_pid=""

cleanup() {
    if [[ -n "$faults_pid" ]] && kill -0 "$faults_pid" 2>/dev/null; then kill "$faults_pid"; fi
    rm -rf "$work" "$app_dir"
}
trap cleanup EXIT

export TZ=UTC DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
faults=(refused reset prelogin timeout)

install_packages() {
    apt-get update -qq
    local wanted=(python3-pyodbc tdsodbc unixodbc libjtds-java default-jdk-headless libicu72 iproute2)
    local available=()
    for p in "${wanted[@]}"; do
        # grep reads the whole policy text: an early exit (-q) would fail the pipe under pipefail.
        if [[ "$(apt-cache policy "$p")" =~ Candidate:\ [^\(] ]]; then available+=("$p"); else echo "not in Debian here: $p" >&2; fi
    done
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${available[@]}" >/dev/null
    if [[ -n "$(apt-cache search --names-only mssql-jdbc)" ]]; then
        echo "note: mssql-jdbc is in Debian here; record.sh does not record it yet" >&2
    fi
}

# Starts faults.py and sets the variables refused, reset, prelogin, timeout to its ports.
start_faults() {
    local lifetime="$1" ports_file="$work/ports.$RANDOM"
    "$python" "$here/faults.py" --lifetime "$lifetime" --quiet >"$ports_file" &
    faults_pid=$!
    for _ in $(seq 50); do [[ -s "$ports_file" ]] && break; sleep 0.1; done
    eval "$(tr ' ' ';' <"$ports_file")"
}

stop_faults() {
    kill "$faults_pid" 2>/dev/null || true
    wait "$faults_pid" 2>/dev/null || true
    faults_pid=""
}

# Two builds of the same probe: SqlClient 2.1.4 (sqlclient-*.log) and the central 7.1.2 (sqlclient7-*.log).
build_sqlclient_probes() {
    dotnet build "$here/sqlclient-probe/SqlClientProbe.csproj" -c Release --artifacts-path "$work/probe7" -v q -nologo >/dev/null
    probe7_dll="$(find "$work/probe7/bin" -name SqlClientProbe.dll | head -1)"
    [[ "$only" == sqlclient7 ]] && return
    dotnet build "$here/sqlclient-probe/SqlClientProbe.csproj" -c Release -p:SqlClientVersion=2.1.4 --artifacts-path "$work/probe" -v q -nologo >/dev/null
    probe_dll="$(find "$work/probe/bin" -name SqlClientProbe.dll | head -1)"
}

build_recorders() {

    mkdir -p "$work/java"
    javac -d "$work/java" "$here/jtds-app/com/example/OrderDao.java"

    rm -rf "$app_dir" && mkdir -p "$app_dir"
    cp "$here/pyodbc-app/orders_job.py" "$app_dir/"
}

# A driver's exit code is non-zero by design (every connection fails), so it is not checked;
# the log must hold an error line instead.
record_one() {
    local driver="$1" fault="$2" port="$3" out="$work/raw/$1-$2.log"
    case "$driver" in
        sqlclient) dotnet "$probe_dll" "$port" >"$out" 2>&1 || true ;;
        sqlclient7) dotnet "$probe7_dll" "$port" >"$out" 2>&1 || true ;;
        pyodbc) (cd "$app_dir" && ORDERS_DB_PASSWORD=NotTheRealOne1 "$python" orders_job.py "$port") >"$out" 2>&1 || true ;;
        jtds) ORDERS_DB_PASSWORD=NotTheRealOne1 java -cp "$work/java:/usr/share/java/jtds.jar" com.example.OrderDao "$port" >"$out" 2>&1 || true ;;
    esac
    grep -qE '\[ERR\]| ERROR ' "$out" || { echo "no error recorded for $driver/$fault:" >&2; cat "$out" >&2; exit 1; }
    echo "recorded $driver-$fault.log"
}

record_drivers() {
    mkdir -p "$work/raw"
    local drivers=(sqlclient sqlclient7 pyodbc jtds)
    [[ "$only" == sqlclient7 ]] && drivers=(sqlclient7)
    start_faults 120
    for fault in "${faults[@]}"; do
        for driver in "${drivers[@]}"; do record_one "$driver" "$fault" "${!fault}"; done
    done
    stop_faults
}

# 200 short connections to the pre-login port, each closed by the client first, so the client
# side holds the TIME-WAIT rows (the shape of ephemeral port exhaustion on an app server).
record_burst() {
    start_faults 30
    for _ in $(seq 200); do
        exec 3<>"/dev/tcp/127.0.0.1/$prelogin"
        exec 3>&-
    done
    sleep 0.5
    { date -u; ss -tan "( sport = :$prelogin or dport = :$prelogin )"; } >"$work/raw/ss-burst.txt"
    stop_faults
    echo "recorded ss-burst.txt"
}

# Moves each file's clock to 2024-03-05 11:32:03.120 local (+01:00) for its first stamped line;
# later lines keep their real distance from it. Only the leading timestamp of a line changes.
restamp() {
    "$python" - "$work/raw" "$here" <<'PY'
import datetime as dt, pathlib, re, sys
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
base = dt.datetime(2024, 3, 5, 11, 32, 3, 120000)
layouts = [  # (regex on the line start, strptime format, how to print it back)
    (re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) [+-]\d\d:\d\d(?= \[)"), "%Y-%m-%d %H:%M:%S.%f",
     lambda t: t.strftime("%Y-%m-%d %H:%M:%S.") + f"{t.microsecond // 1000:03d} +01:00"),
    (re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})(?= [A-Z]+ )"), "%Y-%m-%d %H:%M:%S,%f",
     lambda t: t.strftime("%Y-%m-%d %H:%M:%S,") + f"{t.microsecond // 1000:03d}"),
    (re.compile(r"^([A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d UTC \d{4})$"), "%a %b %d %H:%M:%S UTC %Y",
     lambda t: (t - dt.timedelta(hours=1)).strftime("%a %b %e %H:%M:%S UTC %Y")),
]
for f in sorted(src.iterdir()):
    first, out = None, []
    for line in f.read_text(encoding="utf-8").splitlines(keepends=True):
        for rx, fmt, show in layouts:
            m = rx.match(line)
            if m:
                t = dt.datetime.strptime(m.group(1), fmt)
                first = first or t
                line = show(base + (t - first)) + line[m.end():]
                break
        out.append(line)
    (dst / f.name).write_text("".join(out), encoding="utf-8")
PY
}

runtime_version() { dotnet --list-runtimes | awk '/^Microsoft.NETCore.App /{v=$2} END{print v}'; }

# The 7.1.2 line alone, when only the sqlclient7 files were recorded.
write_sqlclient7_version() {
    local line="Microsoft.Data.SqlClient 7.1.2 on Microsoft.NETCore.App $(runtime_version) (sqlclient7-*.log)"
    grep -v '^Microsoft.Data.SqlClient 7\.' "$here/versions.txt" | awk -v l="$line" 'NR == 1 {print; print l; next} {print}' >"$work/versions.txt"
    cp "$work/versions.txt" "$here/versions.txt"
}

write_versions() {
    {
        echo "Microsoft.Data.SqlClient 2.1.4 on Microsoft.NETCore.App $(runtime_version) (sqlclient-*.log)"
        echo "Microsoft.Data.SqlClient 7.1.2 on Microsoft.NETCore.App $(runtime_version) (sqlclient7-*.log)"
        echo "python3 $("$python" -c 'import platform; print(platform.python_version())'), pyodbc $("$python" -c 'import pyodbc; print(pyodbc.version)')"
        for p in python3-pyodbc tdsodbc unixodbc libjtds-java iproute2; do dpkg-query -W -f '${Package} ${Version}\n' "$p"; done
        java -version 2>&1 | head -1
    } >"$here/versions.txt"
}

# The drivers never print the connection string; stop if one ever starts to.
check_no_secrets() {
    if grep -nE 'NotTheRealOne1|PWD=|Password=' "$here"/*.log "$here/ss-burst.txt"; then
        echo "a recorded file holds a password or connection string" >&2
        exit 1
    fi
}

only="${1:-}"
if [[ "$only" == sqlclient7 ]]; then
    build_sqlclient_probes
    record_drivers
    restamp
    write_sqlclient7_version
    check_no_secrets
    exit 0
fi
install_packages
build_sqlclient_probes
build_recorders
record_drivers
record_burst
restamp
write_versions
check_no_secrets
