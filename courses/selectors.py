"""Reads that feed pages and the API: what one person sees of the catalogue, a course and a module, and
their own training list. Nothing here writes."""

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.core import roles
from lms.core.exceptions import LMSError
from lms.core.models import Profile, walk_up
from lms.core.teams import descendants

from . import page_cache
from .access import Access, course_access, course_access_many
from .hooks import course_standings
from .models import CataloguePage, CoursePage, Enrolment, ModulePage, Skill
from .progress import Progress, modules_by_course, progress_for, progress_for_enrolments

# The states a standing can be in, with their labels (the lms_course_standing hook answers with them;
# certificates.standing decides which applies). The catalogue filters on them and the API lists them.
STANDING_STATE_LABELS = {
    "not_started": gettext_lazy("Not started"),
    "in_progress": gettext_lazy("In progress"),
    "assessment": gettext_lazy("Ready for assessment"),
    "awaiting_review": gettext_lazy("Awaiting review"),
    "certified": gettext_lazy("Certified"),
    "expiring": gettext_lazy("Expiring"),
    "expired": gettext_lazy("Expired"),
    "locked": gettext_lazy("Locked (leaders first)"),
}
STANDING_STATES = tuple(STANDING_STATE_LABELS)
MAX_SEARCH_LENGTH = 100
_WORDS = re.compile(r"\w+")
_SLUG = re.compile(r"^[-\w]{1,80}$")


@dataclass
class CatalogueEntry:
    course: CoursePage
    enrolment: Enrolment | None
    progress: Progress
    access: Access
    standing: object = None  # the person's state and next step (see the lms_course_standing hook)
    in_audience: bool = True  # offered to this person by the course's audience setting


def live_courses() -> list[CoursePage]:
    """Every live course in tree order, kept until pages change (``page_cache``): the matrix's columns."""
    return page_cache.cached("live-courses", (), lambda: list(CoursePage.objects.live().order_by("path")))


def sees_every_course(user) -> bool:
    """HR and Wagtail editors see the whole catalogue, whoever each course is offered to."""
    return bool(user.is_authenticated and (roles.is_hr(user) or user.has_perm("wagtailadmin.access_admin")))


def in_audience(user, courses) -> dict[int, bool]:
    """course id → whether the course's audience setting offers it to ``user``: no setting means
    everyone; otherwise a team of the setting (or a team below one), or one of its job titles (any
    capitals). A fixed number of queries: none when no course has a setting."""
    result = {course.pk: True for course in courses}
    restricted = [c for c in courses if c.audience_teams.all() or c.job_titles()]
    if not restricted:
        return result
    profile = (
        Profile.objects.filter(user=user).values("team_id", "job_title").first()
        if user.is_authenticated
        else None
    ) or {"team_id": None, "job_title": ""}
    title = profile["job_title"].strip().casefold()
    roots = {team.pk: team for course in restricted for team in course.audience_teams.all()}
    # The person's team and those above it, as far as the tree below the audience teams reaches.
    below = {team.pk: team for team in descendants(roots.values())} if profile["team_id"] else {}
    mine = {team.pk for team in walk_up(below.get(profile["team_id"]), lambda t: below.get(t.parent_id))}
    for course in restricted:
        result[course.pk] = any(team.pk in mine for team in course.audience_teams.all()) or (
            bool(title) and title in {t.casefold() for t in course.job_titles()}
        )
    return result


def _catalogue_courses(catalogue: CataloguePage | None, only: list[int] | None) -> list[CoursePage]:
    """The live courses (of ``catalogue``, or those in ``only``) with their skills and audience teams, kept
    until pages, skills or teams change (``page_cache``): the same for everyone who asks."""

    def build():
        courses = CoursePage.objects.live().prefetch_related("skills", "audience_teams").order_by("path")
        if catalogue is not None:
            courses = courses.child_of(catalogue)
        if only is not None:
            courses = courses.filter(pk__in=only)
        return list(courses)

    parts = (
        catalogue.pk if catalogue is not None else "",
        ",".join(map(str, sorted(only or []))),
        only is None,
    )
    return page_cache.cached("catalogue", parts, build)


