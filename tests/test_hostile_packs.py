"""Hostile packs (issue #17): each finding of the reliability review, reproduced and refused.

A pack is untrusted data (SECURITY.md). Every case that could hang or exhaust memory runs in a
subprocess under a wall-clock limit and, where memory is at stake, an address-space limit
(``resource.setrlimit``), so a regression fails the test instead of the machine.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ketref
from ketref import limits, quantities
from ketref.errors import DataError
from ketref.kb import KnowledgeBase
from ketref.loader import load_pack
from ketref.models import values

MEMORY_LIMIT = 2 * 1024**3  # bytes of address space for an isolated case


def isolated(code: str, *, timeout: float = 30, memory: int | None = MEMORY_LIMIT) -> str:
    """Run ``code`` in a fresh interpreter under a time limit (and a memory limit); its stdout.

    The code prints what the test checks; a hang fails the test at ``timeout`` seconds.
    """

    def limit() -> None:
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limit,
        check=False,
    )
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-2000:]}"
    assert time.monotonic() - started < timeout
    return done.stdout


LOAD = """
import sys, ketref
from ketref.kb import KnowledgeBase
try:
    KnowledgeBase.from_paths({path!r}{extra})
    print("LOADED")
except ketref.KetrefError as exc:
    print("REFUSED", type(exc).__name__, exc)
"""


def load_in_subprocess(path: Path, *, timeout: float = 30, extra: str = "") -> str:
    return isolated(LOAD.format(path=str(path), extra=extra), timeout=timeout)


SOURCE = """
[[source]]
id = "lab-notes"
title = "Lab notes"
kind = "journal_article"
file = "lab-notes.txt"
"""

CLAIM = """
[[route]]
id = "r-x"
name = "R X"
description = "d"

