"""HR uploads a staff CSV: dry run first, then import; a file with any bad row imports nothing. The page
also lists who was invited and has not signed in yet, with a button to resend each invitation."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from lms.core import invitations, roles, staff_import
from lms.core.audit import Origin

# People shown in "Waiting to sign in"; the rest are counted.
WAITING_ROWS = 50


@login_required
def staff_import_view(request):
    roles.require_hr(request.user, _("Staff import is for HR."))
    report, status = None, 200
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            report = staff_import.Report(errors=[(0, _("Choose a CSV file to upload."))])
        elif not upload.name.lower().endswith(".csv"):
            report = staff_import.Report(errors=[(0, f"“{upload.name}” is not a .csv file.")])
        else:
            report = staff_import.run(
                upload=upload,
                by=request.user,
                dry_run=bool(request.POST.get("dry_run")),
                leavers=bool(request.POST.get("leavers")),
                origin=Origin.of(request),
            )
        status = 400 if report.errors else 200
    waiting = invitations.waiting()
    return render(
        request,
        "lms_site/staff_import.html",
        {
            "report": report,
            "columns": staff_import.COLUMNS,
            "leavers": bool(request.POST.get("leavers")),
            "waiting": waiting[:WAITING_ROWS],
            "waiting_count": waiting.count(),
            "invitation_days": invitations.valid_for().days,
        },
        status=status,
    )


@login_required
def staff_template(request):
    roles.require_hr(request.user, _("Staff import is for HR."))
    body = (
        "employee_id,name,email,team,leader,job_title,parent_team,active\n"
        "E0100,Ada Obi,ada.obi@example.com,Billing,E0100,Team leader,Customer Service,yes\n"
        "E0101,Sam Reyes,sam.reyes@example.com,Billing,E0100,Billing adviser,Customer Service,yes\n"
        "E0102,Kim Lowe,kim.lowe@example.com,Billing,E0100,Billing adviser,Customer Service,no\n"
    )
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="staff-template.csv"'
    return response
