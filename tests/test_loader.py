"""Loading data files: every problem is a DataError that names where it is."""

from __future__ import annotations

import pytest

from ketref.errors import DataError
from ketref.kb import KnowledgeBase
from tests._data import MINIMAL_ENTITIES, MINIMAL_SOURCE, WriteData

GOOD_CLAIM = """
[[claim]]
id = "alpha-binds-beta"
subject = "alpha"
predicate = "binds"
object = "beta-receptor"
status = "reported"

[[claim.evidence]]
source = "note"
quote = "Alpha binds the beta receptor."
"""


def test_a_small_pack_loads(write_data: WriteData) -> None:
    kb = KnowledgeBase.from_directory(
        write_data(sources=MINIMAL_SOURCE, entities=MINIMAL_ENTITIES, claims=GOOD_CLAIM)
    )
    assert kb.get("Beta receptor").id == "beta-receptor"
    assert [c.id for c in kb.claims(subject="alpha")] == ["alpha-binds-beta"]


def test_unknown_key_names_file_record_field_and_line(write_data: WriteData) -> None:
    bad = GOOD_CLAIM.replace('status = "reported"', 'status = "reported"\nstauts = "x"')
    path = write_data(sources=MINIMAL_SOURCE, entities=MINIMAL_ENTITIES, claims=bad)
    with pytest.raises(DataError) as info:
        KnowledgeBase.from_directory(path)
    err = info.value
    assert err.file == "claims.toml"
    assert err.record == "alpha-binds-beta"
    assert err.field == "stauts"
    assert err.line == 2
    assert "unknown key" in str(err)


def test_invalid_toml_gives_the_line(write_data: WriteData) -> None:
    path = write_data(entities=MINIMAL_ENTITIES + '\n[[compound]]\nid = "x\n')
    with pytest.raises(DataError, match="not valid TOML") as info:
        KnowledgeBase.from_directory(path)
    assert info.value.line is not None
    assert info.value.file == "entities.toml"


def test_dangling_reference_is_named(write_data: WriteData) -> None:
    bad = GOOD_CLAIM.replace('object = "beta-receptor"', 'object = "beta-recepter"')
    path = write_data(sources=MINIMAL_SOURCE, entities=MINIMAL_ENTITIES, claims=bad)
    with pytest.raises(
        DataError, match="no entity has id 'beta-recepter'; did you mean beta-receptor"
    ) as info:
        KnowledgeBase.from_directory(path)
    assert (info.value.record, info.value.field) == ("alpha-binds-beta", "object")


def test_dangling_source_is_named(write_data: WriteData) -> None:
    path = write_data(entities=MINIMAL_ENTITIES, claims=GOOD_CLAIM)
    with pytest.raises(DataError, match="no source has id 'note'") as info:
        KnowledgeBase.from_directory(path)
    assert info.value.field == "evidence.0.source"


def test_duplicate_id_is_refused(write_data: WriteData) -> None:
    path = write_data(sources=MINIMAL_SOURCE, entities=MINIMAL_ENTITIES, more=MINIMAL_ENTITIES)
    with pytest.raises(DataError, match="duplicate entity id 'alpha'"):
        KnowledgeBase.from_directory(path)


def test_synonym_collision_is_refused(write_data: WriteData) -> None:
    clash = """
    [[target]]
    id = "gamma"
    name = "Gamma"
    synonyms = ["ALPHA"]
    description = "Claims another entity's name."
    target_class = "enzyme"
    """
    path = write_data(sources=MINIMAL_SOURCE, entities=MINIMAL_ENTITIES, clash=clash)
    with pytest.raises(DataError, match=r"would name both '(alpha' and 'gamma|gamma' and 'alpha)'"):
        KnowledgeBase.from_directory(path)


def test_unknown_record_type_is_refused(write_data: WriteData) -> None:
    path = write_data(things='[[thing]]\nid = "x"\n')
    with pytest.raises(DataError, match="unknown record type 'thing'"):
        KnowledgeBase.from_directory(path)


def test_wrong_value_type_names_the_field(write_data: WriteData) -> None:
    bad = GOOD_CLAIM.replace('status = "reported"', 'status = "certain"')
    path = write_data(sources=MINIMAL_SOURCE, entities=MINIMAL_ENTITIES, claims=bad)
    with pytest.raises(DataError) as info:
        KnowledgeBase.from_directory(path)
    assert info.value.field == "status"


def test_racemate_components_must_be_enantiomers(write_data: WriteData) -> None:
    racemate = """
    [[compound]]
    id = "rac"
    name = "Rac"
    description = "A bad racemate."
    stereo_form = "racemate"
    components = ["alpha", "beta-receptor"]
    """
    path = write_data(sources=MINIMAL_SOURCE, entities=MINIMAL_ENTITIES, rac=racemate)
    with pytest.raises(DataError, match="is not an enantiomer") as info:
        KnowledgeBase.from_directory(path)
    assert info.value.field == "components.0"


def test_missing_directory_is_a_data_error(tmp_path: object) -> None:
    with pytest.raises(DataError, match="not a directory"):
        KnowledgeBase.from_directory("/nonexistent/ketref-data")
