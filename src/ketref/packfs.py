"""Reading a pack's files: regular files inside the pack folder only, each read once, with a bound.

A pack is untrusted data (see SECURITY.md). Every file is opened with ``O_NOFOLLOW`` and
``O_NONBLOCK`` and checked with ``fstat`` on the open descriptor, so a symbolic link, a FIFO, a
device or a folder is refused without blocking; the path must resolve to a place under the pack
folder with no symbolic link on the way; and no more than ``limit + 1`` bytes are ever read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ketref.errors import DataError

__all__ = ["FileRefusedError", "list_data_files", "read_bounded", "read_confined"]

_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
)
_CHUNK = 1024 * 1024


class FileRefusedError(Exception):
    """A file was not read: ``reason`` says why (internal; callers turn it into a DataError)."""

    def __init__(self, reason: str, *, missing: bool = False) -> None:
        self.reason = reason
        self.missing = missing
        super().__init__(reason)


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of a regular file, refusing links, FIFOs, devices, folders and files over ``limit``.

    Raises:
        FileRefusedError: with the reason in words (``missing=True`` when nothing is there).
    """
    try:
        fd = os.open(path, _FLAGS)
    except FileNotFoundError:
        raise FileRefusedError("no such file", missing=True) from None
    except OSError as exc:
        if path.is_symlink():
            raise FileRefusedError("it is a symbolic link; a pack holds only regular files") from None
        raise FileRefusedError(f"cannot open it ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = (
                "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (a FIFO, device or socket)"
            )
            raise FileRefusedError(f"it is {kind}; a pack holds only regular files")
        if info.st_size > limit:
            raise FileRefusedError(f"it is {info.st_size} bytes; the limit is {limit}")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise FileRefusedError(f"it is more than {limit} bytes; the limit is {limit}")
        return b"".join(chunks)
    except OSError as exc:
        raise FileRefusedError(f"cannot read it ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def _inside(path: Path, root: Path) -> None:
    """Refuse a path that leaves ``root`` or passes through a symbolic link on its way."""
    try:
        lexical = Path(os.path.abspath(path))
        resolved = path.resolve()
        real_root = root.resolve()
    except (OSError, RuntimeError) as exc:
        raise FileRefusedError(f"cannot resolve it ({exc})") from None
    if not resolved.is_relative_to(real_root):
        raise FileRefusedError("it leads outside the pack folder (through a symbolic link)")
    try:
        relative = lexical.relative_to(Path(os.path.abspath(root)))
    except ValueError:
        raise FileRefusedError("it is outside the pack folder") from None
    if real_root / relative != resolved:
        raise FileRefusedError("its path goes through a symbolic link; a pack holds only regular files")


def read_confined(path: Path, root: Path, limit: int) -> bytes:
    """:func:`read_bounded`, after checking that ``path`` stays under ``root`` with no link on the way."""
    if not os.path.lexists(path):
        raise FileRefusedError("no such file", missing=True)
    _inside(path, root)
    return read_bounded(path, limit)


def list_data_files(directory: Path, shown: str) -> Iterator[Path]:
    """The ``*.toml`` entries of a folder, in name order (each is checked when it is read).

    Raises:
        DataError: the folder cannot be listed.
    """
    try:
        with os.scandir(directory) as entries:
            names = sorted(e.name for e in entries if e.name.endswith(".toml"))
    except (NotADirectoryError, FileNotFoundError):
        raise DataError("not a directory", file=shown) from None
    except OSError as exc:
        raise DataError(f"cannot list the folder ({exc.strerror or exc})", file=shown) from None
    except (ValueError, UnicodeError):  # a NUL byte, or a lone surrogate the file system cannot take
        raise DataError("not a usable folder name (a NUL byte or a lone surrogate)", file=shown) from None
    return iter([directory / name for name in names])
