"""The daily boosters job: tell each person with a booster set waiting, at most once a day.

The notice is a "booster" notification: always in the app, by email unless the person has switched booster
emails off on the notification settings page.
"""

import datetime
import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms.core.languages import in_language_of
from lms.core.notifications.kinds import Kind
from lms.core.notifications.service import notify

from . import services
from .models import BoosterProfile, BoosterSchedule

logger = logging.getLogger(__name__)


def occasion(day: datetime.date) -> str:
    return f"boosters:{day.isoformat()}"


def send_booster_reminders(today: datetime.date | None = None) -> int:
    """One "boosters waiting" notice per person per day, to everyone not paused with a set due now (drawn
    here, so the page shows exactly the set announced). Safe to run twice. Returns how many were sent."""
    today = today or timezone.localdate()
    now = timezone.now()
    told = set(BoosterProfile.objects.filter(notified_on=today).values_list("user_id", flat=True))
    people = (
        BoosterSchedule.objects.exclude(user_id__in=told)
        .filter(user__is_active=True)
        .values_list("user", flat=True)
        .distinct()
    )
    count = 0
    for person in get_user_model().objects.filter(pk__in=list(people)).order_by("pk"):
        try:
            with transaction.atomic():
                cards = services.due_set(user=person, now=now)
                if not cards:
                    continue
                count += _tell(person, len(cards), today) is not None
                BoosterProfile.objects.update_or_create(user=person, defaults={"notified_on": today})
        except Exception:
            logger.exception("Booster reminder for user %s failed", person.pk)
    return count


def _tell(person, questions: int, today: datetime.date):
    # Written in the recipient's language (their profile's, else the site's): there is no request to ask.
    with in_language_of(person):
        what = ngettext(
            "Answer %(n)d short question (under a minute).",
            "Answer %(n)d short questions (under a minute).",
            questions,
        ) % {"n": questions}
        return notify(
            recipient=person,
            kind=Kind.BOOSTER,
            subject=_("Boosters waiting: %(what)s") % {"what": what},
            text=_("A booster set is waiting for you. %(what)s") % {"what": what},
            link=reverse("lms:boosters"),
            context={"next_step": what, "boosters": questions, "day": dateformat.format(today, "d M")},
            occasion=occasion(today),
        )
