# own checks (not the suite): surfaces verbatim and in text order, weekdays, labels, Hijri stamps; writes the CSVs
import csv, sys, datetime as dt
sys.path.insert(0, 'tools'); from rows import R
PUB = {"cj01":"2017-02-24","cj02":"2017-10-18","cj03":"2017-03-26","cj04":"2018-12-15","cj05":"2018-01-09","cj06":"2016-09-29",
       "cj07":"2018-10-05","cj08":"2016-08-31","cj09":"2017-04-17","cj10":"2017-03-29","cj11":"2018-03-01","cj12":"2016-09-18"}
EV = {"mission_end","withdrawal","transition","handover","presence","agreement","talks","attack","other"}
IDS = [l.split(',')[0] for l in open('/work/shared/entities_core.csv').read().splitlines()[1:]]
WD = {"الاثنين":0,"الثلاثاء":1,"الأربعاء":2,"الخميس":3,"الجمعة":4,"السبت":5,"الأحد":6}
pos = {}; err = 0
for row in R:
    a, s, st, en, pr, ev, pl, ac, cl, no = row
    text = open(f'articles/{a}.txt').read()
    i = text.find(s, pos.get(a, 0))
    if i < 0: print("NOT FOUND/ORDER", a, s); err += 1; continue
    pos[a] = i + len(s)
    d0, d1 = dt.date.fromisoformat(st), dt.date.fromisoformat(en)
    assert d0 <= d1 and pr in ("day","month","year"), row
    assert ev in EV, row
    for x in (pl, ac): assert x == "" or x in IDS, row
    for c in cl.split('+'):
        assert c in IDS or c in ("media","unnamed",""), row
    if cl == "": assert "claimant-outside-core:" in no, row
    assert no, row
    for w, k in WD.items():
        if s.startswith(w) or s.startswith("أمس "+w) or s.startswith("مساء "+w) or s.startswith("صباح "+w):
            if d0.weekday() != k: print("WEEKDAY MISMATCH", a, s, st); err += 1
    if pr == "month": assert d0.day == 1 and (d1 + dt.timedelta(1)).day == 1, row
    p = dt.date.fromisoformat(PUB[a])
    if s == "أمس" or s.startswith("أمس "): assert d0 == p - dt.timedelta(1), row
for a in PUB: assert a in pos, a
print("rows", len(R), "errors", err)
with open('manifest.csv','w',newline='') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(["article_id","published"])
    for a in sorted(PUB): w.writerow([a, PUB[a]])
with open('milestones.csv','w',newline='') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow("article_id,surface,start,end,precision".split(','))
    for r in R: w.writerow(r[:5])
with open('claims.csv','w',newline='') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow("article_id,surface,start,end,event,place,actor,claimant,notes".split(','))
    for r in R: w.writerow(r[:4] + r[5:])
