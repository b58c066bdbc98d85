#!/bin/sh
# First start: create the data directory, set the root password, create the database and
# user named by the environment, and run init scripts; then hand over to the server.
set -eu
if [ ! -d /var/lib/mysql/mysql ]; then
  mariadb-install-db --user=mysql --datadir=/var/lib/mysql --skip-test-db >/dev/null
  mariadbd --user=mysql --skip-networking --socket=/run/mysqld/init.sock &
  pid=$!
  i=0
  until mariadb-admin --socket=/run/mysqld/init.sock ping >/dev/null 2>&1; do
    i=$((i + 1)); [ "$i" -gt 60 ] && { echo "entrypoint: server did not start for init" >&2; exit 1; }
    sleep 0.5
  done
  sql="mariadb --socket=/run/mysqld/init.sock -uroot"
  {
    echo "CREATE USER IF NOT EXISTS 'root'@'%' IDENTIFIED BY '${MYSQL_ROOT_PASSWORD:?set MYSQL_ROOT_PASSWORD}';"
    echo "GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION;"
    echo "ALTER USER 'root'@'localhost' IDENTIFIED BY '${MYSQL_ROOT_PASSWORD}';"
    [ -n "${MYSQL_DATABASE:-}" ] && echo "CREATE DATABASE IF NOT EXISTS \`${MYSQL_DATABASE}\`;"
    if [ -n "${MYSQL_USER:-}" ]; then
      echo "CREATE USER IF NOT EXISTS '${MYSQL_USER}'@'%' IDENTIFIED BY '${MYSQL_PASSWORD:?set MYSQL_PASSWORD}';"
      [ -n "${MYSQL_DATABASE:-}" ] && echo "GRANT ALL ON \`${MYSQL_DATABASE}\`.* TO '${MYSQL_USER}'@'%';"
    fi
    echo "FLUSH PRIVILEGES;"
  } | $sql
  for f in /docker-entrypoint-initdb.d/*.sql; do
    [ -e "$f" ] && mariadb --socket=/run/mysqld/init.sock -uroot -p"${MYSQL_ROOT_PASSWORD}" ${MYSQL_DATABASE:+"$MYSQL_DATABASE"} < "$f"
  done
  mariadb-admin --socket=/run/mysqld/init.sock -uroot -p"${MYSQL_ROOT_PASSWORD}" shutdown
  wait "$pid" || true
fi
exec "$@"
