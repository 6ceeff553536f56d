"""One cell of a team matrix, rendered in Python: a 50-person page has hundreds of cells, and the
template language spent more time on their conditions than everything else on the page together."""

from django import template
from django.template.defaultfilters import date as format_date
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def matrix_cell(cell):
    label = cell.label + (f" {cell.percent}%" if cell.state == "in_progress" else "")
    # The next step already names expiry dates and whom a locked person waits for.
    notes = [("meta cell__next", cell.next_step)]
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
