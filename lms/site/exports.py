"""CSV and XLSX downloads of any table a leader or HR can see."""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _safe(value):
    # Spreadsheet programs run cells starting with these as formulas; prefix them so a name can't.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return "" if value is None else value


def table_download(headers: list[str], rows: list[list], fmt: str, *, filename: str, title: str = "Export"):
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
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def matrix_rows(matrix) -> tuple[list[str], list[list]]:
    headers = ["Person", "Team", "Job title", *[c.title for c in matrix.courses]]
    rows = []
    for row in matrix.rows:
        cells = []
        for cell in row.cells:
            text = cell.label
            if cell.state == "in_progress":
                text += f" {cell.percent}%"
            if cell.expires_on and cell.state in ("certified", "expiring", "expired"):
                text += f" (expires {cell.expires_on:%Y-%m-%d})"
            if cell.due_date and cell.state not in ("certified", "expiring"):
                text += f" — due {cell.due_date:%Y-%m-%d}" + (" OVERDUE" if cell.overdue else "")
            cells.append(text)
        rows.append(
            [
                row.person.name,
                row.person.team_name or "",
                row.person.job_title,
                *cells,
            ]
        )
    return headers, rows


def matrix_download(matrix, fmt: str, *, filename: str):
    headers, rows = matrix_rows(matrix)
    return table_download(headers, rows, fmt, filename=filename, title="Progress")
