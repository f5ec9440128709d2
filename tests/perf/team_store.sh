#!/bin/bash
# Prints how long the team store takes beside the SQLite file, on today's quiet standard set
# (tests/fixtures/standard.showdown.gz): pushing it to PostgreSQL (and pushing it again: found present), then
# list, show --json and claims --json from the file and from the team store. The PostgreSQL 15 cluster is a
# throwaway one in a temporary folder on a Unix socket (as the team-store tests start it), stopped at the end;
# or give an existing team store as the second argument (its password from ~/.pgpass or PGPASSWORD).
# usage: tests/perf/team_store.sh [build-dir] [postgresql://USER@HOST/DBNAME]
# Figures taken on a loaded machine are not trustworthy: take the final ones on a quiet one.
set -euo pipefail
build=${1:-build}
team=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
showdown="$build/bin/showdown"
[ -x "$showdown" ] || { echo "build first: cmake --build $build --target showdown" >&2; exit 1; }
work=$(mktemp -d)
pgbin=/usr/lib/postgresql/15/bin
as_server=()
cleanup() {
  if [ -f "$work/data/postmaster.pid" ]; then "${as_server[@]}" "$pgbin/pg_ctl" -D "$work/data" -m immediate -w stop >/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$team" ]; then
  [ -x "$pgbin/initdb" ] || { echo "PostgreSQL 15 is not installed (packaging/bootstrap.sh installs postgresql-15)" >&2; exit 1; }
  if [ "$(id -u)" -eq 0 ]; then  # PostgreSQL refuses to run as root
    chown postgres: "$work"
    as_server=(runuser -u postgres --)
  fi
  "${as_server[@]}" "$pgbin/initdb" -D "$work/data" -U postgres --auth-local=trust --auth-host=reject --no-sync >/dev/null
  "${as_server[@]}" "$pgbin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
    -o "-c listen_addresses='' -c unix_socket_directories=$work -p 5433" start >/dev/null
  "$pgbin/psql" -X -q -h "$work" -p 5433 -U postgres -c "CREATE DATABASE perf"
  team="postgresql://postgres@/perf?host=$work&port=5433"
fi

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
gzip -dc "$here/../fixtures/standard.showdown.gz" >"$work/standard.showdown"
"$showdown" merge --db "$work/local.sqlite" "$work/standard.showdown" >/dev/null
uuid=$("$showdown" list --json --db "$work/local.sqlite" | python3 -c 'import json,sys; print(json.load(sys.stdin)["result_sets"][0]["uuid"])')

seconds() { python3 -c 'import sys; print(f"{(int(sys.argv[2]) - int(sys.argv[1])) / 1e9:.2f}")' "$@"; }
timed() {
  local label=$1; shift
  local start end
  start=$(date +%s%N)
  "$@" >"$work/out" 2>"$work/err" || { echo "$label: FAILED"; cat "$work/err" >&2; exit 1; }
  end=$(date +%s%N)
  printf '%-40s %6s s\n' "$label" "$(seconds "$start" "$end")"
}
samples=$("$showdown" list --json --db "$work/local.sqlite" | python3 -c 'import json,sys; print(json.load(sys.stdin)["result_sets"][0]["samples"])')
echo "standard set $uuid: $samples measured samples"
timed "push (new)" "$showdown" push "$uuid" --db "$work/local.sqlite" --to "$team"
timed "push again (present)" "$showdown" push "$uuid" --json --db "$work/local.sqlite" --to "$team"
team_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["result_sets"][0]["id"])' "$work/out")
local_id=1
# show and claims take the set's ID, which differs between the two stores; export takes the uuid.
for verb in "list --json" "show ID --json" "export $uuid --json -" "claims ID --json"; do
  timed "${verb%% *} from the SQLite file" "$showdown" ${verb/ID/$local_id} --db "$work/local.sqlite"
  timed "${verb%% *} from the team store" "$showdown" ${verb/ID/$team_id} --db "$team"
done
