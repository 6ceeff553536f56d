"""The words of each notification, in one place: one function per kind, called by the app that knows the
moment (courses for assignments, assessments for reviews, certificates for issue and expiry, the daily
jobs for due dates and digests). They take plain values and people, never a higher app's objects, and
return the notification (None when that occasion was already announced).

The voice: plain, warm and practical. Say what happened, what it means, and the one thing to do next.
"""

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from ..languages import in_language_of
from ..names import display_name
from .kinds import Kind
from .service import notify

# Rows of each list a leader's digest shows; the rest are counted ("and 12 more").
DIGEST_ROWS = 20


def _day(value: datetime.date | None) -> str:
    # The format is translatable: "24 December 2026" in English, "24 de diciembre de 2026" in Spanish.
    return date_format(value, pgettext("date in a notification", "j F Y")) if value else ""


def _days(n: int) -> str:
    return ngettext("%(n)s day", "%(n)s days", n) % {"n": n}


def _then(finished: bool) -> str:
    if finished:
        return _("That was the last review: your result is ready.")
    return _("Your result is ready once the rest is reviewed.")


def _first_name(user) -> str:
    return user.first_name or display_name(user)


def course_assigned(
    *,
    learner,
    assigned_by,
    enrolment_id: int,
    course_title: str,
    course_link: str,
    due_date: datetime.date | None,
):
    """A course was assigned (or its due date changed); once per enrolment and due date."""
    with in_language_of(learner):
        who = display_name(assigned_by) or _("Your team leader")
        values = {"who": who, "course": course_title, "due": _day(due_date)}
        if due_date:
            subject = _("New training for you: “%(course)s” (due %(due)s)") % values
            text = _("%(who)s has assigned you “%(course)s”, due by %(due)s.") % values
        else:
            subject = _("New training for you: “%(course)s”") % values
            text = _("%(who)s has assigned you “%(course)s”.") % values
    return notify(
        recipient=learner,
        kind=Kind.ASSIGNED,
        subject=subject,
        text=text,
        link=course_link,
        context={
            "course_title": course_title,
            "assigned_by": who,
            "due": _day(due_date),
            "enrolment": enrolment_id,
        },
        occasion=f"enrolment:{enrolment_id}:due:{due_date.isoformat() if due_date else 'none'}",
    )


def course_due_soon(
    *,
    learner,
    enrolment_id: int,
    course_title: str,
    course_link: str,
    due_date: datetime.date,
    days_left: int,
    next_step: str,
):
    with in_language_of(learner):
        if days_left <= 0:
            when = _("today")
        elif days_left == 1:
            when = _("tomorrow")
        else:
            when = ngettext("in %(n)s day", "in %(n)s days", days_left) % {"n": days_left}
        values = {"course": course_title, "when": when, "due": _day(due_date), "next": next_step}
        subject = _("“%(course)s” is due %(when)s") % values
        text = _("“%(course)s” is due %(when)s, on %(due)s. Next: %(next)s") % values
        due = _day(due_date)
    return notify(
        recipient=learner,
        kind=Kind.DUE_SOON,
        subject=subject,
        text=text,
        link=course_link,
        context={
            "course_title": course_title,
            "due": due,
            "when": when,
            "next_step": next_step,
            "enrolment": enrolment_id,
        },
        occasion=f"enrolment:{enrolment_id}:due:{due_date.isoformat()}",
    )


def course_overdue(
    *,
    learner,
    enrolment_id: int,
    course_title: str,
    course_link: str,
    due_date: datetime.date,
    next_step: str,
):
    with in_language_of(learner):
        values = {"course": course_title, "due": _day(due_date), "next": next_step}
        subject = _("“%(course)s” is overdue") % values
        text = (
            _("“%(course)s” was due on %(due)s. It still counts: pick up where you left off. Next: %(next)s")
            % values
        )
    return notify(
        recipient=learner,
        kind=Kind.OVERDUE,
        subject=subject,
        text=text,
        link=course_link,
        context={
            "course_title": course_title,
            "due": values["due"],
            "next_step": next_step,
            "enrolment": enrolment_id,
        },
        occasion=f"enrolment:{enrolment_id}:due:{due_date.isoformat()}",
    )


