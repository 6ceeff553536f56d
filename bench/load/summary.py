"""The three-run summary of bench/load/run.sh: ``summary.py <output folder> <runs>``.

Percentiles come from every response time locust saw after the ramp-up (locustfile.py writes them), so
"page views and autosaves" is an exact p95 over those requests, not an average of per-type figures.
"""

import csv
import json
import statistics
import sys
from pathlib import Path

NOT_A_PAGE_VIEW = {"sign in"}  # the password form's POST: PBKDF2 costs about 0.5 s of CPU by design


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def read_run(out: Path, run: int) -> dict:
    times = json.loads((out / f"times-{run}.json").read_text())
    start = json.loads((out / f"cpu-start-{run}").read_text())
    end = json.loads((out / f"cpu-end-{run}").read_text())
    stats = {r["Name"]: r for r in csv.DictReader(open(out / f"run-{run}_stats.csv"))}
    pages = [abs(t) for name, ts in times.items() if name not in NOT_A_PAGE_VIEW for t in ts]
    every = [abs(t) for ts in times.values() for t in ts]
    requests = len(every)
    busy, total = end["busy"] - start["busy"], end["total"] - start["total"]
    return {
        "run": run,
        "requests": requests,
        "errors": int(stats["Aggregated"]["Failure Count"]),
        "rps": float(stats["Aggregated"]["Requests/s"]),
        "p50": percentile(pages, 50),
        "p95": percentile(pages, 95),
        "load_before": float((out / f"load-before-{run}").read_text()),
        "load_during": float((out / f"load-during-{run}").read_text()),
        "web_ms": 1000 * (end["web"] - start["web"]) / max(1, requests),
        "db_ms": 1000 * (end["db"] - start["db"]) / max(1, requests),
        "busy": 100 * busy / total if total else 0.0,
        "types": {
            name: (
                len(ts),
                sum(1 for t in ts if t < 0),
                percentile([abs(t) for t in ts], 50),
                percentile([abs(t) for t in ts], 95),
            )
            for name, ts in sorted(times.items())
        },
    }


def main():
    out, runs = Path(sys.argv[1]), int(sys.argv[2])
    results = [read_run(out, run) for run in range(1, runs + 1)]
    print("\nEach run (p50/p95 over page views and autosaves, i.e. every request but the sign-in POST):")
    print(
        f"{'run':>4}{'requests':>10}{'errors':>8}{'req/s':>7}{'p50 ms':>8}{'p95 ms':>8}{'load before':>13}"
        f"{'load during':>13}{'CPU busy':>10}{'web CPU ms/req':>16}{'db CPU ms/req':>15}"
    )
    for r in results:
        print(
            f"{r['run']:>4}{r['requests']:>10}{r['errors']:>8}{r['rps']:>7.1f}{r['p50']:>8.0f}{r['p95']:>8.0f}"
            f"{r['load_before']:>13.2f}{r['load_during']:>13.2f}{r['busy']:>9.0f}%{r['web_ms']:>16.1f}"
            f"{r['db_ms']:>15.1f}"
        )
    p95s = [r["p95"] for r in results]
    median = sorted(results, key=lambda r: r["p95"])[len(results) // 2]
    print(
        f"\nmedian run: {median['run']} (p95 {median['p95']:.0f} ms); spread of p95 across runs: "
        f"{min(p95s):.0f}-{max(p95s):.0f} ms; errors in all runs: {sum(r['errors'] for r in results)}"
    )
    print(f"web CPU per request, median of runs: {statistics.median(r['web_ms'] for r in results):.1f} ms\n")
    print(
        "The median run by request type:\n"
        f"{'request type':<22}{'requests':>9}{'errors':>8}{'p50 ms':>8}{'p95 ms':>8}"
    )
    for name, (n, errors, p50, p95) in median["types"].items():
        print(f"{name:<22}{n:>9}{errors:>8}{p50:>8.0f}{p95:>8.0f}")


if __name__ == "__main__":
    main()
