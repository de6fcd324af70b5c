#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL cluster on a loopback port, exporting
# TEST_DATABASE_URL; stops and removes the cluster afterwards. Exits 3 when PostgreSQL is absent.
set -uo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "PostgreSQL not installed; skipping PostgreSQL tests" >&2
  exit 3
fi
port=${PG_TEST_PORT:-55432}
dir=$(mktemp -d /tmp/portal-pg-XXXXXX)
run_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = "0" ]; then chown postgres "$dir"; fi
cleanup() {
  run_pg "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
run_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || exit 1
run_pg "$bindir/pg_ctl" -D "$dir/data" -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" -l "$dir/log" -w start >/dev/null || { cat "$dir/log"; exit 1; }
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
"$@"
