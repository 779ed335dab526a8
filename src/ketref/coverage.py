"""Sentence coverage of the seed documents: which sentences claims quote, and which are excluded.

A seed's text is cut into sentences: each non-blank line is split after '.', '!' or '?' when
the next word starts with a capital letter, a digit or an opening quote or bracket. A sentence
is *covered* when a claim's quote (white space aside) stands inside it or contains it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ketref.models.curation import CoverageExclusion, ExclusionReason
from ketref.models.sources import normalize_whitespace

if TYPE_CHECKING:
    from ketref.kb import KnowledgeBase

__all__ = ["SentenceCoverage", "sentence_coverage", "split_sentences", "stale_exclusions"]

# A sentence ends at '.', '!' or '?', after any citation marker such as ^{[1][3]} or ^[3].
_BOUNDARY = re.compile(r"(?<=[.!?])((?:\^\{(?:\[\d+\])+\}|\^\[\d+\])?)\s+(?=[\"“‘(\[A-Z0-9])")
_NUMBERING = re.compile(r"^\d{1,3}\.$")


def split_sentences(text: str) -> list[str]:
    """The sentences of a text, white space normalised, empty ones dropped.

    >>> split_sentences("A heading\\nOne sentence. Two sentences! 3 more.\\n  • a bullet \\n2. Step")
    ['A heading', 'One sentence.', 'Two sentences!', '3 more.', '• a bullet', '2. Step']
    >>> split_sentences("It binds.^{[1][3]} Then it acts.^[3] Done.")
    ['It binds.^{[1][3]}', 'Then it acts.^[3]', 'Done.']
    """
    sentences: list[str] = []
    for line in text.splitlines():
        line = normalize_whitespace(line)
        if not line:
            continue
        pieces = _BOUNDARY.split(line)  # text, marker, text, marker, ..., text
        parts: list[str] = []
        for n, piece in enumerate(pieces):
            if n % 2:  # a citation marker: it belongs to the sentence it follows
                parts[-1] += piece
            elif parts and _NUMBERING.match(parts[-1]):  # "1." opens a numbered heading
                parts[-1] = f"{parts[-1]} {piece}"
            elif piece:
                parts.append(piece)
        sentences.extend(parts)
    return sentences


@dataclass(frozen=True, slots=True)
class SentenceCoverage:
    """One sentence of a seed: the claims that quote it, or why it is excluded."""

    number: int
    sentence: str
    claims: tuple[str, ...]
    excluded: ExclusionReason | None

    @property
    def covered(self) -> bool:
        """Whether a claim quotes the sentence or an exclusion explains it."""
        return bool(self.claims) or self.excluded is not None


def _touches(quote: str, sentence: str) -> bool:
    return quote in sentence or sentence in quote


def sentence_coverage(kb: KnowledgeBase, source_id: str) -> list[SentenceCoverage]:
    """Every sentence of a seed source with the claims covering it and any exclusion."""
    source = kb.source(source_id)
    if source.file is None:
        from ketref.errors import InvalidQueryError

        raise InvalidQueryError(
            f"{source.id!r} has no text; sentence coverage is for seed documents and pack texts"
        )
    quotes = [
        (claim.id, normalize_whitespace(e.quote))
        for claim in kb.all_claims()
        for e in claim.evidence
        if e.source == source.id
    ]
    excluded = {normalize_whitespace(x.sentence): x.reason for x in kb.exclusions if x.source == source.id}
    return [
        SentenceCoverage(
            number=n,
            sentence=sentence,
            claims=tuple(dict.fromkeys(cid for cid, quote in quotes if _touches(quote, sentence))),
            excluded=excluded.get(sentence),
        )
        for n, sentence in enumerate(split_sentences(kb.source_text(source.id)), 1)
    ]


def stale_exclusions(kb: KnowledgeBase) -> list[CoverageExclusion]:
    """Exclusions whose sentence is not a sentence of their source (text changed, or a typo)."""
    sentences: dict[str, set[str]] = {}
    stale = []
    for exclusion in kb.exclusions:
        if exclusion.source not in sentences:
            sentences[exclusion.source] = set(split_sentences(kb.source_text(exclusion.source)))
        if normalize_whitespace(exclusion.sentence) not in sentences[exclusion.source]:
            stale.append(exclusion)
    return stale
