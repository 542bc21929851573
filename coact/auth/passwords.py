"""Password hashing with Argon2id.

Tests set ``PASSWORD_HASH_FAST`` so hashing costs microseconds instead of the
deliberate tens of milliseconds that slow down guessing in production.
"""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, has_app_context

MIN_PASSWORD_LENGTH = 10


@cache
def _hasher(fast: bool) -> PasswordHasher:
    if fast:
        return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    return PasswordHasher()


def _fast() -> bool:
    return has_app_context() and bool(current_app.config.get("PASSWORD_HASH_FAST"))


def _current_hasher() -> PasswordHasher:
    return _hasher(_fast())


def hash_password(password: str) -> str:
    return _current_hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; never raises for a wrong or malformed hash."""
    if not password_hash:
        return False
    try:
        return _current_hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with other parameters than the current ones."""
    return _current_hasher().check_needs_rehash(password_hash)


def dummy_verify(password: str) -> None:
    """Spend the time of a real check, so timing does not reveal unknown e-mails."""
    verify_password(_dummy_hash(_fast()), password)


@cache
def _dummy_hash(fast: bool) -> str:
    return _hasher(fast).hash("not-a-real-account")
