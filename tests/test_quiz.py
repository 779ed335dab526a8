"""Quizzes are well-posed: checked against the knowledge base, not through the generator's code.

The rule (issue 15): a wrong option is never something the knowledge base says of the subject or
of a related form under the same or a sibling predicate (metabolism read transitively), never
the subject or one of its forms, and of the same kind as the answer; each question has exactly
one right answer. Everything below recomputes what it needs from ``kb.all_claims()`` and the
entity records; it imports nothing from ``ketref.quiz`` but the entry points and the model.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ketref
from ketref.grades import Grade
from ketref.quiz import Question, QuestionKind, make_quiz, question_pool, to_gift, to_markdown, to_text
from ketref.statements import statements
from ketref.vocabulary import SourceTier

KB = ketref.knowledge_base()

# the sibling groups, written out here on purpose (not imported)
GROUPS = [
    {"has_effect", "has_adverse_effect", "has_warning"},  # a label warning names an effect too
    {"binds", "antagonist_of", "inhibits", "agonist_of", "interacts_with", "activates"},
    {"metabolized_to", "metabolized_by"},
    {"treats", "approved_for", "used_off_label_for", "in_clinical_trials_for", "first_line_for"},
    {"administered_via"},
    {"has_active_ingredient", "has_component", "has_strength"},
]
CHEMICAL = {"compound", "salt", "molecule"}


@cache
def relatives(entity_id: str) -> frozenset[str]:
    """The entity's forms, racemate components, salts, parents and products (connected)."""
    edges: dict[str, set[str]] = defaultdict(set)
    for e in KB.entities.values():
        for other in (getattr(e, "form_of", None), getattr(e, "parent", None), *getattr(e, "components", ())):
            if other:
                edges[e.id].add(other)
                edges[other].add(e.id)
    for c in KB.all_claims():
        if c.predicate == "has_active_ingredient" and not c.negated:
            edges[c.subject].add(c.object)
            edges[c.object].add(c.subject)
    seen, todo = {entity_id}, [entity_id]
    while todo:
        for nxt in edges[todo.pop()] - seen:
            seen.add(nxt)
            todo.append(nxt)
    return frozenset(seen)


@cache
def metabolic_closure(family: set[str]) -> set[str]:
    """``family`` with every compound a (non-negated) metabolized_to claim links to it, and their
    relatives, repeated until nothing new joins."""
    chain = set(family)
    while True:
        bigger = set(chain)
        for c in KB.all_claims():
            if c.predicate == "metabolized_to" and not c.negated and {c.subject, c.object} & chain:
                bigger |= relatives(c.subject) | relatives(c.object)
        if bigger == chain:
            return chain
        chain = bigger


def linked(subject: str, predicate: str) -> set[str]:
    """Everything any claim (any tier) relates to the subject's family under a sibling predicate."""
    group = next((g for g in GROUPS if predicate in g), {predicate})
    family = relatives(subject)
    out = set()
    for c in KB.all_claims():
        if c.negated or c.predicate not in group:
            continue
        if c.subject in family:
            out.add(c.object)
        if c.object in family:
            out.add(c.subject)
    if group & {"binds", "has_effect"}:  # stricter than the rule: a metabolite's targets and effects too
        chain = metabolic_closure(family)
        for c in KB.all_claims():
            if c.predicate in group and not c.negated:
                if c.subject in chain:
                    out.add(c.object)
                if c.object in chain:
                    out.add(c.subject)
    if "metabolized_to" in group:
        chain = metabolic_closure(family)
        out |= chain
        out |= {c.object for c in KB.all_claims() if c.predicate == "metabolized_by" and c.subject in chain}
    return out


def kind_of(entity_id: str) -> str:
    kind = KB.entities[entity_id].kind.value
    return "chemical" if kind in CHEMICAL else kind


@cache
def mechanism_edges() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = defaultdict(set)
    kinds = {"process", "target", "molecule", "effect", "cell_type"}
    for c in KB.all_claims():
        if c.predicate not in ("leads_to", "activates", "increases") or c.negated or c.comparison:
            continue
        if KB.entities[c.subject].kind.value in kinds and KB.entities[c.object].kind.value in kinds:
            edges[c.subject].add(c.object)
    return edges


