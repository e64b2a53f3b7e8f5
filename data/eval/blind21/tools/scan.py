import re, sys, datetime as dt
sys.path.insert(0, "/work/blind21/tools")
from gold import R, PUB
pat = re.compile(r"(يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|جانفي|فيفري|أفريل|ماي|جوان|جويلية|أوت|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد|أمس|اليوم|المقبل|الماضي|الجاري|الشهر|العام|عام|\b(19|20)\d\d\b|هـ|نفسه)")
WD = {"الاثنين":0,"الثلاثاء":1,"الأربعاء":2,"الخميس":3,"الجمعة":4,"السبت":5,"الأحد":6}
for a in PUB:
    t = open(f"/work/blind21/articles/{a}.txt").read()
    spans=[]; p=0
    for r in R:
        if r[0]!=a: continue
        i=t.find(r[1],p); spans.append((i,i+len(r[1]))); p=i+len(r[1])
    for m in pat.finditer(t):
        if not any(s<=m.start()<e for s,e in spans):
            ln=t[:m.start()].count("\n")+1
            print(a, ln, m.group(0), "|", t[max(0,m.start()-25):m.end()+15].replace("\n"," "))
    pub=dt.date.fromisoformat(PUB[a])
    for r in R:
        if r[0]==a:
            ws=[w for w in WD if w in r[1]]
            if ws and not re.search(r"\d",r[1]):
                d=dt.date.fromisoformat(r[2]); delta=(pub-d).days
                print("  wd", a, r[1], r[2], d.strftime("%a"), "pub-d=",delta)
