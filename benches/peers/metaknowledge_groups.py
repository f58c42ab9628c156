"""metaknowledge's reading of a Web of Science export: how many distinct works
it finds among the cited references, and which cited references it joins.

Usage: python metaknowledge_groups.py EXPORT.txt OUT.json
Writes {"seconds_read", "seconds_network", "records", "citations",
"distinct", "groups": [[record, position, raw, key], ...]}.
"""
import json
import sys
import time

import metaknowledge as mk

path, out = sys.argv[1], sys.argv[2]
t = time.time()
rc = mk.RecordCollection(path)
cites = []
for ri, record in enumerate(rc):
    # metaknowledge keeps the file's record order in its own set; the
    # record's accession number (UT) ties it back to citemap's record.
    for ci, c in enumerate(record.get("citations") or []):
        cites.append((record.get("UT") or record.id, ci, c.original, c.ID()))
read_s = time.time() - t
t = time.time()
g = rc.networkCitation()
net_s = time.time() - t
json.dump(
    {
        "seconds_read": read_s,
        "seconds_network": net_s,
        "network_nodes": g.number_of_nodes(),
        "network_edges": g.number_of_edges(),
        "records": len(rc),
        "citations": len(cites),
        "distinct": len(set(c[3] for c in cites)),
        "groups": cites,
    },
    open(out, "w"),
)
print(f"metaknowledge: {len(rc)} records, {len(cites)} citations, "
      f"{len(set(c[3] for c in cites))} distinct works, read {read_s:.2f} s, "
      f"citation network {net_s:.2f} s")
