"""Structure chemistry: computed identity, mirror images, racemates, salts, stereoisomers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdkit import Chem

import ketref
from ketref.chem.rdkit_io import to_mol
from ketref.chem.stereoisomers import enumerate_stereoisomers
from ketref.chem.structure import compute_structure, mirror
from ketref.models.entities import Compound, Salt

KB = ketref.knowledge_base()
WITH_STRUCTURE = sorted(
    (e for e in KB.entities.values() if isinstance(e, Compound | Salt) and e.smiles), key=lambda e: e.id
)
ENANTIOMERS = [e for e in WITH_STRUCTURE if isinstance(e, Compound) and e.stereo_form.value == "enantiomer"]


def random_smiles(smiles: str, seed: int) -> str:
    """The same molecule written from another starting atom, in another order."""
    Chem.rdBase.SeedRandomNumberGenerator(seed)
    return str(Chem.MolToSmiles(Chem.MolFromSmiles(smiles), doRandom=True))


# -- computed facts ------------------------------------------------------------------------


def test_esketamine_computed_facts() -> None:
    s = ketref.structure("esketamine")
    assert s.formula == "C13H16ClNO"
    assert s.cip_labels == ("S",)
    assert s.is_chiral
    # 13 C + 16 H + Cl + N + O with IUPAC standard atomic weights, summed by hand:
    expected = 13 * 12.011 + 16 * 1.008 + 35.453 + 14.007 + 15.999
    assert s.average_mass.low == pytest.approx(expected, abs=0.01)
    assert str(s.average_mass.quantity.units) == "gram / mole"  # type: ignore[union-attr]


def test_arketamine_is_r_and_the_racemate_has_an_unassigned_centre() -> None:
    assert ketref.structure("arketamine").cip_labels == ("R",)
    assert ketref.structure("racemic-ketamine").cip_labels == (None,)
    assert not ketref.structure("racemic-ketamine").is_chiral


def test_an_entity_without_structure_raises() -> None:
    with pytest.raises(ketref.StructureError, match="no recorded structure"):
        ketref.structure("ketamine")  # form unspecified: no single structure


@pytest.mark.parametrize("entity", WITH_STRUCTURE, ids=[e.id for e in WITH_STRUCTURE])
def test_every_structure_identifies_as_its_own_entity(entity: Compound | Salt) -> None:
    assert entity.smiles is not None
    assert ketref.identify(entity.smiles).id == entity.id
    assert ketref.identify(random_smiles(entity.smiles, 7)).id == entity.id
    assert ketref.identify(Chem.MolToInchi(Chem.MolFromSmiles(entity.smiles))).id == entity.id
    assert ketref.identify(Chem.MolToMolBlock(Chem.MolFromSmiles(entity.smiles))).id == entity.id
    assert ketref.get(compute_structure(entity.smiles).inchikey).id == entity.id


# -- relations ------------------------------------------------------------------------------


def test_enantiomers_are_each_others_mirror() -> None:
    assert ketref.enantiomer("esketamine").id == "arketamine"
    assert ketref.enantiomer("arketamine").id == "esketamine"
    with pytest.raises(ketref.StructureError, match="its own mirror image"):
        ketref.enantiomer("racemic-ketamine")


def test_salt_enantiomer_is_not_in_the_knowledge_base() -> None:
    with pytest.raises(ketref.StructureError, match="not in the knowledge base") as info:
        ketref.enantiomer("esketamine hydrochloride")
    assert info.value.inchikey is not None


def test_racemate_is_one_to_one() -> None:
    parts = ketref.composition("racemic ketamine").parts
    assert sorted((p.entity, p.fraction) for p in parts) == [("arketamine", 0.5), ("esketamine", 0.5)]
    assert sum(p.fraction for p in parts) == 1.0
    assert [(p.entity, p.fraction) for p in ketref.composition("esketamine").parts] == [("esketamine", 1.0)]


@pytest.mark.parametrize("entity", ENANTIOMERS, ids=[e.id for e in ENANTIOMERS])
def test_enantiomer_key_shares_its_skeleton_block_with_the_stereo_free_form(entity: Compound) -> None:
    """The first InChIKey block encodes the skeleton, so an enantiomer shares it with the racemate
    (or, where there is no racemate record, with the form drawn without stereo)."""
    key = ketref.structure(entity).inchikey
    flat = [
        e.id for e in WITH_STRUCTURE if ketref.structure(e).inchikey == f"{key.split('-')[0]}-UHFFFAOYSA-N"
    ]
    assert len(flat) == 1
    assert key.split("-")[1] != "UHFFFAOYSA"
    racemate = ketref.structure("racemic-ketamine").inchikey
    for part in ketref.get("racemic-ketamine").components:  # type: ignore[union-attr]
        assert ketref.structure(part).inchikey.split("-")[0] == racemate.split("-")[0]


def test_salt_mass_ratio_agrees_with_the_spravato_label() -> None:
    """The label: 32.3 mg esketamine hydrochloride is equivalent to 28 mg esketamine."""
    ratio = ketref.salt_mass_ratio("esketamine hydrochloride")
    # 32.3 is given to one decimal: the true salt amount lies in [32.25, 32.35] mg.
    assert 32.25 / 28 <= ratio <= 32.35 / 28
    with pytest.raises(ketref.StructureError, match="not a salt"):
        ketref.salt_mass_ratio("esketamine")


# -- stereoisomers -----------------------------------------------------------------------


def test_ketamine_has_two_stereoisomers_named_from_the_knowledge_base() -> None:
    found = ketref.stereoisomers("racemic-ketamine")
    assert [i.entity for i in found.isomers] == ["arketamine", "esketamine"]  # sorted R before S
    assert [(p.a, p.b, p.relation) for p in found.pairs] == [(0, 1, "enantiomers")]


def test_two_centres_give_two_enantiomer_pairs_and_four_diastereomer_pairs() -> None:
    found = enumerate_stereoisomers(KB, "CC(Cl)C(Br)C")  # 2-bromo-3-chlorobutane: no meso form
    assert len(found.isomers) == 4
    relations = sorted(p.relation for p in found.pairs)
    assert relations == ["diastereomers"] * 4 + ["enantiomers"] * 2
    for pair in found.pairs:
        a, b = found.isomers[pair.a].labels, found.isomers[pair.b].labels
        inverted = all({x, y} == {"R", "S"} for x, y in zip(a, b, strict=True))
        assert inverted == (pair.relation == "enantiomers")


def test_meso_compound_has_three_stereoisomers() -> None:
    found = enumerate_stereoisomers(KB, "CC(Br)C(Br)C")  # 2,3-dibromobutane: (R,R), (S,S), meso
    assert len(found.isomers) == 3


# -- errors and noise ----------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["C1CC(", "C(C)(C)(C)(C)C", "InChI=1S/garbage", "", "   ", "x" * 10])
def test_invalid_structures_raise_with_a_reason_and_print_nothing(
    bad: str, capfd: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ketref.StructureError) as info:
        ketref.identify(bad)
    assert str(info.value)
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


def test_valence_error_reason_comes_from_rdkit() -> None:
    with pytest.raises(ketref.StructureError, match="valence") as info:
        ketref.identify("C(C)(C)(C)(C)C")
    assert info.value.reason is not None


def test_unknown_molecule_gives_its_inchikey() -> None:
    with pytest.raises(ketref.StructureError) as info:
        ketref.identify("CCO")
    assert info.value.inchikey == "LFQSCWFLJHTTHZ-UHFFFAOYSA-N"  # ethanol's standard InChIKey
    assert "LFQSCWFLJHTTHZ-UHFFFAOYSA-N" in str(info.value)


def test_wrong_type_is_a_type_error() -> None:
    with pytest.raises(ketref.QueryTypeError):
        ketref.identify(42)  # type: ignore[arg-type]


# -- depiction -----------------------------------------------------------------------------


def test_depiction_is_svg_with_cip_label_and_legend() -> None:
    import re

    svg = ketref.depict("esketamine")
    assert svg.lstrip().startswith("<?xml") and "</svg>" in svg
    letters = "".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    assert "(S)" in letters
    assert letters.endswith("Esketamine")


def _stereo_bonds(svg: str) -> set[str]:
    """Bonds drawn as a wedge (a filled shape) or a hash (several thin strokes) in RDKit's SVG."""
    import collections

    paths = re.findall(r"<path class='(bond-\d+)[^>]*style='([^']*)'", svg)
    filled = {bond for bond, style in paths if "fill:none" not in style}
    thin = collections.Counter(bond for bond, style in paths if "stroke-width:1.0px" in style)
    return filled | {bond for bond, count in thin.items() if count >= 3}


