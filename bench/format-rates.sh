#!/usr/bin/env bash
# Ingest rate per format: each format's sample or fixture file repeated to SIZE (default 100 MB),
# ingested with --format into a fresh store; median of 3 runs, next to `wc -l` on the same file.
#
#   bench/format-rates.sh [MB]        # results: bench/out/format-rates.md
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
mb="${1:-100}"
out="$here/out/rates"
mkdir -p "$out"
dotnet build "$repo/src/LogCorrelator.Cli/LogCorrelator.Cli.csproj" -c Release -o "$out/bin" -v q -nologo >/dev/null
logcorr="dotnet $out/bin/logcorr.dll"

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
  [text]="tests/LogCorrelator.Tests/Fixtures/wild/jdbc-server/010-mssql-docker-2019-startup-mid-block.log"
)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

{
  echo "Ingest rate per format: the file repeated to ${mb} MB, \`logcorr ingest --format NAME\` into a fresh store, median of 3."
  echo
  echo "| format | source file | MB | events | wc -l s | ingest s | MB/s | × wc -l |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  for name in errorlog applog odbc python java clef netstat packets netsh text; do
    src="$repo/${files[$name]}"
    big="$out/$name/$(basename "$src")"
    mkdir -p "$out/$name"
    python3 - "$src" "$big" "$mb" <<'PY'
import sys
src, dst, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, 'rb').read()
bom = b'\xff\xfe' if data.startswith(b'\xff\xfe') else (b'\xef\xbb\xbf' if data.startswith(b'\xef\xbb\xbf') else b'')
body = data[len(bom):]
if not body.endswith(b'\n') and not body.endswith(b'\n\x00'):
    body += b'\r\x00\n\x00' if bom == b'\xff\xfe' else b'\n'
with open(dst, 'wb') as f:
    f.write(bom)
    n = 0
    while n < mb * 1_000_000:
        f.write(body)
        n += len(body)
PY
    bytes=$(stat -c %s "$big")
    wcs=(); ings=()
    for i in 1 2 3; do
      s=$(date +%s.%N); wc -l "$big" >/dev/null; e=$(date +%s.%N); wcs+=("$(echo "$e - $s" | bc)")
      rm -f "$out/$name/s.lcdb"*
      s=$(date +%s.%N); line=$($logcorr ingest "$big" --format "$name" --store "$out/$name/s.lcdb" 2>/dev/null | tail -1); e=$(date +%s.%N)
      ings+=("$(echo "$e - $s" | bc)")
    done
    wc_m=$(printf '%s\n' "${wcs[@]}" | median); in_m=$(printf '%s\n' "${ings[@]}" | median)
    events=$(echo "$line" | grep -oE '[0-9]+ events' | head -1 | cut -d' ' -f1)
    printf '| %s | %s | %.0f | %s | %.3f | %.2f | %.0f | %.0f |\n' "$name" "${files[$name]}" "$(echo "$bytes/1000000" | bc -l)" "$events" "$wc_m" "$in_m" "$(echo "$bytes/1000000/$in_m" | bc -l)" "$(echo "$in_m/$wc_m" | bc -l)"
    rm -rf "$out/$name"
  done
} | tee "$here/out/format-rates.md"
