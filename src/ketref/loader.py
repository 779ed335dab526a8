"""Reading curated data files: TOML through the standard library's safe parser.

Each file holds arrays of tables keyed by record type (``[[compound]]``, ``[[claim]]``,
``[[source]]``...). Every problem becomes a :class:`ketref.DataError` that names the file,
the record, the field and the line where the record starts.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, cast

from pydantic import BaseModel, StringConstraints, ValidationError

from ketref import limits
from ketref.docguard import check_document, check_json_text, check_toml_text
from ketref.errors import DataError, QueryTypeError, UnitDataError, UnitError
from ketref.models._base import FrozenModel, Id
from ketref.models.claims import Claim
from ketref.models.curation import ConflictRecord, CoverageExclusion
from ketref.models.entities import ENTITY_MODELS, EntityBase
from ketref.models.sources import Source
from ketref.packfs import FileRefusedError, list_data_files, read_bounded, read_confined

__all__ = [
    "MAX_FILES",
    "MAX_FILE_BYTES",
    "MAX_RECORDS_PER_FILE",
    "RECORD_MODELS",
    "TEXTS_KEY",
    "Origin",
    "PackText",
    "Records",
    "exclusion_key",
    "load_directory",
    "load_file",
    "load_pack",
    "parse_json",
]

MAX_FILE_BYTES = limits.MAX_FILE_BYTES
"""The largest data file read (see :mod:`ketref.limits`, where every bound lives)."""

MAX_FILES = limits.MAX_FILES
"""The most data files one load reads."""

MAX_RECORDS_PER_FILE = limits.MAX_RECORDS_PER_FILE
"""The most records (nested tables included) one data file may hold."""

RECORD_MODELS: dict[str, type[BaseModel]] = {
    **{kind.value: model for kind, model in ENTITY_MODELS.items()},
    "source": Source,
    "claim": Claim,
    "conflict": ConflictRecord,
    "exclusion": CoverageExclusion,
}
"""The model for each table key a data file may use."""

TEXTS_KEY = "source_text"
"""The key under which a JSON document (never a TOML data file) carries the texts of pack sources."""


class PackText(FrozenModel):
    """The text of a pack source, carried in a JSON export so that the export loads back losslessly
    (:meth:`ketref.KnowledgeBase.from_json`). A TOML data file cannot hold one: a pack ships its
    texts in ``sources/``."""

    source: Id
    text: Annotated[str, StringConstraints(max_length=limits.MAX_TEXT_BYTES)]


_TOML_LINE = re.compile(r"at line (\d+)")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record was read: the file and the line of its table header."""

    file: str
    line: int | None


@dataclass(slots=True)
class Records:
    """The records read from one or more files, in file order, with where each came from."""

    entities: list[EntityBase] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    conflicts: list[ConflictRecord] = field(default_factory=list)
    exclusions: list[CoverageExclusion] = field(default_factory=list)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    """For sources read from packs: the text each ``file`` field names, read once at load."""
    tables: int = 0
    """How many records and nested tables the documents held (for the pack's budget)."""

    def extend(self, other: Records) -> None:
        """Append another set of records (no checks: the knowledge base checks the whole)."""
        self.entities.extend(other.entities)
        self.sources.extend(other.sources)
        self.claims.extend(other.claims)
        self.conflicts.extend(other.conflicts)
        self.exclusions.extend(other.exclusions)
        self.origins.update(other.origins)
        self.texts.update(other.texts)
        self.tables += other.tables


_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\]\][ \t]*$")
_QUOTED_HEADER = re.compile(r"""^[ \t]*\[\[[ \t]*(["'])([A-Za-z0-9_-]+)\1[ \t]*\]\]""")
_INLINE_ARRAY = re.compile(r"^[ \t]*([A-Za-z0-9_-]+)[ \t]*=")


@dataclass(frozen=True, slots=True)
class _Lines:
    """Where each record of a TOML text starts: header lines by key, and inline arrays' lines."""

    headers: dict[str, list[int]]
    inline: dict[str, int]

    def of(self, key: str, index: int) -> int | None:
        found = self.headers.get(key, [])
        if index < len(found):
            return found[index]
        return self.inline.get(key) if not found else None


