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
from ketref.citations import missing_fields
from ketref.models.sources import Source
from ketref.vocabulary import SourceTier

DATA = Path(ketref.__file__).parent / "data"
FILES = [*sorted(DATA.glob("auth-*.toml")), DATA / "claims-quantities.toml"]
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


# Claims that rest only on a source below the reference tier, each with why it is kept: the
# better source was looked for and could not be read (issue #16's note says where it was looked).
BELOW_REFERENCE: dict[str, str] = {
    "s-norketamine.half-life.intranasal.jnj": "no label text for the half-life could be read",
    "spravato.approved-for.trd.monotherapy.us.2025": (
        "the sponsor's press release and a trade newsletter's news item; "
        "the FDA's letter and the 2025 label were not read"
    ),
    "spravato.approved-for.mdd-suicidal-ideation.us.canady-2020": (
        "a trade newsletter's news item gives the year; the FDA's letter and the 2020 label were not read"
    ),
    "arketamine.not-superior-to-placebo.trd.24h.pcn-101-phase-2a": (
        "the sponsor's topline result; no publication, and the registry's results lay past what could be read"
    ),
}

# Cited sources whose record still lacks a field the done-when asks for, each with what is missing.
# The pages the search tools could read did not show it (most stored pages drop author lists);
# nothing is filled from memory. Completing a record makes its test fail until it leaves this list.
INCOMPLETE: dict[str, str] = {
    "anesthesiology-chiral-pk-prolonged-release-tablets": "date",
    "arketamine-crossover-pilot-trial": "authors, date",
    "chiral-ketamine-opioid-pcp-sigma-muscarinic": "authors, date",
    "dayton-ketamine-plasma-protein-binding": "date",
    "dcns-2014-glutamatergic-remodeling": "authors",
    "hirota-1999-anesthesiology": "authors",
    "inpharmd-ketamine": "authors, date",
    "ketamine-enantiomers-hsa-binding-2023": "authors",
    "ketamine-esketamine-meta-analysis-36-trials": "authors",
    "ketamine-human-nmda-structure-nature": "authors",
    "ketamine-metabolites-striatal-dopamine-2016": "authors, date",
    "ketamine-opioid-allosteric-modulators": "authors, date",
    "ketamine-stereoisomers-muscarinic-anesthesiology": "authors, date",
    "mdedge-esketamine": "authors, date",
    "mdedge-esketamine-pk": "authors, date",
    "muscarinic-m1-1995-anesth-analg": "authors",
    "npp-2020-2r6r-hnk": "authors",
    "pharmaceutics-2023-esketamine-systematic-review": "authors",
    "pharmacotherapy-2022-intranasal-ketamine-pk": "authors",
    "r-ketamine-deuterated-mice-pmc8567221": "authors, date",
    "s-ketamine-probands-1992-anaesthesist": "authors",
    "sensory-perception-nmda-1992-jpet": "authors",
    "white-ketamine-isomers-surgical-patients": "authors, date",
    "widman-2018-pnas-disinhibition": "authors",
    "yanagihara-2003-ketamine-preparations": "authors",
}


def test_the_files_hold_what_the_test_reads() -> None:
    assert len(FILES) >= 10 and len(CLAIM_IDS) > 200 and len(CITED) > 60


@pytest.mark.parametrize("claim_id", CLAIM_IDS)
def test_every_authoritative_claim_rests_on_a_reference_or_better(claim_id: str) -> None:
    claim = KB.claim(claim_id)
    tiers = {KB.source(e.source).effective_tier for e in claim.evidence}
    if claim_id in BELOW_REFERENCE:
        assert max(tiers) < SourceTier.REFERENCE, f"{claim_id} now rests on a better source: unlist it"
    else:
        assert max(tiers) >= SourceTier.REFERENCE, f"{claim_id} rests on {sorted(t.value for t in tiers)}"


def _gaps(source: Source) -> str:
    return ", ".join(missing_fields(source))


@pytest.mark.parametrize("source_id", CITED)
def test_every_cited_source_can_be_cited(source_id: str) -> None:
    source = KB.source(source_id)
    assert source.found, f"{source_id} is cited as evidence but was never found"
    if source_id in INCOMPLETE:
        assert _gaps(source) == INCOMPLETE[source_id], f"{source_id}: update INCOMPLETE"
    else:
        assert not _gaps(source), f"{source_id} lacks {_gaps(source)}"


def test_the_lists_of_known_gaps_name_only_what_the_files_cite() -> None:
    assert set(INCOMPLETE) <= set(CITED)
    assert set(BELOW_REFERENCE) <= set(CLAIM_IDS)
