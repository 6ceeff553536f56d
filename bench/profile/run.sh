#!/usr/bin/env bash
# The cost of each request type of the load scenario, measured on its own (bench/profile/request_costs.py),
# on the load run's data: PostgreSQL, Redis, production settings.
#
#   bash bench/profile/run.sh                 this checkout
#   bash bench/profile/run.sh 2bc157b 3       side by side with an older commit, alternating 3 rounds,
#                                             then each request type's CPU time per request and the ratio
# Needs PostgreSQL on :5432 and Redis on :6379. Each checkout gets its own database and Redis db.
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=$(pwd)
BASE_REV="${1:-}"
ROUNDS="${2:-3}"
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
for round in $(seq "$ROUNDS"); do
    prepare base "$BASE_DIR" 5 >/dev/null
    profile base "$BASE_DIR" 5 "$OUT/base-$round.json" >/dev/null
    prepare head "$HERE" 4 >/dev/null
    profile head "$HERE" 4 "$OUT/head-$round.json" >/dev/null
    echo "round $round of $ROUNDS done"
done
.venv/bin/python - "$OUT" "$ROUNDS" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def load(name):
    runs = [json.load(open(f"{out}/{name}-{r}.json")) for r in range(1, rounds + 1)]
    return {k: {m: statistics.median(run[k][m] for run in runs) for m in runs[0][k]} for k in runs[0]}
base, head = load("base"), load("head")
print(f"median of {rounds} alternating rounds, each the median of its repeats")
print(f"{'request type':<22}{'base CPU ms':>12}{'head CPU ms':>12}{'ratio':>7}{'base q':>8}{'head q':>8}"
      f"{'head tmpl ms':>13}{'head ser ms':>12}")
for name in base:
    b, h = base[name], head[name]
    print(f"{name:<22}{b['cpu_ms']:>12.1f}{h['cpu_ms']:>12.1f}{b['cpu_ms'] / h['cpu_ms']:>6.1f}x"
          f"{b['queries']:>8.0f}{h['queries']:>8.0f}{h['template_ms']:>13.1f}{h['serialise_ms']:>12.1f}")
PY
git worktree remove --force "$BASE_DIR"
