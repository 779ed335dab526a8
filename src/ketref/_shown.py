"""How an error message shows a caller's argument: briefly, and never by calling its own code.

A message that embeds ``repr(value)`` runs the value's ``__repr__`` (which may raise, or recurse
through a 100,000-deep list) and may be as long as the value. :func:`shown` gives the repr of a
plain value (cut to a length) and only the type name of anything else.
"""

from __future__ import annotations

__all__ = ["shown"]


def shown(value: object, limit: int = 60) -> str:
    """A short, safe rendering of a caller's argument for an error message.

    >>> shown(True), shown("x" * 100)[-5:], shown([[[]]])
    ('True', "x...'", 'a list')
    """
    if value is None or type(value) in (bool, int, float):
        text = repr(value)
        return text if len(text) <= limit else text[: limit - 3] + "..."
    if type(value) is str:
        text = repr(value[: limit + 1])
        return text if len(value) <= limit else repr(value[: limit - 3])[:-1] + "...'"
    name = type(value).__name__
    return f"an {name}" if name[:1].lower() in "aeiou" else f"a {name}"
