"""Statements, grades, min_tier, profiles and unit formatting (issue #14).

The grade rule is tested on small constructed knowledge bases, where the expected grade follows
from the rule in docs/sources.md by hand, not from the code under test.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

import ketref
from ketref.grades import Grade, resolve_grade, resolve_tier
from ketref.humanize import format_value
from ketref.kb import KnowledgeBase
from ketref.models.values import Value
from ketref.profiles import SECTION_ORDER, profile
from ketref.statements import fold_summary, statements
from ketref.vocabulary import SourceTier

ENTITIES = """
[[compound]]
id = "alpha"
name = "Alpha"
description = "A test compound."
stereo_form = "achiral"

[[compound]]
id = "gamma"
name = "Gamma"
description = "Another test compound."
stereo_form = "achiral"

[[compound]]
id = "lonely"
name = "Lonely"
description = "A compound nothing is said of."
stereo_form = "achiral"

[[target]]
id = "beta-receptor"
name = "Beta receptor"
description = "A test target."
target_class = "receptor"
"""

KINDS = {
    "label": "drug_label",
    "label-mirror": "drug_label",
    "trial-1": "journal_article",
    "trial-2": "journal_article",
    "meta": "systematic_review",
    "book": "textbook",
    "wiki": "encyclopedia",
    "blog": "blog_summary",
    "clinic": "clinic_marketing",
}


def _sources() -> str:
    out = []
    for source_id, kind in KINDS.items():
        extra = 'copy_of = "the label"\n' if source_id == "label-mirror" else ""
        out.append(
            f'[[source]]\nid = "{source_id}"\ntitle = "Source {source_id}"\nkind = "{kind}"\n'
            f'url = "https://example.org/{source_id}"\n{extra}'
        )
    return "\n".join(out)


def _claim(
    claim_id: str, sources: list[str], *, negated: bool = False, status: str = "reported", **more: str
) -> str:
    evidence = ", ".join(f'{{ source = "{s}", quote = "q" }}' for s in sources)
    lines = [
        "[[claim]]",
        f'id = "{claim_id}"',
        'subject = "alpha"',
        f'predicate = "{more.get("predicate", "binds")}"',
        f'object = "{more.get("object", "beta-receptor")}"',
        f'status = "{status}"',
        f"negated = {'true' if negated else 'false'}",
        f"evidence = [{evidence}]",
    ]
    if "caveat" in more:
        lines.append(f'caveat = "{more["caveat"]}"')
    if "jurisdiction" in more:
        lines.append(f'context = {{ jurisdiction = "{more["jurisdiction"]}" }}')
    if "ki_nm" in more:
        lines.append(f'values = [{{ value = {more["ki_nm"]}, unit = "nM", measure = "Ki" }}]')
    return "\n".join(lines) + "\n"


def _kb(tmp_path: Path, *claims: str) -> KnowledgeBase:
    (tmp_path / "entities.toml").write_text(textwrap.dedent(ENTITIES), encoding="utf-8")
    (tmp_path / "sources.toml").write_text(_sources(), encoding="utf-8")
    (tmp_path / "claims.toml").write_text("\n".join(claims), encoding="utf-8")
    return KnowledgeBase.from_directory(tmp_path)


def _only(kb: KnowledgeBase, **kw: object) -> ketref.Statement:
    found = statements(kb, "alpha", **kw)  # type: ignore[arg-type]
    assert len(found) == 1, [s.text for s in found]
    return found[0]


# -- the grade rule --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        (["label"], Grade.A),
        (["trial-1", "trial-2"], Grade.A),
        (["trial-1", "meta"], Grade.A),
        (["trial-1"], Grade.B),
        (["meta"], Grade.B),
        (["trial-1", "wiki", "blog"], Grade.B),
        (["book"], Grade.C),
        (["wiki", "blog"], Grade.C),
        (["blog"], Grade.D),
        (["blog", "clinic"], Grade.D),
    ],
    ids=lambda v: "+".join(v) if isinstance(v, list) else str(v),
)
def test_grade_rule(tmp_path: Path, sources: list[str], expected: Grade) -> None:
    kb = _kb(tmp_path, _claim("c1", sources))
    assert _only(kb).grade is expected


def test_two_claims_from_two_trials_merge_and_reach_a(tmp_path: Path) -> None:
    kb = _kb(tmp_path, _claim("c1", ["trial-1"]), _claim("c2", ["trial-2"]))
    statement = _only(kb)
    assert statement.claims == ("c1", "c2")
    assert statement.grade is Grade.A
    assert {c.source for c in statement.citations} == {"trial-1", "trial-2"}


def test_a_copy_is_not_an_independent_source(tmp_path: Path) -> None:
    """Two journal articles, one a copy of the other, are one origin: B, not A."""
    kb = _kb(tmp_path, _claim("c1", ["trial-1"]))
    mirror = kb.source("label-mirror").model_copy(update={"kind": "journal_article", "copy_of": "trial-1"})
    from ketref.grades import grade

    assert grade([kb.source("trial-1"), mirror]) is Grade.B
    assert grade([kb.source("trial-1"), kb.source("trial-2")]) is Grade.A


def test_a_contradicted_statement_says_so_and_loses_a_grade(tmp_path: Path) -> None:
    kb = _kb(tmp_path, _claim("c1", ["trial-1"]), _claim("c2", ["trial-2"], negated=True))
    found = {s.claims: s for s in statements(kb, "alpha")}
    yes, no = found[("c1",)], found[("c2",)]
    assert yes.grade is Grade.C  # B, lowered: a source of the same tier denies it
    assert yes.conflict is not None and "Disputed" in yes.conflict and "does not bind" in yes.conflict
    assert no.text.startswith("Alpha does not bind")


def test_a_weaker_contradiction_does_not_lower_the_grade(tmp_path: Path) -> None:
    kb = _kb(tmp_path, _claim("c1", ["trial-1"]), _claim("c2", ["blog"], negated=True))
    statement = next(s for s in statements(kb, "alpha") if s.claims == ("c1",))
    assert statement.grade is Grade.B
    assert statement.conflict is not None


def _conflict(kind: str) -> str:
    return textwrap.dedent(
        f"""
        [[conflict]]
        id = "how-much"
        kind = "{kind}"
        topic = "How tightly alpha binds the beta receptor"
        side_a = ["c1"]
        side_b = ["c2"]
        """
    )


@pytest.mark.parametrize(("kind", "expected"), [("magnitude", Grade.B), ("other", Grade.C)])
def test_a_magnitude_only_conflict_keeps_the_grade_and_says_sizes_differ(
    tmp_path: Path, kind: str, expected: Grade
) -> None:
    """Two primary sources in two jurisdictions (two statements), opposed by a curated record: a
    record that disputes only a size leaves each statement at B (one primary source) and says
    "sizes differ"; one that disputes more lowers it to C and says "disputed"."""
    kb = _kb(
        tmp_path,
        _claim("c1", ["trial-1"], jurisdiction="US", ki_nm="300"),
        _claim("c2", ["trial-2"], jurisdiction="EU", ki_nm="3000"),
    )
    (tmp_path / "conflicts.toml").write_text(_conflict(kind), encoding="utf-8")
    kb = KnowledgeBase.from_directory(tmp_path)
    found = {s.claims: s for s in statements(kb, "alpha")}
    assert set(found) == {("c1",), ("c2",)}
    for statement in found.values():
        assert statement.grade is expected
        assert statement.conflict is not None and "How tightly alpha binds" in statement.conflict
        if kind == "magnitude":
            assert statement.sizes_differ and not statement.disputed
            assert statement.conflict.startswith("Sizes differ:") and statement.mark == " (sizes differ)"
        else:
            assert statement.disputed and not statement.sizes_differ
            assert statement.conflict.startswith("Disputed:") and statement.mark == " (disputed)"


def test_values_that_cannot_all_hold_differ_in_size_without_a_lower_grade(tmp_path: Path) -> None:
    """One reading stated with Ki 300 nM by one trial and 3000 nM by another: one statement, A
    (two independent primary sources), marked as sizes that differ rather than disputed."""
    kb = _kb(tmp_path, _claim("c1", ["trial-1"], ki_nm="300"), _claim("c2", ["trial-2"], ki_nm="3000"))
    statement = _only(kb)
    assert statement.grade is Grade.A
    assert statement.sizes_differ and statement.mark == " (sizes differ)"
    assert "300 nM" in statement.text and "3 µM" in statement.text


def test_only_hypothesized_lowers_the_grade(tmp_path: Path) -> None:
    kb = _kb(tmp_path, _claim("c1", ["trial-1"], status="hypothesized"))
    assert _only(kb).grade is Grade.C


def test_caveat_is_carried(tmp_path: Path) -> None:
    kb = _kb(tmp_path, _claim("c1", ["trial-1"], caveat="Other studies find no binding."))
    assert _only(kb).caveats == ("Other studies find no binding.",)


def test_min_tier_drops_citations_and_statements(tmp_path: Path) -> None:
    kb = _kb(
        tmp_path,
        _claim("c1", ["trial-1", "blog"]),
        _claim("c2", ["clinic"], predicate="treats", object="gamma"),
    )
    everything = statements(kb, "alpha")
    assert len(everything) == 2
    strict = statements(kb, "alpha", min_tier="primary")
    assert len(strict) == 1
    assert [c.source for c in strict[0].citations] == ["trial-1"]
    claims = kb.claims("alpha", min_tier=SourceTier.PRIMARY)
    assert [c.id for c in claims] == ["c1"]
    assert [e.source for e in claims[0].evidence] == ["trial-1"]


def test_profile_of_entity_with_nothing_to_say(tmp_path: Path) -> None:
    kb = _kb(tmp_path, _claim("c1", ["trial-1"]))
    p = profile(kb, "lonely")
    assert [s.title for s in p.sections] == ["Identity and structure", "Statements"]
    assert "Nothing else is recorded" in p.sections[1].statements[0].text


@pytest.mark.parametrize("bad", ["gold", "Primary!", ""])
def test_unknown_tier_lists_the_valid_ones(bad: str) -> None:
    with pytest.raises(ketref.InvalidQueryError, match="regulatory, systematic_review, primary"):
        resolve_tier(bad)
    with pytest.raises(ketref.InvalidQueryError, match="valid tiers"):
        ketref.claims("esketamine", min_tier=bad)


@pytest.mark.parametrize("bad", ["E", "A+", "", "1"])
def test_unknown_grade_lists_the_valid_ones(bad: str) -> None:
    with pytest.raises(ketref.InvalidQueryError, match="A, B, C, D"):
        resolve_grade(bad)


def test_tier_and_grade_values_resolve() -> None:
    assert resolve_tier("systematic review") is SourceTier.SYSTEMATIC_REVIEW
    assert resolve_grade("b") is Grade.B
    assert Grade.A > Grade.B > Grade.C > Grade.D


# -- the bundled knowledge base ----------------------------------------------------------------


def test_nmda_folds_read_as_one_range_with_what_lies_under_it() -> None:
    row = ketref.profile("esketamine").section("Targets and affinities").statements[0]
    assert row.text.startswith("NMDA receptor:")
    assert "3–5-fold greater affinity than arketamine" in row.text
    assert "Ki 0.3 vs 1.4 µM, Ebert et al. 1997" in row.text
    assert "stated as 2–3, 3–4, 4–5 and 5-fold" in row.text


def test_fold_summary_by_hand() -> None:
    folds = [Value(value=v, unit="fold") for v in ((2, 3), (3, 4), (4, 5), 5.0)]
    # medians of the lower (3) and upper ends (4), widened to the measured 4.67 and rounded out
    assert fold_summary(folds, 4.67) == "3–5-fold"
    assert fold_summary([Value(value=(2, 3), unit="fold")]) == "2–3-fold"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Value(value=390000, unit="nM"), "390 µM"),
        (Value(value=(66000, 140000), unit="nM", measure="Ki"), "66–140 µM (Ki)"),
        (Value(value=4.38, unit="dimensionless", measure="pKi"), "4.38 (pKi)"),
        (Value(value=(20, 40), unit="minute"), "20–40 min"),
        (Value(value=(7, 12), unit="hour"), "7–12 h"),
        (Value(value=48, unit="percent"), "48%"),
        (Value(value=0.3, unit="µM", measure="Ki"), "0.3 µM (Ki)"),
        (Value(value=(3, 4), unit="fold"), "3–4-fold"),
        (Value(value=(43, 45), unit="percent", qualifier="~"), "about 43–45%"),
    ],
    ids=str,
)
def test_units_for_people(value: Value, text: str) -> None:
    assert format_value(value) == text


def test_profile_section_order_per_kind(kb: KnowledgeBase) -> None:
    for entity_id, kind in (("esketamine", "compound"), ("nmda-receptor", "target"), ("spravato", "product")):
        titles = [s.title for s in profile(kb, entity_id).sections]
        order = SECTION_ORDER[kind]
        assert titles[0] == order[0]
        assert titles == [t for t in order if t in titles], titles
    assert [s.title for s in profile(kb, "esketamine").sections][:2] == [
        "Identity and structure",
        "Targets and affinities",
    ]
    assert [s.title for s in profile(kb, "nmda-receptor").sections][:2] == [
        "Identity",
        "Ligands and affinities",
    ]


ID_TOKEN = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+){1,}\b")


def test_no_id_token_in_any_profile(kb: KnowledgeBase) -> None:
    """Display names only: no entity id with a hyphen appears in any profile's statements."""
    hyphenated = {e for e in kb.entities if "-" in e}
    names = {e.name.lower() for e in kb.entities.values()} | {
        s.lower() for e in kb.entities.values() for s in e.synonyms
    }
    leaked = {i for i in hyphenated if i not in names}
    for entity_id in kb.entities:
        p = profile(kb, entity_id)
        body = "\n".join(
            line
            for section in p.sections
            if section.title != "Sources"
            for s in section.statements
            for line in (s.text, s.conflict or "", *s.caveats)
            if not line.startswith(("Structure drawing", "Identifiers", "InChIKey"))
        )
        found = {t for t in ID_TOKEN.findall(body) if t in leaked}
        assert not found, (entity_id, found)
        assert "nmda-receptor" not in body
        assert "treatment-resistant-depression" not in body


