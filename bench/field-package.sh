#!/usr/bin/env bash
# The field app's download package of a whole commune (issue 25 point 2) against its floor, the commune's
# exchange-format CSV export (the same households and members, held in memory and zipped), on a running server.
#   bench/field-package.sh [base-url] [user] [password] [runs]
# Logs in with the form, reads the user's assignment, downloads the package of every village of the first round
# (all villages at once) `runs` times and the commune's CSV export as many times; prints time, size and households.
set -euo pipefail
BASE=${1:-http://localhost:8105}; USER=${2:-xa}; PASS=${3:-giamngheo2026}; RUNS=${4:-3}
JAR=$(mktemp); trap 'rm -f "$JAR" /tmp/field-package.json' EXIT
csrf() { curl -s -c "$JAR" -b "$JAR" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
curl -s -c "$JAR" -b "$JAR" -o /dev/null -d "username=$USER&password=$PASS&_csrf=$(csrf)" "$BASE/login"
ASSIGN=$(curl -s -b "$JAR" "$BASE/api/v1/field/assignments")
ROUND=$(echo "$ASSIGN" | python3 -c 'import json,sys; a=json.load(sys.stdin); print(a[0]["roundId"])')
COMMUNE=$(echo "$ASSIGN" | python3 -c 'import json,sys; a=json.load(sys.stdin); print(a[0]["communeId"])')
QUERY=$(echo "$ASSIGN" | python3 -c 'import json,sys; a=json.load(sys.stdin); print("&".join("village=%d" % v["id"] for v in a[0]["villages"]))')
VILLAGES=$(echo "$ASSIGN" | python3 -c 'import json,sys; a=json.load(sys.stdin); print(len(a[0]["villages"]), sum(v["households"] for v in a[0]["villages"]))')
echo "round $ROUND, commune $COMMUNE, villages and households: $VILLAGES; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$RUNS"); do
  curl -s -b "$JAR" -o /tmp/field-package.json -w "package  %{http_code} %{time_starttransfer}s to first byte, %{time_total}s total, %{size_download} bytes\n" \
    "$BASE/api/v1/field/rounds/$ROUND/package?$QUERY"
  curl -s -b "$JAR" -o /dev/null -w "floor    %{http_code} %{time_starttransfer}s to first byte, %{time_total}s total, %{size_download} bytes (CSV export, zipped)\n" \
    "$BASE/households/export?communeId=$COMMUNE&format=csv"
done
python3 -c 'import json; p=json.load(open("/tmp/field-package.json")); print("households in the package:", len(p["households"]), "members:", sum(len(h["data"]["members"]) for h in p["households"]), "meetings:", len(p["meetings"]))'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
