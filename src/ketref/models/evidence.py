"""Evidence: a source and the short verbatim quote from it that supports a statement."""

from __future__ import annotations

from pydantic import field_validator

from ketref.models._base import FrozenModel, Id, Text

__all__ = ["MAX_QUOTE_WORDS", "Evidence"]

MAX_QUOTE_WORDS = 40
"""The longest quote accepted, in words; quotes are meant to stay near 30 words."""


class Evidence(FrozenModel):
    """A source id plus a short quote, copied verbatim from that source.

    For a source whose text ships with ketref (the seed documents), a test checks that the
    quote is found in the text, whitespace aside. ``locator`` says where in the source the
    quote stands (a section, a table), when that helps a reader find it.
    """

    source: Id
    quote: Text
    locator: Text | None = None

    @field_validator("quote")
    @classmethod
    def _short(cls, quote: str) -> str:
        words = len(quote.split())
        if words > MAX_QUOTE_WORDS:
            raise ValueError(f"a quote has at most {MAX_QUOTE_WORDS} words; this one has {words}")
        return quote
