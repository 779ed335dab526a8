"""Docs that are generated from the code must not drift from it."""

from __future__ import annotations

from pathlib import Path

from ketref.vocabulary import PREDICATES, predicate_table

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_vocabulary_page_embeds_the_current_predicate_table() -> None:
    page = (DOCS / "vocabulary.md").read_text(encoding="utf-8")
    start = page.index("<!-- predicate-table:start -->\n") + len("<!-- predicate-table:start -->\n")
    end = page.index("<!-- predicate-table:end -->")
    assert page[start:end] == predicate_table()


def test_every_predicate_has_an_inverse_that_points_back() -> None:
    for predicate in PREDICATES.values():
        assert PREDICATES[predicate.inverse].inverse == predicate.id
        assert PREDICATES[predicate.inverse].comparable == predicate.comparable
