"""Load-test data on top of the demo: N learners in Front Desk, enrolled, with an unlimited assessment."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.project.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402

from courses.models import CoursePage, Enrolment  # noqa: E402
from lms.models import Profile, Team  # noqa: E402
from quizzes.models import AssessmentPage  # noqa: E402

USERS = int(os.environ.get("LOAD_USERS", "100"))


def main():
    call_command("migrate", verbosity=0)
    call_command("lms_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    User = get_user_model()
    team = Team.objects.get(name="Front Desk")
    course = CoursePage.objects.get(slug="active-listening")
    AssessmentPage.objects.child_of(course).update(attempt_limit=0, cooldown_minutes=0, time_limit_minutes=0)
    password = make_password("load1234")
    for i in range(USERS):
        user, _ = User.objects.get_or_create(
            username=f"load{i}",
            defaults={"first_name": "Load", "last_name": f"{i:03d}", "password": password},
        )
        Profile.objects.get_or_create(user=user, defaults={"team": team})
        Enrolment.objects.get_or_create(user=user, course=course)
    print(f"prepared {USERS} learners")


if __name__ == "__main__":
    main()
