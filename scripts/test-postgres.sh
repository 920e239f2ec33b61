# Sourced by .ci/run: a throwaway PostgreSQL cluster for the PostgreSQL store tests.
# test_postgres_start installs PostgreSQL from Debian's packages when its server is missing, starts a cluster in a
# temporary folder on 127.0.0.1 and a free port (as the postgres user when run as root: PostgreSQL refuses root),
# and exports JOBSCOPE_TEST_POSTGRES_URL. test_postgres_stop stops it and removes the folder.
# Without a server the PostgreSQL tests report themselves skipped; this says so in one line.

test_postgres_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
    done
    return 1
}

test_postgres_start() {
    local bin
    if ! bin=$(test_postgres_bin); then
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        echo "postgres: installing postgresql (Debian package)" >&2
        if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql; } >&2 \
            || ! bin=$(test_postgres_bin); then
            echo "SKIP: PostgreSQL store tests: PostgreSQL could not be installed (apt-get install postgresql failed)"
            return 1
        fi
    fi
    TEST_POSTGRES_DIR=$(mktemp -d /tmp/jobscope-postgres.XXXXXX)
    local run=()
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres "$TEST_POSTGRES_DIR"
        run=(runuser -u postgres --)
    fi
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    local password
    password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
    printf '%s\n' "$password" > "$TEST_POSTGRES_DIR/pwfile"
    [ "$(id -u)" -eq 0 ] && chown postgres "$TEST_POSTGRES_DIR/pwfile"
    # Password authentication (SCRAM), so the tests meet a server that checks who connects.
    if ! "${run[@]}" "$bin/initdb" -D "$TEST_POSTGRES_DIR/data" -U jobscope --pwfile="$TEST_POSTGRES_DIR/pwfile" \
            -A scram-sha-256 >"$TEST_POSTGRES_DIR/initdb.log" 2>&1 \
        || ! "${run[@]}" "$bin/pg_ctl" -D "$TEST_POSTGRES_DIR/data" -l "$TEST_POSTGRES_DIR/server.log" -w \
            -o "-h 127.0.0.1 -p $port -k $TEST_POSTGRES_DIR -c fsync=off" start >/dev/null; then
        echo "SKIP: PostgreSQL store tests: the test cluster did not start (see $TEST_POSTGRES_DIR/*.log)"
        return 1
    fi
    TEST_POSTGRES_RUN=("${run[@]}")
    TEST_POSTGRES_BIN=$bin
    export JOBSCOPE_TEST_POSTGRES_URL="postgresql://jobscope:$password@127.0.0.1:$port/postgres"
    echo "postgres: test cluster on 127.0.0.1:$port ($("$bin/postgres" --version))"
}

test_postgres_stop() {
    [ -n "${TEST_POSTGRES_DIR:-}" ] || return 0
    if [ -n "${TEST_POSTGRES_BIN:-}" ]; then
        "${TEST_POSTGRES_RUN[@]}" "$TEST_POSTGRES_BIN/pg_ctl" -D "$TEST_POSTGRES_DIR/data" -m fast stop >/dev/null 2>&1 || true
    fi
    rm -rf "$TEST_POSTGRES_DIR"
    TEST_POSTGRES_DIR=""
}
