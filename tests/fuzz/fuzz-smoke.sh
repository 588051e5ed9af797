#!/usr/bin/env bash
# fuzz-smoke.sh BUILD_DIR [SECONDS=30]
#
# Runs every fuzz_* target built in BUILD_DIR/tests/fuzz for SECONDS each,
# on a fresh copy of its seed corpus (tests/fuzz/corpus/<target>; fuzz_lint
# and fuzz_plan take the seed folders their CMake comments name), with
# LSAN_OPTIONS=suppressions=tests/fuzz/lsan.supp, -rss_limit_mb=4096 and
# -timeout=10, UBSan halting on its first report. Prints one line per target:
#   target  runs  seconds  cov  corpus  result
# result: ok, crash, leak, timeout, oom, ubsan or exit=N. The log and any
# crash-/leak-/timeout- input stay in a folder named at the end. Exits 1 when
# a target did not come back ok, 2 on bad usage.
set -u

if [[ $# -lt 1 || $# -gt 2 || ! -d "$1" ]]; then
    echo "usage: $0 BUILD_DIR [SECONDS=30]" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
seconds=${2:-30}
if ! [[ $seconds =~ ^[0-9]+$ ]] || ((seconds < 1)); then
    echo "$0: SECONDS must be a whole number of seconds" >&2
    exit 2
fi
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
suppressions=$source_dir/tests/fuzz/lsan.supp

shopt -s nullglob
targets=()
for path in "$build"/tests/fuzz/fuzz_*; do
    [[ -f $path && -x $path ]] && targets+=("$path")
done
if ((${#targets[@]} == 0)); then
    echo "$0: no fuzz_* target in $build/tests/fuzz (configure with -DTUSK_FUZZ=ON and build)" >&2
    exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/fuzz-smoke.XXXXXX")

# Seed folders of a target (relative to the source tree).
seeds_of() {
    case $1 in
    fuzz_lint) echo tests/lint/cases/*/ ;;
    fuzz_plan) echo tests/data/plans/ tests/data/plans/styles/ tests/data/plans/pastes/ tests/data/plans/crashes/ ;;
    *) echo "tests/fuzz/corpus/$1/" ;;
    esac
}

# Extra options a target's comment asks for.
options_of() {
    case $1 in
    fuzz_plan) echo -max_len=65536 ;;
    esac
}

printf '%-18s %10s %8s %8s %8s  %s\n' target runs seconds cov corpus result
failed=0
for path in "${targets[@]}"; do
    target=$(basename "$path")
    dir=$work/$target
    mkdir -p "$dir/corpus" "$dir/artifacts"
    # A copy, so the run never writes into the source tree; files only
    # (libFuzzer does not descend), numbered so equal names do not clash.
    n=0
    (
        cd "$source_dir" || exit
        for seed in $(seeds_of "$target"); do
            [[ -d $seed ]] || continue
            n=$((n + 1))
            find "$seed" -maxdepth 1 -type f -print0 \
                | while IFS= read -r -d '' f; do cp -- "$f" "$dir/corpus/$n-$(basename "$f")"; done
        done
    )
    start=$(date +%s)
    # shellcheck disable=SC2046 # options_of is a word list
    (cd "$dir" && LSAN_OPTIONS=suppressions=$suppressions${LSAN_OPTIONS:+:$LSAN_OPTIONS} \
        UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS} \
        nice "$path" -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=10 \
        -artifact_prefix="$dir/artifacts/" -print_final_stats=1 $(options_of "$target") \
        corpus/ >"$dir/log" 2>&1)
    rc=$?
    elapsed=$(($(date +%s) - start))
    log=$dir/log
    # "#12345	DONE   cov: 3340 ft: 15633 corp: 612/197Kb …", else the last status line.
    status=$(grep -E '^#[0-9]+[[:space:]]+(DONE|NEW|REDUCE|pulse|INITED)' "$log" | tail -n 1)
    runs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$status")
    cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$status")
    corpus=$(sed -nE 's/.* corp: ([0-9]+)\/.*/\1/p' <<<"$status")
    if ((rc == 0)) && ! grep -q 'runtime error:' "$log"; then
        result=ok
    elif grep -q 'ERROR: libFuzzer: timeout' "$log"; then
        result=timeout
    elif grep -qE 'ERROR: libFuzzer: out-of-memory|ERROR: libFuzzer: malloc' "$log"; then
        result=oom
    elif grep -q 'ERROR: LeakSanitizer' "$log"; then
        result=leak
    elif grep -q 'runtime error:' "$log"; then
        result=ubsan
    elif grep -qE 'ERROR: (AddressSanitizer|libFuzzer: deadly signal)|SUMMARY: ' "$log"; then
        result=crash
    else
        result=exit=$rc
    fi
    [[ $result == ok ]] || failed=1
    printf '%-18s %10s %8s %8s %8s  %s\n' "$target" "${runs:--}" "$elapsed" "${cov:--}" \
        "${corpus:--}" "$result"
done
echo "logs and artifacts: $work"
exit $failed
