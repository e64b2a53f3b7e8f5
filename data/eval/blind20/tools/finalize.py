import csv, collections, re
A='/work/blind20/articles/'; O='/work/blind20/'
IDS=[r['entity_id'] for r in csv.DictReader(open('/work/shared/entities_core.csv'))]
rows=[]; art=None
for l in open('proposed.txt'):
    l=l.rstrip('\n')
    if l.startswith('## '): art=l[3:]; continue
    ln,s,e,f=l.split('\t'); rows.append((art,int(ln),s,e,f))
with open(O+'mentions_listing.txt','w') as w:
    w.write('# Manual entity-mention listing (blind20), by the rules of shared/eval/dev/README.md and real/README.md.\n')
    w.write('# One line per counted mention: <line number in article file> <TAB> <surface as it appears, incl. clitics> <TAB> <entity_id> <TAB> name|adj\n')
    w.write('# Titles, datelines, photo captions, «اقرأ أيضا»/«قد يهمك أيضا» lines, timeline entries and hashtags count like any other text.\n')
    cur=None
    for a,ln,s,e,f in rows:
        if a!=cur: w.write('\n## %s\n'%a); cur=a
        w.write('%d\t%s\t%s\t%s\n'%(ln,s,e,f))
# checks: ids, on-line occurrence counts
err=[]
per=collections.Counter((a,ln,s) for a,ln,s,e,f in rows)
for (a,ln,s),n in per.items():
    line=open(A+a+'.txt').read().split('\n')[ln-1]
    if line.count(s)<n: err.append((a,ln,s,n,line.count(s)))
for a,ln,s,e,f in rows:
    if e not in IDS or f not in ('name','adj'): err.append(('id',a,s,e,f))
print('listing errors',err)
c=collections.OrderedDict()
for a,ln,s,e,f in rows:
    c.setdefault((a,e),[0,0]); c[(a,e)][0 if f=='name' else 1]+=1
order={e:i for i,e in enumerate(IDS)}
with open(O+'entities.csv','w',newline='') as fh:
    w=csv.writer(fh,lineterminator='\n'); w.writerow(['article_id','entity_id','names','adjectives'])
    for (a,e) in sorted(c,key=lambda k:(k[0],order[k[1]])): w.writerow([a,e]+c[(a,e)])
n=sum(1 for r in rows if r[4]=='name'); ad=len(rows)-n
print('mentions',len(rows),'names',n,'adj',ad,'entity rows',len(c))
# re-read entities.csv and compare with listing
back=collections.Counter()
for r in csv.DictReader(open(O+'entities.csv')):
    back[(r['article_id'],r['entity_id'],'name')]+=int(r['names']); back[(r['article_id'],r['entity_id'],'adj')]+=int(r['adjectives'])
lst=collections.Counter((a,e,f) for a,ln,s,e,f in rows)
print('entities.csv == listing:', +back==+lst)
