"""Load-run data on top of the demo, and signed-in sessions for the simulated people.

Adds LOAD_ACCOUNTS learners to Front Desk, enrolled in Active listening with its modules done, whose
assessment is set to unlimited attempts with no cool-down (every simulated learner keeps answering). A
learner who submits moves on to a fresh account, as the submitted attempt waits for review. Sessions are
created the way ``django.contrib.auth.login`` makes them, so the measured run is the working day rather
than 100 people typing passwords in the same second; sign-in itself is measured by its own simulated user.
"""

import json
import os
import sys
import tempfile
from pathlib import Path

# LMS_ROOT: the checkout whose code prepares the data (bench/profile/run.sh profiles an older one too).
sys.path.insert(0, os.environ.get("LMS_ROOT", str(Path(__file__).resolve().parents[2])))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "load_settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import (  # noqa: E402
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,  # noqa: E402
)
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.sessions.backends.cached_db import SessionStore  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from courses.models import CoursePage, Enrolment, ModuleCompletion, ModulePage  # noqa: E402
from lms.core import languages  # noqa: E402
from lms.core.models import Profile, Team  # noqa: E402
from quizzes.models import AssessmentPage  # noqa: E402

ACCOUNTS = int(os.environ.get("LOAD_ACCOUNTS", "400"))
SESSIONS_FILE = os.environ.get(
    "LOAD_SESSIONS_FILE", os.path.join(tempfile.gettempdir(), "lms-load-sessions.json")
)
BACKEND = "django.contrib.auth.backends.ModelBackend"


def signed_in_session(user) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = BACKEND
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    # What signing in also keeps (lms.core.signals): the person's chosen language, "" for the browser's.
    session[languages.SESSION_KEY] = languages.chosen_by(user)
    session.create()
    return session.session_key


def main():
    call_command("migrate", verbosity=0)
    call_command("lms_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    User = get_user_model()
    team = Team.objects.get(name="Front Desk")
    course = CoursePage.objects.get(slug="active-listening")
    AssessmentPage.objects.child_of(course).update(attempt_limit=0, cooldown_minutes=0, time_limit_minutes=0)
    modules = list(ModulePage.objects.child_of(course).live())
    password = make_password("load1234")
    sessions = {"learners": [], "leader": [], "hr": []}
    enrolments = []
    for i in range(ACCOUNTS):
        user, _ = User.objects.get_or_create(
            username=f"load{i}",
            defaults={"first_name": "Load", "last_name": f"{i:03d}", "password": password},
        )
        Profile.objects.get_or_create(user=user, defaults={"team": team})
        enrolment, _ = Enrolment.objects.get_or_create(user=user, course=course)
        enrolments.append(enrolment)
        sessions["learners"].append(signed_in_session(user))
    # The assessment opens once the required modules are done: done for everyone at once (what
    # courses.services.complete_module records, without its per-module checks, which nobody waits for here).
    ModuleCompletion.objects.bulk_create(
        [ModuleCompletion(enrolment=e, module=m) for e in enrolments for m in modules], ignore_conflicts=True
    )
    now = timezone.now()
    Enrolment.objects.filter(pk__in=[e.pk for e in enrolments]).update(
        state=Enrolment.State.COMPLETED, started_at=now, completed_at=now
    )
    for username in ("leader", "hr"):
        user = User.objects.get(username=username)
        sessions[username] = [signed_in_session(user) for _ in range(20)]
    cache.clear()  # the updates above skip the signals that keep cached pages and standings current
    Path(SESSIONS_FILE).write_text(json.dumps({**sessions, "course_id": course.pk}))
    print(f"prepared {ACCOUNTS} learners in {team.name}; sessions in {SESSIONS_FILE}")


if __name__ == "__main__":
    main()