def _record_lines(blanked: str, text: str) -> _Lines:
    """1-based line numbers of each ``[[key]]`` header, by key, in order.

    ``blanked`` is the text with strings blanked and comments removed, line for line
    (:func:`ketref.docguard.check_toml_text`), so a header inside a multi-line string or followed
    by a comment is read right. A key written as an inline array (``route = [{...}]``) gives the
    line of its ``=`` for every record in it.
    """
    headers: dict[str, list[int]] = {}
    inline: dict[str, int] = {}
    original = text.split("\n")
    for number, line in enumerate(blanked.split("\n"), 1):
        match = _HEADER.match(line)
        if match is not None:
            key = match[1]
            if key == "s" and number <= len(original):  # a quoted key is blanked to "s"
                quoted = _QUOTED_HEADER.match(original[number - 1])
                key = quoted[2] if quoted else key
            headers.setdefault(key, []).append(number)
        elif (assign := _INLINE_ARRAY.match(line)) is not None:
            inline.setdefault(assign[1], number)
    return _Lines(headers, inline)


def _problem(exc: ValidationError) -> tuple[str, str | None]:
    first = exc.errors(include_url=False)[0]
    loc = ".".join(str(part) for part in first["loc"]) or None
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        message = "unknown key (check its spelling against the data README)"
    more = exc.error_count() - 1
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''} in this record)"
    return message, loc


def _shown(path: object) -> str:
    text = str(path)
    return text if len(text) <= 200 else text[:197] + "..."


def _decode(data: bytes, shown: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"cannot read file: not UTF-8 text ({exc.reason} at byte {exc.start})", file=shown
        ) from None
    return text.removeprefix("\ufeff")  # a byte-order mark carries no data


def load_file(path: str | Path, *, name: str | None = None, root: Path | None = None) -> Records:
    """Read one data file (a regular file of at most :data:`~ketref.limits.MAX_FILE_BYTES`).

    Args:
        path: the TOML file.
        name: how to name the file in errors (defaults to the path as given).
        root: the folder the file must stay in (no symbolic link on the way); without it, the
            path is the caller's own choice and is resolved first.
    """
    return _parse_file(path, name=name, root=root)[0]


def _parse_file(path: str | Path, *, name: str | None, root: Path | None) -> tuple[Records, int]:
    path = Path(path)
    shown = name or _shown(path)
    try:
        if root is None:
            data = read_bounded(path.resolve(), limits.MAX_FILE_BYTES)
        else:
            data = read_confined(path, root, limits.MAX_FILE_BYTES)
    except FileRefusedError as exc:
        raise DataError(f"cannot read file: {exc.reason}", file=shown) from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise DataError(f"cannot read file: {exc}", file=shown) from None
    records = parse_text(_decode(data, shown), shown)
    return records, len(data)


def parse_text(text: str, shown: str) -> Records:
    """Parse the text of one data file; ``shown`` names the file in errors.

    The text's nesting and dotted keys are checked before the parser sees it (see
    :mod:`ketref.docguard`).
    """
    blanked = check_toml_text(text, shown)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_LINE.search(str(exc))
        raise DataError(f"not valid TOML: {exc}", file=shown, line=int(match[1]) if match else None) from None
    except RecursionError:  # the depth check makes this unreachable; kept as a last guard
        raise DataError("not valid TOML: nested too deep", file=shown) from None
    return parse_document(document, shown, lines=_record_lines(blanked, text))


def parse_json(text: str, name: str = "<json>") -> Records:
    """Parse and validate a JSON data document (as :func:`ketref.export` writes), with the same
    bounds as a TOML file: size, nesting depth, record count and key length."""
    import json

    if not isinstance(text, str):
        raise QueryTypeError(f"JSON is given as text, not {type(text).__name__}")
    if not isinstance(name, str):
        raise QueryTypeError(f"the name of a JSON document is text, not {type(name).__name__}")
    name = _shown(name)
    if len(text) > limits.MAX_JSON_CHARS:
        raise DataError(
            f"JSON text is {len(text)} characters; the limit is {limits.MAX_JSON_CHARS}", file=name
        )
    check_json_text(text, name)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"not valid JSON: {exc.msg}", file=name, line=exc.lineno) from None
    except RecursionError:  # the depth check makes this unreachable; kept as a last guard
        raise DataError("not valid JSON: nested too deep", file=name) from None
    except ValueError:  # Python refuses integers of more than 4300 digits
        raise DataError("not valid JSON: a number is too long", file=name) from None
    texts = document.pop(TEXTS_KEY, None) if isinstance(document, dict) else None
    records = parse_document(document, name)
    if texts is not None:
        records.texts.update(_json_texts(texts, records, name))
    return records


