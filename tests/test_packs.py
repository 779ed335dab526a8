"""User knowledge packs: merged with the bundled data, and every error names its place."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import ketref
from ketref.cli import main
from ketref.errors import DataError
from ketref.kb import KnowledgeBase
from ketref.profiles import profile

SOURCE = """
[[source]]
id = "lab-notes"
title = "Lab notes on a new compound"
kind = "journal_article"
file = "lab-notes.txt"
"""

TEXT = "Compound X blocks the NMDA receptor in our assay. It does not bind the sigma-1 receptor.\\n"

COMPOUND = """
[[compound]]
id = "compound-x"
name = "Compound X"
synonyms = ["CX-1"]
description = "A teaching example compound."
stereo_form = "achiral"
"""

CLAIM = """
[[claim]]
id = "compound-x.antagonist-of.nmda.lab"
subject = "compound-x"
predicate = "antagonist_of"
object = "nmda-receptor"
status = "reported"

[[claim.evidence]]
source = "lab-notes"
quote = "Compound X blocks the NMDA receptor in our assay."
"""


def make_pack(
    tmp_path: Path, *, claim: str = CLAIM, compound: str = COMPOUND, text: str | None = TEXT
) -> Path:
    (tmp_path / "sources").mkdir(exist_ok=True)
    if text is not None:
        (tmp_path / "sources" / "lab-notes.txt").write_text(text.replace("\\\\n", "\\n"), encoding="utf-8")
    (tmp_path / "pack.toml").write_text(SOURCE + compound + claim, encoding="utf-8")
    return tmp_path


def load_error(path: Path, **kwargs: bool) -> DataError:
    with pytest.raises(DataError) as info:
        KnowledgeBase.from_paths(path, **kwargs)
    return info.value


def line_of(path: Path, needle: str) -> int:
    lines = (path / "pack.toml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


# -- a good pack ---------------------------------------------------------------------------


def test_a_pack_merges_with_the_bundled_data(tmp_path: Path) -> None:
    kb = KnowledgeBase.from_paths(make_pack(tmp_path))
    assert kb.get("CX-1").id == "compound-x"
    assert kb.get("esketamine").id == "esketamine"  # the bundled data is there too
    antagonists = {c.subject for c in kb.claims(predicate="antagonist_of", object="nmda-receptor")}
    assert {"compound-x", "esketamine"} <= antagonists
    assert "Compound X blocks" in kb.source_text("lab-notes")


def test_a_pack_alone_must_be_self_contained(tmp_path: Path) -> None:
    err = load_error(make_pack(tmp_path), include_bundled=False)
    assert "no entity has id 'nmda-receptor'" in str(err)


def test_a_failed_load_changes_nothing(tmp_path: Path) -> None:
    before = ketref.knowledge_base()
    counts = (len(before.entities), len(before.all_claims()))
    load_error(make_pack(tmp_path, claim=CLAIM.replace("nmda-receptor", "nmda-recepter")))
    after = ketref.knowledge_base()
    assert after is before
    assert (len(after.entities), len(after.all_claims())) == counts
    with pytest.raises(ketref.UnknownEntityError):
        ketref.get("compound-x")


# -- every kind of error names its place ---------------------------------------------------


def test_unknown_key(tmp_path: Path) -> None:
    pack = make_pack(
        tmp_path, claim=CLAIM.replace('status = "reported"', 'status = "reported"\nconfidence = 0.9')
    )
    err = load_error(pack)
    assert (err.file, err.record, err.field) == (
        str(pack / "pack.toml"),
        "compound-x.antagonist-of.nmda.lab",
        "confidence",
    )
    assert err.line == line_of(pack, "[[claim]]")
    assert "unknown key" in str(err)


def test_missing_field(tmp_path: Path) -> None:
    err = load_error(make_pack(tmp_path, claim=CLAIM.replace('status = "reported"\n', "")))
    assert (err.record, err.field) == ("compound-x.antagonist-of.nmda.lab", "status")
    assert "Field required" in str(err)


def test_dangling_reference(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, claim=CLAIM.replace('"nmda-receptor"', '"nmda-recepter"'))
    err = load_error(pack)
    assert (err.record, err.field, err.line) == (
        "compound-x.antagonist-of.nmda.lab",
        "object",
        line_of(pack, "[[claim]]"),
    )
    assert "did you mean nmda-receptor" in str(err)


def test_id_collision_with_the_bundled_data(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, compound=COMPOUND.replace('id = "compound-x"', 'id = "esketamine"'), claim="")
    err = load_error(pack)
    assert "duplicate entity id 'esketamine'" in str(err)
    assert err.file == str(pack / "pack.toml")


def test_synonym_collision_with_the_bundled_data(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, compound=COMPOUND.replace('["CX-1"]', '["CX-1", "S-ketamine"]'))
    err = load_error(pack)
    assert "would name both 'esketamine' and 'compound-x'" in str(err)
    assert err.file == str(pack / "pack.toml") and err.record == "compound-x"
    assert err.line == line_of(pack, "[[compound]]")


def test_quote_not_in_the_supplied_text(tmp_path: Path) -> None:
    pack = make_pack(
        tmp_path, claim=CLAIM.replace("blocks the NMDA receptor", "strongly blocks the NMDA receptor")
    )
    err = load_error(pack)
    assert (err.record, err.field) == ("compound-x.antagonist-of.nmda.lab", "evidence.0.quote")
    assert "not in the text of 'lab-notes'" in str(err)


def test_missing_source_text(tmp_path: Path) -> None:
    err = load_error(make_pack(tmp_path, text=None))
    assert (err.record, err.field) == ("lab-notes", "file")


@pytest.mark.parametrize(
    ("bad", "field", "message"),
    [
        ('[[claim.values]]\nvalue = -3.0\nunit = "nM"\nmeasure = "Ki"\n', "values.0", "a Ki is positive"),
        ('[[claim.values]]\nvalue = [4.0, 1.0]\nunit = "hour"\n', "values.0", "runs backwards"),
        ('[claim.context]\ndate = "2019-02-30"\n', "context.date", "not a calendar date"),
        ('[claim.context]\nlevel = "in_silico"\n', "context.level", "Input should be"),
    ],
)
def test_impossible_values(tmp_path: Path, bad: str, field: str, message: str) -> None:
    claim = CLAIM.replace("[[claim.evidence]]", bad + "\n[[claim.evidence]]")
    err = load_error(make_pack(tmp_path, claim=claim))
    assert err.field == field
    assert message in str(err)


def test_invalid_toml_gives_the_line(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, claim=CLAIM.replace('status = "reported"', "status = reported"))
    err = load_error(pack)
    assert err.line == line_of(pack, "status = reported")
    assert "not valid TOML" in str(err)


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(b'[[compound]]\nid = "\xff\xfe"\n')
    err = load_error(path)
    assert err.file == str(path) and "cannot read" in str(err)


def test_oversized_file_is_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ketref.limits

    monkeypatch.setattr(ketref.limits, "MAX_FILE_BYTES", 100)
    err = load_error(make_pack(tmp_path))
    assert "the limit is 100" in str(err)


def test_missing_path(tmp_path: Path) -> None:
    err = load_error(tmp_path / "nope")
    assert "no such file or directory" in str(err)


def test_cli_validate(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", str(make_pack(tmp_path))], out=out, err=err) == 0
    assert out.getvalue().startswith("valid:")
    (tmp_path / "bad").mkdir()
    bad = make_pack(tmp_path / "bad", claim=CLAIM.replace("nmda-receptor", "nope"))
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", str(bad)], out=out, err=err) == 1
    assert "pack.toml:" in err.getvalue() and "record 'compound-x.antagonist-of.nmda.lab'" in err.getvalue()
    assert "Traceback" not in err.getvalue()


def test_pack_xref_quotes_are_checked_too(tmp_path: Path) -> None:
    xref = (
        '\n[[compound.xrefs]]\ncurie = "cas:50-00-0"\n\n'
        '[compound.xrefs.evidence]\nsource = "lab-notes"\nquote = "Not in the text."\n'
    )
    pack = make_pack(tmp_path, compound=COMPOUND + xref)
    err = load_error(pack)
    assert (err.record, err.field) == ("compound-x", "xrefs.0.evidence.quote")


def test_pack_texts_are_read_through_the_knowledge_base(tmp_path: Path) -> None:
    kb = KnowledgeBase.from_paths(make_pack(tmp_path))
    assert kb.source_text("lab-notes").startswith("Compound X")
    assert not kb.is_bundled_seed("lab-notes") and kb.is_bundled_seed("benchchem-guide")
    assert [s.id for s in kb.sources()[:5]] == [s.id for s in ketref.sources()[:5]]
    with pytest.raises(ketref.UnknownSourceError, match="not shipped with ketref"):
        kb.source("lab-notes").text()


# -- every feature works on a pack's knowledge base (issue #12) --------------------------------


def test_a_pack_table_cites_the_pack_claims(tmp_path: Path) -> None:
    """The renderer used to look claims up in the bundled data and raise UnknownClaimError."""
    from ketref.tables.build import build_table

    effect = CLAIM.replace("antagonist-of.nmda", "nausea").replace('"antagonist_of"', '"has_adverse_effect"')
    effect = effect.replace('"nmda-receptor"', '"nausea"')
    effect = effect.replace("blocks the NMDA receptor", "caused nausea")
    pack = make_pack(tmp_path, claim=effect, text="Compound X caused nausea in our assay.\n")
    kb = KnowledgeBase.from_paths(pack)
    table = build_table(kb, "adverse-effects")
    assert "compound-x.nausea.lab" in table.footnotes
    markdown = table.to_markdown()
    assert "Lab notes on a new compound [primary]: “Compound X caused nausea in our assay.”" in markdown
    assert build_table(kb, "adverse-effects") is table  # built once per knowledge base
    assert "compound-x.nausea.lab" not in ketref.table("adverse-effects").footnotes


def test_a_pack_pathway_resolves_its_own_names(tmp_path: Path) -> None:
    """Names resolve within the pathway itself, not through the bundled knowledge base."""
    from ketref.pathways.api import pathway

    kb = KnowledgeBase.from_paths(make_pack(tmp_path))
    view = pathway(kb, "CX-1")
    assert view.root == "compound-x"
    assert view.node("Compound X").id == "compound-x"
    assert view.node("cx 1").id == "compound-x"
    assert [p.nodes for p in view.paths("Compound X", "NMDA receptor")] == [("compound-x", "nmda-receptor")]


def test_a_pack_parameter_category_decides_where_its_values_go(tmp_path: Path) -> None:
    """A pack's own physicochemical parameter stays out of pharmacokinetics() and goes with the
    identity in a profile; the category is read from the parameter record, not a hand-kept list."""
    pack = make_pack(tmp_path, text=TEXT + "Compound X: boiling point 200 degC, half-life 3 h.\\n")
    extra = """
