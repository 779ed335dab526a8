"""List the sources whose citation still lacks bibliographic fields, by kind (#14 item 6).

    python tools/missing_citations.py            # every source with a gap
    python tools/missing_citations.py --counts   # only the number per kind

A literature source (article, review, systematic review, trial report) is listed when it has no
authors, date, journal, DOI or PMID, or when its author list is partial (``et_al``); any other
source with no url when it has no file, or no ``accessed`` date when it has a url. Seeds (records
with a ``file``) are listed only for a missing url. Values are to be filled only from pages read
(src/ketref/data/README.md, "A source").
"""

from __future__ import annotations

import sys
import tomllib
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "ketref" / "data"
LITERATURE = {"journal_article", "review", "systematic_review", "trial_report"}


def gaps(record: dict[str, object]) -> list[str]:
    if record.get("file"):
        return [] if record.get("url") else ["url"]
    if record.get("found") is False:
        return ["not found (cited_as only)"]
    if record["kind"] in LITERATURE:
        missing = [k for k in ("authors", "date", "journal", "doi", "pmid") if not record.get(k)]
        if record.get("et_al"):
            missing.append("full author list")
        return missing
    missing = [] if record.get("url") or record.get("doi") or record.get("pmid") else ["url"]
    if record.get("url") and not record.get("accessed"):
        missing.append("accessed")
    return missing


def main(argv: list[str]) -> int:
    by_kind: dict[str, list[tuple[str, str, list[str]]]] = defaultdict(list)
    for path in sorted(DATA.glob("*.toml")):
        for record in tomllib.loads(path.read_text("utf-8")).get("source", []):
            missing = gaps(record)
            if missing:
                by_kind[str(record["kind"])].append((path.name, str(record["id"]), missing))
    for kind in sorted(by_kind):
        rows = by_kind[kind]
        print(f"{kind}: {len(rows)}")
        if "--counts" not in argv:
            for file, source_id, missing in rows:
                print(f"  {source_id} ({file}): {', '.join(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
