"""Password reset by email, from the sign-in page: Django's own views, token generator and form, in the
product's layout and voice. Every address gets the same answer, so the form says nothing about who has
an account; a reset link works once (the token is tied to the password it replaces)."""

import unicodedata

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.forms import PasswordResetForm
from django.http import HttpResponseRedirect
from django.urls import reverse, reverse_lazy
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from lms.core import conf, throttle
from lms.core.models import has_joined
from lms.core.notifications.email import absolute
from lms.site import lockout


def session_backend() -> str:
    """The backend a person is signed in with after setting a password: the first one in
    AUTHENTICATION_BACKENDS that can load users from the database (Django asks which when several are
    configured, as with lockout or single sign-on backends beside the model backend)."""
    backends = list(settings.AUTHENTICATION_BACKENDS)
    for path in backends:
        if issubclass(import_string(path), ModelBackend):
            return path
    return backends[0]


def _same(a: str, b: str) -> bool:
    return unicodedata.normalize("NFKC", a).casefold() == unicodedata.normalize("NFKC", b).casefold()


class ResetForm(PasswordResetForm):
    """Django's form, with two differences: someone invited who never set a password may use it too
    (the reset link sets their first one), and the email is the product's, with its public address."""

    def get_users(self, email):
        User = get_user_model()
        field = User.get_email_field_name()
        for user in User._default_manager.filter(**{f"{field}__iexact": email, "is_active": True}):
            # A person who signs in only through single sign-on has no password to reset.
            if _same(email, getattr(user, field) or "") and (
                user.has_usable_password() or not has_joined(user)
            ):
                yield user

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        user = context["user"]
        link = absolute(
            reverse(
                "lms:password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]}
            )
        )
        context.update(
            name=user.first_name or user.get_full_name() or user.get_username(),
            link=link,
            subject=_("Reset your Frontline LMS password"),
            username=user.get_username(),
            sign_in_url=absolute(reverse("lms:login")),
            valid_hours=max(settings.PASSWORD_RESET_TIMEOUT // 3600, 1),
        )
        context["text"] = _("Use the link below to choose a new password. It works once.")
        # Django's form logs a send that fails instead of raising, so the answer stays the same for all.
        super().send_mail(
            subject_template_name,
            email_template_name,
            context,
            from_email,
            to_email,
            html_email_template_name,
        )


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "lms_site/password_reset.html"
    form_class = ResetForm
    subject_template_name = "lms/email/password_reset_subject.txt"
    email_template_name = "lms/email/password_reset.txt"
    html_email_template_name = "lms/email/password_reset.html"
    success_url = reverse_lazy("lms:password_reset_done")

    def form_valid(self, form):
        limit = conf.get("LMS_PASSWORD_RESET_PER_HOUR")
        # A cap per client, so the form cannot be used to flood inboxes...
        client = throttle.client_key(self.request)
        if not throttle.allow(f"password-reset:{client}", limit=limit, window=3600):
            form.add_error(None, _("Too many reset requests from here. Wait an hour and try again."))
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        # ...and per address asked for, from anywhere: past it, the same answer as ever, and no email.
        email = form.cleaned_data["email"].strip().casefold()
        if not throttle.allow(f"password-reset-email:{email}", limit=limit, window=3600):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "lms_site/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "lms_site/set_password.html"
    success_url = reverse_lazy("lms:password_reset_complete")
    extra_context = {"purpose": "reset"}

    def form_valid(self, form):
        response = super().form_valid(form)
        # The person has just proved who they are: a lockout on the account ends, as its message promises.
        lockout.forget_failures(form.user)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "lms_site/password_reset_complete.html"
