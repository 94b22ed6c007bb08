#!/usr/bin/env bash
# Times `errors 10054 near restart within 5m` through the query engine against the same join as
# one SQLite statement, on generated stores of 1M, 3M and 10M events (or the sizes given), warm,
# in one run; writes the table to bench/results/query-scale.md. See bench/README.md.
#   bench/query-scale.sh              # 1M 3M 10M
#   bench/query-scale.sh 200K 1M      # quicker
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1M 3M 10M)
dotnet build "$here/LogCorrelator.Bench/LogCorrelator.Bench.csproj" -c Release --nologo -v q "-clp:NoSummary;ErrorsOnly" >&2
table="$(mktemp)"
dotnet "$here/LogCorrelator.Bench/bin/Release/net10.0/LogCorrelator.Bench.dll" query-scale "${sizes[@]}" --out "$table" >&2
{
    echo "# Query scale: engine against one SQLite statement"
    echo
    echo "\`bench/query-scale.sh ${sizes[*]}\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(dotnet --version) SDK."
    echo "Query: \`errors 10054 near restart within 5m\`. Each time is the median of 5 warm runs after one"
    echo "warm-up run, on the same store in the same process. *engine, answer*: \`QueryEngine.Run\`, every"
    echo "match resolved (fields, message read from its file, the nearest restart attached); *engine, \`| count\`*:"
    echo "the same plan with \`| count\` (scans and join, nothing resolved); *SQLite join*: the pairs of"
    echo "\`SELECT ... FROM events a JOIN events b ON b.kind = 2 AND b.kind <> 0 AND b.t BETWEEN a.t - 300000 AND a.t + 300000"
    echo "WHERE a.kind = 1 AND a.code = 10054 ORDER BY a.t\`, read to the end; *SQLite count*: \`count(DISTINCT a.rowid)\`"
    echo "of the same join. The run checks that all four agree on the matches."
    echo
    cat "$table"
} > "$here/results/query-scale.md"
rm -f "$table"
cat "$here/results/query-scale.md"
