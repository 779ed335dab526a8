"""Layering: no module below the flat API reaches for the process-wide knowledge base.

Only ``ketref.api`` (and the package root, which forwards to it lazily) and the command line may
pick the bundled knowledge base; every feature takes a ``KnowledgeBase`` explicitly, so it works
on a pack exactly as on the bundled data (issue #12).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import ketref.api

SRC = Path(ketref.api.__file__).parent
FLAT_API = frozenset(ketref.api.__all__)
ALLOWED = {"api.py", "__init__.py", "__main__.py"}  # relative to the package; cli/ is allowed whole


def _below_api() -> list[Path]:
    return sorted(
        p
        for p in SRC.rglob("*.py")
        if p.relative_to(SRC).parts[0] != "cli" and str(p.relative_to(SRC)) not in ALLOWED
    )


def reaches_global(tree: ast.AST) -> list[str]:
    """What in a module's syntax tree reaches the process-wide knowledge base: importing the flat
    API module, importing a flat-API name from the package root, or using one as ``ketref.x``."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if a.name == "ketref.api"]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            if node.module == "ketref.api":
                found.append("from ketref.api import ...")
            elif node.module == "ketref":
                found += [f"from ketref import {a.name}" for a in node.names if a.name in FLAT_API | {"api"}]
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "ketref"
            and node.attr in FLAT_API | {"api"}
        ):
            found.append(f"ketref.{node.attr}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "knowledge_base"
        ):
            found.append("knowledge_base()")
    return found


@pytest.mark.parametrize("path", _below_api(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_below_the_api_uses_the_bundled_knowledge_base(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert reaches_global(tree) == []


def test_the_scan_does_find_each_way_of_reaching_it() -> None:
    """The scanner itself: every form it must catch is caught, and a plain kb argument is not."""
    caught = [
        "import ketref.api",
        "from ketref.api import knowledge_base",
        "from ketref import get",
        "import ketref\nketref.claim('x')",
        "def f():\n    from ketref import api\n",
        "knowledge_base().get('x')",
    ]
    for source in caught:
        assert reaches_global(ast.parse(source)), source
    fine = "from ketref.errors import DataError\nimport ketref.kb\ndef f(kb):\n    return kb.get('x')\n"
    assert reaches_global(ast.parse(fine)) == []


def test_the_scan_covers_the_feature_modules() -> None:
    scanned = {str(p.relative_to(SRC)) for p in _below_api()}
    for module in (
        "tables/render.py",
        "tables/build.py",
        "pathways/model.py",
        "pathways/api.py",
        "chem/api.py",
        "quantities.py",
        "teaching.py",
        "docsgen.py",
        "models/values.py",
    ):
        assert module in scanned


def _import_graph() -> dict[str, set[str]]:
    """Module -> modules it imports, at module level or inside functions (not TYPE_CHECKING)."""

    def name(p: Path) -> str:
        parts = list(p.relative_to(SRC.parent).with_suffix("").parts)
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    modules = {name(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {
            id(n)
            for block in ast.walk(tree)
            if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
            for n in ast.walk(block)
        }
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            graph[module] |= {t for t in targets if t in modules and t != module}
    return graph


def test_no_import_cycle_ties_the_layers_together() -> None:
    """Deferred imports included, the only cycles left are pairs of neighbours (the snapshot
    writer and the knowledge base); nothing below the API imports its way back up."""
    import networkx as nx

    graph = nx.DiGraph([(a, b) for a, targets in _import_graph().items() for b in targets])
    cycles = [sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1]
    assert all(len(c) == 2 for c in cycles), cycles
    assert not any("ketref.quantities" in c or "ketref.api" in c for c in cycles), cycles


def test_the_flat_api_restates_each_feature_signature_exactly() -> None:
    """Each flat function is the feature over the bundled knowledge base: the same parameters,
    less the knowledge base (a method's ``self`` or a function's leading ``kb``)."""
    import inspect

    from ketref.chem import api as chem
    from ketref.kb import KnowledgeBase
    from ketref.pathways import api as pathways

    def params(function: object, drop: int) -> list[tuple[str, object, object]]:
        found = list(inspect.signature(function).parameters.values())[drop:]  # type: ignore[arg-type]
        return [(p.name, p.kind, p.default) for p in found]

    checked = 0
    for name in ketref.api.__all__:
        flat = getattr(ketref.api, name)
        for home in (KnowledgeBase, chem, pathways):
            feature = getattr(home, name, None)
            if callable(feature) and not isinstance(feature, type):
                assert params(flat, 0) == params(feature, 1), name
                checked += 1
    assert checked >= 20


def test_public_names_are_declared_once_and_the_stub_follows_them() -> None:
    """``ketref.EXPORTS`` is the one list: ``__all__`` and the lazy imports come from it, and the
    generated ``__init__.pyi`` re-exports exactly its names from their modules."""
    import ketref

    stub = ast.parse((SRC / "__init__.pyi").read_text(encoding="utf-8"))
    declared = {
        (node.module, alias.name)
        for node in stub.body
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("ketref")
        for alias in node.names
    }
    assert declared == {(module, name) for module, names in ketref.EXPORTS.items() for name in names}, (
        "the stub is stale: run python -m ketref._stub"
    )
    exported = {name for names in ketref.EXPORTS.values() for name in names}
    assert set(ketref.__all__) == exported | {"DISCLAIMER", "__version__"}
    for module, names in ketref.EXPORTS.items():
        for name in names:
            assert getattr(ketref, name) is getattr(__import__(module, fromlist=[name]), name)


def test_each_entity_kind_has_one_model_from_the_one_union() -> None:
    """The ``Entity`` union is the list of kinds: ``ENTITY_MODELS`` and the loader's tables come
    from it, and every kind of the vocabulary has exactly one model."""
    from typing import get_args

    from ketref.loader import RECORD_MODELS
    from ketref.models.entities import ENTITY_MODELS, Entity
    from ketref.vocabulary import EntityKind

    models = get_args(Entity)
    assert len(models) == len(set(models)) == len(EntityKind)
    assert set(ENTITY_MODELS) == set(EntityKind)
    assert set(ENTITY_MODELS.values()) == set(models)
    for kind, model in ENTITY_MODELS.items():
        assert RECORD_MODELS[kind.value] is model
