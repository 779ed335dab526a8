"""Quantities: conversions, pKi, derived folds against stated folds, label figures, unit errors."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ketref
from ketref import Value
from ketref.quantities import (
    amount_in_volume,
    as_quantity,
    base_to_salt,
    convert,
    dose_for_body_mass,
    ki_to_pki,
    pki_to_ki,
    salt_to_base,
)
from ketref.queries.folds import derived_folds

KB = ketref.knowledge_base()

positive = st.floats(min_value=1e-6, max_value=1e6, allow_nan=False, allow_infinity=False)
CONCENTRATION_UNITS = ["pM", "nM", "µM", "mM", "M"]


# -- conversions ---------------------------------------------------------------------------


@given(positive, st.sampled_from(CONCENTRATION_UNITS), st.sampled_from(CONCENTRATION_UNITS))
def test_conversion_round_trips(amount: float, unit: str, other: str) -> None:
    there = convert(Value(value=amount, unit=unit), other)
    back = convert(there, unit)
    assert back.magnitude == pytest.approx(amount, rel=1e-9)


@given(positive, positive, st.sampled_from(CONCENTRATION_UNITS), st.sampled_from(CONCENTRATION_UNITS))
def test_range_bounds_stay_ordered_through_conversion(a: float, b: float, unit: str, other: str) -> None:
    value = Value(value=(min(a, b), max(a, b)), unit=unit)
    moved = value.to(other)
    assert moved.low <= moved.high
    assert moved.is_range and moved.unit == other


@given(st.floats(min_value=-3, max_value=15, allow_nan=False))
def test_pki_and_ki_round_trip(pki: float) -> None:
    assert ki_to_pki(pki_to_ki(pki, "nM")) == pytest.approx(pki, abs=1e-9)


def test_pki_known_values() -> None:
    assert ki_to_pki("1 nM") == pytest.approx(9.0)
    assert ki_to_pki(Value(value=0.3, unit="µM")) == pytest.approx(-math.log10(0.3e-6))
    # Hirota 1999: racemic ketamine at the mu receptor, pKi 4.38 -> about 42 µM
    assert pki_to_ki(4.38, "µM").magnitude == pytest.approx(41.7, rel=1e-2)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: convert("28 mg", "mL"), "cannot express"),
        (lambda: convert("28 furlongz", "mg"), "not a unit"),
        (lambda: convert("28 mg", "blorp"), "not a unit"),
        (lambda: dose_for_body_mass("0.5 mg/kg", "70 mL"), "body mass must be"),
        (lambda: dose_for_body_mass("0.5 mg", "70 kg"), "dose per body mass"),
        (lambda: amount_in_volume("50 mg/mL", "10 kg"), "volume must be"),
        (lambda: ki_to_pki("-1 nM"), "positive"),
        (lambda: as_quantity(Value(value=(1, 2), unit="mg")), "range"),
    ],
)
def test_unit_errors_say_what_was_expected(call: object, message: str) -> None:
    with pytest.raises(ketref.UnitError, match=message) as info:
        call()  # type: ignore[operator]
    assert isinstance(info.value, ValueError)


def test_wrong_types_are_type_errors() -> None:
    with pytest.raises(ketref.QueryTypeError):
        as_quantity(28)
    with pytest.raises(ketref.QueryTypeError):
        pki_to_ki(float("nan"))


def test_teaching_conversions() -> None:
    assert dose_for_body_mass("0.5 mg/kg", "70 kg").to("mg").magnitude == pytest.approx(35.0)
    assert dose_for_body_mass("0.5 mg/kg", "154 lb").to("mg").magnitude == pytest.approx(34.93, rel=1e-3)
    assert amount_in_volume("50 mg/mL", "10 mL").to("mg").magnitude == pytest.approx(500.0)


# -- salts, bases and the labels' own figures ----------------------------------------------


def test_spravato_device_figures_agree_with_computed_masses() -> None:
    """Label: 32.3 mg of esketamine hydrochloride, equivalent to 28 mg of esketamine."""
    strengths = {c.object: c for c in ketref.claims("spravato", "has_strength")}
    base = strengths["esketamine"].values[0]
    salt = strengths["esketamine-hydrochloride"].values[0]
    computed = (
        base_to_salt(KB, Value(value=base.low, unit=base.unit), "esketamine hydrochloride").to("mg").magnitude
    )
    assert abs(computed - salt.low) <= 0.05  # the label gives one decimal
    back = (
        salt_to_base(KB, Value(value=salt.low, unit=salt.unit), "esketamine hydrochloride").to("mg").magnitude
    )
    assert abs(back - base.low) <= 0.5


def test_ketalar_vial_figures_agree_with_computed_masses() -> None:
    """Label: 10 mg ketamine base is equivalent to 11.53 mg ketamine hydrochloride (50 -> 57.67)."""
    salt_claim = next(
        c for c in ketref.claims("ketalar", "has_strength") if c.object == "ketamine-hydrochloride"
    )
    base_claim = next(c for c in ketref.claims("ketalar", "has_strength") if c.object == "racemic-ketamine")
    for base, salt in zip(base_claim.values, salt_claim.values, strict=True):
        computed = base_to_salt(KB, f"{base.low} mg", "ketamine hydrochloride").to("mg").magnitude
        assert abs(computed - salt.low) <= 0.005  # the label gives two decimals


# -- derived folds -------------------------------------------------------------------------


def nmda_fold() -> ketref.api.DerivedFold:  # type: ignore[name-defined]
    return next(
        f for f in ketref.affinity_folds() if f.target == "nmda-receptor" and f.weaker == "arketamine"
    )


def test_nmda_fold_from_the_enantiomers_ki_values() -> None:
    fold = nmda_fold()
    assert (fold.stronger, fold.weaker, fold.measure, fold.source) == (
        "esketamine",
        "arketamine",
        "Ki",
        "ebert-1997-eur-j-pharmacol",
    )
    assert fold.fold == pytest.approx(1.4 / 0.3, rel=1e-3)
    # the reported Ki values (0.3 and 1.4 µM) are rounded to 0.05 µM
    assert fold.fold_low == pytest.approx(1.35 / 0.35, rel=1e-3)
    assert fold.fold_high == pytest.approx(1.45 / 0.25, rel=1e-3)


def test_stated_folds_agree_or_conflict_with_the_derived_fold() -> None:
    checks = {c.claim.id: c for c in nmda_fold().checks}
    # the derived fold allows 1.35/0.35 = 3.857 to 1.45/0.25 = 5.8 (Ki 0.3 and 1.4 µM, rounded)
    assert checks["esketamine.binds.nmda.greater-affinity.ebert-1997"].agrees  # "5 times": 4.5 to 5.5
    assert checks["arketamine.binds.nmda.lesser-affinity.wikipedia"].agrees  # "4 to 5 times": 3.5 to 5.5
    seed = checks["esketamine.binds.nmda.greater-affinity.benchchem"]  # "3- to 4-fold": 2.5 to 4.5
    assert seed.agrees and (seed.stated_low, seed.stated_high) == (2.5, 4.5)
    older = checks["esketamine.binds.nmda.greater-affinity.wikipedia-older"]  # "~2- to 3-fold"
    assert not older.agrees  # 1.35 to 3.85 once rounded and widened by "~": below 3.857
    assert (older.stated_low, older.stated_high) == pytest.approx((1.35, 3.85))
    conflicts = [c for c in ketref.conflicts() if "from Ki values" in c.topic]
    against = {side.id for c in conflicts for side in c.side_b}
    assert against == {"esketamine.binds.nmda.greater-affinity.wikipedia-older"}
    assert all(c.note and "allow" in c.note for c in conflicts)


@given(st.sampled_from(CONCENTRATION_UNITS))
def test_derived_folds_do_not_depend_on_the_affinity_unit(unit: str) -> None:
    claims = ketref.knowledge_base().all_claims()
    moved = [
        c.model_copy(update={"values": tuple(v.to(unit) if v.measure == "Ki" else v for v in c.values)})
        if c.values and c.predicate in ("binds", "inhibits")
        else c
        for c in claims
    ]
    before = {(f.target, f.stronger, f.weaker): f.fold for f in derived_folds(claims)}
    after = {(f.target, f.stronger, f.weaker): f.fold for f in derived_folds(moved)}
    assert before.keys() == after.keys()
    for key, fold in before.items():
        assert after[key] == pytest.approx(fold, rel=1e-6)


# -- pharmacokinetics ---------------------------------------------------------------------


def test_pharmacokinetics_keep_disagreeing_values_side_by_side() -> None:
    half_lives = [c for c in ketref.pharmacokinetics("esketamine") if c.object == "elimination-half-life"]
    sources = {c.sources[0] for c in half_lives}
    assert sources >= {"jnj-spravato-pharmacokinetics", "wikipedia-esketamine"}
    values = {str(c.values[0]) for c in half_lives}
    assert values >= {"7–12 hour (mean terminal half-life)", "5 hour (mean terminal half-life)"}


def test_bioavailability_by_route_for_ketamine() -> None:
    """Sources that say 'ketamine' without a form give ketamine's values (form unspecified); a paper
    whose title names racemic ketamine (Rolan 2014) gives the racemate's, never ketamine's."""
    routes = {c.context.route for c in ketref.pharmacokinetics("ketamine") if c.object == "bioavailability"}
    assert {"oral", "intramuscular", "intranasal", "oral-transmucosal"} <= routes
    racemate = {c.id for c in ketref.pharmacokinetics("racemic-ketamine") if c.object == "bioavailability"}
    assert "racemic-ketamine.bioavailability.oral-transmucosal.rolan-2014" in racemate
    assert not any("rolan-2014" in c.id for c in ketref.pharmacokinetics("ketamine"))


def test_every_stored_value_converts_to_its_own_unit() -> None:
    for claim in ketref.knowledge_base().all_claims():
        for value in claim.values:
            assert value.to(value.unit).low == pytest.approx(value.low)
