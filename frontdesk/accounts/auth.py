"""Password and PIN hashing (argon2id, memory-hard). Secrets are never stored in clear."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _hasher():
    # Imported lazily: argon2 is only needed at log-in, not at start-up.
    from argon2 import PasswordHasher

    # 64 MiB, 2 passes: ~50 ms on a desk PC, slow enough to resist guessing.
    return PasswordHasher(time_cost=2, memory_cost=65536, parallelism=1)


def hash_secret(secret: str) -> str:
    return _hasher().hash(secret)


def needs_rehash(stored_hash: str) -> bool:
    """True when a hash that just verified was made with other parameters than today's.

    Called after a successful check, so the secret is re-hashed and stored with the
    current cost (older or weaker hashes are upgraded at the next log-in).
    """
    from argon2.exceptions import InvalidHashError

    if not stored_hash:
        return False
    try:
        return _hasher().check_needs_rehash(stored_hash)
    except (InvalidHashError, ValueError):
        return False


def verify_secret(stored_hash: str, secret: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    if not stored_hash:
        return False
    try:
        return _hasher().verify(stored_hash, secret)
    except (VerificationError, InvalidHashError):
        return False
