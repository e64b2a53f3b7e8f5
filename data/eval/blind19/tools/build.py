# Writes the CSVs from gold.py and the hand-reviewed mention list (proposer output + corrections below).
import csv, os, sys, collections
sys.path.insert(0, os.path.dirname(__file__))
from gold import ROWS, PUB
from propose_mentions import cands
base = os.path.join(os.path.dirname(__file__), "..")
# Hand corrections after review: (article, line, surface) -> (entity, form) or None to drop
FIX = {("cm11", 7, "سورية"): ("syria", "adj")}   # «فصائل سورية موالية» is the nisba, not the country name
with open(f"{base}/manifest.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(["article_id", "published"])
    for a in sorted(PUB): w.writerow([a, PUB[a]])
with open(f"{base}/milestones.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(["article_id", "surface", "start", "end", "precision"])
    for r in ROWS: w.writerow(r[:5])
with open(f"{base}/claims.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(["article_id", "surface", "start", "end", "event", "place", "actor", "claimant", "notes"])
    for r in ROWS: w.writerow(list(r[:4]) + list(r[5:]))
lines = ["# Manual entity-mention listing (blind19), by the rules of ../../shared/eval/dev/README.md and real/README.md.",
         "# One line per counted mention: <line number in article file> <TAB> <surface as it appears, incl. clitics> <TAB> <entity_id> <TAB> name|adj",
         "# Candidates proposed by tools/propose_mentions.py (own matcher, not the suite), then reviewed by hand line by line; corrections in tools/build.py.",
         "# Titles, datelines, photo captions, «اقرأ أيضا» lines and timeline entries count like any other text.", ""]
counts = collections.OrderedDict()
for aid in sorted(PUB):
    t = open(f"{base}/articles/{aid}.txt", encoding="utf-8").read()
    lines.append(f"## {aid}")
    for ln, c, s, eid, form in cands(t):
        form = form.split()[0]
        if (aid, ln, s) in FIX:
            if FIX[(aid, ln, s)] is None: continue
            eid, form = FIX[(aid, ln, s)]
        assert s in t.split("\n")[ln-1]
        lines.append(f"{ln}\t{s}\t{eid}\t{form}")
        k = (aid, eid); counts.setdefault(k, [0, 0])
        counts[k][0 if form == "name" else 1] += 1
    lines.append("")
open(f"{base}/mentions_listing.txt", "w", encoding="utf-8").write("\n".join(lines))
with open(f"{base}/entities.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(["article_id", "entity_id", "names", "adjectives"])
    for (a, e), (n, j) in counts.items(): w.writerow([a, e, n, j])
print("rows", len(ROWS), "entity rows", len(counts), "names", sum(v[0] for v in counts.values()), "adj", sum(v[1] for v in counts.values()))
