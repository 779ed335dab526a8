"""Text output shared by the commands: aligned tables, claim blocks, files."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

__all__ = ["claim_block", "claim_list", "table", "write"]


def table(rows: Sequence[Sequence[str]], headers: Sequence[str], out: TextIO) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    widths[-1] = len(headers[-1])  # the last column runs free
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip(), file=out)


def claim_block(claim: Any, out: TextIO, indent: str = "") -> None:
    context = claim.context
    labelled = (
        ("evidence", context.level.value if context.level.value != "unspecified" else None),
        ("setting", context.setting),
        ("route", context.route),
        ("frequency", context.frequency),
        ("species", context.species),
        ("jurisdiction", context.jurisdiction),
        ("date", context.date),
    )
    where = [f"{label} {value}" for label, value in labelled if value]
    extra = f" [{', '.join(where)}]" if where else ""
    inherited = getattr(claim, "shown_for", None)
    marker = f"  [inherited by {inherited} from the unspecified form]" if inherited else ""
    print(f"{indent}- {claim.sentence()}  ({claim.status.value}){extra}{marker}", file=out)
    for evidence in claim.evidence:
        print(f'{indent}    "{evidence.quote}" ({evidence.source})', file=out)
    print(f"{indent}    id: {claim.id}", file=out)


def claim_list(found: Sequence[Any], what: str, out: TextIO) -> None:
    """A count line, then each claim with its evidence."""
    print(f"{len(found)} claim{'s' if len(found) != 1 else ''}{what}", file=out)
    for claim in found:
        claim_block(claim, out)


def write(text: str, path: str) -> None:
    from ketref.errors import InvalidQueryError

    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise InvalidQueryError(f"cannot write {path}: {exc.strerror}") from None
