#!/usr/bin/env bash
# logcorr against the tools an engineer reaches for first, on one generated incident folder, in
# one interleaved run: wc -l, grep -c, lnav (load + count), logcorr ingest, then the question
# "which 10054 errors came within 5 minutes after a restart?" asked three ways: logcorr's query,
# lnav's SQL over the log files, and the sqlite3 shell over the same events in a plain indexed table.
#
#   bench/compare.sh [SIZE]          # SIZE: 100MB (default), 1GB, ...; results in bench/results/compare.md
#   RUNS=3 bench/compare.sh 1GB      # interleaved rounds (default 5); the table shows medians
#   ENCODING=utf16 bench/compare.sh  # ERRORLOG as SQL Server writes it (lnav 0.11 and grep cannot read it); results in compare-utf16.md
#   LOGCORR=/path/to/logcorr bench/compare.sh   # measure another build
#
# Public tools only: wc, grep, iconv, sqlite3, lnav (Debian), GNU time (Debian 'time') for wall,
# CPU and peak RSS of every run, and hyperfine (Debian), when present, for a second look at the
# three ways of asking the question. Missing ones are installed with apt, never when CI=true.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
size="${1:-100MB}"
runs="${RUNS:-5}"
encoding="${ENCODING:-utf8}"
out="$here/out/compare-$size-$encoding"
results="$here/results"
corpus="$out/corpus"
store="$out/compare.lcdb"
baseline="$out/baseline.sqlite"
window_ms=300000

need() { # command package: installs package with apt when command is missing (never in CI)
    command -v "$1" >/dev/null 2>&1 && return 0
    if [[ "${CI:-}" != "true" ]] && command -v apt-get >/dev/null 2>&1; then
        echo "installing $2 (apt)..." >&2
        apt-get install -y -qq "$2" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; } || true
    fi
    command -v "$1" >/dev/null 2>&1
}
[[ -x /usr/bin/time ]] || need /usr/bin/time time || { echo "needs GNU time (Debian package 'time')" >&2; exit 1; }
need sqlite3 sqlite3 || { echo "needs sqlite3 (Debian package 'sqlite3')" >&2; exit 1; }
has_lnav=true; need lnav lnav || has_lnav=false
has_hyperfine=true; need hyperfine hyperfine || has_hyperfine=false

mkdir -p "$out" "$results"

# The CLI as a user would install it: published ReadyToRun (start-up without JIT); a plain build if that fails.
if [[ -z "${LOGCORR:-}" ]]; then
    echo "building logcorr (Release, ReadyToRun)..." >&2
    if dotnet publish "$repo/src/LogCorrelator.Cli/LogCorrelator.Cli.csproj" -c Release -r linux-x64 --self-contained false \
        -o "$out/logcorr" -v q -nologo >&2; then
        LOGCORR="$out/logcorr/logcorr"
    else
        dotnet build "$repo/src/LogCorrelator.Cli/LogCorrelator.Cli.csproj" -c Release -o "$out/logcorr" -v q -nologo >&2
        LOGCORR="dotnet $out/logcorr/logcorr.dll"
    fi
fi
gen_dll="$here/LogCorrelator.Gen/bin/Release/net10.0/LogCorrelator.Gen.dll"
dotnet build "$here/LogCorrelator.Gen/LogCorrelator.Gen.csproj" -c Release -v q -nologo >&2

echo "generating $size ($encoding ERRORLOG) into $corpus..." >&2
rm -rf "$corpus" "$baseline"
dotnet "$gen_dll" --out "$corpus" --size "$size" --seed 42 --encoding "$encoding" > "$out/corpus-report.txt"
errorlog="$corpus/SQLPROD01/ERRORLOG"
applog="$corpus/APPSRV01/Logs/app.log"
bytes=$(( $(stat -c %s "$errorlog") + $(stat -c %s "$applog") ))
lines=$(cat "$errorlog" "$applog" | wc -l)
kills=$(awk '$1 == "kills" { print $2 }' "$out/corpus-report.txt")

# lnav reads neither ERRORLOG nor Serilog's text layout by itself: two small format definitions,
# installed into a private HOME so the user's own lnav setup is neither used nor touched.
lnav_home="$out/lnav-home"
if $has_lnav; then
    rm -rf "$lnav_home"
    mkdir -p "$lnav_home"
    HOME="$lnav_home" lnav -i "$here/lnav/formats.json" >/dev/null 2>&1 || has_lnav=false
fi

# The question, three ways. The sets mean what logcorr means: a restart is a startup block's banner;
# a 10054 error is an app-log error entry (stack trace included) naming 10054. lnav keeps each
# file's wall clock, so its SQL puts both on UTC by hand: ERRORLOG says "UTC adjustment: -5:00",
# the app log writes +01:00.
question="errors 10054 after restart within 5m"
read -r -d '' lnav_sql <<SQL || true
;WITH r AS MATERIALIZED (
    SELECT (julianday(log_time) - 2440587.5) * 86400000.0 + 5 * 3600000 AS t
    FROM sqlserver_errorlog WHERE log_body LIKE 'Microsoft SQL Server 20%'),
