"""Small data for tests, shared by test modules (pytest discourages importing conftest)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

WriteData = Callable[..., Path]

MINIMAL_SOURCE = """
[[source]]
id = "note"
title = "A test note"
kind = "journal_article"
url = "https://example.org/note"
"""

MINIMAL_ENTITIES = """
[[compound]]
id = "alpha"
name = "Alpha"
description = "A test compound."
stereo_form = "achiral"

[[target]]
id = "beta-receptor"
name = "Beta receptor"
description = "A test target."
target_class = "receptor"
"""
