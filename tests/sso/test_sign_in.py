"""Single sign-on against a real OpenID provider (django-oidc-provider on loopback, see conftest.py):
imported people get in, people HR has not imported and leavers do not, and nobody is created."""

import pytest
import requests
from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse

from lms.core import conf
from tests.factories import ProfileFactory, UserFactory

from .conftest import PROVIDER_NAME, sign_in_with_provider

pytestmark = pytest.mark.django_db(transaction=True)

User = get_user_model()


def imported(username: str, email: str, **fields):
    """Someone HR imported: an account with a staff profile."""
    person = UserFactory(username=username, email=email, **fields)
    ProfileFactory(user=person)
    return person


def my_training(browser: requests.Session, live_server) -> requests.Response:
    return browser.get(live_server.url + reverse("lms:my_training"), allow_redirects=False, timeout=20)


def test_an_imported_person_signs_in_by_email_whatever_its_case(live_server, sso_on):
    alice = imported("e1001", "alice.adviser@frontline.example", first_name="Alice", last_name="Adviser")

    browser, landing = sign_in_with_provider(live_server.url, "alice")

    assert landing.status_code == 200
    assert landing.url == live_server.url + reverse("lms:my_training")
    page = my_training(browser, live_server)
    assert page.status_code == 200
    assert alice.get_username() in page.text  # the header's "Sign out <username>"
    assert User.objects.count() == 1


def test_sign_in_returns_to_the_page_asked_for(live_server, sso_on):
    imported("e1001", "alice.adviser@frontline.example")
    wanted = reverse("lms:notifications")

    _, landing = sign_in_with_provider(live_server.url, "alice", next_url=wanted)

    assert landing.status_code == 200
    assert landing.url == live_server.url + wanted


def test_a_person_hr_has_not_imported_is_refused_and_not_created(live_server, sso_on):
    imported("e1001", "alice.adviser@frontline.example")
    before = set(User.objects.values_list("pk", flat=True))

    browser, page = sign_in_with_provider(live_server.url, "stranger")

    assert page.status_code == 403
    assert "Your organisation has not added you to the training yet; ask HR." in page.text
    assert "stranger@frontline.example" in page.text  # what to tell HR
    assert 'class="site-header"' in page.text  # the product's own layout
    assert set(User.objects.values_list("pk", flat=True)) == before
    assert my_training(browser, live_server).status_code == 302  # still signed out


def test_an_account_with_that_email_but_no_staff_profile_is_not_matched(live_server, sso_on):
    # An administrator's account that happens to share the address is not an imported person.
    UserFactory(username="admin", email="stranger@frontline.example", is_staff=True)

    browser, page = sign_in_with_provider(live_server.url, "stranger")

    assert page.status_code == 403
    assert "Your organisation has not added you to the training yet; ask HR." in page.text
    assert my_training(browser, live_server).status_code == 302


def test_a_leaver_is_refused(live_server, sso_on):
    imported("e2002", "leaver@frontline.example", is_active=False)

    browser, page = sign_in_with_provider(live_server.url, "leaver")

    assert page.status_code == 403
    assert "Your training account is no longer active." in page.text
    assert my_training(browser, live_server).status_code == 302


def test_a_leavers_open_session_ends_when_they_leave(live_server, sso_on):
    alice = imported("e1001", "alice.adviser@frontline.example")
    browser, _ = sign_in_with_provider(live_server.url, "alice")
    assert my_training(browser, live_server).status_code == 200

    User.objects.filter(pk=alice.pk).update(is_active=False)

    assert my_training(browser, live_server).status_code == 302


def test_an_address_the_provider_has_not_confirmed_is_refused(live_server, sso_on):
    imported("e3003", "unconfirmed@frontline.example")

    browser, page = sign_in_with_provider(live_server.url, "unconfirmed")

    assert page.status_code == 403
    assert "Your email address is not confirmed" in page.text
    assert my_training(browser, live_server).status_code == 302


def test_declining_at_the_provider_signs_nobody_in(live_server, sso_on):
    imported("e1001", "alice.adviser@frontline.example")

    browser, page = sign_in_with_provider(live_server.url, "alice", consent=False)

    assert page.status_code == 400
    assert "Sign-in was not completed" in page.text
    assert my_training(browser, live_server).status_code == 302


def test_a_callback_link_works_once_and_only_in_the_browser_that_started_it(live_server, sso_on):
    imported("e1001", "alice.adviser@frontline.example")
    browser, landing = sign_in_with_provider(live_server.url, "alice")
    callback = next(r for r in landing.history if "/sso/callback/" in r.url).url

    elsewhere = requests.get(callback, timeout=20)
    again = browser.get(callback, timeout=20)

    assert elsewhere.status_code == 400
    assert "This sign-in link has expired" in elsewhere.text
    assert again.status_code == 400
    assert my_training(browser, live_server).status_code == 200  # a stale link changes nothing


def test_a_callback_this_browser_did_not_start_signs_nobody_out(live_server, sso_on):
    imported("e1001", "alice.adviser@frontline.example")
    browser, _ = sign_in_with_provider(live_server.url, "alice")

    planted = browser.get(f"{live_server.url}/sso/callback/?error=access_denied&state=planted", timeout=20)

    assert planted.status_code == 400
    assert my_training(browser, live_server).status_code == 200


def test_an_unreachable_provider_gets_a_clear_page(live_server, sso_on, settings):
    settings.LMS_OIDC_ISSUER = "http://127.0.0.1:9/openid"  # nothing listens on the discard port

    page = requests.get(live_server.url + "/sso/authenticate/", timeout=30)

    assert page.status_code == 502
    assert f"We could not reach {PROVIDER_NAME}" in page.text


def test_single_sign_on_is_outside_the_password_lockout(live_server, sso_on, settings):
    settings.AXES_ENABLED = True
    alice = imported("e1001", "alice.adviser@frontline.example", password="the-real-one-42")
    login = live_server.url + reverse("lms:login")
    guesser = requests.Session()
    for password in ["a-wrong-guess"] * conf.get("LMS_LOGIN_MAX_FAILURES") + ["the-real-one-42"]:
        form = guesser.get(login, timeout=20)
        guesser.post(login, data={"username": "e1001", "password": password, **_csrf(form)}, timeout=20)
    assert my_training(guesser, live_server).status_code == 302  # the password door is locked for her
    attempts = AccessAttempt.objects.count()

    _, refused = sign_in_with_provider(live_server.url, "stranger")
    assert refused.status_code == 403
    assert AccessAttempt.objects.count() == attempts  # a refused single sign-on is no failed password

    browser, landing = sign_in_with_provider(live_server.url, "alice")

    assert landing.url == live_server.url + reverse("lms:my_training")
    assert alice.get_username() in my_training(browser, live_server).text


def _csrf(page: requests.Response) -> dict:
    field = BeautifulSoup(page.text, "html.parser").find("input", {"name": "csrfmiddlewaretoken"})
    return {"csrfmiddlewaretoken": field["value"]}
