"""A real OpenID provider for the single sign-on tests, and a browser-like client that walks the flow.

The provider is django-oidc-provider running as its own small Django site (tests/sso/provider_site) in a
subprocess on a free loopback port, with its own SQLite file. The product runs as pytest-django's
``live_server``; the two talk over real HTTP, as they would in production.
"""

import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests
from bs4 import BeautifulSoup

from lms.core import sso

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "provider-pass-8812"  # noqa: S105
CLIENT_ID = "frontline-lms"
CLIENT_SECRET = "frontline-lms-secret-0123456789"  # noqa: S105
PROVIDER_NAME = "Contoso ID"

# People with an account at the provider; which of them the product knows is up to each test.
PROVIDER_PEOPLE = {
    # The provider sends the address in another case than HR imported it.
    "alice": {"email": "Alice.Adviser@Frontline.Example", "first_name": "Alice", "last_name": "Adviser"},
    "stranger": {"email": "stranger@frontline.example", "first_name": "Sam", "last_name": "Stranger"},
    "leaver": {"email": "leaver@frontline.example", "first_name": "Lee", "last_name": "Leaver"},
    "unconfirmed": {
        "email": "unconfirmed@frontline.example",
        "first_name": "Unconfirmed",
        "last_name": "Person",
    },
}


@dataclass
class Provider:
    url: str

    @property
    def issuer(self) -> str:
        return f"{self.url}/openid"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def oidc_provider(live_server, tmp_path_factory):
    folder = tmp_path_factory.mktemp("oidc_provider")
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "DJANGO_SETTINGS_MODULE": "tests.sso.provider_site.settings",
        "PROVIDER_DB": str(folder / "provider.sqlite3"),
    }
    env.pop("DATABASE_URL", None)
    spec = {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "redirect_uri": f"{live_server.url}/sso/callback/",
        "people": [
            {"username": name, "password": PASSWORD, **fields} for name, fields in PROVIDER_PEOPLE.items()
        ],
    }
    subprocess.run(
        [sys.executable, "-m", "tests.sso.provider_site.seed", json.dumps(spec)],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    port = _free_port()
    log = open(folder / "provider.log", "wb")  # noqa: SIM115 (closed at teardown)
    process = subprocess.Popen(
        [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload", "--nothreading"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    provider = Provider(url=f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{provider.issuer}/.well-known/openid-configuration", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"The OpenID provider did not start; see {folder / 'provider.log'}")
            time.sleep(0.2)
        yield provider
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture
def sso_on(settings, oidc_provider):
    """The product configured as project/settings/sso.py would be with LMS_OIDC_ISSUER set."""
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.LMS_OIDC_ISSUER = oidc_provider.issuer
    settings.LMS_OIDC_PROVIDER_NAME = PROVIDER_NAME
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, sso.BACKEND]
    return oidc_provider


def submit_form(
    browser: requests.Session, page: requests.Response, fields: dict, *, button: str | None = None
):
    """Submit the page's first form as a browser would: its hidden inputs, the given fields, and the
    named button."""
    form = BeautifulSoup(page.text, "html.parser").find("form")
    assert form is not None, f"No form on {page.url}: {page.text[:500]}"
    data = {
        field["name"]: field.get("value", "")
        for field in form.find_all("input")
        if field.get("name") and field.get("type") in ("hidden", None, "text")
    }
    data.update(fields)
    if button:
        data[button] = "1"
    return browser.post(urljoin(page.url, form.get("action") or page.url), data=data, timeout=20)


def sign_in_with_provider(product_url: str, username: str, *, consent: bool = True, next_url: str = ""):
    """Walk the authorization-code flow from the product's button to wherever the product sends the
    browser at the end. Returns the browser (its cookies) and the last response."""
    browser = requests.Session()
    start = f"{product_url}/sso/authenticate/" + (f"?next={next_url}" if next_url else "")
    login_page = browser.get(start, timeout=20)
    assert "/accounts/login/" in login_page.url, login_page.url
    consent_page = submit_form(browser, login_page, {"username": username, "password": PASSWORD})
    assert "Request for Permission" in consent_page.text, consent_page.text[:500]
    last = submit_form(browser, consent_page, {}, button="allow" if consent else None)
    return browser, last
