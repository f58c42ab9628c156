"""Compares how citemap and metaknowledge group the cited references of one
Web of Science export.

Usage: python export_compare.py EXTRACT.json GRAPH.json MK.json [EXAMPLES]
EXTRACT.json: `citemap extract EXPORT --format json`; GRAPH.json: `citemap
graph EXPORT --kind citation --format json` (its merges give citemap's
grouping); MK.json: metaknowledge_groups.py's output. Prints one JSON object:
distinct works each finds, and pairs of cited references one joins and the
other keeps apart, with examples.
"""
import json
import re
import sys
from collections import defaultdict

extract, graph, mk = (json.load(open(p)) for p in sys.argv[1:4])
n_examples = int(sys.argv[4]) if len(sys.argv) > 4 else 8
docs = extract["documents"] if isinstance(extract, dict) else extract

# Every cited reference, keyed by citemap's locator "FILE:R#N".
raw, ut_of = {}, {}
for d in docs:
    ut_of[d["path"]] = (d.get("meta") or {}).get("source")
    for i, e in enumerate(d["entries"]):
        raw[f'{d["path"]}#{i + 1}'] = e["raw"]

parent = {k: k for k in raw}


def find(x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


for m in graph["merges"]:
    a, b = find(m["a"]), find(m["b"])
    if a != b:
        parent[a] = b
cm = {k: find(k) for k in raw}

# metaknowledge's key for the same cited reference: its record's UT and
# position in the CR field.
mk_key = {(ut, ci): key for ut, ci, _, key in mk["groups"]}
mkk = {}
for k in raw:
    path, n = k.rsplit("#", 1)
    mkk[k] = mk_key.get((ut_of[path], int(n) - 1))
missing = sum(1 for v in mkk.values() if v is None)


def locators(s):
    """Volume, page and DOI slots of a WoS reference, for telling works apart."""
    v = re.search(r", V([^,]+)", s)
    p = re.search(r", [Pp]([^,]+)", s)
    d = re.search(r"DOI (?:DOI )?\[?(10\.[^,\] ]+)", s)
    return (v and v.group(1), p and p.group(1), d and d.group(1).lower())


def conflict(a, b):
    la, lb = locators(a), locators(b)
    return any(x and y and x != y for x, y in zip(la, lb))


def pairs_by(groups):
    by = defaultdict(list)
    for k, g in groups.items():
        if g is not None:
            by[g].append(k)
    return by


cm_groups, mk_groups = pairs_by(cm), pairs_by(mkk)
# Distinct strings joined by one tool and not the other (one example pair
# per group and string pair).
only_cm, only_mk = {}, {}
for members in cm_groups.values():
    for a in members:
        for b in members:
            if raw[a] < raw[b] and mkk[a] != mkk[b]:
                only_cm.setdefault((raw[a], raw[b]), (a, b))
for members in mk_groups.values():
    for a in members:
        for b in members:
            if raw[a] < raw[b] and cm[a] != cm[b]:
                only_mk.setdefault((raw[a], raw[b]), (a, b))
only_mk_conflicting = [p for p in only_mk if conflict(*p)]
only_cm_conflicting = [p for p in only_cm if conflict(*p)]
print(json.dumps({
    "cited_references": len(raw),
    "distinct_strings": len(set(raw.values())),
    "citemap_works": len(set(cm.values())),
    "metaknowledge_works": len(set(v for v in mkk.values() if v is not None)),
    "metaknowledge_unmatched_references": missing,
    "string_pairs_joined_only_by_citemap": len(only_cm),
    "of_which_volume_page_or_doi_differ": len(only_cm_conflicting),
    "string_pairs_joined_only_by_metaknowledge": len(only_mk),
    "of_which_volume_page_or_doi_differ_mk": len(only_mk_conflicting),
    "examples_joined_only_by_citemap": sorted(only_cm)[:n_examples],
    "examples_conflicting_joined_by_citemap": only_cm_conflicting[:n_examples],
    "examples_joined_only_by_metaknowledge_conflicting": only_mk_conflicting[:n_examples],
    "examples_joined_only_by_metaknowledge_other": [p for p in only_mk if not conflict(*p)][:n_examples],
}, indent=1, ensure_ascii=False))
