"""Write ``ketref/__init__.pyi``, the typed view of the lazy package namespace, from
:data:`ketref.EXPORTS` (the one list of public names): ``python -m ketref._stub``, then
``ruff check --fix`` and ``ruff format`` on it. A test checks that the stub re-exports exactly
the names of ``EXPORTS`` from their modules."""

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
        lines.append(f"from {module} import (")
        lines += [f"    {name} as {name}," for name in sorted(names)]
        lines.append(")")
    lines += [
        "",
        "__version__: str",
        "DISCLAIMER: str",
        "EXPORTS: dict[str, tuple[str, ...]]",
        f"__all__: list[str] = {sorted(ketref.__all__)!r}".replace("'", '"'),
        "",
        "def __getattr__(name: str) -> Any: ...",
        "def __dir__() -> list[str]: ...",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    stub_path().write_text(render_stub(), encoding="utf-8")
    print(f"wrote {stub_path()}")
