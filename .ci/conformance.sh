#!/usr/bin/env bash
# Conformance tier: the same suites against the machine's PostgreSQL service (127.0.0.1:5432) and a
# real Keycloak 26 fetched from Maven Central, to prove the embedded defaults behave like them.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=.ci/work
mkdir -p "$WORK"
KC_VERSION=26.5.6
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# ---- PostgreSQL service ---------------------------------------------------------------------
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "starting the PostgreSQL service"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
if pg_isready -q -h 127.0.0.1 -p 5432; then
  for db in control id_jakarta id_batam; do
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists satupintu_ct_${db} with (force)" -c "create database satupintu_ct_${db}"
  done
  echo "== suites against PostgreSQL $(psql -At -h 127.0.0.1 -U postgres -c 'show server_version') on 127.0.0.1:5432"
  CONTROL_DATABASE_URL=postgres://postgres@127.0.0.1:5432/satupintu_ct_control \
  DATABASE_URL_ID_JAKARTA=postgres://postgres@127.0.0.1:5432/satupintu_ct_id_jakarta \
  DATABASE_URL_ID_BATAM=postgres://postgres@127.0.0.1:5432/satupintu_ct_id_batam \
    npx mocha --config .mocharc.conformance.json
else
  echo "PostgreSQL service not reachable on 127.0.0.1:5432: database conformance not run" >&2
  exit 1
fi

# ---- S3Proxy (SigV4 checked, filesystem backend) --------------------------------------------
S3P_VERSION=2.6.0
S3P_JAR="$WORK/s3proxy-$S3P_VERSION-jar-with-dependencies.jar"
if [ ! -f "$S3P_JAR" ]; then
  mvn -q -B dependency:copy -Dartifact="org.gaul:s3proxy:$S3P_VERSION:jar:jar-with-dependencies" -DoutputDirectory="$WORK"
fi
S3P_PORT=$(free_port)
rm -rf "$WORK/s3proxy-data"; mkdir -p "$WORK/s3proxy-data"
cat > "$WORK/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$S3P_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=ci-identity
s3proxy.credential=ci-credential-$RANDOM$RANDOM
jclouds.provider=filesystem
jclouds.filesystem.basedir=$PWD/$WORK/s3proxy-data
CONF
java -jar "$S3P_JAR" --properties "$WORK/s3proxy.conf" > "$WORK/s3proxy.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$S3P_PORT/" && break; sleep 1; done
echo "== suites against S3Proxy $S3P_VERSION (SigV4) on 127.0.0.1:$S3P_PORT"
S3_ENDPOINT="http://127.0.0.1:$S3P_PORT" S3_REGION=us-east-1 S3_ACCESS_KEY_ID=ci-identity \
S3_SECRET_ACCESS_KEY="$(sed -n 's/^s3proxy.credential=//p' "$WORK/s3proxy.conf")" \
  npx mocha --config .mocharc.conformance.json
kill "${PIDS[-1]}" 2>/dev/null || true

# ---- Keycloak -------------------------------------------------------------------------------
KC_HOME="$WORK/keycloak-$KC_VERSION"
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  mvn -q -B dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$WORK"
  unzip -q -o "$WORK/keycloak-quarkus-dist-$KC_VERSION.zip" -d "$WORK"
fi
# Keycloak 26 needs Java 21 or newer.
for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
  if [ -x "$jdk/bin/java" ]; then export JAVA_HOME="$jdk"; break; fi
done
rm -rf "$KC_HOME/data"
mkdir -p "$KC_HOME/data/import"
cp infra/keycloak/realm-mpp.json "$KC_HOME/data/import/"
KC_PORT=$(free_port); KC_MGMT=$(free_port)
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=ci-admin \
  "$KC_HOME/bin/kc.sh" start-dev --import-realm --http-host=127.0.0.1 --http-port="$KC_PORT" \
  --http-management-port="$KC_MGMT" --health-enabled=true > "$WORK/keycloak.log" 2>&1 &
PIDS+=($!)
echo "Keycloak $KC_VERSION starting on 127.0.0.1:$KC_PORT (JAVA_HOME=${JAVA_HOME:-default})"
for i in $(seq 1 180); do
  if curl -sf "http://127.0.0.1:$KC_PORT/realms/mpp/.well-known/openid-configuration" >/dev/null; then break; fi
  if ! kill -0 "${PIDS[-1]}" 2>/dev/null; then tail -50 "$WORK/keycloak.log"; echo "Keycloak exited" >&2; exit 1; fi
  sleep 1
done
curl -sf "http://127.0.0.1:$KC_PORT/realms/mpp/.well-known/openid-configuration" >/dev/null || { tail -50 "$WORK/keycloak.log"; exit 1; }
echo "== suites against Keycloak $KC_VERSION (realm imported from infra/keycloak/realm-mpp.json)"
KEYCLOAK_URL="http://127.0.0.1:$KC_PORT" KEYCLOAK_ADMIN_USER=admin KEYCLOAK_ADMIN_PASSWORD=ci-admin \
  npx mocha --config .mocharc.conformance.json
