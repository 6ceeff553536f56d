"""Rate limits keyed on the client's address: a small fixed-window one on the cache for public pages that
must not invite guessing, and the base of the API's throttles."""

import time

from django.core.cache import cache
from rest_framework.throttling import AnonRateThrottle

from .client import client_ip


def allow(key: str, *, limit: int, window: int = 60) -> bool:
    bucket = f"lms-throttle:{key}:{int(time.time() // window)}"
    cache.add(bucket, 0, timeout=window + 1)
    try:
        count = cache.incr(bucket)
    except ValueError:  # the entry expired between add and incr
        cache.set(bucket, 1, timeout=window + 1)
        count = 1
    return count <= limit


def client_key(request) -> str:
    """The client's address as a throttle key ("unknown" when there is none), read through the trusted
    proxies like every other use of it (lms.core.client)."""
    return client_ip(request) or "unknown"


class ClientRateThrottle(AnonRateThrottle):
    """DRF's rate limit for anonymous callers, keyed on the client's address as lms.core.client reads it.

    DRF's own key believes any X-Forwarded-For a client sends (unless NUM_PROXIES is set), so a guesser
    could take a fresh key for every request; API throttles subclass this one instead."""

    def get_ident(self, request) -> str:
        return client_key(request)

    def timer(self):
        # Looked up on each call: DRF binds time.time when its module is imported, and if that import
        # happens under a frozen test clock the class keeps the fake for good.
        return time.time()
