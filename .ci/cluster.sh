#!/usr/bin/env bash
# Cluster proof tier (docs/cluster-proof.md): HAProxy in front of three API processes and two
# workers, PgBouncer (transaction pooling) in front of the machine's PostgreSQL service, S3Proxy and
# a real Keycloak. This script provides the servers that live for the whole run (PostgreSQL
# databases, PgBouncer, S3Proxy, Keycloak); the mocha suite (test/cluster) starts HAProxy and the
# platform's processes itself, kills and restarts them, and writes .ci/work/cluster-report.md.
# Everything started here is stopped on exit (only the PIDs started here).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=.ci/work
mkdir -p "$WORK"
KC_VERSION=26.5.6
S3P_VERSION=2.6.0
PIDS=()
RUN=$(mktemp -d /tmp/satupintu-cluster.XXXXXX)
DBS="cluster_control cluster_id_jakarta cluster_id_batam"
cleanup() {
  local rc=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    for db in $DBS; do psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $db with (force)" >/dev/null 2>&1 || true; done
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop role if exists cluster_app" >/dev/null 2>&1 || true
  fi
  rm -rf "$RUN"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
skip() { echo "== cluster tier skipped: $*"; exit 0; }

# ---- HAProxy and PgBouncer (Debian packages) ------------------------------------------------
HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)
PGBOUNCER=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)
if [ ! -x "$HAPROXY" ] || [ ! -x "$PGBOUNCER" ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "installing haproxy and pgbouncer (apt-get)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy pgbouncer) >"$WORK/cluster-apt.log" 2>&1 ||
      skip "haproxy/pgbouncer could not be installed (see $WORK/cluster-apt.log)"
    HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)
    PGBOUNCER=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)
  fi
  [ -x "$HAPROXY" ] && [ -x "$PGBOUNCER" ] || skip "haproxy and pgbouncer are not installed and cannot be (needs root and apt-get)"
fi
command -v java >/dev/null || skip "java not found (S3Proxy and Keycloak need it)"
command -v mvn >/dev/null || [ -f "$WORK/s3proxy-$S3P_VERSION-jar-with-dependencies.jar" ] || skip "mvn not found (fetches S3Proxy and Keycloak)"

# ---- PostgreSQL service and this run's databases --------------------------------------------
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "starting the PostgreSQL service"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
pg_isready -q -h 127.0.0.1 -p 5432 || skip "the PostgreSQL service is not reachable on 127.0.0.1:5432"
for db in $DBS; do
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
done

# ---- PgBouncer, transaction pooling ---------------------------------------------------------
PGB_PORT=$(free_port)
{
  echo "[databases]"
  for db in $DBS; do echo "$db = host=127.0.0.1 port=5432 dbname=$db"; done
  cat <<CONF
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGB_PORT
unix_socket_dir =
auth_type = trust
auth_file = $RUN/users.txt
pool_mode = transaction
max_client_conn = 2000
; PostgreSQL allows 100 connections: at most 3 databases x 2 roles x 6 here, the session
; connections (LISTEN, migrations) go straight to PostgreSQL.
default_pool_size = 6
reserve_pool_size = 0
server_reset_query =
ignore_startup_parameters = extra_float_digits,options
admin_users = postgres
logfile = $RUN/pgbouncer.log
pidfile = $RUN/pgbouncer.pid
CONF
} >"$RUN/pgbouncer.ini"
printf '"postgres" ""\n"cluster_app" ""\n' >"$RUN/users.txt"
PGB_ARGS=()
if [ "$(id -u)" = 0 ]; then chown -R postgres "$RUN"; PGB_ARGS=(-u postgres); fi
"$PGBOUNCER" "${PGB_ARGS[@]}" "$RUN/pgbouncer.ini" >"$WORK/cluster-pgbouncer.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 50); do psql -q -At -h 127.0.0.1 -p "$PGB_PORT" -U postgres -d cluster_control -c 'select 1' >/dev/null 2>&1 && break; sleep 0.2; done
psql -q -At -h 127.0.0.1 -p "$PGB_PORT" -U postgres -d cluster_control -c 'select 1' >/dev/null || { cat "$RUN/pgbouncer.log" "$WORK/cluster-pgbouncer.out" 2>/dev/null | tail -20; echo "PgBouncer did not start" >&2; exit 1; }
echo "PgBouncer $("$PGBOUNCER" --version | head -1 | awk '{print $2}') (pool_mode=transaction) on 127.0.0.1:$PGB_PORT"

