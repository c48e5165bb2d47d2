#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the tests; sourced by .ci/run (or by hand:
# `source .ci/postgres.sh && dotnet test`). Installs PostgreSQL from Debian's packages when it is missing, runs
# initdb as the postgres user (initdb refuses root), picks a free port, waits until ready, creates a database,
# exports TTN_PROVISIONING_TEST_POSTGRES, and stops the server and removes its data directory on exit.

ttn_pg_find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

ttn_pg_start() {
  local bin
  if ! bin=$(ttn_pg_find_bin); then
    echo "PostgreSQL not found: installing it from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
    bin=$(ttn_pg_find_bin) || { echo "PostgreSQL was installed but initdb/pg_ctl were not found" >&2; return 1; }
  fi

  local run_as=()
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    run_as=(runuser -u postgres --)
  fi

  TTN_PG_DATA=$(mktemp -d /tmp/ttn-pg.XXXXXX)
  [[ $(id -u) -eq 0 ]] && chown postgres "$TTN_PG_DATA"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

  "${run_as[@]}" "$bin/initdb" -D "$TTN_PG_DATA/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$TTN_PG_DATA/initdb.log" 2>&1 \
    || { cat "$TTN_PG_DATA/initdb.log" >&2; return 1; }
  # Sockets in the data directory: /var/run/postgresql may not exist or not be writable.
  "${run_as[@]}" "$bin/pg_ctl" -D "$TTN_PG_DATA/data" -l "$TTN_PG_DATA/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $TTN_PG_DATA/data -c max_connections=200 -c fsync=off" start >/dev/null \
    || { cat "$TTN_PG_DATA/server.log" >&2; return 1; }
  TTN_PG_BIN=$bin
  TTN_PG_RUN_AS=("${run_as[@]}")
  trap ttn_pg_stop EXIT

  local i
  for i in $(seq 1 60); do
    "$bin/pg_isready" -h 127.0.0.1 -p "$port" -q && break
    sleep 1
  done
  "$bin/pg_isready" -h 127.0.0.1 -p "$port" || { cat "$TTN_PG_DATA/server.log" >&2; return 1; }
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres ttn_provisioning_test

  export TTN_PROVISIONING_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=ttn_provisioning_test"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (TTN_PROVISIONING_TEST_POSTGRES is set)"
}

ttn_pg_stop() {
  if [[ -n "${TTN_PG_DATA:-}" && -d "$TTN_PG_DATA/data" ]]; then
    "${TTN_PG_RUN_AS[@]}" "$TTN_PG_BIN/pg_ctl" -D "$TTN_PG_DATA/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$TTN_PG_DATA"
  fi
}

ttn_pg_start
