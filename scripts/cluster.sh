#!/usr/bin/env bash
# Runs a local EGov silo cluster for operators and developers: N hosts (default 3) in one Orleans cluster on one
# PostgreSQL, behind one HAProxy. Development environment, demo data on (seeded once per database).
#
#   ./scripts/cluster.sh [N]
#
# PostgreSQL: ConnectionStrings__egov when set; otherwise the same project-local server ./scripts/run.sh uses
# (.pgdata/dev, started from the machine's binaries, as the unprivileged 'postgres' user when run as root), started
# here once for all nodes. Ports (override with the variables): load balancer EGOV_CLUSTER_LB_PORT (5080), its
# statistics page EGOV_CLUSTER_STATS_PORT (5090); node i gets HTTP 5080+i, silo 11110+i, gateway 29999+i
# (bases EGOV_CLUSTER_HTTP_BASE, EGOV_CLUSTER_SILO_BASE, EGOV_CLUSTER_GATEWAY_BASE). Logs in .cluster/.
# Ctrl+C stops the nodes (SIGTERM, so each drains and leaves the membership), HAProxy and a PostgreSQL started here.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

NODES="${1:-3}"
if ! [[ "$NODES" =~ ^[1-9][0-9]?$ ]]; then
  echo "usage: $0 [number of nodes, 1-99; default 3]" >&2
  exit 2
fi

LB_PORT="${EGOV_CLUSTER_LB_PORT:-5080}"
STATS_PORT="${EGOV_CLUSTER_STATS_PORT:-5090}"
HTTP_BASE="${EGOV_CLUSTER_HTTP_BASE:-5080}"
SILO_BASE="${EGOV_CLUSTER_SILO_BASE:-11110}"
GATEWAY_BASE="${EGOV_CLUSTER_GATEWAY_BASE:-29999}"
CLUSTER_ID="${Silo__ClusterId:-egov-local}"
SERVICE_ID="${Silo__ServiceId:-egov}"
# Every node must validate the same tokens: one signing key for the whole cluster (Development tokens only).
SIGNING_KEY="${Auth__DevSigningKey:-egov-development-signing-key-not-for-production-0123456789}"
STATE="$ROOT/.cluster"
mkdir -p "$STATE"

PIDS=()
HAPROXY_PID=""
PG_STARTED=""
PG_DATA=""
PG_BIN=""

