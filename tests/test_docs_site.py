"""The docs site: generated from the data, built in strict mode, and checked in a real browser.

CI installs Debian's chromium and Graphviz; elsewhere the browser test is skipped when they are
missing. Screenshots are kept under build/screenshots/ as artefacts.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import ketref

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "build" / "screenshots"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def need(program: str) -> str:
    found = shutil.which(program)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {program}")
        pytest.skip(f"{program} is not installed here")
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need("dot")
    if not os.environ.get("CI"):
        pytest.importorskip("mkdocs")
    out = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "ketref.docsgen", str(ROOT / "docs" / "generated")], check=True, cwd=ROOT
    )
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def chromium(*args: str, profile: Path) -> str:
    program = need("chromium")
    done = subprocess.run(
        [program, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def screenshot(url: str, name: str, size: str, profile: Path) -> None:
    """Save a screenshot of ``url`` as ``name`` for a person to look at, and check it has content."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    chromium(f"--window-size={size}", f"--screenshot={SCREENSHOTS / name}", url, profile=profile)
    assert (SCREENSHOTS / name).stat().st_size > 10_000


def test_site_has_a_page_per_entity_table_and_pathway(site: Path) -> None:
    for entity in ketref.knowledge_base().entities:
        assert (site / "generated" / "entities" / entity / "index.html").is_file(), entity
    for name in (
        "forms",
        "affinities",
        "routes",
        "pharmacokinetics",
        "adverse-effects",
        "regulatory",
        "conflicts",
    ):
        assert (site / "generated" / "tables" / name / "index.html").is_file()
    assert (site / "api" / "index.html").read_text(encoding="utf-8").count("ketref.api.claims") >= 1


def test_the_comparison_table_renders_in_a_browser(server: str, tmp_path: Path) -> None:
    dom = chromium("--dump-dom", f"{server}/generated/tables/forms/", profile=tmp_path / "p1")
    table = dom[dom.index('id="table-forms"') :]
    table = table[: table.index("</table>")]
    headers = re.findall(r"<th>(.*?)</th>", table)
    assert headers == list(ketref.table("forms").columns)
    assert table.count("<tr>") == len(ketref.table("forms").rows) + 1
    screenshot(f"{server}/generated/tables/forms/", "forms.png", "1400,1000", tmp_path / "p2")


def test_a_pathway_diagram_renders_in_a_browser(server: str, tmp_path: Path) -> None:
    dom = chromium(
        "--dump-dom", f"{server}/generated/pathways/esketamine-vs-arketamine/", profile=tmp_path / "p3"
    )
    assert '<div class="ketref-pathway' in dom
    svg = dom[dom.index('<div class="ketref-pathway') :]
    assert "<svg" in svg and "Legend" in svg
    for name in ("Esketamine", "Arketamine", "MEK/ERK signalling", "Sigma-1 receptor"):
        assert name in svg
    screenshot(
        f"{server}/generated/pathways/esketamine-vs-arketamine/", "pathway.png", "1600,1000", tmp_path / "p4"
    )