def catalogue_for(
    *,
    user,
    catalogue: CataloguePage | None = None,
    only: list[int] | None = None,
    by_audience: bool = True,
) -> list[CatalogueEntry]:
    """The live courses as ``user`` sees them. With ``by_audience`` only those offered to them, plus any
    they are enrolled in (assigned or not): HR and editors see every course. Narrow it with
    ``CatalogueFilters.apply``."""
    courses = _catalogue_courses(catalogue, only)
    by_id = {course.pk: course for course in courses}
    enrolments = {}
    if user.is_authenticated:
        for enrolment in Enrolment.objects.filter(user=user, course__in=courses):
            enrolment.course = by_id[enrolment.course_id]  # no second read of the course page
            enrolments[enrolment.course_id] = enrolment
    offered = in_audience(user, courses)
    if by_audience and not sees_every_course(user):
        courses = [c for c in courses if offered[c.pk] or c.pk in enrolments]
    modules = modules_by_course(courses)
    progress = progress_for_enrolments(list(enrolments.values()), modules=modules)
    access = course_access_many(user=user, courses=courses)
    standings = course_standings(user, courses) if user.is_authenticated else {}
    entries = []
    for course in courses:
        enrolment = enrolments.get(course.pk)
        entries.append(
            CatalogueEntry(
                course=course,
                enrolment=enrolment,
                progress=progress[enrolment.pk] if enrolment else Progress(modules=modules[course.pk]),
                access=access[course.pk],
                standing=standings.get(course.pk),
                in_audience=offered[course.pk],
            )
        )
    return entries


@dataclass(frozen=True)
class CatalogueFilters:
    """Search and filters over a catalogue, from the page's or the API's query parameters ``q``,
    ``skill`` (a skill's slug) and ``state`` (one of ``STANDING_STATES``); they combine."""

    q: str = ""
    skill: Skill | None = None
    state: str = ""

    @classmethod
    def from_params(cls, params) -> "CatalogueFilters":
        """Read ``params`` (a QueryDict); a bad value raises ``LMSError`` (code ``invalid_filter``)
        saying which and why. Empty values mean no filter."""
        q = " ".join(str(params.get("q") or "").split())
        slug = str(params.get("skill") or "").strip()
        state = str(params.get("state") or "").strip()
        errors = []
        if len(q) > MAX_SEARCH_LENGTH:
            errors.append(
                _("Search: use at most %(limit)d characters (this one has %(length)d).")
                % {"limit": MAX_SEARCH_LENGTH, "length": len(q)}
            )
        elif q and not _WORDS.search(q):
            errors.append(_("Search: type a word to look for, such as “apology”."))
        skill = None
        if slug:
            skill = Skill.objects.by_slug(slug, original=True) if _SLUG.match(slug) else None
            if skill is None:
                errors.append(_("Skill: there is no skill “%(slug)s”.") % {"slug": _shorten(slug)})
        if state and state not in STANDING_STATES:
            errors.append(
                _("State: “%(state)s” is not one of %(states)s.")
                % {"state": _shorten(state), "states": ", ".join(STANDING_STATES)}
            )
        if errors:
            raise LMSError(_("Check the filters.") + " " + " ".join(errors), code="invalid_filter")
        return cls(q=q, skill=skill, state=state)

    @property
    def active(self) -> bool:
        return bool(self.q or self.skill or self.state)

    def apply(self, entries: list[CatalogueEntry]) -> list[CatalogueEntry]:
        """The entries that match every filter, in catalogue order. The state is read from each entry's
        standing; the search is Wagtail search over the course's ``search_fields`` (title, summary,
        description), plus the start of a word in the title (``autocomplete``)."""
        if self.q:
            found = _search(self.q)
            entries = [e for e in entries if e.course.pk in found]
        if self.skill is not None:
            key = self.skill.translation_key  # a translated course lists the skill's translation
            entries = [e for e in entries if any(s.translation_key == key for s in e.course.skills.all())]
        if self.state:
            entries = [e for e in entries if e.standing is not None and e.standing.state == self.state]
        return entries


