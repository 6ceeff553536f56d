"""Customer feedback: one-use survey links (no sign-in), results imported from any survey tool as CSV
(all or nothing, every bad row listed), comments tagged with skills by the leader. CSAT is the share of 4s
and 5s."""

import csv
import datetime
import io
import secrets
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from courses.models import Skill
from lms.core import audit, versions
from lms.core.exceptions import Forbidden, LMSError, NotFound
from lms.core.roles import is_hr, leads

from .models import SurveyLink, SurveyResponse

LINK_DAYS = 14
MAX_COMMENT = 2000
MAX_ROWS = 20_000
COLUMNS = ("employee", "rating", "resolved", "comment", "received", "reference")


def csat(ratings) -> int | None:
    """The share (0–100) of ratings that are 4 or 5."""
    ratings = list(ratings)
    return round(100 * sum(r >= 4 for r in ratings) / len(ratings)) if ratings else None


def create_link(*, by, employee, reference: str = "") -> SurveyLink:
    """A one-use link for the customer of one contact; the employee, their leader or HR make it."""
    if not (by.pk == employee.pk or is_hr(by) or leads(by, employee)):
        raise Forbidden(
            _("You can make survey links for your own contacts or your team's."), code="not_your_team"
        )
    reference = (reference or "").strip()
    if len(reference) > 100:
        raise LMSError(_("Keep the reference to 100 characters."), code="invalid_reference")
    return SurveyLink.objects.create(
        token=secrets.token_urlsafe(24),  # 192 bits: unguessable
        employee=employee,
        created_by=by,
        reference=reference,
        expires_at=timezone.now() + datetime.timedelta(days=LINK_DAYS),
    )


def open_link(token: str) -> SurveyLink:
    link = (
        SurveyLink.objects.select_related("employee").filter(token=token).first()
        if len(token) <= 64
        else None
    )
    if link is None:
        raise NotFound(
            _("This survey link is not known. Check it was copied in full."), code="survey_not_found"
        )
    if link.used_at is not None:
        raise LMSError(_("This survey has already been answered. Thank you."), code="survey_used", status=410)
    if link.expires_at <= timezone.now():
        raise LMSError(_("This survey link has expired."), code="survey_expired", status=410)
    return link


def _clean(rating, resolved, comment) -> tuple[int, bool | None, str]:
    try:
        rating = int(str(rating).strip())
    except (TypeError, ValueError):
        rating = None
    if rating is None or not 1 <= rating <= 5:
        raise LMSError(_("Choose a rating from 1 to 5."), code="invalid_rating")
    text = str(resolved).strip().lower() if resolved is not None else ""
    if text in ("yes", "true", "1", "y"):
        resolved = True
    elif text in ("no", "false", "0", "n"):
        resolved = False
    elif text == "":
        resolved = None
    else:
        raise LMSError(_("“Was it resolved?” is yes or no."), code="invalid_resolved")
    comment = str(comment or "").strip()
    if len(comment) > MAX_COMMENT:
        raise LMSError(
            _("Keep the comment to %(max)s characters.") % {"max": MAX_COMMENT}, code="invalid_comment"
        )
    return rating, resolved, comment


@transaction.atomic
def answer(*, token: str, rating, resolved, comment) -> SurveyResponse:
    """The customer's one answer: a second use of the link is refused, even in parallel."""
    rating, resolved, comment = _clean(rating, resolved, comment)
    link = open_link(token)
    link = SurveyLink.objects.select_for_update().get(pk=link.pk)
    if link.used_at is not None:
        raise LMSError(_("This survey has already been answered. Thank you."), code="survey_used", status=410)
    link.used_at = timezone.now()
    link.save(update_fields=["used_at"])
    return SurveyResponse.objects.create(
        employee=link.employee,
        rating=rating,
        resolved=resolved,
        comment=comment,
        received_at=link.used_at,
        source=SurveyResponse.Source.LINK,
        link=link,
        reference=link.reference,
    )


@dataclass
class ImportReport:
    rows: int = 0
    errors: list[str] = field(default_factory=list)
    created: int = 0
    dry_run: bool = True

    @property
    def ok(self) -> bool:
        return not self.errors


