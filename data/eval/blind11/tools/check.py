import csv,datetime,re,collections
from hijridate import Hijri
D=datetime.date.fromisoformat
ents=[r['entity_id'] for r in csv.DictReader(open('/work/shared/entities_core.csv'))]
EV={'mission_end','withdrawal','transition','handover','presence','agreement','talks','attack','other'}
pub={r['article_id']:r['published'] for r in csv.DictReader(open('manifest.csv'))}
M=list(csv.DictReader(open('milestones.csv'))); C=list(csv.DictReader(open('claims.csv')))
assert len(M)==len(C)
err=0
def bad(*a):
    global err; err+=1; print('ERR',*a)
pos=collections.defaultdict(int); txt={}
for a in pub: txt[a]=open(f'articles/{a}.txt').read()
WD=['الاثنين','الثلاثاء','الأربعاء','الخميس','الجمعة','السبت','الأحد']
for m,c in zip(M,C):
    a=m['article_id']
    for k in ['article_id','surface','start','end']:
        if m[k]!=c[k]: bad('mismatch',m,c)
    i=txt[a].find(m['surface'],pos[a])
    if i<0: bad('surface not found in order',a,m['surface'])
    else: pos[a]=i+len(m['surface'])
    s,e=D(m['start']),D(m['end'])
    if s>e: bad('start>end',m)
    if m['precision'] not in {'day','month','year'}: bad('prec',m)
    if c['event'] not in EV: bad('event',c)
    for k in ['place','actor']:
        if c[k] and c[k] not in ents: bad(k,c)
    cl=c['claimant']
    if cl and cl not in {'media','unnamed'} and not all(x in ents for x in cl.split('+')): bad('claimant',c)
    if '+' in cl and cl.split('+')!=sorted(cl.split('+')): bad('joint order',c)
    if not c['notes']: bad('no note',c)
    if not cl and 'claimant-outside-core' not in c['notes']: bad('empty claimant w/o note',c)
    # weekday consistency
    P=D(pub[a])
    for j,w in enumerate(WD):
        if re.search(r'(^|\s)'+w+r'(\s|،|$)',m['surface']) and m['start']==m['end'] or (w in m['surface'] and 'الأربعاء الخميس' not in m['surface']):
            if w in m['surface'] and s.weekday()!=j and 'الأربعاء الخميس' not in m['surface']:
                bad('weekday',a,m['surface'],s,s.strftime('%A'))
    # relative bare weekday: within 6 days before/after published
    if m['surface'] in WD or re.fullmatch(r'(صباح|مساء|فجر|ليل|اليوم) \S+',m['surface']):
        d=(P-s).days
        if not (-6<=d<=6): bad('weekday far',m)
    # hijri
    h=re.search(r'(\d+) (\S+(?: \S+)?) (\d{4})هـ',m['surface'])
    if h:
        months=['محرم','صفر','ربيع الأول','ربيع الآخر','جمادى الأولى','جمادى الآخرة','رجب','شعبان','رمضان','شوال','ذو القعدة','ذو الحجة']
        g=Hijri(int(h.group(3)),months.index(h.group(2))+1,int(h.group(1))).to_gregorian()
        if str(g)!=m['start']: bad('hijri',m,g)
        else: print('hijri ok',m['surface'],g)
# weekday-only relatives listed for eyeballing
for m in M:
    s=D(m['start']); P=D(pub[m['article_id']])
    if any(w in m['surface'] for w in WD): print(m['article_id'],m['surface'],m['start'],s.strftime('%a'),'pub',P.strftime('%a %d'),(P-s).days)
# mentions
aid=None; n=0; cnt=collections.Counter()
lines={a:t.split('\n') for a,t in txt.items()}
for l in open('mentions_listing.txt'):
    l=l.rstrip('\n')
    if l.startswith('## '): aid=l[3:]; continue
    if not l or l.startswith('#'): continue
    ln,s,e,k=l.split('\t'); n+=1
    if e not in ents or k not in {'name','adj'}: bad('ent',l)
    if s not in lines[aid][int(ln)-1]: bad('mention not on line',aid,l)
    cnt[(aid,e,k)]+=1
E=list(csv.DictReader(open('entities.csv')))
tot=collections.Counter()
for r in E:
    tot[(r['article_id'],r['entity_id'],'name')]+=int(r['names']); tot[(r['article_id'],r['entity_id'],'adj')]+=int(r['adjectives'])
if +tot!=+cnt: bad('entities.csv != listing')
# token counts
for a,t in sorted(txt.items()):
    nt=len(t.split())
    if not 190<=nt<=260: bad('tokens',a,nt)
print('rows',len(M),'mentions',n,'names',sum(v for (a,e,k),v in cnt.items() if k=='name'),'adj',sum(v for (a,e,k),v in cnt.items() if k=='adj'),'errors',err)
print(collections.Counter(c['event'] for c in C))
print(collections.Counter(c['claimant'] if c['claimant'] in ('media','unnamed','') else ('joint' if '+' in c['claimant'] else 'named') for c in C))
print(collections.Counter(c['claimant'] for c in C))
print(collections.Counter(m['precision'] for m in M))
