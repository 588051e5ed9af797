#!/usr/bin/env bash
# Regenerates the plan fixtures from a running sandbox (tusk sandbox start).
# Not run by the tests: the fixtures are committed, so the golden tests do
# not depend on timing. Each query runs EXPLAIN once in a given format while
# auto_explain (at NOTICE level) prints the JSON of the very same execution,
# so the two renderings carry identical actual times and buffers.
#
#   queries/NAME.sql   SET lines, then one line "EXPLAIN (… FORMAT @FORMAT@) …;"
#                      a first line "-- auto_explain: log_verbose=on …" mirrors
#                      the EXPLAIN options for auto_explain
#   NAME.FMT           EXPLAIN output (text lines, YAML or XML)
#   NAME.FMT.json      auto_explain's JSON of the same execution
#   NAME.json          EXPLAIN (FORMAT JSON) itself, as psql prints it
#   styles/NAME.STYLE.txt  the text plan as psql prints it in each style
#
# Usage: generate.sh [queries/NAME.sql…]   (default: all)
set -euo pipefail
cd "$(dirname "$0")"
: "${PGDATABASE:=tusk_demo}"
export PGDATABASE
mkdir -p styles

explain() { # query-file format out-plan out-json
    local q=$1 fmt=$2 out=$3 json=$4 opts sql
    opts=$(sed -n '1s/^-- auto_explain: *//p' "$q")
    sql=$(grep -v '^--' "$q" | sed "s/@FORMAT@/$fmt/")
    {
        echo "LOAD 'auto_explain';"
        echo "SET auto_explain.log_min_duration = 0;"
        echo "SET auto_explain.log_analyze = on;"
        echo "SET auto_explain.log_format = json;"
        echo "SET auto_explain.log_level = notice;"
        for o in $opts; do echo "SET auto_explain.${o%%=*} = ${o#*=};"; done
        echo "$sql"
    } | psql -X -q -At -v ON_ERROR_STOP=1 >"$out" 2>"$json.log"
    # The notice is "NOTICE:  duration: … ms  plan:" followed by the JSON.
    sed -n '/plan:$/,$p' "$json.log" | tail -n +2 >"$json"
    rm -f "$json.log"
}

queries=("$@")
[ ${#queries[@]} -gt 0 ] || queries=(queries/*.sql)
for q in "${queries[@]}"; do
    name=$(basename "$q" .sql)
    explain "$q" TEXT "$name.txt" "$name.txt.json"
    explain "$q" YAML "$name.yaml" "$name.yaml.json"
    explain "$q" XML "$name.xml" "$name.xml.json"
    # EXPLAIN's own JSON in psql's default aligned style (header, "+" marks).
    explain "$q" JSON "$name.json.raw" "$name.json.raw.json"
    sql=$(grep -v '^--' "$q" | sed "s/@FORMAT@/JSON/")
    psql -X -q -v ON_ERROR_STOP=1 -c "$sql" >"$name.json" 2>/dev/null || psql -X -q -v ON_ERROR_STOP=1 <<<"$sql" >"$name.json"
    rm -f "$name.json.raw" "$name.json.raw.json"
done

# The same text lines in every psql style.
for q in "${queries[@]}"; do
    name=$(basename "$q" .sql)
    t=$name.txt
    for style in "aligned border 0" "aligned border 1" "aligned border 2" \
        "aligned border 2 unicode" "aligned border 1 unicode" "aligned border 2 old-ascii" \
        "unaligned" "wrapped border 2 unicode" "wrapped border 1" "expanded border 1"; do
        set -- $style
        file="styles/$name.$(echo "$style" | tr ' ' '-').txt"
        {
            echo "CREATE TEMP TABLE plan_lines (n serial, \"QUERY PLAN\" text);"
            echo "\\copy plan_lines (\"QUERY PLAN\") FROM '$PWD/$t' WITH (FORMAT text)"
            case $1 in
            unaligned) echo "\\pset format unaligned" ;;
            wrapped) echo "\\pset format wrapped"; echo "\\pset columns 90" ;;
            expanded) echo "\\x on" ;;
            esac
            [ "${2:-}" = border ] && echo "\\pset border $3"
            [ -n "${4:-}" ] && echo "\\pset linestyle $4"
            echo "SELECT \"QUERY PLAN\" FROM plan_lines ORDER BY n;"
        } | psql -X -q >"$file"
    done
done
