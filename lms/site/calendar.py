"""Due dates, expiries and follow-ups as iCalendar, for whatever calendar a person already uses."""

import datetime

from django.core import signing
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from certificates.models import Certificate
from courses.models import Enrolment
from lms.core import conf

SALT = "lms.site.calendar-feed"


def feed_token(user) -> str:
    """A signed, unguessable token for a calendar app's subscription URL (no session there)."""
    return signing.dumps(user.pk, salt=SALT)


def user_for_token(token: str):
    from django.contrib.auth import get_user_model

    try:
        pk = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=pk, is_active=True).first()


def _event(uid: str, day: datetime.date, summary: str, description: str, url: str) -> Event:
    event = Event()
    event.add("uid", f"{uid}@frontline-lms")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("url", url)
    return event


def calendar_for(user) -> bytes:
    base = conf.public_base_url()
    cal = Calendar()
    cal.add("prodid", "-//Frontline LMS//Training calendar//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "My training")
    for e in (
        Enrolment.objects.filter(user=user, due_date__isnull=False)
        .exclude(state=Enrolment.State.COMPLETED)
        .select_related("course")
    ):
        cal.add_component(
            _event(
                f"due-{e.pk}",
                e.due_date,
                f"Due: {e.course.title}",
                "Finish this course by today.",
                base + e.course.url,
            )
        )
    for c in (
        Certificate.objects.current().filter(holder=user, expires_on__isnull=False).select_related("course")
    ):
        url = base + (c.course.url if c.course else reverse("lms:my_training"))
        cal.add_component(
            _event(
                f"expiry-{c.pk}",
                c.expires_on,
                f"Certificate expires: {c.course_title}",
                "Renew it before today to stay certified.",
                url,
            )
        )
        renew_by = c.expires_on - datetime.timedelta(days=30)
        if renew_by >= timezone.localdate():
            cal.add_component(
                _event(
                    f"renew-{c.pk}",
                    renew_by,
                    f"Start renewing: {c.course_title}",
                    "Your certificate expires in 30 days.",
                    url,
                )
            )
    return cal.to_ical()
