import csv, collections, re
O="/work/blind21/"
ids={r["entity_id"] for r in csv.DictReader(open("/work/shared/entities_core.csv"))}
cnt=collections.Counter(); a=None; bad=0
for l in open(O+"mentions_listing.txt"):
    l=l.rstrip("\n")
    if l.startswith("## "): a=l[3:]; lines=open(f"{O}articles/{a}.txt").read().split("\n"); continue
    if not l or l.startswith("#"): continue
    n,s,e,k=l.split("\t")
    if e not in ids or k not in("name","adj"): print("bad",l); bad+=1
    if not re.search(r"(?<!\w)"+re.escape(s)+r"(?!\w)", lines[int(n)-1]): print("not on line",a,l); bad+=1
    cnt[(a,e,k)]+=1
ent=collections.Counter()
for r in csv.DictReader(open(O+"entities.csv")):
    ent[(r["article_id"],r["entity_id"],"name")]+=int(r["names"]); ent[(r["article_id"],r["entity_id"],"adj")]+=int(r["adjectives"])
ent={k:v for k,v in ent.items() if v}
print("listing==entities.csv:", dict(cnt)==ent, "bad:",bad)
m=list(csv.DictReader(open(O+"milestones.csv"))); c=list(csv.DictReader(open(O+"claims.csv")))
print("claims rows align:", all(x["article_id"]==y["article_id"] and x["surface"]==y["surface"] and x["start"]==y["start"] and x["end"]==y["end"] for x,y in zip(m,c)) and len(m)==len(c), len(m))
print("every note:", all(r["notes"] for r in c))