def import_csv(*, upload, by, dry_run: bool, origin: audit.Origin | None = None) -> ImportReport:
    """Survey results as CSV (employee, rating, resolved, comment, received, reference): every row valid
    or nothing imported, and every bad row named."""
    if not is_hr(by):
        raise Forbidden(_("Survey results are imported by HR."), code="hr_only")
    report = ImportReport(dry_run=dry_run)
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        report.errors.append(_("The file is not UTF-8 text: save it as “CSV UTF-8” and try again."))
        return report
    if "\x00" in text:
        # No database stores it in text (PostgreSQL refuses it): not a CSV export of a survey tool.
        report.errors.append(_("The file contains NUL characters: export it from the survey tool as CSV."))
        return report
    reader = csv.DictReader(io.StringIO(text))
    rows = []
    try:
        headers = [h.strip().lower() for h in (reader.fieldnames or [])]
        missing = [c for c in ("employee", "rating", "received") if c not in headers]
        if missing:
            report.errors.append(_("The file needs the columns %(list)s.") % {"list": ", ".join(missing)})
            return report
        for number, raw in enumerate(reader, start=2):
            if number - 1 > MAX_ROWS:
                report.errors.append(_("At most %(max)s rows per file.") % {"max": MAX_ROWS})
                return report
            # Cells past the header row (DictReader keeps them as a list under None) are ignored.
            rows.append(
                (number, {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k is not None})
            )
    except csv.Error as error:  # a cell over the csv module's size limit, a stray quote…
        report.errors.append(
            _("Row %(n)s: the file cannot be read as CSV (%(error)s).")
            % {"n": reader.line_num, "error": error}
        )
        return report
    report.rows = len(rows)
    keys = {r["employee"].lower() for _n, r in rows if r.get("employee")}
    people = {}
    for user in (
        get_user_model()
        .objects.filter(Q(username__in=keys) | Q(email__in=keys) | Q(lms_profile__employee_id__in=keys))
        .select_related("lms_profile")
    ):
        for key in (
            user.username,
            user.email,
            getattr(getattr(user, "lms_profile", None), "employee_id", None),
        ):
            if key:
                people[key.lower()] = user
    responses = []
    for number, row in rows:
        person = people.get(row.get("employee", "").lower())
        if person is None:
            report.errors.append(
                _("Row %(n)s: nobody has the username, email or employee id “%(who)s”.")
                % {"n": number, "who": row.get("employee", "")}
            )
            continue
        received = parse_datetime(row.get("received", "")) or (
            datetime.datetime.combine(d, datetime.time(12))
            if (d := parse_date(row.get("received", "")))
            else None
        )
        if received is None:
            report.errors.append(_("Row %(n)s: “received” is a date such as 2026-03-14.") % {"n": number})
            continue
        received = timezone.make_aware(received) if timezone.is_naive(received) else received
        if received > timezone.now():
            report.errors.append(_("Row %(n)s: “received” is in the future.") % {"n": number})
            continue
        try:
            rating, resolved, comment = _clean(row.get("rating"), row.get("resolved"), row.get("comment"))
        except LMSError as exc:
            report.errors.append(_("Row %(n)s: %(error)s") % {"n": number, "error": exc.message})
            continue
        reference = row.get("reference", "")[:100]
        responses.append(
            SurveyResponse(
                employee=person,
                rating=rating,
                resolved=resolved,
                comment=comment,
                received_at=received,
                source=SurveyResponse.Source.IMPORT,
                reference=reference,
            )
        )
    if report.errors or dry_run:
        return report
    with transaction.atomic():
        SurveyResponse.objects.bulk_create(responses)
        from .trends import TRENDS_VERSION  # here: the trends read this module's CSAT

        versions.bump(TRENDS_VERSION)  # bulk_create sends no signal
        audit.record(actor=by, verb="surveys.import", data={"rows": len(responses)}, origin=origin)
    report.created = len(responses)
    return report


def tag_skills(*, response: SurveyResponse, by, skill_ids: list[int]) -> SurveyResponse:
    """The leader (or HR) says which skills a comment is about."""
    if not (is_hr(by) or leads(by, response.employee)):
        raise Forbidden(_("Only the employee's leader or HR can tag this comment."), code="not_your_team")
    skills = list(Skill.objects.filter(pk__in=skill_ids))
    if len(skills) != len(set(skill_ids)):
        raise LMSError(_("One of those skills does not exist."), code="unknown_skill")
    response.skills.set(skills)
    return response
