"""Issue 16, topic 5: pharmacokinetics per form and route, as the sources read say it.

The expectations are written from the quoted sentences (form, route, number, unit), not read
back from the data files.
"""

from __future__ import annotations

import ketref
from ketref import Claim


def one(subject: str, predicate: str, obj: str, source: str) -> Claim:
    found = [c for c in ketref.claims(subject, predicate, obj, source=source) if c.subject == subject]
    assert found, f"no claim {subject} {predicate} {obj} from {source}"
    return found[0]


def numbers(claim: Claim) -> set[tuple[float, float, str]]:
    return {(v.low, v.high, v.unit) for v in claim.values}


def test_racemate_label_gives_a_10_to_15_minute_alpha_half_life_after_iv_dosing() -> None:
    # "Ketamine Hydrochloride Injection, a racemic mixture of ketamine" ... "initial slope (alpha
    # phase) lasting about 45 minutes with a half-life of 10 to 15 minutes."
    claim = one(
        "racemic-ketamine",
        "has_parameter",
        "distribution-half-life",
        "pfizer-ketamine-injection-clinical-pharmacology",
    )
    assert numbers(claim) == {(10.0, 15.0, "minute")}
    assert claim.context.route == "intravenous"
    assert claim.status.value == "established"
    assert claim in ketref.pharmacokinetics("racemic ketamine")


def test_esketamine_clears_faster_than_arketamine_after_the_racemate() -> None:
    # "esketamine has a larger clearance than R-ketamine (18.4±3.4 mL/min·kg vs 15.8±3.1 mL/min·kg"
    s = one("esketamine", "has_parameter", "clearance", "wang-2019-dddt-esketamine-pk")
    r = one("arketamine", "has_parameter", "clearance", "wang-2019-dddt-esketamine-pk")
    assert (18.4, 18.4, "mL/min/kg") in numbers(s)
    assert (18.1, 18.1, "mL/min/kg") in numbers(s)
    assert numbers(r) == {(15.8, 15.8, "mL/min/kg")}
    assert r in ketref.pharmacokinetics("arketamine")
    assert s.context.route == r.context.route == "intravenous"


def test_population_model_figures_for_intranasal_esketamine() -> None:
    source = "perez-ruixo-esketamine-population-pk"
    # "The absolute bioavailability of 56 and 84 mg of intranasal esketamine is 54 and 51%"
    f = one("esketamine", "has_parameter", "bioavailability", source)
    assert {(v.low, v.measure) for v in f.values} == {
        (54.0, "absolute bioavailability, 56 mg"),
        (51.0, "absolute bioavailability, 84 mg"),
    }
    assert f.context.route == "intranasal"
    # "Esketamine volume at steady state and clearance were 752 L and 114 L/h"
    assert numbers(one("esketamine", "has_parameter", "volume-of-distribution", source)) == {
        (752.0, 752.0, "L")
    }
    assert numbers(one("esketamine", "has_parameter", "clearance", source)) == {(114.0, 114.0, "L/h")}
    assert ketref.knowledge_base().source(source).interests


def test_rectal_and_sublingual_bioavailability_of_about_30_percent() -> None:
    # "The bioavailabilities of the sublingual tablet and the suppository were estimated to both be
    # approximately 30%"
    source = "yanagihara-2003-ketamine-preparations"
    routes = {
        c.context.route
        for c in ketref.claims("ketamine", "has_parameter", "bioavailability", source=source)
        if {(v.low, v.qualifier.value) for v in c.values} == {(30.0, "~")}
    }
    assert {"rectal", "oral-transmucosal"} <= routes


def test_low_intranasal_bioavailability_is_kept_beside_the_higher_figures_with_a_conflict() -> None:
    low = one("ketamine", "has_parameter", "bioavailability", "pharmacotherapy-2022-intranasal-ketamine-pk")
    assert numbers(low) == {(17.0, 17.0, "percent")}
    conflicts = [c for c in ketref.conflicts() if low in c.side_a + c.side_b]
    assert conflicts
    others = {x.id for c in conflicts for x in c.side_a + c.side_b}
    assert "ketamine.bioavailability.intranasal.yanagihara-2003" in others


