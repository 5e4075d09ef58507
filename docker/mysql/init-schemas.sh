#!/bin/bash
# Runs once, when MySQL initialises an empty data volume (docker-entrypoint-initdb.d):
# one schema and one user per service, each user allowed into its own schema only and with
# no global privilege. User names are config-repo's defaults (<service>.yml), passwords come
# from docker/.env through the environment of the mysql service.
set -euo pipefail

sql_string() { # a value as a single-quoted SQL string literal
	local value=${1//\\/\\\\}
	printf "'%s'" "${value//\'/\'\'}"
}

account() { # schema user password
	cat <<SQL
CREATE DATABASE IF NOT EXISTS \`$1\` CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE USER IF NOT EXISTS '$2'@'%' IDENTIFIED BY $(sql_string "$3");
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES, CREATE TEMPORARY TABLES, LOCK TABLES ON \`$1\`.* TO '$2'@'%';
SQL
}

# Every password first: nothing is created unless all of them are there.
: "${MYSQL_ROOT_PASSWORD:?}" "${CATALOG_DB_PASSWORD:?}" "${CART_DB_PASSWORD:?}" "${ORDER_DB_PASSWORD:?}" \
	"${AUTH_DB_PASSWORD:?}"

{
	account catalog catalog "${CATALOG_DB_PASSWORD:?}"
	account cart cart "${CART_DB_PASSWORD:?}"
	account orders orders "${ORDER_DB_PASSWORD:?}"
	account identity identity "${AUTH_DB_PASSWORD:?}"
} | mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD:?}"
