"""Standings kept in the cache, per person, until something that decides them changes.

Working out where 400 people stand in five courses is most of a team view's cost (bench/profile), and
almost none of it changes between two views: a learner who finishes a module changes their own row, not
their team's. So each person's standings are cached under a version number of their own, and
everything that decides a standing bumps the version it touches:

- the person's own training (enrolment, module done, attempt started, submitted or graded, review,
  profile): their version (``bump_people``);
- anything that can change someone else's standing (a certificate, which opens leaders-first courses
  for a team; a leaders-first exception; a team or its leader; a name shown as "waiting for"): every
  version at once (``bump_everyone``); pages (courses, modules, assessments) have their own version in
  ``courses.page_cache``, also part of the key.

Keys also hold the day (expiry and overdue turn at midnight), the language (the next step is worded in
it) and the courses asked about. A version is read before the data it guards, so a request that
computed from old data stores it under an old version nobody reads again; each change bumps at once
and again on commit (as ``courses.page_cache`` does). A standing whose wording depends on the time of
day (an assessment cool-down) is kept only until then. ``LMS_STANDING_CACHE_SECONDS = 0`` turns it off.
"""

import dataclasses
import datetime
import hashlib
import time

from django.core.cache import cache
from django.utils import timezone, translation

from courses import page_cache
from lms.core import conf, versions

EVERYONE_KEY = "lms:standing:everyone"


def _person_key(user_id) -> str:
    return f"lms:standing:person:{user_id}"


def enabled() -> bool:
    return bool(conf.get("LMS_STANDING_CACHE_SECONDS"))


def _bump_now_and_on_commit(keys: list[str]) -> None:
    if keys and enabled():
        versions.bump_now_and_on_commit(keys)


def bump_people(user_ids) -> None:
    """Make these people's cached standings stale."""
    _bump_now_and_on_commit([_person_key(pk) for pk in {pk for pk in user_ids if pk is not None}])


def bump_everyone() -> None:
    """Make every cached standing stale."""
    _bump_now_and_on_commit([EVERYONE_KEY])


def _versions(user_ids: list[int]) -> dict:
    keys = [EVERYONE_KEY, *map(_person_key, user_ids)]
    found = cache.get_many(keys)
    missing = {key: time.time_ns() for key in keys if key not in found}
    for key, start in missing.items():
        cache.add(key, start, None)  # kept until bumped; a lost number restarts above the old ones
    if missing:
        found.update(cache.get_many(list(missing)))
        for key, start in missing.items():  # a full cache may drop at once what it was given
            found.setdefault(key, start)
    return found


def cached_standings(user_ids, courses, *, today: datetime.date, detail: bool, compute) -> dict:
    """(user id, course id) → Standing for everyone in ``user_ids``: cached rows where they are
    current, and ``compute(missing user ids)`` (returning the same mapping) for the rest."""
    user_ids = list(dict.fromkeys(user_ids))
    if not enabled() or not user_ids or not courses:
        return compute(user_ids)
    versions = _versions(user_ids)
    shared = "\x1f".join(
        map(
            str,
            (
                versions[EVERYONE_KEY],
                page_cache.version(),
                today.isoformat(),
                translation.get_language(),
                int(detail),
                ",".join(str(c.pk) for c in courses),
            ),
        )
    )
    digest = hashlib.blake2b(shared.encode(), digest_size=12).hexdigest()
    keys = {pk: f"lms:standing:{digest}:{pk}:{versions[_person_key(pk)]}" for pk in user_ids}
    rows = cache.get_many(list(keys.values()))
    standings = {}
    missing = []
    for pk, key in keys.items():
        row = rows.get(key)
        if row is None:
            missing.append(pk)
        else:
            standings.update(((pk, course_id), standing) for course_id, standing in row.items())
    if missing:
        computed = compute(missing)
        standings.update(computed)
        _store(computed, keys, courses)
    return standings