as_pg() {
  # PostgreSQL refuses to run as root: run its tools as the unprivileged 'postgres' user, as LocalPostgres does.
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_all() {
  trap - INT TERM EXIT
  echo
  echo "Stopping the cluster..."
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    # A node drains before it exits; after 30 s it is killed.
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ -n "$HAPROXY_PID" ]; then kill -TERM "$HAPROXY_PID" 2>/dev/null || true; fi
  if [ -n "$PG_STARTED" ]; then as_pg "$PG_BIN/pg_ctl" stop -m fast -w -D "$PG_DATA" >/dev/null || true; fi
  echo "Stopped."
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# --- PostgreSQL ---------------------------------------------------------------------------------------------------
if [ -z "${ConnectionStrings__egov:-}" ]; then
  source scripts/ensure-postgres.sh
  if [ -n "${EGOV_PG_BIN:-}" ] && [ -x "$EGOV_PG_BIN/pg_ctl" ]; then
    PG_BIN="$EGOV_PG_BIN"
  else
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  PG_DATA="$ROOT/.pgdata/dev"
  if [ -f "$PG_DATA/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" status -D "$PG_DATA" >/dev/null 2>&1; then
    PG_PORT="$(sed -n 4p "$PG_DATA/postmaster.pid")"
    echo "Reusing the local PostgreSQL already running on 127.0.0.1:$PG_PORT (data in $PG_DATA)"
  else
    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
      mkdir -p "$PG_DATA"
      if [ "$(id -u)" = "0" ]; then chown -R postgres: "$PG_DATA"; chmod 700 "$PG_DATA"; fi
      as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-instructions >/dev/null
    fi
    PG_PORT="$(free_port)"
    # The same settings as the host's embedded server (src/EGov.Hosting/LocalPostgres.cs), durable.
    as_pg "$PG_BIN/pg_ctl" start -w -t 60 -D "$PG_DATA" -l "$PG_DATA/server.log" \
      -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_DATA -c max_connections=300 -c shared_buffers=256MB" >/dev/null
    PG_STARTED=1
    echo "Local PostgreSQL (data in $PG_DATA) listening on 127.0.0.1:$PG_PORT"
  fi
  export ConnectionStrings__egov="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=100"
fi

# --- HAProxy ------------------------------------------------------------------------------------------------------
if ! command -v haproxy >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing HAProxy (apt-get install -y haproxy)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
  else
    echo "HAProxy is missing: sudo apt-get install -y haproxy" >&2
    exit 1
  fi
fi

for i in $(seq 1 "$NODES"); do
  for port in $((HTTP_BASE + i)) $((SILO_BASE + i)) $((GATEWAY_BASE + i)); do
    if port_in_use "$port"; then echo "Port $port (node $i) is already in use." >&2; exit 1; fi
  done
done
for port in "$LB_PORT" "$STATS_PORT"; do
  if port_in_use "$port"; then echo "Port $port (load balancer) is already in use." >&2; exit 1; fi
done

# --- Build once, start the nodes ----------------------------------------------------------------------------------
dotnet build host/EGov.Host -c Release -nologo -clp:ErrorsOnly
HOST_DIR="$ROOT/host/EGov.Host/bin/Release/net10.0"

start_node() {
  local i="$1"
  (
    cd "$HOST_DIR"
    export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
    export ASPNETCORE_URLS="http://127.0.0.1:$((HTTP_BASE + i))"
    export Silo__Clustering=AdoNet Silo__AdvertisedAddress=127.0.0.1
    export Silo__Port=$((SILO_BASE + i)) Silo__GatewayPort=$((GATEWAY_BASE + i))
    export Silo__ClusterId="$CLUSTER_ID" Silo__ServiceId="$SERVICE_ID"
    export Auth__DevSigningKey="$SIGNING_KEY" Demo__Seed="${Demo__Seed:-true}"
    # HAProxy connects from loopback and appends X-Forwarded-For (docs/operations.md, "Public lookup rate limit").
    export PublicLookup__TrustedProxies__0="${PublicLookup__TrustedProxies__0:-127.0.0.1}"
    exec dotnet EGov.Host.dll
  ) >"$STATE/node$i.log" 2>&1 &
  PIDS+=("$!")
}

wait_ready() {
  local i="$1" pid="$2"
  for _ in $(seq 1 240); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "Node $i exited before it was ready; last lines of $STATE/node$i.log:" >&2
      tail -n 30 "$STATE/node$i.log" >&2
      exit 1
    fi
    if curl -fs -o /dev/null "http://127.0.0.1:$((HTTP_BASE + i))/health/ready"; then return 0; fi
    sleep 0.5
  done
  echo "Node $i was not ready within 120 s; see $STATE/node$i.log" >&2
  exit 1
}

# Node 1 first: in Development it creates or updates the schema, which the others then find in place.
echo "Starting node 1..."
start_node 1
wait_ready 1 "${PIDS[0]}"
if [ "$NODES" -gt 1 ]; then
  echo "Starting nodes 2..$NODES..."
  for i in $(seq 2 "$NODES"); do start_node "$i"; done
  for i in $(seq 2 "$NODES"); do wait_ready "$i" "${PIDS[$((i - 1))]}"; done
fi

# --- The load balancer --------------------------------------------------------------------------------------------
SERVERS=""
for i in $(seq 1 "$NODES"); do
  SERVERS+="    server node$i 127.0.0.1:$((HTTP_BASE + i)) check"$'\n'
done
CONFIG="$STATE/haproxy.cfg"
TEMPLATE="$(cat scripts/cluster/haproxy.cfg.template)"
TEMPLATE="${TEMPLATE//@LB_PORT@/$LB_PORT}"
TEMPLATE="${TEMPLATE//@STATS_PORT@/$STATS_PORT}"
printf '%s\n' "${TEMPLATE//@SERVERS@/${SERVERS%$'\n'}}" >"$CONFIG"
haproxy -q -c -f "$CONFIG"
haproxy -W -db -f "$CONFIG" >"$STATE/haproxy.log" 2>&1 &
HAPROXY_PID="$!"
for _ in $(seq 1 40); do curl -fs -o /dev/null "http://127.0.0.1:$LB_PORT/health/ready" && break; sleep 0.25; done

LB="http://localhost:$LB_PORT"
echo
echo "EGovPlatform cluster of $NODES node(s) (cluster id $CLUSTER_ID) behind HAProxy:"
echo "  load balancer     $LB   (API reference $LB/scalar, readiness $LB/health/ready)"
echo "  leader dashboard  $LB/dashboard   citizen lookup $LB/tra-cuu"
echo "  Orleans dashboard $LB/admin/sign-in (paste an admin token; then $LB/admin/orleans/)   members $LB/api/v1/admin/cluster"
echo "  HAProxy stats     http://localhost:$STATS_PORT/"
for i in $(seq 1 "$NODES"); do
  echo "  node $i            http://localhost:$((HTTP_BASE + i))  silo $((SILO_BASE + i))  gateway $((GATEWAY_BASE + i))  pid ${PIDS[$((i - 1))]}  log .cluster/node$i.log"
done
echo "Press Ctrl+C to stop everything."

# Wait for Ctrl+C; a node that dies is reported (HAProxy takes it out of the rotation by itself).
while true; do
  for i in $(seq 1 "$NODES"); do
    pid="${PIDS[$((i - 1))]}"
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      echo "Node $i (pid $pid) has exited; see .cluster/node$i.log. The others carry on."
      PIDS[$((i - 1))]=""
    fi
  done
  sleep 2
done
