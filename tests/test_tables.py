"""Generated tables and teaching materials: every format parses, every cell traces to claims."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import pytest

import ketref
from ketref import teaching
from ketref.tables.build import TABLES
from ketref.tables.model import Table

NAMES = sorted(TABLES)


@pytest.fixture(params=NAMES)
def table(request: pytest.FixtureRequest) -> Table:
    return ketref.table(request.param)


class TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.citations = 0

        self.links: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "li":
            self.citations += 1
        if tag == "a" and attributes.get("href"):
            self.links.append(str(attributes["href"]))
        if attributes.get("id"):
            self.ids.append(str(attributes["id"]))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def test_every_table_has_rows_and_cites_real_claims(table: Table) -> None:
    assert table.rows, table.name
    assert all(len(row) == len(table.columns) for row in table.rows)
    for claim_id in table.footnotes:
        assert ketref.claim(claim_id).evidence


def test_html_has_the_rows_columns_and_citations(table: Table) -> None:
    parser = TableParser()
    parser.feed(table.to_html())
    header, *body = parser.rows
    assert header == list(table.columns)
    assert len(body) == len(table.rows)
    squeeze = lambda text: re.sub(r"\s+\[", "[", text)  # noqa: E731 - <sup> marks follow without a space
    expected = [[squeeze(table.marked(c)) for c in row] for row in table.rows]
    assert [[squeeze(c) for c in row] for row in body] == expected
    assert parser.citations == len(table.footnotes)
    # every mark links to a note of this table, and every note is linked to
    anchors = {link[1:] for link in parser.links if link.startswith("#")}
    notes = {i for i in parser.ids if i.startswith(f"{table.name}-note-")}
    assert anchors == notes and len(notes) == len(table.footnotes)


def test_standalone_html_is_a_styled_page(table: Table) -> None:
    page = table.to_html(standalone=True)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and "</html>" in page
    head = page.split("<body>")[0]
    assert "http://" not in head and "https://" not in head  # nothing to fetch (citations may name URLs)
    assert "src=" not in page
    parser = TableParser()
    parser.feed(page)
    assert len(parser.rows) == len(table.rows) + 1


def test_markdown_has_the_rows_and_columns(table: Table) -> None:
    lines = [line for line in table.to_markdown().splitlines() if line.startswith("|")]
    header, separator, *body = lines
    split = lambda line: [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]]  # noqa: E731
    assert split(header) == list(table.columns)
    assert set(separator.replace("|", "").split()) == {"---"}
    assert len(body) == len(table.rows)
    assert split(body[0]) == [table.marked(c) for c in table.rows[0]]
    numbered = re.findall(r"^(\d+)\. ", table.to_markdown(), flags=re.M)
    assert numbered == [str(n) for n in range(1, len(table.footnotes) + 1)]


def test_csv_round_trips_and_keeps_its_footnotes(table: Table) -> None:
    rows = list(csv.reader(io.StringIO(table.to_csv())))
    assert rows[0] == list(table.columns)
    body = rows[1 : 1 + len(table.rows)]
    assert body == [[table.marked(c) for c in row] for row in table.rows]
    # every [n] mark in a cell has its note in the notes section after one empty row
    assert rows[1 + len(table.rows)] == [] and rows[2 + len(table.rows)] == ["Notes"]
    notes = rows[3 + len(table.rows) :]
    assert [n[0] for n in notes] == [f"[{i}]" for i in range(1, len(table.footnotes) + 1)]
    for (_, text), claim_id in zip(notes, table.footnotes, strict=True):
        claim = ketref.claim(claim_id)
        assert claim.evidence[0].quote in text and claim.id in text
    groups = [g for row in body for cell in row for g in re.findall(r"\[([\d,]+)\]", cell)]
    marks = {int(m) for g in groups for m in g.split(",")}
    assert marks == set(range(1, len(table.footnotes) + 1))
    assert list(csv.reader(io.StringIO(table.to_csv(notes=False))))[1:] == body


def test_csv_notes_in_a_second_file(table: Table) -> None:
    from ketref.tables.render import notes_csv

    rows = list(csv.reader(io.StringIO(notes_csv(table))))
    assert rows[0] == ["note", "citation"] and len(rows) == len(table.footnotes) + 1


def test_latex_environments_balance(table: Table) -> None:
    stack = []
    for kind, env in re.findall(r"\\(begin|end)\{(\w+)\}", table.to_latex()):
        if kind == "begin":
            stack.append(env)
        else:
            assert stack and stack.pop() == env
    assert stack == []
    body = table.to_latex().split("\\endlastfoot")[1].split("\\end{longtable}")[0]
    assert body.count("\\\\") == len(table.rows)
    assert all(ord(ch) < 128 for ch in table.to_latex())  # every other character is escaped


def test_rst_is_a_list_table(table: Table) -> None:
    text = table.to_rst()
    assert text.startswith(".. list-table::")
    assert text.count("   * - ") == len(table.rows) + 1


def test_marks_point_at_existing_footnotes(table: Table) -> None:
    for row in table.rows:
        for cell in row:
            for number in re.findall(r"\d+", table.marks(cell.claims)):
                assert 1 <= int(number) <= len(table.footnotes)


# -- content checked against the knowledge base ---------------------------------------------


def test_forms_table_is_the_lost_key_differences_table() -> None:
    forms = ketref.table("forms")
    assert forms.columns == ("Topic", "Racemic ketamine", "Esketamine", "Arketamine")
    rows = {row[0].text: row for row in forms.rows}
    assert forms.rows[0][0].text == "NMDA receptor affinity, compared"  # what a lecturer compares first
    nmda = rows["NMDA receptor affinity, compared"]
    # one statement: the stated folds merged into one range, with the measured Ki values
    # grade A: Ebert 1997 and the 2021 NMDA receptor structure paper, two primary sources, agree
    assert nmda[2].text == (
        "A: 3–5-fold greater affinity than arketamine (Ki 0.3 vs 1.4 µM, Ebert et al. 1997); "
        "B: greater affinity than racemic ketamine"
    )
    assert "esketamine.binds.nmda.greater-affinity.benchchem" in nmda[2].claims
    assert nmda[3].text.startswith("A: 3–5-fold lower affinity than esketamine")
    potency = rows["Antidepressant potency, compared"]  # the seeds disagree: both directions show
    assert "greater potency than arketamine (disputed)" in potency[2].text
    assert "lower potency than arketamine (disputed)" in potency[2].text
    routes = rows["Routes of administration"]
    assert "Intranasal" in routes[2].text and "Intravenous" in routes[1].text
    assert all(len(g.text) <= 120 for row in forms.rows for cell in row for g in cell.segments)
    products = rows["Products"]
    assert products[1].text == "Ketalar (as ketamine hydrochloride)"
    assert "Spravato" in products[2].text and products[3].text == "—"
    for form, cell in zip(("racemic-ketamine", "esketamine"), products[1:3], strict=True):
        for claim_id in cell.claims:  # the product's ingredient is the form or its salt
            ingredient = ketref.get(ketref.claim(claim_id).object)
            assert ingredient.id == form or getattr(ingredient, "parent", None) == form
    # every other cited claim is about the column's form (as subject or as comparator)
    for row in forms.rows[:-1]:
        for form, cell in zip(("racemic-ketamine", "esketamine", "arketamine"), row[1:], strict=True):
            for claim_id in cell.claims:
                claim = ketref.claim(claim_id)
                assert form in (claim.subject, claim.comparison.comparator if claim.comparison else None)


def test_adverse_effects_table_counts_sources_like_the_claims_do() -> None:
    t = ketref.table("adverse-effects")
    for row in t.rows:
        effect = ketref.get(row[0].text)
        sources = {
            s
            for c in ketref.claims(predicate="has_adverse_effect", object=effect)
            if c.object == effect.id and not c.negated and c.comparison is None
            for s in c.sources
        }
        assert int(row[1].text) == len(sources), effect.id


def _segments(table: Table) -> list[str]:
    return [g.text for row in table.rows for cell in row for g in cell.segments]


@pytest.mark.parametrize("name", ["forms", "affinities", "pharmacokinetics", "regulatory"])
def test_synthesized_tables_give_one_graded_statement_per_segment(name: str) -> None:
    segments = _segments(ketref.table(name))
    assert segments
    for text in segments:
        assert re.match(r"[A-D]: ", text) or (name == "forms" and text[0].isupper()), text  # products
        assert len(text) <= 120, text


def test_pharmacokinetics_table_has_one_row_per_form_route_and_parameter() -> None:
    t = ketref.table("pharmacokinetics")
    keys = [(row[0].text, row[1].text, row[2].text) for row in t.rows]
    assert len(keys) == len(set(keys))
    stated = {
        c.id
        for c in ketref.claims(predicate="has_parameter")
        if c.predicate == "has_parameter" and c.comparison is None and c.values
    }
    assert set(t.footnotes) == stated  # every stated value is behind some cell, and nothing else
    rows = dict(zip(keys, t.rows, strict=True))
    # the label's 54% and 51%, J&J's 48%, and 30-50%: one range with the figures under it
    bioavailability = rows[("Esketamine", "Intranasal", "Bioavailability")][3].text
    assert bioavailability.endswith(": 30–54% (stated as 30–50, 48, 51 and 54%)")
    # a curated disagreement about size alone (7-12 h or 5 h) keeps the grade and says so
    assert "(sizes differ)" in rows[("Esketamine", "Intranasal", "Elimination half-life")][3].text


def test_affinities_table_has_one_row_per_target_and_form_with_the_fold() -> None:
    t = ketref.table("affinities")
    assert t.columns == ("Target", "Form", "Measured", "Against the other enantiomer")
    keys = [(row[0].text, row[1].text) for row in t.rows]
    assert len(keys) == len(set(keys))
    assert keys[0] == ("NMDA receptor", "Esketamine")
    rows = dict(zip(keys, t.rows, strict=True))
    esk = rows[("NMDA receptor", "Esketamine")]
    assert esk[2].text == "B: Ki 0.3 µM (rat)"  # Ebert 1997: "(S)-ketamine (Ki 0.3 microM)"
    assert (
        "A: 3–5-fold greater affinity than arketamine (Ki 0.3 vs 1.4 µM, Ebert et al. 1997; "
        "stated as 2–3, 3–4, 4–5 and 5-fold)" in esk[3].text
    )
    assert "3–5-fold lower affinity than esketamine" in rows[("NMDA receptor", "Arketamine")][3].text
    # Nishimura 1999 states no fold: 390 / 46.9 = 8.3, computed
    assert "8.3-fold greater affinity than arketamine" in rows[("Dopamine transporter", "Esketamine")][3].text
    # pKi 4.38 is Ki 10**-4.38 M = 41.7 µM, shown to two figures
    assert "pKi 4.38 (Ki ≈ 42 µM)" in rows[("Mu opioid receptor", "Racemic ketamine")][2].text
    assert "(see caveat)" in rows[("Dopamine D2 receptor", "Ketamine")][2].text


def test_regulatory_table_has_one_row_per_form_or_product_and_jurisdiction() -> None:
    t = ketref.table("regulatory")
    keys = [(row[0].text, row[1].text) for row in t.rows]
    assert len(keys) == len(set(keys))
    rows = dict(zip(keys, t.rows, strict=True))
    assert (
        "Approved for general anaesthesia (indication) (1970)" in rows[("Ketalar", "United States")][2].text
    )
    spravato = rows[("Spravato", "United States")][2].text
    assert "Approved for treatment-resistant depression (2019-03-05" in spravato  # later dates may follow
    assert "A: Approved for treatment-resistant depression" in rows[("Spravato", "European Union")][2].text


def test_min_tier_tables_say_only_what_their_sources_say() -> None:
    """At the primary tier the cell text is synthesized again from the primary claims alone: for
    ketamine's intranasal bioavailability, the reference text's 25-50% leaves the figures and the
    two primary studies' 17% and ~45% stay."""
    full = ketref.table("pharmacokinetics")
    strict = ketref.table("pharmacokinetics", min_tier="primary")
    pick = {(r[0].text, r[1].text, r[2].text): r[3].text for r in full.rows}
    strong = {(r[0].text, r[1].text, r[2].text): r[3].text for r in strict.rows}
    key = ("Ketamine", "Intranasal", "Bioavailability")
    assert "25–50" in pick[key]
    assert strong[key].endswith(": 17–45% (stated as 17 and ~45%)")
    for claim_id in strict.footnotes:
        claim = ketref.claim(claim_id)
        assert any(ketref.source(s).effective_tier >= ketref.SourceTier.PRIMARY for s in claim.sources)