def _json_texts(raw: Any, records: Records, shown: str) -> dict[str, str]:
    """The pack texts of a JSON document: each names a source of the document that has a ``file``,
    once, and together they stay within :data:`~ketref.limits.MAX_TEXTS_BYTES`."""
    if not isinstance(raw, list):
        raise DataError(f"{TEXTS_KEY!r} must be an array of {{source, text}} tables", file=shown)
    with_file = {s.id for s in records.sources if s.file is not None}
    texts: dict[str, str] = {}
    total = 0
    for n, item in enumerate(raw):
        entry = cast("PackText", _validate(PackText, item, shown, None))
        field = f"{TEXTS_KEY}.{n}.source"
        problem = None
        if entry.source not in with_file:
            problem = "no source of this document with a 'file' has this id"
        elif entry.source in texts:
            problem = "a second text for the same source"
        total += len(entry.text)
        if problem is None and total > limits.MAX_TEXTS_BYTES:
            problem, field = (
                f"the texts are over {limits.MAX_TEXTS_BYTES} characters (the limit)",
                f"{TEXTS_KEY}.{n}.text",
            )
        if problem is not None:
            raise DataError(problem, file=shown, record=entry.source, field=field)
        texts[entry.source] = entry.text
    return texts


def parse_document(
    document: dict[str, Any], shown: str, text: str = "", *, lines: _Lines | None = None
) -> Records:
    """Validate an already-parsed data document (TOML or JSON); ``text`` (TOML) gives line numbers."""
    if not isinstance(document, dict):
        raise DataError("a data document is a table of record types", file=shown)
    count = check_document(document, shown)
    if lines is None:
        lines = _record_lines(check_toml_text(text, shown), text) if text else _Lines({}, {})
    records = Records(tables=count)
    for key, tables in document.items():
        model = RECORD_MODELS.get(key)
        if model is None and key == TEXTS_KEY:
            raise DataError(
                f"{TEXTS_KEY!r} belongs to JSON exports only; a pack ships its texts in sources/",
                file=shown,
            )
        if model is None:
            known = ", ".join(f"[[{k}]]" for k in RECORD_MODELS)
            raise DataError(f"unknown record type {_shown(key)!r}; a data file holds {known}", file=shown)
        if not isinstance(tables, list):
            raise DataError(f"{key!r} must be an array of tables, written [[{key}]]", file=shown)
        for index, raw in enumerate(tables):
            line = lines.of(key, index)
            record = _validate(model, raw, shown, line)
            _collect(records, record, Origin(shown, line))
    return records


def _validate(model: type[BaseModel], raw: Any, shown: str, line: int | None) -> BaseModel:
    record_id = raw.get("id") if isinstance(raw, dict) else None
    record_name = _shown(record_id) if isinstance(record_id, str) else None
    if model is CoverageExclusion and isinstance(raw, dict):  # no id: name it by what it holds
        source, sentence = raw.get("source"), raw.get("sentence")
        if isinstance(source, str) and isinstance(sentence, str):
            record_name = _exclusion_name(source, sentence)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        message, loc = _problem(exc)
        cause = exc.errors(include_url=False)[0].get("ctx", {}).get("error")
        error = UnitDataError if isinstance(cause, UnitError) else DataError
        raise error(message, file=shown, record=record_name, field=loc, line=line) from None


def _collect(records: Records, record: BaseModel, origin: Origin) -> None:
    if isinstance(record, EntityBase):
        records.entities.append(record)
        records.origins[("entity", record.id)] = origin
    elif isinstance(record, Source):
        records.sources.append(record)
        records.origins[("source", record.id)] = origin
    elif isinstance(record, Claim):
        records.claims.append(record)
        records.origins[("claim", record.id)] = origin
    elif isinstance(record, ConflictRecord):
        records.conflicts.append(record)
        records.origins[("conflict", record.id)] = origin
    elif isinstance(record, CoverageExclusion):
        records.exclusions.append(record)
        records.origins.setdefault(("exclusion", exclusion_key(record)), origin)


def exclusion_key(exclusion: CoverageExclusion) -> str:
    """How a coverage exclusion, which has no id, is named in errors and origins: its source and the
    start of its sentence (``kb.origin("exclusion", exclusion_key(x))`` says where it was read)."""
    return _exclusion_name(exclusion.source, exclusion.sentence)


def _exclusion_name(source: str, sentence: str) -> str:
    return _shown(f"{source}: {sentence if len(sentence) <= 60 else sentence[:57] + '...'}")


