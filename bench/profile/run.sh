#!/usr/bin/env bash
# The cost of each request type of the load scenario, measured on its own (bench/profile/request_costs.py),
# on the load run's data: PostgreSQL, Redis, production settings.
#
#   bash bench/profile/run.sh                 this checkout
#   bash bench/profile/run.sh 2bc157b 9       side by side with an older commit: 9 rounds of pairs
#                                             (bench/profile/paired.py), each request type's CPU time per
#                                             request on both, the ratio and the spread of the pairs' ratios
# WARMUP / REPEAT: unmeasured and measured requests per type in each round (default 2 and 7).
# Needs PostgreSQL on :5432 and Redis on :6379. Each checkout gets its own database and Redis db.
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=$(pwd)
BASE_REV="${1:-}"
ROUNDS="${2:-9}"
OUT="${PROFILE_OUT:-/tmp/lms-profile}"
mkdir -p "$OUT"

prepare() {  # prepare <name> <checkout> <redis db>
    local name=$1 root=$2 redis_db=$3
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/lms_profile_${name}"
    export REDIS_URL="redis://127.0.0.1:6379/${redis_db}"
    export LOAD_SESSIONS_FILE="$OUT/sessions-${name}.json"
    redis-cli -n "$redis_db" flushdb >/dev/null
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS lms_profile_${name}" postgres 2>/dev/null
    psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE lms_profile_${name}" postgres
    (cd "$root" && LMS_ROOT="$root" PYTHONPATH="$HERE/bench/load" "$HERE/.venv/bin/python" "$HERE/bench/load/prepare.py")
}

profile() {  # profile <name> <checkout> <redis db> <json out>
    local name=$1 root=$2 redis_db=$3
    DATABASE_URL="postgres://postgres@127.0.0.1:5432/lms_profile_${name}" \
    REDIS_URL="redis://127.0.0.1:6379/${redis_db}" LOAD_SESSIONS_FILE="$OUT/sessions-${name}.json" \
    LMS_ROOT="$root" .venv/bin/python bench/profile/request_costs.py --json "$4"
}

if [ -z "$BASE_REV" ]; then
    prepare head "$HERE" 4
    profile head "$HERE" 4 "$OUT/head.json"
    exit 0
fi

# Side by side: the older commit in a worktree of its own, sharing this checkout's virtualenv and the
# profile script; the two alternate so a busy moment of the machine falls on both.
BASE_DIR="$OUT/base"
git worktree remove --force "$BASE_DIR" 2>/dev/null || rm -rf "$BASE_DIR"
git worktree add --detach "$BASE_DIR" "$BASE_REV" >/dev/null
"$HERE/.venv/bin/python" "$BASE_DIR/manage.py" compilemessages -v0 >/dev/null 2>&1 || true
echo "base: $(git rev-parse --short "$BASE_REV")   head: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' + uncommitted changes')"
# Both prepared once; then paired.py asks each request type of one and at once of the other, round after
# round, so the machine's slow moments fall on both sides of a pair.
prepare base "$BASE_DIR" 5 >/dev/null
prepare head "$HERE" 4 >/dev/null
side_env() {  # side_env <name> <checkout> <redis db>: the measuring process's environment, as JSON
    printf '{"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/lms_profile_%s", "REDIS_URL": "redis://127.0.0.1:6379/%s", "LOAD_SESSIONS_FILE": "%s/sessions-%s.json", "LMS_ROOT": "%s"}' \
        "$1" "$3" "$OUT" "$1" "$2"
}
BASE_ENV=$(side_env base "$BASE_DIR" 5) HEAD_ENV=$(side_env head "$HERE" 4) \
    .venv/bin/python bench/profile/paired.py "$ROUNDS" "${WARMUP:-2}" "${REPEAT:-7}" "$OUT"
git worktree remove --force "$BASE_DIR"
