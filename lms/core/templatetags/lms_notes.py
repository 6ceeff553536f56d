"""Notes other apps add to a page they do not own, through a Wagtail hook per page.

``lms_policy_page_notes``
    ``fn(user, policy) -> list[PageNote]``: notes for a policy's page (``lms:policy``) as ``user`` reads
    it. Evidence adds "your contacts with customers may be checked"; a host site can add its own.

A template asks with ``{% load lms_notes %}{% page_notes "policy" policy as notes %}`` and shows each
note's ``heading`` and ``body`` (HTML: build it with ``format_html``; plain text is escaped). A page
named ``<page>`` reads the hook ``lms_<page>_page_notes``.
"""

from dataclasses import dataclass

from django import template
from wagtail import hooks

register = template.Library()

POLICY_PAGE_NOTES_HOOK = "lms_policy_page_notes"


@dataclass(frozen=True)
class PageNote:
    heading: str
    body: str
    key: str = ""


def notes_for(page: str, user, obj=None) -> list[PageNote]:
    """Every registered note for ``page``, in the order the hooks were registered."""
    found: list[PageNote] = []
    for notes_of in hooks.get_hooks(f"lms_{page}_page_notes"):
        found.extend(notes_of(user, obj) or ())
    return found


@register.simple_tag(takes_context=True)
def page_notes(context, page: str, obj=None) -> list[PageNote]:
    request = context.get("request")
    return notes_for(page, getattr(request, "user", None), obj)
