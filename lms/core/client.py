"""Who is on the other end of a request: the one place the client's address is read, for sign-in
lockouts (django-axes calls this as AXES_CLIENT_IP_CALLABLE), throttles and the audit trail alike.

Behind a reverse proxy REMOTE_ADDR is the proxy, and the client is in X-Forwarded-For, to which each
proxy appends the address it was reached from. Only the entries our own proxies wrote can be believed:
anything to their left came from the client and may be made up. So with LMS_TRUSTED_PROXY_COUNT = n the
client is the n-th entry from the right (the right-most address no trusted proxy vouches for being
itself), and with 0, the default, X-Forwarded-For is ignored altogether.
"""

import ipaddress
from functools import lru_cache

from django.core.exceptions import ImproperlyConfigured
from ipware import get_client_ip

from . import conf

_FORWARDED_FOR = ("HTTP_X_FORWARDED_FOR",)
_PEER = ("REMOTE_ADDR",)


def client_ip(request) -> str | None:
    """The client's address, or None when the request carries none (a Unix socket, a test stub)."""
    hops = _trusted_proxy_count()
    if hops and _from_trusted_proxy(request.META.get("REMOTE_ADDR")):
        # django-ipware counts only the proxies listed inside the header (the last one is the peer,
        # REMOTE_ADDR), hence hops - 1. Not strict: a client's garbage to the left of our proxies' entries
        # is skipped, and a header shorter than the proxies we trust is ignored (a direct connection).
        address, _ = get_client_ip(
            request,
            proxy_count=hops - 1,
            request_header_order=_FORWARDED_FOR,
            strict=False,
            algorithm="modern",
        )
        if address:
            return address
    address, _ = get_client_ip(request, request_header_order=_PEER, algorithm="modern")
    return address


def _trusted_proxy_count() -> int:
    hops = conf.get("LMS_TRUSTED_PROXY_COUNT")
    if isinstance(hops, bool) or not isinstance(hops, int) or hops < 0:
        raise ImproperlyConfigured(
            f"LMS_TRUSTED_PROXY_COUNT must be a whole number of proxies, 0 or more; it is {hops!r}."
        )
    return hops


def _from_trusted_proxy(peer: str | None) -> bool:
    networks = _networks(tuple(conf.get("LMS_TRUSTED_PROXIES")))
    if not networks:
        return True
    try:
        address = ipaddress.ip_address(peer or "")
    except ValueError:
        return False
    return any(address in network for network in networks)


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    try:
        return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries)
    except (TypeError, ValueError, AttributeError) as error:
        raise ImproperlyConfigured(
            f"LMS_TRUSTED_PROXIES must list addresses or networks such as '10.0.0.5' or '10.0.0.0/8': {error}"
        ) from error
