"""Version numbers that writes bump and caches read.

A cached answer is stored under the version of everything it was worked out from, so a write anywhere
(site, API, admin, import, command) makes it unreachable at once, on every machine sharing the cache. A
version is read before the data it guards, and a write bumps it at once and again when it commits, so an
answer worked out from data not yet committed is never read after the commit. Numbers start from the clock,
not 1, so a number lost from the cache never brings back answers stored under an older one.
"""

import time

from django.core.cache import cache
from django.db import transaction


def _key(name: str) -> str:
    return f"lms:version:{name}"


def bump_keys(keys) -> None:
    """Add one to each of these cache keys (or start it from the clock)."""
    for key in keys:
        try:
            cache.incr(key)
        except ValueError:  # never read yet, or evicted: any fresh start is above every old number
            cache.set(key, time.time_ns(), None)


def bump_now_and_on_commit(keys: list[str]) -> None:
    """Bump these keys now, for this process, and again once the write commits: a request that read the
    new number before the commit could otherwise have cached what the database showed it then."""
    bump_keys(keys)
    transaction.on_commit(lambda: bump_keys(keys))


def bump(name: str) -> None:
    """Make everything cached under version ``name`` stale: now, and again when the write commits."""
    bump_now_and_on_commit([_key(name)])


def read(name: str) -> int:
    """The current number of version ``name``."""
    return read_key(_key(name))


def read_key(key: str) -> int:
    """The number kept under cache key ``key``, started from the clock if there is none."""
    current = cache.get(key)
    if current is None:
        cache.add(key, time.time_ns(), None)  # kept until bumped, not the cache's default timeout
        current = cache.get(key) or time.time_ns()  # a full cache may drop at once what it was given
    return current


def bump_on_change(name: str, models, *, uid: str) -> None:
    """Bump ``name`` whenever an instance of one of ``models`` is saved or deleted (signals: bulk writes,
    which send none, bump by hand)."""
    from django.db.models.signals import post_delete, post_save

    def changed(sender, **kwargs):
        bump(name)

    for model in models:
        label = f"{uid}_{model._meta.label_lower}"
        post_save.connect(changed, sender=model, dispatch_uid=f"{label}_saved", weak=False)
        post_delete.connect(changed, sender=model, dispatch_uid=f"{label}_deleted", weak=False)
