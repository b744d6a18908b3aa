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
#
# Writes RUN_DIR/{app1,app2,haproxy}.pid and .log. Stops everything it started when
# it gets SIGINT/SIGTERM or when any of the three exits.
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

pids=()
stop() {
    trap - INT TERM EXIT
    for pid in "${pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        for _ in $(seq 1 100); do  # up to 10 s each, then insist
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -f "$RUN_DIR"/app1.pid "$RUN_DIR"/app2.pid "$RUN_DIR"/haproxy.pid
    echo "serve_class: stopped" >&2
}
trap stop EXIT
trap 'exit 0' INT TERM  # exit runs the EXIT trap: everything is stopped

for i in 1 2; do
    STREAMLIT_SERVER_COOKIE_SECRET="$COOKIE_SECRET" python serve.py \
        --server.port "${PORTS[$((i - 1))]}" --server.address 127.0.0.1 \
        > "$RUN_DIR/app$i.log" 2>&1 &
    pids+=("$!")
    echo "$!" > "$RUN_DIR/app$i.pid"
done

# Both processes answer their health check (60 s at most; stop early if one dies).
if ! python -m tooling.server wait "${PORTS[0]}:${pids[0]}" "${PORTS[1]}:${pids[1]}" \
        --timeout 60; then
    echo "serve_class: the app did not start; see $RUN_DIR/app1.log and app2.log" >&2
    exit 1
fi

MLMATH_BIND="$BIND" MLMATH_APP1="127.0.0.1:${PORTS[0]}" MLMATH_APP2="127.0.0.1:${PORTS[1]}" \
    "$HAPROXY" -f deploy/haproxy.cfg -db > "$RUN_DIR/haproxy.log" 2>&1 &
pids+=("$!")
echo "$!" > "$RUN_DIR/haproxy.pid"

echo "serve_class: http://$BIND  (app1 pid ${pids[0]} :${PORTS[0]}, app2 pid ${pids[1]} :${PORTS[1]}, haproxy pid ${pids[2]}; logs in $RUN_DIR)" >&2
# Run until any of the three exits (or a signal arrives), then stop the others.
wait -n "${pids[@]}" || true
echo "serve_class: a process exited; stopping the others" >&2
