"""A JSON snapshot of the bundled data, read instead of the TOML files when it is current.

Parsing TOML is pure Python and took most of the first lookup's data loading; the same
records as JSON parse in a few milliseconds. The snapshot records a hash of the TOML files
it was made from: when they change and the snapshot is not regenerated, the hash no longer
matches and the TOML files are read instead, so the snapshot can never serve stale data.

The snapshot is package data written by ``python -m ketref.snapshot`` from records that were
validated (the TOML files, loaded and checked as a knowledge base), so its records are built
without validating them again (:func:`construct`): that spares the first lookup the building of
every model's validator, which cost more than the rest of the load together (see
docs/performance.md). The builder follows each model's field types, so the records equal a
validated load of the same files, type for type (a test checks it); any data a user gives,
packs and JSON documents alike, is validated in full by :mod:`ketref.loader`.
Regenerate with ``python -m ketref.snapshot``.
"""

from __future__ import annotations

import hashlib
import json
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ketref.models.entities import ENTITY_MODELS, EntityBase

if TYPE_CHECKING:
    from ketref.loader import Records

__all__ = [
    "SNAPSHOT_PATH",
    "Snapshot",
    "construct",
    "data_hash",
    "load_snapshot",
    "open_snapshot",
    "render_snapshot",
]

SNAPSHOT_PATH = Path(__file__).parent / "data" / "snapshot.json"
HASH_KEY = "_toml_sha256"
_NAME = "snapshot.json"
_ENTITY_MODELS: dict[str, type[BaseModel]] = {kind.value: model for kind, model in ENTITY_MODELS.items()}

Convert = Callable[[Any], Any]


def data_hash(directory: Path) -> str:
    """The SHA-256 of the bundled TOML files, names and contents, in name order."""
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.toml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A current snapshot: its entities, built, and the text of every other record, kept for later.

    The file is two lines of JSON: the hash and the entities, then every other record, so the
    first lookup (which needs the entities only) parses a tenth of it.
    """

    entities: list[EntityBase]
    rest_text: str

    def rest(self) -> Records:
        """Every record: the entities (as built already), then the sources, claims, conflict records
        and exclusions, each with the snapshot as its origin."""
        from ketref.loader import RECORD_MODELS, Origin, Records, _collect

        records = Records()
        origin = Origin(_NAME, None)
        for entity in self.entities:
            _collect(records, entity, origin)
        for key, tables in json.loads(self.rest_text).items():
            build = _builder(RECORD_MODELS[key])
            for raw in tables:
                _collect(records, build(raw), origin)
        return records


def open_snapshot(directory: Path) -> Snapshot | None:
    """The snapshot, or ``None`` when there is none or it is stale (or not of this version)."""
    try:
        with SNAPSHOT_PATH.open(encoding="utf-8") as handle:
            head, rest_text = handle.readline(), handle.read()
        document = json.loads(head)
    except (OSError, ValueError):
        return None
    if not isinstance(document, dict) or document.pop(HASH_KEY, None) != data_hash(directory):
        return None
    try:
        entities = [_builder(_ENTITY_MODELS[key])(raw) for key, tables in document.items() for raw in tables]
    except (KeyError, TypeError, ValueError):
        return None
    return Snapshot(entities, rest_text)


def load_snapshot(directory: Path) -> Records | None:
    """Every record of the snapshot, or ``None`` when there is none or it is stale."""
    snapshot = open_snapshot(directory)
    return None if snapshot is None else snapshot.rest()


def construct(model: type[BaseModel], data: dict[str, Any]) -> BaseModel:
    """A record of ``model`` built from trusted, already validated JSON data, without validation.

    Nested records, enumerations, literals, tuples and numbers are given the types validation
    gives them; fields left out take their defaults. A key the model does not have raises
    :class:`ValueError` (the snapshot is stale or hand-edited, and is then not used).
    """
    record: BaseModel = _builder(model)(data)
    return record


_BUILDERS: dict[type[BaseModel], Convert] = {}


def _builder(model: type[BaseModel]) -> Convert:
    found = _BUILDERS.get(model)
    if found is None:
        found = _BUILDERS[model] = _make_builder(model)
    return found


def _make_builder(model: type[BaseModel]) -> Convert:
    fields = model.model_fields
    names = frozenset(fields)
    plan = [(name, _converter(info.annotation)) for name, info in fields.items()]
    # defaults are immutable (frozen records, tuples, enumerations, None): shared, as pydantic may
    defaults = {name: info.get_default(call_default_factory=True) for name, info in fields.items()}
    new = model.__new__
    put = object.__setattr__

    def build(data: Any) -> BaseModel:
        if not isinstance(data, dict) or not names.issuperset(data):
            raise ValueError(f"not a {model.__name__} record of this version: {sorted(data)}")
        values = {}
        for name, convert in plan:
            values[name] = convert(data[name]) if name in data else defaults[name]
        record = new(model)
        put(record, "__dict__", values)
        put(record, "__pydantic_fields_set__", set(data))
        put(record, "__pydantic_extra__", None)
        put(record, "__pydantic_private__", None)
        return record

    return build


def _same(value: Any) -> Any:
    return value


def _converter(annotation: Any) -> Convert:
    """How to turn the JSON form of a value of ``annotation`` into what validation gives."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _converter(args[0])
    if origin in (typing.Union, types.UnionType):
        return _union(args)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _converter(args[0])
            return lambda value: tuple(item(v) for v in value)
        items = [_converter(a) for a in args]
        return lambda value: tuple(c(v) for c, v in zip(items, value, strict=True))
    if origin is typing.Literal:
        choices = {a.value if isinstance(a, Enum) else a: a for a in args}
        return choices.__getitem__
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):  # built on first use: a model may name itself
            return lambda value: _builder(annotation)(value)
        if issubclass(annotation, Enum):
            return annotation
        if annotation is float:
            return float
        if annotation in (str, int, bool):
            return _same
    raise TypeError(f"the snapshot cannot build a field of type {annotation!r}")


