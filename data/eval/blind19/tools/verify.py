# Independent re-check from the written files only.
import csv, collections, os, re
base = os.path.join(os.path.dirname(__file__), "..")
ms = list(csv.DictReader(open(f"{base}/milestones.csv", encoding="utf-8")))
cl = list(csv.DictReader(open(f"{base}/claims.csv", encoding="utf-8")))
assert len(ms) == len(cl) and all((a["article_id"], a["surface"], a["start"], a["end"]) == (b["article_id"], b["surface"], b["start"], b["end"]) for a, b in zip(ms, cl))
assert all(r["notes"] for r in cl)
cnt = collections.Counter(); cur = None; bad = 0
for raw in open(f"{base}/mentions_listing.txt", encoding="utf-8"):
    raw = raw.rstrip("\n")
    if raw.startswith("## "): cur = raw[3:]; lines = open(f"{base}/articles/{cur}.txt", encoding="utf-8").read().split("\n"); continue
    if not raw or raw.startswith("#"): continue
    ln, s, e, f = raw.split("\t")
    if not re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", lines[int(ln)-1]): print("MISSING", cur, ln, s); bad += 1
    cnt[(cur, e, f)] += 1
ent = {(r["article_id"], r["entity_id"]): (int(r["names"]), int(r["adjectives"])) for r in csv.DictReader(open(f"{base}/entities.csv", encoding="utf-8"))}
keys = {(a, e) for a, e, f in cnt}
assert keys == set(ent), keys ^ set(ent)
for (a, e), (n, j) in ent.items():
    assert cnt[(a, e, "name")] == n and cnt[(a, e, "adj")] == j, (a, e)
for f in sorted(os.listdir(f"{base}/articles")):
    t = open(f"{base}/articles/{f}", encoding="utf-8").read()
    L = t.split("\n"); assert L[1] == "" and not t.endswith("\n\n")
    furn = [l for l in L if re.match(r"^(نشر|سكاي نيوز|صدر الصورة|التعليق على الصورة|اقرأ أيضا|المصدر|دبي -|بغداد -|\S+ \d\d? \S+ \d{4} - \d\d:\d\d|\d\d? \S+/ \S+ \d{4}$)", l)]
    body = sum(len(l.split()) for l in L if l not in furn)
    print(f, "tokens", len(t.split()), "body", body)
print("milestones", len(ms), "mention lines ok" if not bad else "BAD", "entities rows", len(ent))
print(collections.Counter(r["event"] for r in cl))
print(collections.Counter(r["claimant"] if r["claimant"] in ("media","unnamed","") else ("joint" if "+" in r["claimant"] else "named") for r in cl))
print(collections.Counter(r["claimant"] for r in cl))
print(collections.Counter(r["precision"] for r in ms))
