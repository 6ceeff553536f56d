"""Every API view asks who is calling itself: it declares its permissions rather than inheriting the
host site's DRF defaults, so a host that lets anyone in by default still exposes nobody's data."""

from django.urls import get_resolver
from rest_framework import permissions

# Public on purpose: the certificate check, the token exchange, the schema and docs, and the one-use customer
# survey (its unguessable token is the permission).
PUBLIC = {"api_verify", "api_token", "api_schema", "api_docs", "api_survey_answer"}

PLUGIN_PACKAGES = ("lms", "courses", "quizzes", "certificates", "evidence", "attestation", "boosters")


def _all(patterns):
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            yield from _all(pattern.url_patterns)
        else:
            yield pattern


def _declared_by(view) -> type:
    """The class whose ``permission_classes`` the view uses."""
    return next(cls for cls in view.__mro__ if "permission_classes" in vars(cls))


def test_every_api_view_but_the_public_ones_declares_sign_in_itself():
    checked = 0
    for pattern in _all(get_resolver().url_patterns):
        view = getattr(pattern.callback, "cls", None)
        if view is None or pattern.name in PUBLIC or not (pattern.name or "").startswith("api_"):
            continue
        owner = _declared_by(view)
        assert owner.__module__.split(".")[0] in PLUGIN_PACKAGES, pattern.name
        assert permissions.IsAuthenticated in view.permission_classes, pattern.name
        checked += 1
    assert checked >= 30
