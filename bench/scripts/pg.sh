#!/usr/bin/env bash
# The benchmark's own PostgreSQL 15 cluster: .data/pg in the repository, port 55542 on loopback.
#   bash bench/scripts/pg.sh start load    # bulk-load settings (fsync, full_page_writes off; see below)
#   bash bench/scripts/pg.sh start bench   # durable settings, as a production server runs
#   bash bench/scripts/pg.sh reset                # drop and create the empty database
#   bash bench/scripts/pg.sh stop | status | size
# The database is "portal" (created at the first start), locale C.UTF-8, superuser postgres.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=${BENCH_PG_DIR:-$root/.data/pg}
port=${BENCH_PG_PORT:-55542}
bindir=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
run_pg() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

init() {
  [ -f "$dir/data/PG_VERSION" ] && return
  mkdir -p "$dir"
  if [ "$(id -u)" = "0" ]; then chown postgres "$dir"; fi
  run_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Settings shared by both modes: memory for a 2-core / 23 GB machine, statement statistics for
  # the benchmark's EXPLAIN section, lz4 for TOAST (claims carry 1–2 kB of JSON each).
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '/tmp'
max_connections = 200
shared_buffers = 4GB
effective_cache_size = 12GB
work_mem = 32MB
maintenance_work_mem = 1GB
max_wal_size = 32GB
checkpoint_timeout = 30min
default_toast_compression = lz4
shared_preload_libraries = 'pg_stat_statements,auto_explain'
pg_stat_statements.max = 5000
pg_stat_statements.track = top
auto_explain.log_min_duration = -1
logging_collector = on
log_directory = 'log'
include_if_exists = 'mode.conf'
CONF
}

mode_conf() {
  if [ "$1" = "load" ]; then
    # Bulk load only: a crash would lose the data set (it can be generated again from its seed).
    cat >"$dir/data/mode.conf" <<CONF
fsync = off
full_page_writes = off
synchronous_commit = off
wal_level = minimal
max_wal_senders = 0
autovacuum = off
CONF
  else
    printf '# durable defaults for benchmarking\nautovacuum = on\n' >"$dir/data/mode.conf"
  fi
  if [ "$(id -u)" = "0" ]; then chown postgres "$dir/data/mode.conf"; fi
}

case "${1:-status}" in
  start)
    init
    mode_conf "${2:-bench}"
    run_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start >/dev/null
    run_pg "$bindir/psql" -h /tmp -p "$port" -U postgres -tAc "select 1 from pg_database where datname = 'portal'" | grep -q 1 ||
      run_pg "$bindir/psql" -h /tmp -p "$port" -U postgres -c "create database portal" >/dev/null
    run_pg "$bindir/psql" -h /tmp -p "$port" -U postgres -d portal -c "create extension if not exists pg_stat_statements" >/dev/null
    echo "PostgreSQL on port $port (${2:-bench} settings): DATABASE_URL=postgres://postgres@127.0.0.1:$port/portal"
    ;;
  reset)
    # An empty database for a new data set (the cluster and its settings stay).
    run_pg "$bindir/psql" -h /tmp -p "$port" -U postgres -c "drop database if exists portal" -c "create database portal" >/dev/null
    run_pg "$bindir/psql" -h /tmp -p "$port" -U postgres -d portal -c "create extension if not exists pg_stat_statements" >/dev/null
    echo "database portal is empty"
    ;;
  stop)
    run_pg "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null && echo "stopped"
    ;;
  status)
    run_pg "$bindir/pg_ctl" -D "$dir/data" status || true
    ;;
  size)
    du -sh "$dir" 2>/dev/null || echo "no cluster at $dir"
    ;;
  *)
    echo "usage: $0 start [load|bench] | reset | stop | status | size" >&2
    exit 1
    ;;
esac
