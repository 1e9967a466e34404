#!/usr/bin/env bash
# Sourced by run.sh and test.sh: makes sure the machine has PostgreSQL server binaries (the platform and the tests
# start their own server from them) and the unprivileged 'postgres' user PostgreSQL needs when we run as root.
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing PostgreSQL server binaries (apt-get install -y postgresql)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "PostgreSQL server binaries are missing: sudo apt-get install -y postgresql" >&2
    exit 1
  fi
fi
if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi
