"""Reading re-attestations and questions: whether one has opened for a person (leaders first), what is
due for one person or many (My training, the team view) in a fixed number of queries, a certificate's
policy status for the public check, and HR's progress."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail import hooks

from certificates import standing_cache
from courses.models import Policy
from courses.models.snippets import PolicyVersion
from lms.core import roles, versions
from lms.core.models import Profile
from lms.core.names import display_name
from lms.core.teams import all_teams, leader_above

from .models import Attestation, AttestationState, OpenForEveryone, PolicyQuestion, attestation_state

# What a team's policy updates are worked out from, beyond what the standing cache's own versions cover
# (teams and who is in them, names, certificates, the day and the language): bumped by every write to a
# re-attestation, an opening or a policy (``connect_signals``), and by hand after the bulk writes that send
# no signals.
DUE_VERSION = "attestation-due"


def _today(on):
    return on or timezone.localdate()


def pending():
    """Re-attestations still asked for: not confirmed, not replaced by a later change."""
    return Attestation.objects.filter(attested_at__isnull=True, superseded=False)


def _leaders_of(people: dict[int, int | None], teams) -> dict[int, object]:
    """person id → the nearest leader above them (None at the top of the tree)."""
    return {pid: leader_above(person_id=pid, team_id=team_id, teams=teams) for pid, team_id in people.items()}


def _open_map(pairs: set[tuple[int, int]]) -> dict[tuple[int, int], bool]:
    """(person id, version id) → whether that re-attestation has opened for the person, for many pairs
    in four queries: teams, profiles, HR's openings, the leaders' own re-attestations.

    Leaders first: it opens once the person's leader has confirmed that version, or has none to confirm
    (no certificate of theirs covered the policy); the top of the tree is free; HR may open a version to
    everyone."""
    if not pairs:
        return {}
    version_ids = {v for _, v in pairs}
    opened = set(
        OpenForEveryone.objects.filter(policy_version_id__in=version_ids).values_list(
            "policy_version_id", flat=True
        )
    )
    teams = all_teams()
    people = dict(Profile.objects.filter(user_id__in={p for p, _ in pairs}).values_list("user_id", "team_id"))
    leaders = _leaders_of({p: people.get(p) for p, _ in pairs}, teams)
    leader_ids = {leader.pk for leader in leaders.values() if leader is not None}
    done, owed = set(), set()
    for holder_id, version_id, attested_at in Attestation.objects.filter(
        holder_id__in=leader_ids, policy_version_id__in=version_ids, superseded=False
    ).values_list("holder_id", "policy_version_id", "attested_at"):
        (done if attested_at else owed).add((holder_id, version_id))
    result = {}
    for person_id, version_id in pairs:
        leader = leaders.get(person_id)
        result[(person_id, version_id)] = (
            version_id in opened
            or leader is None
            or (leader.pk, version_id) in done
            or (leader.pk, version_id) not in owed
        )
    return result


def attestation_open(person, policy_version: PolicyVersion) -> bool:
    """Whether ``person`` may confirm ``policy_version`` now: the one rule every page and endpoint asks."""
    return _open_map({(person.pk, policy_version.pk)})[(person.pk, policy_version.pk)]


@dataclass
class Due:
    """One policy update a person owes (their certificates covering the policy are grouped)."""

    holder_id: int
    policy: Policy
    version: PolicyVersion
    due_on: datetime.date
    state: str
    attestation_ids: list[int]

    @property
    def state_label(self) -> str:
        return AttestationState(self.state).label

    @property
    def is_open(self) -> bool:
        return self.state in (AttestationState.OPEN, AttestationState.OVERDUE) and self.may_attest

    may_attest: bool = False


def due_for_people(ids, *, on: datetime.date | None = None) -> dict[int, list[Due]]:
    """person id → the policy updates they still owe, for any number of people in five queries."""
    today = _today(on)
    rows = list(
        pending()
        .filter(holder_id__in=ids)  # a list, or a subquery (a team view's hundreds of people)
        .select_related("policy", "policy_version")
        .order_by("due_on", "policy__title")
    )
    grouped: dict[tuple[int, int], list[Attestation]] = defaultdict(list)
    for row in rows:
        grouped[(row.holder_id, row.policy_version_id)].append(row)
    is_open = _open_map(set(grouped))
    result: dict[int, list[Due]] = defaultdict(list)
    for (holder_id, version_id), group in grouped.items():
        first = group[0]
        opened = is_open[(holder_id, version_id)]
        due_on = min(a.due_on for a in group)
        result[holder_id].append(
            Due(
                holder_id=holder_id,
                policy=first.policy,
                version=first.policy_version,
                due_on=due_on,
                state=attestation_state(attested=False, is_open=opened, due_on=due_on, today=today),
                attestation_ids=[a.pk for a in group],
                may_attest=opened,
            )
        )
    return dict(result)


def due_table(user_ids, *, on: datetime.date | None = None) -> list[dict]:
    """For a team view: each person among ``user_ids`` who owes a policy update, with those updates,
    people with one overdue first. One query more than ``due_for_people`` (the names)."""
    due = due_for_people(user_ids, on=on)
    if not due:
        return []
    people = get_user_model().objects.in_bulk(list(due))
    rows = [
        {
            "user_id": pid,
            "name": display_name(people[pid]),
            "items": items,
            "overdue": any(i.state == AttestationState.OVERDUE for i in items),
        }
        for pid, items in due.items()
        if pid in people
    ]
    return sorted(rows, key=lambda r: (not r["overdue"], r["name"]))


def team_due_table(teams, *, on: datetime.date | None = None) -> list[dict]:
    """``due_table`` for everyone in ``teams``, kept until something it is worked out from changes."""
    today = _today(on)
    members = Profile.objects.filter(team__in=teams).values("user_id")
    return standing_cache.shared(
        "policy-updates",
        (",".join(str(pk) for pk in sorted(t.pk for t in teams)), versions.read(DUE_VERSION)),
        lambda: due_table(members, on=today),
        today=today,
    )


def due_for(user, *, on: datetime.date | None = None) -> list[Due]:
    """The policy updates ``user`` still owes, soonest due first."""
    return due_for_people([user.pk], on=on).get(user.pk, [])


def policy_update_status(due_on: datetime.date, today: datetime.date) -> str:
    """What a certificate shows for an update still owed: ``overdue`` past its due date (as
    ``attestation_state`` says), else ``update_due``. The verify page, the API and the register all ask
    this."""
    overdue = attestation_state(attested=False, is_open=True, due_on=due_on, today=today)
    return "overdue" if overdue == AttestationState.OVERDUE else "update_due"


def certificate_update_states(certificate_ids, *, on: datetime.date | None = None) -> dict[int, str]:
    """certificate id → ``update_due`` or ``overdue`` (the worse of its policies), for those among
    ``certificate_ids`` still owing a policy update; one query for any number of certificates (the register's
    page and its export)."""
    today = _today(on)
    states: dict[int, str] = {}
    for certificate_id, due_on in (
        pending().filter(certificate_id__in=list(certificate_ids)).values_list("certificate_id", "due_on")
    ):
        if states.get(certificate_id) != "overdue":
            states[certificate_id] = policy_update_status(due_on, today)
    return states


POLICY_UPDATE_FILTERS = ("any", "update_due", "overdue")


def certificates_owing(state: str, *, on: datetime.date | None = None):
    """The ids of certificates whose policy update state is ``state`` (``any``: due or overdue), as a
    subquery for the register's filter. The same cut-off as ``policy_update_status``: overdue once today is
    past the due date, so ``due_on < today``."""
    if state not in POLICY_UPDATE_FILTERS:
        raise ValueError(state)
    owing = pending()
    overdue = owing.filter(due_on__lt=_today(on)).values("certificate_id")
    if state == "overdue":
        return overdue
    if state == "update_due":
        return owing.exclude(certificate_id__in=overdue).values("certificate_id")
    return owing.values("certificate_id")


# The register (certificates, a lower layer) asks these through hooks; registered here, beside the rule,
# and loaded with this app's wagtail_hooks (which imports this module).
@hooks.register("lms_certificate_policy_updates")
def _register_policy_update_states(certificate_ids, *, on=None):
    return certificate_update_states(certificate_ids, on=on)


@hooks.register("lms_certificates_owing_policy_update")
def _register_certificates_owing(state, *, on=None):
    return certificates_owing(state, on=on)


def certificate_policy_status(certificate, *, on: datetime.date | None = None) -> list[dict]:
    """The ``lms_certificate_policy_status`` hook: each policy the certificate covered, the version it
    covers now (as issued, or a later one its holder confirmed), the policy's current version, and whether
    an update is due or overdue. The certificate itself is never changed."""
    today = _today(on)
    covered = certificate.policy_versions or []
    if not covered:
        return []
    policies = Policy.objects.by_slugs([c.get("slug") for c in covered], original=True)
    attested: dict[int, int] = {}
    owed: dict[int, datetime.date] = {}
    for policy_id, version, attested_at, superseded, due_on in Attestation.objects.filter(
        certificate=certificate
    ).values_list("policy_id", "policy_version__version", "attested_at", "superseded", "due_on"):
        if attested_at:
            attested[policy_id] = max(attested.get(policy_id, 0), version)
        elif not superseded:
            owed[policy_id] = due_on
    result = []
    for entry in covered:
        policy = policies.get(entry.get("slug"))
        version = entry.get("version")
        status = "current"
        confirmed = False
        if policy is not None:
            if policy.pk in attested and attested[policy.pk] > (version or 0):
                version, confirmed = attested[policy.pk], True
            if policy.pk in owed:
                status = policy_update_status(owed[policy.pk], today)
        result.append(
            {
                "slug": entry.get("slug", ""),
                "title": policy.title if policy else entry.get("title", ""),
                "version": version,
                "current_version": policy.version if policy else None,
                "attested": confirmed,
                "status": status,
            }
        )
    return result


def progress(*, on: datetime.date | None = None) -> list[dict]:
    """HR: per material version still being confirmed, and per team, how many people have confirmed,
    are waiting, have it open or are overdue (one row per person and version)."""
    today = _today(on)
    rows = list(
        Attestation.objects.filter(superseded=False)
        .select_related("policy", "policy_version")
        .order_by("policy__title", "-policy_version__version")
    )
    people: dict[tuple[int, int], dict] = {}
    for row in rows:
        key = (row.holder_id, row.policy_version_id)
        item = people.setdefault(key, {"row": row, "attested": bool(row.attested_at), "due_on": row.due_on})
        item["attested"] = item["attested"] and bool(row.attested_at)
        item["due_on"] = min(item["due_on"], row.due_on)
    is_open = _open_map({k for k, v in people.items() if not v["attested"]})
    teams = all_teams()
    team_of = dict(
        Profile.objects.filter(user_id__in={k[0] for k in people}).values_list("user_id", "team_id")
    )
    table: dict[tuple[int, int | None], dict] = {}
    versions: dict[int, PolicyVersion] = {}
    for (holder_id, version_id), item in people.items():
        version = item["row"].policy_version
        versions[version_id] = version
        team_id = team_of.get(holder_id)
        cell = table.setdefault(
            (version_id, team_id),
            {
                "policy": item["row"].policy,
                "version": version,
                "team": teams.get(team_id),
                **{s.value: 0 for s in AttestationState},
                "people": 0,
            },
        )
        state = attestation_state(
            attested=item["attested"],
            is_open=is_open.get((holder_id, version_id), True),
            due_on=item["due_on"],
            today=today,
        )
        cell[state] += 1
        cell["people"] += 1
    return sorted(
        table.values(),
        key=lambda c: (c["policy"].title, -c["version"].version, c["team"].name if c["team"] else ""),
    )


# --- Questions -------------------------------------------------------------------------------------------


def faqs(policy) -> list[PolicyQuestion]:
    return list(PolicyQuestion.objects.filter(policy=policy, faq=True).order_by("-answered_at"))


def questions_asked_by(user):
    return PolicyQuestion.objects.filter(asker=user).select_related("policy").order_by("-asked_at")


def questions_for(user):
    """Questions waiting for ``user``'s answer: routed to them; HR also answers those with nobody left
    above (assigned to no one)."""
    waiting = PolicyQuestion.objects.filter(answered_at__isnull=True).select_related("policy", "asker")
    if roles.is_hr(user):
        return waiting.filter(assigned_to=user) | waiting.filter(assigned_to__isnull=True)
    return waiting.filter(assigned_to=user)


def may_answer(user, question: PolicyQuestion) -> bool:
    return question.assigned_to_id == user.pk or roles.is_hr(user)


def question_overview(*, on: datetime.date | None = None) -> dict:
    """HR: open questions with how long each has waited, and which policies draw the most."""
    today = _today(on)
    waiting = list(
        PolicyQuestion.objects.filter(answered_at__isnull=True)
        .select_related("policy", "asker", "assigned_to")
        .order_by("asked_at")
    )
    counts: dict[int, dict] = {}
    for policy_id, title, slug, kind in PolicyQuestion.objects.values_list(
        "policy_id", "policy__title", "policy__slug", "kind"
    ):
        entry = counts.setdefault(policy_id, {"title": title, "slug": slug, "questions": 0, "hard": 0})
        entry["questions" if kind == PolicyQuestion.Kind.QUESTION else "hard"] += 1
    return {
        "waiting": [
            {
                "question": q,
                "days": (today - timezone.localdate(q.asked_at)).days,
                "asker": display_name(q.asker),
                "with": display_name(q.assigned_to) if q.assigned_to else None,
            }
            for q in waiting
        ],
        "policies": sorted(counts.values(), key=lambda e: -(e["questions"] + e["hard"])),
    }


def opened_versions(version_ids) -> list[int]:
    """Which of these versions HR has opened to everyone."""
    return list(
        OpenForEveryone.objects.filter(policy_version_id__in=list(version_ids)).values_list(
            "policy_version_id", flat=True
        )
    )


def connect_signals() -> None:
    from django.apps import apps

    versions.bump_on_change(
        DUE_VERSION,
        [*apps.get_app_config("lms_attestation").get_models(), Policy, PolicyVersion],
        uid="lms_policy_updates",
    )
