"""Sign-in with a lockout that explains itself.

django-axes does the counting and the refusing (lms.site.lockout); these forms only turn its refusal into
the message that says what to do, where the person is already looking: under the sign-in form."""

from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from lms.site import lockout


class ExplainsLockoutMixin:
    """For any AuthenticationForm: when axes has locked this account at this address, say so instead of
    "the password did not match" (which the right password would then contradict)."""

    def get_invalid_login_error(self):
        if getattr(self.request, "axes_locked_out", False):
            lockout.explained(self.request)
            return ValidationError(lockout.message(), code="locked_out")
        return super().get_invalid_login_error()


class SignInForm(ExplainsLockoutMixin, AuthenticationForm):
    pass


class AdminSignInForm(ExplainsLockoutMixin, WagtailLoginForm):
    """The Wagtail admin's sign-in form (WAGTAILADMIN_USER_LOGIN_FORM)."""


class SignInView(LoginView):
    template_name = "lms_site/login.html"
    redirect_authenticated_user = True
    authentication_form = SignInForm
