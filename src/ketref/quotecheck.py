"""The quote check of a pack: every quote from a source with a text must stand in that text.

Each text is normalised once (white space collapsed) and every distinct quote is looked up in it
with ``in``. The work is bounded: each distinct quote costs the length of its text, and one load
may spend at most :data:`ketref.limits.MAX_QUOTE_SCAN_CHARS` (see SECURITY.md).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from typing import Any

from ketref import limits
from ketref.errors import DataError
from ketref.loader import Records
from ketref.models.sources import Source, normalize_whitespace

__all__ = ["check_quotes"]

ErrorAt = Callable[[str, str, str, str | None], DataError]


def _places(records: Records) -> Iterator[tuple[str, str, str, Any]]:
    """Every piece of evidence in the records: (what, record id, field, evidence)."""
    for claim in records.claims:
        for n, evidence in enumerate(claim.evidence):
            yield "claim", claim.id, f"evidence.{n}", evidence
    for entity in records.entities:
        for n, xref in enumerate(entity.xrefs):
            yield "entity", entity.id, f"xrefs.{n}.evidence", xref.evidence
        for n, rotation in enumerate(getattr(entity, "optical_rotations", ())):
            yield "entity", entity.id, f"optical_rotations.{n}.evidence", rotation.evidence


def check_quotes(
    records: Records,
    sources: Mapping[str, Source],
    text_of: Callable[[str], str],
    error: ErrorAt,
    only: Collection[str] | None = None,
) -> None:
    """Check the evidence of claims, cross-references and optical rotations in ``records``.

    Args:
        records: the pack's records.
        sources: every source of the knowledge base, by id.
        text_of: the full text of a source (read at load for a pack's own sources).
        error: builds the DataError for (problem, what, record id, field).
        only: if given, check only the evidence from these sources.
    """
    texts: dict[str, str] = {}
    checked: set[tuple[str, str]] = set()
    spent = 0
    for what, record_id, field, evidence in _places(records):
        source = sources[evidence.source]
        if source.file is None or (only is not None and source.id not in only):
            continue
        if source.id not in texts:
            texts[source.id] = normalize_whitespace(text_of(source.id))
        quote = normalize_whitespace(evidence.quote)
        if (source.id, quote) in checked:
            continue
        spent += len(texts[source.id])
        if spent > limits.MAX_QUOTE_SCAN_CHARS:
            raise error(
                f"checking the quotes would scan over {limits.MAX_QUOTE_SCAN_CHARS} characters of "
                "source text (the limit): use fewer or shorter texts",
                what,
                record_id,
                f"{field}.quote",
            )
        if quote not in texts[source.id]:
            raise error(f"the quote is not in the text of {source.id!r}", what, record_id, f"{field}.quote")
        checked.add((source.id, quote))