[[parameter]]
id = "boiling-point"
name = "Boiling point"
description = "The temperature at which the liquid boils."
category = "physicochemical"
"""
    for claim_id, parameter, value, unit, quote in (
        ("compound-x.boiling-point.lab", "boiling-point", 200.0, "degC", "boiling point 200 degC"),
        ("compound-x.half-life.lab", "elimination-half-life", 3.0, "h", "half-life 3 h"),
    ):
        extra += f"""
[[claim]]
id = "{claim_id}"
subject = "compound-x"
predicate = "has_parameter"
object = "{parameter}"
status = "reported"
values = [{{ value = {value}, unit = "{unit}" }}]

[[claim.evidence]]
source = "lab-notes"
quote = "{quote}"
"""
    (pack / "extra.toml").write_text(extra, encoding="utf-8")
    kb = KnowledgeBase.from_paths(pack)
    assert [c.id for c in kb.pharmacokinetics("compound-x")] == ["compound-x.half-life.lab"]
    sections = {s.title: s for s in profile(kb, "compound-x").sections}
    identity = " ".join(st.text for st in sections["Identity and structure"].statements)
    assert "boiling point" in identity.lower()
    assert "boiling" not in " ".join(st.text for st in sections["Pharmacokinetics"].statements).lower()


def test_an_unknown_parameter_category_is_refused(tmp_path: Path) -> None:
    pack = make_pack(tmp_path)
    (pack / "extra.toml").write_text(
        '[[parameter]]\nid = "p"\nname = "P"\ndescription = "x."\ncategory = "astrological"\n',
        encoding="utf-8",
    )
    assert "category" in str(load_error(pack))