@pytest.mark.parametrize(
    ("name", "stereo"), [("esketamine", True), ("arketamine", True), ("racemic-ketamine", False)]
)
def test_depiction_wedges_the_stereocentre(name: str, stereo: bool) -> None:
    """What ketref.depict draws: a wedge or hash at the one stereocentre of each enantiomer, and
    none for the racemate (a flat drawing, as no configuration is meant)."""
    svg = ketref.depict(name)
    assert svg.lstrip().startswith("<?xml") and svg.rstrip().endswith("</svg>")
    assert len(_stereo_bonds(svg)) == (1 if stereo else 0)


# -- properties ----------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(WITH_STRUCTURE), st.integers(min_value=0, max_value=10_000))
def test_random_atom_orderings_identify_the_same_entity(entity: Compound | Salt, seed: int) -> None:
    assert entity.smiles is not None
    assert ketref.identify(random_smiles(entity.smiles, seed)).id == entity.id


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(WITH_STRUCTURE), st.integers(min_value=0, max_value=10_000))
def test_mirror_of_mirror_is_the_original(entity: Compound | Salt, seed: int) -> None:
    assert entity.smiles is not None
    mol = to_mol(random_smiles(entity.smiles, seed))
    assert Chem.MolToSmiles(mirror(mirror(mol))) == Chem.MolToSmiles(mol)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(ENANTIOMERS))
