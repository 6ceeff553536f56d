"""Sign-in lockout, as django-axes is told to run it (the AXES_* settings name these functions).

axes counts failed password sign-ins per account and address at every door that calls
``django.contrib.auth.authenticate`` with the request: the site's sign-in page, the Wagtail admin's, the
Django admin's and the API token endpoint. The limits are LMS_LOGIN_MAX_FAILURES and
LMS_LOGIN_LOCKOUT_SECONDS (lms.core.conf), the address is lms.core.client.client_ip, and the person who
is locked out is told what to do: at the sign-in forms as a form error, in the API as 429 ``locked_out``,
and anywhere else on a page of its own.
"""

import math
from datetime import timedelta

from django.apps import apps
from django.shortcuts import render
from django.utils.translation import gettext, ngettext

from lms.core import conf


def failure_limit(request, credentials) -> int:
    """AXES_FAILURE_LIMIT."""
    return conf.get("LMS_LOGIN_MAX_FAILURES")


def cool_off(request) -> timedelta:
    """AXES_COOLOFF_TIME: how long a lockout lasts, counted from the failure that caused it."""
    return timedelta(seconds=conf.get("LMS_LOGIN_LOCKOUT_SECONDS"))


def is_not_a_password_sign_in(request, credentials) -> bool:
    """AXES_WHITELIST_CALLABLE: attempts without a username are never counted nor refused.

    Single sign-on backends authenticate with a code from the identity provider, not a username and a
    password; a failed callback (a stale or replayed code) is no guess at anyone's password, and must not
    lock people out of the company's own sign-on."""
    return not (credentials or {}).get("username")


def message() -> str:
    minutes = max(1, math.ceil(conf.get("LMS_LOGIN_LOCKOUT_SECONDS") / 60))
    return ngettext(
        "Too many unsuccessful sign-ins for this account. For your security, wait %(minutes)d minute and "
        "try again, or reset your password or ask HR for help.",
        "Too many unsuccessful sign-ins for this account. For your security, wait %(minutes)d minutes and "
        "try again, or reset your password or ask HR for help.",
        minutes,
    ) % {"minutes": minutes}


def forget_failures(user) -> None:
    """End any lockout on this account, from every address: for when a new password is set through a
    reset or invitation link (the person has just proved who they are, as the message promises)."""
    if not apps.is_installed("axes"):
        return  # a host site without axes has no lockout to end (and could not import its models)
    from axes.utils import reset

    reset(username=user.get_username())


def explained(request) -> None:
    """Note that this request's own page already tells the person why (see ``response``)."""
    request.lms_lockout_explained = True


def response(request, original_response, credentials):
    """AXES_LOCKOUT_CALLABLE: what a locked-out request gets instead of axes's bare text.

    Our sign-in forms (site and Wagtail admin) already show the message in the form, so their own page
    stands, as 429; any other door (the Django admin) gets a page that says the same."""
    if original_response is not None and getattr(request, "lms_lockout_explained", False):
        original_response.status_code = 429
        return original_response
    context = {"title": gettext("Sign-in paused"), "message": message()}
    return render(request, "lms_site/locked_out.html", context, status=429)
