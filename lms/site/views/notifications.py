"""Notifications: the settings page (which kinds come by email), marking messages read, and the same in the
API. Everyone sees and changes only their own; another person's notification looks like a missing one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import generics, serializers
from rest_framework.response import Response

from lms.core.api.pagination import BoundedLimitOffsetPagination
from lms.core.api.query import QueryBoolean, QueryParameters
from lms.core.api.serializers import ErrorSerializer
from lms.core.api.views import SignedInAPIView
from lms.core.exceptions import LMSError
from lms.core.models import Notification
from lms.core.notifications import service
from lms.core.notifications.email import absolute
from lms.core.notifications.kinds import HELP, LEADER_KINDS, Kind

ERRORS = dict.fromkeys((400, 401, 403, 404), ErrorSerializer)


# --- Pages ------------------------------------------------------------------------------------------------


def _back(request, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@login_required
def notification_settings(request):
    kinds = service.kinds_for(request.user)
    if request.method == "POST":
        wanted = set(request.POST.getlist("email"))
        choices = service.set_email_choices(
            user=request.user, choices={kind.value: kind.value in wanted for kind in kinds}
        )
        by_email = [kind.label for kind in kinds if choices[kind.value]]
        if by_email:
            messages.success(
                request,
                ngettext(
                    "Saved. You will get %(n)s kind of message by email as well as here; everything else "
                    "shows only on My training.",
                    "Saved. You will get %(n)s kinds of message by email as well as here; everything else "
                    "shows only on My training.",
                    len(by_email),
                )
                % {"n": len(by_email)},
            )
        else:
            messages.success(
                request, _("Saved. You will get no training emails; everything shows on My training.")
            )
        return redirect("lms:notification_settings")
    choices = service.email_choices(request.user)
    return render(
        request,
        "lms_site/notification_settings.html",
        {
            "rows": [
                {
                    "kind": kind.value,
                    "label": kind.label,
                    "help": HELP.get(kind, ""),
                    "email": choices[kind.value],
                }
                for kind in kinds
            ],
            "has_email": bool((request.user.email or "").strip()),
        },
    )


@login_required
def notification_list(request):
    page = Paginator(service.for_user(request.user), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "lms_site/notifications.html",
        {"page": page, "unread": service.unread_count(request.user)},
    )


@login_required
@require_POST
def notification_read(request, notification_id):
    try:
        service.mark_read(user=request.user, notification_id=notification_id)
    except LMSError as error:
        raise Http404(error.message) from None
    return redirect(_back(request, reverse("lms:my_training") + "#notices"))


@login_required
@require_POST
def notifications_read_all(request):
    marked = service.mark_all_read(user=request.user)
    if marked:
        messages.success(
            request,
            ngettext("Marked %(n)s message as read.", "Marked %(n)s messages as read.", marked)
            % {"n": marked},
        )
    return redirect(_back(request, reverse("lms:my_training") + "#notices"))


# --- API --------------------------------------------------------------------------------------------------


class NotificationSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(help_text=f"One of: {', '.join(Kind.values)}.")
    kind_label = serializers.CharField(source="get_kind_display")
    link = serializers.SerializerMethodField(help_text="Where to act on it, as a full address.")
    unread = serializers.BooleanField(source="is_unread")

    class Meta:
        model = Notification
        fields = ["id", "kind", "kind_label", "subject", "text", "link", "created_at", "read_at", "unread"]

    def get_link(self, notification) -> str:
        return absolute(notification.link)


class NotificationQuery(QueryParameters):
    code = "invalid"  # as this endpoint has always answered a bad ``unread``

    unread = QueryBoolean(help_text="true: only unread ones; false: only read ones.")


class NotificationList(generics.ListAPIView):
    permission_classes = SignedInAPIView.permission_classes
    serializer_class = NotificationSerializer
    pagination_class = BoundedLimitOffsetPagination

    def get_queryset(self):
        notifications = service.for_user(self.request.user)
        unread = NotificationQuery.read(self.request).get("unread")
        if unread is not None:
            notifications = notifications.filter(read_at__isnull=unread)
        return notifications

    @extend_schema(
        operation_id="notifications_list",
        parameters=[NotificationQuery],
        responses={200: NotificationSerializer(many=True), **ERRORS},
    )
    def get(self, request, *args, **kwargs):
        """Your in-app messages, newest first (everything that was emailed is here too)."""
        return super().get(request, *args, **kwargs)


class NotificationRead(SignedInAPIView):
    @extend_schema(
        operation_id="notifications_read",
        request=None,
        responses={
            200: NotificationSerializer,
            404: OpenApiResponse(ErrorSerializer, description="`notification_not_found`: not one of yours."),
            400: ErrorSerializer,
            401: ErrorSerializer,
            403: ErrorSerializer,
        },
    )
    def post(self, request, pk):
        """Mark one of your messages read (again: no change)."""
        notification = service.mark_read(user=request.user, notification_id=pk)
        return Response(NotificationSerializer(notification).data)


class NotificationsReadAll(SignedInAPIView):
    @extend_schema(
        operation_id="notifications_read_all",
        request=None,
        responses={
            200: inline_serializer("NotificationsMarked", {"marked": serializers.IntegerField()}),
            **ERRORS,
        },
    )
    def post(self, request):
        """Mark all your unread messages read; says how many."""
        return Response({"marked": service.mark_all_read(user=request.user)})


class PreferenceSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text=f"One of: {', '.join(Kind.values)}.")
    label = serializers.CharField()
    help = serializers.CharField()
    leaders_only = serializers.BooleanField(help_text="Only team leaders receive this kind.")
    in_app = serializers.BooleanField(help_text="Always true: every notification shows in the app.")
    email = serializers.BooleanField(help_text="Whether you get it by email too (true unless turned off).")


PreferencesSerializer = inline_serializer(
    "NotificationPreferences", {"preferences": PreferenceSerializer(many=True)}
)
PreferencesUpdateSerializer = inline_serializer(
    "NotificationPreferencesUpdate",
    {
        "email": inline_serializer(
            "EmailChoices",
            {
                kind.value: serializers.BooleanField(required=False, help_text=kind.label)
                for kind in service.CHOOSABLE
            },
        )
    },
)


def _preferences(user) -> dict:
    choices = service.email_choices(user)
    return {
        "preferences": [
            {
                "kind": kind.value,
                "label": str(kind.label),
                "help": str(HELP.get(kind, "")),
                "leaders_only": kind in LEADER_KINDS,
                "in_app": True,
                "email": choices[kind.value],
            }
            for kind in service.kinds_for(user, everything=True)
        ]
    }


class NotificationPreferences(SignedInAPIView):
    @extend_schema(
        operation_id="notification_preferences_retrieve", responses={200: PreferencesSerializer, **ERRORS}
    )
    def get(self, request):
        """Which kinds of notification you get by email; in the app you always get every kind."""
        return Response(_preferences(request.user))

    @extend_schema(
        operation_id="notification_preferences_update",
        request=PreferencesUpdateSerializer,
        responses={
            200: PreferencesSerializer,
            400: OpenApiResponse(
                ErrorSerializer, description="`unknown_kind`, or `invalid` (not true or false)."
            ),
            401: ErrorSerializer,
            403: ErrorSerializer,
            404: ErrorSerializer,
        },
    )
    def patch(self, request):
        """Turn email on or off per kind, e.g. `{"email": {"due_soon": false}}`; kinds you leave out keep
        their setting."""
        email = request.data.get("email") if isinstance(request.data, dict) else None
        if not isinstance(email, dict):
            raise LMSError('Send {"email": {kind: true or false}}.', code="invalid")
        service.set_email_choices(user=request.user, choices=email)
        return Response(_preferences(request.user))
