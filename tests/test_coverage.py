"""Every sentence of every seed is quoted by a claim or excluded with a reason."""

from __future__ import annotations

import pytest

import ketref
from ketref.coverage import SentenceCoverage, sentence_coverage, split_sentences, stale_exclusions

KB = ketref.knowledge_base()
SEEDS = [s.id for s in KB.sources() if s.is_seed]
ROWS = [(seed, row) for seed in SEEDS for row in sentence_coverage(KB, seed)]


@pytest.mark.parametrize(("seed", "row"), ROWS, ids=[f"{seed}#{row.number}" for seed, row in ROWS])
def test_sentence_is_covered_or_excluded(seed: str, row: SentenceCoverage) -> None:
    assert row.covered, f"{seed} sentence {row.number} has no claim and no exclusion"


def test_no_exclusion_is_stale() -> None:
    assert stale_exclusions(KB) == []


def test_excluded_sentences_have_no_claim() -> None:
    """A sentence that a claim quotes needs no exclusion: keep the exclusions few."""
    both = [(seed, r.number) for seed, r in ROWS if r.claims and r.excluded is not None]
    assert both == []


def test_every_no_relation_exclusion_says_why() -> None:
    """Headings and adverts explain themselves; a sentence judged to state nothing needs a note."""
    unexplained = [x.sentence for x in KB.exclusions if x.reason.value == "no_relation" and not x.note]
    assert unexplained == []


def test_sentence_splitting_keeps_numbered_headings_whole() -> None:
    assert "1. NMDA Receptor Antagonism" in split_sentences(KB.source("meta-analysis-blog").text())


def test_coverage_rows_number_the_sentences_in_order() -> None:
    rows = sentence_coverage(KB, "benchchem-guide")
    assert [r.number for r in rows] == list(range(1, len(rows) + 1))