def test_min_tier_primary_profile_cites_nothing_weaker(kb: KnowledgeBase) -> None:
    p = profile(kb, "esketamine", min_tier="primary")
    assert p.citations
    assert all(c.tier >= SourceTier.PRIMARY for c in p.citations)
    full = profile(kb, "esketamine")
    assert len(p.statements) < len(full.statements)


def test_a_comparator_side_sentence_does_not_carry_the_subjects_values() -> None:
    # the bundled claim is "esketamine treats TRD, greater efficacy than quetiapine", with
    # remission rates (27.1 % esketamine, 17.6 % quetiapine) that belong to its stored subject
    quetiapine = [st.text for sec in ketref.profile("quetiapine").sections for st in sec.statements]
    treats = [t for t in quetiapine if "treats treatment-resistant depression" in t and "esketamine" in t]
    assert treats, quetiapine
    assert all("27.1" not in t and "%" not in t for t in treats), treats
    esketamine = [st.text for sec in ketref.profile("esketamine").sections for st in sec.statements]
    assert any("27.1%" in t and "quetiapine" in t for t in esketamine)


def test_a_missed_trial_end_point_reads_as_not_shown_better_than_placebo() -> None:
    """Every negated `treats` claim is a trial that did not beat placebo; "does not treat" would
    overstate it (issue #16, clinical evidence)."""
    sections = {s.title: s for s in ketref.profile("arketamine").sections}
    texts = [st.text for st in sections["Clinical use"].statements]
    assert any(
        t.startswith("Arketamine was not shown to be better than placebo for treatment-resistant depression")
        for t in texts
    ), texts
    assert not any("does not treat" in t for t in texts)