def shared(name: str, parts: tuple, compute, *, today: datetime.date):
    """``compute()``, kept until anything that changes everyone's standings changes (a certificate, an
    exception, a team or its members, a page) or the day turns: for answers about many people at once,
    such as who waits on a leader. Pages in the answer must be plain links (see ``link``)."""
    if not enabled():
        return compute()
    versions = _versions([])
    key = (
        "lms:standing:shared:"
        + hashlib.blake2b(
            "\x1f".join(
                map(
                    str,
                    (
                        name,
                        versions[EVERYONE_KEY],
                        page_cache.version(),
                        today,
                        translation.get_language(),
                        *parts,
                    ),
                )
            ).encode(),
            digest_size=16,
        ).hexdigest()
    )
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, conf.get("LMS_STANDING_CACHE_SECONDS"))
    return value


def link(page):
    """A next step's page as a plain Page with what a link needs (title, URL): a module or assessment
    with all its content takes a millisecond to unpickle, this a few microseconds."""
    from wagtail.models import Page

    fields = ("title", "url_path", "path", "depth", "locale_id", "content_type_id", "live", "slug")
    return Page(pk=page.pk, **{name: getattr(page, name) for name in fields})


def _store(computed: dict, keys: dict, courses) -> None:
    seconds = conf.get("LMS_STANDING_CACHE_SECONDS")
    now = timezone.now()
    by_timeout: dict[int, dict] = {}
    rows: dict[int, dict] = {}
    for (pk, course_id), standing in computed.items():
        if standing.target is not None:
            standing = dataclasses.replace(standing, target=link(standing.target))
        rows.setdefault(pk, {})[course_id] = standing
    for pk, row in rows.items():
        timeout = seconds
        for standing in row.values():
            if standing.changes_at is not None:
                timeout = min(timeout, int((standing.changes_at - now).total_seconds()))
        if timeout > 0:
            by_timeout.setdefault(timeout, {})[keys[pk]] = row
    for timeout, entries in by_timeout.items():
        cache.set_many(entries, timeout)


# What changes a standing, and whose (see the module docstring). Plain signals, so a change made anywhere
# (site, API, admin, import, command) counts; the few bulk writes that skip signals bump by hand.
def _user_fields_changed(update_fields) -> bool:
    # Signing in saves last_login; nothing a standing shows.
    return not (update_fields and set(update_fields) <= {"last_login"})


def connect_signals() -> None:
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_delete, post_save

    from courses.models import Enrolment, ModuleCompletion
    from lms.core.models import Profile, Team
    from quizzes.models import Attempt, Review

    from .models import Certificate, LeadersFirstException

    def own(field):
        def receiver(sender, instance, **kwargs):
            bump_people([getattr(instance, field)])

        return receiver

    def completion(sender, instance, **kwargs):
        bump_people(Enrolment.objects.filter(pk=instance.enrolment_id).values_list("user_id", flat=True))

    def review(sender, instance, **kwargs):
        bump_people(Attempt.objects.filter(pk=instance.attempt_id).values_list("learner_id", flat=True))

    def everyone(sender, **kwargs):
        bump_everyone()

    def user(sender, instance, update_fields=None, **kwargs):
        if _user_fields_changed(update_fields):
            bump_everyone()

    def profile(sender, instance, update_fields=None, **kwargs):
        bump_people([instance.user_id])
        if not update_fields or "team" in update_fields:  # who is in which team: others' answers too
            bump_everyone()

    receivers = [
        (Enrolment, own("user_id")),
        (Attempt, own("learner_id")),
        (Profile, profile),
        (ModuleCompletion, completion),
        (Review, review),
        (Certificate, everyone),
        (LeadersFirstException, everyone),
        (Team, everyone),
    ]
    for model, receiver in receivers:
        uid = f"lms_standing_{model._meta.label_lower}"
        post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}_saved", weak=False)
        post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}_deleted", weak=False)
    post_save.connect(user, sender=get_user_model(), dispatch_uid="lms_standing_user_saved", weak=False)
    post_delete.connect(
        everyone, sender=get_user_model(), dispatch_uid="lms_standing_user_deleted", weak=False
    )
