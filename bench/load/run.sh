#!/usr/bin/env bash
# 100 simulated users against gunicorn + PostgreSQL on loopback; prints p50/p95 per request type.
# Usage: bash bench/load/run.sh [seconds]   (needs PostgreSQL on 127.0.0.1:5432)
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_TO_RUN="${1:-60}"
DB=lms_load
export DJANGO_SETTINGS_MODULE=lms.project.settings.test
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/${DB}"
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS ${DB}" postgres
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE ${DB}" postgres
.venv/bin/python bench/load/prepare.py
.venv/bin/gunicorn lms.project.wsgi:application --bind 127.0.0.1:8765 --workers 4 --threads 2 \
    --env DJANGO_SETTINGS_MODULE=lms.project.settings.test --env DATABASE_URL="$DATABASE_URL" \
    --access-logfile /dev/null --log-level warning &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
sleep 4
.venv/bin/locust -f bench/load/locustfile.py --headless -u 100 -r 20 -t "${SECONDS_TO_RUN}s" \
    --host http://127.0.0.1:8765 --only-summary --csv /tmp/lms-load 2>&1 | tail -40 || true
.venv/bin/python - <<'PY'
import csv
rows = list(csv.DictReader(open("/tmp/lms-load_stats.csv")))
print(f"{'request type':<22} {'requests':>8} {'errors':>7} {'p50 ms':>7} {'p95 ms':>7}")
for r in rows:
    print(f"{r['Name']:<22} {r['Request Count']:>8} {r['Failure Count']:>7} {r['50%']:>7} {r['95%']:>7}")
total = next(r for r in rows if r["Name"] == "Aggregated")
rate = 100 * int(total["Failure Count"]) / max(1, int(total["Request Count"]))
print(f"error rate: {rate:.2f}%")
PY
