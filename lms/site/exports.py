"""CSV and XLSX downloads of any table a leader or HR can see."""

import csv
import datetime
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _safe(value):
    # Spreadsheet programs run cells starting with these as formulas; prefix them so a name can't.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return "" if value is None else value


def _column_width(values) -> int:
    longest = max((len(str(v)) for v in values if v not in (None, "")), default=6)
    return min(max(longest, 6), 60) + 2


def table_download(headers: list[str], rows: list[list], fmt: str, *, filename: str, title: str = ""):
    # Headers, titles and words in cells are for people, so they follow the page's language, CSV too (the
    # API is the interface for other systems; staff import reads its own fixed English column keys).
    title = title or _("Export")
    rows = [[_safe(v) for v in row] for row in rows]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(headers)
        writer.writerows(rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for index, header in enumerate(headers, start=1):
        column = sheet.cell(1, index).column_letter
        sheet.column_dimensions[column].width = _column_width([header, *(r[index - 1] for r in rows[:500])])
        for (value,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index, values_only=False):
            if isinstance(value.value, datetime.date):
                value.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def matrix_rows(matrix) -> tuple[list[str], list[list]]:
    """One row per person and course, numbers as numbers and dates as dates, so a spreadsheet can sort,
    filter and chart them; the state and next step are the ones every screen shows."""
    headers = [
        _("Person"),
        _("Team"),
        _("Job title"),
        _("Course"),
        _("State"),
        _("Progress %"),
        _("Next step"),
        _("Due date"),
        _("Overdue"),
        _("Certificate expires"),
    ]
    rows = []
    for row in matrix.rows:
        person = [row.person.name, row.person.team_name or "", row.person.job_title]
        for course, cell in zip(matrix.courses, row.cells, strict=True):
            rows.append(
                [
                    *person,
                    course.title,
                    cell.label,
                    cell.percent,
                    cell.next_step,
                    cell.due_date,
                    _("yes") if cell.overdue else _("no"),
                    cell.expires_on,
                ]
            )
    return headers, rows


def matrix_download(matrix, fmt: str, *, filename: str):
    headers, rows = matrix_rows(matrix)
    return table_download(headers, rows, fmt, filename=filename, title=_("Progress"))