[[claim]]
id = "c.x"
subject = "esketamine"
predicate = "administered_via"
object = "r-x"
status = "reported"
[[claim.evidence]]
source = "lab-notes"
quote = "{quote}"
"""


def pack(tmp_path: Path, *, quote: str = "root:x:0:0:root", text: str | None = "notes\n") -> Path:
    (tmp_path / "sources").mkdir(exist_ok=True)
    if text is not None:
        (tmp_path / "sources" / "lab-notes.txt").write_text(text, encoding="utf-8")
    (tmp_path / "pack.toml").write_text(SOURCE + CLAIM.format(quote=quote), encoding="utf-8")
    return tmp_path


def refused(path: Path | str, **kwargs: bool) -> DataError:
    with pytest.raises(DataError) as info:
        KnowledgeBase.from_paths(path, **kwargs)
    return info.value


# -- C1: nothing outside the pack folder is read ------------------------------------------------


def test_c1_a_symlinked_text_is_refused_and_never_read(tmp_path: Path) -> None:
    p = pack(tmp_path, text=None)
    (p / "sources" / "lab-notes.txt").symlink_to("/etc/passwd")
    err = refused(p)
    assert "symbolic link" in err.problem
    assert (err.record, err.field, err.line) == ("lab-notes", "file", 2)
    assert err.file is not None and err.file.endswith("pack.toml")


def test_c1_the_quote_check_is_no_oracle_for_outside_files(tmp_path: Path) -> None:
    p = pack(tmp_path, text=None, quote="definitely not in passwd")
    (p / "sources" / "lab-notes.txt").symlink_to("/etc/passwd")
    assert "symbolic link" in refused(p).problem  # same answer whether the quote is there or not


def test_c1_proc_environ_is_refused(tmp_path: Path) -> None:
    p = pack(tmp_path, text=None, quote="PATH=")
    (p / "sources" / "lab-notes.txt").symlink_to("/proc/self/environ")
    assert "symbolic link" in refused(p).problem


def test_c1_a_symlinked_sources_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "lab-notes.txt").write_text("root:x:0:0:root\n", encoding="utf-8")
    p = tmp_path / "p"
    p.mkdir()
    pack(p, text=None)
    (p / "sources").rmdir()
    (p / "sources").symlink_to(outside)
    err = refused(p)
    assert "symbolic link" in err.problem and err.record == "lab-notes"


def test_c1_a_symlinked_data_file_in_a_pack_folder_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere.toml"
    real.write_text(CLAIM.format(quote="q").replace("lab-notes", "benchchem-guide"), encoding="utf-8")
    p = tmp_path / "p"
    p.mkdir()
    (p / "a.toml").symlink_to(real)
    err = refused(p)
    assert "symbolic link" in err.problem and err.file is not None and err.file.endswith("a.toml")


def test_c1_a_pack_path_the_caller_names_may_be_a_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = pack(tmp_path / "real", quote="notes")
    link = tmp_path / "current"
    link.symlink_to(real)
    kb = KnowledgeBase.from_paths(link)  # the caller chose the path: it may be a link
    assert kb.source_text("lab-notes") == "notes\n"


def test_c1_the_text_is_read_once_at_load(tmp_path: Path) -> None:
    p = pack(tmp_path, quote="notes")
    kb = KnowledgeBase.from_paths(p)
    (p / "sources" / "lab-notes.txt").write_text("swapped after the check\n", encoding="utf-8")
    assert kb.source_text("lab-notes") == "notes\n"  # the checked text, not a re-read
    (p / "sources" / "lab-notes.txt").unlink()
    assert kb.source_text("lab-notes") == "notes\n"


# -- C2: FIFOs and devices never block or fill memory ------------------------------------------


def test_c2_a_fifo_named_toml_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a.toml")
    out = load_in_subprocess(tmp_path, timeout=20)
    assert out.startswith("REFUSED DataError") and "not a regular file" in out


def test_c2_a_fifo_as_a_text_does_not_hang(tmp_path: Path) -> None:
    p = pack(tmp_path, text=None)
    os.mkfifo(p / "sources" / "lab-notes.txt")
    out = load_in_subprocess(p, timeout=20)
    assert out.startswith("REFUSED DataError") and "not a regular file" in out


def test_c2_dev_zero_in_a_pack_is_refused_within_memory(tmp_path: Path) -> None:
    (tmp_path / "a.toml").symlink_to("/dev/zero")
    out = load_in_subprocess(tmp_path, timeout=20)
    assert out.startswith("REFUSED DataError") and "symbolic link" in out


def test_l7_a_fifo_or_device_named_directly_is_not_called_missing(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "f.toml")
    out = load_in_subprocess(tmp_path / "f.toml", timeout=20)
    assert "not a regular file" in out and "no such file" not in out
    out = load_in_subprocess(Path("/dev/zero"), timeout=20)
    assert "not a regular file" in out


def test_c4_a_huge_sparse_text_is_refused_without_reading_it(tmp_path: Path) -> None:
    p = pack(tmp_path, quote="notes")
    with open(p / "sources" / "lab-notes.txt", "r+b") as f:
        f.truncate(3_000_000_000)
    out = load_in_subprocess(p, timeout=20)
    assert out.startswith("REFUSED DataError") and f"the limit is {limits.MAX_TEXT_BYTES}" in out


# -- C3, H1: the document's shape is checked before the parser sees it -------------------------


def test_c3_a_long_dotted_key_is_refused_fast(tmp_path: Path) -> None:
    path = tmp_path / "dot.toml"
    path.write_text("[" + ".".join(["a"] * 400_000) + "]\n", encoding="utf-8")
    started = time.monotonic()
    err = refused(path)
    assert time.monotonic() - started < 5
    assert "dotted key" in err.problem and err.line == 1


def test_c3_dotted_keys_at_the_limit_and_past_it(tmp_path: Path) -> None:
    n = limits.MAX_DOTTED_KEY_PARTS
    at = tmp_path / "at.toml"
    at.write_text("x = 1\n[route." + ".".join(["a"] * (n - 1)) + "]\n", encoding="utf-8")
    assert "dotted key" not in refused(at).problem  # parsed; refused later for its content
    past = tmp_path / "past.toml"
    past.write_text('x = 1\n"a.b" . ' + " . ".join(['"c,d"'] * n) + " = 1\n", encoding="utf-8")
    err = refused(past)
    assert "dotted key" in err.problem and err.line == 2


@pytest.mark.parametrize("opener", ["[", "{a="])
def test_h1_toml_nesting_at_the_limit_and_past_it(tmp_path: Path, opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    n = limits.MAX_NESTING_DEPTH
    at = tmp_path / "at.toml"
    at.write_text("x = " + opener * n + "1" * (opener == "[") + closer * n + "\n", encoding="utf-8")
    assert "nest" not in refused(at).problem
    past = tmp_path / "past.toml"
    past.write_text("x = " + opener * 3000 + closer * 3000 + "\n", encoding="utf-8")
    assert f"the limit is {n}" in refused(past).problem


def test_h1_deep_json_is_a_data_error() -> None:
    with pytest.raises(DataError, match="nest"):
        KnowledgeBase.from_json("[" * 100_000 + "]" * 100_000)
    n = limits.MAX_NESTING_DEPTH
    with pytest.raises(DataError, match="a data document is a table") as info:
        KnowledgeBase.from_json("[" * n + "]" * n)
    assert "nest" not in str(info.value)


def test_a_json_number_too_long_for_python_is_a_data_error() -> None:
    with pytest.raises(DataError, match="number is too long"):
        KnowledgeBase.from_json("1" * 4301)


def test_h1_brackets_in_strings_and_comments_do_not_count(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        '# [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n[[route]]\nid = "r-q"\nname = "R Q"\n'
        'description = """' + "[" * 100 + "a.b" * 100 + '"""\n',
        encoding="utf-8",
    )
    kb = KnowledgeBase.from_paths(path)
    assert kb.get("r-q").description.startswith("[[[")


# -- C4: records, nested evidence, texts and quote work are bounded -----------------------------


def test_c4_nested_evidence_counts_as_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_RECORDS_PER_FILE", 10)
    evidence = '[[claim.evidence]]\nsource = "lab-notes"\nquote = "notes"\n'
    p = pack(tmp_path, quote="notes")
    base = (p / "pack.toml").read_text(encoding="utf-8")
    (p / "pack.toml").write_text(base + evidence * 6, encoding="utf-8")  # 3 records + 7 evidence
    assert len(load_pack([p]).claims[0].evidence) == 7  # 10 tables: at the limit
    (p / "pack.toml").write_text(base + evidence * 7, encoding="utf-8")
    with pytest.raises(DataError, match="the limit is 10 per file"):
        load_pack([p])


def test_c4_the_pack_wide_record_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PACK_RECORDS", 4)
    p = pack(tmp_path, quote="notes")  # 3 records and one evidence table
    assert KnowledgeBase.from_paths(p)
    (p / "more.toml").write_text('[[route]]\nid = "r-y"\nname = "R Y"\ndescription = "d"\n', encoding="utf-8")
    assert "over 4 records" in refused(p).problem


def test_c4_text_size_at_the_limit_and_past_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", 100)
    p = pack(tmp_path, quote="notes", text="notes" + "x" * 95)
    assert KnowledgeBase.from_paths(p).source_text("lab-notes").startswith("notes")
    (p / "sources" / "lab-notes.txt").write_text("notes" + "x" * 96, encoding="utf-8")
    err = refused(p)
    assert "the limit is 100" in err.problem and err.record == "lab-notes"


def test_c4_total_texts_and_pack_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = pack(tmp_path, quote="notes", text="notes" * 20)
    monkeypatch.setattr(limits, "MAX_TEXTS_BYTES", 100)
    assert KnowledgeBase.from_paths(p)
    monkeypatch.setattr(limits, "MAX_TEXTS_BYTES", 99)
    assert "texts are over 99 bytes" in refused(p).problem
    monkeypatch.setattr(limits, "MAX_TEXTS_BYTES", 100)
    size = (p / "pack.toml").stat().st_size + 100
    monkeypatch.setattr(limits, "MAX_PACK_BYTES", size)
    assert KnowledgeBase.from_paths(p)
    monkeypatch.setattr(limits, "MAX_PACK_BYTES", size - 1)
    assert f"over {size - 1} bytes" in refused(p).problem


def test_c4_quote_scan_work_at_the_limit_and_past_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = pack(tmp_path, quote="notes", text="notes " * 10)  # 59 characters once normalised
    extra = '[[claim.evidence]]\nsource = "lab-notes"\nquote = "notes notes"\n'
    (p / "pack.toml").write_text((p / "pack.toml").read_text(encoding="utf-8") + extra * 3, encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_QUOTE_SCAN_CHARS", 2 * 59)  # two distinct quotes
    assert KnowledgeBase.from_paths(p)  # repeated quotes are checked once
    monkeypatch.setattr(limits, "MAX_QUOTE_SCAN_CHARS", 2 * 59 - 1)
    err = refused(p)
    assert "scan over" in err.problem and err.field == "evidence.1.quote"


def test_c4_thirty_thousand_quotes_over_a_big_text_end_fast(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    quotes = [f"q{n}" for n in range(30_000)]  # each is in the text, at its very end
    text = "lorem ipsum dolor sit amet " * 290_000 + " END " + " ".join(quotes)
    (tmp_path / "sources" / "t.txt").write_text(text, encoding="utf-8")
    head = SOURCE.replace("lab-notes.txt", "t.txt") + CLAIM.format(quote="END")
    evidence = "".join(f'[[claim.evidence]]\nsource = "lab-notes"\nquote = "{q}"\n' for q in quotes)
    (tmp_path / "p.toml").write_text(head + evidence, encoding="utf-8")
    out = load_in_subprocess(tmp_path, timeout=30)
    assert out.startswith("REFUSED DataError") and "scan over" in out


# -- M3, M7, L6: where errors point, and loads that read nothing -------------------------------

BAD = 'id = "r-bad"\nname = "Route bad"\ndescription = "d"\nbogus = 1\n'
GOOD = 'id = "r-{n}"\nname = "Route {n}"\ndescription = "d"\n'


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("comment", "[[route]] # first\n" + GOOD.format(n=1) + "[[route]]\n" + BAD),
        ("spaced", "[[ route ]]\n" + GOOD.format(n=1) + "[[ route ]]\n" + BAD),
        ("quoted", '[["route"]]\n' + GOOD.format(n=1) + "[['route']]\n" + BAD),
        ("mlstring", "[[route]]\n" + GOOD.format(n=1) + 'note = """\n[[route]]\n"""\n[[route]]\n' + BAD),
    ],
)
def test_m3_error_lines_point_at_the_record(tmp_path: Path, case: str, text: str) -> None:
    path = tmp_path / f"{case}.toml"
    path.write_text(text, encoding="utf-8")
    header = [n for n, line in enumerate(text.splitlines(), 1) if "route" in line and "[[" in line]
    err = refused(path, include_bundled=False)
    assert err.record == "r-bad" and err.line == header[-1]


def test_m3_an_inline_array_gives_the_line_of_its_key(tmp_path: Path) -> None:
    path = tmp_path / "inline.toml"
    path.write_text(
        '\nroute = [{id="r-1", name="R1", description="d"}, {id="r-bad", bogus=1}]\n', encoding="utf-8"
    )
    assert refused(path, include_bundled=False).line == 2


def test_m7_a_load_that_finds_no_data_file_fails(tmp_path: Path) -> None:
    assert "no data file" in refused(tmp_path).problem
    (tmp_path / "A.TOML").write_text("", encoding="utf-8")
    assert "no data file" in refused(tmp_path).problem
    assert "empty path" in refused("").problem


def test_m7_an_unlistable_folder_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(path: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "scandir", denied)
    assert "cannot list the folder" in refused(tmp_path).problem


def test_h3_an_unreadable_text_is_a_data_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = pack(tmp_path, quote="notes")
    real_open = os.open

    def guarded(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith(".txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", guarded)
    err = refused(p)
    assert "Permission denied" in err.problem and err.record == "lab-notes" and err.field == "file"


def test_l6_a_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.format(n=1).join(["[[route]]\n", ""]).encode())
    assert KnowledgeBase.from_paths(path).get("r-1").name == "Route 1"


def test_h11_constructors_check_their_argument_types() -> None:
    with pytest.raises(ketref.QueryTypeError):
        KnowledgeBase.from_directory(None)  # type: ignore[arg-type]
    with pytest.raises(ketref.QueryTypeError):
        KnowledgeBase.from_json("[1]", name=5)  # type: ignore[arg-type]
    with pytest.raises(DataError):
        KnowledgeBase.from_directory("a" * 10_000_000)


# -- C5, H2, H4, H5, M5, M6: units are parsed safely, at load and for callers -------------------

UNIT_PACK = """
[[source]]
id = "web-src"
title = "A web page"
kind = "journal_article"
url = "https://example.org/x"

