import os

import pytest
from django.conf import settings

from tests.baseline import ensure_wagtail_baseline
from tests.factories import CataloguePageFactory, CoursePageFactory, ModulePageFactory, UserFactory

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def pytest_collection_modifyitems(config, items):
    # PostgreSQL-only tests (real row locks, parallel transactions) are deselected elsewhere, never skipped.
    if ON_POSTGRES:
        return
    keep, drop = [], []
    for item in items:
        (drop if item.get_closest_marker("requires_postgres") else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _empty_cache():
    # The database is rolled back after each test but the cache is not: start every test with neither
    # page routes nor throttles left over from the one before.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def catalogue(db):
    from wagtail.models import Site

    root = ensure_wagtail_baseline()
    catalogue = CataloguePageFactory(parent=root, title="Courses", slug="courses")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": catalogue}
    )
    return catalogue


@pytest.fixture
def course(catalogue):
    course = CoursePageFactory(parent=catalogue, title="Active listening", slug="active-listening")
    for n in range(1, 4):
        ModulePageFactory(parent=course, title=f"Module {n}", slug=f"module-{n}")
    return course


@pytest.fixture
def learner(db):
    return UserFactory(username="learner")


@pytest.fixture
def other_learner(db):
    return UserFactory(username="other")


os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