e AS MATERIALIZED (
    SELECT (julianday(log_time) - 2440587.5) * 86400000.0 - 3600000 AS t
    FROM serilog_text WHERE log_level = 'error' AND log_body LIKE '%10054%')
SELECT count(*) FROM e WHERE EXISTS (SELECT 1 FROM r WHERE r.t BETWEEN e.t - $window_ms - 1 AND e.t + 1)
SQL
# The plain-SQLite baseline: the same errors and restarts (exported by logcorr once, untimed) in one
# sqlite3 table indexed on (kind, t), the join a DBA would write.
sqlite_sql="SELECT count(*) FROM events e WHERE e.kind = 'error' AND e.code = 10054 AND EXISTS (SELECT 1 FROM events r WHERE r.kind = 'restart' AND r.t BETWEEN e.t - $window_ms AND e.t);"

names=(wc grep iconv_grep lnav_count version ingest reopen query lnav_query sqlite_query)
declare -A cmd=(
    [wc]="wc -l '$errorlog' '$applog'"
    [grep]="grep -c 'was killed' '$errorlog' '$applog'"
    [version]="$LOGCORR --version"
    [ingest]="$LOGCORR ingest '$corpus' --store '$store'"
    [reopen]="$LOGCORR ingest '$corpus' --store '$store'"
    [query]="$LOGCORR query \"$question\" --store '$store' | tail -1"
    [sqlite_query]="sqlite3 '$baseline' \"$sqlite_sql\""
)
declare -A label=(
    [wc]="wc -l"
    [grep]="grep -c 'was killed'"
    [iconv_grep]="iconv -f UTF-16LE ERRORLOG \\| grep -c"
    [lnav_count]="lnav: load + count(*)"
    [version]="logcorr --version (start-up)"
    [ingest]="logcorr ingest (fresh store)"
    [reopen]="logcorr ingest again (unchanged files)"
    [query]="logcorr query \"$question\""
    [lnav_query]="lnav: the question in SQL"
    [sqlite_query]="sqlite3 over the same events (plain indexed table)"
)
if [[ $encoding == utf16 ]]; then
    cmd[iconv_grep]="iconv -f UTF-16LE -t UTF-8 '$errorlog' | grep -c 'was killed'"
else
    unset 'names[2]'
fi
if $has_lnav; then
    cmd[lnav_count]="HOME='$lnav_home' TZ=UTC lnav -n -c ';SELECT count(*) FROM all_logs' '$errorlog' '$applog'"
    printf '%s\n' "$lnav_sql" > "$out/lnav-question.sql"
    cmd[lnav_query]="HOME='$lnav_home' TZ=UTC lnav -n -c \"\$(cat '$out/lnav-question.sql')\" '$errorlog' '$applog'"
fi
declare -A times cpus rss failed answer

measure() { # name: runs the command once; appends wall seconds, CPU seconds and peak RSS (KB)
    local name=$1 sample="$out/.time-$1" log="$out/.out-$1"
    if [[ -z ${cmd[$name]:-} ]]; then failed[$name]="lnav not available"; return; fi
    [[ $name == ingest ]] && rm -f "$store" "$store.lock"
    local start=$EPOCHREALTIME
    if /usr/bin/time -f '%U %S %M' -o "$sample" bash -c "${cmd[$name]}" > "$log" 2>&1; then
        local end=$EPOCHREALTIME
        times[$name]+="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }') "
        read -r user sys kb < <(tail -1 "$sample")
        cpus[$name]+="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') "
        rss[$name]+="$kb "
        answer[$name]="$(summary "$name" "$log")"
    elif [[ $name == grep* || $name == iconv_grep ]] && grep -q '^ *[0-9]' "$log"; then
        # grep exits 1 when a file has no match (the raw UTF-16 ERRORLOG): a result, not a failure.
        local end=$EPOCHREALTIME
        times[$name]+="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }') "
        read -r user sys kb < <(grep -E '^[0-9.]+ [0-9.]+ [0-9]+$' "$sample" | tail -1)
        cpus[$name]+="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') "
        rss[$name]+="$kb "
        answer[$name]="$(summary "$name" "$log")"
    else
        failed[$name]="$(head -c 300 "$log" | sed "s|$corpus/||g" | tr '\n' ' ')"
    fi
    if [[ $name == ingest && ! -s $store ]]; then failed[$name]="no store written"; fi
    if [[ $name == ingest && ! -s $baseline && -s $store ]]; then make_baseline; fi
}

make_baseline() { # the errors and restarts as a plain sqlite3 table, times in Unix ms
    rm -f "$baseline"
    $LOGCORR query "(errors or restart) | fields time, kind, code" --format csv --store "$store" > "$out/baseline.csv"
    sqlite3 "$baseline" ".import --csv '$out/baseline.csv' raw" \
        "CREATE TABLE events AS SELECT CAST(round((julianday(time) - 2440587.5) * 86400000) AS INTEGER) AS t, kind, CAST(NULLIF(code, '') AS INTEGER) AS code FROM raw;" \
        "DROP TABLE raw; CREATE INDEX events_kind_t ON events (kind, t);"
}

