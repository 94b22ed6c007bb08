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

source "$here/format-files.sh"
{
  echo "Ingest per format, ${mb} MB, \`ingest --format NAME\`, median of ${runs} interleaved runs: ${rev} (before) against this checkout (after)."
  echo
  echo "| format | before s | after s | after / before |"
  echo "|---|---:|---:|---:|"
  for name in "${specific_formats[@]}"; do
    src="$repo/${files[$name]}"
    big="$out/$name.$(basename "$src")"
    repeat_to "$src" "$big" "$mb"
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
