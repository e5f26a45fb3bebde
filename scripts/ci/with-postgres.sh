#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server beside it, so that the
# tests which take KUBELAB_TEST_POSTGRES_URL run on PostgreSQL as well as on
# SQLite. The server lives in a temporary folder, listens on 127.0.0.1 only,
# and is stopped and deleted when the command ends, however it ends; the
# command's exit status is this script's.
#
#   scripts/ci/with-postgres.sh npx vitest run app/lib
#
# KUBELAB_TEST_POSTGRES_PORT picks the port (default 55432). Debian's
# postgresql package is installed first if no initdb is found.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

port="${KUBELAB_TEST_POSTGRES_PORT:-55432}"

newest_initdb() {
  ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1
}

if [ -z "$(newest_initdb)" ]; then
  echo "postgres: installing Debian's postgresql" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
initdb="$(newest_initdb)"
if [ -z "$initdb" ]; then
  echo "postgres: no /usr/lib/postgresql/*/bin/initdb; install Debian's postgresql package" >&2
  exit 1
fi
bin="$(dirname "$initdb")"

dir="$(mktemp -d "${TMPDIR:-/tmp}/kubelab-postgres.XXXXXX")"
# initdb and the server refuse to run as root.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi

stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --no-locale \
  --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }

# The socket goes in the temporary folder too: Debian's default, /run/postgresql,
# is made by the service scripts, which this server does without.
options="-c listen_addresses=127.0.0.1 -p $port -k $dir"
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "$options" start >/dev/null ||
  { echo "postgres: the server did not start on port $port:" >&2; cat "$dir/server.log" >&2; exit 1; }

password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
"${as_owner[@]}" "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE ROLE kubelab LOGIN CREATEDB PASSWORD '$password'"

export KUBELAB_TEST_POSTGRES_URL="postgresql://kubelab:$password@127.0.0.1:$port/postgres"
echo "postgres: $("$bin/postgres" --version) on 127.0.0.1:$port for: $*" >&2

status=0
"$@" || status=$?
exit "$status"