def test_enzyme_inhibitors_raise_oral_s_ketamine_exposure() -> None:
    # "Clarithromycin increased the mean C(max) of ketamine by 3.6-fold ... AUC ... by 2.6-fold"
    clari = one("esketamine", "interacts_with", "clarithromycin", "hagelberg-2010-eur-j-pain")
    assert {(v.low, v.unit) for v in clari.values} == {(3.6, "fold"), (2.6, "fold")}
    # "... probably by inhibiting its CYP3A-mediated N-demethylation": hedged
    assert one("esketamine", "metabolized_by", "cyp3a4", "hagelberg-2010-eur-j-pain").status.value == (
        "suggested"
    )
    # "Ticlopidine treatment increased ... AUC ... of oral ketamine by 2.4-fold"
    tic = one("esketamine", "interacts_with", "ticlopidine", "peltoniemi-2011-clin-pharmacol-ther")
    assert {(v.low, v.unit) for v in tic.values} == {(2.4, "fold")}
    assert tic.context.route == "oral"


def test_meta_analysis_gives_volume_and_clearance_for_unspecified_ketamine() -> None:
    # "Weighted mean volume of distribution was 252 l/70 kg" ... "Weighted mean clearance was 79 l/h"
    source = "kamp-2020-anesthesiology-ketamine-pk"
    assert numbers(one("ketamine", "has_parameter", "volume-of-distribution", source)) == {
        (252.0, 252.0, "L")
    }
    assert numbers(one("ketamine", "has_parameter", "clearance", source)) == {(79.0, 79.0, "L/h")}
    assert ketref.knowledge_base().source(source).kind.value == "systematic_review"


def test_each_enantiomer_after_the_racemate_has_its_own_volume_half_life_and_clearance() -> None:
    # "The distribution volumes at steady state of S- and R-ketamine were 6.6 ± 2.2 and 5.6 ± 2.1 l/kg,
    # terminal half-lives 5.2 ± 3.4 and 6.1 ± 3.1 h, and metabolic clearances 1,620 ± 380 and
    # 1,530 ± 380 ml/min"
    source = "anesthesiology-chiral-pk-prolonged-release-tablets"
    expected = {
        ("esketamine", "volume-of-distribution"): (6.6, "L/kg"),
        ("arketamine", "volume-of-distribution"): (5.6, "L/kg"),
        ("esketamine", "elimination-half-life"): (5.2, "hour"),
        ("arketamine", "elimination-half-life"): (6.1, "hour"),
        ("esketamine", "clearance"): (1620.0, "mL/min"),
        ("arketamine", "clearance"): (1530.0, "mL/min"),
    }
    for (form, parameter), (value, unit) in expected.items():
        claim = next(
            c for c in ketref.claims(form, "has_parameter", parameter, source=source) if c.subject == form
        )
        assert numbers(claim) == {(value, value, unit)}, (form, parameter)
        assert claim.context.route == "intravenous"
    # "Bioavailability of the 40 mg tablets was 15 ± 8 (S-isomer) and 19 ± 10% (R-isomer)"
    s_oral = one("esketamine", "has_parameter", "bioavailability", source)
    r_oral = one("arketamine", "has_parameter", "bioavailability", source)
    assert numbers(s_oral) == {(15.0, 15.0, "percent")}
    assert numbers(r_oral) == {(19.0, 19.0, "percent")}


def test_oral_s_ketamine_bioavailability_of_8_percent_is_kept_with_its_conflict() -> None:
    # "The oral bioavailability of S-ketamine was low, 8% ..., and its clearance was high, 95 L/h/70 kg"
    oral = one("esketamine", "has_parameter", "bioavailability", "fanta-2015-eur-j-clin-pharmacol")
    assert numbers(oral) == {(8.0, 8.0, "percent")}
    assert oral.context.route == "oral"
    assert any(oral in c.side_a + c.side_b for c in ketref.conflicts())
    clearance = one("esketamine", "has_parameter", "clearance", "fanta-2015-eur-j-clin-pharmacol")
    assert numbers(clearance) == {(95.0, 95.0, "L/h")}


