"""Write ``ketref/__init__.pyi``, the typed view of the lazy package namespace, from
:data:`ketref.EXPORTS` (the one list of public names): ``python -m ketref._stub`` (its output is
already in ruff's form). A test checks that the stub re-exports exactly the names of ``EXPORTS``
from their modules."""

from __future__ import annotations

from pathlib import Path

__all__ = ["render_stub", "stub_path"]


def stub_path() -> Path:
    """Where the stub lives: beside the package's ``__init__.py``."""
    return Path(__file__).parent / "__init__.pyi"


def render_stub() -> str:
    """The stub's text: a re-export of every public name from its defining module."""
    import ketref

    lines = [
        '"""Generated from ketref.EXPORTS by ``python -m ketref._stub``; do not edit."""',
        "",
        "from typing import Any",
        "",
    ]
    for module, names in sorted(ketref.EXPORTS.items()):
        lines += [f"from {module} import {name} as {name}" for name in sorted(names, key=_isort_key)]
    lines += [
        "",
        "__version__: str",
        "DISCLAIMER: str",
        "EXPORTS: dict[str, tuple[str, ...]]",
        "__all__: list[str]",
        "",
        "def __getattr__(name: str) -> Any: ...",
        "def __dir__() -> list[str]: ...",
        "",
    ]
    return "\n".join(lines)


def _isort_key(name: str) -> tuple[int, str]:
    """isort's order within an import (ruff's default): CONSTANTS, then Classes, then the rest."""
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return kind, name.lower()


if __name__ == "__main__":
    stub_path().write_text(render_stub(), encoding="utf-8")
    print(f"wrote {stub_path()}")
