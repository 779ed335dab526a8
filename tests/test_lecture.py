"""The lecture pack: every file is written, non-empty and valid for its format."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import ketref
from ketref.lecture import COMPARED, FORMS, lecture
from tests.test_quiz import parse_gift


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("dot") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install graphviz")
        pytest.skip("graphviz is not installed here")
    out = tmp_path_factory.mktemp("lecture")
    lecture(ketref.knowledge_base(), out)
    return out


EXPECTED = [
    "index.md",
    "key-differences.md",
    "key-differences.tex",
    "quiz.md",
    "quiz.gift",
    "flashcards.txt",
    "glossary.md",
    "sources.md",
    *(f"factsheet-{f}.{ext}" for f in FORMS for ext in ("md", "tex")),
    *(f"mechanism-{f}.{ext}" for f in (*FORMS, COMPARED) for ext in ("svg", "png")),
]


def test_every_file_is_written_and_linked_from_the_index(pack: Path) -> None:
    for name in EXPECTED:
        assert (pack / name).stat().st_size > 100, name
    links = set(re.findall(r"\]\(([^)]+)\)", (pack / "index.md").read_text(encoding="utf-8")))
    assert links == set(EXPECTED) - {"index.md"}


def test_svg_parses_and_png_is_a_png(pack: Path) -> None:
    import struct

    for form in (*FORMS, COMPARED):
        root = ET.parse(pack / f"mechanism-{form}.svg").getroot()
        assert root.tag.endswith("svg")
        png = (pack / f"mechanism-{form}.png").read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        width, height = struct.unpack(">II", png[16:24])
        assert width == 1920 and height <= 1080  # fits a 16:9 slide


def test_diagrams_are_the_core_view(pack: Path) -> None:
    """The slides show the core cascade (at most 13 nodes), not every step of the full graph."""
    for form in FORMS:
        svg = (pack / f"mechanism-{form}.svg").read_text(encoding="utf-8")
        assert "core mechanism" in svg
        nodes = re.findall(r'<g id="node\d+" class="node">', svg)
        assert 8 <= len(nodes) <= 13
        assert "Clarithromycin" not in svg


def test_quiz_gift_parses_and_matches_the_markdown(pack: Path) -> None:
    parsed = parse_gift((pack / "quiz.gift").read_text(encoding="utf-8"))
    assert len(parsed) >= 10
    quiz_md = (pack / "quiz.md").read_text(encoding="utf-8")
    assert "Answer key" in quiz_md
    for stem, _options in parsed:
        assert stem.split(" ")[0] in quiz_md


def test_flashcards_and_sources(pack: Path) -> None:
    cards = (pack / "flashcards.txt").read_text(encoding="utf-8")
    assert cards.startswith("#separator:tab") and "#guid column:1" in cards
    sources = (pack / "sources.md").read_text(encoding="utf-8")
    for source in ketref.knowledge_base().sources():
        assert source.effective_tier.value in sources


@pytest.mark.parametrize("name", ["key-differences", *(f"factsheet-{f}" for f in FORMS)])
def test_tex_compiles(pack: Path, name: str, tmp_path: Path) -> None:
    pdflatex = shutil.which("pdflatex")
    if pdflatex is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install pdflatex")
        pytest.skip("pdflatex is not installed here")
    shutil.copy(pack / f"{name}.tex", tmp_path / "doc.tex")
    done = subprocess.run(
        [pdflatex, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "doc.tex"],
        cwd=tmp_path,
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, (tmp_path / "doc.log").read_text(errors="replace")[-2000:]
    assert (tmp_path / "doc.pdf").read_bytes().startswith(b"%PDF")


def test_the_cli_writes_the_pack(tmp_path: Path) -> None:
    import io

    from ketref.cli import main

    if shutil.which("dot") is None:
        pytest.skip("graphviz is not installed here")
    out, err = io.StringIO(), io.StringIO()
    assert (
        main(["lecture", "--out", str(tmp_path / "pack"), "--min-tier", "reference"], out=out, err=err) == 0
    )
    assert "index.md" in out.getvalue()
    assert (tmp_path / "pack" / "index.md").read_text(encoding="utf-8").count("](") == len(EXPECTED) - 1
