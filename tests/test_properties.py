"""Properties over the whole knowledge base and over fuzzed input (hypothesis)."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ketref
from ketref.queries.orientation import readings

KB = ketref.knowledge_base()
NAMES = sorted((name, entity.id) for entity in KB.entities.values() for name in (*entity.names, entity.id))
CLAIMS = KB.all_claims()


def respell(name: str, data: st.DataObject) -> str:
    """Change case, and spacing around hyphens and spaces, the way people type names."""
    out = []
    for char in name:
        char = char.upper() if data.draw(st.booleans()) else char.lower()
        if char in " -":
            char = data.draw(st.sampled_from([" ", "-", "  ", "", "_"]))
        out.append(char)
    return data.draw(st.sampled_from(["", " "])) + "".join(out)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(NAMES), st.data())
def test_every_synonym_resolves_to_its_entity(pair: tuple[str, str], data: st.DataObject) -> None:
    name, entity_id = pair
    assert ketref.get(name).id == entity_id
    assert ketref.get(respell(name, data)).id == entity_id


@settings(max_examples=200)
@given(st.sampled_from(CLAIMS), st.data())
def test_every_reading_of_a_claim_finds_it(claim: ketref.Claim, data: st.DataObject) -> None:
    reading = data.draw(st.sampled_from(readings(claim)))
    found = ketref.claims(
        reading.subject,
        reading.predicate,
        reading.object,
        comparator=reading.comparator,
        direction=reading.direction,
    )
    assert claim in {r.claim for r in found}
    (answer,) = [r for r in found if r.claim == claim]
    assert (answer.subject, answer.predicate, answer.object) == (
        reading.subject,
        reading.predicate,
        reading.object,
    )


@settings(max_examples=200)
@given(st.sampled_from(CLAIMS))
def test_inverse_query_is_symmetric(claim: ketref.Claim) -> None:
    inverse = ketref.PREDICATES[claim.predicate].inverse
    forward = ketref.claims(claim.subject, claim.predicate, claim.object)
    backward = ketref.claims(claim.object, inverse, claim.subject)
    assert [r.claim for r in forward] == [r.claim for r in backward]
    assert claim in [r.claim for r in forward]
    assert {r.subject for r in forward} == {claim.subject} and {r.subject for r in backward} == {claim.object}


@settings(max_examples=500)
@given(st.text(max_size=200))
def test_get_on_arbitrary_text_returns_or_raises_a_lookup_error(text: str) -> None:
    try:
        entity = ketref.get(text)
    except ketref.UnknownEntityError as exc:
        assert exc.query == text
        assert all(isinstance(s, str) for s in exc.suggestions)
    else:
        assert entity.id in KB.entities


@settings(max_examples=300)
@given(
    st.text(alphabet=string.printable + "αβγσ–—ʼ\u200b\u0000", max_size=80),
    st.sampled_from([None, "compound", "target"]),
)
def test_search_never_fails_on_text(text: str, kind: str | None) -> None:
    hits = ketref.search(text, kind=kind)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 1 for s in scores)


@given(st.one_of(st.integers(), st.floats(), st.none(), st.binary(), st.lists(st.text(max_size=3))))
def test_wrong_types_raise_a_ketref_error(value: object) -> None:
    for call in (ketref.get, ketref.search, ketref.claim, ketref.source):
        try:
            call(value)  # type: ignore[arg-type]
        except ketref.KetrefError:
            pass
        else:  # pragma: no cover - a wrong type must never succeed
            raise AssertionError(f"{call.__name__}({value!r}) did not raise")


def test_model_json_round_trip_for_every_record() -> None:
    for record in [*KB.entities.values(), *KB.sources(), *CLAIMS]:
        again = type(record).model_validate_json(record.model_dump_json())
        assert again == record