@pytest.mark.parametrize(
    ("title", "date", "expected"),
    [
        # a described title cut before its parenthesis would end on "on", and repeat its year
        (
            "Neuropsychopharmacology 2020 article on (2R,6R)-hydroxynorketamine (s41386)",
            "2020",
            "Neuropsychopharmacology 2020 article…",
        ),
        # a long title is shortened at a word, never inside one
        (
            "NMDA receptor antagonists ketamine and PCP have direct effects on the dopamine D2 receptor",
            None,
            "NMDA receptor antagonists ketamine and PCP…",
        ),
        (
            "Pharmacology of Ketamine Isomers in Surgical Patients",
            "1982",
            "Pharmacology of Ketamine Isomers in Surgical… 1982",
        ),
    ],
)
def test_a_short_citation_without_authors_cuts_a_title_at_a_word(
    title: str, date: str | None, expected: str
) -> None:
    from ketref.models.sources import Source
    from ketref.statements import short_citation

    source = Source(id="s", title=title, kind="journal_article", url="https://example.org/s", date=date)
    assert short_citation(source) == expected


def test_the_dose_a_figure_was_measured_after_reads_as_its_condition() -> None:
    """The Swiss Ketalar label's 10–15 min distribution half-life follows a 2.5 mg/kg bolus."""
    sections = {s.title: s for s in ketref.profile("racemic ketamine").sections}
    texts = [st.text for st in sections["Pharmacokinetics"].statements]
    assert any("10–15 min after a 2.5 mg/kg intravenous bolus dose" in t for t in texts), texts
    assert not any("; 2.5 mg/kg" in t for t in texts)


