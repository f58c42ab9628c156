"""Leiden on one edge list: citemap vs python-igraph. Called by leiden-igraph.sh.

  leiden_igraph.py CITEMAP_BIN EDGE_FILE SEED RESOLUTION WORK_DIR

Times are wall-clock seconds; CPU seconds come from getrusage (citemap's
process; igraph's own process around each call). Load is reading the file
into a graph; run is the clustering alone. Modularity is classic (gamma = 1)
with edge weights, computed by igraph for both partitions when igraph is
installed (citemap's own figure is printed beside it).
"""

import json
import os
import random
import resource
import subprocess
import sys
import time


def cpu_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cpu_self():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main(citemap, edge_file, seed, resolution, work):
    out_json = os.path.join(work, "citemap-clusters.json")
    cmd = [citemap, "clusters", "--edges", edge_file, "--format", "json",
           "--seed", str(seed), "--resolution", str(resolution), "-o", out_json]
    t, c = time.perf_counter(), cpu_children()
    subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
    process_s, process_cpu = time.perf_counter() - t, cpu_children() - c
    with open(out_json) as f:
        ours = json.load(f)
    membership = ours.pop("membership")
    ours.pop("sizes")
    ours["process_seconds"] = round(process_s, 2)
    ours["process_cpu_seconds"] = round(process_cpu, 2)
    ours["command"] = " ".join(["citemap"] + cmd[1:-2])

    theirs = None
    try:
        import igraph as ig
    except ImportError:
        ig = None
    if ig is not None:
        random.seed(seed)
        t, c = time.perf_counter(), cpu_self()
        g = ig.Graph.Read_Ncol(edge_file, names=True, weights=True, directed=False)
        load_s, load_cpu = time.perf_counter() - t, cpu_self() - c
        t, c = time.perf_counter(), cpu_self()
        part = g.community_leiden(objective_function="modularity", weights="weight",
                                  resolution=resolution, n_iterations=2)
        run_s, run_cpu = time.perf_counter() - t, cpu_self() - c
        theirs = {
            "version": ig.__version__,
            "call": "Graph.Read_Ncol(f, weights=True, directed=False); "
                    "g.community_leiden(objective_function='modularity', weights='weight', n_iterations=2)",
            "nodes": g.vcount(), "edges": g.ecount(),
            "load_seconds": round(load_s, 2), "run_seconds": round(run_s, 2),
            "cpu_seconds": round(load_cpu + run_cpu, 2),
            "modularity": round(g.modularity(part.membership, weights="weight"), 6),
            "clusters": len(set(part.membership)),
        }
        # igraph scores citemap's partition too: one yardstick for both.
        index = {name: i for i, name in enumerate(g.vs["name"])}
        ours_in_igraph = [0] * g.vcount()
        for name, c in membership.items():
            ours_in_igraph[index[name]] = c
        ours["modularity_by_igraph"] = round(g.modularity(ours_in_igraph, weights="weight"), 6)

    rows = [("", "citemap", "igraph")]
    def cell(d, k):
        return "-" if d is None or d.get(k) is None else str(d[k])
    for label, key in [("nodes", "nodes"), ("edges", "edges"), ("load s", "load_seconds"),
                       ("run s", "run_seconds"), ("modularity", "modularity"),
                       ("clusters", "clusters")]:
        rows.append((label, cell(ours, key), cell(theirs, key)))
    rows.append(("load+run s", str(round(ours["load_seconds"] + ours["run_seconds"], 2)),
                 "-" if theirs is None else str(round(theirs["load_seconds"] + theirs["run_seconds"], 2))))
    rows.append(("CPU s (process)", str(ours["process_cpu_seconds"]), cell(theirs, "cpu_seconds")))
    if theirs is not None:
        rows.append(("modularity by igraph", str(ours["modularity_by_igraph"]), str(theirs["modularity"])))
    width = [max(len(r[i]) for r in rows) for i in range(3)]
    for r in rows:
        print("  ".join(r[i].ljust(width[i]) if i == 0 else r[i].rjust(width[i]) for i in range(3)))
    seeds = compare_seeds(citemap, edge_file, resolution, work, g if theirs else None)
    print(json.dumps({"comparison": "Leiden on an edge list", "file": edge_file,
                      "load_average": os.getloadavg()[0], "citemap": ours, "igraph": theirs,
                      "seeds": seeds}))


def compare_seeds(citemap, edge_file, resolution, work, g):
    """Modularity of both programs over the seeds in $SEEDS (space-separated).

    One seed's difference at the 1e-7 level is noise of the visiting order;
    the mean over several seeds says whether one optimises better. igraph
    scores both partitions, to full precision."""
    wanted = os.environ.get("SEEDS", "").split()
    if not wanted or g is None:
        return None
    import igraph as ig  # noqa: F401  (g is an igraph graph)
    index = {name: i for i, name in enumerate(g.vs["name"])}
    out_json = os.path.join(work, "citemap-seed.json")
    rows = []
    for seed in map(int, wanted):
        subprocess.run([citemap, "clusters", "--edges", edge_file, "--format", "json",
                        "--seed", str(seed), "--resolution", str(resolution), "-o", out_json],
                       check=True, stderr=subprocess.DEVNULL)
        with open(out_json) as f:
            membership = json.load(f)["membership"]
        ours = [0] * g.vcount()
        for name, c in membership.items():
            ours[index[name]] = c
        random.seed(seed)
        part = g.community_leiden(objective_function="modularity", weights="weight",
                                  resolution=resolution, n_iterations=2)
        row = {"seed": seed,
               "citemap": g.modularity(ours, weights="weight"),
               "igraph": g.modularity(part.membership, weights="weight")}
        rows.append(row)
        print(f"seed {seed:>4}  citemap {row['citemap']:.9f}  igraph {row['igraph']:.9f}  "
              f"difference {row['citemap'] - row['igraph']:+.1e}", flush=True)
    mean = {k: sum(r[k] for r in rows) / len(rows) for k in ("citemap", "igraph")}
    wins = sum(r["citemap"] >= r["igraph"] for r in rows)
    print(f"mean       citemap {mean['citemap']:.9f}  igraph {mean['igraph']:.9f}  "
          f"difference {mean['citemap'] - mean['igraph']:+.1e}; citemap at least igraph's "
          f"on {wins} of {len(rows)} seeds")
    return {"per_seed": rows, "mean": mean, "citemap_at_least_igraph": wins}


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5])