def reachable(start: str, edges: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for nxt in edges[todo.pop()] - seen:
            seen.add(nxt)
            todo.append(nxt)
    return seen


@cache
def canonical(value: ketref.Value) -> tuple[str, float, float] | None:
    if value.unit in ("percent", "%"):
        return ("percent", value.low, value.high)
    for unit in ("µM", "hour", "mg", "mg/mL"):
        try:
            v = value.to(unit)
        except ketref.KetrefError:
            continue
        return (unit, v.low, v.high)
    return None


CONTESTED = frozenset(c.id for x in KB.conflicts() for c in (*x.side_a, *x.side_b))


@cache
def grades() -> dict[str, Grade]:
    """Each claim's grade: the best grade of any statement (of any entity's profile) merging it,
    from ketref.statements, not from the quiz."""
    best: dict[str, Grade] = {}
    for entity in KB.entities:
        for statement in statements(KB, entity):
            for claim_id in statement.claims:
                if statement.grade is not None and (claim_id not in best or statement.grade > best[claim_id]):
                    best[claim_id] = statement.grade
    return best


def grade_of(claim_id: str) -> Grade:
    return grades().get(claim_id, Grade.D)


SOURCE_ID = re.compile("|".join(sorted((re.escape(s.id) for s in KB.sources()), key=len, reverse=True)))


def check(q: Question, min_grade: Grade = Grade.D) -> None:
    """Every rule of a well-posed question, recomputed from the knowledge base."""
    assert 0 <= q.answer < len(q.options) and len(set(q.options)) == len(q.options) >= 2, q
    assert q.stem and q.explanation and q.claims
    claims = [KB.claim(c) for c in q.claims]
    if q.kind is not QuestionKind.CONFLICT:
        assert all(c.status.value != "unknown" for c in claims), q.stem  # open questions are no answers
    assert q.quote == claims[0].evidence[0].quote
    # no source id in what a student reads (a source is named by author, year or kind)
    assert not SOURCE_ID.search(q.stem) and not any(SOURCE_ID.search(o) for o in q.options), q.stem
    # every claim a question rests on reaches the minimum grade; structures are computed, and a
    # conflict needs a claim at the grade on each side
    if q.kind is QuestionKind.CONFLICT:
        record = next(x for x in KB.conflicts() if set(q.claims) == {c.id for c in (*x.side_a, *x.side_b)})
        for side in (record.side_a, record.side_b):
            assert any(grade_of(c.id) >= min_grade for c in side), q.stem
    elif q.kind is not QuestionKind.STRUCTURE:
        assert all(grade_of(c.id) >= min_grade for c in claims), (q.stem, [grade_of(c.id) for c in claims])
    # the source is named only where the statement is contested or graded C or D
    named_ok = all(c.id in CONTESTED or grade_of(c.id) <= Grade.C for c in claims)
    if q.stem.startswith("According to"):
        assert named_ok, q.stem
    elif q.kind is not QuestionKind.STRUCTURE and q.kind is not QuestionKind.CONFLICT:
        assert not named_ok, q.stem
    wrong = [i for i in range(len(q.options)) if i != q.answer]

    if q.kind in (QuestionKind.WHICH, QuestionKind.METABOLISM):
        assert q.subject and q.predicate and q.option_ids
        answer = q.option_ids[q.answer]
        assert answer is not None
        assert any(
            c.subject == q.subject and c.predicate == q.predicate and c.object == answer for c in claims
        )
        said = linked(q.subject, q.predicate)
        for i in wrong:
            option = q.option_ids[i]
            assert option is not None
            assert option not in relatives(q.subject), (q.stem, option)
            assert option not in said, (q.stem, option)
            assert kind_of(option) == kind_of(answer), (q.stem, option)
            if q.predicate == "metabolized_by":  # an enzyme's wrong options are metabolising enzymes
                assert any(c.predicate == "metabolized_by" and c.object == option for c in KB.all_claims()), (
                    q.stem,
                    option,
                )

    elif q.kind is QuestionKind.MECHANISM:
        edges = mechanism_edges()
        backwards: dict[str, set[str]] = defaultdict(set)
        for a, targets in edges.items():
            for b in targets:
                backwards[b].add(a)
        answer = q.option_ids[q.answer]
        assert answer is not None and q.subject
        if q.predicate == "follows":
            assert answer in edges[q.subject]
            excluded = reachable(q.subject, edges)
        else:
            assert q.subject in edges[answer]
            excluded = reachable(q.subject, backwards)
        for i in wrong:
            option = q.option_ids[i]
            assert option is not None and option not in excluded and option != q.subject, (q.stem, option)
            assert KB.entities[option].kind is KB.entities[answer].kind

    elif q.kind is QuestionKind.COMPARE and q.unit == "fold":
        folds = [c.comparison.magnitude for c in claims if c.comparison and c.comparison.magnitude]
        low, high = min(f.low for f in folds), max(f.high for f in folds)
        assert q.option_values[q.answer] is not None
        assert low <= q.option_values[q.answer] <= high  # type: ignore[operator]
        for i in wrong:
            value = q.option_values[i]
            assert value is not None and (value < low / 1.5 or value > high * 3), (q.stem, value)

    elif q.kind is QuestionKind.COMPARE:
        right = q.option_ids[q.answer]
        other = next(o for i, o in enumerate(q.option_ids) if i != q.answer and o is not None)
        assert right and other
        asks_more = bool(re.search(r"\b(more|longer|faster)\b", q.stem))
        asks_less = bool(re.search(r"\b(less|shorter|slower)\b", q.stem))
        assert asks_more != asks_less, q.stem
        # every comparison between the two on this topic puts the answer on the asked side
        predicate, aspect = q.topic.split(":")[:2]
        found = 0
        for c in KB.all_claims():
            cmp = c.comparison
            if c.negated or cmp is None or c.predicate != predicate or cmp.aspect.value != aspect:
                continue
            if {c.subject, cmp.comparator} != {right, other} or c.object not in {cl.object for cl in claims}:
                continue
            found += 1
            stronger = c.subject if cmp.direction.value == "greater" else cmp.comparator
            assert (stronger == right) == asks_more, (q.stem, c.id)
        assert found

    elif q.kind is QuestionKind.NUMBER:
        assert q.unit and q.option_values and q.subject
        route = claims[0].context.route
        measure = {c.values[0].measure for c in claims} if q.predicate in ("binds", "inhibits") else None
        known = []
        for c in KB.all_claims():
            if c.negated or c.comparison or c.subject not in relatives(q.subject):
                continue
            if c.predicate != q.predicate or c.object != claims[0].object or c.context.route != route:
                continue
            for v in c.values:
                got = canonical(v)
                if got and got[0] == q.unit and (measure is None or v.measure in measure):
                    known.append(got[1:])
        assert known
        k_low, k_high = min(a for a, _ in known), max(b for _, b in known)
        for i in wrong:
            value = q.option_values[i]
            assert value is not None
            if q.unit == "percent":
                assert value < k_low - 15 or value > k_high + 15, (q.stem, value, k_low, k_high)
            else:
                assert value < k_low / 5 or value > k_high * 5, (q.stem, value, k_low, k_high)

    elif q.kind is QuestionKind.STRUCTURE and q.topic == "structure:smiles":
        from rdkit import Chem

        assert q.subject and f"SMILES string is {q.subject}" in q.stem.replace(
            KB.entities[q.subject].name, q.subject
        ).replace(KB.entities[q.subject].name.lower(), q.subject)

        def same(a: str, b: str) -> bool:
            return bool(Chem.MolToSmiles(Chem.MolFromSmiles(a)) == Chem.MolToSmiles(Chem.MolFromSmiles(b)))

        recorded = getattr(KB.entities[q.subject], "smiles", None)
        assert isinstance(recorded, str)
        assert same(q.answer_text, recorded), q.stem
        for i in wrong:
            assert not same(q.options[i], recorded), (q.stem, q.options[i])

    elif q.kind is QuestionKind.STRUCTURE:
        assert q.subject
        labels = [c.label for c in ketref.structure(q.subject).stereocenters]
        if "configuration" in q.stem:
            assert q.answer_text == "(" + ",".join(str(x) for x in labels) + ")"
        else:
            label = re.search(r"\((R|S)\) enantiomer", q.stem)
            assert label and labels == [label.group(1)]
            for i in wrong:
                option = q.option_ids[i]
                assert option is not None
                theirs = (
                    [c.label for c in ketref.structure(option).stereocenters]
                    if getattr(KB.entities[option], "smiles", None)
                    else []
                )
                assert theirs != labels, (q.stem, option)

    elif q.kind is QuestionKind.REGULATION and q.topic == "approved_for:product":
        # which product is approved for the condition: the answer by a claim; a wrong product is
        # one with recorded uses, none of them the condition or a use of the right product
        uses_group = next(g for g in GROUPS if "approved_for" in g)
        condition, answer = q.subject, q.option_ids[q.answer]
        assert condition and answer
        assert all(c.subject == answer and c.object == condition and not c.negated for c in claims)
        assert all(c.predicate == "approved_for" for c in claims)

        def uses(product: str) -> set[str]:
            return {
                c.object
                for c in KB.all_claims()
                if c.subject == product and c.predicate in uses_group and not c.negated
            }

        for i in wrong:
            option = q.option_ids[i]
            if option is None:
                assert q.options[i].startswith("No product"), q.options[i]
                continue
            assert KB.entities[option].kind.value == "product"
            assert uses(option) and not uses(option) & ({condition} | uses(answer)), (q.stem, option)

    elif q.kind is QuestionKind.REGULATION:
        year = int(claims[0].context.date[:4])  # type: ignore[index]
        assert q.answer_text == str(year)
        family = relatives(claims[0].subject)
        dates = {
            int(c.context.date[:4])
            for c in KB.all_claims()
            if c.predicate == claims[0].predicate
            and c.subject in family
            and c.context.date
            and c.object == claims[0].object
        }
        for i in wrong:
            assert all(abs(int(q.options[i]) - d) >= 5 for d in dates), q.stem

    elif q.kind is QuestionKind.CONFLICT:
        ids = set(q.claims)
        assert any(ids == {c.id for c in (*x.side_a, *x.side_b)} for x in KB.conflicts())
        assert q.answer_text == ("True" if "disagree" in q.stem else "False")
    else:  # pragma: no cover - a new kind must get its own check here
        pytest.fail(f"unchecked kind {q.kind}")


POOL = question_pool(KB)  # at the default grade, C
EVERY_GRADE = question_pool(KB, min_grade=None)


def test_the_bundled_knowledge_base_yields_enough_distinct_questions() -> None:
    keys = {q.key for q in POOL}
    kinds = Counter(q.kind for q in POOL)
    assert len(keys) == len(POOL) >= 150
    assert len(kinds) >= 6, kinds


@pytest.mark.parametrize("index", range(len(POOL)))
def test_every_question_in_the_pool_is_well_posed(index: int) -> None:
    check(POOL[index], Grade.C)


@pytest.mark.parametrize("index", range(len(EVERY_GRADE)))
def test_every_question_at_every_grade_is_well_posed(index: int) -> None:
    check(EVERY_GRADE[index])


@pytest.mark.parametrize("grade", ["A", "b", Grade.C, "D"])
def test_min_grade_keeps_only_statements_of_that_grade(grade: str | Grade) -> None:
    wanted = Grade(str(grade).upper())
    pool = question_pool(KB, min_grade=grade)
    assert pool
    for q in pool:
        check(q, wanted)
    # a lower minimum never loses a question a higher one asks
    assert {q.key for q in pool} <= {q.key for q in EVERY_GRADE}


def test_min_grade_and_min_tier_work_together() -> None:
    both = question_pool(KB, min_grade="B", min_tier="primary")
    assert both
    for q in both:
        check(q, Grade.B)
        if q.kind is not QuestionKind.STRUCTURE and q.kind is not QuestionKind.CONFLICT:
            best = max(KB.source(s).effective_tier for c in q.claims for s in KB.claim(c).sources)
            assert best >= SourceTier.PRIMARY, q.stem
    # fewer claims behind a question can change its range, so compare sizes, not stems
    assert len(both) < len(question_pool(KB, min_grade="B"))


def test_unknown_grades_are_refused_with_the_valid_ones() -> None:
    for bad in ("E", "", "best", "a+"):
        with pytest.raises(ketref.InvalidQueryError, match="A, B, C, D"):
            make_quiz(KB, 5, min_grade=bad)
    with pytest.raises(ketref.QueryTypeError):
        make_quiz(KB, 5, min_grade=3)  # type: ignore[arg-type]


def test_new_kinds_are_asked() -> None:
    topics = Counter(q.topic for q in EVERY_GRADE)
    assert topics["approved_for:product"] >= 3, topics
    assert topics["structure:smiles"] >= 2, topics
    stems = [q.stem for q in EVERY_GRADE]
    assert any(s == "Which SMILES string is esketamine?" for s in stems)
    assert any(s.startswith("Which product is approved in the United States") for s in stems)


@settings(max_examples=50, deadline=None)
@given(
    st.integers(min_value=0, max_value=2**32),
    st.integers(min_value=1, max_value=60),
    st.sampled_from(["A", "B", "C", "D"]),
)
def test_every_quiz_is_well_posed_and_balanced(seed: int, n: int, grade: str) -> None:
    report = make_quiz(KB, n, seed, min_grade=grade)
    questions = report.questions
    assert 1 <= len(questions) <= n
    if len(questions) < n:
        assert report.shortfall and str(len(questions)) in report.shortfall
    cap = max(1, n // 4)
    assert max(Counter(q.kind for q in questions).values()) <= cap
    assert max(Counter(q.topic for q in questions).values()) <= cap
    assert len({q.stem for q in questions}) == len(questions)
    # no fact asked twice: "the sources agree" and "the sources disagree" on one conflict, or
    # "which binds more tightly" and "which binds less tightly", would give each other away
    assert len({frozenset(q.claims) for q in questions}) == len(questions)
    for q in questions:
        check(q, Grade(grade))


def test_quiz_is_reproducible_and_checks_its_arguments() -> None:
    assert make_quiz(KB, 12, 7) == make_quiz(KB, 12, 7)
    with pytest.raises(ketref.InvalidQueryError):
        make_quiz(KB, 0)
    with pytest.raises(ketref.QueryTypeError):
        make_quiz(KB, "5")  # type: ignore[arg-type]
    with pytest.raises(ketref.InvalidQueryError, match="tier"):
        make_quiz(KB, 5, min_tier="excellent")


def test_min_tier_keeps_only_questions_on_good_sources() -> None:
    report = make_quiz(KB, 20, 1, min_tier="reference")
    assert report.questions
    for q in report.questions:
        if q.kind is QuestionKind.STRUCTURE:
            continue
        best = max(KB.source(s).effective_tier for c in q.claims for s in KB.claim(c).sources)
        assert best >= SourceTier.REFERENCE, q.stem


def test_more_than_can_be_made_says_how_many_and_why() -> None:
    report = make_quiz(KB, 1000, 0)
    assert len(report.questions) < 1000
    assert report.shortfall and f"made {len(report.questions)} of 1000" in report.shortfall


def parse_gift(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """A small GIFT reader: (stem, [(marker, text)]) per question; T/F answers as one option."""
    questions = []
    body = "\n".join(line for line in text.splitlines() if not line.startswith("//"))
    for block in filter(None, (b.strip() for b in re.split(r"\n\s*\n", body))):
        head = re.split(r"(?<!\\)\{", block, maxsplit=1)[0]
        answers = re.split(r"(?<!\\)\{", block, maxsplit=1)[1]
        assert answers.rstrip().endswith("}"), block
        answers = answers.rstrip()[:-1]
        title = re.match(r"::(.*?)(?<!\\)::", head)
        assert title, block
        stem = head[title.end() :].strip()
        options = [
            (m, t.split("#")[0].strip()) for m, t in re.findall(r"(?<!\\)([=~])((?:\\.|[^=~\\])*)", answers)
        ]
        if not options:
            options = [(answers.strip()[:1], "")]
        questions.append((re.sub(r"\\(.)", r"\1", stem), options))
    return questions


def test_gift_export_parses_with_one_right_answer_each() -> None:
    questions = make_quiz(KB, 40, 2).questions
    parsed = parse_gift(to_gift(questions))
    assert len(parsed) == len(questions)
    for (stem, options), q in zip(parsed, questions, strict=True):
        assert stem == q.stem
        if q.kind is QuestionKind.CONFLICT:
            assert options == [("T" if q.answer_text == "True" else "F", "")]
        else:
            assert [m for m, _ in options].count("=") == 1
            right = next(t for m, t in options if m == "=")
            assert re.sub(r"\\(.)", r"\1", right) == q.answer_text


def test_text_export_has_an_answer_key() -> None:
    questions = make_quiz(KB, 8, 5).questions
    text = to_text(questions)
    assert text.count("\n   A. ") == len(questions)
    key = text.split("Answer key", 1)[1]
    for number, q in enumerate(questions, 1):
        assert f"{number}. {'ABCDEF'[q.answer]} ({q.answer_text})" in key
    assert "not clinical guidance" in text


def test_numbers_are_on_a_sensible_scale() -> None:
    for q in POOL:
        if q.kind is QuestionKind.NUMBER:
            for value in q.option_values:
                assert value is not None and value > 0 and math.isfinite(value)


def test_markdown_export_keeps_smiles_and_source_tiers_as_text() -> None:
    import markdown  # type: ignore[import-untyped]

    questions = [q for q in EVERY_GRADE if q.topic == "structure:smiles"][:2]
    questions += [q for q in EVERY_GRADE if q.kind is QuestionKind.NUMBER][:2]
    html = markdown.markdown(to_markdown(questions))
    assert "<a " not in html and "<em>" not in html and "<strong>" not in html
    for q in questions:
        for option in q.options:
            assert option.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in html
    assert "[primary]" in html or "[reference]" in html or "[regulatory]" in html


def test_a_plasma_level_is_asked_in_the_unit_a_label_uses() -> None:
    """1.7–2.2 µg/mL, not 0.0017–0.0022 mg/mL; and no option is a string of zeros."""
    from ketref.quiz import _show, _show_range

    assert _show_range("mg/mL", 0.0017, 0.0022, "~") == "about 1.7–2.2 µg/mL"
    assert _show("mg/mL", 1e-5) == "10 ng/mL"
    assert _show("mg/mL", 57.7) == "57.7 mg/mL"
    text = "\n".join(q.stem + " " + " ".join(q.options) for q in question_pool(KB, seed=3))
    assert not re.search(r"\b0\.000\d", text)


def test_a_comparison_explanation_is_a_grammatical_sentence() -> None:
    from ketref.quiz import _explained

    assert _explained("is the more potent at producing analgesia", "at producing analgesia") == (
        "is more potent at producing analgesia"
    )
    assert _explained(
        "is the more potent antagonist of the NMDA receptor", "antagonist of the NMDA receptor"
    ) == ("is a more potent antagonist of the NMDA receptor")
    for q in question_pool(KB, seed=3):
        assert "is a more potent at" not in q.explanation and "is a less potent at" not in q.explanation


def test_a_year_is_asked_at_the_grade_of_the_claims_that_give_it() -> None:
    """The label's words make 'Spravato is approved for MDD with suicidal ideation' grade C, but
    only a news item (tier secondary) dates it to 2020: at the default grade the year is not asked."""

    def years(pool: tuple[Question, ...]) -> set[str]:
        return {
            q.stem
            for q in pool
            if q.kind is QuestionKind.REGULATION and q.topic == "approved_for:year" and "suicidal" in q.stem
        }

    assert not years(POOL)
    assert years(question_pool(KB, min_grade="D"))


def test_a_schedule_reads_in_lower_case_in_a_year_question() -> None:
    stems = [q.stem for q in POOL if q.kind is QuestionKind.REGULATION and q.topic == "controlled_in:year"]
    assert any("placed under schedule III (US Controlled Substances Act)" in s for s in stems), stems
    assert not any("placed under The " in s or "placed under Class " in s for s in stems), stems
