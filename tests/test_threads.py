"""Threads asking first (issue #17): one knowledge base and one unit registry per process.

Each check resets the process-wide cache and lets 16 threads, released together by a barrier,
ask at once; it runs 20 times in a row (the pint check, whose registry takes a second to build,
5 times).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest

import ketref
from ketref import api, quantities
from ketref.kb import KnowledgeBase
from ketref.models import values

THREADS = 16


def all_at_once(work: Callable[[int], Any]) -> tuple[list[Any], list[BaseException]]:
    barrier = threading.Barrier(THREADS)
    results: list[Any] = [None] * THREADS
    errors: list[BaseException] = []

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(i)
        except BaseException as exc:  # recorded, so the test can show it
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results, errors


@pytest.fixture
def fresh_knowledge_base() -> Any:
    """Forget the loaded knowledge base for the test, and put the original back afterwards."""
    original = api.knowledge_base()
    api.knowledge_base.cache_clear()
    api._load_once.cache_clear()
    yield
    api.knowledge_base.cache_clear()
    api._load_once.cache_clear()
    calls = iter([original])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(KnowledgeBase, "bundled", classmethod(lambda cls: next(calls)))
        assert api.knowledge_base() is original


@pytest.mark.parametrize("run", range(20))
def test_sixteen_threads_asking_first_build_one_knowledge_base(fresh_knowledge_base: Any, run: int) -> None:
    results, errors = all_at_once(lambda i: (ketref.get("esketamine"), api.knowledge_base()))
    assert not errors, errors
    assert len({id(kb) for _, kb in results}) == 1
    assert len({id(entity) for entity, _ in results}) == 1
    assert results[0][1] is api.knowledge_base()


@pytest.mark.parametrize("run", range(5))
def test_sixteen_threads_asking_first_get_one_unit_registry(
    run: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(values, "_REGISTRY", [])  # a fresh process's state
    results, errors = all_at_once(
        lambda i: quantities.convert(quantities.dose_for_body_mass("0.5 mg/kg", f"{70 + i} kg"), "g")
    )
    assert not errors, errors
    assert len(values._REGISTRY) == 1
    assert {r._REGISTRY for r in results} == {values._REGISTRY[0]}
    assert [round(r.magnitude, 4) for r in results] == [
        round(0.5 * (70 + i) / 1000, 4) for i in range(THREADS)
    ]