def test_unknown_table() -> None:
    with pytest.raises(ketref.UnknownTermError, match="table"):
        ketref.table("differences")


def test_dataframe_export() -> None:
    pandas = pytest.importorskip("pandas")
    frame = ketref.table("forms").to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(ketref.table("forms").columns)


# -- teaching ---------------------------------------------------------------------------------


def test_glossary_has_every_entity() -> None:
    text = teaching.glossary(ketref.knowledge_base())
    for entity in ketref.knowledge_base().entities.values():
        assert f"**{entity.name}**" in text


def test_dataframe_without_pandas_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ketref.MissingDependencyError, match=r'pip install "ketref\[pandas\]"') as info:
        ketref.table("forms").to_dataframe()
    assert isinstance(info.value, ImportError) and info.value.extra == "pandas"


def test_min_tier_drops_weaker_statements_from_tables() -> None:
    from ketref.vocabulary import SourceTier

    strict = ketref.table("forms", min_tier="primary")
    for claim_id in strict.footnotes:
        tiers = {ketref.source(s).effective_tier for s in ketref.claim(claim_id).sources}
        assert any(t >= SourceTier.PRIMARY for t in tiers), claim_id
    assert len(strict.footnotes) < len(ketref.table("forms").footnotes)
    with pytest.raises(ketref.InvalidQueryError, match="valid tiers"):
        ketref.table("forms", min_tier="best")
