"""Safe inheritance (issue #13, docs/status.md "The form a claim is about"): what is said of
ketamine without a form is never shown as a specific form's own fact, and never shown at all when
it is a measurement, a recreational observation, or (for a form never marketed) learnt from use."""

from __future__ import annotations

import io
from typing import Any

import pytest

import ketref
from ketref.cli import main
from ketref.models.claims import Claim
from ketref.models.evidence import Evidence
from ketref.queries.inheritance import InheritedClaim, inheritable, marketed_forms

FORMS = ("racemic-ketamine", "esketamine", "arketamine")


def inherited(form: str, **filters: Any) -> list[InheritedClaim]:
    return [c for c in ketref.claims(form, inherit=True, **filters) if isinstance(c, InheritedClaim)]


def test_esketamine_does_not_inherit_the_nmda_ki_measured_on_ketamine() -> None:
    # the stored claim exists: Seeman 2005 measured 3.1 µM on "ketamine"
    stored = ketref.claim("ketamine.binds.nmda.ki.seeman-2005")
    assert stored.subject == "ketamine" and stored.values
    shown = inherited("esketamine", predicate="binds", object="nmda-receptor")
    assert stored.id not in {c.id for c in shown}
    # esketamine's own Ki stays, alone
    own = [c for c in ketref.claims("esketamine", "binds", "nmda-receptor") if c.values]
    assert {str(v) for c in own for v in c.values} == {"0.3 µM (Ki)"}


def test_esketamine_does_not_inherit_a_sigma_1_ki() -> None:
    stored = ketref.claim("ketamine.binds.sigma-1.ki.wikipedia")
    assert stored.values
    for form in FORMS:
        assert stored.id not in {c.id for c in inherited(form, object="sigma-1-receptor")}, form


def test_no_form_inherits_a_measurement() -> None:
    measured = [c for c in ketref.claims("ketamine") if not c.inverted and (c.values or c.context.assay)]
    assert len(measured) >= 6  # Ki values, PK parameters, assays: the rule has work to do
    for form in FORMS:
        for claim in inherited(form):
            assert not claim.values and claim.context.assay is None, (form, claim.id)


def test_arketamine_does_not_inherit_the_k_hole_or_bladder_damage() -> None:
    for claim_id in (
        "ketamine.has-adverse-effect.k-hole.clinic-article",
        "ketamine.has-adverse-effect.bladder-problems.recreational.blog",
        "ketamine.has-adverse-effect.bladder-problems.clinical-use.blog",
    ):
        assert ketref.claim(claim_id).subject == "ketamine"
    shown = {c.object for c in inherited("arketamine")}
    assert not shown & {"k-hole", "bladder-problems", "dissociation", "nausea"}
    effects = {r.effect for r in ketref.adverse_effects("arketamine")}
    assert not effects & {"k-hole", "bladder-problems"}


def test_a_never_marketed_form_inherits_nothing_learnt_from_use() -> None:
    assert "arketamine" not in marketed_forms(ketref.knowledge_base())
    use = {"has_adverse_effect", "has_effect", "treats", "safe_for", "has_onset", "combined_with"}
    for claim in inherited("arketamine"):
        assert claim.predicate not in use and claim.context.setting is None, claim.id
    # mechanism still shows, in its own group
    assert {"antagonist_of", "metabolized_by"} <= {c.predicate for c in inherited("arketamine")}


def test_the_marketed_forms_are_those_with_a_product() -> None:
    kb = ketref.knowledge_base()
    # Spravato's active ingredient is esketamine hydrochloride, a salt of esketamine
    spravato = ketref.claims("spravato", "has_active_ingredient")
    assert "esketamine-hydrochloride" in {c.object for c in spravato}
    assert ketref.get("esketamine-hydrochloride").parent == "esketamine"  # type: ignore[union-attr]
    assert {"esketamine", "racemic-ketamine"} <= marketed_forms(kb)
    assert "arketamine" not in marketed_forms(kb)


def test_recreational_claims_are_never_inherited() -> None:
    recreational = [c for c in ketref.claims("ketamine") if c.context.setting == "recreational"]
    assert recreational
    for form in FORMS:
        assert all(c.context.setting != "recreational" for c in inherited(form)), form


def test_regulatory_statements_are_never_inherited() -> None:
    assert ketref.claims("ketamine", "controlled_in")
    for form in FORMS:
        for claim in inherited(form):
            assert claim.predicate not in ("controlled_in", "approved_for")
            assert claim.context.jurisdiction is None


def test_inherited_claims_stay_in_their_own_group() -> None:
    for form in FORMS:
        found = ketref.claims(form, inherit=True)
        flags = [isinstance(c, InheritedClaim) for c in found]
        assert flags == sorted(flags), form  # the form's own first, then the inherited ones
        for claim in found:
            if isinstance(claim, InheritedClaim):
                assert claim.subject == "ketamine" and claim.shown_for == form
            else:
                assert claim.subject == form
    for report in ketref.adverse_effects("esketamine"):
        kinds = {isinstance(c, InheritedClaim) for c in report.claims}
        assert kinds == {report.said_without_form}, report.effect
    out, err = io.StringIO(), io.StringIO()
    assert main(["claims", "--subject", "esketamine", "--inherit"], out=out, err=err) == 0
    text = out.getvalue()
    own, _, said = text.partition("Said of ketamine without a form")
    assert said, "no separate group"
    assert "[inherited by" not in own
    assert "- esketamine " not in said


def _claim(**fields: Any) -> Claim:
    base: dict[str, Any] = {
        "id": "t",
        "subject": "ketamine",
        "predicate": "antagonist_of",
        "object": "nmda-receptor",
        "status": "reported",
        "evidence": [Evidence(source="s", quote="q")],
    }
    return Claim.model_validate(base | fields)


@pytest.mark.parametrize(
    ("fields", "marketed", "expected"),
    [
        ({}, True, True),
        ({}, False, True),  # mechanism is shown even for a form never marketed
        ({"predicate": "binds", "values": [{"value": 3.1, "unit": "µM", "measure": "Ki"}]}, True, False),
        ({"predicate": "binds", "context": {"assay": "rat brain membranes"}}, True, False),
        (
            {"predicate": "has_adverse_effect", "object": "k-hole", "context": {"setting": "recreational"}},
            True,
            False,
        ),
        ({"predicate": "has_adverse_effect", "object": "nausea"}, True, True),
        ({"predicate": "has_adverse_effect", "object": "nausea"}, False, False),
        ({"predicate": "has_effect", "object": "dissociation"}, False, False),
        ({"predicate": "treats", "object": "depression"}, False, False),
        ({"context": {"setting": "clinical"}}, False, False),
        ({"context": {"jurisdiction": "US"}}, True, False),
        ({"context": {"level": "regulatory"}}, True, False),
        ({"predicate": "controlled_in", "object": "us-csa-schedule-iii"}, True, False),
        ({"context": {"route": "intravenous"}}, True, False),
        (
            {
                "predicate": "binds",
                "comparison": {"comparator": "arketamine", "aspect": "affinity", "direction": "greater"},
            },
            True,
            False,
        ),
    ],
)
def test_each_rule_on_a_built_claim(fields: dict[str, Any], marketed: bool, expected: bool) -> None:
    assert inheritable(_claim(**fields), marketed=marketed) is expected
