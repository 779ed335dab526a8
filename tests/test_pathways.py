"""Pathways: real paths in the curated data, evidence on every edge, diagrams, graph properties."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from itertools import pairwise

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


def test_missing_dot_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ketref.RenderError, match="graphviz"):
        render.to_svg(ketref.pathway("esketamine"))


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
