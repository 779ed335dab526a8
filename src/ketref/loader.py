"""Reading curated data files: TOML through the standard library's safe parser.

Each file holds arrays of tables keyed by record type (``[[compound]]``, ``[[claim]]``,
``[[source]]``...). Every problem becomes a :class:`ketref.DataError` that names the file,
the record, the field and the line where the record starts.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ketref.errors import DataError
from ketref.models.claims import Claim
from ketref.models.curation import ConflictRecord, CoverageExclusion
from ketref.models.entities import ENTITY_MODELS, EntityBase
from ketref.models.sources import Source

__all__ = ["MAX_FILE_BYTES", "RECORD_MODELS", "Origin", "Records", "load_directory", "load_file"]

MAX_FILE_BYTES = 8 * 1024 * 1024
"""The largest data file read; anything bigger is refused before parsing."""

MAX_FILES = 1000
"""The most data files one load reads."""

MAX_RECORDS_PER_FILE = 100_000
"""The most records one data file may hold."""

RECORD_MODELS: dict[str, type[BaseModel]] = {
    **{kind.value: model for kind, model in ENTITY_MODELS.items()},
    "source": Source,
    "claim": Claim,
    "conflict": ConflictRecord,
    "exclusion": CoverageExclusion,
}
"""The model for each table key a data file may use."""

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
    texts: dict[str, Path] = field(default_factory=dict)
    """For sources read from packs: the text file each ``file`` field names."""

    def extend(self, other: Records) -> None:
        """Append another set of records (no checks: the knowledge base checks the whole)."""
        self.entities.extend(other.entities)
        self.sources.extend(other.sources)
        self.claims.extend(other.claims)
        self.conflicts.extend(other.conflicts)
        self.exclusions.extend(other.exclusions)
        self.origins.update(other.origins)
        self.texts.update(other.texts)


def _header_lines(text: str, key: str) -> list[int]:
    """1-based line numbers of each ``[[key]]`` header, in order."""
    header = f"[[{key}]]"
    return [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == header]


def _problem(exc: ValidationError) -> tuple[str, str | None]:
    first = exc.errors(include_url=False)[0]
    loc = ".".join(str(part) for part in first["loc"]) or None
    message = first["msg"]
    if first["type"] == "extra_forbidden":
        message = "unknown key (check its spelling against the data README)"
    more = exc.error_count() - 1
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''} in this record)"
    return message, loc


def load_file(path: str | Path, *, name: str | None = None) -> Records:
    """Read one data file.

    Args:
        path: the TOML file.
        name: how to name the file in errors (defaults to the path as given).
    """
    path = Path(path)
    shown = name or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataError(f"file is {size} bytes; the limit is {MAX_FILE_BYTES}", file=shown)
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read file: {exc}", file=shown) from None
    return parse_text(text, shown)


def parse_text(text: str, shown: str) -> Records:
    """Parse the text of one data file; ``shown`` names the file in errors."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_LINE.search(str(exc))
        raise DataError(f"not valid TOML: {exc}", file=shown, line=int(match[1]) if match else None) from None
    return parse_document(document, shown, text)


def parse_document(document: dict[str, Any], shown: str, text: str = "") -> Records:
    """Validate an already-parsed data document (TOML or JSON); ``text`` gives line numbers."""
    if not isinstance(document, dict):
        raise DataError("a data document is a table of record types", file=shown)
    records = Records()
    count = sum(len(v) for v in document.values() if isinstance(v, list))
    if count > MAX_RECORDS_PER_FILE:
        raise DataError(f"{count} records; the limit is {MAX_RECORDS_PER_FILE} per file", file=shown)
    for key, tables in document.items():
        model = RECORD_MODELS.get(key)
        if model is None:
            known = ", ".join(f"[[{k}]]" for k in RECORD_MODELS)
            raise DataError(f"unknown record type {key!r}; a data file holds {known}", file=shown)
        if not isinstance(tables, list):
            raise DataError(f"{key!r} must be an array of tables, written [[{key}]]", file=shown)
        lines = _header_lines(text, key)
        for index, raw in enumerate(tables):
            line = lines[index] if index < len(lines) else None
            record = _validate(model, raw, shown, line)
            _collect(records, record, Origin(shown, line))
    return records


def _validate(model: type[BaseModel], raw: Any, shown: str, line: int | None) -> BaseModel:
    record_id = raw.get("id") if isinstance(raw, dict) else None
    record_name = record_id if isinstance(record_id, str) else None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        message, loc = _problem(exc)
        raise DataError(message, file=shown, record=record_name, field=loc, line=line) from None


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


def load_directory(path: str | Path, *, relative_to: str | Path | None = None) -> Records:
    """Read every ``*.toml`` file of a directory, in name order."""
    directory = Path(path)
    base = Path(relative_to) if relative_to is not None else directory
    records = Records()
    for file in _toml_files(directory):
        records.extend(load_file(file, name=str(file.relative_to(base))))
    return records


def load_pack(paths: Iterable[str | Path]) -> Records:
    """Read a user's data files: each path a TOML file or a directory of them.

    A source with a ``file`` must ship that text beside its data file, in ``sources/`` or in
    the same directory; the text is then recorded in :attr:`Records.texts`.
    """
    files: list[Path] = []
    for given in paths:
        if not isinstance(given, str | Path):
            raise DataError(f"a pack path is text or a Path, not {type(given).__name__}")
        path = Path(given)
        try:
            is_dir, is_file = path.is_dir(), path.is_file()
        except (OSError, ValueError) as exc:  # a name too long, a NUL byte
            raise DataError(f"not a usable path ({exc})", file=str(path)[:200]) from None
        if is_dir:
            files.extend(_toml_files(path))
        elif is_file:
            files.append(path)
        else:
            raise DataError("no such file or directory", file=str(path)[:200])
        if len(files) > MAX_FILES:
            raise DataError(f"more than {MAX_FILES} data files")
    records = Records()
    for file in files:
        part = load_file(file)
        for source in part.sources:
            if source.file is not None:
                text = _find_text(file.parent, source.file)
                if text is None:
                    origin = part.origins.get(("source", source.id))
                    raise DataError(
                        f"the text {source.file!r} is not in {file.parent / 'sources'} or {file.parent}",
                        file=str(file),
                        record=source.id,
                        field="file",
                        line=origin.line if origin else None,
                    )
                part.texts[source.id] = text
        records.extend(part)
    return records


def _find_text(directory: Path, name: str) -> Path | None:
    for candidate in (directory / "sources" / name, directory / name):
        if candidate.is_file():
            return candidate
    return None


def _toml_files(directory: Path) -> Iterable[Path]:
    if not directory.is_dir():
        raise DataError("not a directory", file=str(directory))
    return sorted(directory.glob("*.toml"))
