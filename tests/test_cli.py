"""The command line: readable text, JSON on request, clean failures, the disclaimer."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import ketref
from ketref import DISCLAIMER
from ketref.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_compare_prints_the_affinity_difference_and_the_disclaimer_apart() -> None:
    code, out, err = run("compare", "esketamine", "arketamine", "--detail")
    assert code == 0, err
    assert "binds nmda-receptor (affinity): esketamine greater" in out
    assert "(S)-ketamine has a 3- to 4-fold greater affinity" in out
    assert DISCLAIMER not in out  # results alone on standard output, so a pipe gets them clean
    assert err.strip() == DISCLAIMER


def test_show_lists_identifiers_and_claims() -> None:
    code, out, _ = run("show", "Spravato")
    assert code == 0
    assert "Spravato  (product, id spravato)" in out
    assert "has the active ingredient esketamine-hydrochloride" in out


def test_search_table() -> None:
    code, out, _ = run("search", "sigma")
    assert code == 0
    assert "sigma-1-receptor" in out
    assert out.splitlines()[0].split() == ["score", "id", "kind", "matched"]


def test_claims_with_filters() -> None:
    code, out, _ = run(
        "claims", "--object", "nmda-receptor", "--comparator", "esketamine", "--direction", "lesser"
    )
    assert code == 0
    expected = len(ketref.claims(object="nmda-receptor", comparator="esketamine", direction="lesser"))
    assert expected >= 2
    assert out.startswith(f"{expected} claims")


@pytest.mark.parametrize("command", ["sources", "conflicts"])
def test_listing_commands(command: str) -> None:
    code, out, err = run(command)
    assert code == 0
    assert out.strip() and DISCLAIMER not in out
    assert DISCLAIMER in err


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "esketamine"],
        ["search", "ketamine"],
        ["claims", "--subject", "arketamine"],
        ["compare", "esketamine", "racemic ketamine"],
        ["sources"],
        ["conflicts"],
    ],
)
def test_json_output_parses(argv: list[str]) -> None:
    code, out, _ = run(*argv, "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["disclaimer"] == DISCLAIMER
    assert payload["result"]


def test_unknown_name_exits_non_zero_with_suggestions_and_no_traceback() -> None:
    code, out, err = run("show", "esketamin")
    assert code == 1
    assert out == ""
    assert "did you mean" in err and "esketamine" in err.lower()
    assert "Traceback" not in err


def test_bad_filter_is_reported_plainly() -> None:
    code, _, err = run("claims", "--predicate", "antagonises")
    assert code == 1
    assert "no predicate matches 'antagonises'" in err


def test_usage_error_exits_2() -> None:
    code, _, _ = run("frobnicate")
    assert code == 2


def test_module_entry_point_runs_in_a_fresh_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ketref", "show", "nope-nothing"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "no entity matches 'nope-nothing'" in done.stderr


def test_coverage_table_has_no_uncovered_sentence() -> None:
    code, out, _ = run("coverage")
    assert code == 0
    lines = [line.split() for line in out.splitlines()[2:7]]
    assert {row[0] for row in lines} == {
        "ayafusion-clinic",
        "meta-analysis-blog",
        "benchchem-guide",
        "qa-aggregator",
        "clinic-article",
    }
    assert all(row[-1] == "0" for row in lines)


def test_adverse_effects_and_unique() -> None:
    code, out, _ = run("adverse-effects", "esketamine")
    assert code == 0 and out.splitlines()[0].split()[:2] == ["effect", "sources"]
    code, out, _ = run("unique", "ayafusion-clinic")
    assert code == 0 and "that only ayafusion-clinic makes" in out


def test_claims_inherit_marks_inherited_claims() -> None:
    code, out, _ = run("claims", "--subject", "esketamine", "--predicate", "has_adverse_effect", "--inherit")
    assert code == 0
    assert "[inherited by esketamine from the unspecified form]" in out


def test_structure_identify_stereoisomers(tmp_path: Path) -> None:
    code, out, _ = run("structure", "esketamine")
    assert code == 0 and "C13H16ClNO" in out and "YQEZLKZALYSWHR-ZDUSSCGKSA-N" in out
    code, out, _ = run("identify", "CN[C@@]1(c2ccccc2Cl)CCCCC1=O")
    assert code == 0 and out.startswith("Arketamine")
    code, out, _ = run("stereoisomers", "hydroxynorketamine")
    assert code == 0 and out.count("enantiomers") == 2
    code, _, err = run("identify", "C1CC(")
    assert code == 1 and "not a valid smiles" in err and "Traceback" not in err


def test_depict_to_stdout_is_pure_svg_and_to_a_file(tmp_path: Path) -> None:
    code, out, _ = run("depict", "esketamine")
    assert code == 0 and out.rstrip().endswith("</svg>")
    target = tmp_path / "esk.svg"
    code, out, _ = run("depict", "esketamine", "--out", str(target))
    assert code == 0 and target.read_text(encoding="utf-8").rstrip().endswith("</svg>")
    code, _, err = run("depict", "esketamine", "--out", str(tmp_path / "missing" / "x.svg"))
    assert code == 1 and "cannot write" in err


@pytest.mark.parametrize("fmt", ["mermaid", "dot"])
def test_pathway_diagram_text_is_pure(fmt: str) -> None:
    code, out, _ = run("pathway", "arketamine", "--format", fmt)
    assert code == 0
    assert out.startswith("flowchart LR" if fmt == "mermaid" else "digraph pathway {")
    assert DISCLAIMER not in out.splitlines()[-1]


def test_pathway_text_compare_and_paths(tmp_path: Path) -> None:
    code, out, _ = run("pathway", "esketamine")
    # Readers see display names, never ids, in the text view.
    assert code == 0 and out.startswith("pathway of Esketamine (core view):")
    assert "Glutamate surge --activates--> AMPA receptor" in out
    assert "ampa-receptor" not in out.split("claims:")[0]
    assert "sources: " in out
    code, out, _ = run("pathway", "esketamine", "--compare", "arketamine")
    assert code == 0 and "only Arketamine" in out and "*" not in out
    assert "Each binds Sigma-1 receptor  (both; arketamine higher affinity)" in out
    code, out, _ = run("paths", "esketamine", "nmda-receptor-blockade", "mtor")
    assert code == 0 and "-> mTOR" in out and "from NMDA receptor blockade to mTOR" in out
    code, out, _ = run("pathway", "esketamine", "--format", "mermaid", "--out", str(tmp_path / "p.mmd"))
    assert code == 0 and (tmp_path / "p.mmd").read_text(encoding="utf-8").startswith("flowchart")


def test_pk_and_folds() -> None:
    code, out, _ = run("pk", "esketamine")
    assert code == 0 and "elimination-half-life" in out and "7–12 hour" in out
    code, out, _ = run("folds")
    assert code == 0 and "esketamine over arketamine at nmda-receptor: 4.67-fold" in out
    assert "by wikipedia-ketamine-mirror-older: CONFLICTS" in out and "within rounding" not in out


@pytest.mark.parametrize("fmt", ["md", "html", "rst", "csv", "latex"])
def test_table_command_formats(fmt: str) -> None:
    code, out, _ = run("table", "forms", "--format", fmt)
    assert code == 0
    assert "Esketamine" in out
    assert DISCLAIMER not in out  # the table text stays pure for its format


def test_factsheet_quiz_flashcards(tmp_path: Path) -> None:
    code, out, _ = run("factsheet", "esketamine", "--format", "md")
    assert code == 0 and out.startswith("# Esketamine")
    code, out, _ = run("quiz", "--n", "2", "--seed", "4")
    assert code == 0 and out.count("   A. ") == 2 and "Answer key" in out
    assert out.count(DISCLAIMER) == 1
    code, out, err = run("quiz", "--n", "900", "--format", "gift")
    assert code == 0 and out.startswith("// ketref quiz") and "made " in err and " of 900 questions" in err
    code, _, err = run("quiz", "--min-grade", "E")
    assert code == 1 and "A, B, C, D" in err
    target = tmp_path / "cards.txt"
    code, out, _ = run("flashcards", "--out", str(target))
    assert code == 0 and target.read_text(encoding="utf-8").startswith("#separator:tab")
    code, _, err = run("table", "nope")
    assert code == 1 and "no table matches 'nope'" in err


# -- conventions: streams, --json anywhere, --out, exit codes (#12) and the environment (#17) -------


def test_json_is_accepted_before_or_after_the_command_and_by_every_printing_command() -> None:
    from ketref.cli.commands import COMMANDS

    before, after = run("--json", "show", "esketamine"), run("show", "esketamine", "--json")
    assert before == after and before[0] == 0
    for argv in (
        ["table", "forms"],
        ["export", "--format", "turtle"],
        ["pathway", "esketamine", "--format", "dot"],
    ):
        code, out, err = run(*argv, "--json")
        assert code == 0, err
        assert json.loads(out)["disclaimer"] == DISCLAIMER and err == ""
    assert {"table", "export", "factsheet", "quiz", "flashcards", "pathway", "completion"} <= set(COMMANDS)


def test_a_table_as_json_is_the_structured_table() -> None:
    code, out, _ = run("table", "forms", "--json")
    result = json.loads(out)["result"]
    assert code == 0 and result["name"] == "forms"
    assert result["columns"] == ["Topic", "Racemic ketamine", "Esketamine", "Arketamine"]
    assert set(result["citations"]) == set(ketref.table("forms").footnotes)


def test_out_dash_is_standard_output_and_a_file_is_written_whole(tmp_path: Path) -> None:
    code, out, err = run("table", "forms", "--out", "-")
    assert code == 0 and out == ketref.table("forms").to_markdown() and err == ""
    assert not Path("-").exists()
    target = tmp_path / "forms.csv"
    code, out, err = run("table", "forms", "--format", "csv", "--out", str(target))
    assert code == 0 and out == ""
    assert err.strip() == f"wrote {target}"
    assert target.read_text(encoding="utf-8") == ketref.table("forms").to_csv()
    assert [p.name for p in tmp_path.iterdir()] == ["forms.csv"]  # no temporary file left behind


def test_out_refuses_a_fifo_and_a_directory(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (fifo, tmp_path):
        code, out, err = run("export", "--out", str(target))
        assert code == 1 and out == "" and "not a regular file" in err


def test_input_paths_refuse_a_fifo(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "molecule.mol"
    os.mkfifo(fifo)
    code, _, err = run("identify", str(fifo))  # reading it would block forever
    assert code == 1 and "not a regular file" in err
    code, _, err = run("validate", str(fifo))
    assert code == 1 and "not a regular file" in err
    code, _, err = run("--pack", str(fifo), "show", "esketamine")
    assert code == 1 and "not a regular file" in err


def test_validate_fails_when_it_read_no_data_and_counts_what_it_read(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run("validate", str(empty))
    assert code == 1 and out == "" and "no data file" in err
    pack = Path(__file__).parent.parent / "examples" / "lecture-pack"
    code, out, err = run("validate", str(pack))
    assert code == 0, err
    assert out.startswith("valid: read 1 data file with ")


def test_exit_codes_are_documented_where_they_are_returned() -> None:
    from ketref.cli import EXIT_CODES, reference

    assert set(EXIT_CODES) == {0, 1, 2, 3, 130}
    page = reference()
    for code in EXIT_CODES:
        assert f"| {code} |" in page
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for code in (0, 1, 2, 3):
        assert f"`{code}`" in readme


def test_the_cli_reference_lists_every_command() -> None:
    from ketref.cli import reference
    from ketref.cli.commands import COMMANDS

    page = reference()
    for name in COMMANDS:
        assert f"## `ketref {name}`" in page and f"usage: ketref {name}" in page


def test_shell_completion_or_a_missing_dependency_error_naming_the_extra() -> None:
    code, out, err = run("completion", "bash")
    try:
        import shtab  # noqa: F401
    except ImportError:
        assert code == 1 and 'pip install "ketref[completion]"' in err
    else:
        assert code == 0 and "ketref" in out and "complete" in out


def _run_process(*argv: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "ketref", *argv], capture_output=True, check=False, **kwargs)  # type: ignore[call-overload, no-any-return]


def test_a_terminal_that_cannot_show_a_character_gets_an_escape() -> None:
    import os

    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = _run_process("show", "esketamine", env=env)
    assert done.returncode == 0, done.stderr
    assert b"\\u" in done.stdout or b"\\x" in done.stdout  # e.g. the en dash or the arrow, escaped
    assert b"Traceback" not in done.stderr


def test_a_closed_pipe_exits_quietly() -> None:
    done = subprocess.run(
        f"{sys.executable} -m ketref export --format turtle | head -c 10",
        shell=True,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stderr == b""


def test_standard_output_closed_from_the_start_exits_quietly() -> None:
    done = subprocess.run(
        f"{sys.executable} -m ketref show esketamine >&-", shell=True, capture_output=True, check=False
    )
    assert done.returncode == 0 and b"Traceback" not in done.stderr


def test_ctrl_c_exits_130_with_one_line() -> None:
    import os
    import signal
    import time

    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            # A shell that starts a job in the background ignores SIGINT for it, and Python then
            # keeps it ignored; a terminal's Ctrl-C reaches a program with the default handler.
            "import signal; signal.signal(signal.SIGINT, signal.default_int_handler)\n"
            "import time, ketref.cli, ketref.cli.commands as c\n"
            "c.COMMANDS['folds'].run.__globals__  # loaded\n"
            "import ketref.cli as k\n"
            # 'ready' is printed from inside the running command, so the interrupt always lands
            # while a command runs, however slowly a loaded machine got there.
            "def slow(ctx):\n"
            "    print('ready', flush=True)\n"
            "    time.sleep(30)\n"
            "c.COMMANDS['folds'] = c.COMMANDS['folds'].__class__('folds', 'x', slow)\n"
            "raise SystemExit(k.main(['folds']))",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stdout.readline() == b"ready\n"
    time.sleep(0.1)
    os.kill(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130, err.decode()
    assert err.decode().strip() == "ketref: interrupted"


def test_the_cli_reference_does_not_depend_on_the_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    from ketref.cli import reference

    monkeypatch.setenv("COLUMNS", "50")
    narrow = reference()
    monkeypatch.setenv("COLUMNS", "250")
    assert reference() == narrow


SAMPLE_ARGS: dict[str, list[str]] = {
    "show": ["esketamine"],
    "search": ["sigma"],
    "claims": ["--subject", "arketamine"],
    "compare": ["esketamine", "arketamine"],
    "adverse-effects": ["esketamine"],
    "unique": ["ayafusion-clinic"],
    "pk": ["esketamine"],
    "folds": [],
    "sources": [],
    "conflicts": [],
    "coverage": [],
    "structure": ["esketamine"],
    "identify": ["CN[C@@]1(c2ccccc2Cl)CCCCC1=O"],
    "stereoisomers": ["racemic ketamine"],
    "depict": ["esketamine"],
    "pathway": ["esketamine"],
    "paths": ["esketamine", "nmda-receptor-blockade", "mtor"],
    "table": ["forms"],
    "export": [],
    "factsheet": ["esketamine"],
    "cite": ["benchchem-guide"],
    "quiz": ["--n", "2"],
    "flashcards": [],
    "lecture": ["--out", str(Path(tempfile.gettempdir()) / f"ketref-cli-lecture-{os.getpid()}")],
    "validate": [str(Path(__file__).parent.parent / "examples" / "lecture-pack")],
}
"""A working invocation of each command; a new command adds one here (a test insists)."""


def test_every_command_has_a_sample_invocation() -> None:
    from ketref.cli.commands import COMMANDS

    assert set(COMMANDS) - {"completion"} <= set(SAMPLE_ARGS), "add the new command to SAMPLE_ARGS"


@pytest.mark.parametrize("name", sorted(SAMPLE_ARGS))
def test_every_command_prints_json_on_request_and_keeps_stdout_for_results(name: str) -> None:
    from ketref.cli.commands import COMMANDS

    if name not in COMMANDS:
        pytest.skip(f"{name} is not a command here")
    code, out, err = run(name, *SAMPLE_ARGS[name], "--json")
    assert code == 0, err
    payload = json.loads(out)
    assert payload["disclaimer"] == DISCLAIMER and payload["result"] not in (None, "", [], {})
    assert err == ""
    code, out, err = run(name, *SAMPLE_ARGS[name])
    assert code == 0, err
    assert out.strip()  # handouts (a fact sheet, a quiz) may carry the notice in the document itself
    assert err.strip() in ("", DISCLAIMER)
