"""Scorecards and mystery-shopper scripts in the admin's Training menu, where authors and HR write them;
disputes waiting in the site's navigation; and, on every policy's page, the note that contacts with
customers may be checked."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.core.admin_menu import TRAINING_MENU_HOOK
from lms.core.context_processors import NAV_BADGES_HOOK, NavBadge
from lms.core.templatetags.lms_notes import POLICY_PAGE_NOTES_HOOK, PageNote

from . import selectors
from .models import Scorecard, ShopperScript


class ScorecardViewSet(SnippetViewSet):
    model = Scorecard
    icon = "tasks"
    menu_hook = TRAINING_MENU_HOOK
    menu_order = 40
    list_display = ["title", "version", "updated_at"]
    search_fields = ["title"]


class ShopperScriptViewSet(SnippetViewSet):
    model = ShopperScript
    icon = "user"
    menu_hook = TRAINING_MENU_HOOK
    menu_order = 45
    list_display = ["title", "scorecard", "created_at"]


register_snippet(ScorecardViewSet)
register_snippet(ShopperScriptViewSet)


@hooks.register(NAV_BADGES_HOOK)
def disputes_waiting(nav) -> list[NavBadge]:
    """Leaders and HR: the disputes waiting for them to settle (one COUNT; nothing for anyone else)."""
    if not (nav.is_leader or nav.is_hr):
        return []
    count = selectors.waiting_dispute_count(nav.user, hr=nav.is_hr)
    return [
        NavBadge(
            url=reverse("lms:disputes"),
            label=_("Disputes"),
            count=count,
            description=ngettext(
                "dispute waiting for your decision", "disputes waiting for your decision", count
            ),
            url_name="disputes",
        )
    ]


@hooks.register(POLICY_PAGE_NOTES_HOOK)
def contacts_may_be_checked(user, policy) -> list[PageNote]:
    """Staff are told, where they read the policy, that what they tell customers may be checked."""
    about = (
        _("whether what you tell customers about “%(policy)s” matches its current version")
        % {"policy": policy.title}
        if policy is not None
        else _("whether what you tell customers about our policies matches their current versions")
    )
    return [
        PageNote(
            key="checks",
            heading=_("Your contacts with customers may be checked"),
            body=format_html(
                '<p>{}</p><p>{} <a href="{}">{}</a></p>',
                _(
                    "Your team leader, HR or a mystery shopper (someone who contacts you as a customer "
                    "would) may check some of your calls, emails, chats and conversations at the desk. A "
                    "check looks at how the customer was treated, whether their problem was understood and "
                    "solved the first time, how often they were passed on to someone else, and %(about)s."
                )
                % {"about": about},
                _(
                    "You see every check made of your work, with the checker's notes, and you can reply "
                    "to it or dispute any part of it: someone other than the checker then decides."
                ),
                reverse("lms:my_checks"),
                _("See your checks"),
            ),
        )
    ]
