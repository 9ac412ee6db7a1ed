#!/usr/bin/env bash
# The first opening of every page of the menu right after a start (issue 26; a benchmark, never a test).
# See docs/benchmarks.md, "h21".
#
#   bench/first-openings.sh BASE_URL [USERS="xa chutich tinh bo"] [PASSWORD=giamngheo2026]
#
# Point it at an application that has just answered its login page (e.g. the demonstration at real size:
#   java -Xmx3g -jar target/giamngheo.jar --server.port=8103 --giamngheo.data-dir=SCRATCH
#        --giamngheo.demo.households=16000
# ). For each user in turn it logs in through the form like a browser, reads the links of the main menu of the home
# page (nav.mainnav, so the pages that user can open from the menu) and opens each of them ONCE, printing the HTTP
# status, the time to the last byte and the size. Pages that an earlier user already opened are opened again (the
# first opening of that user; the order of USERS is the order of the walk). uptime is printed before and after.
set -euo pipefail

BASE=${1:?usage: bench/first-openings.sh BASE_URL [USERS] [PASSWORD]}
USERS=${2:-xa chutich tinh bo}
PASSWORD=${3:-giamngheo2026}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "== $(date -Is) $(uname -n), $(nproc) vCPU; $BASE; $(uptime)"
for user in $USERS; do
    jar="$WORK/$user.cookies"
    token=$(curl -fs -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
        | sed 's/.*value="//;s/"$//')
    curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$user" --data-urlencode "password=$PASSWORD" \
        --data-urlencode "_csrf=$token" "$BASE/login"
    # the home page itself first (timed), then every link of its main menu in the menu's order
    start=$(date +%s.%N)
    curl -fs -c "$jar" -b "$jar" "$BASE/" > "$WORK/home.html"
    printf '%-10s %-40s %s %8.3f s %9d B\n' "$user" "/" 200 "$(echo "$(date +%s.%N) - $start" | bc)" \
        "$(wc -c < "$WORK/home.html")"
    sed -n '/<nav class="mainnav"/,/<\/nav>/p' "$WORK/home.html" | grep -o 'href="[^"]*"' | sed 's/href="//;s/"$//' \
        | sed 's/&amp;/\&/g' | grep '^/' | awk '!seen[$0]++' > "$WORK/links"
    while read -r path; do
        curl -s -o "$WORK/page" -b "$jar" -w "%{http_code} %{time_total} %{size_download}\n" "$BASE$path" \
            > "$WORK/result"
        read -r code seconds bytes < "$WORK/result"
        printf '%-10s %-40s %s %8.3f s %9d B%s\n' "$user" "$path" "$code" "$seconds" "$bytes" \
            "$(awk -v s="$seconds" 'BEGIN { if (s > 1) print "   OVER 1 s" }')"
    done < "$WORK/links"
    echo "-- after $user: $(uptime)"
done
