import os

import pytest
from django.conf import settings

# Fixtures used by more than one test folder live in these modules, and only there.
pytest_plugins = [
    "tests.fixtures.catalogue",
    "tests.fixtures.people",
    "tests.fixtures.assessments",
    "tests.fixtures.demo",
]

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


os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
