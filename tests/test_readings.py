"""Claims read from the asker's side (issue #13): ``claims(subject=X)`` answers with X as subject."""

from __future__ import annotations

import io
import json

import pytest

import ketref
from ketref.cli import main
from ketref.kb import KnowledgeBase
from ketref.models.readings import Reading
from ketref.profiles import profile


def run(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert main(list(argv), out=out, err=err) == 0, err.getvalue()
    return out.getvalue()


def _flipped(direction: ketref.Direction) -> str:
    return {"greater": "lesser", "lesser": "greater"}.get(direction.value, direction.value)


def test_every_claim_returned_for_a_subject_reads_with_it_as_subject(kb: KnowledgeBase) -> None:
    stored = {c.id: c for c in kb.all_claims()}
    checked = 0
    for entity_id in kb.entities:
        for r in kb.claims(subject=entity_id):
            assert isinstance(r, Reading)
            assert r.subject == entity_id, (entity_id, r.id)
            # an open question is worded "not known whether X ..."
            assert r.sentence().removeprefix("not known whether ").startswith(f"{entity_id} "), r.sentence()
            assert stored[r.id] == r.claim  # the stored claim is reachable, unchanged
            c = r.claim.comparison
            # the entity's role in the stored claim decides the wording, checked field by field
            if r.claim.subject == entity_id:
                assert (r.predicate, r.object, r.comparison) == (r.claim.predicate, r.claim.object, c)
                assert not r.inverted
            elif c is not None and c.comparator == entity_id:
                assert r.inverted and r.comparison is not None
                assert r.comparison.comparator == r.claim.subject
                assert r.comparison.direction.value == _flipped(c.direction)
                assert r.values == ()  # stated values belong to the stored subject
            else:
                assert r.claim.object == entity_id and r.inverted
                assert r.predicate == r.claim.predicate_info.inverse
            checked += 1
    assert checked > len(stored)  # most claims are read from two or more sides


def test_the_stored_claim_is_found_from_every_side_it_names() -> None:
    stored = ketref.claim("esketamine.binds.nmda.greater-affinity.benchchem")
    for entity in ("esketamine", "arketamine", "nmda-receptor"):
        (r,) = [r for r in ketref.claims(subject=entity, predicate=None) if r.id == stored.id]
        assert r.subject == entity and r.claim == stored
    (from_r,) = [r for r in ketref.claims(subject="arketamine") if r.id == stored.id]
    assert from_r.sentence() == "arketamine binds nmda-receptor (affinity lesser than esketamine, 3–4 fold)"


def test_a_claim_read_as_stated_is_that_claim_and_an_inverted_reading_is_not() -> None:
    stored = ketref.claim("esketamine.binds.nmda.greater-affinity.benchchem")
    (as_stated,) = [r for r in ketref.claims(subject="esketamine") if r.id == stored.id]
    (inverted,) = [r for r in ketref.claims(subject="arketamine") if r.id == stored.id]
    assert as_stated == stored and stored == as_stated and hash(as_stated) == hash(stored)
    assert stored in [as_stated] and as_stated in {stored}
    assert inverted != stored and stored != inverted
    assert len({as_stated, inverted, stored}) == 2


def test_a_reading_dumps_to_json_and_back() -> None:
    (r,) = [
        x
        for x in ketref.claims(subject="arketamine")
        if x.id == "esketamine.binds.nmda.greater-affinity.benchchem"
    ]
    dumped = r.model_dump(mode="json")
    assert dumped["subject"] == "arketamine" and dumped["claim"]["subject"] == "esketamine"
    assert dumped["inverted"] is True
    assert Reading.model_validate_json(json.dumps(dumped)) == r


def test_involving_finds_every_role_and_answers_as_stored(kb: KnowledgeBase) -> None:
    for entity_id in (
        "arketamine",
        "intravenous",
        "nmda-receptor",
        "selective-serotonin-reuptake-inhibitors",
    ):
        expected = [c.id for c in kb.all_claims() if entity_id in c.entity_ids]
        found = kb.claims(involving=entity_id)
        assert [r.id for r in found] == expected
        assert all(not r.inverted and r == Reading.of(r.claim) for r in found)
    # a route is a role too: claims stated for the intravenous route name it
    assert any(r.context.route == "intravenous" for r in kb.claims(involving="intravenous"))


def test_the_cli_prints_every_claim_with_the_asked_subject() -> None:
    out = run("claims", "--subject", "arketamine", "--predicate", "binds")
    lines = [line for line in out.splitlines() if line.startswith("- ")]
    assert lines and all(
        line.removeprefix("- not known whether ")
        .removeprefix("- ")
        .startswith(("arketamine binds ", "arketamine does not bind "))
        for line in lines
    ), lines
    # a claim stored from esketamine's side says how it was stored, under the reading
    assert "stored as: esketamine binds nmda-receptor (affinity greater than arketamine" in out
    data = json.loads(run("claims", "--subject", "arketamine", "--predicate", "binds", "--json"))
    assert {item["subject"] for item in data["result"]} == {"arketamine"}


@pytest.mark.parametrize(("a", "b"), [("esketamine", "arketamine"), ("arketamine", "racemic-ketamine")])
def test_compare_reads_each_side_from_its_own_side(a: str, b: str) -> None:
    result = ketref.compare(a, b)
    for row in result.rows:
        assert all(r.subject == a for r in (*row.comparative, *row.a)), row
        assert all(r.subject == b for r in row.b), row
        assert all(r.comparator == b for r in row.comparative)
    out = run("compare", a, b)
    for block in out.split("\n* ")[1:]:
        topic, _, body = block.partition("\n")
        if ": " in topic:  # a direct comparison: every claim line is a's
            assert all(line.strip().startswith(f"- {a} ") for line in body.splitlines() if "- " in line[:8])


def test_the_forms_table_never_shows_another_forms_sentence() -> None:
    kb = ketref.knowledge_base()
    table = ketref.table("forms")
    forms = ("racemic-ketamine", "esketamine", "arketamine")
    for row in table.rows:
        label = row[0].text
        if "compared" in label or label == "Products":  # products name a salt of the form
            continue
        for form, cell in zip(forms, row[1:], strict=True):
            for claim_id in cell.claims:
                claim = kb.claim(claim_id)
                # a plain row shows only what is stated of the form itself
                assert form in (claim.subject, claim.object), (label, form, claim_id)
    assert "Intravenous (incidence lesser than Racemic ketamine)" not in table.to_markdown()


@pytest.mark.parametrize("entity", ["arketamine", "esketamine", "nmda-receptor", "trkb"])
def test_a_fact_sheet_prints_readings_of_its_entity(entity: str) -> None:
    """Fact sheets are profiles: every statement outside the section kept for the form-unspecified
    compound rests on claims that name the entity (as subject, object or comparator)."""
    kb = ketref.knowledge_base()
    found = profile(kb, entity)
    checked = 0
    for section in found.sections:
        if section.title in ("Said of ketamine without a form", "Points of disagreement"):
            continue  # kept apart; and the disagreements repeat statements of the other sections
        for statement in section.statements:
            for claim_id in statement.claims:
                claim = kb.claim(claim_id)
                comparator = claim.comparison.comparator if claim.comparison else None
                assert entity in (claim.subject, claim.object, comparator), (section.title, claim_id)
                checked += 1
    assert checked
