"""A notification as an email: HTML with a plain-text part, from the templates of its kind.

Templates live in ``lms/email/<kind>.html`` and ``lms/email/<kind>.txt`` (both extend a shared layout); a
host site overrides any of them by providing the same name earlier in its template path.
"""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse

from .. import conf
from ..languages import in_language_of
from ..models import Notification


def absolute(link: str) -> str:
    """A site path as a full address on the public base URL (full addresses stay as they are)."""
    if not link:
        return ""
    if link.startswith(("http://", "https://")):
        return link
    return conf.public_base_url() + link


def _page(name: str) -> str:
    try:
        return absolute(reverse(name))
    except NoReverseMatch:  # a host site that leaves out the LMS pages
        return ""


def email_context(notification: Notification) -> dict:
    recipient = notification.recipient
    details = dict(notification.context)
    for key, value in list(details.items()):
        if key.endswith("_link") and isinstance(value, str):
            details[key] = absolute(value)
    return {
        "notification": notification,
        "subject": notification.subject,
        "text": notification.text,
        "name": recipient.first_name or recipient.get_full_name() or recipient.get_username(),
        "link": absolute(notification.link),
        "c": details,
        "training_url": _page("lms:my_training"),
        "preferences_url": _page("lms:notification_settings"),
        "base_url": conf.public_base_url(),
    }


def build_email(notification: Notification, *, connection=None) -> EmailMultiAlternatives:
    """The email in the recipient's own language (their profile's choice, else the site's): it is built in
    a background task, where no browser says which. The subject and text were written in it already."""
    context = email_context(notification)
    kind = notification.kind
    with in_language_of(notification.recipient):
        text = render_to_string(f"lms/email/{kind}.txt", context)
        html = render_to_string(f"lms/email/{kind}.html", context)
    message = EmailMultiAlternatives(
        subject=notification.subject, body=text, to=[notification.email_to], connection=connection
    )
    message.attach_alternative(html, "text/html")
    return message