def _shorten(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _search(q: str) -> set[int]:
    """Ids of the live courses Wagtail search finds for every word of ``q``."""
    terms = " ".join(_WORDS.findall(q))
    courses = CoursePage.objects.live()
    found = {course.pk for course in courses.search(terms, operator="and")}
    return found | {course.pk for course in courses.autocomplete(terms, operator="and")}


def filter_options(entries: list[CatalogueEntry], filters: CatalogueFilters) -> dict:
    """What the catalogue's filter menus offer: the skills of these courses and the states the person
    is in among them (labels from their standings), plus whatever is chosen now."""
    skills = {s.pk: s for e in entries for s in e.course.skills.all()}
    if filters.skill is not None:
        skills.setdefault(filters.skill.pk, filters.skill)
    labels = {e.standing.state: e.standing.label for e in entries if e.standing is not None}
    if filters.state:
        labels.setdefault(filters.state, str(STANDING_STATE_LABELS[filters.state]))
    return {
        "skills": sorted(skills.values(), key=lambda s: s.name.casefold()),
        "states": [(state, labels[state]) for state in STANDING_STATES if state in labels],
    }


@dataclass
class CourseState:
    enrolment: Enrolment | None
    progress: Progress
    access: Access
    can_assign: bool
    standing: object = None


def course_state_for(*, user, course: CoursePage) -> CourseState:
    enrolment = _enrolment_in(user, course)
    if enrolment:
        progress = progress_for(enrolment)
    else:
        progress = Progress(modules=modules_by_course([course])[course.pk])
    return CourseState(
        enrolment=enrolment,
        progress=progress,
        access=course_access(user=user, course=course) if user.is_authenticated else Access("open"),
        can_assign=user.is_authenticated and (roles.is_hr(user) or roles.is_leader(user)),
        standing=course_standings(user, [course]).get(course.pk) if user.is_authenticated else None,
    )


@dataclass
class ModuleState:
    course: CoursePage
    enrolment: Enrolment | None
    progress: Progress
    position: int
    previous: ModulePage | None
    following: ModulePage | None
    standing: object = None

    @property
    def total(self) -> int:
        return len(self.progress.modules)


def _enrolment_in(user, course: CoursePage) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    enrolment = Enrolment.objects.filter(user=user, course=course).first()
    if enrolment is not None:
        enrolment.course = course  # already loaded: saves the query its progress would make
    return enrolment


def module_state_for(*, user, module: ModulePage) -> ModuleState:
    course = module.course()
    enrolment = _enrolment_in(user, course)
    if enrolment is not None:
        progress = progress_for(enrolment)
    else:
        progress = Progress(modules=modules_by_course([course])[course.pk])
    ids = [m.pk for m in progress.modules]
    index = ids.index(module.pk) if module.pk in ids else 0
    return ModuleState(
        course=course,
        enrolment=enrolment,
        progress=progress,
        position=index + 1,
        previous=progress.modules[index - 1] if index > 0 else None,
        following=progress.modules[index + 1] if index + 1 < len(ids) else None,
        standing=None if enrolment else course_standings(user, [course]).get(course.pk),
    )


def my_training(*, user) -> list[tuple[Enrolment, Progress]]:
    """The caller's enrolments, each annotated with its ``standing``: still to do first (overdue, then
    soonest due, then most recent), then those done (certified)."""
    enrolments = list(
        Enrolment.objects.filter(user=user).select_related("course", "last_module", "assigned_by")
    )
    progress = progress_for_enrolments(enrolments)
    standings = course_standings(user, list({e.course_id: e.course for e in enrolments}.values()))
    for enrolment in enrolments:
        enrolment.standing = standings.get(enrolment.course_id)
    far = datetime.date.max

    def done(e) -> bool:
        return e.standing.is_done if e.standing else e.state == Enrolment.State.COMPLETED

    enrolments.sort(
        key=lambda e: (
            done(e),
            not (e.standing and e.standing.overdue),
            e.due_date or far,
            -(e.enrolled_at.timestamp()),
        )
    )
    return [(e, progress[e.pk]) for e in enrolments]
