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
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from certificates.standing import ASSESSMENT, AWAITING_REVIEW, LOCKED, STATE_LABELS
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


def _viewer_name(viewer) -> str:
    return display_name(viewer) if viewer is not None and viewer.is_authenticated else ""


def _cell(cell, viewer_name: str, labels: dict) -> str:
    label = labels[cell.state] + (f" {cell.percent}%" if cell.state == "in_progress" else "")
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


@register.simple_tag
def matrix_cell(cell, viewer=None):
    """``viewer``: who reads the matrix (the request's user), so a leader reads "Waiting for you"."""
    return _cell(cell, _viewer_name(viewer), {cell.state: cell.label})


@register.simple_tag
def matrix_rows(rows, viewer=None):
    """The matrix's body rows: each person's name (linking to their history) and team, then a cell per
    course. One tag for the page rather than a template loop: the loop's lookups cost more than the rows."""
    from django.urls import reverse

    viewer_name = _viewer_name(viewer)
    labels = {state: str(label) for state, label in STATE_LABELS.items()}  # each translated once
    member_url = reverse("lms:member", args=[0]).removesuffix("0/")
    return format_html_join(
        "\n",
        '<tr{}><th scope="row"><a href="{}{}/">{}</a><br><span class="meta">{}</span></th>{}</tr>',
        (
            (
                mark_safe(' class="row--overdue"') if row.overdue else "",  # noqa: S308 - a fixed string
                member_url,
                row.person.user_id,
                row.person.name,
                row.person.team_name or "",
                mark_safe("".join(_cell(c, viewer_name, labels) for c in row.cells)),  # noqa: S308 - built by format_html
            )
            for row in rows
        ),
    )
