"""A JSON snapshot of the bundled data, read instead of the TOML files when it is current.

Parsing TOML is pure Python and took most of the first lookup's data loading; the same
records as JSON parse in a few milliseconds. The snapshot records a hash of the TOML files
it was made from: when they change and the snapshot is not regenerated, the hash no longer
matches and the TOML files are read instead, so the snapshot can never serve stale data. The
records are validated either way. Regenerate with ``python -m ketref.snapshot``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ketref.loader import Records, parse_document

__all__ = ["SNAPSHOT_PATH", "data_hash", "load_snapshot", "render_snapshot"]

SNAPSHOT_PATH = Path(__file__).parent / "data" / "snapshot.json"
HASH_KEY = "_toml_sha256"


def data_hash(directory: Path) -> str:
    """The SHA-256 of the bundled TOML files, names and contents, in name order."""
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.toml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_snapshot(directory: Path) -> Records | None:
    """The records of the snapshot, or ``None`` when there is none or it is stale."""
    try:
        document = json.loads(SNAPSHOT_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(document, dict) or document.pop(HASH_KEY, None) != data_hash(directory):
        return None
    return parse_document(document, "snapshot.json")


def render_snapshot(directory: Path) -> str:
    """The snapshot text for the TOML files in ``directory`` (compact JSON, one line)."""
    from ketref.kb import KnowledgeBase
    from ketref.loader import load_directory

    kb = KnowledgeBase(load_directory(directory))
    document = {HASH_KEY: data_hash(directory), **json.loads(kb.export("json"))}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


if __name__ == "__main__":
    from ketref.kb import bundled_data_path

    SNAPSHOT_PATH.write_text(render_snapshot(bundled_data_path()), encoding="utf-8")
    print(f"wrote {SNAPSHOT_PATH}")
