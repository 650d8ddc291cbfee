#!/bin/sh
# First start of the compose PostgreSQL: the regions' databases (the control plane's is
# POSTGRES_DB) owned by satupintu_owner, and Keycloak's database and role. The platform's app role
# (APP_DB_ROLE) is created by `satupintu migrate`.
set -eu
kc_password=$(cat /run/secrets/keycloak_db_password)
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v kc_password="$kc_password" <<'SQL'
CREATE DATABASE satupintu_id_jakarta OWNER satupintu_owner;
CREATE DATABASE satupintu_id_batam OWNER satupintu_owner;
CREATE ROLE keycloak LOGIN PASSWORD :'kc_password';
CREATE DATABASE keycloak OWNER keycloak;
SQL
