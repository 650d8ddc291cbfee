#!/usr/bin/env bash
# What the image promises, tried without a container engine: `satupintu migrate`, then
# `serve --role api` and `serve --role worker` from this checkout, as uid/gid 10001, with the whole
# filesystem read-only except a fresh /tmp (mode 1777, as Docker's --tmpfs and Kubernetes'
# emptyDir give) and DATA_DIR (bubblewrap: --ro-bind / /). Both must answer /readyz, the image's
# HEALTHCHECK command must pass against each, and both must stop on SIGTERM.
# Development mode (embedded S3 and issuer in the process; a production start needs the real
# Keycloak over https), on the machine's PostgreSQL at 127.0.0.1:5432 (trust auth) in three
# databases and an app role of its own, dropped at the end. Needs root (bwrap, setpriv).
#   bash infra/k8s-check/readonly-run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
node_bin=$(command -v node)
pg="psql -h 127.0.0.1 -U postgres -qAt"
tag="sp_ro_$$"
data=$(mktemp -d "${TMPDIR:-/tmp}/satupintu-ro-data.XXXXXX")
logs=$(mktemp -d "${TMPDIR:-/tmp}/satupintu-ro-logs.XXXXXX")
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  for db in control id_jakarta id_batam; do $pg -c "drop database if exists ${tag}_$db" 2>/dev/null || true; done
  $pg -c "drop role if exists ${tag}_app" 2>/dev/null || true
  rm -rf "$data" "$logs"
}
trap cleanup EXIT
chown 10001:10001 "$data"; chmod 0700 "$data"
for db in control id_jakarta id_batam; do $pg -c "create database ${tag}_$db"; done

# The read-only root: / bound read-only, /tmp a new tmpfs, DATA_DIR at /srv (a mount point that
# exists on a read-only root; the image uses /data). The checkout is bound again (read-only) after
# the new /tmp, so a clone under /tmp (a CI worktree) stays visible.
run() { # VAR=value... -- satupintu args... (execs: call it in a subshell or in the background)
  local env=()
  while [ "$1" != "--" ]; do env+=(--setenv "${1%%=*}" "${1#*=}"); shift; done
  shift
  exec bwrap --ro-bind / / --dev /dev --proc /proc --perms 1777 --tmpfs /tmp --ro-bind "$repo" "$repo" --bind "$data" /srv --chdir "$repo" \
    --die-with-parent \
    --setenv HOME /tmp --setenv TMPDIR /tmp --setenv DATA_DIR /srv --setenv HOST 127.0.0.1 \
    --setenv CONTROL_DATABASE_URL "postgres://postgres@127.0.0.1:5432/${tag}_control" \
    --setenv DATABASE_URL_ID_JAKARTA "postgres://postgres@127.0.0.1:5432/${tag}_id_jakarta" \
    --setenv DATABASE_URL_ID_BATAM "postgres://postgres@127.0.0.1:5432/${tag}_id_batam" \
    --setenv APP_DB_ROLE "${tag}_app" --setenv SEED false --setenv LOG_LEVEL warn \
    "${env[@]}" \
    setpriv --reuid 10001 --regid 10001 --clear-groups \
    "$node_bin" "$repo/packages/cli/bin/satupintu.js" "$@"
}

healthcheck() { # the image's HEALTHCHECK command, as the image runs it
  PORT=$1 "$node_bin" -e "fetch('http://127.0.0.1:'+(process.env.HEALTH_PORT||process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
}

wait_url() { # log pattern → the URL the process printed
  local log=$1 pattern=$2 pid=$3
  for _ in $(seq 1 120); do
    url=$(grep -oE "$pattern" "$log" | head -1 || true)
    [ -n "$url" ] && { echo "$url"; return 0; }
    kill -0 "$pid" 2>/dev/null || { echo "read-only run: process exited early:" >&2; tail -n 20 "$log" >&2; return 1; }
    sleep 0.5
  done
  echo "read-only run: no ready line in 60 s" >&2; tail -n 20 "$log" >&2; return 1
}

(run -- migrate) >"$logs/migrate.log" 2>&1 || { echo "read-only run: migrate failed"; tail -n 20 "$logs/migrate.log"; exit 1; }
echo "read-only run: migrate ok (uid 10001, read-only root)"

# One after the other: processes that start at the same moment on one cluster can fail with
# "tuple concurrently updated" (each start re-asserts the cluster-wide app role, while the
# migration lock is per database) — a known race, reported; not what this run is about.
run PORT=0 -- serve --role api >"$logs/api.log" 2>&1 & pids+=($!)
api=$(wait_url "$logs/api.log" 'http://127\.0\.0\.1:[0-9]+/readyz' "${pids[0]}")
run PORT=0 HEALTH_PORT=0 -- serve --role worker >"$logs/worker.log" 2>&1 & pids+=($!)
worker=$(wait_url "$logs/worker.log" 'http://127\.0\.0\.1:[0-9]+/readyz' "${pids[1]}")
for name in api worker; do
  url=${!name}
  port=$(sed -E 's#.*:([0-9]+)/readyz#\1#' <<<"$url")
  ok=""
  for _ in $(seq 1 30); do healthcheck "$port" && { ok=1; break; }; sleep 1; done
  [ -n "$ok" ] || { echo "read-only run: $name /readyz did not answer 200"; curl -s "$url" || true; tail -n 20 "$logs/$name.log"; exit 1; }
  echo "read-only run: $name ready, the image's HEALTHCHECK passes ($url)"
done

# SIGTERM to the process itself (bwrap's child): both stop within 30 s, exit 0.
for i in 0 1; do
  child=$(pgrep -P "${pids[$i]}" | head -1 || true)
  kill -TERM "${child:-${pids[$i]}}"
done
for i in 0 1; do
  for _ in $(seq 1 60); do kill -0 "${pids[$i]}" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "${pids[$i]}" 2>/dev/null; then echo "read-only run: a process did not stop on SIGTERM"; exit 1; fi
  rc=0; wait "${pids[$i]}" || rc=$?
  [ "$rc" -eq 0 ] || { echo "read-only run: a process exited $rc on SIGTERM"; tail -n 20 "$logs"/*.log; exit 1; }
done
pids=()
written=$(cd "$data" && find . -mindepth 1 -maxdepth 1 | sort | tr '\n' ' ')
echo "read-only run: both stopped on SIGTERM (exit 0); DATA_DIR holds: ${written:-nothing}"
