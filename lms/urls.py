"""URLs a host site gets with ``path("", include("lms.urls"))``."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from .views import (
    assessment,
    assign,
    audit,
    certificates,
    learner,
    organisation,
    reviews,
    staff,
    statistics,
    team,
    verify,
)
from .views.auth import SignInView

app_name = "lms"

urlpatterns = [
    path("login/", SignInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("training/", learner.my_training, name="my_training"),
    path("training/courses/<id:course_id>/enrol/", learner.enrol, name="enrol"),
    path("training/courses/<id:course_id>/assign/", assign.assign_course, name="assign"),
    path(
        "training/enrolments/<id:enrolment_id>/modules/<id:module_id>/complete/",
        learner.complete_module,
        name="complete_module",
    ),
    path("training/courses/<id:course_id>/assessment/start/", assessment.start_attempt, name="start_attempt"),
    path("training/attempts/<id:attempt_id>/", assessment.attempt_page, name="attempt"),
    path("training/attempts/<id:attempt_id>/save/", assessment.save_attempt, name="save_attempt"),
    path("training/attempts/<id:attempt_id>/submit/", assessment.submit_attempt, name="submit_attempt"),
    path("training/reviews/", reviews.review_queue, name="reviews"),
    path("training/reviews/<id:review_id>/", reviews.review_detail, name="review"),
    path("training/statistics/", statistics.statistics_index, name="statistics"),
    path("training/statistics/<id:assessment_id>/", statistics.statistics_detail, name="statistics_detail"),
    path(
        "training/certificates/<id:certificate_id>/pdf/",
        certificates.certificate_pdf,
        name="certificate_pdf",
    ),
    path("training/certificates/<id:certificate_id>/revoke/", certificates.revoke, name="revoke"),
    path("training/register/", certificates.register, name="register"),
    path("training/register/export/", certificates.start_export, name="start_export"),
    path("training/exports/<id:export_id>/", certificates.export_status, name="export"),
    path("training/exports/<id:export_id>/retry/", certificates.retry_export, name="retry_export"),
    path("training/exports/<id:export_id>/download/", certificates.export_download, name="export_download"),
    path("training/audit/", audit.audit_trail, name="audit"),
    path("training/calendar.ics", learner.calendar_download, name="calendar"),
    path("training/calendar/<str:token>.ics", learner.calendar_feed, name="calendar_feed"),
    path("training/export/", learner.my_training_export, name="my_training_export"),
    path("training/organisation/", organisation.organisation, name="organisation"),
    path("training/organisation/cascade/", organisation.cascade, name="cascade"),
    path("training/organisation/expiring/", organisation.expiries, name="expiries"),
    path("training/staff/import/", staff.staff_import_view, name="staff_import"),
    path("training/staff/template.csv", staff.staff_template, name="staff_template"),
    path("training/team/", team.team_view, name="team"),
    path("training/team/nudge/", team.nudge, name="nudge"),
    path("training/team/members/<id:user_id>/", team.member_history, name="member"),
    path("verify/<str:code>/", verify.verify_page, name="verify"),
    path("api/v1/", include("lms.api.urls")),
]
