"""The client's address, read once (lms.core.client.client_ip) through the trusted proxies only, and the
same for sign-in lockouts, the public verify throttle and the audit trail."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory
from rest_framework.test import APIClient

from certificates.views import VERIFY_LIMIT_PER_MINUTE
from lms.core.client import client_ip
from lms.core.models import AuditEvent
from lms.site.api.auth import LoginThrottle
from tests.factories import ProfileFactory, UserFactory

PROXY = "10.0.0.2"  # the reverse proxy, as the web machine sees it
CLIENT, OTHER_CLIENT, SPOOFED = "203.0.113.9", "203.0.113.10", "198.51.100.1"


def _request(remote_addr: str, forwarded_for: str | None = None):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **extra)


@pytest.fixture
def one_proxy(settings):
    settings.LMS_TRUSTED_PROXY_COUNT = 1


def test_with_no_trusted_proxy_x_forwarded_for_is_ignored():
    # The default: whoever connects is the client, whatever header it sends.
    assert client_ip(_request(CLIENT, SPOOFED)) == CLIENT
    assert client_ip(_request(CLIENT)) == CLIENT


def test_with_one_trusted_proxy_the_right_most_untrusted_address_is_the_client(one_proxy):
    # The proxy appended the address it was reached from; what the client sent stays to its left.
    assert client_ip(_request(PROXY, f"{SPOOFED}, {CLIENT}")) == CLIENT
    assert client_ip(_request(PROXY, CLIENT)) == CLIENT
    # Garbage from the client is skipped, not a reason to fall back to the proxy's address.
    assert client_ip(_request(PROXY, f"not-an-address, {CLIENT}")) == CLIENT
    # No header: a direct connection, so the peer is the client.
    assert client_ip(_request(CLIENT)) == CLIENT


def test_with_two_trusted_proxies_both_of_their_entries_are_skipped(settings):
    settings.LMS_TRUSTED_PROXY_COUNT = 2
    cdn = "192.0.2.50"
    assert client_ip(_request(PROXY, f"{SPOOFED}, {CLIENT}, {cdn}")) == CLIENT
    # Fewer entries than trusted proxies: not through them, so the header proves nothing.
    assert client_ip(_request(PROXY, CLIENT)) == PROXY


def test_the_header_is_read_only_from_the_listed_proxies(one_proxy, settings):
    settings.LMS_TRUSTED_PROXIES = ["10.0.0.0/24"]
    assert client_ip(_request(PROXY, f"{SPOOFED}, {CLIENT}")) == CLIENT
    # Someone reaching a web machine directly cannot pick an address.
    assert client_ip(_request(OTHER_CLIENT, SPOOFED)) == OTHER_CLIENT


@pytest.mark.parametrize(
    "name, value",
    [
        ("LMS_TRUSTED_PROXY_COUNT", -1),
        ("LMS_TRUSTED_PROXY_COUNT", "1"),
        ("LMS_TRUSTED_PROXIES", ["proxy.lan"]),
    ],
)
def test_a_misconfigured_proxy_setting_says_what_is_wrong(settings, name, value):
    settings.LMS_TRUSTED_PROXY_COUNT = 1
    setattr(settings, name, value)
    with pytest.raises(ImproperlyConfigured, match=name):
        client_ip(_request(PROXY, CLIENT))


@pytest.mark.django_db
def test_a_spoofed_header_does_not_escape_the_lockout(settings):
    """With nobody trusted, a guesser who changes X-Forwarded-For on every try is still one address."""
    settings.AXES_ENABLED = True
    UserFactory(username="ann")
    for n in range(5):
        Client().post(
            "/login/",
            {"username": "ann", "password": "wrong"},
            REMOTE_ADDR=CLIENT,
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        )
    response = Client().post(
        "/login/",
        {"username": "ann", "password": "pass1234"},
        REMOTE_ADDR=CLIENT,
        HTTP_X_FORWARDED_FOR=SPOOFED,
    )
    assert response.status_code == 429


@pytest.mark.django_db
def test_behind_the_proxy_the_lockout_holds_the_real_client_only(settings, one_proxy):
    settings.AXES_ENABLED = True
    UserFactory(username="ann")
    for n in range(5):
        Client().post(
            "/login/",
            {"username": "ann", "password": "wrong"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, {CLIENT}",
        )

    def sign_in(forwarded_for):
        return Client().post(
            "/login/",
            {"username": "ann", "password": "pass1234"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )

    # Everyone arrives from the proxy, but only the guesser's own address is locked.
    assert sign_in(f"{SPOOFED}, {CLIENT}").status_code == 429
    assert sign_in(OTHER_CLIENT).status_code == 302


@pytest.mark.django_db
def test_a_spoofed_header_does_not_escape_the_token_throttle():
    """DRF would key its throttle on whatever X-Forwarded-For says; ours keys on client_ip."""
    api = APIClient()

    def ask(n):
        return api.post(
            "/api/v1/auth/token/",
            {"username": "nobody", "password": "x"},
            format="json",
            REMOTE_ADDR=CLIENT,
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        )

    assert all(ask(n).status_code == 400 for n in range(LoginThrottle().num_requests))
    response = ask(99)
    assert response.status_code == 429 and response.json()["code"] != "locked_out"


@pytest.mark.django_db
def test_behind_the_proxy_the_verify_throttle_counts_each_client(client, one_proxy):
    for _ in range(VERIFY_LIMIT_PER_MINUTE):
        client.get("/verify/NO-SUCH-CODE/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=CLIENT)
    assert (
        client.get("/verify/NO-SUCH-CODE/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=CLIENT).status_code == 429
    )
    # Another client behind the same proxy has a bucket of its own.
    assert (
        client.get("/verify/NO-SUCH-CODE/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=OTHER_CLIENT).status_code
        == 404
    )


@pytest.mark.django_db
def test_the_audit_trail_records_the_client_behind_the_proxy(one_proxy, course, org):
    member = ProfileFactory(user=UserFactory(username="member"), team=org.desk).user
    api = APIClient()
    api.force_authenticate(org.lead)
    response = api.post(
        "/api/v1/assignments/",
        {"course": course.pk, "users": [member.pk]},
        format="json",
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"{SPOOFED}, {CLIENT}",
    )
    assert response.status_code == 201
    events = AuditEvent.objects.filter(subject=member)
    assert events.exists() and {e.ip_address for e in events} == {CLIENT}
