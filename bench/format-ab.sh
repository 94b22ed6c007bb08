#!/usr/bin/env bash
# Ingest time per format, this checkout against an earlier commit, in one run: each format's sample
# repeated to SIZE MB, `logcorr ingest --format NAME` into a fresh store, runs interleaved (A B A B ...),
# medians and the ratio. The baseline is built from `git worktree` at REV (default: the first parent
# of the general reader's commits, af0163b).
#
#   bench/format-ab.sh [REV] [MB] [RUNS]      # results: bench/out/format-ab.md
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
rev="${1:-af0163b}"
mb="${2:-100}"
runs="${3:-5}"
out="$here/out/ab"
rm -rf "$out"
mkdir -p "$out"
git -C "$repo" worktree add -f "$out/base-src" "$rev" -q
trap 'git -C "$repo" worktree remove --force "$out/base-src" >/dev/null 2>&1 || true' EXIT
dotnet build "$out/base-src/src/LogCorrelator.Cli/LogCorrelator.Cli.csproj" -c Release -o "$out/base" -v q -nologo >/dev/null
dotnet build "$repo/src/LogCorrelator.Cli/LogCorrelator.Cli.csproj" -c Release -o "$out/new" -v q -nologo >/dev/null

declare -A files=(
  [errorlog]="sample-logs/incident-restart/SQLPROD01/ERRORLOG.1"
  [applog]="sample-logs/incident-restart/APPSRV01/Logs/orders-api-20240305.log"
  [odbc]="sample-logs/formats-drivers/BILLSRV01/logs/invoice-export-20240305.log"
  [python]="sample-logs/formats-drivers/ETLSRV01/log/orders-etl.log"
  [java]="sample-logs/formats-drivers/WEBSRV02/logs/orders-service.log"
  [clef]="sample-logs/formats-clef/WEBAPP02/Logs/orders-web-20240305.clef"
  [netstat]="sample-logs/incident-port-exhaustion/APPSRV05/netstat/netstat-n.txt"
  [packets]="tests/LogCorrelator.Tests/Fixtures/network/tshark-ad.txt"
  [netsh]="tests/LogCorrelator.Tests/Fixtures/network/netsh-global.txt"
)
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
{
  echo "Ingest per format, ${mb} MB, \`ingest --format NAME\`, median of ${runs} interleaved runs: ${rev} (before) against this checkout (after)."
  echo
  echo "| format | before s | after s | after / before |"
  echo "|---|---:|---:|---:|"
  for name in errorlog applog odbc python java clef netstat packets netsh; do
    src="$repo/${files[$name]}"
    big="$out/$name.$(basename "$src")"
    python3 - "$src" "$big" "$mb" <<'PY'
import sys
src, dst, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, 'rb').read()
bom = b''
for b in (b'\xff\xfe', b'\xef\xbb\xbf'):
    if data.startswith(b):
        bom, data = b, data[len(b):]
with open(dst, 'wb') as f:
    f.write(bom)
    n = 0
    while n < mb * 1024 * 1024:
        f.write(data)
        n += len(data)
PY
    : > "$out/a.times"; : > "$out/b.times"
    for i in $(seq "$runs"); do
      for side in base new; do
        rm -f "$out/s.lcdb"*
        s=$(date +%s.%N)
        dotnet "$out/$side/logcorr.dll" ingest "$big" --format "$name" --store "$out/s.lcdb" >/dev/null 2>&1
        e=$(date +%s.%N)
        echo "$e - $s" | bc >> "$out/$([ $side = base ] && echo a || echo b).times"
      done
    done
    a=$(median < "$out/a.times"); b=$(median < "$out/b.times")
    printf '| %s | %.2f | %.2f | %.2f |\n' "$name" "$a" "$b" "$(echo "$b / $a" | bc -l)"
    rm -f "$big"
  done
} | tee "$here/out/format-ab.md"
