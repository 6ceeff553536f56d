"""The words of each notification, in one place: one function per kind, called by the app that knows the
moment (courses for assignments, assessments for reviews, certificates for issue and expiry, the daily
jobs for due dates and digests). They take plain values and people, never a higher app's objects, and
return the notification (None when that occasion was already announced).

The voice: plain, warm and practical. Say what happened, what it means, and the one thing to do next.
"""

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..names import display_name
from .kinds import Kind
from .service import notify

# Rows of each list a leader's digest shows; the rest are counted ("and 12 more").
DIGEST_ROWS = 20


def _day(value: datetime.date | None) -> str:
    return date_format(value, "j F Y") if value else ""


def _days(n: int) -> str:
    return f"{n} day{'' if n == 1 else 's'}"


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
    who = display_name(assigned_by) or "Your team leader"
    due = f", due by {_day(due_date)}" if due_date else ""
    return notify(
        recipient=learner,
        kind=Kind.ASSIGNED,
        subject=f"New training for you: “{course_title}”" + (f" (due {_day(due_date)})" if due_date else ""),
        text=f"{who} has assigned you “{course_title}”{due}.",
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
    when = "today" if days_left <= 0 else ("tomorrow" if days_left == 1 else f"in {_days(days_left)}")
    return notify(
        recipient=learner,
        kind=Kind.DUE_SOON,
        subject=f"“{course_title}” is due {when}",
        text=f"“{course_title}” is due {when}, on {_day(due_date)}. Next: {next_step}",
        link=course_link,
        context={
            "course_title": course_title,
            "due": _day(due_date),
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
    return notify(
        recipient=learner,
        kind=Kind.OVERDUE,
        subject=f"“{course_title}” is overdue",
        text=f"“{course_title}” was due on {_day(due_date)}. It still counts: pick up where you left off. "
        f"Next: {next_step}",
        link=course_link,
        context={
            "course_title": course_title,
            "due": _day(due_date),
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
    valid = f" It is valid until {_day(expires_on)}." if expires_on else ""
    return notify(
        recipient=holder,
        kind=Kind.CERTIFICATE_ISSUED,
        subject=f"Your certificate in “{course_title}” is ready",
        text=f"Well done: your certificate in “{course_title}” has been issued.{valid} "
        "Download the PDF or share its public check.",
        link=certificate_link,
        context={
            "course_title": course_title,
            "expires": _day(expires_on),
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
    then = (
        " That was the last review: your result is ready."
        if finished
        else " Your result is ready once the rest is reviewed."
    )
    return notify(
        recipient=learner,
        kind=Kind.REVIEWED,
        subject=f"{who} has graded your reply in “{course_title}”",
        text=f"{who} graded your written reply: {points} of {out_of} points. “{comment}”{then}",
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
    then = (
        " That was the last review: your result is ready."
        if finished
        else " Your result is ready once the rest is reviewed."
    )
    return notify(
        recipient=learner,
        kind=Kind.REVIEWED,
        subject=f"{who} has signed off your observation in “{course_title}”",
        text=f"{who} watched you at work and signed off every behaviour on your checklist.{then}",
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
    how = (
        f"The short refresher “{renew_title}” renews it."
        if is_refresher
        else "Retaking the course renews it."
    )
    return notify(
        recipient=holder,
        kind=Kind.EXPIRING,
        subject=f"Your “{course_title}” certificate expires on {_day(expires_on)}",
        text=f"Your certificate in “{course_title}” expires in {_days(days_left)}, on {_day(expires_on)}. "
        f"{how}",
        link=renew_link,
        context={
            "course_title": course_title,
            "expires": _day(expires_on),
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
    return notify(
        recipient=leader,
        kind=Kind.TEAM_EXPIRING,
        subject=f"{name}'s “{course_title}” certificate expires on {_day(expires_on)}",
        text=f"{name}'s certificate in “{course_title}” expires in {_days(days_left)}, on "
        f"{_day(expires_on)}. As their team leader, you can plan time for renewing it.",
        link=member_link,
        context={
            "course_title": course_title,
            "holder": name,
            "holder_first_name": _first_name(holder),
            "expires": _day(expires_on),
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
    parts = []
    if reviews_total:
        parts.append(f"{reviews_total} review{'' if reviews_total == 1 else 's'} waiting for you")
    if overdue:
        parts.append(f"{people} {'person' if people == 1 else 'people'} overdue")
    summary = " and ".join(parts)
    return notify(
        recipient=leader,
        kind=Kind.LEADER_DIGEST,
        subject=f"Your team today: {summary}",
        text=f"{summary[0].upper()}{summary[1:]}. "
        + ("Reviews come first: people are waiting to hear. " if reviews_total else "")
        + ("A word from you helps overdue training get done." if overdue else ""),
        link=reviews_link if reviews_total else team_link,
        context={
            "day": _day(day),
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
    who = display_name(invited_by) or _("HR")
    where = organisation or _("your organisation")
    until = _day(valid_until.date() if isinstance(valid_until, datetime.datetime) else valid_until)
    return notify(
        recipient=person,
        kind=Kind.INVITATION,
        subject=_("Your training account at %(where)s is ready") % {"where": where},
        text=_(
            "%(who)s has set up your training account. Choose a password to sign in and see your "
            "training. The link works once, until %(until)s."
        )
        % {"who": who, "until": until},
        link=set_password_link,
        context={
            "invited_by": who,
            "organisation": where,
            "valid_until": until,
            "username": username,
        },
    )
