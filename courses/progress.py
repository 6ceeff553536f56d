"""Course progress worked out in a fixed number of queries, however many courses or modules."""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Q

from .models import CoursePage, Enrolment, ModuleCompletion, ModulePage


@dataclass
class Progress:
    modules: list[ModulePage]
    done_ids: set[int] = field(default_factory=set)

    @property
    def required(self) -> list[ModulePage]:
        return [m for m in self.modules if m.required]

    @property
    def required_done(self) -> int:
        return sum(1 for m in self.required if m.pk in self.done_ids)

    @property
    def percent(self) -> int:
        required = self.required
        if not required:
            return 100 if self.done_ids else 0
        return round(100 * self.required_done / len(required))

    @property
    def is_complete(self) -> bool:
        return bool(self.required) and self.required_done == len(self.required)

    @property
    def next_module(self) -> ModulePage | None:
        """The first required module not yet done, then any optional one left, in course order."""
        for module in self.required:
            if module.pk not in self.done_ids:
                return module
        return next((m for m in self.modules if m.pk not in self.done_ids), None)

    def is_done(self, module: ModulePage) -> bool:
        return module.pk in self.done_ids


def modules_by_course(courses: list[CoursePage]) -> dict[int, list[ModulePage]]:
    """Live modules of each course, in page order: from the page cache, else one query."""
    from .page_cache import cached_modules

    return cached_modules(courses, _query_modules_by_course)


def _query_modules_by_course(courses: list[CoursePage]) -> dict[int, list[ModulePage]]:
    result: dict[int, list[ModulePage]] = {c.pk: [] for c in courses}
    if not courses:
        return result
    prefix_to_course = {c.path: c.pk for c in courses}
    depth = {c.depth for c in courses}
    match = reduce(or_, (Q(path__startswith=c.path) for c in courses))
    modules = (
        ModulePage.objects.live()
        .filter(match, depth__in=[d + 1 for d in depth])
        .defer_streamfields()
        .order_by("path")
    )
    for module in modules:
        course_id = prefix_to_course.get(module.path[: -ModulePage.steplen])
        if course_id is not None:
            result[course_id].append(module)
    return result


def progress_for_enrolments(
    enrolments: list[Enrolment], *, modules: dict[int, list[ModulePage]] | None = None
) -> dict[int, Progress]:
    """Progress per enrolment id; pass ``modules`` (from modules_by_course) when you already have them."""
    if not enrolments:
        return {}
    if modules is None or any(e.course_id not in modules for e in enrolments):
        modules = modules_by_course(list({e.course_id: e.course for e in enrolments}.values()))
    done: dict[int, set[int]] = defaultdict(set)
    for enrolment_id, module_id in ModuleCompletion.objects.filter(enrolment__in=enrolments).values_list(
        "enrolment_id", "module_id"
    ):
        done[enrolment_id].add(module_id)
    return {e.pk: Progress(modules=modules[e.course_id], done_ids=done[e.pk]) for e in enrolments}


def progress_for(enrolment: Enrolment) -> Progress:
    return progress_for_enrolments([enrolment])[enrolment.pk]
