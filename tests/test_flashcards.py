"""Flashcards: one card per fact, every front different, both enantiomers and every form covered,
an Anki file with the headers Anki reads, stable GUIDs, and a real import into Anki.

The import test uses the ``anki`` package from PyPI (in the test extra); it is skipped only where
that package is not installed, and CI installs it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import ketref
from ketref.teaching import flashcards, to_anki

KB = ketref.knowledge_base()
CARDS = flashcards(KB)


def test_no_two_cards_share_a_front_or_a_guid() -> None:
    fronts = [c.front for c in CARDS]
    assert len(fronts) == len(set(fronts)) >= 100
    assert len({c.guid for c in CARDS}) == len(CARDS)


def test_every_form_and_both_enantiomers_are_covered() -> None:
    for name in ("Ketamine", "Racemic ketamine", "Esketamine", "Arketamine", "Spravato", "Ketalar"):
        assert any(re.search(rf"\b{re.escape(name)}\b", c.front, re.IGNORECASE) for c in CARDS), name
    # comparisons between the enantiomers, in both directions
    compared = [c for c in CARDS if "enantiomer of ketamine" in c.front]
    assert any("more" in c.front for c in compared) and any("less" in c.front for c in compared)


def test_cloze_cards_for_numbers_and_names() -> None:
    cloze = [c for c in CARDS if c.notetype == "Cloze"]
    assert all("{{c1::" in c.front for c in cloze)
    assert any(re.search(r"\{\{c1::[^}]*\d", c.front) for c in cloze)  # a number
    assert any("{{c1::esketamine}}" in c.front.lower() for c in cloze)  # a name
    assert all("{{c1::" not in c.front for c in CARDS if c.notetype == "Basic")


def test_merged_fronts_list_every_answer_the_claims_give() -> None:
    card = next(c for c in CARDS if c.front == "What adverse effects does Spravato have?")
    expected = {
        KB.entities[c.object].name
        for c in KB.all_claims()
        if c.subject == "spravato"
        and c.predicate == "has_adverse_effect"
        and not c.negated
        and c.comparison is None
        and c.status.value != "unknown"
    }
    listed = set(re.findall(r"<li>(.*?) <small>", card.back))
    assert listed == {n.replace("'", "&#x27;") for n in expected}


def test_open_questions_are_never_cards() -> None:
    for card in CARDS:
        for claim_id in card.claims:
            assert KB.claim(claim_id).status.value != "unknown"


def test_anki_headers_and_columns() -> None:
    text = to_anki(CARDS)
    lines = text.splitlines()
    headers = [line for line in lines if line.startswith("#")]
    for needed in ("#separator:tab", "#html:true", "#guid column:1", "#notetype column:2", "#deck:ketref"):
        assert needed in headers
    assert any(h.startswith("#tags column:") for h in headers)
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    assert len(rows) == len(CARDS) and all(len(r) == 5 for r in rows)
    assert {r[1] for r in rows} <= {"Basic", "Cloze"}


def test_guids_are_stable() -> None:
    again = flashcards(ketref.knowledge_base())
    assert [c.guid for c in again] == [c.guid for c in CARDS]
    assert to_anki(again) == to_anki(CARDS)


def test_the_file_imports_into_a_fresh_anki_collection(tmp_path: Path) -> None:
    anki = (
        pytest.importorskip("anki.collection") if not os.environ.get("CI") else __import__("anki.collection")
    )
    from anki.collection import Collection, ImportCsvRequest

    del anki
    path = tmp_path / "cards.txt"
    path.write_text(to_anki(CARDS), encoding="utf-8")
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        log = col.import_csv(
            ImportCsvRequest(path=str(path), metadata=col.get_csv_metadata(str(path), None))
        ).log
        assert len(log.new) == len(CARDS)
        assert not (log.missing_notetype or log.empty_first_field or log.conflicting or log.missing_deck)
        assert col.note_count() == len(CARDS)
        guids = {col.get_note(nid).guid for nid in col.find_notes("")}
        assert guids == {c.guid for c in CARDS}
        # the same file again adds nothing and duplicates nothing
        log = col.import_csv(
            ImportCsvRequest(path=str(path), metadata=col.get_csv_metadata(str(path), None))
        ).log
        assert not log.new and col.note_count() == len(CARDS)
        # a changed back updates the card in place (same GUID)
        first = CARDS[0]
        changed = to_anki((first.model_copy(update={"back": first.back + " (revised)"}), *CARDS[1:]))
        path.write_text(changed, encoding="utf-8")
        log = col.import_csv(
            ImportCsvRequest(path=str(path), metadata=col.get_csv_metadata(str(path), None))
        ).log
        assert len(log.updated) == 1 and not log.new and col.note_count() == len(CARDS)
    finally:
        col.close()
