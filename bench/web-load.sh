#!/usr/bin/env bash
# Web application under load (issue 9; a benchmark, never a test). See docs/benchmarks.md, "Web under load".
#
#   bench/web-load.sh DATA_DIR [USERS=50] [SECONDS=60] [PROVINCE=01] [WARMUP=15]
#   environment: THINK_MS=0 (think time before each request, uniform in [0.5, 1.5] x THINK_MS; 0 = back to back),
#                LOADGEN=wrk (wrk, Debian package "wrk") or java (vn.giamngheo.bench.WebLoad, the first runs' generator)
#
# DATA_DIR is a SCRATCH data folder holding households loaded by
#   java -jar target/giamngheo.jar bench-import --dir DIR --giamngheo.data-dir=DATA_DIR
# (bench-import leaves its last import in place). The script
#   1. starts the application jar on it (web port $APP_PORT, default 18080; embedded PostgreSQL on $PG_PORT,
#      default 15432; no demonstration data; heap $APP_HEAP, default 2g),
#   2. runs bench/web-setup.sql through psql (benchmark accounts, a decided 2026 list in every commune; idempotent),
#   3. runs the load generator (wrk with bench/wrk-pages.lua, or the Java one) on loopback once per page kind, each
#      time USERS virtual users (USERS connections, each request on one of USERS logged-in sessions) for WARMUP
#      seconds of warm-up then SECONDS measured seconds:
#        household page   /households/{id}          200 households of PROVINCE drawn at random
#        report page      /reports?unit=P&year=2026  the provincial results report (HTML)
#        report API       /api/v1/reports/results?unit=P&year=2026 (JSON)
#   4. stops the application.
# Needs target/giamngheo.jar (./mvnw -q -o -DskipTests package), the test classes and target/cp.txt
# (./mvnw -q -o test-compile && ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test).
# uptime (load average) is printed before and after each run: the benchmark machine is shared.
set -euo pipefail

DATA=${1:?usage: bench/web-load.sh DATA_DIR [USERS] [SECONDS] [PROVINCE] [WARMUP]}
USERS=${2:-50}
DURATION=${3:-60}
PROVINCE=${4:-01}
WARMUP=${5:-15}
APP_PORT=${APP_PORT:-18080}
PG_PORT=${PG_PORT:-15432}
APP_HEAP=${APP_HEAP:-2g}
JAR=${JAR:-target/giamngheo.jar}
BASE=http://127.0.0.1:$APP_PORT
PASSWORD=loadtest-2026
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
cd "$ROOT"

psql_() { psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

echo "== $(date -Is) $(uname -n), $(nproc) vCPU; jar $JAR; data $DATA"
java -Xmx"$APP_HEAP" -jar "$JAR" --server.port="$APP_PORT" --giamngheo.data-dir="$DATA" \
    --giamngheo.demo.enabled=false --giamngheo.embedded.port="$PG_PORT" > "$DATA/web-load-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
    if curl -fs -o /dev/null "$BASE/login"; then break; fi
    if ! kill -0 $APP 2>/dev/null; then echo "the application stopped, see $DATA/web-load-app.log"; exit 1; fi
    sleep 1
done
curl -fs -o /dev/null "$BASE/login" || { echo "the application did not answer on $BASE"; exit 1; }
echo "application up (pid $APP)"

psql_ -v province="$PROVINCE" -f "$HERE/web-setup.sql"
PROVINCE_ID=$(psql_ -At -c "SELECT id FROM admin_unit WHERE level = 'province' AND code = '$PROVINCE' AND valid_to IS NULL")
HOUSEHOLDS=$(psql_ -At -c "SELECT string_agg('/households/' || id, '|') FROM (SELECT id FROM household
    WHERE province_code = '$PROVINCE' AND life_status = 'active' ORDER BY hashint8(id) LIMIT 200) s")
CP="target/test-classes:target/classes:$(cat target/cp.txt)"
THINK_MS=${THINK_MS:-0}
LOADGEN=${LOADGEN:-wrk}
WORK=$(mktemp -d)
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT

# USERS sessions of bench-tinh, logged in through the form like a browser (for wrk; the Java generator logs in itself)
sessions() {
    : > "$WORK/cookies"
    for n in $(seq 1 "$USERS"); do
        local jar="$WORK/jar$n" token
        rm -f "$jar"
        token=$(curl -fs -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
        curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=$PASSWORD" \
            --data-urlencode "_csrf=$token" "$BASE/login"
        echo "JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$jar")" >> "$WORK/cookies"
    done
}

run() {
    local label=$1 user=$2
    shift 2
    echo "-- $label: $USERS users as $user, think time ${THINK_MS} ms, $LOADGEN, warm-up ${WARMUP}s, measured ${DURATION}s; before: $(uptime)"
    if [ "$LOADGEN" = java ]; then
        [ "$THINK_MS" = 0 ] || { echo "the Java generator has no think time"; exit 1; }
        java -Xmx1g -cp "$CP" vn.giamngheo.bench.WebLoad "$BASE" "$user" "$PASSWORD" "$USERS" "$DURATION" "$WARMUP" "$@"
    else
        [ -s "$WORK/cookies" ] || sessions "$user"
        echo "$1" | tr '|' '\n' > "$WORK/paths"
        export WRK_PATHS="$WORK/paths" WRK_COOKIES="$WORK/cookies" WRK_THINK_MS="$THINK_MS"
        wrk -t2 -c"$USERS" -d"${WARMUP}s" --timeout 30s -s "$HERE/wrk-pages.lua" "$BASE" > /dev/null
        wrk -t2 -c"$USERS" -d"${DURATION}s" --timeout 30s -s "$HERE/wrk-pages.lua" "$BASE" | grep '^RESULT'
    fi
    echo "   after: $(uptime)"
}

run "household page (province officer of $PROVINCE)" bench-tinh "$HOUSEHOLDS"
run "provincial results report, page (province officer of $PROVINCE)" bench-tinh "/reports?unit=$PROVINCE_ID&year=2026"
run "provincial results report, API (province officer of $PROVINCE)" bench-tinh "/api/v1/reports/results?unit=$PROVINCE_ID&year=2026"
