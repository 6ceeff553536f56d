"""API for invitations: HR emails someone a (new) invitation to set their password, as the "Send / Resend
invitation" button does. Someone already active is refused with ``already_active``."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from lms.core import invitations, roles
from lms.core.api.fields import IdField
from lms.core.api.serializers import ErrorSerializer
from lms.core.api.views import SignedInAPIView
from lms.core.audit import Origin


class NewInvitationSerializer(serializers.Serializer):
    person = IdField(help_text=_("The id of the person to invite (a user id, as in team progress)."))


class InvitationSerializer(serializers.Serializer):
    person = serializers.IntegerField()
    email = serializers.EmailField()
    invited_at = serializers.DateTimeField()
    valid_until = serializers.DateTimeField()
    resent = serializers.BooleanField(
        help_text=_("True when an earlier invitation was sent (its link no longer works).")
    )


class Invitations(SignedInAPIView):
    @extend_schema(
        operation_id="invitations_create",
        request=NewInvitationSerializer,
        responses={
            201: InvitationSerializer,
            **dict.fromkeys((400, 401, 403, 404, 409), ErrorSerializer),
        },
    )
    def post(self, request):
        """HR: email a person an invitation with a one-time link to set their password (again, with a new
        link, if one was sent before). 409 ``already_active`` when they have a password or have signed in;
        400 ``inactive`` for a leaver, ``no_email`` without an address; 404 ``person_not_found``."""
        roles.require_hr(request.user, _("Only HR can send invitations."))
        data = NewInvitationSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        sent = invitations.send_by_id(
            person_id=data.validated_data["person"], by=request.user, origin=Origin.of(request)
        )
        return Response(
            InvitationSerializer(
                {
                    "person": sent.person.pk,
                    "email": sent.person.email,
                    "invited_at": sent.invited_at,
                    "valid_until": sent.valid_until,
                    "resent": sent.resent,
                }
            ).data,
            status=status.HTTP_201_CREATED,
        )