def load_directory(path: str | Path, *, relative_to: str | Path | None = None) -> Records:
    """Read every ``*.toml`` file of a directory, in name order (regular files inside it only)."""
    if not isinstance(path, str | Path):
        raise QueryTypeError(f"a data folder is text or a Path, not {type(path).__name__}")
    directory = Path(path)
    base = Path(relative_to) if relative_to is not None else directory
    records = Records()
    files = list(list_data_files(directory, _shown(directory)))
    if len(files) > limits.MAX_FILES:
        raise DataError(f"more than {limits.MAX_FILES} data files", file=_shown(directory))
    for file in files:
        records.extend(load_file(file, name=str(file.relative_to(base)), root=directory))
    return records


@dataclass(slots=True)
class _Budget:
    """What one pack load has read so far, against the limits."""

    bytes: int = 0
    text_bytes: int = 0
    tables: int = 0

    def spend(self, shown: str, *, data: int = 0, text: int = 0, tables: int = 0) -> None:
        self.bytes += data + text
        self.text_bytes += text
        self.tables += tables
        if self.bytes > limits.MAX_PACK_BYTES:
            raise DataError(f"the pack is over {limits.MAX_PACK_BYTES} bytes (the limit)", file=shown)
        if self.text_bytes > limits.MAX_TEXTS_BYTES:
            raise DataError(
                f"the pack's texts are over {limits.MAX_TEXTS_BYTES} bytes (the limit)", file=shown
            )
        if self.tables > limits.MAX_PACK_RECORDS:
            raise DataError(
                f"the pack holds over {limits.MAX_PACK_RECORDS} records and nested tables (the limit)",
                file=shown,
            )


def load_pack(paths: Iterable[str | Path]) -> Records:
    """Read a user's data files: each path a TOML file or a directory of them.

    A pack is untrusted (see SECURITY.md): only regular files inside the folder given are read,
    never through a symbolic link, each at most once and within the limits of
    :mod:`ketref.limits`. A source with a ``file`` must ship that text beside its data file, in
    ``sources/`` or in the same directory; the text is read here, once, and kept in
    :attr:`Records.texts`.
    """
    files: list[tuple[Path, Path, str]] = []  # (file, the folder it must stay in, its name in errors)
    for given in paths:
        if not isinstance(given, str | Path):
            raise DataError(f"a pack path is text or a Path, not {type(given).__name__}")
        if isinstance(given, str) and not given.strip():
            raise DataError("an empty path names no pack")
        path = Path(given)
        try:  # the path the caller names may itself be a link: it is their choice
            exists = os.path.lexists(path)
            resolved = path.resolve() if exists else path
            is_dir = resolved.is_dir()
        except (OSError, ValueError, RuntimeError) as exc:  # a name too long, a NUL byte, a loop
            raise DataError(f"not a usable path ({exc})", file=_shown(path)) from None
        if not exists:
            raise DataError("no such file or directory", file=_shown(path))
        if is_dir:
            found = list(list_data_files(resolved, _shown(path)))
            if not found:
                raise DataError("no data file (*.toml) in this folder", file=_shown(path))
            files.extend((f, resolved, _shown(path / f.name)) for f in found)
        else:
            files.append((resolved, resolved.parent, _shown(path)))
        if len(files) > limits.MAX_FILES:
            raise DataError(f"more than {limits.MAX_FILES} data files", file=_shown(path))
    budget = _Budget()
    records = Records()
    read_texts: dict[Path, str] = {}
    for file, root, shown in files:
        part, size = _parse_file(file, name=shown, root=root)
        budget.spend(shown, data=size, tables=part.tables)
        for source in part.sources:
            if source.file is not None:
                origin = part.origins.get(("source", source.id))
                where = {
                    "file": shown,
                    "record": source.id,
                    "field": "file",
                    "line": origin.line if origin else None,
                }
                part.texts[source.id] = _read_text(file.parent, source.file, read_texts, budget, where)
        records.extend(part)
    return records


def _read_text(
    directory: Path, name: str, cache: dict[Path, str], budget: _Budget, where: dict[str, Any]
) -> str:
    """The text a pack source names, from ``sources/`` or beside the data file, read once."""
    for candidate in (directory / "sources" / name, directory / name):
        if candidate in cache:
            return cache[candidate]
        try:
            data = read_confined(candidate, directory, limits.MAX_TEXT_BYTES)
        except FileRefusedError as exc:
            if exc.missing:
                continue
            raise DataError(f"cannot read the text {_shown(candidate)}: {exc.reason}", **where) from None
        budget.spend(where["file"], text=len(data))
        try:
            text = data.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            raise DataError(f"the text {_shown(candidate)} is not UTF-8 ({exc.reason})", **where) from None
        cache[candidate] = text
        return text
    raise DataError(
        f"the text {name!r} is not in {_shown(directory / 'sources')} or {_shown(directory)}", **where
    )
