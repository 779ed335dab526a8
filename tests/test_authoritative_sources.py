"""Issue #16's done-when for sources: every record the authoritative layer cites can be cited.

The authoritative files are ``src/ketref/data/auth-*.toml`` and ``claims-quantities.toml``; each
claim there rests on at least one source of tier ``reference`` or better, and every source any of
their records cites carries authors (or, for a web document, its publisher), a year or an access
date, a title and an address (DOI, PMID or URL). The test reads the bundled knowledge base
through the public API, and takes from the files only which records they hold.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

import ketref
from ketref.models.sources import Source
from ketref.vocabulary import SourceKind, SourceTier

DATA = Path(ketref.__file__).parent / "data"
FILES = sorted(DATA.glob("auth-*.toml")) + [DATA / "claims-quantities.toml"]
LITERATURE = {SourceKind.JOURNAL_ARTICLE, SourceKind.REVIEW, SourceKind.SYSTEMATIC_REVIEW}
KB = ketref.knowledge_base()


def _evidence_sources(node: object) -> Iterator[str]:
    """Every ``source`` named by a piece of evidence anywhere in a parsed file (claims, xrefs,
    optical rotations), but not the ids of the file's own source records."""
    if isinstance(node, dict):
        if "source" in node and "quote" in node and isinstance(node["source"], str):
            yield node["source"]
        for value in node.values():
            yield from _evidence_sources(value)
    elif isinstance(node, list):
        for value in node:
            yield from _evidence_sources(value)


def _read(path: Path) -> dict[str, object]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


CLAIM_IDS = sorted({c["id"] for f in FILES for c in _read(f).get("claim", [])})  # type: ignore[attr-defined]
CITED = sorted({s for f in FILES for s in _evidence_sources(_read(f))})


def test_the_files_hold_what_the_test_reads() -> None:
    assert len(FILES) >= 10 and len(CLAIM_IDS) > 200 and len(CITED) > 60


@pytest.mark.parametrize("claim_id", CLAIM_IDS)
def test_every_authoritative_claim_rests_on_a_reference_or_better(claim_id: str) -> None:
    claim = KB.claim(claim_id)
    tiers = {KB.source(e.source).effective_tier for e in claim.evidence}
    assert max(tiers) >= SourceTier.REFERENCE, f"{claim_id} rests on {sorted(t.value for t in tiers)}"


def _gaps(source: Source) -> list[str]:
    gaps = [] if source.title else ["title"]
    if not (source.doi or source.pmid or source.url):
        gaps.append("DOI, PMID or URL")
    if source.kind in LITERATURE:
        gaps += [field for field in ("authors", "date") if not getattr(source, field)]
    else:  # a label, regulator page, database or reference work on the web
        if not (source.authors or source.publisher):
            gaps.append("authors or publisher")
        if not (source.date or source.accessed):
            gaps.append("date or accessed")
    return gaps


@pytest.mark.parametrize("source_id", CITED)
def test_every_cited_source_can_be_cited(source_id: str) -> None:
    source = KB.source(source_id)
    assert source.found, f"{source_id} is cited as evidence but was never found"
    assert not _gaps(source), f"{source_id} lacks {', '.join(_gaps(source))}"


def test_the_check_catches_a_source_without_authors() -> None:
    """The rule itself: a journal article with no authors fails it, one with them passes."""
    article = KB.source("hirota-1999-anesthesiology")
    assert "authors" in _gaps(article.model_copy(update={"authors": ()}))
    assert _gaps(article.model_copy(update={"authors": ("Hirota K",)})) == []
    page = KB.source("wikipedia-esketamine")
    assert "authors or publisher" in _gaps(page.model_copy(update={"authors": (), "publisher": None}))
