"""What a reader sees (issue #14): the compare brief, fact sheets in every format, citations.

Citation styles are parsed back with parsers independent of the code under test: a small BibTeX
parser written here, and CSL-JSON checked against a vendored subset of the official schema
(tests/data/csl-data-subset.schema.json; the official one is not available offline).
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from itertools import permutations
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError

import ketref
from ketref.citations import cite_source, missing_fields
from ketref.cli import main
from ketref.kb import KnowledgeBase
from ketref.models.sources import Source
from ketref.statements import short_citation
from ketref.vocabulary import SourceKind, SourceTier

FORMS = ("esketamine", "arketamine", "racemic-ketamine")
SCHEMA = json.loads((Path(__file__).parent / "data" / "csl-data-subset.schema.json").read_text("utf-8"))


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("a", "b"), list(permutations(FORMS, 2)), ids=[f"{a}-vs-{b}" for a, b in permutations(FORMS, 2)]
)
def test_compare_brief_fits_one_screen(a: str, b: str) -> None:
    code, out, err = run("compare", a, b)
    assert code == 0, err
    lines = out.rstrip("\n").split("\n")
    assert len(lines) <= 60, len(lines)
    assert "NMDA receptor" in "\n".join(lines[:20])
    headings = [line.split(" (+")[0] for line in lines if line and not line.startswith(" ")]
    order = ["Identity", "Targets", "Mechanism", "Pharmacokinetics", "Clinical use", "Safety"]
    assert [h for h in headings if h in order] == [h for h in order if h in headings]
    # graded comparisons of the two come first: the first graded line under Targets compares them
    targets = lines[lines.index(next(h for h in lines if h.startswith("Targets"))) + 1]
    assert re.match(r"  [A-D] ", targets) and f" than {ketref.get(b).name.lower()}" in targets.lower(), (
        targets
    )
    statements = [line for line in lines if re.match(r"  [A-D] ", line)]
    assert len(statements) >= 20  # the screen is used, not left at two or three lines a section


def test_the_readme_command_heads_its_output_with_the_ci_phrase() -> None:
    code, out, _ = run("compare", "esketamine", "arketamine")
    assert code == 0
    assert "esketamine compared with arketamine" in out.splitlines()[0]
    assert "3–5-fold greater affinity than arketamine" in out


def test_compare_detail_keeps_the_full_listing() -> None:
    _, brief, _ = run("compare", "esketamine", "arketamine")
    _, detail, _ = run("compare", "esketamine", "arketamine", "--detail")
    assert len(detail.splitlines()) > 3 * len(brief.splitlines())
    assert "id: " in detail and "id: " not in brief


def _cited_tiers(sheet: str) -> list[str]:
    sources = sheet.split("\nSources\n-------\n", 1)[1]
    return re.findall(r"\[(regulatory|systematic review|primary|reference|secondary|marketing)\]", sources)


def test_factsheet_min_tier_primary_cites_nothing_weaker() -> None:
    code, out, _ = run("factsheet", "esketamine", "--min-tier", "primary")
    assert code == 0
    tiers = _cited_tiers(out)
    assert tiers
    assert not {"secondary", "marketing", "reference"} & set(tiers)
    _, everything, _ = run("factsheet", "esketamine")
    assert {"secondary", "marketing"} <= set(_cited_tiers(everything))


def test_factsheet_bad_tier_names_the_valid_ones() -> None:
    code, _, err = run("factsheet", "esketamine", "--min-tier", "peer-reviewed")
    assert code == 1
    assert "valid tiers, best first: regulatory, systematic_review, primary" in err


@pytest.mark.parametrize("fmt", ["text", "md", "html", "tex"])
def test_factsheet_formats_show_sections_grades_and_sources(fmt: str) -> None:
    code, out, _ = run("factsheet", "esketamine", "--format", fmt)
    assert code == 0
    for heading in ("Identity and structure", "Targets and affinities", "Pharmacokinetics", "Sources"):
        assert heading in out
    assert "Ebert" in out and "9311667" in out
    assert "nmda-receptor" not in out


def test_factsheet_shows_a_caveat() -> None:
    sheet = ketref.profile("ketamine")
    caveats = [c for s in sheet.statements for c in s.caveats]
    assert any("contested" in c for c in caveats), caveats
    _, out, _ = run("factsheet", "ketamine")
    assert "Caveat:" in out and "contested" in out


def test_factsheet_tex_compiles(tmp_path: Path) -> None:
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed here")
    for entity in ("esketamine", "nmda-receptor"):
        code, out, _ = run("factsheet", entity, "--format", "tex")
        assert code == 0
        assert all(ord(ch) < 128 for ch in out), {ch for ch in out if ord(ch) >= 128}
        (tmp_path / f"{entity}.tex").write_text(out, encoding="utf-8")
        done = subprocess.run(
            ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", f"{entity}.tex"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stdout[-2000:]
        assert (tmp_path / f"{entity}.pdf").stat().st_size > 1000


# -- citations ---------------------------------------------------------------------------------


def parse_bibtex(text: str) -> list[dict[str, str]]:
    """A small BibTeX parser: entries of ``name = {value}`` fields with balanced braces."""
    entries: list[dict[str, str]] = []
    position = 0
    while True:
        start = text.find("@", position)
        if start < 0:
            return entries
        match = re.compile(r"@(\w+)\{([^,\s]+),").match(text, start)
        assert match, text[start : start + 80]
        entry = {"ENTRYTYPE": match.group(1), "ID": match.group(2)}
        i = match.end()
        while True:
            field = re.compile(r"\s*(\w+)\s*=\s*\{").match(text, i)
            if field is None:
                closing = re.compile(r"\s*\}").match(text, i)
                assert closing, f"unparsed text after field: {text[i : i + 60]!r}"
                position = closing.end()
                break
            depth, j = 1, field.end()
            while depth:
                if text[j] == "\\":
                    j += 2
                    continue
                depth += {"{": 1, "}": -1}.get(text[j], 0)
                j += 1
            entry[field.group(1)] = text[field.end() : j - 1]
            i = j
            comma = re.compile(r"\s*,").match(text, i)
            if comma:
                i = comma.end()
        entries.append(entry)


def test_bibtex_parses_back(kb: KnowledgeBase) -> None:
    for source in kb.sources():
        entries = parse_bibtex(ketref.cite(source.id, style="bibtex"))
        assert len(entries) == 1
        entry = entries[0]
        assert entry["ID"] == source.id
        assert entry["ENTRYTYPE"] in ("article", "misc")
        if source.doi:
            assert entry["doi"] == source.doi
        if source.date:
            assert entry["year"] == source.date[:4]
        if source.authors:
            names = entry["author"].split(" and ")
            assert len(names) == len(source.authors) + source.et_al
            assert (names[-1] == "others") is source.et_al


def test_bibtex_of_an_article() -> None:
    entry = parse_bibtex(ketref.cite("zanos-2018-pharmacol-rev", style="bibtex"))[0]
    assert entry["ENTRYTYPE"] == "article"
    assert entry["author"].startswith("Zanos, Panos and ")
    assert entry["pmid"] == "29945898"


def test_csl_json_matches_the_schema(kb: KnowledgeBase) -> None:
    items = []
    for source in kb.sources():
        parsed = json.loads(ketref.cite(source.id, style="csl-json"))
        jsonschema.validate(parsed, SCHEMA)
        items += parsed
    assert {i["id"] for i in items} == {s.id for s in kb.sources()}


PARTIAL = Source(
    id="partial-list",
    title="A study whose page named only its first two authors",
    kind=SourceKind.JOURNAL_ARTICLE,
    authors=("Bahji A", "Vazquez GH"),
    et_al=True,
    date="2021-01",
    journal="J Affect Disord",
    pmid="33065826",
)


def test_a_partial_author_list_says_et_al_in_every_style() -> None:
    text = cite_source(PARTIAL, "text")
    assert text.startswith("Bahji A, Vazquez GH, et al. 2021. A study"), text
    complete = PARTIAL.model_copy(update={"et_al": False})
    assert cite_source(complete, "text").startswith("Bahji A, Vazquez GH. 2021. A study")

    entry = parse_bibtex(cite_source(PARTIAL, "bibtex"))[0]
    assert entry["author"] == "Bahji, A and Vazquez, GH and others"
    assert parse_bibtex(cite_source(complete, "bibtex"))[0]["author"] == "Bahji, A and Vazquez, GH"

    items = json.loads(cite_source(PARTIAL, "csl-json"))
    jsonschema.validate(items, SCHEMA)
    assert items[0]["author"] == [{"family": "Bahji", "given": "A"}, {"family": "Vazquez", "given": "GH"}]
    assert "author list partial" in items[0]["note"]
    assert "partial" not in json.loads(cite_source(complete, "csl-json"))[0]["note"]


def test_a_partial_author_list_reads_et_al_in_short_citations() -> None:
    one = PARTIAL.model_copy(update={"authors": ("Bahji A",)})
    assert short_citation(one) == "Bahji et al. 2021"
    assert short_citation(PARTIAL) == "Bahji et al. 2021"
    assert short_citation(one.model_copy(update={"et_al": False})) == "Bahji 2021"
    assert short_citation(PARTIAL.model_copy(update={"et_al": False})) == "Bahji & Vazquez 2021"


def test_et_al_needs_an_author() -> None:
    with pytest.raises(ValidationError, match="et_al"):
        Source(id="x", title="T", kind=SourceKind.JOURNAL_ARTICLE, pmid="1", et_al=True)


@pytest.mark.parametrize(
    ("update", "missing"),
    [
        ({}, ()),  # a partial author list is how the page printed it: it counts
        ({"authors": (), "et_al": False}, ("authors",)),
        ({"date": None}, ("date",)),
        ({"authors": (), "et_al": False, "date": None}, ("authors", "date")),
        ({"pmid": None, "url": "https://example.org/a"}, ()),
        ({"pmid": None, "title": ""}, ("title", "DOI, PMID or URL")),
    ],
)
def test_missing_fields_of_an_article(update: dict[str, object], missing: tuple[str, ...]) -> None:
    # model_copy skips validation, so a record the loader would refuse can still be asked about
    assert missing_fields(PARTIAL.model_copy(update=update)) == missing


def test_missing_fields_of_a_web_document_and_a_seed() -> None:
    page = Source(id="p", title="Label", kind=SourceKind.DRUG_LABEL, url="https://example.org/l")
    assert missing_fields(page) == ("authors or publisher", "date or accessed")
    assert missing_fields(page.model_copy(update={"publisher": "FDA", "accessed": "2026-12-02"})) == ()
    assert missing_fields(page.model_copy(update={"authors": ("Smith J",), "date": "2020"})) == ()
    seed = ketref.knowledge_base().source("ayafusion-clinic")
    assert seed.file and missing_fields(seed) == ()


def test_cite_a_claim_gives_every_source() -> None:
    claim = ketref.claim("esketamine.binds.nmda.greater-affinity.ebert-1997")
    text = ketref.cite(claim)
    assert "Ebert" in text and "1997" in text
    assert len(json.loads(ketref.cite(claim, style="csl"))) == len(claim.sources)


def test_cite_cli_and_bad_style() -> None:
    code, out, _ = run("cite", "zanos-2018-pharmacol-rev", "--style", "bibtex")
    assert code == 0 and out.startswith("@article{zanos-2018-pharmacol-rev,")
    code, _, err = run("cite", "zanos-2018-pharmacol-rev", "--style", "apa")
    assert code == 1 and "text, bibtex, csl-json" in err
    code, _, err = run("cite", "no-such-source")
    assert code == 1


def test_footnotes_carry_the_tier() -> None:
    p = ketref.profile("esketamine")
    tiers = {c.tier for c in p.citations}
    assert SourceTier.PRIMARY in tiers
    sources = p.section("Sources").statements
    assert all(s.text.endswith("]") for s in sources)
    assert any(s.text.endswith("[primary]") for s in sources)


def test_a_caveat_reaches_the_table_footnotes() -> None:
    """The contested D2High value (issue #14, ux review 2.8) carries its caveat into the table."""
    markdown = ketref.table("affinities").to_markdown()
    assert "Caveat: Other studies report no D2 binding up to 10 µM" in markdown


def test_physicochemical_figures_sit_with_identity_not_pharmacokinetics() -> None:
    """A melting point describes the substance, not its fate in the body."""
    sections = {s.title: s for s in ketref.profile("racemic-ketamine").sections}
    identity = " ".join(st.text for st in sections["Identity and structure"].statements)
    pk = " ".join(st.text for st in sections["Pharmacokinetics"].statements)
    assert "melting point" in identity and "melting point" not in pk


def test_pharmacokinetics_holds_no_physicochemical_figure() -> None:
    """pKa and melting point are parameters too, but of the substance (their category says so)."""
    objects = {c.object for form in ("ketamine", "racemic ketamine") for c in ketref.pharmacokinetics(form)}
    assert {"bioavailability", "elimination-half-life"} <= objects
    assert not objects & {"pka", "melting-point", "water-solubility"}
