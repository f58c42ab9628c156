"""Compare citemap with the tools a user might pick instead, on the same inputs.

Called by run.sh inside a throwaway virtual environment; see run.sh for usage.

  compare.py refs  CORPUS_DIR CITEMAP_BIN N   reference parsing vs refextract
  compare.py graph GRAPH_DIR  BENCH_JSON      Leiden clustering vs igraph/leidenalg

Prints one JSON line per comparison. Field accuracy is scored the same way
for both tools (citemap::synth::score): a field is scored when the truth or
the tool has it, and right when both have it and agree after normalising
case, punctuation, dashes and Markdown asterisks.
"""

import json
import os
import re
import subprocess
import sys
import time

FIELDS = ["title", "container", "year", "volume", "pages", "doi", "url"]


def norm(s):
    if s is None:
        return None
    s = s.replace("*", "")
    s = re.sub("[\u2010-\u2015]", "-", s)
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    s = s.lower().strip(" \t\n.,;:\"'()[]<>")
    s = " ".join(s.split())
    return s or None


def truth_fields(r):
    issued = r.get("issued") or {}
    return {
        "title": norm(r.get("title")),
        "container": norm(r.get("container_title")),
        "year": str(issued["year"]) if "year" in issued else None,
        "volume": norm(r.get("volume")),
        "pages": norm(r.get("pages")),
        "doi": norm(r.get("doi")),
        "url": norm(r.get("url")),
    }


def refextract_fields(refs):
    if not refs:
        return {f: None for f in FIELDS}
    r = refs[0]
    first = lambda k: r[k][0] if r.get(k) else None
    doi = first("doi")
    if doi and doi.lower().startswith("doi:"):
        doi = doi[4:]
    return {
        "title": norm(first("title")),
        "container": norm(first("journal_title")),
        "year": norm(first("year") or first("journal_year")),
        "volume": norm(first("journal_volume")),
        "pages": norm(first("journal_page")),
        "doi": norm(doi),
        "url": norm(first("url")),
    }


def score(pairs):
    per = {f: [0, 0] for f in FIELDS}
    for truth, got in pairs:
        for f in FIELDS:
            t, g = truth[f], got[f]
            if t is None and g is None:
                continue
            per[f][1] += 1
            if t == g:
                per[f][0] += 1
    right = sum(v[0] for v in per.values())
    total = sum(v[1] for v in per.values())
    return {
        "field_accuracy": round(right / max(total, 1), 4),
        "fields": {f: round(v[0] / v[1], 4) for f, v in per.items() if v[1]},
    }


def refs(corpus, citemap, n):
    truth = json.load(open(os.path.join(corpus, "truth.json")))
    entries = [e for d in truth["documents"] for e in d["entries"]][:n]
    lines = [e["text"] for e in entries]
    path = os.path.join(corpus, "entries.txt")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    truths = [truth_fields(e["reference"]) for e in entries]

    # citemap: the CLI on the whole file, all cores, style detected per line.
    t = time.perf_counter()
    out = subprocess.run([citemap, "parse", path, "--format", "json"], check=True, capture_output=True).stdout
    citemap_s = time.perf_counter() - t
    parsed = json.loads(out)
    ours = []
    for e in parsed:
        o = e.get("outcome", {})
        ours.append(truth_fields(o.get("reference", {})) if o.get("status") == "parsed" else {f: None for f in FIELDS})

    # refextract: one call per entry, after a warm-up that loads its knowledge bases.
    from refextract import extract_references_from_string

    extract_references_from_string(lines[0], is_only_references=True)
    theirs = []
    t = time.perf_counter()
    for line in lines:
        theirs.append(refextract_fields(extract_references_from_string(line, is_only_references=True)))
    refextract_s = time.perf_counter() - t

    # refextract's own mode: the whole list as one string. It splits entries
    # itself (author-date entries get merged), so only throughput is comparable.
    t = time.perf_counter()
    batch = extract_references_from_string("\n".join(lines), is_only_references=True)
    batch_s = time.perf_counter() - t

    ours_rate = len(lines) / citemap_s
    theirs_rate = len(lines) / refextract_s
    print(json.dumps({
        "comparison": "reference parsing",
        "entries": len(lines),
        "citemap": {"command": "citemap parse entries.txt --format json", "seconds": round(citemap_s, 3),
                    "entries_per_s": round(ours_rate), **score(zip(truths, ours))},
        "refextract": {"call": "extract_references_from_string(entry, is_only_references=True)",
                       "seconds": round(refextract_s, 3), "entries_per_s": round(theirs_rate, 1),
                       **score(zip(truths, theirs))},
        "refextract_whole_list": {"seconds": round(batch_s, 3), "lines_per_s": round(len(lines) / batch_s, 1),
                                  "references_found": len(batch)},
        "throughput_ratio": round(ours_rate / theirs_rate, 1),
        "throughput_ratio_vs_whole_list": round(ours_rate / (len(lines) / batch_s), 1),
        "note": "citemap time includes process start-up and JSON output; refextract time excludes its start-up",
    }))


