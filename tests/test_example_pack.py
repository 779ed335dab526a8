"""Every feature on a pack: the example pack alone, and merged with the bundled data (issue #12).

Each output that applies to the pack's entities is built from ``KnowledgeBase.from_paths`` and
checked against what the pack itself says (its claims and its lecture note), and the command
line does the same with ``--pack``.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

import ketref
from ketref import serialize, teaching
from ketref.cli import main
from ketref.factsheets import factsheet
from ketref.kb import KnowledgeBase
from ketref.pathways import render
from ketref.pathways.api import compare_pathways, pathway
from ketref.tables.build import TABLES, applicable, build_table

PACK = Path(__file__).parent.parent / "examples" / "lecture-pack"
NOTE = " ".join((PACK / "sources" / "example-lecture-note.txt").read_text(encoding="utf-8").split())
PACK_CLAIMS = {
    "examplamine.antagonist-of.alpha.example",
    "examplamine.binds.beta.example",
    "alpha-blockade.increases.messenger.example",
    "messenger.activates.gamma.example",
    "gamma.leads-to.calm.example",
    "examplamine.interacts-with.delta.negated.example",
    "examplamine.adverse.drowsiness.example",
}


@pytest.fixture(scope="module", params=["alone", "with-bundled"])
def kb(request: pytest.FixtureRequest) -> KnowledgeBase:
    return KnowledgeBase.from_paths(PACK, include_bundled=request.param != "alone")


def test_the_example_pack_says_it_is_an_example() -> None:
    readme = (PACK / "README.md").read_text(encoding="utf-8")
    assert "**This is an example.**" in readme
    assert NOTE.startswith("EXAMPLE LECTURE NOTE")


def test_the_pack_loads_alone_and_beside_the_bundled_data(kb: KnowledgeBase) -> None:
    assert {c.id for c in kb.all_claims()} >= PACK_CLAIMS
    bundled = len(ketref.knowledge_base().all_claims())
    assert len(kb.all_claims()) in (len(PACK_CLAIMS), bundled + len(PACK_CLAIMS))
    assert kb.get("EXA-1").id == "examplamine"


def test_tables_cite_the_pack_note(kb: KnowledgeBase) -> None:
    names = applicable(kb)
    assert "adverse-effects" in names
    assert ("forms" in names) == ("racemic-ketamine" in kb.entities)
    effects = build_table(kb, "adverse-effects")
    assert "examplamine.adverse.drowsiness.example" in effects.footnotes
    citation = effects.citation("examplamine.adverse.drowsiness.example")
    quote = "Examplamine caused example drowsiness in the invented trial of this note."
    assert quote in NOTE and f"“{quote}”" in citation
    for name in names:
        table = build_table(kb, name)
        for fmt in ("md", "html", "rst", "csv", "latex"):
            assert table.render(fmt)
    if "forms" not in names:
        with pytest.raises(ketref.InvalidQueryError, match="lacks racemic-ketamine"):
            build_table(kb, "forms")
    assert set(TABLES) - set(names) <= {"forms"}


def test_the_pathway_follows_the_note_in_every_format(kb: KnowledgeBase) -> None:
    view = pathway(kb, "Examplamine")
    # the note's chain: blocks alpha -> (blockade) -> messenger rises -> activates gamma -> calm
    assert [p.nodes for p in view.paths("EXA-1", "Example calm")] == [
        (
            "examplamine",
            "alpha-example-receptor-blockade",
            "example-messenger",
            "gamma-example-receptor",
            "example-calm",
        )
    ]
    assert "delta-example-receptor" not in {n.id for n in view.nodes}  # a denial is never a step
    assert view.node("gamma example receptor").kind == "target"
    assert render.to_mermaid(view).startswith("flowchart LR")
    assert render.to_dot(view).startswith("digraph pathway {")
    if shutil.which("dot"):
        svg = render.to_svg(view)
        assert "<svg" in svg and "Example calm" in svg
    with pytest.raises(ketref.InvalidQueryError, match="compare two different compounds"):
        compare_pathways(kb, "examplamine", "examplamine")


def test_teaching_material_comes_from_the_pack(kb: KnowledgeBase) -> None:
    sheet = factsheet(kb, "examplamine", "md")
    assert sheet.startswith("# Examplamine")
    assert "Beta example receptor: binds [1]" in sheet and "Example lecture note" in sheet
    cards = teaching.flashcards(kb)
    assert {c.claim for c in cards} & PACK_CLAIMS
    from ketref.quiz import question_pool

    pool = question_pool(kb, seed=3)
    questions = [q for q in pool if q.claim in PACK_CLAIMS]
    # ask for as many questions as the pool holds: a fixed 50 drawn from the bundled data's pool
    # leaves the pack's few out by chance whenever curation adds claims
    assert any(q.claim in PACK_CLAIMS for q in teaching.quiz(kb, len(pool), 3))
    assert questions
    for q in questions:
        assert q.quote in NOTE
        if q.kind.value != "which":  # tests/test_quiz.py checks every kind
            continue
        # no distractor is something the pack says is also an answer
        claim = kb.claim(q.claim)
        true = {
            kb.entities[c.object].name
            for c in kb.all_claims()
            if (c.subject, c.predicate) == (claim.subject, claim.predicate) and not c.negated
        }
        assert sum(option in true for option in q.options) == 1
    assert "**Examplamine** (also: EXA-1)" in teaching.glossary(kb)


def test_exports_round_trip_and_parse(kb: KnowledgeBase) -> None:
    again = KnowledgeBase.from_json(serialize.export(kb, "json"))
    assert again.all_claims() == kb.all_claims()
    jsonld = json.loads(serialize.export(kb, "jsonld"))
    assert any("examplamine" in node["@id"] for node in jsonld["@graph"])
    pyoxigraph = pytest.importorskip("pyoxigraph")
    triples = list(pyoxigraph.parse(serialize.export(kb, "turtle"), format=pyoxigraph.RdfFormat.TURTLE))
    assert any("examplamine" in str(t.subject) for t in triples)


def test_the_docs_site_is_built_for_the_pack(kb: KnowledgeBase, tmp_path: Path) -> None:
    from ketref.docsgen import generate

    written = {p.relative_to(tmp_path).as_posix() for p in generate(kb, tmp_path)}
    assert {"entities/examplamine.md", "pathways/examplamine.md", "tables/adverse-effects.md"} <= written
    assert {"glossary.md", "cli.md", "tables/index.md"} <= written
    page = (tmp_path / "pathways" / ("examplamine.md")).read_text(encoding="utf-8")
    if "racemic-ketamine" not in kb.entities:
        assert "<svg" in page
        assert "tables/forms.md" not in written


# -- the command line with --pack ----------------------------------------------------------


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), out=out, err=err), out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["show", "EXA-1"], "Examplamine  (compound, id examplamine)"),
        (["table", "adverse-effects"], "Example drowsiness"),
        (["pathway", "examplamine"], "Examplamine --is an antagonist of--> Alpha example receptor"),
        (["pathway", "examplamine", "--format", "mermaid"], "flowchart LR"),
        (["pathway", "examplamine", "--format", "dot"], "digraph pathway {"),
        (["paths", "examplamine", "examplamine", "example calm"], "-> Example calm"),
        (["factsheet", "examplamine", "--format", "md"], "# Examplamine"),
        (["quiz", "--n", "200"], "Example lecture note"),
        (["flashcards"], "What does examplamine bind?"),
        (["export", "--format", "turtle"], "examplamine"),
        (["export", "--format", "jsonld"], "examplamine"),
        (["export"], "examplamine"),
        (["claims", "--subject", "examplamine"], "4 claims"),
    ],
)
def test_every_command_takes_a_pack(argv: list[str], expected: str) -> None:
    before = run("--pack", str(PACK), *argv)
    after = run(*argv, "--pack", str(PACK))
    assert before == after
    code, out, err = before
    assert code == 0, err
    assert expected in out


def test_packs_come_from_the_environment_too(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import os

    monkeypatch.setenv("KETREF_PACKS", os.pathsep.join([str(tmp_path / "nowhere"), str(PACK)]))
    code, _, err = run("show", "examplamine")
    assert code == 1 and "no such file or directory" in err  # a missing pack is an error, not ignored
    monkeypatch.setenv("KETREF_PACKS", f"{PACK}{os.pathsep}")
    code, out, _ = run("show", "examplamine")
    assert code == 0 and out.startswith("Examplamine")
    monkeypatch.delenv("KETREF_PACKS")
    code, _, err = run("show", "examplamine")
    assert code == 1 and "no entity matches 'examplamine'" in err


def test_docsgen_takes_packs(tmp_path: Path) -> None:
    from ketref.docsgen import main as docsgen

    assert docsgen([str(tmp_path), "--pack", str(PACK), "--alone"]) == 0
    assert (tmp_path / "entities" / "examplamine.md").is_file()
    assert not (tmp_path / "entities" / "esketamine.md").exists()


# -- a new predicate is one row (issue #12) -------------------------------------------------


def test_a_new_predicate_is_one_row_plus_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Add a predicate pair to the vocabulary in this test alone, write a claim with it, and every
    feature picks its meaning up from the row: validation, the schema, queries read either way,
    pathways (a mechanism step), quizzes and inheritance."""
    from ketref import vocabulary
    from ketref.schema import data_file_schema
    from ketref.vocabulary import Predicate

    forward = Predicate("potentiates", "potentiates", "potentiated_by", mechanism=True, quiz=True)
    backward = Predicate("potentiated_by", "is potentiated by", "potentiates")
    # the table behind the read-only ketref.PREDICATES: what a new row of _TABLE would add
    monkeypatch.setitem(vocabulary._PREDICATES, forward.id, forward)
    monkeypatch.setitem(vocabulary._PREDICATES, backward.id, backward)

    pack = tmp_path / "pack"
    shutil.copytree(PACK, pack)
    note = pack / "sources" / "example-lecture-note.txt"
    note.write_text(
        note.read_text(encoding="utf-8") + "\nExamplamine potentiates the epsilon example receptor.\n"
    )
    with (pack / "pack.toml").open("a", encoding="utf-8") as handle:
        handle.write(
            '\n[[claim]]\nid = "examplamine.potentiates.epsilon.example"\nsubject = "examplamine"\n'
            'predicate = "potentiates"\nobject = "epsilon-example-receptor"\nstatus = "reported"\n\n'
            '[[claim.evidence]]\nsource = "example-lecture-note"\n'
            'quote = "Examplamine potentiates the epsilon example receptor."\n'
        )
    kb = KnowledgeBase.from_paths(pack, include_bundled=False)

    assert "potentiates" in json.dumps(data_file_schema())
    (found,) = kb.claims("epsilon-example-receptor", "potentiated_by")  # read from the object's side
    assert found.id == "examplamine.potentiates.epsilon.example"
    view = pathway(kb, "examplamine")
    assert ("examplamine", "epsilon-example-receptor", "potentiates") in {e.key for e in view.edges}
    assert any(q.claim == found.id for q in teaching.quiz(kb, 50, 1))
