"""Password hashing with argon2id, and the password rules people see."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MINIMUM_LENGTH = 10

_hasher = PasswordHasher()


def configure(time_cost: int | None = None, memory_cost: int | None = None) -> None:
    """Tests use cheaper parameters; production keeps argon2's recommended ones."""
    global _hasher
    if time_cost is None and memory_cost is None:
        _hasher = PasswordHasher()
    else:
        _hasher = PasswordHasher(time_cost=time_cost or 1, memory_cost=memory_cost or 8192)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# Checked against a made-up hash when no account matches, so signing in takes
# about as long whether or not the email address has an account.
_DUMMY_HASH: str | None = None


def spend_equal_time(password: str) -> None:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = _hasher.hash("not a real password")
    verify_password(_DUMMY_HASH, password)
