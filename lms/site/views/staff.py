"""HR uploads a staff CSV: dry run first, then import; a file with any bad row imports nothing."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from lms.core import roles, staff_import
from lms.core.audit import Origin


@login_required
def staff_import_view(request):
    roles.require_hr(request.user, "Staff import is for HR.")
    report, status = None, 200
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            report = staff_import.Report(errors=[(0, "Choose a CSV file to upload.")])
        elif not upload.name.lower().endswith(".csv"):
            report = staff_import.Report(errors=[(0, f"“{upload.name}” is not a .csv file.")])
        else:
            report = staff_import.run(
                upload=upload,
                by=request.user,
                dry_run=bool(request.POST.get("dry_run")),
                origin=Origin.of(request),
            )
        status = 400 if report.errors else 200
    return render(
        request,
        "lms_site/staff_import.html",
        {"report": report, "columns": staff_import.COLUMNS},
        status=status,
    )


@login_required
def staff_template(request):
    roles.require_hr(request.user, "Staff import is for HR.")
    body = (
        "employee_id,name,email,team,leader,job_title,parent_team\n"
        "E0100,Ada Obi,ada.obi@example.com,Billing,E0100,Team leader,Customer Service\n"
        "E0101,Sam Reyes,sam.reyes@example.com,Billing,E0100,Billing adviser,Customer Service\n"
    )
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="staff-template.csv"'
    return response