def test_a_labels_pharmacology_names_the_label_not_a_country() -> None:
    """A half-life from the Swiss label holds everywhere: "(Swiss label)", not "in Switzerland";
    an approval or a contraindication does hold in a country."""
    sections = {s.title: s for s in ketref.profile("racemic ketamine").sections}
    pk = [st.text for st in sections["Pharmacokinetics"].statements]
    assert any(
        t.startswith("Racemic ketamine has a bioavailability of 93%") and "(Swiss label)" in t for t in pk
    )
    assert not any("in Switzerland" in t for t in pk)
    regulation = [st.text for st in sections["Regulation"].statements]
    assert any(t.endswith("in the United States") for t in regulation), regulation


@pytest.mark.parametrize(
    ("phrase", "denied"),
    [
        ("causes bladder problems", "does not cause bladder problems"),
        ("increases BDNF", "does not increase BDNF"),
        ("metabolises ketamine", "does not metabolise ketamine"),
        ("binds the NMDA receptor", "does not bind the NMDA receptor"),
        ("carries a warning of X", "does not carry a warning of X"),
        ("reaches the brain", "does not reach the brain"),
        ("is approved for X", "is not approved for X"),
        ("has the parameter Y", "does not have the parameter Y"),
    ],
)
def test_a_denial_uses_the_verbs_base_form(phrase: str, denied: str) -> None:
    """The profile once read "Ketamine does not caus bladder problems"."""
    from ketref.statements import _negated

    assert _negated(phrase) == denied


