"""Two checkouts' cost per request, measured in pairs: each request type on one, then at once on the
other, round after round, so a slow moment of a shared machine falls on both sides of a pair.

Drives two ``request_costs.py --serve`` processes (an older checkout, ``base``, and this one, ``head``;
each with its own database and Redis db, prepared by ``run.sh``). Who goes first swaps every round. Per
request type it prints the median CPU ms of each side over the rounds (each round the median of its
repeats), the ratio of those medians, and the spread of the per-round ratios (base ÷ head of each pair).

    python bench/profile/paired.py ROUNDS WARMUP REPEAT OUT_DIR
with BASE_ENV and HEAD_ENV (JSON objects) holding each process's environment additions.
"""

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def start(extra_env: dict) -> tuple[subprocess.Popen, list[str]]:
    env = {**os.environ, **extra_env}
    process = subprocess.Popen(  # noqa: S603 - this checkout's own script
        [sys.executable, str(HERE / "request_costs.py"), "--serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    ready = json.loads(process.stdout.readline())  # ready: it names its request types
    return process, ready["types"]


def ask(process: subprocess.Popen, name: str, warmup: int, repeat: int) -> dict:
    process.stdin.write(f"{name}\t{warmup}\t{repeat}\n")
    process.stdin.flush()
    line = process.stdout.readline()
    if not line:
        raise SystemExit(f"the measuring process stopped while measuring {name!r}")
    return json.loads(line)


def main():
    rounds, warmup, repeat, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    (base, _), (head, names) = (
        start(json.loads(os.environ["BASE_ENV"])),
        start(json.loads(os.environ["HEAD_ENV"])),
    )
    sides = {"base": base, "head": head}
    results = {side: {name: [] for name in names} for side in sides}
    for round_ in range(rounds):
        order = ["base", "head"] if round_ % 2 == 0 else ["head", "base"]
        for name in names:
            for side in order:
                results[side][name].append(ask(sides[side], name, warmup, repeat))
        print(f"round {round_ + 1} of {rounds} done", file=sys.stderr, flush=True)
    for process in sides.values():
        process.stdin.close()
        process.wait()
    (out / "paired.json").write_text(json.dumps(results, indent=1))

    def median(side, name, key):
        return statistics.median(r[key] for r in results[side][name])

    print(f"{rounds} rounds; in each, every request type measured on one side, then at once on the other")
    print(f"(who goes first swaps each round); a round's figure is the median of {repeat} requests after")
    print(f"{warmup} unmeasured ones. CPU ms: median over the rounds. Ratio: base / head of those medians;")
    print("pair ratios: the lowest and highest ratio of a single pair.")
    print(
        f"{'request type':<22}{'base CPU ms':>12}{'head CPU ms':>12}{'ratio':>7}{'pair ratios':>14}"
        f"{'base q':>8}{'head q':>8}{'head tmpl ms':>13}{'head ser ms':>12}"
    )
    for name in names:
        b, h = median("base", name, "cpu_ms"), median("head", name, "cpu_ms")
        pairs = [
            x["cpu_ms"] / y["cpu_ms"]
            for x, y in zip(results["base"][name], results["head"][name], strict=True)
        ]
        print(
            f"{name:<22}{b:>12.1f}{h:>12.1f}{b / h:>6.1f}x{f'{min(pairs):.1f}-{max(pairs):.1f}x':>14}"
            f"{median('base', name, 'queries'):>8.0f}{median('head', name, 'queries'):>8.0f}"
            f"{median('head', name, 'template_ms'):>13.1f}{median('head', name, 'serialise_ms'):>12.1f}"
        )


if __name__ == "__main__":
    main()