summary() { # name log: what the command answered, in one short line
    case $1 in
        wc|grep|iconv_grep) grep -v '^$' "$2" | sed "s|$corpus/||g" | tr -s ' ' | paste -sd ' ' | sed 's/^ //' ;;
        ingest|reopen) grep '^Ingested' "$2" | sed 's/ Store: .*//' ;;
        *) tail -1 "$2" | tr -s ' ' | sed 's/^ //; s/ $//' ;;
    esac
}

median() { tr ' ' '\n' | awk 'NF' | sort -g | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)] }'; }

for ((i = 1; i <= runs; i++)); do
    echo "round $i/$runs" >&2
    for name in "${names[@]}"; do
        [[ -n ${failed[$name]:-} ]] && continue
        if [[ $name == reopen || $name == query || $name == sqlite_query ]] && [[ -n ${failed[ingest]:-} ]]; then
            failed[$name]="skipped: ingest failed"; continue
        fi
        measure "$name"
    done
done

# A second look at the three answers with hyperfine (warm-up, more runs), not interleaved.
hyper=""
if $has_hyperfine && [[ -z ${failed[ingest]:-} ]]; then
    hyper_cmds=("${cmd[query]}" "${cmd[sqlite_query]}")
    $has_lnav && hyper_cmds+=("${cmd[lnav_query]}")
    hyperfine --style none --warmup 1 --runs "$runs" --export-markdown "$out/hyperfine.md" "${hyper_cmds[@]}" >/dev/null 2>&1 \
        && hyper="$(sed "s|$out/||g; s|$corpus/||g; s|'$store'|STORE|g; s|$LOGCORR|logcorr|g" "$out/hyperfine.md")"
fi

ref=$(echo "${times[grep]:-}" | median)
lnav_ref=$(echo "${times[lnav_count]:-}" | median)
events=$($LOGCORR sources --store "$store" 2>/dev/null | tail -1 | awk '{ print $3 }' | tr -d ',' || echo 0)
store_bytes=$(stat -c %s "$store" 2>/dev/null || echo 0)
{
    echo "# logcorr against grep, wc, lnav and sqlite3"
    echo
    echo "Corpus: \`bench/compare.sh $size\` (generator seed 42, ERRORLOG $encoding): $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB, $lines lines,"
    echo "$events events in a $(awk -v b="$store_bytes" -v e="$events" 'BEGIN { printf "%.1f MB store (%.1f bytes an event)", b / 1e6, e ? b / e : 0 }')."
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), load average at the end $(cut -d' ' -f1-3 /proc/loadavg);"
    echo "page cache warm; median of $runs interleaved rounds (wall time from bash's clock, CPU and peak RSS from GNU time)."
    echo
    echo "| command | median s | CPU s | peak RSS MB | × grep -c | × lnav load | answer |"
    echo "|---|---:|---:|---:|---:|---:|---|"
    for name in "${names[@]}"; do
        if [[ -n ${failed[$name]:-} ]]; then
            echo "| ${label[$name]} | n/a | | | | | ${failed[$name]} |"
            continue
        fi
        s=$(echo "${times[$name]}" | median)
        c=$(echo "${cpus[$name]}" | median)
        kb=$(echo "${rss[$name]}" | median)
        awk -v n="${label[$name]}" -v s="$s" -v c="$c" -v kb="$kb" -v g="$ref" -v l="$lnav_ref" -v a="${answer[$name]}" 'BEGIN {
            gr = (g > 0) ? sprintf("%.2f", s / g) : ""
            lr = (l > 0) ? sprintf("%.2f", s / l) : ""
            printf "| %s | %.3f | %.2f | %.0f | %s | %s | %s |\n", n, s, c, kb / 1024, gr, lr, a
        }'
    done
    echo
    echo "Answers: grep counts the kill lines per file (the generator wrote $kills; in a UTF-16 file grep sees no text);"
    echo "the three ways of asking the question should agree (logcorr prints 'N matches')."
    if [[ -n $hyper ]]; then
        echo
        echo "hyperfine over the three ways of asking (not interleaved; 1 warm-up, $runs runs):"
        echo
        echo "$hyper"
    fi
    echo
    echo "The question in lnav's SQL (\`lnav -n -c\`, formats from bench/lnav/formats.json):"
    echo
    echo '```sql'
    echo "$lnav_sql"
    echo '```'
    echo
    echo "and in the sqlite3 shell over the same errors and restarts, exported once by \`logcorr query ... --format csv\` into one indexed table:"
    echo
    echo '```sql'
    echo "$sqlite_sql"
    echo '```'
} > "$out/compare.md"
# The UTF-16 run is kept beside the UTF-8 one (bench/results/README.md reads both).
if [[ $encoding == utf16 ]]; then cp "$out/compare.md" "$results/compare-utf16.md"; else cp "$out/compare.md" "$results/compare.md"; fi
cat "$out/compare.md"
rm -f "$out"/.time-* "$out"/.out-*
