"""Room codes a class can read off a projector, and tokens nobody can guess.

A room code is six capital letters from an alphabet without look-alikes: no I or L (1), no O or
Q (0), no S (5), no Z (2), no B (8), no U or V (each other), so a code read aloud or copied from
the back of a room still works. Typed codes are forgiving: lower case, spaces and dashes are fine.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Collection

ALPHABET = "ACDEFGHJKMNPRTWXY"
CODE_LENGTH = 6
_CODE = re.compile(f"[{ALPHABET}]{{{CODE_LENGTH}}}")


def new_code(taken: Collection[str] = ()) -> str:
    """A fresh room code, not one of ``taken`` (17^6: 24 million codes, so a clash is rare)."""
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
        if code not in taken:
            return code


def normalise_code(typed: str) -> str | None:
    """The code a student meant ('abc-def ' -> 'ABCDEF'), or None when it cannot be a code."""
    if not isinstance(typed, str):
        return None
    code = re.sub(r"[\s\-]", "", typed).upper()
    return code if _CODE.fullmatch(code) else None


def new_token() -> str:
    """A seat's or the teacher's secret: 128 random bits, URL-safe."""
    return secrets.token_urlsafe(16)
