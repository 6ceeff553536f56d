"""Where the time goes: each request type of the load scenario on its own, in one process, measured.

For every request type of ``bench/load/locustfile.py`` this runs the request ``--repeat`` times (after
``--warmup`` unmeasured ones) through the whole Django stack (middleware, sessions in Redis, the real
views) against the prepared load database, one request at a time, and prints per request:

- CPU ms: process CPU time (user + system) of this Python process, the cost a web worker pays;
- wall ms;
- queries and the wall time spent in them (measured around each ``execute``);
- template ms: time inside the outermost template render;
- serialise ms: time inside DRF serializers' ``.data`` and the JSON renderer.

The figures are medians over the repeats. ``--json FILE`` also writes them for ``compare.sh``.
Run it through ``bench/profile/run.sh``, which prepares the database (``bench/load/prepare.py``) first.
The code measured is the checkout named by ``LMS_ROOT`` (default: this one), so the same script can
profile an older commit side by side.
"""

import argparse
import contextlib
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(os.environ.get("LMS_ROOT", Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "load"))
os.chdir(ROOT)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "load_settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.template.backends.django import Template as BackendTemplate  # noqa: E402
from django.test import Client  # noqa: E402
from rest_framework import renderers, serializers  # noqa: E402

CHOICE_TYPES = ("single_choice", "judgement", "true_false")  # answered by one option id, as in the load run
SESSIONS_FILE = os.environ.get("LOAD_SESSIONS_FILE", "/tmp/lms-load-sessions.json")  # noqa: S108


