import re, sys, datetime as dt, csv, os
sys.path.insert(0, os.path.dirname(__file__))
from gold import ROWS, PUB
base = os.path.join(os.path.dirname(__file__), "..")
EVENTS = {"mission_end","withdrawal","transition","handover","presence","agreement","talks","attack","other"}
ids = [r["entity_id"] for r in csv.DictReader(open("/work/shared/entities_core.csv", encoding="utf-8"))]
ok = True
def err(*a):
    global ok; ok = False; print("ERR", *a)
pos = {}; covered = {}
for r in ROWS:
    aid, s, st, en, pr, ev, pl, ac, cl, no = r
    t = open(f"{base}/articles/{aid}.txt", encoding="utf-8").read()
    p = t.find(s, pos.get(aid, 0))
    if p < 0: err("surface not found in order", aid, s); continue
    # whole-word check
    if (p > 0 and t[p-1] not in " \n،(\"«/-") or (p+len(s) < len(t) and t[p+len(s)] not in " \n،.,:)\"»"):
        err("not word-bounded", aid, s, repr(t[p-1:p+len(s)+1]))
    pos[aid] = p + len(s)
    covered.setdefault(aid, []).append((p, p+len(s)))
    print(f"{aid} {st}..{en} {pr:5} {ev:10} [{pl}|{ac}|{cl}] …{t[max(0,p-25):p]}【{s}】{t[p+len(s):p+len(s)+15]}…".replace("\n"," / "))
    a, b = dt.date.fromisoformat(st), dt.date.fromisoformat(en)
    if a > b: err("start>end", r)
    if ev not in EVENTS: err("event", r)
    for x in [pl, ac]:
        if x and x not in ids: err("id", x, r)
    for x in cl.split("+"):
        if x not in ids + ["media", "unnamed", ""]: err("claimant", x, r)
    if "+" in cl and cl.split("+") != sorted(cl.split("+")): err("joint order", r)
    if cl == "" and "claimant-outside-core" not in no: err("empty claimant w/o note", r)
    if not no: err("no note", r)
    if pr == "month" and not (a.day == 1 and (b + dt.timedelta(1)).day == 1): err("month bounds", r)
# weekdays
WD = {"الاثنين":0,"الثلاثاء":1,"الأربعاء":2,"الخميس":3,"الجمعة":4,"السبت":5,"الأحد":6}
for r in ROWS:
    for w, n in WD.items():
        if re.search(r"(^|\s)" + w + r"(\s|،|$)", r[1]) or r[1].endswith(w):
            d = dt.date.fromisoformat(r[2])
            if d.weekday() != n: err("weekday mismatch", r[:4], d.strftime("%A"))
# relative weekday rows: recompute from published
for r in ROWS:
    if r[1] in WD or (re.fullmatch(r"(أمس|اليوم|صباح|مساء|فجر|ليل) (\S+)", r[1]) and r[1].split()[-1] in WD):
        w = r[1].split()[-1]; pub = dt.date.fromisoformat(PUB[r[0]])
        back = (pub.weekday() - WD[w]) % 7
        last = pub - dt.timedelta(back); nxt = pub + dt.timedelta((WD[w] - pub.weekday()) % 7)
        d = dt.date.fromisoformat(r[2])
        if r[1].startswith("أمس"):
            if d != pub - dt.timedelta(1): err("amsi", r[:4])
        elif r[1].startswith("اليوم"):
            if d != pub: err("today", r[:4])
        elif d not in (last, nxt): err("weekday rel", r[:4])
        elif d == nxt and d != last: print("  (future weekday)", r[:3])
# hijri
from hijridate import Hijri
HM = {"ذو الحجة":12,"رمضان":9}
for r in ROWS:
    m = re.search(r"(\d+) (ذو الحجة|رمضان) (\d{4})هـ", r[1])
    if m:
        g = Hijri(int(m.group(3)), HM[m.group(2)], int(m.group(1))).to_gregorian()
        if str(g) != r[2]: err("hijri", r[:4], g)
        else: print("  hijri ok", r[1], g)
# manifest vs stamps
for aid, p in PUB.items():
    if not any(r[0]==aid and r[2]==p and r[5]=="other" for r in ROWS): err("no stamp row", aid)
# uncovered temporal words
TW = r"(يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|جانفي|فيفري|أفريل|ماي|جوان|جويلية|أوت|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد|أمس|اليوم|الماضي|المقبل|الجاري|العام|الشهر|الأسبوع|صيف|شتاء|ربيع|خريف|عام|سنة|\d{4})"
for aid in PUB:
    t = open(f"{base}/articles/{aid}.txt", encoding="utf-8").read()
    for m in re.finditer(r"(?<!\w)" + TW + r"(?!\w)", t):
        if not any(a <= m.start() < b for a, b in covered.get(aid, [])):
            print("  UNCOVERED", aid, m.group(0), "…" + t[max(0,m.start()-30):m.end()+20].replace("\n"," / ") + "…")
print("rows", len(ROWS), "OK" if ok else "ERRORS")
