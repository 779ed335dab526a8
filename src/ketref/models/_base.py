"""The base of every ketref model: frozen, strict about unknown keys, JSON-friendly."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

__all__ = ["ID_PATTERN", "FrozenModel", "Id", "Text"]

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN.pattern, max_length=80)]
"""A record id: lower-case letters and digits, words joined by ``-`` or ``.``."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
"""Non-empty free text."""


class FrozenModel(BaseModel):
    """A frozen pydantic model that rejects unknown keys.

    Collections are tuples, so nothing returned by the API can be changed in place.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False, defer_build=True)
