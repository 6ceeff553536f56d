"""My training: what an employee sees of their own courses and certificates, as a page, a spreadsheet and
a calendar."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from attestation import selectors as attestation_selectors
from certificates import leaders_first
from certificates.selectors import my_certificates
from courses import selectors
from evidence.summaries import my_followups
from lms.core import conf
from lms.core.notifications import service as notifications
from lms.site.calendar import feed_token

# Unread messages My training lists (newest first); the rest are a click away on the messages page.
NOTICES_SHOWN = 10


@login_required
def my_training(request):
    rows = selectors.my_training(user=request.user)
    today = timezone.localdate()
    soon = conf.get("LMS_DUE_SOON_DAYS")
    active = [(e, p) for e, p in rows if not e.standing.is_done]
    finished = [(e, p) for e, p in rows if e.standing.is_done]
    return render(
        request,
        "lms_site/my_training.html",
        {
            "active": active,
            "finished": finished,
            "overdue_count": sum(1 for e, _ in active if e.standing.overdue),
            "waiting_on_me": leaders_first.waiting_on(request.user),
            "today": today,
            "due_soon_days": soon,
            "certificates": my_certificates(request.user),
            "followups": my_followups(request.user),
            "policy_updates": attestation_selectors.due_for(request.user),
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
