"""The site's own pages: sign-in, My training, the team view and HR's organisation pages."""

from django.contrib.auth import views as auth_views
from django.urls import path

from .views import audit, invitations, learner, notifications, organisation, password, staff, team
from .views.auth import SignInView

urlpatterns = [
    path("login/", SignInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/reset/", password.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", password.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        password.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/", password.PasswordResetCompleteView.as_view(), name="password_reset_complete"
    ),
    path("welcome/<uidb64>/<token>/", invitations.AcceptInvitationView.as_view(), name="invitation_accept"),
    path("training/", learner.my_training, name="my_training"),
    path("training/audit/", audit.audit_trail, name="audit"),
    path("training/calendar.ics", learner.calendar_download, name="calendar"),
    path("training/calendar/<str:token>.ics", learner.calendar_feed, name="calendar_feed"),
    path("training/export/", learner.my_training_export, name="my_training_export"),
    path("training/notifications/", notifications.notification_list, name="notifications"),
    path(
        "training/notifications/read-all/",
        notifications.notifications_read_all,
        name="notifications_read_all",
    ),
    path(
        "training/notifications/<id:notification_id>/read/",
        notifications.notification_read,
        name="notification_read",
    ),
    path(
        "training/settings/notifications/",
        notifications.notification_settings,
        name="notification_settings",
    ),
    path("training/organisation/", organisation.organisation, name="organisation"),
    path("training/organisation/cascade/", organisation.cascade, name="cascade"),
    path("training/organisation/expiring/", organisation.expiries, name="expiries"),
    path("training/staff/import/", staff.staff_import_view, name="staff_import"),
    path("training/staff/template.csv", staff.staff_template, name="staff_template"),
    path("training/team/", team.team_view, name="team"),
    path("training/team/nudge/", team.nudge, name="nudge"),
    path("training/team/members/<id:user_id>/", team.member_history, name="member"),
    path("training/team/members/<id:user_id>/invite/", invitations.send_invitation, name="send_invitation"),
]