class Meter:
    """Counts queries and times the template and serialisation layers of one request."""

    def __init__(self):
        self.reset()

    def reset(self):
        self.queries = 0
        self.query_s = 0.0
        self.template_s = 0.0
        self.serialise_s = 0.0
        self._depth = {"template": 0, "serialise": 0}

    def execute(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries += 1
            self.query_s += time.perf_counter() - start

    def timed(self, layer: str, func):
        meter = self

        def wrapper(*args, **kwargs):
            meter._depth[layer] += 1
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                meter._depth[layer] -= 1
                if meter._depth[layer] == 0:  # only the outermost call: nested renders are inside it
                    setattr(meter, f"{layer}_s", getattr(meter, f"{layer}_s") + time.perf_counter() - start)

        return wrapper


METER = Meter()
BackendTemplate.render = METER.timed("template", BackendTemplate.render)
renderers.JSONRenderer.render = METER.timed("serialise", renderers.JSONRenderer.render)
for cls in (serializers.Serializer, serializers.ListSerializer):
    cls.data = property(METER.timed("serialise", cls.data.fget))


def client_for(session_key: str) -> Client:
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[settings.SESSION_COOKIE_NAME] = session_key
    return client


class Scenario:
    """The request types of the load scenario, each a callable making one request."""

    def __init__(self, sessions: dict):
        # Fresh learners only (one who has started an attempt would get it back instead of a new one),
        # taken from the back of the list: the load run takes them from the front.
        from quizzes.models import Attempt

        started = {
            int(name.removeprefix("load"))
            for name in Attempt.objects.filter(learner__username__startswith="load").values_list(
                "learner__username", flat=True
            )
        }
        self.learners = iter([s for i, s in enumerate(sessions["learners"]) if i not in started][::-1])
        self.leader = client_for(sessions["leader"][0])
        self.hr = client_for(sessions["hr"][0])
        self.browsing = client_for(next(self.learners))
        self.course_id = sessions["course_id"]
        self.saver = None

    def fresh_learner(self) -> Client:
        return client_for(next(self.learners))

    def start_attempt(self):
        client = self.fresh_learner()
        return client, client.post(
            f"/api/v1/courses/{self.course_id}/attempts/", content_type="application/json"
        )

    def requests(self) -> dict:
        def start():
            return self.start_attempt()[1]

        def autosave():
            if self.saver is None:
                self.saver, response = self.start_attempt()
                self.attempt = response.json()
                self.choices = [q for q in self.attempt["questions"] if q["type"] in CHOICE_TYPES]
                self.turn = 0
            self.turn += 1
            question = self.choices[self.turn % len(self.choices)]
            option = question["options"][self.turn % len(question["options"])]
            return self.saver.patch(
                f"/api/v1/attempts/{self.attempt['id']}/",
                data=json.dumps({"answers": {str(question["id"]): option["id"]}}),
                content_type="application/json",
            )

        def submit():
            client, response = self.start_attempt()
            attempt = response.json()
            METER.reset()  # the submit alone is measured, not the start before it
            return client.post(f"/api/v1/attempts/{attempt['id']}/submit/", content_type="application/json")

        module = "/active-listening/listening-is-the-job/"
        return {
            "module page": lambda: self.browsing.get(module),
            "my training": lambda: self.browsing.get("/training/"),
            "catalogue": lambda: self.browsing.get("/"),
            "api courses": lambda: self.browsing.get("/api/v1/courses/"),
            "start attempt": start,
            "autosave": autosave,
            "submit": submit,
            "team view": lambda: self.leader.get("/training/team/"),
            "review queue": lambda: self.leader.get("/training/reviews/"),
            "organisation view": lambda: self.hr.get("/training/organisation/"),
            "certificate register": lambda: self.hr.get("/training/register/"),
            "export xlsx": lambda: self.hr.get("/training/organisation/", {"format": "xlsx"}),
            "sign-in page": lambda: Client(HTTP_HOST="127.0.0.1").get("/login/"),
        }


def measure(make_request, *, warmup: int, repeat: int) -> dict:
    for _ in range(warmup):
        make_request()
    rows = []
    for _ in range(repeat):
        METER.reset()
        cpu, wall = time.process_time(), time.perf_counter()
        response = make_request()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        if response.status_code >= 400:
            raise SystemExit(f"{response.status_code} from {response.request['PATH_INFO']}")
        rows.append(
            {
                "cpu_ms": cpu * 1000,
                "wall_ms": wall * 1000,
                "queries": METER.queries,
                "query_ms": METER.query_s * 1000,
                "template_ms": METER.template_s * 1000,
                "serialise_ms": METER.serialise_s * 1000,
            }
        )
    return {key: statistics.median(row[key] for row in rows) for key in rows[0]}


def print_hotspots(make_request, *, repeat: int) -> None:
    """cProfile over ``repeat`` requests: the functions where this request type spends its time."""
    import cProfile
    import pstats

    make_request()
    profiler = cProfile.Profile()
    for _ in range(repeat):
        profiler.runcall(make_request)
    stats = pstats.Stats(profiler).strip_dirs().sort_stats(os.environ.get("HOTSPOT_SORT", "cumulative"))
    stats.print_stats(os.environ.get("HOTSPOT_FILTER", ""), 45)


def serve(requests: dict) -> None:
    print(json.dumps({"types": list(requests)}), flush=True)
    with connection.execute_wrapper(METER.execute):
        for line in sys.stdin:
            name, warmup, repeat = line.rstrip("\n").split("\t")
            figures = measure(requests[name], warmup=int(warmup), repeat=int(repeat))
            print(json.dumps(figures), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--only", action="append", help="request type(s) to measure; default all")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument(
        "--cprofile", metavar="TYPE", help="print the top functions of one request type instead"
    )
    parser.add_argument(
        "--serve",
        action="store_true",
        help="measure on request: read 'TYPE<tab>WARMUP<tab>REPEAT' lines, answer each with a JSON line "
        "(bench/profile/paired.py drives two of these, an older checkout and this one, side by side)",
    )
    args = parser.parse_args()
    scenario = Scenario(json.loads(Path(SESSIONS_FILE).read_text()))
    if args.cprofile:
        return print_hotspots(scenario.requests()[args.cprofile], repeat=args.repeat)
    if args.serve:
        return serve(scenario.requests())
    figures = {}
    with connection.execute_wrapper(METER.execute):
        for name, make_request in scenario.requests().items():
            if args.only and name not in args.only:
                continue
            figures[name] = measure(make_request, warmup=args.warmup, repeat=args.repeat)
    columns = ("cpu_ms", "wall_ms", "queries", "query_ms", "template_ms", "serialise_ms")
    print(f"{'request type':<22}" + "".join(f"{c.replace('_', ' '):>13}" for c in columns))
    for name, row in figures.items():
        print(f"{name:<22}" + "".join(f"{row[c]:>13.1f}" for c in columns))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        main()