[[compound]]
id = "cmpd-a"
name = "CMPD-A"
description = "x"
stereo_form = "achiral"

[[claim]]
id = "cmpd-a.binds"
subject = "cmpd-a"
predicate = "binds"
object = "nmda-receptor"
status = "reported"
values = [{{value = 1, unit = "{unit}", measure = "Ki"}}]
[[claim.evidence]]
source = "web-src"
quote = "q"
"""


@pytest.mark.parametrize("unit", ["9**9**9 nM", "nM**99", "blorp", "2*nM", "nM + 1", "(nM", "mg", "1e9 nM"])
def test_c5_h2_a_bad_unit_fails_the_load_naming_the_record(tmp_path: Path, unit: str) -> None:
    path = tmp_path / "p.toml"
    path.write_text(UNIT_PACK.format(unit=unit), encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(ketref.UnitDataError) as info:
        KnowledgeBase.from_paths(path)
    assert time.monotonic() - started < 5
    err = info.value
    assert isinstance(err, ketref.UnitError) and isinstance(err, DataError)
    assert (err.record, err.field, err.line) == ("cmpd-a.binds", "values.0", 14)


def test_c5_a_good_unit_loads_and_the_queries_answer(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(UNIT_PACK.format(unit="µM"), encoding="utf-8")
    kb = KnowledgeBase.from_paths(path)
    assert kb.claim("cmpd-a.binds").values[0].to("nM").low == pytest.approx(1000)
    assert isinstance(kb.conflicts(), tuple)


@pytest.mark.parametrize(
    "call",
    [
        lambda: quantities.convert("9**9**9 mg", "g"),
        lambda: quantities.convert("1 mg", "m**9**9**9"),
        lambda: quantities.dose_for_body_mass("9**9**9 mg/kg", "70 kg"),
        lambda: quantities.ki_to_pki("9**9**9 nM"),
        lambda: quantities.convert(ketref.Value(value=1, unit="mg"), "2**64 g"),
        lambda: ketref.Value(value=1, unit="m").to("m**9**9**9"),
        lambda: quantities.convert("1 mg", "m**5"),
        lambda: quantities.convert("1" * 400 + " mg", "g"),
    ],
)
def test_c5_callers_units_are_guarded_too(call: Any) -> None:
    started = time.monotonic()
    with pytest.raises(ketref.UnitError):
        call()
    assert time.monotonic() - started < 5


def test_c5_the_exponent_limit_at_and_past() -> None:
    n = limits.MAX_UNIT_EXPONENT
    assert quantities.convert(f"1 m**{n}", f"cm**{n}").magnitude == pytest.approx(100.0**n)
    with pytest.raises(ketref.UnitError, match="powers above"):
        quantities.convert(f"1 m**{n + 1}", f"cm**{n + 1}")


def test_h4_value_to_raises_unit_errors_only() -> None:
    with pytest.raises(ketref.UnitError, match="not a value ketref can hold"):
        ketref.Value(value=1e300, unit="kg").to("pg")
    assert ketref.Value(value=1, unit="pM", measure="Ki").to("kM").low == pytest.approx(1e-15)


def test_m5_value_to_keeps_relative_precision() -> None:
    assert ketref.Value(value=1.5, unit="pM").to("M").low == 1.5e-12
    assert ketref.Value(value=2.5, unit="pM").to("M").low == 2.5e-12
    assert ketref.Value(value=3.7, unit="fM").to("M").low == 3.7e-15
    assert str(ketref.Value(value=(0.3, 1.4), unit="µM").to("nM")) == "300–1400 nM"


def test_h5_quantities_refuse_arrays_complex_and_other_registries() -> None:
    import numpy as np
    import pint

    registry = values.unit_registry()
    with pytest.raises(ketref.QueryTypeError):
        quantities.ki_to_pki(registry.Quantity(np.array([1.0, 2.0]), "nM"))
    with pytest.raises(ketref.QueryTypeError):
        quantities.ki_to_pki(registry.Quantity(1j, "nM"))
    with pytest.raises(ketref.QueryTypeError, match="another pint registry"):
        quantities.convert(pint.UnitRegistry().Quantity(1, "mg"), "g")
    deep: list[Any] = []
    inner = deep
    for _ in range(100_000):
        inner.append([])
        inner = inner[0]
    for call in (
        lambda: quantities.convert("1 mg", deep),  # type: ignore[arg-type]
        lambda: quantities.pki_to_ki(6, deep),  # type: ignore[arg-type]
        lambda: ketref.Value(value=1, unit="mg").to(deep),  # type: ignore[arg-type]
    ):
        with pytest.raises(ketref.QueryTypeError):
            call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: quantities.ki_to_pki("nan nM"),
        lambda: quantities.ki_to_pki("inf nM"),
        lambda: quantities.ki_to_pki("1e400 nM"),
        lambda: quantities.dose_for_body_mass("0.5 mg/kg", "-70 kg"),
        lambda: quantities.dose_for_body_mass("-0.5 mg/kg", "70 kg"),
        lambda: quantities.dose_for_body_mass("0.5 mg/kg", "0 kg"),
        lambda: quantities.amount_in_volume("50 mg/mL", "-10 mL"),
        lambda: quantities.ki_to_pki(values.unit_registry().Quantity(float("nan"), "nM")),
    ],
)
def test_m6_impossible_numbers_are_refused(call: Any) -> None:
    with pytest.raises((ketref.UnitError, ketref.InvalidQueryError)):
        call()


# -- C6, C7, H7, H8, M8, M13: chemistry within bounds, messages per thread ----------------------


def test_c6_a_huge_aromatic_ring_fails_fast_within_memory() -> None:
    out = isolated(
        """
        import ketref, time
        started = time.monotonic()
        for smiles in ["c1" + "c" * 20000 + "c1", "c1" + "c" * 30000 + "c1", "C1CC1" * 10000, "C" * 99999]:
            try:
                ketref.identify(smiles)
            except ketref.StructureError as exc:
                print("REFUSED", exc.reason)
        print("seconds", round(time.monotonic() - started, 1))
        """,
        timeout=60,
        memory=3 * 1024**3,
    )
    assert out.count("REFUSED too many atoms") == 4
    assert float(out.split("seconds")[1]) < 10


def test_c6_the_atom_and_ring_limits_at_and_past() -> None:
    n = limits.MAX_ATOMS
    with pytest.raises(ketref.StructureError, match="no entity"):  # parsed: at the limit
        ketref.identify(".".join(["[Na+]"] * n))
    with pytest.raises(ketref.StructureError, match=f"more than {n} atoms"):
        ketref.identify(".".join(["[Na+]"] * (n + 1)))
    with pytest.raises(ketref.StructureError, match=f"has {3 * 400 + 2} atoms"):  # hydrogens count
        ketref.identify("C" * 400)
    r = limits.MAX_RING_SIZE
    with pytest.raises(ketref.StructureError, match="no entity"):
        ketref.identify("C1" + "C" * (r - 2) + "C1")
    with pytest.raises(ketref.StructureError, match=f"ring of {r + 1} atoms"):
        ketref.identify("C1" + "C" * (r - 1) + "C1")
    with pytest.raises(ketref.StructureError, match="no entity"):  # a long branch is no ring
        ketref.identify("C1CC(" + "C" * 100 + ")CC1")


def test_c7_threads_keep_their_own_reasons_and_stderr_survives() -> None:
    out = isolated(
        """
        import os, sys, threading, ketref
        ketref.structure("esketamine")
        bad = ["C1CC", "CC(C", "c1cccc1", "C%", "[Xx]", "C=1=C", "CC)", "B1BB"]
        serial = {}
        for s in bad:
            try:
                ketref.identify(s)
            except ketref.StructureError as exc:
                serial[s] = exc.reason
        barrier = threading.Barrier(16)
        wrong = []
        def work(i):
            barrier.wait()
            s = bad[i % len(bad)]
            for _ in range(20):
                try:
                    ketref.identify(s)
                except ketref.StructureError as exc:
                    if exc.reason != serial[s]:
                        wrong.append((s, exc.reason))
        threads = [threading.Thread(target=work, args=(i,)) for i in range(16)]
        for t in threads: t.start()
        for t in threads: t.join()
        print("wrong", len(wrong), wrong[:2])
        print("fd2", os.readlink("/proc/self/fd/2"))
        sys.stderr.write("MARKER-python\\n"); sys.stderr.flush()
        os.write(2, b"MARKER-fd2\\n")
        """,
        timeout=60,
        memory=None,
    )
    assert "wrong 0 " in out, out
    assert "deleted" not in out.split("fd2")[1]


def test_c7_markers_reach_stderr_after_threads(tmp_path: Path) -> None:
    code = (
        "import os, sys, threading, ketref\n"
        "def work():\n"
        "    for _ in range(20):\n"
        "        try: ketref.identify('B1BB')\n"
        "        except ketref.StructureError: pass\n"
        "ts = [threading.Thread(target=work) for _ in range(16)]\n"
        "[t.start() for t in ts]; [t.join() for t in ts]\n"
        "sys.stderr.write('MARKER-python\\n'); sys.stderr.flush(); os.write(2, b'MARKER-fd2\\n')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert "MARKER-python" in done.stderr and "MARKER-fd2" in done.stderr
    assert "SMILES Parse Error" not in done.stderr  # RDKit's messages stay in the errors


@pytest.mark.parametrize("setup", ["sys.stderr = None", "os.close(2)"])
def test_h8_chemistry_works_without_stderr(setup: str) -> None:
    out = isolated(
        f"""
        import os, sys, ketref
        {setup}
        print(ketref.structure("esketamine").inchikey)
        try:
            ketref.identify("C1CC")
        except ketref.StructureError as exc:
            print("REASON", exc.reason)
        print(ketref.depict("esketamine")[:4])
        """,
        timeout=60,
        memory=None,
    )
    assert "YQEZLKZALYSWHR-ZDUSSCGKSA-N" in out and "REASON SMILES Parse Error: unclosed ring" in out
    assert "<?xm" in out or "<svg" in out


@pytest.mark.parametrize(
    ("size", "error"),
    [
        ("1", ketref.QueryTypeError),
        (None, ketref.QueryTypeError),
        (1.5, ketref.QueryTypeError),
        (True, ketref.QueryTypeError),
        (2**31, ketref.InvalidQueryError),
        (-(2**31), ketref.InvalidQueryError),
        (0, ketref.InvalidQueryError),
    ],
)
def test_h7_depict_checks_width_and_height(size: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        ketref.depict("esketamine", width=size)  # type: ignore[arg-type]
    with pytest.raises(error):
        ketref.depict("esketamine", height=size)  # type: ignore[arg-type]


def test_surrogates_and_m13_give_structure_errors() -> None:
    for text in ["\udcff", "C\udcff", "\ud800CC", "\ud800\x80"]:
        with pytest.raises(ketref.StructureError, match="surrogate"):
            ketref.identify(text)
    with pytest.raises(ketref.StructureError) as info:
        ketref.identify("[CH999]")
    assert info.value.reason and set(info.value.reason) != {"-"}
    assert "InChIKey )" not in str(info.value)


COMPOUND_WITH = """
[[compound]]
id = "my-cmpd"
name = "My compound"
description = "x"
stereo_form = "achiral"
smiles = "{smiles}"
"""


def test_m8_pack_smiles_are_parsed_at_load(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(COMPOUND_WITH.format(smiles="not a smiles (((("), encoding="utf-8")
    err = refused(path)
    assert (err.record, err.field, err.line) == ("my-cmpd", "smiles", 2)
    path.write_text(COMPOUND_WITH.format(smiles="c1" + "c" * 5000 + "c1"), encoding="utf-8")
    assert "atoms" in refused(path).problem


def test_m8_a_pack_structure_may_not_repeat_a_bundled_one(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(COMPOUND_WITH.format(smiles="CN[C@@]1(c2ccccc2Cl)CCCCC1=O"), encoding="utf-8")
    err = refused(path)
    assert err.record == "my-cmpd" and err.field == "smiles" and "'arketamine'" in err.problem
    path.write_text(COMPOUND_WITH.format(smiles="CCO"), encoding="utf-8")
    kb = KnowledgeBase.from_paths(path)
    with pytest.raises(ketref.UnknownEntityError):
        kb.get("AAAAAAAAAAAAAA-BBBBBBBBBB-N")  # an unknown key is unknown, not a structure clash
    assert kb.get("LFQSCWFLJHTTHZ-UHFFFAOYSA-N").id == "my-cmpd"


def test_l2_the_structure_index_cannot_be_changed_by_a_caller() -> None:
    from ketref.chem import relations

    table = relations.structures_by_inchikey(ketref.knowledge_base())
    with pytest.raises(TypeError):
        table["YQEZLKZALYSWHR-ZDUSSCGKSA-N"] = "arketamine"  # type: ignore[index]


# -- C8: path enumeration is shortest first, with a cap on work ---------------------------------


def dense_graph(n: int) -> Any:
    import itertools

    from ketref.pathways.graph import StatusGraph
    from ketref.vocabulary import Status

    nodes = [f"p{i}" for i in range(n)]
    edges = [(a, b, Status.REPORTED) for a, b in itertools.permutations(nodes, 2)]
    edges += [(node, "t", Status.REPORTED) for node in nodes]
    return StatusGraph(edges)


def test_c8_a_dense_graph_gives_the_shortest_paths_fast() -> None:
    graph = dense_graph(14)
    started = time.monotonic()
    found = list(graph.paths("p0", "t"))
    assert time.monotonic() - started < 5
    assert found[0] == ("p0", "t")
    assert [len(p) for p in found] == sorted(len(p) for p in found)  # shortest first
    assert len(found[1:14]) == 13 and all(len(p) == 3 for p in found[1:14])  # every 2-step path


def test_c8_the_step_limit_at_and_past(monkeypatch: pytest.MonkeyPatch) -> None:
    graph = dense_graph(3)  # p0 -> t; p0 -> p1 -> t; p0 -> p2 -> t; p0 -> p1 -> p2 -> t; ...
    everything = list(graph.paths("p0", "t"))
    assert len(everything) == 5
    steps = 5 * 3  # each of the five partial paths looks at its three edges; t is the last
    monkeypatch.setattr(limits, "MAX_PATH_STEPS", steps)
    assert list(graph.paths("p0", "t")) == everything
    monkeypatch.setattr(limits, "MAX_PATH_STEPS", steps - 1)
    assert list(graph.paths("p0", "t")) == everything[:-1]


def test_c8_a_pack_pathway_answers_fast(tmp_path: Path) -> None:
    import itertools

    from ketref.pathways.build import build_pathway

    n = 13
    parts = [
        '[[source]]\nid="web"\ntitle="w"\nkind="journal_article"\nurl="https://example.org"\n',
        '[[compound]]\nid="cmpd"\nname="Cmpd"\ndescription="x"\nstereo_form="achiral"\n',
        '[[process]]\nid="tgt"\nname="Tgt"\ndescription="x"\n',
    ]
    parts += [f'[[process]]\nid="p{i}"\nname="P{i}"\ndescription="x"\n' for i in range(n)]
    pairs = [("cmpd", "p0")] + [(f"p{a}", f"p{b}") for a, b in itertools.permutations(range(n), 2)]
    pairs += [(f"p{i}", "tgt") for i in range(n)]
    for k, (a, b) in enumerate(pairs):
        parts.append(
            f'[[claim]]\nid="c{k}"\nsubject="{a}"\npredicate="leads_to"\nobject="{b}"\nstatus="reported"\n'
            '[[claim.evidence]]\nsource="web"\nquote="q"\n'
        )
    (tmp_path / "p.toml").write_text("\n".join(parts), encoding="utf-8")
    pathway = build_pathway(KnowledgeBase.from_paths(tmp_path), "cmpd")
    started = time.monotonic()
    found = pathway.paths("p0", "tgt")
    assert time.monotonic() - started < 10
    assert found[0].nodes == ("p0", "tgt") and len(found) > 1


# -- M1, M2, L10: a pack can never shadow a bundled identity -----------------------------------


def route_named(tmp_path: Path, name: str, synonyms: tuple[str, ...] = ()) -> Path:

    path = tmp_path / "p.toml"
    text = f'[[route]]\nid = "evil"\nname = {json.dumps(name)}\nsynonyms = {json.dumps(list(synonyms))}\n'
    path.write_text(text + 'description = "d"\n', encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("synonym", "owner"),
    [
        ("CHEBI:60799", "esketamine"),
        ("chebi:60799", "esketamine"),
        ("pubchem.compound:182137", "esketamine"),
        ("PubChem.Compound:182137", "esketamine"),
        ("ketref:esketamine", "esketamine"),
        ("KETREF:Arketamine", "arketamine"),
    ],
)
def test_m1_a_pack_name_may_not_pose_as_a_bundled_identifier(
    tmp_path: Path, synonym: str, owner: str
) -> None:
    err = refused(route_named(tmp_path, "Evil", ("fine", synonym)))
    assert (err.record, err.field) == ("evil", "synonyms.1")
    assert f"identifier of {owner!r}" in err.problem
    assert ketref.get(synonym).id == owner  # the bundled answer is unchanged


def test_m1_an_inchikey_shaped_name_of_another_entity_is_refused(tmp_path: Path) -> None:
    key = next(
        x.curie.split(":", 1)[1] for x in ketref.get("arketamine").xrefs if x.curie.startswith("inchikey:")
    )
    err = refused(route_named(tmp_path, "Evil", (key,)))
    assert "identifier of 'arketamine'" in err.problem


LOOKALIKES = [
    "Еsketamine",  # Cyrillic capital Ie
    "Esketamіne",  # Ukrainian i
    "Esketamıne",  # dotless i
    "Eśketamine",  # an accent
    "Εsketamine",  # Greek capital Epsilon
    "Esketαmine",  # Greek alpha
    "Еѕкеtаmіnе",  # mostly Cyrillic
    "E s k e t a m i n e",
    "ESKETAMINE",
]


@pytest.mark.parametrize("name", LOOKALIKES)
def test_m2_look_alike_names_name_both_records(tmp_path: Path, name: str) -> None:
    err = refused(route_named(tmp_path, name))
    assert (err.record, err.field) == ("evil", "name")
    assert "'esketamine'" in err.problem
    assert "looks like" in err.problem or "would name both 'esketamine' and 'evil'" in err.problem


@pytest.mark.parametrize(
    "char", ["\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\x00", "\n", "\x1b"]
)
def test_m2_l10_hidden_and_control_characters_are_refused(tmp_path: Path, char: str) -> None:
    err = refused(route_named(tmp_path, f"Odd{char}route"))
    assert (err.record, err.field) == ("evil", "name")
    assert f"U+{ord(char):04X}" in err.problem


def test_a_distinct_name_still_loads(tmp_path: Path) -> None:
    kb = KnowledgeBase.from_paths(route_named(tmp_path, "Intrathecal drip", ("IT drip",)))
    assert kb.get("IT drip").id == "evil"


def test_name_length_at_the_limit_and_past(tmp_path: Path) -> None:
    n = limits.MAX_NAME_CHARS
    assert KnowledgeBase.from_paths(route_named(tmp_path, "R" + "x" * (n - 1))).get("evil")
    assert "200 characters" in refused(route_named(tmp_path, "R" + "x" * n)).problem


def test_a_unique_name_within_one_pack_is_checked_too(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        '[[route]]\nid = "a"\nname = "Quux"\ndescription = "d"\n\n'
        '[[route]]\nid = "b"\nname = "Quuх"\ndescription = "d"\n',  # a Cyrillic х
        encoding="utf-8",
    )
    err = refused(path)
    assert err.record == "b" and "'a'" in err.problem and err.line == 6


# -- H12: error messages never run or embed the caller's whole argument -------------------------


class _Hostile:
    def __str__(self) -> str:
        raise RuntimeError("str boom")

    def __repr__(self) -> str:
        raise RuntimeError("repr boom")

    def __hash__(self) -> int:
        raise RuntimeError("hash boom")


@pytest.mark.parametrize(
    "call",
    [
        lambda v: ketref.claims(negated=v),
        lambda v: ketref.claims("esketamine", inherit=v),
        lambda v: ketref.adverse_effects("esketamine", inherit=v),
        lambda v: ketref.pathway("esketamine", inherit=v),
        lambda v: ketref.export(v),
        lambda v: ketref.table(v),
        lambda v: quantities.pki_to_ki(v),
    ],
)
def test_h12_messages_show_arguments_briefly_and_safely(call: Any) -> None:
    deep: list[Any] = []
    inner = deep
    for _ in range(100_000):
        inner.append([])
        inner = inner[0]
    for value in (deep, _Hostile(), "x" * 10_000_000):
        with pytest.raises(ketref.KetrefError) as info:
            call(value)
        assert len(str(info.value)) < 2000


# -- M8: references name an entity of the right kind --------------------------------------------


@pytest.mark.parametrize(
    ("record", "field", "words"),
    [
        ('[[salt]]\nid = "x-salt"\nname = "X salt"\ndescription = "d"\nparent = "nausea"\n'
         'counterion = "chloride"\n', "parent", "not a compound"),
        ('[[process]]\nid = "x-block"\nname = "X blockade"\ndescription = "d"\nblockade_of = "spravato"\n',
         "blockade_of", "not a target"),
        ('[[claim]]\nid = "c.k"\nsubject = "esketamine"\npredicate = "has_adverse_effect"\n'
         'object = "nausea"\nstatus = "reported"\ncontext = {route = "nausea"}\n'
         '[[claim.evidence]]\nsource = "benchchem-guide"\nquote = "q"\n', "context.route", "not a route"),
    ],
)  # fmt: skip
def test_m8_references_of_the_wrong_kind_are_refused(
    tmp_path: Path, record: str, field: str, words: str
) -> None:
    path = tmp_path / "p.toml"
    path.write_text(record, encoding="utf-8")
    err = refused(path)
    assert err.field == field and words in err.problem and err.line == 1


# -- H11, L8, L9: odd argument types and values give a KetrefError that says what was wrong -------


@pytest.mark.parametrize("odd", [["esketamine"], 5, b"esketamine", ("a",), {"a": 1}])
def test_h11_readings_and_origin_refuse_non_text(odd: object) -> None:
    kb = ketref.knowledge_base()
    for call in (
        lambda: kb.readings(subject=odd),  # type: ignore[arg-type]
        lambda: kb.readings(predicate=odd),  # type: ignore[arg-type]
        lambda: kb.readings(object=odd),  # type: ignore[arg-type]
        lambda: kb.origin(odd, "esketamine"),  # type: ignore[arg-type]
        lambda: kb.origin("entity", odd),  # type: ignore[arg-type]
    ):
        with pytest.raises(ketref.QueryTypeError, match=r"is text, not"):
            call()


def test_h11_origin_names_the_record_kinds_and_still_answers() -> None:
    kb = ketref.knowledge_base()
    with pytest.raises(ketref.InvalidQueryError, match="entity, source, claim, conflict, exclusion"):
        kb.origin("compound", "esketamine")
    found = kb.origin("entity", "esketamine")
    assert found is not None and found.file.endswith(("snapshot.json", ".toml"))
    assert kb.origin("claim", "no-such-claim") is None
    assert kb.readings(subject="esketamine", predicate="binds")  # text still works


def test_l8_from_paths_checks_include_bundled(tmp_path: Path) -> None:
    import numpy as np

    for odd in (np.array([1, 2]), "no", 1, None):
        with pytest.raises(ketref.QueryTypeError, match="include_bundled is True or False"):
            KnowledgeBase.from_paths(pack(tmp_path), include_bundled=odd)  # type: ignore[arg-type]


def test_l8_table_marks_and_comparison_rows_check_their_arguments() -> None:
    import numpy as np

    table = ketref.table("forms")
    first = table.footnotes[0]
    assert table.marks((first,)) == "[1]" and table.marks(()) == ""
    for odd in (5, "x", [1, 2], None):
        with pytest.raises(ketref.QueryTypeError):
            table.marks(odd)  # type: ignore[arg-type]
    with pytest.raises(ketref.UnknownClaimError, match="this table cites no such claim"):
        table.marks(("no-such-claim",))
    comparison = ketref.compare("esketamine", "arketamine")
    for args in ((np.array([1, 2]), "x"), (5, None), ("binds", b"x")):
        with pytest.raises(ketref.QueryTypeError):
            comparison.row(*args)
    with pytest.raises(ketref.QueryTypeError):
        comparison.row("binds", "nmda-receptor", aspect=np.array([1]))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("seed", "error"),
    [
        (-1, ketref.InvalidQueryError),
        (2**63, ketref.InvalidQueryError),
        (-(10**5000), ketref.InvalidQueryError),
        (1.5, ketref.QueryTypeError),
        ("1", ketref.QueryTypeError),
        (None, ketref.QueryTypeError),
        (True, ketref.QueryTypeError),
    ],
    ids=["negative", "2**63", "huge-negative", "float", "text", "none", "bool"],
)
def test_l9_the_quiz_seed_is_checked(seed: object, error: type[Exception]) -> None:
    from ketref import teaching
    from ketref.quiz import question_pool

    kb = ketref.knowledge_base()
    with pytest.raises(error) as info:
        teaching.quiz(kb, 3, seed)  # type: ignore[arg-type]
    assert len(str(info.value)) < 200  # a huge seed is described, not printed
    with pytest.raises(error):
        question_pool(kb, seed=seed)  # type: ignore[arg-type]


def test_l9_seeds_at_the_ends_of_the_range_work_and_differ_from_their_negatives() -> None:
    from ketref import teaching
    from ketref.quiz import MAX_SEED

    kb = ketref.knowledge_base()
    assert len(teaching.quiz(kb, 3, 0)) == 3
    assert len(teaching.quiz(kb, 3, MAX_SEED)) == 3
    with pytest.raises(ketref.InvalidQueryError):  # -s used to give the same quiz as s
        teaching.quiz(kb, 3, -MAX_SEED)


# -- L1, L2: the vocabulary and the knowledge base's tables are read-only -----------------------


def test_l1_predicates_are_read_only() -> None:
    from ketref.vocabulary import KIND_TIERS, SourceKind

    before = dict(ketref.PREDICATES)
    with pytest.raises(TypeError):
        del ketref.PREDICATES["binds"]  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        ketref.PREDICATES["binds"] = ketref.PREDICATES["activates"]  # type: ignore[index]
    with pytest.raises(TypeError):
        KIND_TIERS[SourceKind.BLOG_SUMMARY] = KIND_TIERS[SourceKind.REGULATOR]  # type: ignore[index]
    assert dict(ketref.PREDICATES) == before and "binds" in ketref.PREDICATES


def test_l2_exclusions_and_pack_entities_cannot_be_assigned(tmp_path: Path) -> None:
    kb = ketref.knowledge_base()
    before = kb.exclusions
    assert before  # the bundled data curates some
    with pytest.raises(AttributeError):
        kb.exclusions = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        kb.pack_entities = frozenset({"esketamine"})  # type: ignore[misc]
    assert kb.exclusions is before and isinstance(before, tuple)
    assert KnowledgeBase.from_paths(pack(tmp_path, quote="notes")).pack_entities == {"r-x"}


# -- M4: every load error names the file, the record and the field ------------------------------

SENTENCE = "A sentence about the weather that no claim needs to quote, long enough to be cut."
EXCLUSION = f"""
[[exclusion]]
source = "{{source}}"
sentence = "{SENTENCE}"
reason = "heading"
"""


def test_m4_a_bad_exclusion_names_its_file_line_record_and_field(tmp_path: Path) -> None:
    p = pack(tmp_path, quote="notes")
    with (p / "pack.toml").open("a", encoding="utf-8") as handle:
        handle.write(EXCLUSION.format(source="no-such-source"))
    err = refused(p)
    assert err.file == str(p / "pack.toml") and err.file != "<memory>"
    assert err.line == 2 + (SOURCE + CLAIM).count("\n")  # the [[exclusion]] header
    assert err.field == "source" and "no source has id 'no-such-source'" in err.problem
    assert err.record == f"no-such-source: {SENTENCE[:57]}..."  # named by its source and sentence


def test_m4_an_exclusion_with_a_bad_value_names_it_too(tmp_path: Path) -> None:
    p = pack(tmp_path, quote="notes")
    with (p / "pack.toml").open("a", encoding="utf-8") as handle:
        handle.write(EXCLUSION.format(source="lab-notes").replace('"heading"', '"weather"'))
    err = refused(p)
    assert err.file == str(p / "pack.toml") and err.field == "reason"
    assert err.record == f"lab-notes: {SENTENCE[:57]}..."


def test_m4_a_good_exclusion_has_an_origin(tmp_path: Path) -> None:
    from ketref.loader import exclusion_key

    p = pack(tmp_path, quote="notes")
    with (p / "pack.toml").open("a", encoding="utf-8") as handle:
        handle.write(EXCLUSION.format(source="lab-notes"))
    kb = KnowledgeBase.from_paths(p)
    (mine,) = (x for x in kb.exclusions if x.source == "lab-notes")
    origin = kb.origin("exclusion", exclusion_key(mine))
    assert origin is not None and origin.file == str(p / "pack.toml")


def test_m4_a_dangling_conflict_side_gives_no_empty_hint(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        '[[conflict]]\nid = "cf-x"\nkind = "other"\ntopic = "t"\nside_a = ["zzqqxx"]\nside_b = ["zzqqxy"]\n',
        encoding="utf-8",
    )
    err = refused(path)
    assert (err.field, err.line, err.record) == ("side_a.0", 1, "cf-x")
    assert err.problem == "no claim has id 'zzqqxx'"  # no "close: " with nothing after it


# -- M10: the JSON round trip of a pack is lossless ----------------------------------------------

WORDS = st.text(
    alphabet=st.sampled_from("abcXYZ019éßΩ中µ±\"\\'{}[]<>&;:,.-\u2028\x7f\x01"), min_size=1, max_size=8
).filter(str.strip)  # a word of line separators alone would make an empty quote: an invalid pack


def round_trip_pack(folder: Path, words: list[str], start: int, length: int, sep: str) -> Path:
    folder.mkdir()
    (folder / "sources").mkdir()
    text = sep.join(words) + "\n"
    quote = " ".join(words[start : start + length])
    (folder / "sources" / "lab-notes.txt").write_text(text, encoding="utf-8")
    (folder / "pack.toml").write_text(
        SOURCE
        + CLAIM.replace('"{quote}"', json.dumps(quote))  # JSON escapes are TOML escapes
        + EXCLUSION.format(source="lab-notes"),
        encoding="utf-8",
    )
    return folder


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(WORDS, min_size=1, max_size=40),
    start=st.integers(min_value=0, max_value=39),
    length=st.integers(min_value=1, max_value=5),
    sep=st.sampled_from([" ", "\n", "\t \n  "]),
)
def test_m10_the_json_round_trip_of_a_pack_is_lossless(
    tmp_path_factory: pytest.TempPathFactory, words: list[str], start: int, length: int, sep: str
) -> None:
    start = min(start, len(words) - 1)
    folder = round_trip_pack(tmp_path_factory.mktemp("rt") / "p", words, start, length, sep)
    kb = KnowledgeBase.from_paths(folder)
    again = KnowledgeBase.from_json(kb.export("json"))
    assert dict(again.entities) == dict(kb.entities)
    assert again.sources() == kb.sources()  # same records, same order (seeds first)
    assert again.all_claims() == kb.all_claims()
    assert again.conflict_records() == kb.conflict_records()
    assert again.exclusions == kb.exclusions
    for source in kb.sources():
        assert again.is_bundled_seed(source.id) == kb.is_bundled_seed(source.id)
    text = (folder / "sources" / "lab-notes.txt").read_text(encoding="utf-8")  # independent of ketref
    assert again.source_text("lab-notes") == text == kb.source_text("lab-notes")
    assert not again.is_bundled_seed("lab-notes")
    assert again.export("json") == kb.export("json")  # and the export is a fixed point


def test_m10_json_texts_are_checked(tmp_path: Path) -> None:

    kb = KnowledgeBase.from_paths(pack(tmp_path, quote="notes"))
    document = json.loads(kb.export("json"))
    assert document["source_text"] == [{"source": "lab-notes", "text": "notes\n"}]
    cases = [
        ([{"source": "lab-notes", "text": "other words"}], "the quote is not in the text", "claim"),
        ([{"source": "nope", "text": "x"}], "no source of this document with a 'file'", "lab"),
        ([{"source": "lab-notes", "text": "notes"}] * 2, "a second text for the same source", "lab"),
        ([{"source": "lab-notes"}], "Field required", "lab"),
        ({"source": "lab-notes"}, "must be an array", "lab"),
    ]
    for texts, problem, _ in cases:
        document["source_text"] = texts
        with pytest.raises(DataError, match=problem):
            KnowledgeBase.from_json(json.dumps(document))


def test_m10_json_texts_within_the_limit_and_past(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:

    kb = KnowledgeBase.from_paths(pack(tmp_path, quote="notes"))
    document = json.loads(kb.export("json"))
    monkeypatch.setattr(limits, "MAX_TEXTS_BYTES", len("notes\n"))
    assert KnowledgeBase.from_json(json.dumps(document)).source_text("lab-notes") == "notes\n"
    document["source_text"][0]["text"] = "notes\n!"
    with pytest.raises(DataError, match="over 6 characters"):
        KnowledgeBase.from_json(json.dumps(document))


def test_m10_a_toml_file_cannot_carry_texts(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text('[[source_text]]\nsource = "x"\ntext = "y"\n', encoding="utf-8")
    assert "belongs to JSON exports only" in refused(path).problem


def test_m10_a_json_text_missing_is_said_plainly(tmp_path: Path) -> None:

    kb = KnowledgeBase.from_paths(pack(tmp_path, quote="notes"))
    document = json.loads(kb.export("json"))
    del document["source_text"]  # an export from before texts travelled
    again = KnowledgeBase.from_json(json.dumps(document))
    assert not again.is_bundled_seed("lab-notes")
    with pytest.raises(ketref.UnknownSourceError, match="neither shipped with ketref nor loaded"):
        again.source_text("lab-notes")


# -- M11: a huge query costs no time --------------------------------------------------------------

HUGE_QUERY = " ".join(f"w{i:07d}" for i in range(1_200_000))  # 10.8 MB of distinct words


@pytest.mark.parametrize(
    "call",
    [
        lambda q: ketref.search(q),
        lambda q: ketref.get(q),
        lambda q: ketref.claims(q),
        lambda q: ketref.claims(predicate=q),
        lambda q: ketref.claims(status=q),
        lambda q: ketref.get("esketamine", kind=q),
        lambda q: ketref.source(q),
        lambda q: ketref.claim(q),
        lambda q: ketref.profile(q),
    ],
    ids=["search", "get", "claims", "predicate", "status", "kind", "source", "claim", "profile"],
)
def test_m11_a_huge_query_is_answered_at_once(call: Any) -> None:
    ketref.search("ketamine")  # the knowledge base and the search index are built beforehand
    started = time.monotonic()
    with pytest.raises(ketref.KetrefError):
        call(HUGE_QUERY)
    assert time.monotonic() - started < 0.5  # it took 7-15 s before (a suggestion search)


def test_m11_the_query_limit_at_and_past() -> None:
    at = HUGE_QUERY[: limits.MAX_QUERY_CHARS]
    assert ketref.search(at) == ()  # no name or description holds these words: an empty answer
    assert ketref.search(("ketamine " * 2000)[: limits.MAX_QUERY_CHARS])  # a long query still matches
    with pytest.raises(ketref.UnknownEntityError):
        ketref.get(at)
    with pytest.raises(ketref.InvalidQueryError, match=f"at most {limits.MAX_QUERY_CHARS} characters"):
        ketref.search(at + "k")
    with pytest.raises(ketref.InvalidQueryError, match=f"at most {limits.MAX_QUERY_CHARS} characters"):
        ketref.get(at + "k")


def test_m10_the_json_length_limit_at_and_past(monkeypatch: pytest.MonkeyPatch) -> None:
    text = '{"route": [{"id": "r-1", "name": "Route 1", "description": "d"}]}'
    monkeypatch.setattr(limits, "MAX_JSON_CHARS", len(text))
    assert KnowledgeBase.from_json(text).get("r-1").name == "Route 1"
    with pytest.raises(DataError, match=f"the limit is {len(text)}"):
        KnowledgeBase.from_json(text + " ")


@pytest.mark.parametrize("name", ["\x00", "a\x00b", "\ud800"])
def test_from_directory_with_a_nul_or_a_lone_surrogate_is_a_data_error(name: str) -> None:
    with pytest.raises(DataError, match="not a usable folder name"):  # ValueError, UnicodeEncodeError before
        KnowledgeBase.from_directory(name)


# -- L3: an empty option is a usage error, not "absent" -------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--out", ""],
        ["depict", "esketamine", "--out", ""],
        ["flashcards", "--out", ""],
        ["table", "forms", "--out", ""],
        ["lecture", "--out", ""],
    ],
    ids=["export", "depict", "flashcards", "table", "lecture"],
)
def test_l3_an_empty_out_is_a_usage_error(argv: list[str]) -> None:
    import io

    from ketref.cli import main

    out, err = io.StringIO(), io.StringIO()
    assert main(argv, out=out, err=err) == 2  # export and depict printed to stdout with exit 0
    assert out.getvalue() == "" and "--out needs a file name" in err.getvalue()


def test_l3_an_empty_coverage_source_is_an_error() -> None:
    import io

    from ketref.cli import main

    out, err = io.StringIO(), io.StringIO()
    assert main(["coverage", "--source", ""], out=out, err=err) == 1  # it listed every seed
    assert out.getvalue() == "" and "empty source query" in err.getvalue()


# -- M4, M14, L5: regression tests for findings fixed under other items ---------------------------


def test_m4_a_name_collision_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('[[route]]\nid = "r-x"\nname = "R X"\nsynonyms = ["Spravato"]\ndescription = "d"\n')
    err = refused(path)  # the field was None
    assert (err.file, err.line, err.record, err.field) == (str(path), 1, "r-x", "synonyms.0")
    assert "'spravato'" in err.problem


def test_m14_a_closed_stderr_keeps_error_text_out_of_stdout() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ketref", "show", "no-such-entity-anywhere"],
        capture_output=False,
        stdout=subprocess.PIPE,
        preexec_fn=lambda: os.close(2),
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert b"no entity matches" not in done.stdout and done.stdout == b""


def test_l5_a_pack_pathway_resolves_its_own_names() -> None:
    from ketref.pathways.api import pathway

    kb = KnowledgeBase.from_paths(Path(__file__).parent.parent / "examples" / "lecture-pack")
    view = pathway(kb, "Examplamine")
    assert "alpha-example-receptor" in view.downstream("Examplamine")  # the bundled KB knows no such name
    assert view.node("Alpha example receptor").id == "alpha-example-receptor"


# -- found by the long fuzz run: a run of unclosed "[" in a SMILES ---------------------------------


@pytest.mark.parametrize("text", ["[" * 99_999, "[C" * 49_999, "[C[" * 33_333], ids=["[", "[C", "[C["])
def test_unclosed_brackets_in_a_smiles_are_refused_fast(text: str) -> None:
    ketref.identify("CN[C@]1(c2ccccc2Cl)CCCCC1=O")  # RDKit and the structure index are built first
    started = time.monotonic()
    with pytest.raises(ketref.StructureError):
        ketref.identify(text)
    assert time.monotonic() - started < 2  # "[" * 50,000 took 12 s in ketref's own SMILES tokenizer


def test_kinds_are_read_only() -> None:
    from ketref.vocabulary import KINDS, EntityKind

    with pytest.raises(TypeError):
        KINDS[EntityKind.COMPOUND] = KINDS[EntityKind.SALT]  # type: ignore[index]
    assert KINDS[EntityKind.COMPOUND].label == "compound"
