"""Invitations in the browser: the page where an invited person sets their first password, and HR's
"Send / Resend invitation" button (member page and staff import page)."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.core import invitations, roles
from lms.core.audit import Origin
from lms.core.exceptions import LMSError
from lms.core.names import display_name
from lms.site import lockout

from .password import session_backend


class AcceptInvitationView(auth_views.PasswordResetConfirmView):
    """Django's set-password view with the invitation's token: the link is swapped for a token-free
    address on the first visit (as Django does), the password is checked against
    AUTH_PASSWORD_VALIDATORS, and the person is signed in straight away."""

    template_name = "lms_site/set_password.html"
    token_generator = invitations.tokens
    post_reset_login = True
    success_url = reverse_lazy("lms:my_training")
    extra_context = {"purpose": "invitation"}

    @property
    def post_reset_login_backend(self):
        return session_backend()

    def form_valid(self, form):
        response = super().form_valid(form)
        invitations.accepted(person=form.user)
        lockout.forget_failures(form.user)
        messages.success(
            self.request,
            _("Welcome, %(name)s. Your password is set: next time, sign in with %(username)s and it.")
            % {"name": form.user.first_name or display_name(form.user), "username": form.user.get_username()},
        )
        return response


@login_required
@require_POST
def send_invitation(request, user_id):
    """HR: email someone a new invitation, then go back where the button was."""
    roles.require_hr(request.user, _("Only HR can send invitations."))
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("lms:member", kwargs={"user_id": user_id})
    try:
        sent = invitations.send_by_id(person_id=user_id, by=request.user, origin=Origin.of(request))
    except LMSError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Invitation emailed to %(name)s at %(email)s. The link works for %(days)s days.")
            % {
                "name": display_name(sent.person),
                "email": sent.person.email,
                "days": invitations.valid_for().days,
            },
        )
    return redirect(back)