def test_protein_binding_in_plasma_and_to_albumin_are_kept_apart_with_a_conflict() -> None:
    # "ketamine (K) is bound as much as 47% to human plasma"
    plasma = one(
        "ketamine", "has_parameter", "plasma-protein-binding", "dayton-ketamine-plasma-protein-binding"
    )
    assert numbers(plasma) == {(47.0, 47.0, "percent")}
    # "Bound fraction to HAS was 71.2% and 64.9% for enantiomerically pure R- and S-ketamine,
    # respectively, and 66.5% for the racemate"
    source = "ketamine-enantiomers-hsa-binding-2023"
    expected = {"arketamine": 71.2, "esketamine": 64.9, "racemic-ketamine": 66.5}
    for form, value in expected.items():
        claim = one(form, "has_parameter", "plasma-protein-binding", source)
        assert numbers(claim) == {(value, value, "percent")}
        assert "albumin" in (claim.values[0].measure or "")
    conflict = next(c for c in ketref.conflicts() if plasma in c.side_a + c.side_b)
    assert {"esketamine", "arketamine", "racemic-ketamine"} <= {
        x.subject for x in conflict.side_a + conflict.side_b
    }


def test_review_restates_the_label_pk_of_intranasal_esketamine() -> None:
    """Current Psychiatry's review: Tmax 20-40 min after the last spray, half-life 7-12 h."""
    assert numbers(
        one("esketamine", "has_parameter", "time-to-peak-concentration", "mdedge-esketamine-pk")
    ) == {(20.0, 40.0, "minute")}
    assert numbers(one("esketamine", "has_parameter", "elimination-half-life", "mdedge-esketamine-pk")) == {
        (7.0, 12.0, "hour")
    }


SWISS_SPRAVATO = "oddb-ch-fachinfo-67103-spravato-kinetics"
SWISS_KETALAR = "oddb-ch-fachinfo-35073-ketalar-kinetics"


def test_swiss_spravato_label_seconds_the_manufacturer_pages_bioavailability_and_tmax() -> None:
    # "Die mittlere absolute Bioverfügbarkeit von 84 mg Esketamin nach Verabreichung als
    # Nasenspray beträgt ungefähr 48%." / "tmax ... typischerweise 20-40 Minuten"
    f = one("esketamine", "has_parameter", "bioavailability", SWISS_SPRAVATO)
    assert f.id == "esketamine.bioavailability.intranasal.jnj"
    assert numbers(f) == {(48.0, 48.0, "percent")}
    assert f.context.route == "intranasal"
    assert f.status.value == "established"
    tmax = one("esketamine", "has_parameter", "time-to-peak-concentration", SWISS_SPRAVATO)
    assert tmax.id == "esketamine.tmax.intranasal.jnj"
    assert numbers(tmax) == {(20.0, 40.0, "minute")}
    assert {"jnj-spravato-pharmacokinetics", SWISS_SPRAVATO} <= set(tmax.sources)


def test_swiss_spravato_label_volume_binding_and_enzymes() -> None:
    # "Das mittlere Verteilungsvolumen ... nach intravenöser Verabreichung 709 l."
    vd = one("esketamine", "has_parameter", "volume-of-distribution", SWISS_SPRAVATO)
    assert numbers(vd) == {(709.0, 709.0, "L")}
    assert vd.context.route == "intravenous"
    assert vd.context.jurisdiction == "CH"
    assert any(vd in c.side_a + c.side_b for c in ketref.conflicts())
    # "... proteingebundenem Esketamin ... durchschnittlich 43-45%."
    binding = one("esketamine", "has_parameter", "plasma-protein-binding", SWISS_SPRAVATO)
    assert numbers(binding) == {(43.0, 45.0, "percent")}
    # "... N-Demethylierung mit Bildung von Noresketamin." / "... sind CYP2B6 und CYP3A4"
    assert one("esketamine", "metabolized_to", "s-norketamine", SWISS_SPRAVATO).status.value == "established"
    for enzyme in ("cyp2b6", "cyp3a4"):
        claim = one("esketamine", "metabolized_by", enzyme, "oddb-ch-fachinfo-67103-spravato-interactions")
        assert claim.status.value == "established", enzyme