def test_enantiomer_relation_is_symmetric(entity: Compound) -> None:
    assert ketref.enantiomer(ketref.enantiomer(entity)).id == entity.id


# -- metabolites, names and rotations ------------------------------------------------------


def test_hydroxynorketamine_has_four_stereoisomers_two_of_them_named() -> None:
    found = ketref.stereoisomers("hydroxynorketamine")
    assert len(found.isomers) == 4
    named = {i.entity: n for n, i in enumerate(found.isomers) if i.entity}
    assert set(named) == {"2r-6r-hydroxynorketamine", "2s-6s-hydroxynorketamine"}
    relation = {(p.a, p.b): p.relation for p in found.pairs}
    a, b = sorted(named.values())
    assert relation[(a, b)] == "enantiomers"
    assert sorted(relation.values()) == ["diastereomers"] * 4 + ["enantiomers"] * 2


@pytest.mark.parametrize(
    ("entity_id", "c2", "c6"),
    [("2r-6r-hydroxynorketamine", "R", "R"), ("2s-6s-hydroxynorketamine", "S", "S")],
)
def test_hnk_structures_match_their_names(entity_id: str, c2: str, c6: str) -> None:
    """In 2-amino-2-(2-chlorophenyl)-6-hydroxycyclohexan-1-one, C2 bears the amine, C6 the OH."""
    from rdkit.Chem import rdCIPLabeler

    mol = to_mol(ketref.structure(entity_id).canonical_smiles)
    rdCIPLabeler.AssignCIPLabels(mol)
    labels = {}
    for atom in mol.GetAtoms():
        if atom.HasProp("_CIPCode"):
            neighbours = {n.GetSymbol() for n in atom.GetNeighbors()}
            labels["C2" if "N" in neighbours else "C6" if "O" in neighbours else "?"] = atom.GetProp(
                "_CIPCode"
            )
    assert labels == {"C2": c2, "C6": c6}


SINGLE_CENTRE_NAMES = [
    (entity.id, name) for entity in ENANTIOMERS for name in entity.names if name[:3] in ("(S)", "(R)")
]


@pytest.mark.parametrize(("entity_id", "name"), SINGLE_CENTRE_NAMES)
def test_configuration_in_a_name_matches_the_structure(entity_id: str, name: str) -> None:
    assert ketref.structure(entity_id).cip_labels == (name[1],)


def test_configuration_does_not_follow_the_sign_of_rotation() -> None:
    """Sources give both signs for esketamine; its configuration is S whatever they say."""
    esketamine = ketref.get("esketamine")
    assert isinstance(esketamine, Compound)
    assert {r.sign for r in esketamine.optical_rotations} == {"+", "-"}
    assert ketref.structure(esketamine).cip_labels == ("S",)
    salt = ketref.get("esketamine hydrochloride")
    assert isinstance(salt, Salt)
    specific = [r for r in salt.optical_rotations if r.measure == "specific rotation"]
    assert specific and specific[0].value is not None
    low, high = specific[0].value.quantity
    assert low.to("radian").magnitude == pytest.approx(85 * 3.141592653589793 / 180)
    assert high.magnitude == 95


def test_metabolic_steps_and_enzymes() -> None:
    products = {c.object for c in ketref.claims("ketamine", "metabolized_to")}
    assert products >= {"norketamine"}
    assert {c.object for c in ketref.claims("norketamine", "metabolized_to")} >= {
        "hydroxynorketamine",
        "dehydronorketamine",
    }
    assert {c.object for c in ketref.claims("ketamine", "metabolized_by")} == {"cyp3a4", "cyp2b6"}
    assert {c.object for c in ketref.claims(predicate="metabolizes", subject="cyp2a6")} == {"norketamine"}


def test_the_sources_disagree_on_the_major_n_demethylase() -> None:
    curated = [
        c for c in ketref.conflicts() if c.curated and "enzyme turning ketamine into norketamine" in c.topic
    ]
    assert len(curated) == 1
    objects = {c.object for side in (curated[0].side_a, curated[0].side_b) for c in side}
    assert objects == {"cyp3a4", "cyp2b6"}
