"""My training: what an employee sees of their own courses and certificates, as a page, a spreadsheet and
a calendar."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from attestation import selectors as attestation_selectors
from boosters.models import BoosterProfile, BoosterSchedule
from certificates import leaders_first
from certificates.models import Certificate
from certificates.selectors import my_certificates
from courses import selectors
from evidence.summaries import my_followups
from lms.core import conf, roles
from lms.core.notifications import service as notifications
from lms.site.calendar import feed_token
from quizzes.selectors import review_count

# Unread messages My training lists (newest first); the rest are a click away on the messages page.
NOTICES_SHOWN = 10


def _boosters_due(user) -> bool:
    """Whether a booster set waits (or is ready to be drawn) in a course the person holds a valid
    certificate in, unless they paused boosters. Read only: the boosters page draws the set."""
    if BoosterProfile.objects.filter(user=user, paused_at__isnull=False).exists():
        return False
    held = Certificate.objects.valid_on(timezone.localdate()).filter(holder=user).values("course_id")
    schedules = BoosterSchedule.objects.filter(user=user, course_id__in=held)
    return (
        schedules.filter(next_set_at__lte=timezone.now()).exists() or schedules.exclude(pending=[]).exists()
    )


def _to_do(user, *, policy_updates) -> list[dict]:
    """What waits for the person besides their courses, one line each with where to do it."""
    lines = []
    if policy_updates:
        count = len(policy_updates)
        lines.append(
            {
                "kind": "policy_updates",
                "url": reverse("lms:policy_updates"),
                "text": ngettext(
                    "%(count)d policy update to read and confirm",
                    "%(count)d policy updates to read and confirm",
                    count,
                )
                % {"count": count},
            }
        )
    questions = attestation_selectors.questions_for(user).count()
    if questions:
        lines.append(
            {
                "kind": "policy_questions",
                "url": reverse("lms:policy_questions"),
                "text": ngettext(
                    "%(count)d question about a policy is waiting for your answer",
                    "%(count)d questions about a policy are waiting for your answer",
                    questions,
                )
                % {"count": questions},
            }
        )
    reviews = review_count(user=user) if roles.is_leader(user) else 0
    if reviews:
        lines.append(
            {
                "kind": "reviews",
                "url": reverse("lms:reviews"),
                "text": ngettext(
                    "%(count)d assessment answer is waiting for your review",
                    "%(count)d assessment answers are waiting for your review",
                    reviews,
                )
                % {"count": reviews},
            }
        )
    if _boosters_due(user):
        lines.append(
            {
                "kind": "boosters",
                "url": reverse("lms:boosters"),
                "text": _("Booster questions are ready for you"),
            }
        )
    return lines


@login_required
def my_training(request):
    rows = selectors.my_training(user=request.user)
    today = timezone.localdate()
    soon = conf.get("LMS_DUE_SOON_DAYS")
    active = [(e, p) for e, p in rows if not e.standing.is_done]
    finished = [(e, p) for e, p in rows if e.standing.is_done]
    waiting_on_me = leaders_first.waiting_on(request.user)
    followups = my_followups(request.user)
    policy_updates = attestation_selectors.due_for(request.user)
    to_do = _to_do(request.user, policy_updates=policy_updates)
    return render(
        request,
        "lms_site/my_training.html",
        {
            "active": active,
            "finished": finished,
            "overdue_count": sum(1 for e, _ in active if e.standing.overdue),
            "waiting_on_me": waiting_on_me,
            "to_do": to_do,
            # "Nothing to do" only when truly nothing waits: no course, no call, no line, no follow-up.
            "nothing_to_do": not (active or waiting_on_me or to_do or followups["open"]),
            "today": today,
            "due_soon_days": soon,
            "certificates": my_certificates(request.user),
            "followups": followups,
            "policy_updates": policy_updates,
            "notices": notifications.unread_for(request.user)[:NOTICES_SHOWN],
            "notices_unread": notifications.unread_count(request.user),
            "calendar_feed": request.build_absolute_uri(
                reverse("lms:calendar_feed", kwargs={"token": feed_token(request.user)})
            ),
        },
    )


@login_required
def calendar_download(request):
    from django.http import HttpResponse

    from lms.site.calendar import calendar_for

    response = HttpResponse(calendar_for(request.user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-training.ics"'
    return response


def calendar_feed(request, token):
    from django.http import Http404, HttpResponse

    from lms.site.calendar import calendar_for, user_for_token

    user = user_for_token(token)
    if user is None:
        raise Http404(_("This calendar link is not valid."))
    return HttpResponse(calendar_for(user), content_type="text/calendar; charset=utf-8")


@login_required
def my_training_export(request):
    from lms.site.exports import table_download

    rows = []
    for enrolment, progress in selectors.my_training(user=request.user):
        rows.append(
            [
                enrolment.course.title,
                enrolment.get_state_display(),
                progress.percent,
                enrolment.due_date.isoformat() if enrolment.due_date else "",
                _("yes") if enrolment.is_overdue else "",
                progress.next_module.title if progress.next_module else "",
            ]
        )
    for c in my_certificates(request.user):
        rows.append(
            [
                c.course_title,
                _("Certificate: %(status)s") % {"status": c.status},
                "",
                c.expires_on.isoformat() if c.expires_on else "",
                "",
                "",
            ]
        )
    today = timezone.localdate()
    for action in my_followups(request.user)["open"]:
        rows.append(
            [
                action.text,
                _("Follow-up after a service check"),
                "",
                action.due_on.isoformat(),
                _("yes") if action.due_on < today else "",
                "",
            ]
        )
    headers = [_("Course"), _("State"), _("Progress %"), _("Due / expires"), _("Overdue"), _("Next module")]
    fmt = "csv" if request.GET.get("format") == "csv" else "xlsx"
    return table_download(headers, rows, fmt, filename="my-training", title=_("My training"))
