import csv, sys, re, datetime as dt
sys.path.insert(0, '.')
from gold import R, PUB
A = '/work/blind20/articles/'
OUT = '/work/blind20/'
EVENTS = {'mission_end','withdrawal','transition','handover','presence','agreement','talks','attack','other'}
IDS = [row['entity_id'] for row in csv.DictReader(open('/work/shared/entities_core.csv'))]
err = []
# manifest
with open(OUT+'manifest.csv','w',newline='') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(['article_id','published'])
    for a in sorted(PUB): w.writerow([a, PUB[a]])
with open(OUT+'milestones.csv','w',newline='') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(['article_id','surface','start','end','precision'])
    for x in R: w.writerow(x[:5])
with open(OUT+'claims.csv','w',newline='') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(['article_id','surface','start','end','event','place','actor','claimant','notes'])
    for x in R: w.writerow([x[0],x[1],x[2],x[3],x[5],x[6],x[7],x[8],x[9]])
# checks
pos = {}
WD = {'الاثنين':0,'الثلاثاء':1,'الأربعاء':2,'الخميس':3,'الجمعة':4,'السبت':5,'الأحد':6}
for x in R:
    a, s, st, en, pr, ev, pl, ac, cl, no = x
    text = open(A+a+'.txt').read()
    p = text.find(s, pos.get(a, 0))
    if p < 0: err.append(('surface not found in order', a, s))
    else: pos[a] = p + len(s)
    if ev not in EVENTS: err.append(('event', a, s, ev))
    for v in (pl, ac):
        if v and v not in IDS: err.append(('id', a, s, v))
    for v in cl.split('+'):
        if v and v not in IDS + ['media', 'unnamed']: err.append(('claimant', a, s, v))
    if '+' in cl and cl.split('+') != sorted(cl.split('+')): err.append(('joint order', a, s))
    if cl == '' and 'claimant-outside-core' not in no: err.append(('empty claimant without note', a, s))
    if not no: err.append(('no note', a, s))
    if pr not in ('day','month','year'): err.append(('precision', a, s))
    d0, d1 = dt.date.fromisoformat(st), dt.date.fromisoformat(en)
    if d1 < d0: err.append(('order', a, s))
    # weekday checks
    for wname, wi in WD.items():
        if wname in s:
            pub = dt.date.fromisoformat(PUB[a])
            days = [d0 + dt.timedelta(i) for i in range((d1 - d0).days + 1)]
            if not any(d.weekday() == wi for d in days): err.append(('weekday mismatch', a, s, st))
            if re.fullmatch(r'(مساء|صباح|فجر|ليل|أمس|اليوم)? ?' + wname, s):  # weekday alone
                if 'المقبل' in s: pass
                elif d0 > pub: err.append(('weekday after pub', a, s))
                elif (pub - d0).days > 6: err.append(('weekday not most recent', a, s))
            if s.endswith('المقبل') and not (d0 > pub and (d0 - pub).days <= 7): err.append(('next weekday', a, s))
print('rows', len(R)); print('errors', err)
# Hijri
from hijridate import Hijri
for a, s, hy, hm, hd in [('cn01','12 جمادى الأولى 1436',1436,5,12),('cn03','27 رجب 1436',1436,7,27),('cn07','6 محرم 1440',1440,1,6)]:
    g = Hijri(hy, hm, hd).to_gregorian(); st = [x[2] for x in R if x[0] == a and s in x[1]]
    print('hijri', a, s, g, st, str(g) == st[0])
