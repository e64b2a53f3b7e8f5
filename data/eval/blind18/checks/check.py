import sys, datetime, re
sys.path.insert(0,'/work/blind18/checks')
from rows import R, PUB
A='/work/blind18/articles/'
core=[l.split(',')[0] for l in open('/work/shared/entities_core.csv').read().splitlines()[1:]]
EV={'mission_end','withdrawal','transition','handover','presence','agreement','talks','attack','other'}
WD={'الاثنين':0,'الثلاثاء':1,'الأربعاء':2,'الخميس':3,'الجمعة':4,'السبت':5,'الأحد':6}
pos={}; bad=0
for r in R:
    a,s,st,en,pr,ev,pl,ac,cl,no=r
    t=open(A+a+'.txt').read()
    p=t.find(s,pos.get(a,0))
    if p<0: print('NOT FOUND / ORDER',a,s); bad+=1
    else: pos[a]=p+len(s)
    d1=datetime.date.fromisoformat(st); d2=datetime.date.fromisoformat(en)
    assert d1<=d2
    if pr=='day' and d1!=d2 and 'الأسبوع' not in s: print('day range?',a,s)
    for w,i in WD.items():
        if re.search(r'(^|\s)'+w+r'($|\s|،)',s) and d1.weekday()!=i: print('WEEKDAY MISMATCH',a,s,st); bad+=1
    assert ev in EV,(a,s,ev)
    for x in (pl,ac): assert x=='' or x in core,(a,s,x)
    for c in cl.split('+'):
        assert c=='' or c in core or c in ('media','unnamed'),(a,s,cl)
    if '+' in cl: assert cl.split('+')==sorted(cl.split('+'))
    if cl=='': assert 'claimant-outside-core:' in no,(a,s)
    assert no.strip(),(a,s)
print('rows',len(R),'bad',bad)
# text-order check also: no overlapping other occurrence skipped? list residual
from hijridate import Hijri
for y,m,d,g in [(1437,7,24,'2016-05-01'),(1439,3,22,'2017-12-10'),(1440,10,29,'2019-07-02')]:
    print(y,m,d,Hijri(y,m,d).to_gregorian(),g, str(Hijri(y,m,d).to_gregorian())==g)
for a,p in PUB.items():
    print(a,p,datetime.date.fromisoformat(p).strftime('%A'), len(open(A+a+'.txt').read().split()))
