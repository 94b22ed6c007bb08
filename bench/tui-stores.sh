# Sourced by the TUI benches (tui-first-frame.sh, tui-keys.sh): the store a name stands for, made when
# missing. "sample" is the sample incident; a number N is N events made by `LogCorrelator.Bench
# scale-store` through the store's own writer, kept in bench/out/ with the files its events point at
# (bench/out/tui-scale/): a store copied without them reads every row as "<source unreadable>".
# Needs $here, $repo, $out and $dll set by the caller.
tui_store() {
    local name="$1"
    if [[ "$name" == sample ]]; then
        local store="$out/tui-sample.lcdb"
        [[ -f "$store" ]] || dotnet "$dll" ingest "$repo/sample-logs/incident-restart" --store "$store" >/dev/null
        echo "$store"
        return
    fi
    local store="$out/tui-$name.lcdb"
    if [[ ! -f "$store" ]]; then
        echo "making a store of $name events..." >&2
        # The bench project's build may print warnings first: the store's path is the last line.
        local made
        made=$(dotnet run -c Release --project "$here/LogCorrelator.Bench" -- scale-store "$name" "$out/tui-scale" | tail -1)
        mv "$made" "$store"
    fi
    echo "$store"
}
