"""Single sign-on stays off without configuration, and project/settings/sso.py reads the environment."""

import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.test import RequestFactory

from lms.core import sso

from .conftest import CLIENT_ID, CLIENT_SECRET, PROVIDER_NAME, REPO

SETTINGS = Path(__file__).resolve().parents[2] / "project" / "settings" / "sso.py"


def read_settings() -> dict:
    return runpy.run_path(str(SETTINGS))


def button(next_url: str = "") -> str:
    request = RequestFactory().get("/login/")
    request.user = AnonymousUser()
    return render_to_string("lms_site/_sso_button.html", {"next": next_url}, request=request)


@pytest.mark.django_db
def test_without_configuration_there_is_no_button_and_no_door(client):
    assert not sso.enabled()
    assert "Sign in with" not in button()
    assert client.get("/sso/authenticate/").status_code == 404
    assert client.get("/sso/callback/?code=abc&state=xyz").status_code == 404
    assert "Sign in with" not in client.get("/login/").content.decode()


def test_configured_the_button_names_the_provider_and_keeps_next(settings):
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.LMS_OIDC_ISSUER = "https://login.example.com"
    settings.LMS_OIDC_PROVIDER_NAME = PROVIDER_NAME
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, sso.BACKEND]

    html = button("/training/team/")

    assert f"Sign in with {PROVIDER_NAME}" in html
    assert 'href="/sso/authenticate/?next=/training/team/"' in html


def test_the_environment_turns_single_sign_on_on(monkeypatch):
    monkeypatch.setenv("LMS_OIDC_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("LMS_OIDC_CLIENT_SECRET", CLIENT_SECRET)
    monkeypatch.setenv("LMS_OIDC_ISSUER", "https://login.example.com/tenant")
    monkeypatch.setenv("LMS_OIDC_PROVIDER_NAME", PROVIDER_NAME)

    values = read_settings()

    assert values["SSO_AUTHENTICATION_BACKENDS"] == [sso.BACKEND]
    assert values["OIDC_RP_CLIENT_ID"] == CLIENT_ID
    assert values["OIDC_RP_SIGN_ALGO"] == "RS256"
    assert values["LMS_OIDC_ISSUER"] == "https://login.example.com/tenant"
    assert "OIDC_OP_TOKEN_ENDPOINT" not in values  # read from the issuer's discovery document
    assert values["OIDC_CREATE_USER"] is False


def test_explicit_endpoints_need_no_issuer(monkeypatch):
    monkeypatch.setenv("LMS_OIDC_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("LMS_OIDC_CLIENT_SECRET", CLIENT_SECRET)
    for name in ("AUTHORIZATION", "TOKEN", "USERINFO", "JWKS"):
        monkeypatch.setenv(f"LMS_OIDC_{name}_ENDPOINT", f"https://login.example.com/{name.lower()}")

    values = read_settings()

    assert values["OIDC_OP_JWKS_ENDPOINT"] == "https://login.example.com/jwks"
    assert values["SSO_AUTHENTICATION_BACKENDS"] == [sso.BACKEND]


def test_without_the_environment_single_sign_on_is_off(monkeypatch):
    monkeypatch.delenv("LMS_OIDC_CLIENT_ID", raising=False)

    assert read_settings()["SSO_AUTHENTICATION_BACKENDS"] == []


@pytest.mark.parametrize(
    ("environment", "named"),
    [
        ({"LMS_OIDC_ISSUER": "https://login.example.com"}, "LMS_OIDC_CLIENT_SECRET"),
        ({"LMS_OIDC_CLIENT_SECRET": CLIENT_SECRET}, "LMS_OIDC_ISSUER"),
        (
            {
                "LMS_OIDC_CLIENT_SECRET": CLIENT_SECRET,
                "LMS_OIDC_TOKEN_ENDPOINT": "https://login.example.com/t",
            },
            "LMS_OIDC_JWKS_ENDPOINT",
        ),
        (
            {
                "LMS_OIDC_CLIENT_SECRET": CLIENT_SECRET,
                "LMS_OIDC_ISSUER": "https://x",
                "LMS_OIDC_SIGN_ALGO": "HS256",
            },
            "LMS_OIDC_SIGN_ALGO",
        ),
        (
            {
                "LMS_OIDC_CLIENT_SECRET": CLIENT_SECRET,
                "LMS_OIDC_ISSUER": "https://x",
                "LMS_OIDC_SCOPES": "openid",
            },
            "LMS_OIDC_SCOPES",
        ),
    ],
)
def test_a_half_configuration_stops_the_site_naming_what_is_missing(monkeypatch, environment, named):
    monkeypatch.setenv("LMS_OIDC_CLIENT_ID", CLIENT_ID)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)

    with pytest.raises(ImproperlyConfigured, match=named):
        read_settings()


def test_the_plugin_runs_without_the_optional_sso_package():
    # A host site that did not install the "sso" group: no SSO URLs, no button, and nothing breaks.
    script = (
        "import sys; sys.modules['mozilla_django_oidc'] = None\n"
        "import django; django.setup()\n"
        "from django.urls import reverse, NoReverseMatch\n"
        "from lms.core import sso\n"
        "from lms.core.context_processors import sso_link\n"
        "assert not sso.INSTALLED and not sso.enabled() and sso_link() is None\n"
        "try:\n    reverse('lms:sso_authenticate')\nexcept NoReverseMatch:\n    print('no sso urls')\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "project.settings.test", "PYTHONPATH": str(REPO)}
    env.pop("LMS_OIDC_CLIENT_ID", None)
    done = subprocess.run([sys.executable, "-c", script], env=env, cwd=REPO, capture_output=True, text=True)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "no sso urls"
