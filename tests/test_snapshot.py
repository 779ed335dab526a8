"""The bundled snapshot (issue #12): built without validation, yet equal to a validated load.

The snapshot's records are built straight from its JSON (:func:`ketref.snapshot.construct`), so
the first lookup builds no pydantic validator. These tests hold that shortcut to what validation
gives, type for type, and check that data users give is still validated in full.
"""

from __future__ import annotations

import json
import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

import ketref
from ketref.errors import DataError
from ketref.kb import KnowledgeBase, bundled_data_path
from ketref.loader import Origin, load_directory, parse_document
from ketref.snapshot import HASH_KEY, SNAPSHOT_PATH, construct, load_snapshot, open_snapshot

KINDS = ("entities", "sources", "claims", "conflicts", "exclusions")


def typed(value: Any) -> Any:
    """A structure that tells 3 from 3.0, an enumeration member from its text and a record from
    a mapping, so two equal-looking records compare equal only if every type matches."""
    if isinstance(value, BaseModel):
        fields = tuple((name, typed(v)) for name, v in value.__dict__.items())
        return (type(value), fields, frozenset(value.model_fields_set))
    if isinstance(value, tuple):
        return (tuple, tuple(typed(v) for v in value))
    if isinstance(value, Enum):
        return (type(value), value.value)
    return (type(value), value)


def snapshot_document() -> dict[str, Any]:
    head, rest = SNAPSHOT_PATH.read_text(encoding="utf-8").splitlines()
    document: dict[str, Any] = {**json.loads(head), **json.loads(rest)}
    del document[HASH_KEY]
    return document


def test_the_snapshot_builds_what_validating_its_document_gives() -> None:
    validated = parse_document(snapshot_document(), "snapshot.json")  # pydantic, in full
    built = load_snapshot(bundled_data_path())
    assert built is not None
    for kind in KINDS:
        ours, theirs = getattr(built, kind), getattr(validated, kind)
        assert len(ours) == len(theirs) > 0, kind
        for a, b in zip(ours, theirs, strict=True):
            assert typed(a) == typed(b), (kind, a)
            assert a == b and repr(a) == repr(b)
    assert built.origins == validated.origins
    assert set(built.origins.values()) == {Origin("snapshot.json", None)}


def test_numbers_enumerations_and_defaults_take_the_validated_types() -> None:
    from ketref.models.claims import Claim
    from ketref.vocabulary import Aspect, Status

    raw = {
        "id": "x",
        "subject": "a",
        "predicate": "binds",
        "object": "t",
        "status": "reported",
        "evidence": [{"source": "s", "quote": "q"}],
        "comparison": {"comparator": "b", "aspect": "affinity", "direction": "greater",
                       "magnitude": {"value": [3, 4], "unit": "fold"}},
        "values": [{"value": 2, "unit": "mg"}],
    }  # fmt: skip
    built, validated = construct(Claim, raw), Claim.model_validate(raw)
    assert typed(built) == typed(validated)
    assert isinstance(built, Claim) and built.status is Status.REPORTED
    assert built.comparison is not None and built.comparison.aspect is Aspect.AFFINITY
    assert built.comparison.magnitude is not None and built.comparison.magnitude.value == (3.0, 4.0)
    assert type(built.values[0].value) is float
    assert built.context == validated.context and built.negated is False


def test_a_record_with_a_key_its_model_lacks_is_refused() -> None:
    from ketref.models.evidence import Evidence

    with pytest.raises(ValueError, match="not a Evidence record"):
        construct(Evidence, {"source": "s", "quote": "q", "page": 3})


def test_a_snapshot_the_models_do_not_fit_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ketref.snapshot

    head, rest = SNAPSHOT_PATH.read_text(encoding="utf-8").splitlines()
    document = json.loads(head)
    document["compound"][0]["colour"] = "blue"  # a field of no version of ketref
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(document) + "\n" + rest + "\n", encoding="utf-8")
    monkeypatch.setattr(ketref.snapshot, "SNAPSHOT_PATH", path)
    assert open_snapshot(bundled_data_path()) is None  # so the TOML files are read and validated
    path.write_text(head + "\n" + rest + "\n", encoding="utf-8")
    assert open_snapshot(bundled_data_path()) is not None


def test_the_lazy_bundled_knowledge_base_equals_one_checked_from_the_toml_files() -> None:
    lazy = KnowledgeBase.bundled()
    assert "_claims" not in vars(lazy)  # only the entities are built at first
    assert lazy.get("(S)-ketamine").id == "esketamine"
    assert "_claims" not in vars(lazy)
    checked = KnowledgeBase(load_directory(bundled_data_path()))
    assert dict(lazy.entities) == dict(checked.entities)
    assert lazy.all_claims() == checked.all_claims()
    assert lazy.sources() == checked.sources()
    assert lazy.conflict_records() == checked.conflict_records()
    assert lazy.exclusions == checked.exclusions
    assert lazy.claims("esketamine") == checked.claims("esketamine")
    claim = checked.all_claims()[0]
    assert lazy.origin("claim", claim.id) == Origin("snapshot.json", None)
    assert lazy.origin("entity", "esketamine") == Origin("snapshot.json", None)
    assert checked.origin("claim", claim.id) is not None
    assert checked.origin("claim", claim.id).file.endswith(".toml")  # type: ignore[union-attr]


def test_the_first_lookup_builds_no_validator_and_no_claim_model() -> None:
    code = (
        "import sys, ketref\n"
        "ketref.get('esketamine')\n"
        "from ketref.models.entities import Compound, Target\n"
        "print(Compound.__pydantic_complete__, Target.__pydantic_complete__,"
        " 'ketref.models.claims' in sys.modules, 'ketref.loader' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False", "False", "False"]


def test_data_users_give_is_still_validated_in_full() -> None:
    from ketref.models.entities import Compound

    with pytest.raises(ValidationError, match="racemate lists its two enantiomers"):
        Compound.model_validate({"id": "x", "name": "X", "description": "An x.", "stereo_form": "racemate"})
    document = snapshot_document()
    document["compound"][0]["stereo_form"] = "racemic"
    with pytest.raises(DataError, match="stereo_form"):
        KnowledgeBase.from_json(json.dumps(document))


def test_readings_are_a_tuple_the_caller_cannot_change_the_index_through() -> None:
    kb = ketref.knowledge_base()
    first = kb.readings(subject="esketamine")
    assert isinstance(first, tuple) and first
    assert kb.readings(subject="esketamine") == first
    assert {r.subject for r in first} == {"esketamine"}
