"""Page routing and course structure, cached until any page or site (or a skill or team a page names)
changes.

Wagtail finds the page for a URL with four queries (site, root page, its specific type, then a child per
level), each compiling a wide multi-table SELECT: measured at about 13 ms of a 30 ms module view on a
2-core machine. Which page a URL names, and which modules a course holds, change only when an author
publishes, unpublishes, moves or deletes a page, so both are kept in the cache under a version number
that every such change bumps. With a shared cache (Redis) the next request on every machine sees the
change. Everything about the person asking (progress, access, view restrictions) is still read fresh.
"""

import hashlib

from django.core.cache import cache
from django.utils import translation

from lms.core import conf, versions

VERSION_KEY = "lms:pages:version"


def enabled() -> bool:
    return bool(conf.get("LMS_PAGE_CACHE_SECONDS"))


def version() -> int:
    return versions.read_key(VERSION_KEY)


def bump(**kwargs) -> None:
    """Make every cached route and structure stale."""
    versions.bump_keys([VERSION_KEY])


def _changed(**kwargs) -> None:
    versions.bump_now_and_on_commit([VERSION_KEY])


def _key(kind: str, *parts) -> str:
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=16).hexdigest()
    return f"lms:pages:{version()}:{kind}:{digest}"


def prime_route(request) -> None:
    """Hand Wagtail a cached route for this request, or work it out once and keep it.

    Wagtail reads ``request._wagtail_site`` and ``request._wagtail_route_for_request`` before doing
    any work of its own (``Site.find_for_request``, ``Page.route_for_request``), so nothing of
    Wagtail's is replaced: the cache only saves it from asking the database again."""
    from wagtail.models import Page, Site

    key = _key("route", request.get_host(), request.path_info, translation.get_language())
    cached = cache.get(key)
    if cached is not None:
        request._wagtail_site, request._wagtail_route_for_request = cached
        return
    site = Site.find_for_request(request)
    route = Page.route_for_request(request, request.path_info)
    cache.set(key, (site, route), conf.get("LMS_PAGE_CACHE_SECONDS"))


def prime_site(request) -> None:
    """Hand Wagtail the request's Site from the cache (``Site.find_for_request`` reads
    ``request._wagtail_site`` first): for views outside Wagtail's page view that give pages' URLs (the
    catalogue API)."""
    from wagtail.models import Site

    if not enabled():
        return
    site = cached("site", (request.get_host(),), lambda: Site.find_for_request(request))
    if site is not None:
        request._wagtail_site = site


def cached(kind: str, parts: tuple, build):
    """``build()``, kept until pages change: for a page found by id, or facts about the page tree. A
    None answer (nothing found) is not kept. Keep page objects small: a page carrying its StreamFields
    costs about a millisecond to unpickle, as much as the query it saves (``defer_streamfields()``)."""
    if not enabled():
        return build()
    key = _key(kind, *parts)
    value = cache.get(key)
    if value is None:
        value = build()
        if value is not None:
            cache.set(key, value, conf.get("LMS_PAGE_CACHE_SECONDS"))
    return value


def cached_modules(courses, build):
    """``build(courses)`` (modules by course id), kept until pages change."""
    if not courses:
        return build(courses)
    return cached("modules", tuple(sorted(c.pk for c in courses)), lambda: build(courses))


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from lms.core.models import Team

    from .models import Skill

    # Pages keep their skills and audience teams (the catalogue shows their names).
    kept = (Page, Site, PageViewRestriction, Skill, Team)

    def on_model_change(sender, instance, **kwargs):
        if isinstance(instance, kept):
            _changed()

    # Page subclasses send with their own class as sender, so listen to all and filter.
    post_save.connect(on_model_change, dispatch_uid="lms_pages_saved", weak=False)
    post_delete.connect(on_model_change, dispatch_uid="lms_pages_deleted", weak=False)
    page_published.connect(_changed, dispatch_uid="lms_pages_published", weak=False)
    page_unpublished.connect(_changed, dispatch_uid="lms_pages_unpublished", weak=False)
    post_page_move.connect(_changed, dispatch_uid="lms_pages_moved", weak=False)


def check_shared_cache(app_configs=None, **kwargs):
    """Deploy check: a per-process cache would let other web processes serve a page that was just
    unpublished or moved until LMS_PAGE_CACHE_SECONDS pass."""
    from django.conf import settings
    from django.core.checks import Warning

    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if enabled() and backend.endswith(("LocMemCache", "DummyCache")):
        return [
            Warning(
                "The page cache is on but the default cache is per process.",
                hint="Point CACHES at Redis or Memcached shared by every web process, or set "
                "LMS_PAGE_CACHE_SECONDS = 0.",
                id="lms_courses.W001",
            )
        ]
    return []
