"""Queries and time to submit a 5-question and a 50-question attempt (DESIGN §7).

Run: .venv/bin/python bench/submit_attempt.py   (DATABASE_URL=postgres://… to measure on PostgreSQL)
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings.test")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Page  # noqa: E402

from courses.models import Enrolment  # noqa: E402
from quizzes import services  # noqa: E402
from tests.factories import (  # noqa: E402
    CataloguePageFactory,
    CoursePageFactory,
    SkillFactory,
    UserFactory,
    make_assessment,
    sample_questions,
)
from tests.quizzes.conftest import best_answers  # noqa: E402

RUNS = 5


def main():
    if connection.vendor != "postgresql":
        call_command("migrate", verbosity=0)
    catalogue = CataloguePageFactory(parent=Page.get_first_root_node(), slug=f"bench-{time.time_ns()}")
    skills = (SkillFactory(slug="bench-listening"), SkillFactory(slug="bench-apology"))
    base = sample_questions(*skills)
    print(f"database: {connection.vendor}")
    print(f"{'questions':>9} {'queries':>8} {'median ms':>10} {'max ms':>8}")
    for n in (5, 50):
        course = CoursePageFactory(parent=catalogue)
        make_assessment(course, [base[i % len(base)] for i in range(n)], attempt_limit=0, cooldown_minutes=0)
        timings, queries = [], set()
        for _ in range(RUNS):
            learner = UserFactory()
            Enrolment.objects.create(user=learner, course=course)
            attempt, _ = services.start_attempt(user=learner, course=course)
            services.save_answers(user=learner, attempt_id=attempt.pk, answers=best_answers(attempt))
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                services.submit(user=learner, attempt_id=attempt.pk)
                timings.append((time.perf_counter() - start) * 1000)
            queries.add(len(ctx))
        counts = "/".join(map(str, sorted(queries)))
        print(f"{n:>9} {counts:>8} {statistics.median(timings):>10.1f} {max(timings):>8.1f}")


if __name__ == "__main__":
    main()
