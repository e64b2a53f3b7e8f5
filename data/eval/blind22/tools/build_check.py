# Builds the CSVs from tools/rows.tsv and the listing, and checks them. My own code, not the suite.
import csv, re, datetime, collections
B = '/work/blind22/'
PUB = {'cp01':'2022-03-14','cp02':'2023-07-20','cp03':'2021-06-28','cp04':'2023-03-20','cp05':'2024-12-01','cp06':'2023-03-27',
       'cp07':'2023-09-27','cp08':'2025-01-20','cp09':'2023-03-22','cp10':'2025-04-19','cp11':'2025-03-11','cp12':'2025-05-12'}
EVENTS = {'mission_end','withdrawal','transition','handover','presence','agreement','talks','attack','other'}
ids = [r['entity_id'] for r in csv.DictReader(open('/work/shared/entities_core.csv', encoding='utf-8'))]
CLAIM_EXTRA = {'media','unnamed',''}
rows = []
for l in open(B+'tools/rows.tsv', encoding='utf-8'):
    f = [x.strip() for x in l.rstrip('\n').split('\t')]
    assert len(f) == 10, f
    if f[9].startswith('"') and f[9].endswith('"'): f[9] = f[9][1:-1]
    rows.append(f)
errs = []
texts = {a: open(B+f'articles/{a}.txt', encoding='utf-8').read() for a in PUB}
pos = collections.defaultdict(int)
for f in rows:
    a, s = f[0], f[1]
    t = texts[a]
    m = re.compile(r'(?<![\w])' + re.escape(s) + r'(?![\w])').search(t, pos[a])
    if not m: errs.append(('surface/order', a, s)); f.append(0); continue
    pos[a] = m.end()
    f.append(t[:m.start()].count('\n') + 1)
for f in rows:
    a,s,st,en,pr,ev,pl,ac,cl,no = f[:10]
    if ev not in EVENTS: errs.append(('event',a,s,ev))
    for v in (pl, ac):
        if v and v not in ids: errs.append(('id',a,s,v))
    for c in cl.split('+'):
        if c not in ids and c not in CLAIM_EXTRA: errs.append(('claimant',a,s,cl))
    if '+' in cl and cl.split('+') != sorted(cl.split('+')): errs.append(('joint-order',a,s,cl))
    if cl == '' and 'claimant-outside-core:' not in no: errs.append(('empty-claimant-note',a,s))
    if not no: errs.append(('no-note',a,s))
    if pr not in ('day','month','year'): errs.append(('prec',a,s))
    d0 = datetime.date.fromisoformat(st); d1 = datetime.date.fromisoformat(en)
    if d1 < d0: errs.append(('range',a,s))
WD = {'الاثنين':0,'الثلاثاء':1,'الأربعاء':2,'الخميس':3,'الجمعة':4,'السبت':5,'الأحد':6}
for f in rows:
    a,s,st,en = f[:4]
    for w,k in WD.items():
        if re.search(r'(?<![\w])'+w+r'(?![\w])', s):
            d = datetime.date.fromisoformat(st)
            if d.weekday() != k or st != en: errs.append(('weekday',a,s,st))
            pub = datetime.date.fromisoformat(PUB[a])
            print(f'  wd {a} l{f[10]} {s!r} -> {st} ({d.strftime("%a")}), pub {pub.strftime("%a")}, delta {(d-pub).days}')
print('errors:', errs)
with open(B+'manifest.csv','w',newline='',encoding='utf-8') as fh:
    w = csv.writer(fh, lineterminator='\n'); w.writerow(['article_id','published'])
    for a in sorted(PUB): w.writerow([a, PUB[a]])
with open(B+'milestones.csv','w',newline='',encoding='utf-8') as fh:
    w = csv.writer(fh, lineterminator='\n'); w.writerow(['article_id','surface','start','end','precision'])
    for f in rows: w.writerow(f[:5])
with open(B+'claims.csv','w',newline='',encoding='utf-8') as fh:
    w = csv.writer(fh, lineterminator='\n'); w.writerow(['article_id','surface','start','end','event','place','actor','claimant','notes'])
    for f in rows: w.writerow(f[:4] + f[5:10])
cnt = collections.Counter(); lerr = []; per = collections.Counter(); cur = None
for l in open(B+'mentions_listing.txt', encoding='utf-8'):
    l = l.rstrip('\n')
    if not l or l.startswith('# '): continue
    if l.startswith('## '): cur = l[3:]; continue
    n, s, e, k = l.split('\t')
    if e not in ids or k not in ('name','adj'): lerr.append((cur, n, s, e, k))
    cnt[(cur, e, k)] += 1; per[(cur, n, s)] += 1
for (a,n,s),c in per.items():
    occ = len(re.findall(r'(?<![\w])' + re.escape(s) + r'(?![\w])', texts[a].split('\n')[int(n)-1]))
    if occ < c: lerr.append(('count',a,n,s,c,occ))
print('listing errors:', lerr)
order = {e:i for i,e in enumerate(ids)}
ents = sorted({(a,e) for (a,e,k) in cnt}, key=lambda x:(x[0], order[x[1]]))
with open(B+'entities.csv','w',newline='',encoding='utf-8') as fh:
    w = csv.writer(fh, lineterminator='\n'); w.writerow(['article_id','entity_id','names','adjectives'])
    for a,e in ents: w.writerow([a,e,cnt[(a,e,'name')],cnt[(a,e,'adj')]])
print('rows', len(rows), 'entity rows', len(ents), 'names', sum(v for (a,e,k),v in cnt.items() if k=='name'), 'adjs', sum(v for (a,e,k),v in cnt.items() if k=='adj'))
c = collections.Counter(f[5] for f in rows); print('events', dict(c))
def kind(cl):
    if cl in ('media','unnamed'): return cl
    if cl == '': return 'empty(outside core)'
    if '+' in cl: return 'joint'
    return 'named side'
print('claimant kinds', dict(collections.Counter(kind(f[8]) for f in rows)))
print('claimants', dict(collections.Counter(f[8] for f in rows)))
print('precision', dict(collections.Counter(f[4] for f in rows)))
print('per article', dict(collections.Counter(f[0] for f in rows)))
print('judgement', sum(f[9].startswith('judgement') for f in rows))
