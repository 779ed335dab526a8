"""The ketref error hierarchy.

Every error ketref raises on purpose derives from :class:`KetrefError`, and each also
derives from the built-in exception a caller would expect to catch (``LookupError`` for a
failed lookup, ``ValueError`` for bad data, ``TypeError`` for an argument of the wrong
type), so ``except LookupError`` keeps working for code that knows nothing of ketref.

This module imports nothing heavy: it is loaded by ``import ketref``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "DataError",
    "InvalidQueryError",
    "KetrefError",
    "MissingDependencyError",
    "QueryTypeError",
    "RenderError",
    "StructureError",
    "UnitDataError",
    "UnitError",
    "UnknownClaimError",
    "UnknownEntityError",
    "UnknownNameError",
    "UnknownSourceError",
    "UnknownTermError",
]


class KetrefError(Exception):
    """Root of every error raised by ketref."""


class UnknownNameError(KetrefError, LookupError):
    """A name, id or term was looked up and nothing matched.

    Attributes:
        query: what was asked for, exactly as given.
        suggestions: close matches that would have worked, best first (may be empty).
        what: the kind of thing that was looked up (``"entity"``, ``"source"``, ...).
    """

    what = "name"

    def __init__(self, query: str, suggestions: Sequence[str] = (), *, detail: str | None = None) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        self.detail = detail
        super().__init__(self._message())

    def _message(self) -> str:
        shown = self.query if len(self.query) <= 80 else self.query[:77] + "..."
        head = f"no {self.what} matches {shown!r}" if self.query.strip() else f"empty {self.what} query"
        if self.detail:
            head += f" ({self.detail})"
        if self.suggestions:
            return f"{head}; did you mean: {', '.join(self.suggestions)}?"
        return head

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_name_error, (type(self), self.query, self.suggestions, self.detail))


def _rebuild_name_error(
    cls: type[UnknownNameError], query: str, suggestions: tuple[str, ...], detail: str | None
) -> UnknownNameError:
    return cls(query, suggestions, detail=detail)


class UnknownEntityError(UnknownNameError):
    """No entity (compound, target, product, ...) matches the query."""

    what = "entity"


class UnknownSourceError(UnknownNameError):
    """No source record matches the query."""

    what = "source"


class UnknownClaimError(UnknownNameError):
    """No claim has the given id."""

    what = "claim"


class UnknownTermError(UnknownNameError):
    """A controlled-vocabulary term (predicate, status, kind, ...) is not known."""

    def __init__(
        self, query: str, suggestions: Sequence[str] = (), what: str = "term", *, detail: str | None = None
    ) -> None:
        self.what = what
        super().__init__(query, suggestions, detail=detail)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_term_error, (type(self), self.query, self.suggestions, self.what, self.detail))


def _rebuild_term_error(
    cls: type[UnknownTermError], query: str, suggestions: tuple[str, ...], what: str, detail: str | None
) -> UnknownTermError:
    return cls(query, suggestions, what, detail=detail)


class QueryTypeError(KetrefError, TypeError):
    """An argument of the wrong type was passed to a lookup function."""


class InvalidQueryError(KetrefError, ValueError):
    """An argument has the right type but a value no query can use (a limit of 0, say)."""


class StructureError(KetrefError, ValueError):
    """A structure does not parse, or is not in the knowledge base.

    Attributes:
        structure: the input, as given (may be ``None`` for an entity without a structure).
        reason: RDKit's reason for refusing it, when it refused.
        inchikey: the computed standard InChIKey, when the structure parsed but matched nothing.
    """

    def __init__(
        self,
        message: str,
        *,
        structure: str | None = None,
        reason: str | None = None,
        inchikey: str | None = None,
    ) -> None:
        self.structure = structure
        self.reason = reason
        self.inchikey = inchikey
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        fields = {"structure": self.structure, "reason": self.reason, "inchikey": self.inchikey}
        return (_rebuild_structure_error, (str(self), fields))


def _rebuild_structure_error(message: str, fields: dict[str, Any]) -> StructureError:
    return StructureError(message, **fields)


class UnitError(KetrefError, ValueError):
    """A unit text does not parse, or two quantities have incompatible dimensions."""


class DataError(KetrefError, ValueError):
    """Curated data is invalid: a bad value, an unknown key, a dangling reference, a collision.

    Attributes:
        file: the data file (or ``None`` when the problem spans files).
        record: the id of the record at fault, when known.
        field: the dotted path of the field at fault, when known.
        line: the 1-based line in ``file`` where the record starts, when known.
        problem: what is wrong, in words.
    """

    def __init__(
        self,
        problem: str,
        *,
        file: str | None = None,
        record: str | None = None,
        field: str | None = None,
        line: int | None = None,
    ) -> None:
        self.problem = problem
        self.file = file
        self.record = record
        self.field = field
        self.line = line
        where = []
        if file is not None:
            where.append(file if line is None else f"{file}:{line}")
        if record is not None:
            where.append(f"record {record!r}")
        if field is not None:
            where.append(f"field {field!r}")
        prefix = ", ".join(where)
        super().__init__(f"{prefix}: {problem}" if prefix else problem)

    def __reduce__(self) -> tuple[Any, ...]:
        kwargs = {"file": self.file, "record": self.record, "field": self.field, "line": self.line}
        return (_rebuild_data_error, (self.problem, kwargs, type(self)))


def _rebuild_data_error(
    problem: str, kwargs: dict[str, Any], cls: type[DataError] | None = None
) -> DataError:
    return (cls or DataError)(problem, **kwargs)


class RenderError(KetrefError, RuntimeError):
    """A diagram could not be rendered (the ``dot`` program is missing or failed)."""


class MissingDependencyError(KetrefError, ImportError):
    """An optional dependency a feature needs is not installed.

    Attributes:
        package: the package (or program) that is missing.
        extra: the ketref extra that installs it (``pip install "ketref[extra]"``), if any.
        feature: what needs it, in words.
    """

    def __init__(self, package: str, *, extra: str | None = None, feature: str = "this feature") -> None:
        self.package = package
        self.extra = extra
        self.feature = feature
        how = f'pip install "ketref[{extra}]"' if extra else f"install {package}"
        super().__init__(f"{feature} needs {package}, which is not installed: {how}", name=package)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_missing, (self.package, self.extra, self.feature))


def _rebuild_missing(package: str, extra: str | None, feature: str) -> MissingDependencyError:
    return MissingDependencyError(package, extra=extra, feature=feature)


class UnitDataError(DataError, UnitError):
    """A unit in curated data or a pack does not parse, or has the wrong dimension: a
    :class:`DataError` (it names the file, record, field and line) that is also a
    :class:`UnitError`."""
