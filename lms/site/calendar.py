"""Due dates, expiries and follow-ups as iCalendar, for whatever calendar a person already uses."""

import datetime

from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from certificates.models import Certificate
from courses.models import Enrolment
from evidence.models import CoachingAction
from lms.core import conf
from lms.core.languages import in_language_of

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
    """The person's calendar feed, in their profile's language (a calendar app fetches it, not a browser)."""
    with in_language_of(user):
        return _calendar_for(user)


def _calendar_for(user) -> bytes:
    base = conf.public_base_url()
    cal = Calendar()
    cal.add("prodid", "-//Frontline LMS//Training calendar//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("My training"))
    for e in (
        Enrolment.objects.filter(user=user, due_date__isnull=False)
        .exclude(state=Enrolment.State.COMPLETED)
        .select_related("course")
    ):
        cal.add_component(
            _event(
                f"due-{e.pk}",
                e.due_date,
                _("Due: %(course)s") % {"course": e.course.title},
                _("Finish this course by today."),
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
                _("Certificate expires: %(course)s") % {"course": c.course_title},
                _("Renew it before today to stay certified."),
                url,
            )
        )
        renew_by = c.expires_on - datetime.timedelta(days=30)
        if renew_by >= timezone.localdate():
            cal.add_component(
                _event(
                    f"renew-{c.pk}",
                    renew_by,
                    _("Start renewing: %(course)s") % {"course": c.course_title},
                    _("Your certificate expires in 30 days."),
                    url,
                )
            )
    # Coaching follow-ups agreed on service checks, in the person's own calendar like their courses.
    for action in CoachingAction.objects.filter(owner=user, done_at__isnull=True):
        cal.add_component(
            _event(
                f"followup-{action.pk}",
                action.due_on,
                _("Follow-up: %(action)s") % {"action": action.text},
                _("Agreed after a service check."),
                base + reverse("lms:check", args=[action.check_record_id]),
            )
        )
    return cal.to_ical()
