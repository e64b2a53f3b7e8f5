import csv, datetime as dt, re, sys
sys.path.insert(0, "/work/blind21/tools")
from gold import R, PUB
from hijridate import Hijri
A = "/work/blind21/articles/"
EV = {"mission_end","withdrawal","transition","handover","presence","agreement","talks","attack","other"}
IDS = [r["entity_id"] for r in csv.DictReader(open("/work/shared/entities_core.csv"))]
WD = {"الاثنين":0,"الثلاثاء":1,"الأربعاء":2,"الخميس":3,"الجمعة":4,"السبت":5,"الأحد":6}
HM = {"رجب":7,"ربيع الآخر":4,"ذو القعدة":11}
pos = {}
ok = True
for a,s,st,en,p,ev,pl,ac,cl,n in R:
    t = open(A+a+".txt").read()
    i = t.find(s, pos.get(a,0))
    # token boundary
    while i >= 0 and ((i>0 and t[i-1] not in " \n،(«\"") and not t[i-1] in "وبفل") :
        i = t.find(s, i+1)
    if i < 0: print("NOT FOUND / ORDER", a, s); ok=False; continue
    pos[a] = i+len(s)
    if ev not in EV: print("bad event", a, s, ev); ok=False
    for x in [pl, ac] + cl.split("+"):
        if x and x not in IDS and x not in ("media","unnamed"): print("bad id", a, s, x); ok=False
    if "+" in cl and cl != "+".join(sorted(cl.split("+"))): print("bad joint order", a, s)
    if not n: print("no note", a, s); ok=False
    if cl == "" and "claimant-outside-core" not in n: print("empty claimant w/o note", a, s)
    d0, d1 = dt.date.fromisoformat(st), dt.date.fromisoformat(en)
    assert d0 <= d1
    # weekday checks
    for w,k in WD.items():
        if re.search(r"(^|\s|،)"+w+r"($|\s|،)", s) or s.endswith(w) or s.startswith(w):
            if st == en and d0.weekday() != k: print("WEEKDAY MISMATCH", a, s, st, d0.strftime("%A")); ok=False
            pub = dt.date.fromisoformat(PUB[a])
            if abs((d0-pub).days) > 7 and not re.search(r"\d", s): print("weekday far from pub", a, s)
    if "هـ" in s:
        m = re.match(r"(\d+) (.+) (\d+)هـ", s)
        g = Hijri(int(m.group(3)), HM[m.group(2)], int(m.group(1))).to_gregorian()
        if str(g) != st: print("HIJRI MISMATCH", a, s, g, st); ok=False
        else: print("hijri ok", a, s, g)
    if p not in ("day","month","year"): print("bad precision", a, s)
for a in PUB:
    t = open(A+a+".txt").read().split()
    print(a, "tokens", len(t), "rows", sum(1 for r in R if r[0]==a))
print("OK" if ok else "PROBLEMS")
