#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for tests and benchmarks: `scripts/postgres.sh start|stop|url`.
# Runs as the postgres user on a loopback port, data in a temporary directory; prints the URL to export:
#   export TEST_DATABASE_URL=$(scripts/postgres.sh start)
set -euo pipefail

BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PORT=${PG_PORT:-55432}
DIR=${PG_DIR:-/tmp/jixiao-postgres-$PORT}
URL="postgres://postgres@127.0.0.1:$PORT/jixiao"

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

case "${1:-}" in
  start)
    if [ ! -x "$BIN/initdb" ]; then echo "PostgreSQL 15 not found in $BIN (apt-get install postgresql-15)" >&2; exit 1; fi
    if [ ! -f "$DIR/PG_VERSION" ]; then
      mkdir -p "$DIR" && chown postgres:postgres "$DIR" 2>/dev/null || true
      as_postgres "$BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_postgres "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
      # fsync off and a tiny footprint: a disposable cluster for tests, never for data anyone keeps.
      as_postgres "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w \
        -o "-h 127.0.0.1 -p $PORT -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    fi
    as_postgres "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='jixiao'" | grep -q 1 \
      || as_postgres "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres jixiao
    echo "$URL"
    ;;
  stop)
    if [ -f "$DIR/PG_VERSION" ]; then
      as_postgres "$BIN/pg_ctl" -D "$DIR" -m fast stop >/dev/null 2>&1 || true
      rm -rf "$DIR"
    fi
    echo "stopped"
    ;;
  url)
    echo "$URL"
    ;;
  *)
    echo "usage: scripts/postgres.sh start|stop|url" >&2
    exit 2
    ;;
esac
