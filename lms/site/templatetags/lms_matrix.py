"""One cell of a team matrix, rendered in Python: a 50-person page has hundreds of cells, and the
template language spent more time on their conditions than everything else on the page together.

The cell is the learner's own standing (My training shows the same one), but the matrix is read by their
leader: where the learner's next step speaks to the learner ("Opens when your team leader…", "Wait for a
team leader's review…", "Revisit the modules…"), the cell says instead, from the standing's fields, what
the leader needs to know."""

from django import template
from django.template.defaultfilters import date as format_date
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from certificates.standing import ASSESSMENT, AWAITING_REVIEW, LOCKED
from lms.core.names import display_name

register = template.Library()

# The standing's own words (certificates' catalogue translates them) for an assessment that waits for the
# leader's certificate: held in a name so this catalogue does not collect a second copy.
ASSESSMENT_WAITS = "The assessment opens when your team leader, %(leader)s, is certified."


def _waiting_for(cell, viewer_name: str) -> str:
    if viewer_name and cell.blocked_by == viewer_name:
        return _("Waiting for you to be certified")
    return _("Waiting for %(leader)s to be certified") % {"leader": cell.blocked_by}


def leader_note(cell, viewer_name: str = "") -> str:
    """What the leader reads under the cell's state: the standing's next step, put in their voice."""
    if cell.state == LOCKED and cell.blocked_by:
        return _waiting_for(cell, viewer_name)
    if cell.state == AWAITING_REVIEW and cell.reviews_waiting:
        return ngettext(
            "%(count)d item waiting for review", "%(count)d items waiting for review", cell.reviews_waiting
        ) % {"count": cell.reviews_waiting}
    if cell.state == ASSESSMENT:
        # The same words the standing used when the assessment waits for the leader's certificate.
        blocked = cell.blocked_by and cell.next_step == _(ASSESSMENT_WAITS) % {"leader": cell.blocked_by}
        if blocked:
            return _waiting_for(cell, viewer_name)
        if cell.changes_at:
            local = timezone.localtime(cell.changes_at)
            return _("Not passed yet: can retry after %(time)s on %(day)s") % {
                "time": format_date(local, "H:i"),
                "day": format_date(local, "j M"),
            }
    return cell.next_step


@register.simple_tag
def matrix_cell(cell, viewer=None):
    """``viewer``: who reads the matrix (the request's user), so a leader reads "Waiting for you"."""
    label = cell.label + (f" {cell.percent}%" if cell.state == "in_progress" else "")
    viewer_name = display_name(viewer) if viewer is not None and viewer.is_authenticated else ""
    # The note already names expiry dates and whom a locked person waits for.
    notes = [("meta cell__next", leader_note(cell, viewer_name))]
    if cell.due_date and not cell.is_done:
        day = {"day": format_date(cell.due_date, "j M")}
        if cell.overdue:
            notes.append(("meta due--overdue", _("overdue since %(day)s") % day))
        else:
            notes.append(("meta", _("due %(day)s") % day))
    return format_html(
        '<td class="cell cell--{}{}"><span class="cell__state">{}</span>{}</td>',
        cell.state,
        " cell--overdue" if cell.overdue else "",
        label,
        format_html_join("", '<span class="{}">{}</span>', notes),
    )
