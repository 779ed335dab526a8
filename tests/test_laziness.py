"""Nothing heavy at import; the knowledge base loads on first use, once."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ["rdkit", "pint", "networkx", "pandas", "pydantic", "ketref.kb", "tomllib"]


def modules_after(code: str) -> dict[str, bool]:
    probe = f"import sys, json\n{code}\nprint(json.dumps({{m: m in sys.modules for m in {HEAVY!r}}}))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    result: dict[str, bool] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_import_loads_nothing_heavy() -> None:
    loaded = modules_after("import ketref")
    assert not any(loaded.values()), loaded


def test_first_lookup_loads_the_data_but_not_rdkit_or_pint() -> None:
    loaded = modules_after("import ketref; ketref.get('esketamine')")
    assert loaded["ketref.kb"] and loaded["pydantic"]
    assert not loaded["rdkit"] and not loaded["pint"]
    assert not loaded["networkx"] and not loaded["pandas"]


def test_knowledge_base_is_built_once_per_process() -> None:
    code = (
        "import ketref, ketref.kb as kb\n"
        "calls = []\n"
        "original = kb.KnowledgeBase.bundled.__func__\n"
        "kb.KnowledgeBase.bundled = classmethod(lambda cls: calls.append(1) or original(cls))\n"
        "ketref.get('esketamine'); ketref.claims(subject='arketamine'); ketref.search('nmda')\n"
        "print(len(calls))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "1"


def test_public_names_are_listed_once_and_all_resolve() -> None:
    import ketref

    eager = {name for name in ketref.__all__ if name in vars(ketref)}
    lazy = set(ketref._LAZY)
    assert lazy | eager == set(ketref.__all__), "a name is exported but not importable, or the reverse"
    for name in ketref.__all__:
        assert getattr(ketref, name) is not None
    assert sorted(ketref.__all__) == sorted(set(ketref.__all__))
