"""Checks every reader of user-sent JSON shares (admin bodies: faults, clock, runtime tickets).

Python's ``json`` accepts more than a response can carry back: lone surrogates in strings
(``"\\ud800"``), ``NaN`` and ``Infinity``, integers of any size. A value that passed a check
here can be stored and later encoded into a UTF-8 JSON body without a 500, and a key quoted
in an error message cannot itself break the error body.
"""

from __future__ import annotations

import math

ECHO_LIMIT = 100  # characters of an unknown key quoted back in an error body


def valid_unicode(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8 (it holds no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def finite_number(value: object) -> bool:
    """A JSON number a body can hold: int or float, not bool, finite (an int too large for a
    float counts as not finite)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer too large for a float
        return False


def echo_key(key: object) -> str:
    """An unknown key as an error body may quote it: lone surrogates escaped, bounded length."""
    return str(key).encode("utf-8", "backslashreplace").decode("utf-8")[:ECHO_LIMIT]
