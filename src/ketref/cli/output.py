"""Text output shared by the commands: aligned tables, claim blocks, files."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any, TextIO

__all__ = ["check_input", "claim_block", "claim_list", "read_input", "table", "write"]


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
    if getattr(claim, "inverted", False):
        print(f"{indent}    stored as: {claim.claim.sentence()}", file=out)
    for evidence in claim.evidence:
        print(f'{indent}    "{evidence.quote}" ({evidence.source})', file=out)
    print(f"{indent}    id: {claim.id}", file=out)


def claim_list(found: Sequence[Any], what: str, out: TextIO) -> None:
    """A count line, then each claim with its evidence; claims inherited from the compound named
    without a form follow in their own group, never among the form's own."""
    own = [c for c in found if getattr(c, "shown_for", None) is None]
    inherited = [c for c in found if getattr(c, "shown_for", None) is not None]
    print(f"{len(own)} claim{'s' if len(own) != 1 else ''}{what}", file=out)
    for claim in own:
        claim_block(claim, out)
    if inherited:
        general, shown_for = inherited[0].subject, inherited[0].shown_for
        print(
            f"\nSaid of {general} without a form ({len(inherited)}), shown for {shown_for} "
            f"under the inheritance rule (docs/status.md); not {shown_for}'s own claims:",
            file=out,
        )
        for claim in inherited:
            claim_block(claim, out, "  ")


def _kind_of(path: str) -> str | None:
    """What is at ``path``: ``"file"``, ``"directory"``, ``"missing"``, or ``None`` for anything else
    (a FIFO, a device, a socket), which ketref never reads or writes."""
    import os
    import stat

    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "missing"
    except (OSError, ValueError):  # a name too long, a NUL byte, no permission
        return "missing"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "directory"
    return None


def check_input(path: str) -> None:
    """Refuse an input path that is a FIFO, a device or a socket (reading one could block forever)."""
    from ketref.errors import InvalidQueryError

    if _kind_of(path) is None:
        raise InvalidQueryError(f"{path} is not a regular file or directory; ketref reads only those")


def read_input(path: str, limit: int) -> str:
    """The text of a regular file (at most ``limit`` characters)."""
    from ketref.errors import InvalidQueryError

    check_input(path)
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read(limit)
    except OSError as exc:
        raise InvalidQueryError(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise InvalidQueryError(f"{path} is not UTF-8 text") from None


def _mode_for(path: str) -> int:
    """The permissions of the file replaced, or the usual ones a new file gets under the umask."""
    import os

    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write(text: str | bytes, path: str) -> None:
    """Write ``text`` (or bytes, such as a PNG) to ``path`` through a temporary file renamed into
    place, so a failed or interrupted write never leaves half a file; a FIFO, device or directory
    is refused."""
    import os
    import tempfile

    from ketref.errors import InvalidQueryError

    kind = _kind_of(path)
    if kind not in ("file", "missing"):
        raise InvalidQueryError(f"cannot write {path}: not a regular file")
    directory = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".ketref-", suffix=".tmp")
    except OSError as exc:
        raise InvalidQueryError(f"cannot write {path}: {exc.strerror}") from None
    try:
        if isinstance(text, bytes):
            with os.fdopen(handle, "wb") as binary:
                binary.write(text)
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise InvalidQueryError(f"cannot write {path}: {exc.strerror}") from None
        raise
