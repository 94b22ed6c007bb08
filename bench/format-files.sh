# Sourced by format-rates.sh and format-ab.sh: one sample file per format, and how to grow it.
# shellcheck shell=bash

# Each format's sample or fixture, relative to the repository.
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

# The specific formats, in the order the tables list them (the general reader, text, comes after).
specific_formats=(errorlog applog odbc python java clef netstat packets netsh)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# repeat_to SRC DST MB: SRC's body repeated to MB megabytes behind its BOM, ending each copy in a line break.
repeat_to() {
  python3 - "$1" "$2" "$3" <<'PY'
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
}
