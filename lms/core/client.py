"""Who is on the other end of a request: the one place the client's address is read, for sign-in
lockouts, throttles and the audit trail alike."""


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None
