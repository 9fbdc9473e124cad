#!/usr/bin/env bash
# Start the local PostgreSQL and MariaDB servers the integration tests use, if they have stopped.
# Does nothing when they answer or when their tools are not installed; never fails.
set -u

say() { printf 'services: %s\n' "$*"; }

wait_for() {
    # wait_for SECONDS COMMAND...: run COMMAND once a second until it succeeds.
    local seconds=$1
    shift
    while [ "$seconds" -gt 0 ]; do
        "$@" >/dev/null 2>&1 && return 0
        sleep 1
        seconds=$((seconds - 1))
    done
    "$@" >/dev/null 2>&1
}

postgres_up() { pg_isready -q -h 127.0.0.1 -t 2; }

mariadb_up() {
    # "ping" succeeds whenever the server answers, even if the login is refused.
    local admin
    admin=$(command -v mariadb-admin || command -v mysqladmin) || return 1
    "$admin" --connect-timeout=2 -h127.0.0.1 -uroot ping
}

if command -v pg_isready >/dev/null 2>&1; then
    if postgres_up >/dev/null 2>&1; then
        say "postgresql up"
    elif command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
        say "postgresql not answering; starting it"
        for conf in /etc/postgresql/*/main; do
            [ -d "$conf" ] || continue
            version=$(basename "$(dirname "$conf")")
            pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>&1 | sed 's/^/  /'
        done
        if wait_for 30 postgres_up; then
            say "postgresql up"
        else
            say "warning: postgresql still not answering on 127.0.0.1:5432"
        fi
    else
        say "warning: postgresql not answering on 127.0.0.1:5432"
    fi
fi

if command -v mariadb-admin >/dev/null 2>&1 || command -v mysqladmin >/dev/null 2>&1; then
    if mariadb_up >/dev/null 2>&1; then
        say "mariadb up"
    elif [ -x /usr/sbin/mariadbd ] && command -v start-stop-daemon >/dev/null 2>&1; then
        say "mariadb not answering; starting it"
        if [ "$(id -u)" = 0 ] && id mysql >/dev/null 2>&1 && [ ! -d /run/mysqld ]; then
            install -d -o mysql -g mysql -m 0755 /run/mysqld
        fi
        start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd 2>&1 |
            sed 's/^/  /'
        if wait_for 30 mariadb_up; then
            say "mariadb up"
        else
            say "warning: mariadb still not answering on 127.0.0.1:3306"
        fi
    else
        say "warning: mariadb not answering on 127.0.0.1:3306"
    fi
fi
exit 0
