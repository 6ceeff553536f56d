"""The base of every API view of the plugin: signed in unless a view says otherwise (the public
certificate check and the token exchange do), whatever the host site's DRF defaults are."""

from rest_framework import permissions
from rest_framework.views import APIView


class SignedInAPIView(APIView):
    permission_classes = [permissions.IsAuthenticated]