def test_every_jurisdiction_in_the_data_reads_as_a_name() -> None:
    """A sentence says "in Canada" and "(Australian label)", never "in CA" or "(AU label)"."""
    from ketref.humanize import jurisdiction_adjective, jurisdiction_name

    codes = {c.context.jurisdiction for c in ketref.knowledge_base().claims() if c.context.jurisdiction}
    assert {"US", "GB", "CH"} <= codes
    for code in codes:
        assert jurisdiction_name(code) != code, code
        assert jurisdiction_adjective(code) != code or code in {"US", "EU"}, code
    assert (jurisdiction_name("NZ"), jurisdiction_adjective("AU")) == ("New Zealand", "Australian")


def test_a_name_that_starts_with_an_article_reads_in_lower_case() -> None:
    from ketref.humanize import _lower_first

    assert _lower_first("A condition in which a rise in blood pressure would be a serious hazard").startswith(
        "a condition"
    )
    assert _lower_first("AMPA receptor") == "AMPA receptor"


def test_where_a_jurisdiction_holds_is_read_from_the_predicate_row() -> None:
    """One flag on the vocabulary row, the same read either way round."""
    from ketref.vocabulary import PREDICATES

    for predicate in PREDICATES.values():
        assert predicate.jurisdictional == PREDICATES[predicate.inverse].jurisdictional, predicate.id
    assert PREDICATES["approved_for"].jurisdictional and PREDICATES["has_approved_drug"].jurisdictional
    assert not PREDICATES["has_parameter"].jurisdictional