def test_racemate_route_by_route_from_the_swiss_ketalar_label() -> None:
    pk = ketref.pharmacokinetics("racemic ketamine")
    # "Ketamin ist nach i.m. Applikation zu 93% bioverfügbar."
    im = one("racemic-ketamine", "has_parameter", "bioavailability", SWISS_KETALAR)
    assert numbers(im) == {(93.0, 93.0, "percent")}
    assert im.context.route == "intramuscular"
    assert im in pk
    # "Nach i.v. Bolusgabe von 2.5 mg/kg ... mit einer Halbwertszeit von 10-15 Minuten"
    alpha = [
        c
        for c in ketref.claims(
            "racemic-ketamine", "has_parameter", "distribution-half-life", source=SWISS_KETALAR
        )
        if c.subject == "racemic-ketamine"
    ]
    by_route = {c.context.route: {(v.low, v.high) for v in c.values if v.unit == "minute"} for c in alpha}
    assert by_route["intravenous"] == {(10.0, 15.0)}
    assert by_route[None] == {(5.5, 18.0)}
    # "... 5 Minuten nach i.v. Bolusgabe von 2 mg/kg, und ca. 1.7-2.2 µg/ml 15 Minuten nach i.m. ..."
    tmax = {
        c.context.route: {v.low for v in c.values if v.unit == "minute"}
        for c in pk
        if c.object == "time-to-peak-concentration" and SWISS_KETALAR in c.sources
    }
    assert tmax == {"intravenous": {5.0}, "intramuscular": {15.0}}
    cmax = {
        c.context.route: {(v.low, v.high) for v in c.values if v.unit == "µg/mL"}
        for c in pk
        if c.object == "peak-plasma-concentration"
    }
    assert cmax["intravenous"] == {(1.8, 2.0)}
    assert cmax["intramuscular"] == {(1.7, 2.2)}
    # "bei Erwachsenen und Kindern": the population sits in the context, not only in the note
    peaks = [
        c
        for c in pk
        if c.object in {"peak-plasma-concentration", "time-to-peak-concentration"}
        and SWISS_KETALAR in c.sources
    ]
    assert len(peaks) == 4
    assert {c.context.species for c in peaks} == {"human, adults and children"}


def test_swiss_ketalar_label_names_cyp3a4_first_and_its_conflict_with_the_in_vitro_study() -> None:
    # "Die N-Demethylierung ... hauptsächlich über CYP3A4; in geringerem Masse auch über CYP2B6 und CYP2C9."
    main = one("racemic-ketamine", "metabolized_by", "cyp3a4", SWISS_KETALAR)
    for enzyme in ("cyp2b6", "cyp2c9"):
        assert one("racemic-ketamine", "metabolized_by", enzyme, SWISS_KETALAR).status.value == "established"
    assert ketref.knowledge_base().get("CYP2C9").id == "cyp2c9"
    conflict = next(c for c in ketref.conflicts() if main in c.side_a + c.side_b)
    assert "ketamine.metabolized-by.cyp2b6.major.anesthesiology-2016" in {
        x.id for x in conflict.side_a + conflict.side_b
    }


def test_mdedge_review_gives_noresketamine_about_8_hours_after_the_nasal_spray() -> None:
    # "The mean half-life of noresketamine was approximately 8 hours."
    claim = one("s-norketamine", "has_parameter", "elimination-half-life", "mdedge-esketamine-pk")
    assert numbers(claim) == {(8.0, 8.0, "hour")}
    assert claim.values[0].qualifier.value == "~"
    assert claim.context.route == "intranasal"
    assert claim.status.value == "reported"


def test_norketamine_terminal_half_life_is_about_an_hour_in_anaesthetised_dogs() -> None:
    # "Norketamine ... had a terminal half-life of 63.6 +/- 23.9 minutes." after "ketamine
    # (3 mg/kg) was administered IV" to isoflurane-anesthetized dogs.
    claim = one("norketamine", "has_parameter", "elimination-half-life", "pypendop-2005-am-j-vet-res")
    assert (63.6, 63.6, "minute") in numbers(claim)
    assert (3.0, 3.0, "mg/kg") in numbers(claim)
    assert claim.context.species == "dog"
    assert claim.context.level.value == "preclinical"
    assert claim.context.route == "intravenous"