# ---- S3Proxy (SigV4, filesystem backend), as in conformance.sh -------------------------------
S3P_JAR="$WORK/s3proxy-$S3P_VERSION-jar-with-dependencies.jar"
if [ ! -f "$S3P_JAR" ]; then
  mvn -q -B dependency:copy -Dartifact="org.gaul:s3proxy:$S3P_VERSION:jar:jar-with-dependencies" -DoutputDirectory="$WORK"
fi
S3P_PORT=$(free_port)
mkdir -p "$RUN/s3proxy-data"
S3_SECRET="cluster-credential-$RANDOM$RANDOM$RANDOM"
cat >"$RUN/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$S3P_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=cluster-identity
s3proxy.credential=$S3_SECRET
jclouds.provider=filesystem
jclouds.filesystem.basedir=$RUN/s3proxy-data
CONF
java -Xmx256m -jar "$S3P_JAR" --properties "$RUN/s3proxy.conf" >"$WORK/cluster-s3proxy.log" 2>&1 &
PIDS+=($!)

# ---- Keycloak (demo realm imported), as in conformance.sh ------------------------------------
KC_HOME="$WORK/keycloak-$KC_VERSION"
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  mvn -q -B dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$WORK"
  unzip -q -o "$WORK/keycloak-quarkus-dist-$KC_VERSION.zip" -d "$WORK"
fi
for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
  if [ -x "$jdk/bin/java" ]; then export JAVA_HOME="$jdk"; break; fi
done
rm -rf "$KC_HOME/data"
mkdir -p "$KC_HOME/data/import"
cp infra/keycloak/realm-mpp.json "$KC_HOME/data/import/"
KC_PORT=$(free_port); KC_MGMT=$(free_port)
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=cluster-admin JAVA_OPTS_KC_HEAP="-Xms128m -Xmx512m" \
  JAVA_OPTS_APPEND="--add-opens=java.base/java.lang=ALL-UNNAMED" \
  "$KC_HOME/bin/kc.sh" start-dev --import-realm --http-host=127.0.0.1 --http-port="$KC_PORT" \
  --http-management-port="$KC_MGMT" --health-enabled=true >"$WORK/cluster-keycloak.log" 2>&1 &
KC_PID=$!
PIDS+=($KC_PID)
echo "Keycloak $KC_VERSION starting on 127.0.0.1:$KC_PORT (JAVA_HOME=${JAVA_HOME:-default})"
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$S3P_PORT/" && break; sleep 1; done
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$KC_PORT/realms/mpp/.well-known/openid-configuration" >/dev/null && break
  if ! kill -0 "$KC_PID" 2>/dev/null; then tail -50 "$WORK/cluster-keycloak.log"; echo "Keycloak exited" >&2; exit 1; fi
  sleep 1
done
curl -sf "http://127.0.0.1:$KC_PORT/realms/mpp/.well-known/openid-configuration" >/dev/null || { tail -50 "$WORK/cluster-keycloak.log"; exit 1; }

# ---- The suite ------------------------------------------------------------------------------
echo "== cluster suite: HAProxy $("$HAPROXY" -v | head -1 | awk '{print $3}'), PgBouncer on :$PGB_PORT, S3Proxy on :$S3P_PORT, Keycloak on :$KC_PORT"
CLUSTER_HAPROXY="$HAPROXY" \
CLUSTER_PGBOUNCER_URL="postgres://postgres@127.0.0.1:$PGB_PORT" \
CLUSTER_POSTGRES_URL="postgres://postgres@127.0.0.1:5432" \
CLUSTER_DATABASES="$DBS" \
S3_ENDPOINT="http://127.0.0.1:$S3P_PORT" S3_REGION=us-east-1 S3_ACCESS_KEY_ID=cluster-identity S3_SECRET_ACCESS_KEY="$S3_SECRET" \
KEYCLOAK_URL="http://127.0.0.1:$KC_PORT" \
  npx mocha --config .mocharc.cluster.json
