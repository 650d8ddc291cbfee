#!/bin/sh
# Random secrets for infra/compose.yaml, one file each, in infra/compose/secrets/ (git-ignored),
# then the self-signed TLS files (make-tls.sh). Existing files are kept: run it again after
# adding a secret. Compose mounts each file read-only at /run/secrets/<name>; the platform reads
# them through <NAME>_FILE. The directory is 0700; the files must be readable by the containers'
# users (uid 10001 for Satupintu, 999 for PostgreSQL, 1000 for Keycloak), since Compose bind-
# mounts them as they are: 0644 inside the closed directory.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir="$here/secrets"
mkdir -p "$dir"
chmod 0700 "$dir"
put() { # name value
  [ -s "$dir/$1" ] && return 0
  printf '%s' "$2" > "$dir/$1"
  chmod 0644 "$dir/$1"
  echo "secret: $1"
}
rand() { openssl rand -hex "$1"; }
put postgres_owner_password "$(rand 24)"
put keycloak_db_password "$(rand 24)"
put keycloak_admin_password "$(rand 24)"
put app_db_password "$(rand 24)"
put s3_access_key_id "satupintu$(rand 8)"
put s3_secret_access_key "$(rand 24)"
put metrics_token "$(rand 24)"
put data_encryption_key "$(openssl rand -base64 32)"
owner=$(cat "$dir/postgres_owner_password")
put control_database_url "postgres://satupintu_owner:$owner@postgres:5432/satupintu_control"
put database_url_id_jakarta "postgres://satupintu_owner:$owner@postgres:5432/satupintu_id_jakarta"
put database_url_id_batam "postgres://satupintu_owner:$owner@postgres:5432/satupintu_id_batam"
sh "$here/make-tls.sh" "$dir/tls"
