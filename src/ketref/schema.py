"""The JSON Schema of ketref's data files, generated from the models.

The committed copy lives at ``ketref/data/schema.json``; a test fails when it is stale.
Regenerate it with ``python -m ketref.schema``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import create_model

from ketref.loader import RECORD_MODELS, TEXTS_KEY, PackText

__all__ = ["SCHEMA_PATH", "data_file_schema", "render_schema"]

SCHEMA_PATH = Path(__file__).parent / "data" / "schema.json"


def data_file_schema() -> dict[str, Any]:
    """The JSON Schema a data file (once parsed from TOML) must satisfy."""
    fields: dict[str, Any] = {
        key: (tuple[model, ...], ())  # type: ignore[valid-type]
        for key, model in RECORD_MODELS.items()
    }
    # JSON exports only (a TOML data file cannot hold it): the texts of a pack's sources
    fields[TEXTS_KEY] = (tuple[PackText, ...], ())
    document = create_model("KetrefDataFile", __config__={"extra": "forbid"}, **fields)
    schema = document.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "ketref data file"
    schema["description"] = (
        "One TOML data file of ketref: arrays of tables keyed by record type. Generated from the "
        "pydantic models by `python -m ketref.schema`; do not edit by hand."
    )
    return schema


def render_schema() -> str:
    """The schema as the committed text (sorted keys, two-space indent, final newline)."""
    return json.dumps(data_file_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(render_schema(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
