"""Set up the provider for one test run: a signing key, the product as a client, and the people who
have accounts at the provider. Run as ``python -m tests.sso.provider_site.seed <json>`` with
DJANGO_SETTINGS_MODULE=tests.sso.provider_site.settings and PROVIDER_DB set."""

import json
import sys

import django

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from oidc_provider.models import Client, ResponseType  # noqa: E402


def main(spec: dict) -> None:
    call_command("migrate", verbosity=0)
    call_command("creatersakey")
    client = Client.objects.create(
        name="Frontline LMS",
        client_type="confidential",
        client_id=spec["client_id"],
        client_secret=spec["client_secret"],
        jwt_alg="RS256",
        require_consent=spec.get("require_consent", True),
        reuse_consent=False,
        redirect_uris=[spec["redirect_uri"]],
        scope=["openid", "email", "profile"],
    )
    client.response_types.add(ResponseType.objects.get(value="code"))
    for person in spec["people"]:
        User.objects.create_user(
            person["username"],
            email=person["email"],
            password=person["password"],
            first_name=person.get("first_name", ""),
            last_name=person.get("last_name", ""),
        )


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))
