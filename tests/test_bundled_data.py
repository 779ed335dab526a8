"""Per-record checks that keep the curated data honest.

Each test is parametrised over the records themselves, so a failure names the claim,
entity or file at fault.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import ketref
from ketref.kb import bundled_data_path
from ketref.models.claims import Claim
from ketref.models.entities import Compound, Salt
from ketref.models.sources import normalize_whitespace
from ketref.schema import SCHEMA_PATH, render_schema
from ketref.vocabulary import Status
from ketref.writer import format_file

KB = ketref.knowledge_base()
CLAIMS = KB.all_claims()
SEED_EVIDENCE = [
    (claim, n) for claim in CLAIMS for n, e in enumerate(claim.evidence) if KB.source(e.source).is_seed
]
DATA_FILES = sorted(bundled_data_path().glob("*.toml"))
STRUCTURES = [
    e for e in KB.entities.values() if isinstance(e, Compound | Salt) and e.smiles and e.xref("inchikey")
]
SEED_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.parametrize(("claim", "n"), SEED_EVIDENCE, ids=[f"{c.id}#{n}" for c, n in SEED_EVIDENCE])
def test_seed_quote_is_verbatim(claim: Claim, n: int) -> None:
    evidence = claim.evidence[n]
    text = normalize_whitespace(KB.source(evidence.source).text())
    assert normalize_whitespace(evidence.quote) in text, f"{evidence.source} does not contain the quote"


def test_there_are_seed_quotes_to_check() -> None:
    assert len(SEED_EVIDENCE) >= 30


HEDGES = re.compile(
    r"\b(may|might|suggests?|thought|believed|hypothesi[sz]ed|theori[sz]ed|potentially)\b", re.I
)
HEDGED = [c for c in CLAIMS if any(HEDGES.search(e.quote) for e in c.evidence)]


@pytest.mark.parametrize("claim", HEDGED, ids=[c.id for c in HEDGED])
def test_hedged_wording_is_not_established(claim: Claim) -> None:
    """The status rule of docs/status.md: hedged words never make an 'established' claim (run
    only for the claims whose quotes hedge, so the count of cases is the count of checks)."""
    assert claim.status is not Status.ESTABLISHED


def test_there_are_hedged_claims_to_check() -> None:
    assert len(HEDGED) >= 10


@pytest.mark.parametrize("claim", CLAIMS, ids=[c.id for c in CLAIMS])
def test_established_claims_rest_on_a_label_or_regulator(claim: Claim) -> None:
    if claim.status is Status.ESTABLISHED:
        kinds = {KB.source(e.source).kind.value for e in claim.evidence}
        assert kinds & {"drug_label", "regulator", "database"}, kinds


def test_seed_sources_ship_their_text_unchanged() -> None:
    seeds = [s for s in KB.sources() if s.is_seed]
    assert len(seeds) == 5
    if not SEED_DIR.is_dir():
        pytest.skip("shared/seeds is not beside this checkout")
    for source in seeds:
        assert source.file is not None
        assert source.text() == (SEED_DIR / source.file).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", DATA_FILES, ids=[p.name for p in DATA_FILES])
def test_data_file_is_in_canonical_form(path: Path) -> None:
    assert path.read_text(encoding="utf-8") == format_file(path), f"run: python -m ketref.writer {path}"


def test_committed_schema_is_current() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_schema(), "run: python -m ketref.schema"


def test_data_readme_names_every_file() -> None:
    readme = (bundled_data_path() / "README.md").read_text(encoding="utf-8")
    for path in DATA_FILES:
        assert path.name in readme


@pytest.mark.parametrize("entity", STRUCTURES, ids=[e.id for e in STRUCTURES])
def test_recorded_inchikey_matches_the_structure(entity: Compound | Salt) -> None:
    """Where a source gave an InChIKey, RDKit computes the same key from the recorded SMILES."""
    from rdkit import Chem

    mol = Chem.MolFromSmiles(entity.smiles)
    assert mol is not None
    assert Chem.MolToInchiKey(mol) == entity.xref("inchikey")[0]


def test_racemate_components_are_mirror_images() -> None:
    """The racemate's two components share a constitution and differ only in configuration."""
    from rdkit import Chem

    racemate = KB.get("racemic-ketamine")
    assert isinstance(racemate, Compound)
    keys = []
    for part in racemate.components:
        component = KB.get(part)
        assert isinstance(component, Compound) and component.smiles
        keys.append(Chem.MolToInchiKey(Chem.MolFromSmiles(component.smiles)))
    assert keys[0] != keys[1]
    assert keys[0][:14] == keys[1][:14]  # same skeleton, different stereo layer


def test_every_unit_parses() -> None:
    """Every value becomes a pint quantity in its own unit (a unit pint cannot read raises)."""
    checked = 0
    for claim in CLAIMS:
        for value in (*claim.values, claim.comparison.magnitude if claim.comparison else None):
            if value is not None:
                quantity = value.quantity
                first = quantity[0] if isinstance(quantity, tuple) else quantity
                assert first.magnitude == value.low
                checked += 1
    assert checked >= 50


def test_seed_sources_are_described_honestly() -> None:
    kinds = {s.id: s.kind.value for s in KB.sources() if s.is_seed}
    assert kinds == {
        "ayafusion-clinic": "clinic_marketing",
        "meta-analysis-blog": "blog_summary",
        "benchchem-guide": "vendor_guide",
        "qa-aggregator": "qa_aggregator",
        "clinic-article": "clinic_article",
    }
    assert all(s.interests for s in KB.sources() if s.is_seed)


@pytest.mark.parametrize("seed", ["meta-analysis-blog", "benchchem-guide"])
def test_cited_literature_is_recorded_with_the_seeds_own_words(seed: str) -> None:
    cited = KB.source(seed).cites
    assert cited
    text = normalize_whitespace(KB.source(seed).text())
    for source_id in cited:
        record = KB.source(source_id)
        assert record.cited_as is not None
        # the citation as the seed prints it (reference numbers and all) stands in the seed
        assert normalize_whitespace(record.cited_as) in text, record.id
        if not record.found:
            assert not (record.pmid or record.doi)


def test_snapshot_is_current_and_matches_the_toml_files() -> None:
    from ketref.kb import KnowledgeBase
    from ketref.loader import load_directory
    from ketref.snapshot import SNAPSHOT_PATH, load_snapshot, render_snapshot

    directory = bundled_data_path()
    assert SNAPSHOT_PATH.read_text(encoding="utf-8") == render_snapshot(directory), (
        "run: python -m ketref.snapshot"
    )
    from_snapshot = load_snapshot(directory)
    assert from_snapshot is not None
    a, b = KnowledgeBase(from_snapshot), KnowledgeBase(load_directory(directory))
    assert dict(a.entities) == dict(b.entities)
    assert a.all_claims() == b.all_claims() and a.sources() == b.sources()


def test_a_stale_snapshot_is_never_used(tmp_path: Path) -> None:
    import shutil

    from ketref.snapshot import load_snapshot

    for path in DATA_FILES:
        shutil.copy(path, tmp_path / path.name)
    assert load_snapshot(tmp_path) is not None
    with (tmp_path / "claims.toml").open("a", encoding="utf-8") as handle:
        handle.write("\n# an edit made after the snapshot\n")
    assert load_snapshot(tmp_path) is None
