"""The models: frozen, strict about keys, and checking what can be checked per record."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from ketref.errors import UnitError
from ketref.models.claims import Claim
from ketref.models.entities import Compound, Xref
from ketref.models.evidence import MAX_QUOTE_WORDS, Evidence
from ketref.models.sources import Source
from ketref.models.values import Value

EVIDENCE = {"source": "s", "quote": "a short quote"}


def claim(**changes: Any) -> Claim:
    data: dict[str, Any] = {
        "id": "c",
        "subject": "a",
        "predicate": "binds",
        "object": "t",
        "status": "reported",
        "evidence": [EVIDENCE],
    }
    data.update(changes)
    return Claim.model_validate(data)


def test_models_are_frozen() -> None:
    c = claim()
    with pytest.raises(ValidationError):
        c.subject = "b"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        c.evidence.append(Evidence(source="x", quote="y"))  # type: ignore[attr-defined]


def test_unknown_keys_are_rejected() -> None:
    with pytest.raises(ValidationError, match="Extra inputs"):
        claim(subjcet="a")


def test_unknown_predicate_is_rejected_with_suggestions() -> None:
    with pytest.raises(ValidationError, match="antagonist_of"):
        claim(predicate="antagonist")


def test_a_claim_needs_evidence() -> None:
    with pytest.raises(ValidationError):
        claim(evidence=[])


def test_comparison_only_on_comparable_predicates() -> None:
    comparison = {"comparator": "b", "aspect": "affinity", "direction": "greater"}
    assert claim(comparison=comparison).comparison is not None
    with pytest.raises(ValidationError, match="does not take a comparison"):
        claim(predicate="approved_for", comparison=comparison)
    with pytest.raises(ValidationError, match="with itself"):
        claim(comparison={**comparison, "comparator": "a"})


def test_quotes_stay_short() -> None:
    with pytest.raises(ValidationError, match="at most"):
        Evidence(source="s", quote=" ".join(["word"] * (MAX_QUOTE_WORDS + 1)))


def test_racemate_lists_two_components() -> None:
    base = {"id": "r", "name": "R", "description": "d.", "stereo_form": "racemate"}
    assert Compound.model_validate({**base, "components": ["x", "y"]}).components == ("x", "y")
    with pytest.raises(ValidationError, match="two enantiomers"):
        Compound.model_validate(base)
    with pytest.raises(ValidationError, match="only a racemate"):
        Compound.model_validate({**base, "stereo_form": "enantiomer", "components": ["x", "y"]})


def test_synonyms_do_not_repeat() -> None:
    with pytest.raises(ValidationError, match="repeats"):
        Compound.model_validate(
            {"id": "a", "name": "A", "synonyms": ["A"], "description": "d.", "stereo_form": "achiral"}
        )


@pytest.mark.parametrize(
    "curie", ["pubchem.compound:3821", "chebi:60799", "cas:6740-88-1", "inchikey:YQEZLKZALYSWHR-UHFFFAOYSA-N"]
)
def test_known_curies_are_accepted(curie: str) -> None:
    assert Xref(curie=curie, evidence=Evidence(**EVIDENCE)).curie == curie


@pytest.mark.parametrize("curie", ["pubchem:3821", "CHEBI 60799", "3821", "chebi:"])
def test_bad_curies_are_rejected(curie: str) -> None:
    with pytest.raises(ValidationError):
        Xref(curie=curie, evidence=Evidence(**EVIDENCE))


def test_source_must_be_locatable() -> None:
    with pytest.raises(ValidationError, match="file, a PMID, a DOI or a URL"):
        Source(id="s", title="T", kind="review")
    assert Source(id="s", title="T", kind="review", pmid="12345").pmid == "12345"


def test_id_pattern() -> None:
    with pytest.raises(ValidationError):
        claim(id="Has Spaces")


# -- values ----------------------------------------------------------------------------


def test_value_range_and_text() -> None:
    v = Value(value=(3, 4), unit="fold")
    assert (v.low, v.high, v.is_range) == (3.0, 4.0, True)
    assert str(v) == "3–4 fold"
    assert str(Value(value=2, unit="hour", qualifier="~")) == "~ 2 hour"
    with pytest.raises(ValidationError, match="backwards"):
        Value(value=(4, 3), unit="fold")


def test_value_quantity_uses_pint() -> None:
    low, high = Value(value=(1, 4), unit="hour").quantity
    assert low.to("minute").magnitude == pytest.approx(60)
    assert high.to("minute").magnitude == pytest.approx(240)
    fold = Value(value=3, unit="fold").quantity
    assert fold.to("dimensionless").magnitude == pytest.approx(3)  # type: ignore[union-attr]


def test_bad_unit_raises_unit_error() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="not a unit"):  # refused when the value is made
        Value(value=1, unit="furlongs per fortnightz")
    with pytest.raises(UnitError, match="not a unit"):
        Value(value=1, unit="mg").to("furlongs per fortnightz")


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@given(a=finite, b=finite, c=finite, d=finite)
def test_overlap_is_symmetric(a: float, b: float, c: float, d: float) -> None:
    one = Value(value=(min(a, b), max(a, b)), unit="hour")
    two = Value(value=(min(c, d), max(c, d)), unit="hour")
    assert one.overlaps(two) == two.overlaps(one)
    assert one.overlaps(one)


@given(st.floats(min_value=1e-3, max_value=1e6), st.sampled_from(["hour", "minute", "day", "week"]))
def test_time_units_round_trip(amount: float, unit: str) -> None:
    q = Value(value=amount, unit=unit).quantity
    back = q.to("second").to(unit)  # type: ignore[union-attr]
    assert back.magnitude == pytest.approx(amount, rel=1e-9)
