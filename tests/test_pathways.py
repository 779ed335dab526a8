"""Pathways: real paths in the curated data, evidence on every edge, diagrams, graph properties."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ketref
from ketref.pathways import render
from ketref.pathways.graph import StatusGraph
from ketref.vocabulary import Status

ROOTS = ["esketamine", "arketamine", "racemic-ketamine", "ketamine"]


# -- the curated pathways ------------------------------------------------------------------


def test_nmda_blockade_reaches_mtor_for_esketamine() -> None:
    p = ketref.pathway("esketamine")
    paths = p.paths("nmda-receptor-blockade", "mtor")
    assert paths
    assert all(path.nodes[0] == "nmda-receptor-blockade" and path.nodes[-1] == "mtor" for path in paths)
    # the benchchem chain: glutamate surge -> AMPA -> BDNF -> mTOR
    assert ("nmda-receptor-blockade", "glutamate-surge", "ampa-receptor", "bdnf", "mtor") in {
        q.nodes for q in paths
    }
    assert "mtor" in p.downstream("esketamine")


def test_arketamine_has_mek_erk_and_sigma_1_routes_that_esketamine_lacks() -> None:
    ark, esk = ketref.pathway("arketamine"), ketref.pathway("esketamine")
    assert ark.paths("arketamine", "mek-erk-signaling")
    # the guide credits arketamine's own sigma-1 affinity, not the receptor in general (issue 13)
    assert "sigma-1-receptor" in {n.id for n in ark.nodes}
    assert ark.paths("arketamine", "anti-inflammatory-effect")
    assert not ark.paths("sigma-1-receptor", "anti-inflammatory-effect")
    assert ark.paths("arketamine", "neuroprotective-effect")
    esk_nodes = {n.id for n in esk.nodes}
    assert "mek-erk-signaling" not in esk_nodes
    assert "sigma-1-receptor" not in esk_nodes


def test_form_unspecified_ketamine_adds_opioids_protein_synthesis_and_the_dmn() -> None:
    rac = {n.id for n in ketref.pathway("racemic-ketamine").nodes}
    assert "opioid-receptors" in rac
    unspecified = ketref.pathway("ketamine")
    assert unspecified.paths("ketamine", "protein-synthesis")
    assert unspecified.paths("ketamine", "default-mode-network-disruption")
    inherited = ketref.pathway("racemic-ketamine", inherit=True)
    assert any(e.inherited for e in inherited.edges)
    assert "default-mode-network-disruption" in {n.id for n in inherited.nodes}


def test_a_blocked_target_is_a_dead_end() -> None:
    """Once esketamine blocks the NMDA receptor, the receptor's own downstream is not followed,
    and only esketamine itself reaches the blockade (no other node can enter it)."""
    p = ketref.pathway("esketamine")
    assert not [e for e in p.edges if e.source == "nmda-receptor"]
    derived = next(e for e in p.edges if e.derived)
    assert (derived.source, derived.target) == ("esketamine", "nmda-receptor-blockade")
    assert all(
        path.nodes[:2] == ("esketamine", "nmda-receptor-blockade")
        for path in p.paths("esketamine", "nmda-receptor-blockade")
    )
    assert p.paths("NMDA receptor blockade", "mTOR")  # names work as well as ids


def test_an_edge_the_form_states_itself_is_not_inherited() -> None:
    own = {e.key for e in ketref.pathway("esketamine").edges}
    for edge in ketref.pathway("esketamine", inherit=True).edges:
        if edge.key in own:
            assert not edge.inherited, edge.key


def test_paths_come_shortest_first_and_check_their_arguments() -> None:
    p = ketref.pathway("esketamine")
    lengths = [len(q.nodes) for q in p.paths("nmda-receptor-blockade", "mtor")]
    assert lengths == sorted(lengths)
    with pytest.raises(ketref.InvalidQueryError):
        p.paths("esketamine", "mtor", max_length=0)
    with pytest.raises(ketref.QueryTypeError):
        p.paths("esketamine", "mtor", max_length="3")  # type: ignore[arg-type]
    with pytest.raises(ketref.QueryTypeError):
        ketref.pathway("esketamine", inherit=1)  # type: ignore[arg-type]


@pytest.mark.parametrize("root", ROOTS)
def test_every_edge_carries_evidence(root: str) -> None:
    p = ketref.pathway(root)
    assert p.edges
    for edge in p.edges:
        claims = [ketref.claim(c) for c in edge.claims]
        assert all(c.evidence for c in claims)
        assert edge.status == min((c.status for c in claims), key=lambda s: s.rank)
        if not edge.derived:
            assert all(c.subject in (edge.source, "ketamine") and c.object == edge.target for c in claims)


def test_upstream_and_downstream_agree() -> None:
    p = ketref.pathway("esketamine")
    for node in p.nodes:
        for other in p.downstream(node.id):
            assert node.id in p.upstream(other)


def test_unknown_node_is_a_lookup_error() -> None:
    with pytest.raises(ketref.UnknownEntityError, match="not in the pathway"):
        ketref.pathway("esketamine").paths("esketamine", "sigma-1-receptor")


def test_difference_between_the_enantiomers() -> None:
    diff = ketref.compare_pathways("esketamine", "arketamine")
    assert ("*", "antagonist_of", "nmda-receptor") not in diff.shared  # keys are (source, target, predicate)
    assert ("*", "nmda-receptor", "antagonist_of") in diff.shared
    assert ("*", "mek-erk-signaling", "leads_to") in diff.only_b
    assert ("*", "disinhibition", "leads_to") in diff.only_a
    assert not set(diff.only_a) & set(diff.only_b)


# -- diagrams ------------------------------------------------------------------------------


def mermaid_parts(text: str) -> tuple[list[str], list[str]]:
    nodes = re.findall(r'^\s+(n\d+)\["', text, flags=re.M)
    edges = re.findall(r"^\s+(n\d+) (?:-->|==>|-\.->)\|", text, flags=re.M)
    return nodes, edges


@pytest.mark.parametrize("root", ROOTS)
def test_mermaid_has_every_node_and_edge(root: str) -> None:
    p = ketref.pathway(root)
    text = render.to_mermaid(p)
    assert text.startswith("flowchart LR\n")
    nodes, edges = mermaid_parts(text)
    assert len(nodes) == len(p.nodes)
    assert len(edges) == len(p.edges)
    for node in p.nodes:
        assert f'["{render._mermaid_text(node.name)}"]' in text
    assert "Legend" in text


@given(st.text(max_size=60))
def test_mermaid_labels_are_escaped(text: str) -> None:
    escaped = render._mermaid_text(text)
    assert not set(escaped) & set('"<>|[]')


def dot_available() -> bool:
    return shutil.which("dot") is not None


@pytest.mark.parametrize("view", ["esketamine", "arketamine", "diff"])
def test_dot_output_renders_with_graphviz(view: str) -> None:
    if not dot_available():
        if os.environ.get("CI"):
            pytest.fail("CI must install Graphviz (dot) for this test")
        pytest.skip("Graphviz 'dot' is not installed here")
    target = ketref.compare_pathways("esketamine", "arketamine") if view == "diff" else ketref.pathway(view)
    dot = render.to_dot(target)
    done = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "<svg" in done.stdout
    svg = render.to_svg(target)
    assert "<svg" in svg and "Legend" in svg


def test_missing_dot_is_a_missing_dependency(monkeypatch: pytest.MonkeyPatch) -> None:
    """A missing ``dot`` is a MissingDependencyError naming graphviz (an ImportError too), for SVG
    and PNG alike, not a RenderError (which is for a dot that ran and failed)."""
    monkeypatch.setattr(shutil, "which", lambda name: None)
    for draw in (render.to_svg, render.to_png):
        with pytest.raises(ketref.MissingDependencyError, match="graphviz") as info:
            draw(ketref.pathway("esketamine"))
        assert not isinstance(info.value, ketref.RenderError)
        assert info.value.package == "graphviz"


def test_dot_marks_status_styles() -> None:
    dot = render.to_dot(ketref.pathway("arketamine"))
    assert "style=dashed" in dot and "style=dotted" in dot and "style=solid" in dot


# -- graph properties on random graphs -----------------------------------------------------

NODES = [f"v{i}" for i in range(6)]
edge_lists = st.lists(
    st.tuples(st.sampled_from(NODES), st.sampled_from(NODES), st.sampled_from(list(Status))).filter(
        lambda e: e[0] != e[1]
    ),
    max_size=18,
)


def reference_paths(edges: dict[tuple[str, str], Status], source: str, target: str) -> set[tuple[str, ...]]:
    """Every simple path by networkx, the reference implementation (6 nodes: at most 5 edges, well
    under StatusGraph's caps)."""
    import networkx as nx

    graph = nx.DiGraph(list(edges))
    if source not in graph or target not in graph:
        return set()
    return {tuple(p) for p in nx.all_simple_paths(graph, source, target)}


@settings(max_examples=300)
@given(edge_lists, st.sampled_from(NODES), st.sampled_from(NODES))
def test_paths_are_real_complete_and_weakest_is_right(
    edges: list[tuple[str, str, Status]], source: str, target: str
) -> None:
    graph = StatusGraph(edges)
    strongest: dict[tuple[str, str], Status] = {}
    for a, b, s in edges:
        if (a, b) not in strongest or s.rank < strongest[(a, b)].rank:
            strongest[(a, b)] = s
    paths = list(graph.paths(source, target))
    for path in paths:
        assert path[0] == source and path[-1] == target
        assert len(set(path)) == len(path)
        pairs = list(pairwise(path))
        assert all(pair in strongest for pair in pairs)
        expected = max((strongest[pair] for pair in pairs), key=lambda s: s.rank)
        assert graph.path_status(path) == expected
    if source != target:
        assert set(paths) == reference_paths(strongest, source, target)


@settings(max_examples=200)
@given(edge_lists)
def test_descendants_match_paths(edges: list[tuple[str, str, Status]]) -> None:
    import networkx as nx

    graph = StatusGraph(edges)
    reference = nx.DiGraph([(a, b) for a, b, _ in edges])
    reference.add_nodes_from(NODES)
    for a in NODES:
        assert set(graph.descendants(a)) == nx.descendants(reference, a)
        assert set(graph.ancestors(a)) == nx.ancestors(reference, a)
        for b in NODES:
            if a != b:
                assert (b in graph.descendants(a)) == bool(list(graph.paths(a, b)))


def test_a_node_is_found_by_name_or_synonym_and_an_unknown_one_is_an_error() -> None:
    """``node("mTOR")`` used to raise a bare StopIteration: the name resolved, the lookup did not."""
    view = ketref.pathway("esketamine")
    assert view.node("mTOR").id == "mtor"
    assert view.node("mtor") == view.node("mTOR")
    with pytest.raises(ketref.UnknownEntityError) as info:
        view.node("arketamine")  # an entity, but not a node of this pathway
    assert "not in the pathway of esketamine" in str(info.value)


# -- the core view (issue #15) ---------------------------------------------------------------

FORMS = ["esketamine", "arketamine", "racemic-ketamine"]
MECHANISM_KINDS = {"target", "molecule", "cell_type", "process", "effect"}


def _reaches(edges: list[tuple[str, str]], start: str, goal: str) -> bool:
    seen, stack = {start}, [start]
    while stack:
        node = stack.pop()
        for a, b in edges:
            if a == node and b not in seen:
                if b == goal:
                    return True
                seen.add(b)
                stack.append(b)
    return False


@pytest.mark.parametrize("root", [*FORMS, "ketamine"])
def test_core_is_small_and_runs_from_the_compound_to_the_antidepressant_effect(root: str) -> None:
    core = ketref.pathway(root, view="core")
    assert core.view == "core"
    assert 8 <= len(core.nodes) <= 13
    assert core.nodes[0].id == root
    edges = [(e.source, e.target) for e in core.edges]
    assert _reaches(edges, root, "antidepressant-effect")
    full = ketref.pathway(root)
    assert len(full.nodes) > len(core.nodes)
    full_pairs = {(e.source, e.target) for e in full.edges}
    kb = ketref.knowledge_base()
    for edge in core.edges:
        assert (edge.source, edge.target) in full_pairs  # never a step the full pathway lacks
        for claim_id in edge.claims:
            claim = kb.claim(claim_id)
            assert claim.evidence
            if not edge.derived:
                assert claim.subject in (edge.source, "ketamine") and claim.object == edge.target


def test_core_holds_the_canonical_chain_the_claims_support_and_each_forms_own_branches() -> None:
    """Read off the curated claims by hand: the benchchem chain (NMDA blockade, glutamate surge,
    AMPA, BDNF, TrkB, mTOR, synaptogenesis) is every form's; so, since auth-mechanism.toml states
    NMDA receptor blockade -> GABAergic interneurons and -> disinhibition (Homayoun 2007, Widman
    2018), are the interneurons and disinhibition; MEK/ERK and sigma-1 (greater affinity than
    esketamine) are arketamine's own; the opioid receptors (greater affinity than arketamine,
    Hirota 1999) are esketamine's."""
    chain = {
        "nmda-receptor-blockade",
        "glutamate-surge",
        "ampa-receptor",
        "bdnf",
        "trkb",
        "mtor",
        "synaptogenesis",
        "antidepressant-effect",
    }
    nodes = {root: {n.id for n in ketref.pathway(root, view="core").nodes} for root in FORMS}
    for root in FORMS:
        assert chain <= nodes[root], root
    for root in FORMS:
        assert {"disinhibition", "gabaergic-interneurons"} <= nodes[root], root
    # the blockade reaches disinhibition itself, not only through esketamine's seed claim
    core = ketref.pathway("arketamine", view="core")
    assert ("nmda-receptor-blockade", "disinhibition") in {(e.source, e.target) for e in core.edges}
    assert {"mek-erk-signaling", "sigma-1-receptor"} <= nodes["arketamine"]
    assert {"mu-opioid-receptor", "kappa-opioid-receptor"} <= nodes["esketamine"]
    assert "mek-erk-signaling" not in nodes["esketamine"]
    # the receptor is drawn as its blockade, not a second time beside it
    assert all("nmda-receptor" not in n for n in nodes.values())


@pytest.mark.parametrize("view", ["core", "full"])
@pytest.mark.parametrize("root", FORMS)
def test_no_interacting_drug_or_condition_is_a_mechanism_node(root: str, view: str) -> None:
    """Clarithromycin, ticlopidine (interactions) and relapse (a condition) used to be nodes."""
    kb = ketref.knowledge_base()
    p = ketref.pathway(root, view=view)  # type: ignore[arg-type]
    for node in p.nodes[1:]:
        assert kb.entities[node.id].kind.value in MECHANISM_KINDS, node.id
    assert not {"clarithromycin", "ticlopidine", "relapse"} & {n.id for n in p.nodes}


def test_core_says_which_canonical_steps_no_claim_gives() -> None:
    """TrkB → mTOR is drawn only if a claim states it; otherwise the view lists it as missing."""
    kb = ketref.knowledge_base()
    stated = any(r.object == "mtor" and not r.negated for r in kb.claims(subject="trkb") if not r.inverted)
    core = ketref.pathway("esketamine", view="core")
    drawn = {(e.source, e.target) for e in core.edges}
    assert (("trkb", "mtor") in drawn) == stated
    assert ("TrkB → mTOR" in core.missing) == (not stated)
    # the chain reads BDNF, TrkB, mTOR in the diagram: through TrkB when a claim states TrkB → mTOR
    # (BDNF → mTOR is then implied and reduced away), else from BDNF beside TrkB
    assert {("bdnf", "trkb"), ("trkb", "mtor") if stated else ("bdnf", "mtor")} <= drawn


def test_the_bdnf_trkb_pair_is_drawn_as_one_group_that_leads_to_mtor() -> None:
    dot = render.to_dot(ketref.pathway("esketamine", view="core"))
    ids = dict(re.findall(r'^\s+(n\d+) \[label="([^"]*)"', dot, flags=re.M))
    by_name = {label.replace("\\n", " "): node for node, label in ids.items()}
    clusters = dict(re.findall(r"subgraph (cluster_pair\d+) \{(.*?)\n    \}", dot, flags=re.S))
    name = next(c for c, body in clusters.items() if f"{by_name['BDNF']} [" in body)
    assert f"{by_name['TrkB']} [" in clusters[name]
    # the step on to mTOR leaves the group, from BDNF or (when a claim states it) from TrkB
    edge = re.search(rf"(?:{by_name['BDNF']}|{by_name['TrkB']}) -> {by_name['mTOR']} \[(.*)\];", dot)
    assert edge is not None and f"ltail={name}" in edge.group(1)


def test_the_view_argument_is_checked() -> None:
    with pytest.raises(ketref.InvalidQueryError, match="core"):
        ketref.pathway("esketamine", view="slide")  # type: ignore[arg-type]
    with pytest.raises(ketref.QueryTypeError):
        ketref.pathway("esketamine", view=1)  # type: ignore[arg-type]


# -- styling and legend ----------------------------------------------------------------------


def _legend(dot: str) -> str:
    start = dot.index("label=<<TABLE")
    return dot[start : dot.index("</TABLE>>", start)]


def _drawn_nodes_and_edges(dot: str) -> tuple[list[str], list[str]]:
    body = dot[dot.index("subgraph cluster_main") :]
    nodes = re.findall(r"^\s+n\d+ \[label=.*$", body, flags=re.M)
    edges = re.findall(r"^\s+n\d+ -> n\d+ \[.*$", body, flags=re.M)
    return nodes, edges


@pytest.mark.parametrize("which", [*FORMS, "compare"])
def test_the_legend_lists_exactly_the_kind_colours_grade_lines_and_comparison_colours_used(
    which: str,
) -> None:
    from ketref.vocabulary import KINDS

    view = (
        ketref.compare_pathways("esketamine", "arketamine", view="core")
        if which == "compare"
        else ketref.pathway(which, view="core")
    )
    dot = render.to_dot(view)
    legend = _legend(dot)
    nodes, edges = _drawn_nodes_and_edges(dot)
    fills = {re.search(r'fillcolor="([^"]+)"', n).group(1) for n in nodes}  # type: ignore[union-attr]
    swatches = dict(re.findall(r'<TD BGCOLOR="([^"]+)"[^>]*>([^<]+)</TD>', legend))
    assert set(swatches) == fills
    for colour, label in swatches.items():  # each swatch names the kind of that colour
        assert any(k.colour == colour and k.label == label for k in KINDS.values())
    lines = {
        (re.search(r"style=(\w+)", e).group(1), float(re.search(r"penwidth=([\d.]+)", e).group(1)))  # type: ignore[union-attr]
        for e in edges
    }
    samples = re.findall(r'BORDER="(\d+)" SIDES="B" STYLE="(\w+)" COLOR="#111827"', legend)
    assert {(style, round(width)) for style, width in lines} == {(s, int(b)) for b, s in samples}
    colours = {m for e in edges if (m := re.search(r'color="([^"]+)"', e))}
    used = {m.group(1) for m in colours}
    listed = set(re.findall(r'SIDES="B" STYLE="solid" COLOR="(#(?!111827)[0-9a-f]{6})"', legend))
    assert used == listed
    if which == "compare":
        # shared steps and at least one form's own; which forms have own steps in the core view
        # depends on the data (esketamine's seed step to disinhibition is now reduced away, since
        # the NMDA receptor blockade both forms give leads there itself)
        assert render.SHARED in listed and listed <= {render.SHARED, *render.COLOURS} and len(listed) >= 2
        assert "both" in legend and "only Arketamine" in legend


def test_edge_lines_follow_the_grade_of_their_sources() -> None:
    """Independently of the renderer's table: a step resting on a regulator or two primary sources
    is drawn thicker than one on a single primary source, reference works dashed, secondary dotted."""
    from ketref.grades import grade

    kb = ketref.knowledge_base()
    view = ketref.pathway("racemic-ketamine")
    dot = render.to_dot(view)
    _, edges = _drawn_nodes_and_edges(dot)
    seen = set()
    for edge, line in zip(view.edges, edges, strict=True):
        claims = [kb.claim(c) for c in edge.claims]
        sources = {e.source: kb.source(e.source) for c in claims for e in c.evidence}
        expected = grade(sources.values(), [c.status for c in claims])
        assert edge.grade == expected
        style = re.search(r"style=(\w+)", line).group(1)  # type: ignore[union-attr]
        width = float(re.search(r"penwidth=([\d.]+)", line).group(1))  # type: ignore[union-attr]
        seen.add((expected.value, style, width))
        assert style == {"A": "solid", "B": "solid", "C": "dashed", "D": "dotted"}[expected.value]
    widths = {g: w for g, _, w in seen}
    if "A" in widths and "B" in widths:
        assert widths["A"] > widths["B"]


def test_edges_carry_their_sources_as_tooltips_and_nodes_link_to_entity_pages() -> None:
    svg_dot = render.to_dot(ketref.pathway("arketamine", view="core"), href=lambda i: f"../../entities/{i}/")
    assert 'URL="../../entities/sigma-1-receptor/"' in svg_dot
    if not dot_available():
        pytest.skip("Graphviz 'dot' is not installed here")
    svg = render.to_svg(ketref.pathway("arketamine", view="core"), href=lambda i: f"../../entities/{i}/")
    titles = re.findall(r'<g id="edge\d+" class="edge">\s*<title>(.*?)</title>', svg, flags=re.S)
    assert titles and all("Sources:" in t and "grade" in t for t in titles)
    assert 'xlink:href="../../entities/mek-erk-signaling/"' in svg


# -- slides ---------------------------------------------------------------------------------


def rendered_label_px(svg: str, slide: tuple[int, int] = (1280, 720)) -> float:
    """The smallest text height in pixels when the SVG is fitted to a slide: font-size (in the
    SVG's user units) times the group's scale times the slide's pixels per user unit."""
    width, height = (float(x) for x in re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)"', svg).groups())  # type: ignore[union-attr]
    scale = float(re.search(r'class="graph" transform="scale\(([\d.]+)', svg).group(1))  # type: ignore[union-attr]
    fit = min(slide[0] / width, slide[1] / height)
    return min(float(s) for s in re.findall(r'font-size="([\d.]+)"', svg)) * scale * fit


@pytest.mark.parametrize("which", [*FORMS, "compare"])
def test_core_labels_are_at_least_12_px_on_a_1280_by_720_slide(which: str) -> None:
    if not dot_available():
        if os.environ.get("CI"):
            pytest.fail("CI must install Graphviz (dot) for this test")
        pytest.skip("Graphviz 'dot' is not installed here")
    view = (
        ketref.compare_pathways("esketamine", "arketamine", view="core")
        if which == "compare"
        else ketref.pathway(which, view="core")
    )
    assert rendered_label_px(render.to_svg(view)) >= 12.0


def test_rendered_label_px_measures_what_a_browser_would() -> None:
    """The measuring function itself, on a hand-written SVG: 14-unit text in a 2560-unit-wide
    drawing is 7 px on a 1280-px slide."""
    svg = (
        '<svg width="2560pt" height="400pt" viewBox="0.00 0.00 2560.00 400.00">'
        '<g id="graph0" class="graph" transform="scale(1 1)"><text font-size="14.00">x</text></g></svg>'
    )
    assert rendered_label_px(svg) == pytest.approx(7.0)


def test_png_for_a_slide() -> None:
    if not dot_available():
        pytest.skip("Graphviz 'dot' is not installed here")
    import struct

    png = render.to_png(ketref.pathway("arketamine", view="core"))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
    assert width == 1280 and height <= 720
    with pytest.raises(ketref.InvalidQueryError):
        render.to_png(ketref.pathway("arketamine", view="core"), width=10)


def test_cli_writes_a_png_and_refuses_one_on_stdout(tmp_path: Path) -> None:
    from ketref.cli import main

    if not dot_available():
        pytest.skip("Graphviz 'dot' is not installed here")
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "esk.png"
    assert main(["pathway", "esketamine", "--format", "png", "--out", str(target)], out, err) == 0
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main(["pathway", "esketamine", "--format", "png"], io.StringIO(), err) == 1
    assert "--out" in err.getvalue()


# -- paths ------------------------------------------------------------------------------------


def test_paths_are_limited_shortest_first_and_never_return_through_the_compound() -> None:
    from ketref.pathways.model import Pathway, PathwayEdge, PathwayNode

    p = ketref.pathway("arketamine")
    every = p.paths("arketamine", "antidepressant-effect")
    first = p.paths("arketamine", "antidepressant-effect", limit=3)
    assert len(first) == 3 and first == every[:3]
    assert [len(q.nodes) for q in every] == sorted(len(q.nodes) for q in every)
    with pytest.raises(ketref.InvalidQueryError):
        p.paths("arketamine", "mtor", limit=0)
    # a hand-made pathway with a step back into its compound: no path goes through it
    nodes = tuple(PathwayNode(id=i, name=i, kind="process") for i in ("root", "x", "y"))

    def edge(a: str, b: str) -> PathwayEdge:
        return PathwayEdge(source=a, target=b, predicate="leads_to", status=Status.REPORTED, claims=("c",))

    loop = Pathway(root="root", nodes=nodes, edges=(edge("root", "x"), edge("x", "root"), edge("root", "y")))
    assert [q.nodes for q in loop.paths("root", "y")] == [("root", "y")]
    assert loop.paths("x", "y") == ()


def test_cli_paths_takes_a_limit() -> None:
    from ketref.cli import main

    out = io.StringIO()
    assert (
        main(
            ["paths", "arketamine", "arketamine", "antidepressant-effect", "--limit", "2"], out, io.StringIO()
        )
        == 0
    )
    lines = out.getvalue().splitlines()
    assert "2 shortest shown" in lines[0]
    assert len([line for line in lines if line.startswith("  (")]) == 2


# -- comparison -----------------------------------------------------------------------------


def test_a_step_both_forms_have_with_different_potency_reads_both() -> None:
    """ketref records that arketamine is the less potent analgesic and anaesthetic; the difference
    view must not call these esketamine's alone."""
    kb = ketref.knowledge_base()
    compared = [
        c
        for c in kb.all_claims()
        if c.subject == "esketamine"
        and c.object == "analgesia"
        and c.comparison is not None
        and c.comparison.comparator == "arketamine"
        and c.comparison.aspect.value == "potency"
        and c.comparison.direction.value == "greater"
    ]
    assert compared  # the premise, read from the data directly
    diff = ketref.compare_pathways("esketamine", "arketamine")
    for effect in ("analgesia", "anesthesia"):
        key = ("*", effect, "has_effect")
        assert key in diff.shared and key not in diff.only_a
        assert "esketamine more potent" in (diff.note(key) or "")
    assert ("*", "mek-erk-signaling", "leads_to") in diff.only_b  # a real difference stays one
    from ketref.cli import main

    out = io.StringIO()
    assert (
        main(["pathway", "esketamine", "--compare", "arketamine", "--view", "full"], out, io.StringIO()) == 0
    )
    text = out.getvalue()
    both = text[: text.index("only Esketamine")]
    assert "Each has the effect Analgesia  (both; esketamine more potent)" in both
    assert "Analgesia" not in text[text.index("only Esketamine") :]


def test_a_compound_outside_the_cascade_gets_its_nearest_steps_as_its_core() -> None:
    """The example pack's compound acts on made-up receptors: its core view is its own nearest
    steps (never empty), and nothing of the ketamine cascade is called missing."""
    from ketref.kb import KnowledgeBase
    from ketref.pathways.api import pathway

    kb = KnowledgeBase.from_paths(Path(__file__).resolve().parents[1] / "examples" / "lecture-pack")
    full = pathway(kb, "examplamine")
    core = pathway(kb, "examplamine", view="core")
    assert core.edges and core.missing == ()
    assert {n.id for n in core.nodes} <= {n.id for n in full.nodes}
    assert len(core.nodes) == min(len(full.nodes), 12)


# -- properties of the core selection and the renderer ----------------------------------------

DAG_NODES = [f"d{i}" for i in range(7)]
dag_edges = st.lists(
    st.tuples(st.integers(0, 6), st.integers(0, 6)).filter(lambda e: e[0] < e[1]), max_size=16, unique=True
)


@settings(max_examples=200)
@given(dag_edges)
def test_the_core_views_reduction_keeps_reachability_and_drops_only_implied_steps(
    pairs: list[tuple[int, int]],
) -> None:
    """Checked against networkx's transitive reduction, on random acyclic graphs."""
    import networkx as nx

    from ketref.pathways.core import _reduce
    from ketref.pathways.model import PathwayEdge

    edges = [
        PathwayEdge(
            source=DAG_NODES[a],
            target=DAG_NODES[b],
            predicate="leads_to",
            status=Status.REPORTED,
            claims=("c",),
        )
        for a, b in pairs
    ]
    kept = {(e.source, e.target) for e in _reduce(edges, set())}
    graph = nx.DiGraph([(DAG_NODES[a], DAG_NODES[b]) for a, b in pairs])
    assert kept == set(nx.transitive_reduction(graph).edges) if pairs else kept == set()
    protected = {(DAG_NODES[a], DAG_NODES[b]) for a, b in pairs[:2]}
    assert protected <= {(e.source, e.target) for e in _reduce(edges, protected)}


awkward_names = st.text(
    alphabet=st.characters(codec="utf-8") | st.sampled_from(['"', "\\", "<", ">", "{", "}", "\n", "&"]),
    min_size=1,
    max_size=30,
)


@settings(max_examples=25, deadline=None)
@given(st.lists(awkward_names, min_size=2, max_size=4), st.text(max_size=3).map(lambda t: t + "\ud800"))
def test_any_node_name_gives_a_diagram_graphviz_draws(names: list[str], lone: str) -> None:
    """Quotes, backslashes, markup, braces, newlines, control characters and a lone surrogate in
    node names and missing-step notes never break the DOT text or the SVG."""
    import xml.etree.ElementTree as ET

    from ketref.pathways.model import Pathway, PathwayEdge, PathwayNode

    if not dot_available():
        pytest.skip("Graphviz 'dot' is not installed here")
    nodes = tuple(
        PathwayNode(id=f"n-{i}", name=name, kind="process") for i, name in enumerate([*names, lone])
    )
    edges = tuple(
        PathwayEdge(
            source=a.id,
            target=b.id,
            predicate="leads_to",
            status=Status.SUGGESTED,
            claims=("c",),
            cited=(lone,),
        )
        for a, b in pairwise(nodes)
    )
    view = Pathway(root="n-0", nodes=nodes, edges=edges, view="core", missing=(lone, *names))
    svg = render.to_svg(view)
    ET.fromstring(svg.encode("utf-8", "replace"))


def test_the_mermaid_legend_explains_every_arrow_colour_and_node_class_used() -> None:
    text = render.to_mermaid(ketref.compare_pathways("esketamine", "arketamine", view="core"))
    used = set(re.findall(r"^\s+linkStyle \d+ .*stroke: (#[0-9a-f]{6})", text, flags=re.M))
    legend = text[text.index('subgraph legend["Legend"]') :]
    explained = set(re.findall(r"style C[0-9a-f]{6} stroke:(#[0-9a-f]{6})", legend))
    assert used and used == explained
    classes = set(re.findall(r'^\s+n\d+\[".*"\]:::(\w+)$', text, flags=re.M))
    assert classes == set(re.findall(r'^\s+K(\w+)\["', legend, flags=re.M))


def test_comparing_a_compound_with_itself_is_refused() -> None:
    """Reliability review L3: `pathway X --compare X` listed every step as 'both'; one compound named
    twice (by id and by a synonym too) is a bad query, not a comparison."""
    from ketref.errors import InvalidQueryError

    for other in ("esketamine", "Esketamine", "S-ketamine"):
        with pytest.raises(InvalidQueryError, match="both name esketamine"):
            ketref.compare_pathways("esketamine", other)
    from ketref.cli import main

    err = io.StringIO()
    assert main(["pathway", "esketamine", "--compare", "esketamine"], io.StringIO(), err) == 1
    assert "compare two different compounds" in err.getvalue()
