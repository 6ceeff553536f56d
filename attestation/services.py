"""Changing re-attestations and questions: flag certificates when a policy changes materially, confirm a
new version (answers checked here), HR's opening for everyone, the daily reminders, and questions
routed up the team tree. Keyword-only, atomic; refusals are ``LMSError``s naming what is wrong."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from certificates.models import Certificate
from courses.models import Policy
from courses.models.snippets import PolicyVersion
from lms.core import audit, conf, roles, versions
from lms.core.exceptions import LMSError, NotFound
from lms.core.languages import in_language_of
from lms.core.models import Profile
from lms.core.names import display_name
from lms.core.notifications.kinds import Kind
from lms.core.notifications.service import notify
from lms.core.teams import all_teams, leader_above

from . import rules, selectors
from .models import Attestation, OpenForEveryone, PolicyQuestion


class Refused(LMSError):
    code = "not_allowed"
    status = 403


class Invalid(LMSError):
    code = "invalid"
    status = 400


def _today() -> datetime.date:
    return timezone.localdate()


def _tell(*, recipient, kind, subject: str, text: str, link: str, occasion: str):
    return notify(
        recipient=recipient,
        kind=kind,
        subject=subject,
        text=text,
        link=link,
        context={"sender": _("Policy updates"), "message": text, "course_title": ""},
        occasion=occasion,
    )


# --- A material change --------------------------------------------------------------------------------------


@transaction.atomic
def flag_material_change(*, version: PolicyVersion, today: datetime.date | None = None) -> int:
    """Every current certificate that covered an older version of the policy owes a confirmation of
    ``version`` within LMS_ATTESTATION_DAYS. Minor changes flag nothing. Returns how many were flagged;
    running it again flags nothing twice."""
    if not version.is_material:
        return 0
    today = today or _today()
    due_on = today + datetime.timedelta(days=int(conf.get("LMS_ATTESTATION_DAYS")))
    slug = version.policy.slug
    flagged = []
    for certificate in (
        Certificate.objects.valid_on(today).only("pk", "holder_id", "policy_versions").iterator()
    ):
        for entry in certificate.policy_versions or []:
            if entry.get("slug") == slug and (entry.get("version") or 0) < version.version:
                flagged.append(certificate)
                break
    # A confirmation still owed for an older version is replaced by this one.
    pending = selectors.pending().filter(policy=version.policy, policy_version__version__lt=version.version)
    pending.update(superseded=True)
    Attestation.objects.bulk_create(
        [
            Attestation(
                certificate_id=c.pk,
                holder_id=c.holder_id,
                policy=version.policy,
                policy_version=version,
                due_on=due_on,
            )
            for c in flagged
        ],
        ignore_conflicts=True,
    )
    versions.bump(selectors.DUE_VERSION)  # update() and bulk_create send no signal
    return len(flagged)


def on_policy_version(version: PolicyVersion) -> None:
    """The ``lms_policy_version_published`` hook."""
    flag_material_change(version=version)


# --- Confirming ---------------------------------------------------------------------------------------------


def get_version(version_id: int) -> PolicyVersion:
    version = PolicyVersion.objects.select_related("policy").filter(pk=version_id).first()
    if version is None:
        raise NotFound(_("There is no policy version %(id)s.") % {"id": version_id}, code="version_not_found")
    return version


def owed(*, person, version: PolicyVersion):
    return selectors.pending().filter(holder=person, policy_version=version)


def check_answers(*, version: PolicyVersion, answers: list) -> list[dict]:
    """Each question of ``version`` with whether ``answers`` (one choice index per question) got it right,
    the right answer and its explanation: shown only once someone has answered."""
    questions = [block.value for block in version.questions]
    if len(answers) != len(questions):
        raise Invalid(
            ngettext(
                "Answer every question: %(n)s answer expected, %(got)s given.",
                "Answer every question: %(n)s answers expected, %(got)s given.",
                len(questions),
            )
            % {"n": len(questions), "got": len(answers)},
            code="answers_missing",
        )
    results = []
    for number, (question, answer) in enumerate(zip(questions, answers, strict=True), start=1):
        choices = list(question["choices"])
        if not isinstance(answer, int) or isinstance(answer, bool) or not 0 <= answer < len(choices):
            raise Invalid(
                _("Question %(n)s: choose one of its %(count)s answers.")
                % {"n": number, "count": len(choices)},
                code="answer_invalid",
            )
        right = next(i for i, c in enumerate(choices) if c["correct"])
        results.append(
            {
                "question": question["question"],
                "chosen": answer,
                "correct": answer == right,
                "right_answer": right,
                "explanation": question["explanation"],
            }
        )
    return results


@transaction.atomic
def attest(*, person, version: PolicyVersion, answers: list, read_and_will_apply: bool, origin=None) -> dict:
    """``person`` confirms ``version``: it must be theirs to confirm, open (leaders first), every question
    answered right, and they say they have read it and will apply it. Returns the checked answers and
    whether it was confirmed; wrong answers confirm nothing."""
    rows = list(owed(person=person, version=version).select_for_update())
    if not rows:
        raise NotFound(
            _("You have no update of “%(title)s” version %(n)s to confirm.")
            % {"title": version.title, "n": version.version},
            code="nothing_to_confirm",
        )
    if not selectors.attestation_open(person, version):
        raise Refused(
            _("This update opens for you once your team leader has confirmed it."), code="waiting_for_leader"
        )
    results = check_answers(version=version, answers=answers)
    if not read_and_will_apply:
        raise Invalid(_("Tick “I have read this and will apply it” to confirm."), code="not_confirmed")
    if not all(r["correct"] for r in results):
        return {"attested": False, "results": results}
    now = timezone.now()
    Attestation.objects.filter(pk__in=[r.pk for r in rows]).update(attested_at=now)
    versions.bump(selectors.DUE_VERSION)  # update() sends no signal
    _tell_team_it_opened(leader=person, version=version)
    audit.record(
        actor=person,
        verb="policy_update.attest",
        subject=person,
        obj=version,
        data={"policy": version.title, "version": version.version, "certificates": len(rows)},
        origin=origin,
    )
    return {"attested": True, "results": results}


@transaction.atomic
def open_for_everyone(*, version: PolicyVersion, by, reason: str, origin=None) -> OpenForEveryone:
    """HR opens ``version`` to everyone at once, without waiting for leaders; the reason is logged."""
    if not roles.is_hr(by):
        raise Refused(_("Only HR can open a policy update for everyone."), code="hr_only")
    reason = (reason or "").strip()
    if not reason:
        raise Invalid(_("Give the reason for opening it to everyone."), code="reason_missing")
    if not version.is_material:
        raise Invalid(_("Only material changes are confirmed by people."), code="not_material")
    opened, created = OpenForEveryone.objects.get_or_create(
        policy_version=version, defaults={"by": by, "reason": reason[:2000]}
    )
    if not created:
        raise LMSError(_("This update is already open to everyone."), code="already_open", status=409)
    audit.record(
        actor=by,
        verb="policy_update.open_all",
        obj=version,
        reason=reason,
        data={"policy": version.title, "version": version.version},
        origin=origin,
    )
    return opened


# --- Once a day ---------------------------------------------------------------------------------------------


def _remind(*, person, item: selectors.Due, today: datetime.date, link: str):
    """Tell ``person`` of one update they owe, open for them: that it opened, the reminder 7 or 1 days
    before, or that it is overdue. The occasion names the step, so each is sent once, whoever sends it
    first (the daily job, or a leader's confirmation that opens it)."""
    # Written in the person's own language: neither the daily job nor the leader's request is theirs.
    with in_language_of(person):
        days_left = (item.due_on - today).days
        reached = [d for d in rules.REMINDER_DAYS if days_left <= d]
        values = {"title": item.policy.title, "day": date_format(item.due_on)}
        if days_left < 0:
            step = "overdue"
            text = (
                _("Your confirmation of the new “%(title)s” was due on %(day)s: please read it now.") % values
            )
        else:
            step = str(min(reached)) if reached else "opened"
            text = _("“%(title)s” has changed: read the new version and confirm it by %(day)s.") % values
        return _tell(
            recipient=person,
            kind=Kind.POLICY_UPDATE,
            subject=_("Policy update: %(title)s") % {"title": item.policy.title},
            text=text,
            link=link,
            occasion=f"policy-update:{item.version.pk}:{step}",
        )


def _tell_team_it_opened(*, leader, version: PolicyVersion) -> int:
    """``leader`` has just confirmed ``version``: the people it now opens for (those owing it whose
    nearest leader is ``leader``) are told at once, with the daily job's occasion, so nobody hears twice.
    Returns how many were told."""
    owing = set(
        selectors.pending()
        .filter(policy_version=version)
        .exclude(holder=leader)
        .values_list("holder_id", flat=True)
    )
    if not owing:
        return 0
    teams = all_teams()
    team_of = dict(Profile.objects.filter(user_id__in=owing).values_list("user_id", "team_id"))
    team = [
        pid
        for pid in owing
        if getattr(leader_above(person_id=pid, team_id=team_of.get(pid), teams=teams), "pk", None)
        == leader.pk
    ]
    if not team:
        return 0
    today = _today()
    people = get_user_model().objects.in_bulk(team)
    link = reverse("lms:policy_updates")
    told = 0
    for holder_id, items in selectors.due_for_people(team, on=today).items():
        for item in items:
            if item.version.pk == version.pk and item.may_attest and holder_id in people:
                told += bool(_remind(person=people[holder_id], item=item, today=today, link=link))
    return told


def send_reminders(today: datetime.date | None = None) -> int:
    """Tell people once when their update opens, remind them 7 days and 1 day before it is due (the
    nearest reminder reached, so a missed day is caught up once) and once when it is overdue. Each is
    once-only (the notifications' occasion), so running the job twice sends nothing twice. Nobody is
    reminded of an update that has not opened for them yet."""
    today = today or _today()
    holders = set(selectors.pending().values_list("holder_id", flat=True))
    if not holders:
        return 0
    people = get_user_model().objects.in_bulk(holders)
    link = reverse("lms:policy_updates")
    sent = 0
    for holder_id, items in selectors.due_for_people(holders, on=today).items():
        for item in items:
            if item.may_attest and _remind(person=people[holder_id], item=item, today=today, link=link):
                sent += 1
    return sent


def escalate_questions(today: datetime.date | None = None) -> int:
    """Questions unanswered for three working days go up to the next leader (with nobody above, to HR).
    Safe to run twice a day: the clock restarts at each step."""
    today = today or _today()
    teams = all_teams()
    moved = 0
    waiting = PolicyQuestion.objects.filter(
        answered_at__isnull=True, assigned_to__isnull=False, routed_on__lt=today
    )
    due = [
        q
        for q in waiting.select_related("policy", "asker")
        if rules.working_days_between(q.routed_on, today) >= rules.ESCALATE_AFTER_WORKING_DAYS
    ]
    team_of = dict(
        Profile.objects.filter(user_id__in={q.assigned_to_id for q in due}).values_list("user_id", "team_id")
    )
    for question in due:
        current = question.assigned_to_id
        above = leader_above(person_id=current, team_id=team_of.get(current), teams=teams)
        with transaction.atomic():
            updated = PolicyQuestion.objects.filter(
                pk=question.pk, assigned_to_id=current, routed_on=question.routed_on, answered_at__isnull=True
            ).update(assigned_to=above, routed_on=today, escalations=question.escalations + 1)
            if updated and above is not None:
                _tell_answerer(question=question, recipient=above, escalated=True)
        moved += updated
    return moved


def daily(today: datetime.date) -> int:
    """The ``lms_daily_jobs`` entry: reminders, then questions moved up."""
    return send_reminders(today) + escalate_questions(today)


# --- Questions ----------------------------------------------------------------------------------------------


def get_policy(slug: str) -> Policy:
    # The original: questions and attestations are recorded against it, whichever language asks.
    policy = (
        Policy.objects.filter(live=True).by_slug(slug, original=True) if slug and len(slug) <= 80 else None
    )
    if policy is None:
        raise NotFound(
            _("There is no published policy “%(slug)s”.") % {"slug": (slug or "")[:80]},
            code="policy_not_found",
        )
    return policy


def _tell_answerer(*, question: PolicyQuestion, recipient, escalated: bool) -> None:
    with in_language_of(recipient):
        _tell_answerer_now(question=question, recipient=recipient, escalated=escalated)


def _tell_answerer_now(*, question: PolicyQuestion, recipient, escalated: bool) -> None:
    text = (
        _("Nobody has answered this question about “%(title)s” for three working days; it now waits for you.")
        if escalated
        else _("%(who)s asks about “%(title)s”.")
    ) % {"title": question.policy.title, "who": display_name(question.asker)}
    _tell(
        recipient=recipient,
        kind=Kind.POLICY_QUESTION,
        subject=_("A question about “%(title)s”") % {"title": question.policy.title},
        text=f"{text}\n\n{question.text}",
        link=reverse("lms:policy_questions"),
        occasion=f"policy-question:{question.pk}:{question.escalations if escalated else 0}",
    )


@transaction.atomic
def ask(*, person, policy: Policy, text: str, kind: str = PolicyQuestion.Kind.QUESTION) -> PolicyQuestion:
    """``person`` asks about ``policy`` (or says it makes things hard for customers): it goes to their
    leader; at the top of the tree, to HR."""
    text = (text or "").strip()
    if not text:
        raise Invalid(_("Write your question."), code="text_missing")
    if len(text) > 2000:
        raise Invalid(_("Keep your question to 2,000 characters."), code="text_too_long")
    if kind not in PolicyQuestion.Kind.values:
        raise Invalid(
            _("Choose whether this is a question or a difficulty for customers."), code="kind_invalid"
        )
    team_id = Profile.objects.filter(user=person).values_list("team_id", flat=True).first()
    leader = leader_above(person_id=person.pk, team_id=team_id, teams=all_teams())
    question = PolicyQuestion.objects.create(
        policy=policy,
        policy_version=policy.version,
        asker=person,
        kind=kind,
        text=text,
        assigned_to=leader,
        routed_on=_today(),
    )
    if leader is not None:
        _tell_answerer(question=question, recipient=leader, escalated=False)
    return question


def get_question(question_id: int) -> PolicyQuestion:
    question = PolicyQuestion.objects.select_related("policy", "asker").filter(pk=question_id).first()
    if question is None:
        raise NotFound(_("There is no question %(id)s.") % {"id": question_id}, code="question_not_found")
    return question


@transaction.atomic
def answer(*, question: PolicyQuestion, by, text: str) -> PolicyQuestion:
    """Whoever the question waits for (or HR) answers it; the asker is told."""
    if not selectors.may_answer(by, question):
        raise Refused(_("This question is not waiting for your answer."), code="not_yours")
    text = (text or "").strip()
    if not text:
        raise Invalid(_("Write the answer."), code="answer_missing")
    if len(text) > 4000:
        raise Invalid(_("Keep the answer to 4,000 characters."), code="answer_too_long")
    question.answer, question.answered_by, question.answered_at = text, by, timezone.now()
    question.save(update_fields=["answer", "answered_by", "answered_at"])
    with in_language_of(question.asker):
        _tell(
            recipient=question.asker,
            kind=Kind.POLICY_QUESTION,
            subject=_("Your question about “%(title)s” is answered") % {"title": question.policy.title},
            text=text,
            link=reverse("lms:policy", kwargs={"slug": question.policy.slug}),
            occasion=f"policy-question:{question.pk}:answered",
        )
    return question


@transaction.atomic
def publish_faq(*, question: PolicyQuestion, by, wording: str = "") -> PolicyQuestion:
    """Publish an answered question on its policy for everyone (the asker's name is not shown)."""
    if not (roles.is_hr(by) or question.answered_by_id == by.pk):
        raise Refused(_("Only HR or whoever answered it can publish this question."), code="not_yours")
    if not question.answered_at:
        raise Invalid(_("Answer the question before publishing it."), code="not_answered")
    wording = (wording or question.text).strip()[:300]
    question.faq, question.faq_question = True, wording
    question.save(update_fields=["faq", "faq_question"])
    return question