def test_an_entity_page_is_a_profile_with_formatted_citations(server: str, tmp_path: Path) -> None:
    """Issue #14: the entity page shows the profile's sections in order, and a footnote mark links
    to the source in text citation style with its tier."""
    dom = chromium("--dump-dom", f"{server}/generated/entities/esketamine/", profile=tmp_path / "p5")
    headings = [re.sub(r"<.*?>|¶", "", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", dom)]
    expected = [s.title for s in ketref.profile("esketamine").sections]
    assert headings[: len(expected)] == expected
    assert 'href="#source-1"' in dom
    first = dom[dom.index('<li id="source-1">') :]
    first = first[: first.index("</li>")]
    assert re.search(r"\b(19|20)\d\d\b", first)  # an author-year citation, not a title alone
    assert re.search(r"\[(regulatory|systematic review|primary|reference|secondary|marketing)\]", first)
    assert "nmda-receptor" not in dom.split('<div class="ketref-structure">')[0]
    screenshot(
        f"{server}/generated/entities/esketamine/", "entity-esketamine.png", "1280,2400", tmp_path / "p6"
    )


def test_navigation_puts_students_first_and_developers_last() -> None:
    import yaml  # type: ignore[import-untyped]

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    titles = [next(iter(item)) for item in config["nav"]]
    student = ["Start here", "The three forms", "Mechanism", "Clinical use", "Safety", "Tables", "Quiz"]
    assert titles[: len(student)] == student
    assert titles.index("Glossary") < titles.index("Sources") < titles.index("For developers")
    assert titles[-1] == "For developers"
    forms = [next(iter(item)) for item in config["nav"][1]["The three forms"]]
    assert forms == ["Racemic ketamine", "Esketamine", "Arketamine"]


def test_the_sources_page_lists_every_source_with_tier_and_interests(site: Path) -> None:
    page = (site / "generated" / "sources-list" / "index.html").read_text(encoding="utf-8")
    kb = ketref.knowledge_base()
    for source in kb.sources():
        assert f'id="source-{source.id}"' in page
    assert page.count("Tier:") == len(kb.sources())
    assert "Interests:" in page
    quiz = (site / "generated" / "quiz" / "index.html").read_text(encoding="utf-8")
    assert "Answer key" in quiz


# -- pathway pages (#15): label size, node links, no request off the machine ------------------

MEASURE = """<!doctype html>
<html><body style="margin:0">
<iframe id="f" src="{page}" width="1280" height="900" style="border:0"></iframe>
<pre id="out">pending</pre>
<script>
var f = document.getElementById("f");
f.addEventListener("load", function () {{
  setTimeout(function () {{
    var d = f.contentDocument;
    var box = d.querySelector(".ketref-pathway");
    var texts = box.querySelectorAll("svg text");
    var least = Infinity, lowest = Infinity;
    for (var i = 0; i < texts.length; i++) {{
      var ctm = texts[i].getScreenCTM();
      var size = parseFloat(texts[i].getAttribute("font-size"));
      least = Math.min(least, size * Math.abs(ctm.a));
      var r = texts[i].getBoundingClientRect();
      if (r.height > 0) {{ lowest = Math.min(lowest, r.height); }}
    }}
    var a = box.querySelector("g.node a");
    var href = a.getAttribute("xlink:href") || a.getAttribute("href");
    var edge = box.querySelector("g.edge title");
    document.getElementById("out").textContent = "RESULT" + JSON.stringify({{
      least: least, lowest: lowest, texts: texts.length,
      href: new URL(href, f.contentWindow.location.href).href,
      ready: box.getAttribute("data-ketref-ready"),
      buttons: box.querySelectorAll("button.ketref-pz-button").length,
      viewport: f.contentWindow.innerWidth,
      edgeTitle: edge ? edge.textContent : ""
    }}) + "END";
  }}, 1500);
}});
</script></body></html>
"""


def measure_pathway_page(site: Path, server: str, page: str, profile: Path) -> dict[str, object]:
    """Load a pathway page in a 1280-px-wide frame and read, from the browser itself, the smallest
    rendered label (font size times the screen transform, and the text boxes' heights), a node's
    link and whether the pan-zoom script ran."""
    import json

    (site / "ketref-measure.html").write_text(MEASURE.format(page=page), encoding="utf-8")
    dom = chromium(
        "--window-size=1300,1000",
        "--virtual-time-budget=15000",
        "--dump-dom",
        f"{server}/ketref-measure.html",
        profile=profile,
    )
    found = re.search(r"RESULT(.*?)END", dom, flags=re.S)
    assert found is not None, dom[-2000:]
    result: dict[str, object] = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    return result


@pytest.mark.parametrize("slug", ["esketamine", "arketamine", "racemic-ketamine", "esketamine-vs-arketamine"])
def test_pathway_labels_are_readable_at_1280_px_and_nodes_link_to_entity_pages(
    site: Path, server: str, tmp_path: Path, slug: str
) -> None:
    import urllib.request

    result = measure_pathway_page(site, server, f"/generated/pathways/{slug}/", tmp_path / "m")
    assert result["viewport"] == 1280
    assert result["ready"] == "1" and result["buttons"] == 4  # the pan-zoom script ran
    assert isinstance(result["texts"], int) and result["texts"] > 10
    assert isinstance(result["least"], float | int) and result["least"] >= 12.0, result
    assert isinstance(result["lowest"], float | int) and result["lowest"] >= 12.0, result
    href = str(result["href"])
    assert href.startswith(f"{server}/generated/entities/"), href
    with urllib.request.urlopen(href) as response:  # the local test server
        entity_page = response.read().decode("utf-8")
    entity = href.rstrip("/").rsplit("/", 1)[-1]
    assert ketref.knowledge_base().entities[entity].name in entity_page
    assert "Sources:" in str(result["edgeTitle"]) and "grade" in str(result["edgeTitle"])


def test_a_pathway_page_lists_its_steps_and_what_the_claims_lack(site: Path) -> None:
    page = (site / "generated" / "pathways" / "esketamine" / "index.html").read_text(encoding="utf-8")
    assert page.count('class="ketref-pathway"') == 2  # the core diagram, then every step
    assert 'href="../../entities/nmda-receptor-blockade/"' in page
    steps = page[page.index('id="the-steps"') :]
    assert 'href="../../entities/bdnf/"' in steps
    core = ketref.pathway("esketamine", view="core")
    if core.missing:
        assert "Not in ketref" in page
    assert "javascripts/ketref-panzoom.js" in page


def site_requests(netlog: Path) -> list[str]:
    """The URLs the pages asked for, from Chromium's NetLog: requests made by a page (their
    initiator is an origin) and navigations to the site; the browser's own background requests
    (update checks, account lists; initiator "not an origin" outside the site) are not the site's."""
    import json

    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = []
    for event in log["events"]:
        params = event.get("params", {})
        if event["type"] != start or "url" not in params:
            continue
        initiator = params.get("initiator", "")
        local_site = "site=http://127.0.0.1" in params.get("site_for_cookies", "")
        if initiator != "not an origin" or local_site:
            urls.append(params["url"])
    return urls


def test_the_site_makes_no_request_off_the_machine(server: str, tmp_path: Path) -> None:
    from urllib.parse import urlsplit

    pages = ["/generated/pathways/esketamine-vs-arketamine/", "/generated/entities/esketamine/", "/"]
    for i, page in enumerate(pages):
        log = tmp_path / f"net{i}.json"
        chromium(
            "--window-size=1280,900",
            "--virtual-time-budget=8000",
            f"--log-net-log={log}",
            "--dump-dom",
            f"{server}{page}",
            profile=tmp_path / f"n{i}",
        )
        urls = site_requests(log)
        assert any(u.endswith("/javascripts/ketref-panzoom.js") for u in urls)  # the log sees the page
        for url in urls:
            parts = urlsplit(url)
            assert parts.scheme in ("file", "data", "blob") or parts.hostname in ("127.0.0.1", "localhost"), (
                url
            )


# -- issue 15: a student-first site, checked in the browser ------------------------------------

NAMED = re.compile(r"\[([^\]]+)\]\(([a-z0-9-]+)\.md\)")


def test_entity_pages_link_every_entity_their_statements_name() -> None:
    """Every entity a statement's claims name (subject, object, comparator, route), other than the
    page's own, is linked where its name appears in the statement; and every link leads to an
    entity page. Recomputed from the claims and the generated Markdown, not from docsgen's code."""
    from ketref.docsgen import _linked_profile

    kb = ketref.knowledge_base()
    checked = 0
    for page in ("esketamine", "arketamine", "racemic-ketamine", "ketamine", "spravato", "nmda-receptor"):
        plain = ketref.profile(page)
        linked = _linked_profile(kb, page)
        for before, after in zip(plain.statements, linked.statements, strict=True):
            links = {target: text for text, target in NAMED.findall(after.text)}
            assert NAMED.sub(r"\1", after.text) == before.text  # only links were added
            assert page not in links and all(target in kb.entities for target in links)
            for claim_id in before.claims:
                claim = kb.claim(claim_id)
                named = {claim.subject, claim.object, claim.context.route}
                named.add(claim.comparison.comparator if claim.comparison else None)
                for entity_id in named - {None, page}:
                    name = kb.entities[str(entity_id)].name
                    own = kb.entities[page].name
                    inside_other = any(
                        name.casefold() in kb.entities[str(o)].name.casefold()
                        for o in (named | {page}) - {None, entity_id}
                    )
                    if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", before.text, re.I) and not (
                        inside_other or name.casefold() in own.casefold()
                    ):
                        assert entity_id in links, (page, before.text, entity_id)
                        checked += 1
    assert checked >= 50


def nav_titles(dom: str) -> list[str]:
    """The primary navigation's entries in page order, as the browser has them."""
    nav = dom[dom.index("md-nav--primary") :]
    return [
        re.sub(r"<.*?>", "", t).strip()
        for t in re.findall(r'<span class="md-ellipsis">(.*?)</span>', nav, re.S)
    ]


def test_the_navigation_reads_students_first_in_a_browser(server: str, tmp_path: Path) -> None:
    titles = nav_titles(chromium("--dump-dom", f"{server}/", profile=tmp_path / "n1"))
    student = [
        "Start here",
        "The three forms",
        "Racemic ketamine",
        "Esketamine",
        "Arketamine",
        "Mechanism",
        "Clinical use",
        "Safety",
        "Tables",
        "Quiz",
        "Glossary",
        "Sources",
    ]
    positions = [titles.index(t) for t in student]
    assert positions == sorted(positions), titles
    developer = titles.index("For developers")
    assert developer > max(positions)
    for page in ("Vocabulary", "Data model", "Performance", "API reference"):
        assert titles.index(page) > developer, titles


def test_the_sources_page_lists_every_source_with_its_tier_in_a_browser(server: str, tmp_path: Path) -> None:
    dom = chromium("--dump-dom", f"{server}/generated/sources-list/", profile=tmp_path / "s1")
    kb = ketref.knowledge_base()
    tiers = "regulatory|systematic_review|primary|reference|secondary|marketing"
    found = re.findall(rf'<h3 id="source-([^"]+)".*?Tier:</strong> ({tiers})', dom, re.S)
    assert {s for s, _ in found} == {s.id for s in kb.sources()}
    for source_id, tier in found:
        assert kb.source(source_id).effective_tier.value == tier, source_id


def test_an_entity_link_leads_to_another_entity_page_in_a_browser(server: str, tmp_path: Path) -> None:
    dom = chromium("--dump-dom", f"{server}/generated/entities/esketamine/", profile=tmp_path / "e1")
    body = dom[dom.index("<h2") :]
    targets = re.findall(r'<a href="\.\./([a-z0-9-]+)/">', body)
    kb = ketref.knowledge_base()
    assert {"nmda-receptor", "arketamine", "racemic-ketamine"} <= set(targets)
    assert "esketamine" not in targets
    followed = chromium("--dump-dom", f"{server}/generated/entities/nmda-receptor/", profile=tmp_path / "e2")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", followed, re.S)
    assert heading and re.sub(r"<.*?>|¶", "", heading.group(1)).strip() == kb.entities["nmda-receptor"].name
    # and back: the target's page links to esketamine in turn
    assert '<a href="../esketamine/">' in followed
