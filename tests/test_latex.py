"""Every table compiles with pdflatex, fits the page, and survives any Unicode text.

CI installs Debian's texlive-latex-base and texlive-latex-recommended; elsewhere these tests are
skipped when pdflatex is missing (and fail under CI, which must have it).
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ketref
from ketref.tables.build import TABLES
from ketref.tables.model import Cell, Segment, Table
from ketref.tables.render import latex_escape


def pdflatex() -> str:
    found = shutil.which("pdflatex")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install pdflatex (texlive-latex-base, texlive-latex-recommended)")
        pytest.skip("pdflatex is not installed here")
    return found


def compile_tex(source: str, where: Path) -> str:
    """Compile ``source`` and return pdflatex's log; fails the test on any LaTeX error."""
    tex = where / "doc.tex"
    tex.write_text(source, encoding="utf-8")
    done = subprocess.run(
        [pdflatex(), "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", tex.name],
        cwd=where,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=120,
        check=False,
    )
    log = (where / "doc.log").read_text(encoding="utf-8", errors="replace")
    assert done.returncode == 0, "\n".join(line for line in log.splitlines() if line.startswith("!"))[:2000]
    assert (where / "doc.pdf").read_bytes().startswith(b"%PDF")
    return log


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_table_compiles_and_fits_the_page(name: str, tmp_path: Path) -> None:
    log = compile_tex(ketref.table(name).to_latex(standalone=True), tmp_path)
    overfull = re.findall(r"Overfull \\hbox \(([\d.]+)pt too wide\)", log)
    assert not [pt for pt in overfull if float(pt) > 2.0], f"{name} runs off the page by {overfull} pt"
    assert "Missing character" not in log


HOSTILE = (
    '≈ µ μ σ₁ κ δ Ω – — → ← ≤ ≥ ± × ° ½ “quoted” ‘single’ … ~ ^ \\ & % $ # _ { } < > | " '
    "[³H]MK-801 ⁺ café naïve Ångström Łódź ﬁ ＡＢＣ \u00a0 \u200b \u0007 \x00 🙂 漢字 \U0010ffff "
)


def test_hostile_unicode_compiles(tmp_path: Path) -> None:
    rng = random.Random(15)
    # a fixed sample from every plane, lone surrogates included, on top of the named hard cases
    drawn = "".join(chr(rng.randrange(0, 0x110000)) for _ in range(400))
    text = HOSTILE + drawn
    table = Table(
        name="hostile",
        title=text[:80],
        columns=("Topic", text[:40]),
        rows=((Cell(text=text), Cell.of([Segment(text=text[::-1], claims=())])),),
        caption=text,
    )
    compile_tex(table.to_latex(standalone=True), tmp_path)
    assert all(" " <= ch <= "~" or ch == "\n" for ch in table.to_latex())


@pytest.mark.parametrize(
    ("text", "tex"),
    [
        ("Ki ≈ 41.7 µM", r"Ki $\approx$ 41.7 \textmu{}M"),
        ("σ₁", r"$\sigma$\textsubscript{1}"),
        ("2–3 fold", "2--3 fold"),
        ("A → B", r"A $\rightarrow$ B"),
        ("~ 3", r"$\sim$ 3"),
        ("50% & $5", r"50\% \& \$5"),
        ("café", r"caf\'{e}"),
    ],
)
def test_latex_escape_examples(text: str, tex: str) -> None:
    assert latex_escape(text) == tex


def test_cli_writes_a_standalone_document(tmp_path: Path) -> None:
    out = tmp_path / "forms.tex"
    args = ["table", "forms", "--format", "latex", "--standalone", "--out", str(out)]
    done = subprocess.run(
        [sys.executable, "-m", "ketref", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("\\documentclass")
    compile_tex(out.read_text(encoding="utf-8"), tmp_path)
