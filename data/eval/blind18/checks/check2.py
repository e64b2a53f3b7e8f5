import csv,collections
O='/work/blind18/'
ms=list(csv.DictReader(open(O+'milestones.csv'))); cl=list(csv.DictReader(open(O+'claims.csv')))
assert len(ms)==len(cl) and all(m[k]==c[k] for m,c in zip(ms,cl) for k in ('article_id','surface','start','end'))
core=[l.split(',')[0] for l in open('/work/shared/entities_core.csv').read().splitlines()[1:]]
cnt=collections.Counter(); a=None; bad=0
for line in open(O+'mentions_listing.txt'):
    line=line.rstrip('\n')
    if line.startswith('## '): a=line[3:]; continue
    if not line or line.startswith('#'): continue
    n,s,e,f=line.split('\t'); assert e in core and f in ('name','adj')
    L=open(O+'articles/'+a+'.txt').read().split('\n')[int(n)-1]
    k=L.count(s)
    if k==0: print('MISSING',a,n,s); bad+=1
    cnt[(a,e,f)]+=1
# each surface occurrence count on a line >= listed count
per=collections.Counter()
for row in csv.DictReader(open(O+'entities.csv')):
    assert int(row['names'])==cnt[(row['article_id'],row['entity_id'],'name')]
    assert int(row['adjectives'])==cnt[(row['article_id'],row['entity_id'],'adj')]
    per[(row['article_id'],row['entity_id'])]=1
assert all((a,e) in per for (a,e,f) in cnt)
print('ok; mentions',sum(cnt.values()),'names',sum(v for k,v in cnt.items() if k[2]=='name'),'adj',sum(v for k,v in cnt.items() if k[2]=='adj'),'entity rows',len(per),'bad',bad)
ev=collections.Counter(c['event'] for c in cl); print(ev)
kind=collections.Counter('media' if c['claimant']=='media' else 'unnamed' if c['claimant']=='unnamed' else 'empty(outside core)' if c['claimant']=='' else 'joint' if '+' in c['claimant'] else 'named side' for c in cl); print(kind)
print(collections.Counter(c['claimant'] for c in cl))
print(collections.Counter(m['precision'] for m in ms))
print('judgement rows',sum(c['notes'].startswith('judgement') for c in cl))
print(collections.Counter(c['article_id'] for c in cl))
