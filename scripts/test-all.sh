#!/usr/bin/env bash
# Runs every test of every module, from a fresh clone, on a fresh machine.
# This is the README's test command; CI (.ci/run) calls exactly this.
#
# The PostgreSQL state-store tests need a server. Unless COMMERCESYNC_TEST_PG_URL is already set
# (pointing at a database you provide, with _USER and _PASSWORD), this script:
#   1. installs PostgreSQL with apt-get if it is missing (needs root),
#   2. creates a throwaway cluster in a temporary directory, owned by the `postgres` user when run as
#      root (the server refuses to run as root),
#   3. starts it on a free port of 127.0.0.1, creates a database and a password-protected role,
#   4. exports COMMERCESYNC_TEST_PG_URL / _USER / _PASSWORD for Maven (the test JVMs inherit them),
#   5. stops it and deletes the directory when the script exits, however it exits.
# Extra arguments go to Maven, e.g. `bash scripts/test-all.sh -pl sdk-core -Dtest='Postgres*'`.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "[test-all] $*" >&2; }

# --- PostgreSQL ---------------------------------------------------------------------------------

pg_bin_dir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

install_postgres() {
  if [ -n "$(pg_bin_dir)" ] && [ -x "$(pg_bin_dir)/initdb" ]; then
    return
  fi
  if [ "$(id -u)" != 0 ]; then
    log "PostgreSQL is not installed and this is not root: install the 'postgresql' package, or set"
    log "COMMERCESYNC_TEST_PG_URL, COMMERCESYNC_TEST_PG_USER and COMMERCESYNC_TEST_PG_PASSWORD."
    exit 1
  fi
  log "installing PostgreSQL (apt-get install postgresql)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
}

# as_pg CMD...: runs CMD as the cluster's owner (the `postgres` user when we are root)
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

PG_DIR=""
stop_postgres() {
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}

start_postgres() {
  install_postgres
  PG_BIN="$(pg_bin_dir)"
  # in /tmp, not $TMPDIR: the postgres user must be able to reach it
  PG_DIR="$(mktemp -d /tmp/commercesync-pg.XXXXXX)"
  trap stop_postgres EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  mkdir "$PG_DIR/socket"
  od -An -N16 -tx1 /dev/urandom | tr -d ' \n' > "$PG_DIR/superuser-password"
  chmod 600 "$PG_DIR/superuser-password"
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres: "$PG_DIR"
  fi
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/superuser-password" \
    --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --no-instructions >/dev/null

  # a free port: pick at random, skip ports in use, retry if another process wins the race
  local port="" attempt
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" && continue
    # throwaway cluster: fsync off (tests need no crash safety from it), small memory
    if as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start -o \
        "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$PG_DIR/socket \
         -c fsync=off -c full_page_writes=off -c shared_buffers=32MB -c max_connections=100" >/dev/null; then
      break
    fi
    port=""
  done
  if [ -z "$port" ]; then
    log "could not start PostgreSQL; its log follows"
    cat "$PG_DIR/server.log" >&2 || true
    exit 1
  fi

  local db_password
  db_password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  as_pg "$PG_BIN/psql" -h "$PG_DIR/socket" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE commercesync LOGIN PASSWORD '$db_password'" \
    -c "CREATE DATABASE commercesync_test OWNER commercesync" >/dev/null

  export COMMERCESYNC_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/commercesync_test"
  export COMMERCESYNC_TEST_PG_USER="commercesync"
  export COMMERCESYNC_TEST_PG_PASSWORD="$db_password"
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $PG_DIR)"
}

if [ -z "${COMMERCESYNC_TEST_PG_URL:-}" ]; then
  start_postgres
else
  log "using the PostgreSQL given in COMMERCESYNC_TEST_PG_URL"
fi

# --- the build ----------------------------------------------------------------------------------
# not exec: the EXIT trap must still stop the server after Maven finishes
mvn -B -ntp verify "$@"
