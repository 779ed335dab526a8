"""ketref's benchmark: import cost, lookup latency, memory, scale, and two anchors.

Run from the repository root, in the project's virtual environment:

    python benchmarks/bench.py            # the full run (a few minutes)
    python benchmarks/bench.py --quick    # fewer repetitions, sizes up to 10,000 claims

Every figure is a median over repeated runs. Targets (issue #8) are printed beside the figures;
a target missed is reported as such, never hidden. Nothing here is a test: timings depend on
the machine, so they are printed, and recorded in docs/performance.md with the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from typing import Any

PHASES = """
import time
t0 = time.perf_counter()
import pydantic
t1 = time.perf_counter()
class Probe(pydantic.BaseModel):
    x: int
Probe.model_validate({"x": 1})
t2 = time.perf_counter()
import ketref.kb
t3 = time.perf_counter()
from ketref.kb import bundled_data_path
from ketref.snapshot import open_snapshot
snapshot = open_snapshot(bundled_data_path())
t4 = time.perf_counter()
kb = ketref.kb.KnowledgeBase._checked(snapshot.entities, snapshot.rest)
kb.get("esketamine")
t5 = time.perf_counter()
kb.all_claims()
t6 = time.perf_counter()
print(f"import pydantic\t{t1 - t0}")
print(f"pydantic's first model, built and used (the baseline pays it)\t{t2 - t1}")
print(f"define ketref's entity models (validators deferred)\t{t3 - t2}")
print(f"read the snapshot's entities (built, not validated)\t{t4 - t3}")
print(f"build the name index, first get\t{t5 - t4}")
print(f"later, on first use: sources, claims and the rest\t{t6 - t5}")
"""

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""Child processes may cache bytecode: pydantic's modules were byte-compiled when it was
installed, and an editable install of ketref compiles its own on the first run; with
PYTHONDONTWRITEBYTECODE set, ketref alone would be compiled again on every run."""


def median_time(fn: Callable[[], Any], *, number: int, repeat: int) -> float:
    """Median over ``repeat`` runs of the mean time of one call, in seconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        runs.append((time.perf_counter() - start) / number)
    return statistics.median(runs)


def cold(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=ENV)
    return time.perf_counter() - start


MINIMAL_PYDANTIC = """
import pydantic
class Probe(pydantic.BaseModel):
    x: int
Probe.model_validate({"x": 1})
"""
"""The baseline of issue #12: import pydantic, define one model, validate one instance."""


def cold_ratio(code: str, repeat: int, base: str = "import pydantic") -> tuple[float, float, float]:
    """Median cold time of ``code`` and of ``base`` (``import pydantic``), measured alternately,
    and the ratio."""
    ours, baseline = [], []
    cold(code), cold(base)  # a first run of each, untimed: bytecode written, files in the page cache
    for _ in range(repeat):
        ours.append(cold(code))
        baseline.append(cold(base))
    a, b = statistics.median(ours), statistics.median(baseline)
    return a, b, a / b


def peak_memory_mb(code: str) -> float:
    probe = f"{code}\nimport resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True, env=ENV
    ).stdout
    return int(out.strip().splitlines()[-1]) / 1024


def show(label: str, value: str, target: str = "", met: bool | None = None) -> None:
    verdict = "" if met is None else ("  [met]" if met else "  [NOT met]")
    print(f"  {label:<44} {value:>14}   {target}{verdict}")


def us(seconds: float) -> str:
    return f"{seconds * 1e6:,.1f} µs"


