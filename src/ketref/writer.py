"""The canonical text form of data files, so that diffs stay small and reviews easy.

``format_records`` writes records as TOML in one fixed way: fields in model order, defaults
left out, record types in a fixed order. A test checks that every bundled data file is in
this form; ``python -m ketref.writer FILE...`` rewrites files into it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ketref.loader import RECORD_MODELS, load_file

__all__ = ["format_file", "format_records"]


def format_records(records: Sequence[BaseModel]) -> str:
    """Records as canonical TOML, grouped by record type in the loader's order."""
    import tomli_w

    by_key: dict[str, list[dict[str, Any]]] = {}
    for key, model in RECORD_MODELS.items():
        rows = [r.model_dump(mode="json", exclude_defaults=True) for r in records if type(r) is model]
        if rows:
            by_key[key] = rows
    return tomli_w.dumps(by_key)


def format_file(path: str | Path) -> str:
    """The canonical text of one data file (read, validated, written back to a string)."""
    records = load_file(path)
    return format_records(
        [*records.entities, *records.sources, *records.claims, *records.conflicts, *records.exclusions]
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Rewrite the given data files in canonical form."""
    for name in argv if argv is not None else sys.argv[1:]:
        path = Path(name)
        path.write_text(format_file(path), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
