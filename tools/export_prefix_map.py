"""Export the bioregistry records of the prefixes ketref uses to ``src/ketref/data/prefixes.json``.

ketref checks every stored cross-reference against its registry's pattern and writes canonical
IRIs in its RDF exports from that committed file, so bioregistry is needed only here, by a
maintainer, never at run time:

    pip install "bioregistry==0.15.6"
    python tools/export_prefix_map.py              # refresh the prefixes already in the map
    python tools/export_prefix_map.py kegg.drug    # ... and add one

For each prefix it keeps the name, the canonical prefix as bioregistry writes it (``CHEBI``),
the pattern a local identifier must match, the URI format (``$1`` stands for the local
identifier) and an example, with bioregistry's version at the top.
"""

from __future__ import annotations

import json
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

MAP_PATH = Path(__file__).resolve().parent.parent / "src" / "ketref" / "data" / "prefixes.json"


def record(prefix: str) -> dict[str, Any]:
    import bioregistry

    resource = bioregistry.get_resource(prefix)
    if resource is None:
        raise SystemExit(f"bioregistry has no prefix {prefix!r}")
    if resource.prefix != prefix:
        raise SystemExit(f"{prefix!r} is a synonym; bioregistry's prefix is {resource.prefix!r}")
    pattern, uri_format = resource.get_pattern(), resource.get_uri_format()
    if pattern is None or uri_format is None:
        raise SystemExit(f"bioregistry gives {prefix!r} no pattern or no URI format")
    example = resource.get_example()
    return {
        "name": resource.get_name(),
        "preferred_prefix": resource.get_preferred_prefix() or prefix,
        "pattern": pattern,
        "uri_format": uri_format,
        "example": example,
    }


def main(argv: list[str]) -> None:
    existing: dict[str, Any] = json.loads(MAP_PATH.read_text(encoding="utf-8")) if MAP_PATH.exists() else {}
    prefixes = sorted({*existing.get("prefixes", {}), *argv})
    document = {
        "source": f"bioregistry {version('bioregistry')}, exported by tools/export_prefix_map.py",
        "prefixes": {prefix: record(prefix) for prefix in prefixes},
    }
    MAP_PATH.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(prefixes)} prefixes to {MAP_PATH}")


if __name__ == "__main__":
    main(sys.argv[1:])