def synthetic_records(n_claims: int) -> Any:
    """A knowledge base of ``n_claims`` claims over n/10 compounds and n/20 targets."""
    from ketref.loader import Records
    from ketref.models.claims import Claim
    from ketref.models.entities import Compound, Target
    from ketref.models.sources import Source

    records = Records()
    n_compounds, n_targets = max(n_claims // 10, 2), max(n_claims // 20, 2)
    records.sources.append(
        Source(id="synthetic", title="Synthetic", kind="database", url="https://example.org")
    )
    for i in range(n_compounds):
        records.entities.append(
            Compound(id=f"c{i}", name=f"Compound {i}", description="Synthetic.", stereo_form="achiral")
        )
    for j in range(n_targets):
        records.entities.append(
            Target(id=f"t{j}", name=f"Target {j}", description="Synthetic.", target_class="receptor")
        )
    predicates = ["binds", "antagonist_of", "activates", "inhibits", "increases"]
    evidence = [{"source": "synthetic", "quote": "Synthetic."}]
    for k in range(n_claims):
        records.claims.append(
            Claim.model_validate(
                {
                    "id": f"x{k}",
                    "subject": f"c{k % n_compounds}",
                    "predicate": predicates[k % len(predicates)],
                    "object": f"t{(k * 7) % n_targets}",
                    "status": "reported",
                    "evidence": evidence,
                }
            )
        )
    return records


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and smaller scale runs")
    args = parser.parse_args()
    repeat = 5 if args.quick else 11
    sizes = (1_000, 10_000) if args.quick else (1_000, 10_000, 100_000)

    import ketref

    print(
        f"ketref {ketref.__version__} on Python {platform.python_version()}, {platform.machine()}, "
        f"{platform.platform()}"
    )

    print("\nCold start (fresh process each run; ratio to 'import pydantic' measured alternately)")
    a, b, r = cold_ratio("import ketref", repeat)
    show(
        "import ketref",
        f"{a * 1000:.0f} ms",
        f"pydantic {b * 1000:.0f} ms, ratio {r:.2f} (target <= 1.3)",
        r <= 1.3,
    )
    a, b, r = cold_ratio("import ketref; ketref.get('esketamine')", repeat)
    show("import ketref + first get", f"{a * 1000:.0f} ms", f"ratio {r:.2f} (target <= 1.5)", r <= 1.5)
    a, b, r = cold_ratio("import ketref; ketref.get('esketamine')", repeat, base=MINIMAL_PYDANTIC)
    show(
        "import + first get vs a minimal pydantic program",
        f"{a * 1000:.0f} ms",
        f"pydantic program {b * 1000:.0f} ms, ratio {r:.2f} (target <= 1.3, #12)",
        r <= 1.3,
    )
    first_get = "import ketref; ketref.get('esketamine')"
    show("peak memory after import + first get", f"{peak_memory_mb(first_get):.0f} MB")
    show("peak memory after import pydantic", f"{peak_memory_mb('import pydantic'):.0f} MB")

    print("\nWhere the first get spends its time (one fresh process)")
    phases = subprocess.run(
        [sys.executable, "-c", PHASES], check=True, capture_output=True, text=True, env=ENV
    ).stdout
    for line in phases.strip().splitlines():
        label, value = line.split("\t")
        show(label, f"{float(value) * 1000:.0f} ms")

    print("\nPer-call latency (warm; median of means)")
    kb = ketref.knowledge_base()
    n = 2000
    t = median_time(lambda: ketref.get("esketamine"), number=n, repeat=repeat)
    show("get by id", us(t), "target <= 2 µs", t <= 2e-6)
    t = median_time(lambda: ketref.get("(S)-ketamine"), number=n, repeat=repeat)
    show("get by synonym", us(t), "target <= 2 µs", t <= 2e-6)
    t = median_time(lambda: ketref.get("YQEZLKZALYSWHR-ZDUSSCGKSA-N"), number=n, repeat=repeat)
    show("get by InChIKey", us(t), "target <= 2 µs", t <= 2e-6)
    t = median_time(lambda: kb.get("esketamine"), number=n, repeat=repeat)
    show("KnowledgeBase.get by id (no module hop)", us(t))
    ketref.search("ketamine")  # warm: the search indexes are built on the first search
    t = median_time(lambda: ketref.search("ketamine"), number=200, repeat=repeat)
    show("search('ketamine'), warm", us(t), "target <= 100 µs (#12)", t <= 100e-6)
    t = median_time(lambda: ketref.search("respiratory depression"), number=200, repeat=repeat)
    show("search('respiratory depression'), warm", us(t), "target <= 100 µs (#12)", t <= 100e-6)
    t = median_time(lambda: ketref.claims(subject="esketamine"), number=500, repeat=repeat)
    show("claims by subject", us(t), "target <= 10 µs", t <= 10e-6)
    from ketref.kb import KnowledgeBase, bundled_data_path
    from ketref.loader import load_directory

    fresh = KnowledgeBase(load_directory(bundled_data_path()))
    ids = list(fresh.entities)
    fresh.claims(predicate="binds")  # the claim index is built on the first claim query: not timed here
    start = time.perf_counter()
    for entity_id in ids:
        fresh.claims(subject=entity_id)
    show("claims by subject, first time (no memo)", us((time.perf_counter() - start) / len(ids)))
    t = median_time(lambda: ketref.claims(predicate="binds"), number=500, repeat=repeat)
    show("claims by predicate", us(t))
    t = median_time(lambda: ketref.claims(object="nmda-receptor"), number=500, repeat=repeat)
    show("claims by object", us(t))
    t = median_time(lambda: ketref.compare("esketamine", "arketamine"), number=50, repeat=repeat)
    show("compare", us(t), "target <= 100 µs", t <= 100e-6)
    pathway = ketref.pathway("esketamine")
    t = median_time(lambda: pathway.paths("nmda-receptor-blockade", "mtor"), number=200, repeat=repeat)
    show("pathway paths (NMDA blockade -> mTOR)", us(t))
    from ketref.pathways.render import to_mermaid

    t = median_time(lambda: to_mermaid(pathway), number=100, repeat=repeat)
    show("render a pathway as Mermaid", us(t))

    print("\nScale (synthetic knowledge bases)")

    latencies = {}
    for size in sizes:
        records = synthetic_records(size)
        start = time.perf_counter()
        big = KnowledgeBase(records)
        build = time.perf_counter() - start
        latency = median_time(partial(big.claims, subject="c1"), number=200, repeat=repeat)
        latencies[size] = latency
        show(f"{size:>7,} claims: build / claims by subject", f"{build * 1000:,.0f} ms / {us(latency)}")
    growth = latencies[sizes[-1]] / latencies[sizes[0]]
    show(
        f"latency at {sizes[-1]:,} over latency at {sizes[0]:,}",
        f"{growth:.2f}x",
        "target <= 2x",
        growth <= 2,
    )

    print("\nAnchors: the same relation query over the same triples")
    try:
        import networkx as nx
        import pyoxigraph
    except ImportError:
        print("  (install pyoxigraph and networkx, e.g. pip install -e '.[bench]', for the anchors)")
        return
    from ketref.serialize import ENTITY, triples

    store = pyoxigraph.Store()
    store.load(kb.export("turtle").encode(), pyoxigraph.RdfFormat.TURTLE)
    query = f"SELECT ?p ?o WHERE {{ <{ENTITY}esketamine> ?p ?o }}"
    t_sparql = median_time(lambda: list(store.query(query)), number=200, repeat=repeat)  # type: ignore[arg-type]
    graph = nx.MultiDiGraph()
    for s, p, (kind, o) in triples(kb):
        if kind == "iri":
            graph.add_edge(s, o, key=p)
    t_nx = median_time(
        lambda: list(graph.out_edges(f"{ENTITY}esketamine", keys=True)), number=2000, repeat=repeat
    )
    t_ours = median_time(lambda: ketref.claims(subject="esketamine"), number=2000, repeat=repeat)
    show("ketref claims by subject", us(t_ours))
    show(
        "pyoxigraph SPARQL, same subject",
        us(t_sparql),
        f"ketref {t_sparql / t_ours:.1f}x faster (target >= 10x)",
        t_sparql / t_ours >= 10,
    )
    show("networkx out-edges, same subject", us(t_nx), f"ratio to ketref {t_nx / t_ours:.2f}")


if __name__ == "__main__":
    main()
