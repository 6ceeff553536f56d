"""Render time and query count of the leader's team view and HR's organisation view at 1,000 members.

Run: .venv/bin/python bench/dashboards.py   (DATABASE_URL=postgres://… to measure on PostgreSQL)
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

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

RUNS = 5


def populate(n: int):
    from certificates.services import issue
    from courses.models import CoursePage, Enrolment
    from lms.core.models import Profile, Team

    User = get_user_model()
    lead = User.objects.create(username=f"bench-lead-{n}", first_name="Bench", last_name="Lead")
    team = Team.objects.create(name=f"Bench team {n}", leader=lead)
    users = User.objects.bulk_create(
        [User(username=f"bench-{n}-{i}", first_name="Member", last_name=f"{i:05d}") for i in range(n)]
    )
    Profile.objects.bulk_create([Profile(user=u, team=team) for u in users])
    courses = list(CoursePage.objects.live())
    Enrolment.objects.bulk_create(
        [Enrolment(user=u, course=courses[i % len(courses)]) for i, u in enumerate(users) if i % 3]
    )
    for u in users[: n // 10]:
        issue(holder=u, course=courses[0])
    return lead, team


def measure(client, url):
    client.get(url)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    return len(ctx), statistics.median(times)


def main():
    call_command("migrate", verbosity=0)
    call_command("lms_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    hr = get_user_model().objects.get(username="hr")
    hr.groups.add(Group.objects.get(name="HR"))
    client = Client()
    print(f"database: {connection.vendor}")
    print(f"{'view':<24} {'members':>8} {'queries':>8} {'median ms':>10}")
    for n in (10, 1000):
        lead, team = populate(n)
        client.force_login(lead)
        queries, ms = measure(client, f"/training/team/?team={team.pk}")
        print(f"{'team view':<24} {n:>8} {queries:>8} {ms:>10.1f}")
        client.force_login(hr)
        queries, ms = measure(client, "/training/organisation/")
        print(f"{'organisation view':<24} {'+' + str(n):>8} {queries:>8} {ms:>10.1f}")


if __name__ == "__main__":
    main()
