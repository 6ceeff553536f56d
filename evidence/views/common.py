"""What every evidence page shares: a domain refusal shown as the product's 403 or 404 page."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from lms.core.converters import as_id
from lms.core.exceptions import LMSError


def refuse(error: LMSError):
    """A service's refusal as the page's answer: 404 for "not there (for you)", 403 for "not yours"."""
    if error.status == 404:
        raise Http404(error.message)
    raise PermissionDenied(error.message)


def person(user_id):
    """An active person by id from a query string, or 404."""
    text = str(user_id or "")
    found = (
        get_user_model().objects.filter(pk=as_id(text), is_active=True).first()
        if as_id(text) is not None
        else None
    )
    if found is None:
        raise Http404(_("There is nobody with id %(id)s.") % {"id": user_id})
    return found


def name(user) -> str:
    return user.get_full_name() or user.get_username()
