#!/usr/bin/env bash
# Serve a class from one address: two app processes (python serve.py) behind HAProxy
# with cookie-based session affinity and gzip for static files (deploy/haproxy.cfg).
#
#   bash scripts/serve_class.sh                       # http://127.0.0.1:8690 ; Ctrl-C stops all
#   BIND=0.0.0.0:8501 bash scripts/serve_class.sh     # serve the room on the LAN
#
# Environment (all optional):
#   BIND           address:port HAProxy listens on        (127.0.0.1:8690)
#   APP_PORTS      the two app processes' ports, on 127.0.0.1 ("8691 8692")
#   COOKIE_SECRET  server.cookieSecret shared by both      (random per start)
#   RUN_DIR        pid files and logs                      (/tmp/mlmath-class-<port>)
#   MLMATH_DATABASE_URL  the live class's store, shared by both processes:
#                  postgresql://user@host:port/db; unset: one SQLite file in
#                  MLMATH_DATA_DIR (WAL mode; both processes on this machine share it)
#
# Writes RUN_DIR/{app1,app2,haproxy}.pid and .log (an app's pid file always names its
# running process). An app process that dies (a crash, kill -9, out of memory) is
# started again after a short back-off while the other and HAProxy keep serving;
# HAProxy's health checks take it out and put it back, and its students reconnect
# to the live process by themselves. SIGINT/SIGTERM stops everything it started,
# and so does HAProxy exiting (nothing can reach the class without it).
set -euo pipefail
cd "$(dirname "$0")/.."

BIND="${BIND:-127.0.0.1:8690}"
read -r -a PORTS <<< "${APP_PORTS:-8691 8692}"
if [ "${#PORTS[@]}" -ne 2 ]; then
    echo "APP_PORTS must name two ports (deploy/haproxy.cfg has two servers)" >&2
    exit 2
fi
RUN_DIR="${RUN_DIR:-${TMPDIR:-/tmp}/mlmath-class-${BIND##*:}}"
mkdir -p "$RUN_DIR"
HAPROXY="$(command -v haproxy || true)"
[ -n "$HAPROXY" ] || [ ! -x /usr/sbin/haproxy ] || HAPROXY=/usr/sbin/haproxy
if [ -z "$HAPROXY" ]; then
    echo "haproxy not found: apt-get install haproxy (bash scripts/test.sh installs it)" >&2
    exit 2
fi
# Every process must sign cookies (XSRF tokens) with the same secret, so a
# student moved to the other process (one restarted) is not refused. Passed in
# the environment: Streamlit refuses it on the command line (it would show in ps).
COOKIE_SECRET="${COOKIE_SECRET:-$(python -c 'import secrets; print(secrets.token_hex(32))')}"

# supervise NAME PORT: run one app process, and start it again whenever it exits.
# Back-off between starts: 0.5 s, doubling up to 8 s while it keeps dying young,
# back to 0.5 s once a run lasted 30 s. SIGTERM stops the process and the loop.
supervise() {
    local name="$1" port="$2" child="" stopping=0 delay_ms=500 started code
    # `child` is whatever this loop waits on: the app process, or the back-off sleep.
    trap 'stopping=1; [ -z "$child" ] || kill -TERM "$child" 2>/dev/null || true' TERM
    while [ "$stopping" -eq 0 ]; do
        started=$SECONDS
        STREAMLIT_SERVER_COOKIE_SECRET="$COOKIE_SECRET" python serve.py \
            --server.port "$port" --server.address 127.0.0.1 >> "$RUN_DIR/$name.log" 2>&1 &
        child=$!
        echo "$child" > "$RUN_DIR/$name.pid"
        [ "$stopping" -eq 0 ] || kill -TERM "$child" 2>/dev/null || true
        code=0
        wait "$child" || code=$?
        # A trapped signal interrupts `wait` (> 128): wait again for the exit itself.
        while kill -0 "$child" 2>/dev/null; do
            code=0
            wait "$child" || code=$?
        done
        [ "$stopping" -eq 0 ] || break
        [ $((SECONDS - started)) -lt 30 ] || delay_ms=500
        echo "serve_class: $name (pid $child) exited with code $code;" \
            "starting it again in $((delay_ms / 1000)).$((delay_ms % 1000 / 100)) s" >&2
        sleep "$((delay_ms / 1000)).$(printf '%03d' $((delay_ms % 1000)))" &
        child=$!
        wait "$child" || true
        delay_ms=$((delay_ms * 2 > 8000 ? 8000 : delay_ms * 2))
    done
    rm -f "$RUN_DIR/$name.pid"
}

supervisors=()
haproxy_pid=""
stop() {
    trap - INT TERM EXIT
    for pid in "${supervisors[@]}" $haproxy_pid; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${supervisors[@]}" $haproxy_pid; do
        for _ in $(seq 1 150); do  # up to 15 s each, then insist
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    # An app left over by a supervisor that had to be killed.
    for name in app1 app2; do
        if [ -f "$RUN_DIR/$name.pid" ]; then
            kill -KILL "$(cat "$RUN_DIR/$name.pid")" 2>/dev/null || true
        fi
    done
    rm -f "$RUN_DIR"/app1.pid "$RUN_DIR"/app2.pid "$RUN_DIR"/haproxy.pid
    echo "serve_class: stopped" >&2
}
trap stop EXIT
trap 'exit 0' INT TERM  # exit runs the EXIT trap: everything is stopped

rm -f "$RUN_DIR"/app1.pid "$RUN_DIR"/app2.pid "$RUN_DIR"/haproxy.pid
for i in 1 2; do
    : > "$RUN_DIR/app$i.log"
    supervise "app$i" "${PORTS[$((i - 1))]}" &
    supervisors+=("$!")
done
for i in 1 2; do  # each supervisor writes its app's pid file as it starts it
    for _ in $(seq 1 100); do
        [ -s "$RUN_DIR/app$i.pid" ] && break
        sleep 0.1
    done
done

# Both processes answer their health check (60 s at most; stop early if one dies).
if ! python -m tooling.server wait "${PORTS[0]}:$(cat "$RUN_DIR/app1.pid")" \
        "${PORTS[1]}:$(cat "$RUN_DIR/app2.pid")" --timeout 60; then
    echo "serve_class: the app did not start; see $RUN_DIR/app1.log and app2.log" >&2
    exit 1
fi

MLMATH_BIND="$BIND" MLMATH_APP1="127.0.0.1:${PORTS[0]}" MLMATH_APP2="127.0.0.1:${PORTS[1]}" \
    "$HAPROXY" -f deploy/haproxy.cfg -db > "$RUN_DIR/haproxy.log" 2>&1 &
haproxy_pid=$!
echo "$haproxy_pid" > "$RUN_DIR/haproxy.pid"

if [ -n "${MLMATH_DATABASE_URL:-}" ]; then
    echo "serve_class: live class store: PostgreSQL (MLMATH_DATABASE_URL)" >&2
else
    echo "serve_class: live class store: SQLite in ${MLMATH_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/ml-math-explorer}" >&2
fi
echo "serve_class: http://$BIND  (app1 :${PORTS[0]}, app2 :${PORTS[1]}, haproxy pid $haproxy_pid; pids and logs in $RUN_DIR)" >&2
# Run until HAProxy exits (or a signal arrives); the apps are restarted by their supervisors.
code=0
wait "$haproxy_pid" || code=$?
if [ "$code" -le 128 ]; then
    echo "serve_class: haproxy exited (code $code); stopping the app processes" >&2
    exit 1
fi
