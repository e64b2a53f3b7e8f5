import csv,re,datetime,collections,sys
sys.path.insert(0,'tools'); from gold import PUB,R
WD={'الاثنين':0,'الثلاثاء':1,'الأربعاء':2,'الخميس':3,'الجمعة':4,'السبت':5,'الأحد':6}
EV={'mission_end','withdrawal','transition','handover','presence','agreement','talks','attack','other'}
ids={r['entity_id'] for r in csv.DictReader(open('/work/shared/entities_core.csv'))}
ok=True
def bad(*a):
    global ok; ok=False; print('FAIL',*a)
ms=list(csv.DictReader(open('milestones.csv'))); cl=list(csv.DictReader(open('claims.csv')))
assert len(ms)==len(cl)
for m,c in zip(ms,cl):
    for k in ('article_id','surface','start','end'):
        if m[k]!=c[k]: bad('order',m,c)
    if c['event'] not in EV: bad('event',c)
    for k in ('place','actor'):
        if c[k] and c[k] not in ids: bad(k,c)
    for part in c['claimant'].split('+'):
        if c['claimant'] and part not in ids|{'media','unnamed'}: bad('claimant',c)
    if '+' in c['claimant'] and c['claimant'].split('+')!=sorted(c['claimant'].split('+')): bad('joint order',c)
    if not c['claimant'] and 'claimant-outside-core' not in c['notes']: bad('empty claimant w/o note',c)
    if not c['notes']: bad('no note',c)
    if m['precision'] not in ('day','month','year'): bad('prec',m)
    s=datetime.date.fromisoformat(m['start']); e=datetime.date.fromisoformat(m['end'])
    if e<s: bad('range',m)
# text order + verbatim
pos=collections.defaultdict(int)
for m in ms:
    a=m['article_id']; t=open(f'articles/{a}.txt').read()
    i=t.find(m['surface'],pos[a])
    if i<0: bad('not found in order',m); continue
    pos[a]=i+len(m['surface'])
    # weekday
    for w,n in WD.items():
        if re.search('(^|[^\\w])'+w+'($|[^\\w])',m['surface']):
            if datetime.date.fromisoformat(m['start']).weekday()!=n: bad('weekday',m)
# relative weekday sanity vs published
for m in ms:
    if m['surface'] in WD or m['surface'].split()[-1] in WD and len(m['surface'].split())<=2:
        d=datetime.date.fromisoformat(m['start']); p=datetime.date.fromisoformat(PUB[m['article_id']])
        print('rel-wd',m['article_id'],m['surface'],m['start'],(d-p).days)
# hijri
from hijridate import Hijri
HM={'محرم':1,'صفر':2,'شوال':10,'ذو القعدة':11}
for m in ms:
    h=re.search(r'(\d+) (\S+|ذو القعدة) (\d+)هـ',m['surface'])
    if h:
        g=Hijri(int(h.group(3)),HM[h.group(2)],int(h.group(1))).to_gregorian()
        print('hijri',m['surface'],g); 
        if g.isoformat()!=m['start']: bad('hijri',m)
# listing
lines={}
for a in PUB: lines[a]=open(f'articles/{a}.txt').read().split('\n')
cnt=collections.Counter(); cur=None
for l in open('mentions_listing.txt'):
    if l.startswith('## '): cur=l[3:].strip(); continue
    if not l.strip() or l.startswith('#'): continue
    ln,s,e,k=l.rstrip('\n').split('\t')
    if s not in lines[cur][int(ln)-1]: bad('mention not on line',cur,ln,s)
    if e not in ids or k not in ('name','adj'): bad('id',l)
    cnt[(cur,e,k)]+=1
ent={(r['article_id'],r['entity_id']):(int(r['names']),int(r['adjectives'])) for r in csv.DictReader(open('entities.csv'))}
for (a,e),(n,j) in ent.items():
    if cnt[(a,e,'name')]!=n or cnt[(a,e,'adj')]!=j: bad('entities',a,e)
if sum(n+j for n,j in ent.values())!=sum(cnt.values()): bad('totals')
# article format + token counts
for a in PUB:
    t=open(f'articles/{a}.txt').read(); L=t.split('\n')
    if L[1]!='' or '\n\n\n' in t or '\r' in t: bad('layout',a)
    print(a,'tokens',len(t.split()))
print('OK' if ok else 'PROBLEMS', len(ms),'rows')