def graph(graph_dir, bench_json):
    import igraph as ig
    import leidenalg as la

    edges, weights = [], []
    n = 0
    with open(os.path.join(graph_dir, "graph.tsv")) as f:
        for line in f:
            u, v, w = line.split("\t")
            u, v = int(u), int(v)
            edges.append((u, v))
            weights.append(float(w))
            n = max(n, u + 1, v + 1)
    with open(os.path.join(graph_dir, "graph-communities.tsv")) as f:
        n = max(n, sum(1 for _ in f))
    g = ig.Graph(n=n, edges=edges, edge_attrs={"weight": weights})
    del edges

    # CPU time as well as wall time: on a shared machine it is the steadier figure.
    t, c = time.perf_counter(), time.process_time()
    ig_part = g.community_leiden(objective_function="modularity", weights="weight")
    ig_s, ig_cpu = time.perf_counter() - t, time.process_time() - c
    ig_q = g.modularity(ig_part.membership, weights="weight")

    la_result = None
    if not os.environ.get("SKIP_LEIDENALG"):
        t, c = time.perf_counter(), time.process_time()
        la_part = la.find_partition(g, la.ModularityVertexPartition, weights="weight", seed=7)
        la_s, la_cpu = time.perf_counter() - t, time.process_time() - c
        la_result = {"call": "find_partition(g, ModularityVertexPartition, weights='weight')",
                     "seconds": round(la_s, 2), "cpu_seconds": round(la_cpu, 2),
                     "modularity": round(la_part.modularity, 4), "clusters": len(set(la_part.membership))}

    ours = {}
    if bench_json and os.path.exists(bench_json):
        with open(bench_json) as f:
            ours = json.loads(f.read().strip().splitlines()[-1]).get("cluster", {})
    result = {
        "comparison": "Leiden clustering",
        "nodes": g.vcount(),
        "edges": g.ecount(),
        "igraph": {"call": "Graph.community_leiden(objective_function='modularity', weights='weight')",
                   "seconds": round(ig_s, 2), "cpu_seconds": round(ig_cpu, 2), "modularity": round(ig_q, 4),
                   "clusters": len(set(ig_part.membership))},
        "leidenalg": la_result,
        "citemap": ours,
    }
    if "seconds" in ours:
        result["wall_ratio_igraph_over_citemap"] = round(ig_s / ours["seconds"], 2)
        if ours.get("cpu_seconds"):
            result["cpu_ratio_igraph_over_citemap"] = round(ig_cpu / ours["cpu_seconds"], 2)
        if la_result:
            result["wall_ratio_leidenalg_over_citemap"] = round(la_result["seconds"] / ours["seconds"], 2)
    print(json.dumps(result))


if __name__ == "__main__":
    if sys.argv[1] == "refs":
        refs(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        graph(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