def _json_types(annotation: Any) -> tuple[type, ...]:
    """The JSON value types (as :func:`json.loads` gives them) a value of ``annotation`` has."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _json_types(typing.get_args(annotation)[0])
    if origin is tuple:
        return (list,)
    if origin is typing.Literal:
        return tuple({type(a.value if isinstance(a, Enum) else a) for a in typing.get_args(annotation)})
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return (dict,)
        if issubclass(annotation, Enum):
            return (str,)
        if annotation is float:
            return (int, float)
        if annotation in (str, int, bool):
            return (annotation,)
    raise TypeError(f"the snapshot cannot build a field of type {annotation!r}")


def _union(args: tuple[Any, ...]) -> Convert:
    """A union: ``X | None``, or members that JSON tells apart (a number or a pair of numbers)."""
    members = [a for a in args if a is not type(None)]
    nullable = len(members) < len(args)
    if len(members) == 1:
        only = _converter(members[0])
        return (lambda value: None if value is None else only(value)) if nullable else only
    by_type: dict[type, Convert] = {}
    for member in members:
        convert = _converter(member)
        for json_type in _json_types(member):
            if json_type in by_type:
                raise TypeError(f"the snapshot cannot tell the members of {args!r} apart")
            by_type[json_type] = convert
    if nullable:
        by_type[type(None)] = _same
    return lambda value: by_type[type(value)](value)


def render_snapshot(directory: Path) -> str:
    """The snapshot text for the TOML files in ``directory``: compact JSON on two lines, the hash
    and the entities, then every other record."""
    from ketref.kb import KnowledgeBase
    from ketref.loader import load_directory

    kb = KnowledgeBase(load_directory(directory))
    document = json.loads(kb.export("json"))
    head = {HASH_KEY: data_hash(directory), **{k: v for k, v in document.items() if k in _ENTITY_MODELS}}
    rest = {k: v for k, v in document.items() if k not in _ENTITY_MODELS}
    return "".join(
        json.dumps(part, ensure_ascii=False, separators=(",", ":")) + "\n" for part in (head, rest)
    )


if __name__ == "__main__":
    from ketref.kb import bundled_data_path

    SNAPSHOT_PATH.write_text(render_snapshot(bundled_data_path()), encoding="utf-8")
    print(f"wrote {SNAPSHOT_PATH}")
