"""Issue 16, topic 8: the history of ketamine and its enantiomers, as the sources date it."""

from __future__ import annotations

import ketref
from ketref.models.claims import Claim
from ketref.vocabulary import SourceTier

KB = ketref.knowledge_base()


def _dated(subject: str, predicate: str, obj: str) -> dict[str | None, list[Claim]]:
    out: dict[str | None, list[Claim]] = {}
    for c in KB.all_claims():
        if (c.subject, c.predicate, c.object) == (subject, predicate, obj) and any(
            KB.source(e.source).effective_tier >= SourceTier.REFERENCE for e in c.evidence
        ):
            out.setdefault(c.context.date, []).append(c)
    return out


def test_ketamine_was_first_made_from_phencyclidine_in_1962() -> None:
    claims = _dated("ketamine", "derived_from", "phencyclidine")
    assert "1962" in claims
    assert any("Calvin Stevens" in e.quote for c in claims["1962"] for e in c.evidence)
    assert KB.get("PCP").id == "phencyclidine"


def test_the_development_code_ci_581_is_in_the_evidence() -> None:
    claims = [c for cs in _dated("ketamine", "derived_from", "phencyclidine").values() for c in cs]
    assert any("CI-581" in e.quote for c in claims for e in c.evidence)


def test_first_human_study_in_1964() -> None:
    assert "1964" in _dated("ketamine", "in_clinical_trials_for", "general-anesthesia")


def test_the_optical_isomers_were_isolated_by_1971() -> None:
    for form in ("esketamine", "arketamine"):
        assert "1971" in _dated(form, "derived_from", "ketamine"), form


def test_ketalar_in_the_us_since_1970_and_no_unread_german_approval() -> None:
    # A German lexicon says esketamine has been *used* as an anaesthetic in Germany since 1997;
    # no regulator's document was read, so ketref records no German approval.
    assert not _dated("esketamine", "approved_for", "general-anesthesia").get("1997")
    us = _dated("ketalar", "approved_for", "general-anesthesia").get("1970", [])
    assert [c.context.jurisdiction for c in us] == ["US"]


def test_a_textbook_also_dates_the_first_synthesis_to_1962() -> None:
    claim = KB.claim("ketamine.derived-from.phencyclidine.1962.le-dare")
    textbook = [e for e in claim.evidence if e.source == "miller-anesthesia-6-phencyclidines"]
    assert any("synthesized in 1962 by Stevens" in e.quote for e in textbook)
    assert any("200 phencyclidine derivatives" in e.quote for e in textbook)
    assert KB.source("miller-anesthesia-6-phencyclidines").effective_tier >= SourceTier.REFERENCE
    # the chapter's authors, read on the opening page of chapter 10 in the same copy
    assert KB.source("miller-anesthesia-6-phencyclidines").authors[0] == "Reves JG"


def test_first_human_use_1964_and_1965_are_kept_as_a_conflict() -> None:
    dated = _dated("ketamine", "in_clinical_trials_for", "general-anesthesia")
    assert "1964" in dated and "1965" in dated
    (conflict,) = [c for c in KB.conflicts() if c.curated and "first given to humans" in c.topic]
    sides = {x.id for x in conflict.side_a} | {x.id for x in conflict.side_b}
    assert sides == {
        "ketamine.in-clinical-trials-for.general-anesthesia.1964",
        "ketamine.in-clinical-trials-for.general-anesthesia.1965.miller",
    }
