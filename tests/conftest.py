"""Shared fixtures: the bundled knowledge base and small data packs written on the fly."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from hypothesis import settings

import ketref
from ketref.kb import KnowledgeBase
from tests._data import WriteData

# First calls build caches (the knowledge base, pint's registry, RDKit): timing them per example
# would make tests flaky, and speed is measured by the benchmark script, not by tests.
settings.register_profile("ketref", deadline=None)
# The long fuzz run (tests/test_fuzz.py sets each entry point's examples by its cost, and a deadline
# per example after warming the caches): random seeds every run, and a failure prints its replay blob.
settings.register_profile("long", deadline=None, max_examples=1000, derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("KETREF_HYPOTHESIS_PROFILE", "ketref"))


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return ketref.knowledge_base()


@pytest.fixture
def write_data(tmp_path: Path) -> WriteData:
    """Write TOML files into a fresh directory: ``write_data(name=text, ...)`` returns the directory."""

    def write(**files: str) -> Path:
        for name, text in files.items():
            (tmp_path / f"{name}.toml").write_text(textwrap.dedent(text), encoding="utf-8")
        return tmp_path

    return write