def certificate_issued(
    *,
    holder,
    certificate_id: int,
    course_title: str,
    certificate_link: str,
    pdf_link: str,
    expires_on: datetime.date | None,
):
    with in_language_of(holder):
        values = {"course": course_title, "until": _day(expires_on)}
        subject = _("Your certificate in “%(course)s” is ready") % values
        text = " ".join(
            part
            for part in (
                _("Well done: your certificate in “%(course)s” has been issued.") % values,
                _("It is valid until %(until)s.") % values if expires_on else "",
                _("Download the PDF or share its public check."),
            )
            if part
        )
    return notify(
        recipient=holder,
        kind=Kind.CERTIFICATE_ISSUED,
        subject=subject,
        text=text,
        link=certificate_link,
        context={
            "course_title": course_title,
            "expires": values["until"],
            "pdf_link": pdf_link,
            "certificate": certificate_id,
        },
        occasion=f"certificate:{certificate_id}",
    )


def reply_graded(
    *,
    learner,
    reviewer,
    review_id: int,
    course_title: str,
    attempt_link: str,
    points: int,
    out_of: int,
    comment: str,
    finished: bool,
):
    """A leader graded a written reply; ``finished`` when that was the last thing the attempt waited for."""
    who = display_name(reviewer)
    with in_language_of(learner):
        values = {"who": who, "course": course_title, "points": points, "out_of": out_of, "comment": comment}
        subject = _("%(who)s has graded your reply in “%(course)s”") % values
        text = (
            _("%(who)s graded your written reply: %(points)s of %(out_of)s points. “%(comment)s”") % values
            + " "
            + _then(finished)
        )
    return notify(
        recipient=learner,
        kind=Kind.REVIEWED,
        subject=subject,
        text=text,
        link=attempt_link,
        context={
            "course_title": course_title,
            "reviewer": who,
            "points": points,
            "out_of": out_of,
            "comment": comment,
            "finished": finished,
        },
        occasion=f"review:{review_id}",
    )


def observation_signed_off(
    *,
    learner,
    reviewer,
    review_id: int,
    course_title: str,
    attempt_link: str,
    behaviours: list[str],
    note: str,
    finished: bool,
):
    who = display_name(reviewer)
    with in_language_of(learner):
        values = {"who": who, "course": course_title}
        subject = _("%(who)s has signed off your observation in “%(course)s”") % values
        text = (
            _("%(who)s watched you at work and signed off every behaviour on your checklist.") % values
            + " "
            + _then(finished)
        )
    return notify(
        recipient=learner,
        kind=Kind.REVIEWED,
        subject=subject,
        text=text,
        link=attempt_link,
        context={
            "course_title": course_title,
            "reviewer": who,
            "behaviours": list(behaviours),
            "note": note,
            "finished": finished,
        },
        occasion=f"review:{review_id}",
    )


def certificate_expiring(
    *,
    holder,
    certificate_id: int,
    threshold: int,
    course_title: str,
    expires_on: datetime.date,
    days_left: int,
    renew_link: str,
    renew_title: str,
    is_refresher: bool,
    leader=None,
):
    """Reminder to the holder at a threshold (60, 30, 7 days); once per certificate and threshold."""
    with in_language_of(holder):
        values = {
            "course": course_title,
            "on": _day(expires_on),
            "days": _days(days_left),
            "renew": renew_title,
        }
        how = (
            _("The short refresher “%(renew)s” renews it.") % values
            if is_refresher
            else _("Retaking the course renews it.")
        )
        subject = _("Your “%(course)s” certificate expires on %(on)s") % values
        text = _("Your certificate in “%(course)s” expires in %(days)s, on %(on)s.") % values + " " + how
    return notify(
        recipient=holder,
        kind=Kind.EXPIRING,
        subject=subject,
        text=text,
        link=renew_link,
        context={
            "course_title": course_title,
            "expires": values["on"],
            "days_left": days_left,
            "renew_title": renew_title,
            "is_refresher": is_refresher,
            "leader": display_name(leader) if leader else "",
            "certificate": certificate_id,
        },
        occasion=f"certificate:{certificate_id}:expiry:{threshold}",
    )


