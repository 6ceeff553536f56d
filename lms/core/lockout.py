"""Sign-in lockout: after repeated failures an account (from one address) must wait, and is told so."""

import hashlib

from django.core.cache import cache

from . import conf


def _key(username: str, ip: str) -> str:
    # Hashed: usernames may hold any character, and cache keys must not.
    digest = hashlib.sha256(f"{(username or '').lower()}|{ip}".encode()).hexdigest()
    return f"lms-login-fail:{digest}"


def is_locked(username: str, ip: str) -> bool:
    return cache.get(_key(username, ip), 0) >= conf.get("LMS_LOGIN_MAX_FAILURES")


def record_failure(username: str, ip: str) -> None:
    key = _key(username, ip)
    cache.add(key, 0, timeout=conf.get("LMS_LOGIN_LOCKOUT_SECONDS"))
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=conf.get("LMS_LOGIN_LOCKOUT_SECONDS"))


def clear(username: str, ip: str) -> None:
    cache.delete(_key(username, ip))


def message() -> str:
    minutes = conf.get("LMS_LOGIN_LOCKOUT_SECONDS") // 60
    return (
        f"Too many unsuccessful sign-ins for this account. For your security, wait {minutes} minutes and try "
        "again, or ask HR to reset your password."
    )
