"""Keep the published OpenAPI schema to our own API: Wagtail's admin API is internal to the admin."""


def only_public_api(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