def team_certificate_expiring(
    *,
    leader,
    holder,
    certificate_id: int,
    threshold: int,
    course_title: str,
    expires_on: datetime.date,
    days_left: int,
    member_link: str,
):
    """The same reminder to the holder's team leader, so they can plan time for the renewal."""
    name = display_name(holder)
    with in_language_of(leader):
        values = {"name": name, "course": course_title, "on": _day(expires_on), "days": _days(days_left)}
        subject = _("%(name)s's “%(course)s” certificate expires on %(on)s") % values
        text = (
            _(
                "%(name)s's certificate in “%(course)s” expires in %(days)s, on %(on)s. As their team "
                "leader, you can plan time for renewing it."
            )
            % values
        )
    return notify(
        recipient=leader,
        kind=Kind.TEAM_EXPIRING,
        subject=subject,
        text=text,
        link=member_link,
        context={
            "course_title": course_title,
            "holder": name,
            "holder_first_name": _first_name(holder),
            "expires": values["on"],
            "days_left": days_left,
            "certificate": certificate_id,
        },
        occasion=f"certificate:{certificate_id}:expiry:{threshold}",
    )


def leader_digest(
    *,
    leader,
    day: datetime.date,
    reviews: list[dict],
    reviews_total: int,
    overdue: list[dict],
    reviews_link: str,
    team_link: str,
):
    """A leader's day in one message: reviews waiting for them and people overdue in their teams.

    ``reviews``: the oldest few, each ``{"person", "course", "kind", "waiting_since"}``; ``overdue``: every
    overdue assignment, each ``{"person", "course", "due"}``, the first ``DIGEST_ROWS`` shown. Sent only
    when there is something to say; once a day."""
    if not reviews_total and not overdue:
        return None
    people = len({row["person"] for row in overdue})
    with in_language_of(leader):
        waiting = ngettext("%(n)s review waiting for you", "%(n)s reviews waiting for you", reviews_total) % {
            "n": reviews_total
        }
        late = ngettext("%(n)s person overdue", "%(n)s people overdue", people) % {"n": people}
        if reviews_total and overdue:
            summary = _("%(reviews)s and %(overdue)s") % {"reviews": waiting, "overdue": late}
        else:
            summary = waiting if reviews_total else late
        subject = _("Your team today: %(summary)s") % {"summary": summary}
        text = (
            f"{summary[0].upper()}{summary[1:]}. "
            + (_("Reviews come first: people are waiting to hear.") + " " if reviews_total else "")
            + (_("A word from you helps overdue training get done.") if overdue else "")
        )
        day_text = _day(day)
    return notify(
        recipient=leader,
        kind=Kind.LEADER_DIGEST,
        subject=subject,
        text=text,
        link=reviews_link if reviews_total else team_link,
        context={
            "day": day_text,
            "reviews": reviews,
            "reviews_total": reviews_total,
            "reviews_more": max(reviews_total - len(reviews), 0),
            "overdue": overdue[:DIGEST_ROWS],
            "overdue_more": max(len(overdue) - DIGEST_ROWS, 0),
            "overdue_people": people,
            "reviews_link": reviews_link,
            "team_link": team_link,
        },
        occasion=f"digest:{day.isoformat()}",
    )


def nudge(*, recipient, sender, nudge_id: int, message: str, course_title: str, training_link: str):
    """A leader's (or HR's) short note to one person; once per nudge."""
    with in_language_of(recipient):
        who = display_name(sender) or _("Your team leader")
        subject = (
            _("A note from %(who)s about “%(course)s”") % {"who": who, "course": course_title}
            if course_title
            else _("A note from %(who)s about your training") % {"who": who}
        )
    return notify(
        recipient=recipient,
        kind=Kind.NUDGE,
        subject=subject,
        text=message,
        link=training_link,
        context={"sender": who, "message": message, "course_title": course_title},
        occasion=f"nudge:{nudge_id}",
    )


def invitation(
    *,
    person,
    invited_by,
    organisation: str,
    set_password_link: str,
    valid_until: datetime.datetime,
    username: str,
):
    """An invitation to set a first password: always emailed (the person cannot sign in to read it in the
    app yet). Each send is its own notification: a resend is a new link, the old one stops working."""
    with in_language_of(person):
        who = display_name(invited_by) or _("HR")
        where = organisation or _("your organisation")
        until = _day(valid_until.date() if isinstance(valid_until, datetime.datetime) else valid_until)
        subject = _("Your training account at %(where)s is ready") % {"where": where}
        text = _(
            "%(who)s has set up your training account. Choose a password to sign in and see your "
            "training. The link works once, until %(until)s."
        ) % {"who": who, "until": until}
    return notify(
        recipient=person,
        kind=Kind.INVITATION,
        subject=subject,
        text=text,
        link=set_password_link,
        context={
            "invited_by": who,
            "organisation": where,
            "valid_until": until,
            "username": username,
        },
    )
