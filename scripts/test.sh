#!/usr/bin/env bash
# Install everything the tests need, then run the whole suite, browser tests included.
#   bash scripts/test.sh            # every test + lint + type check
#   bash scripts/test.sh -k bayes   # extra arguments go to pytest
set -euo pipefail
cd "$(dirname "$0")/.."

python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt

# Debian packages the tests use: chromium (browser tests), haproxy (the classroom
# set-up test), postgresql (the class store tests start a throw-away cluster with
# its initdb and pg_ctl: tooling/postgres.py). Installed only when missing; needs
# root or sudo.
need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
command -v haproxy >/dev/null 2>&1 || need+=(haproxy)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing Debian packages: ${need[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# axe-core for the accessibility test (tests/e2e/test_axe.py): the npm package's
# tarball, pinned and checked against the registry's sha512 (tooling/axe.py), fetched
# once into .cache/axe-core/ so the tests themselves never use the network. No npm.
python -m tooling.axe

echo "== ruff" && python -m ruff check . && python -m ruff format --check .
echo "== mypy" && python -m mypy
# Two tiers, both always run: the fast one (units, text, figures, AppTest pages,
# doctests, layout rules) fails in seconds; then the browser and server tests.
tier() {  # exit code 5 = nothing selected (e.g. `-k` matched no test of this tier)
    local code=0
    python -m pytest "$@" || code=$?
    [ "$code" -eq 0 ] || [ "$code" -eq 5 ] || exit "$code"
}
echo "== pytest: fast tier"
tier -m "not e2e" "$@"
echo "== pytest: browser tier (real Chromium, real servers)"
tier -m e2e "$@"
