"""List the sources whose citation still lacks bibliographic fields, by kind (#14 item 6, #16).

    python tools/missing_citations.py            # every source a citation lacks a field for
    python tools/missing_citations.py --counts   # only the number per kind
    python tools/missing_citations.py --strict   # also an article's journal, DOI, PMID and a
                                                 # partial ('et al.') author list

The rule is :func:`ketref.citations.missing_fields`, the one issue #16's test applies to the
sources the authoritative layer cites. Values are to be filled only from pages read
(src/ketref/data/README.md, "A source").
"""

from __future__ import annotations

import sys
from collections import defaultdict

import ketref
from ketref.citations import ARTICLE_KINDS, missing_fields
from ketref.models.sources import Source


def gaps(source: Source, *, strict: bool = False) -> list[str]:
    """What ``source``'s citation lacks; with ``strict``, also what a full reference would hold."""
    if not source.found:
        return ["not found (cited_as only)"]
    missing = list(missing_fields(source))
    if strict and source.kind in ARTICLE_KINDS:
        missing += [name for name in ("journal", "doi", "pmid") if not getattr(source, name)]
        if source.et_al:
            missing.append("full author list")
    return missing


def main(argv: list[str]) -> int:
    strict = "--strict" in argv
    by_kind: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for source in ketref.knowledge_base().sources():
        missing = gaps(source, strict=strict)
        if missing:
            by_kind[source.kind.value].append((source.id, missing))
    for kind in sorted(by_kind):
        rows = by_kind[kind]
        print(f"{kind}: {len(rows)}")
        if "--counts" not in argv:
            for source_id, missing in sorted(rows):
                print(f"  {source_id}: {', '.join(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
