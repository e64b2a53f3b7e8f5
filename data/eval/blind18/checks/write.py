import csv,sys,collections
sys.path.insert(0,'/work/blind18/checks')
from rows import R,PUB
from ents import run
O='/work/blind18/'
with open(O+'manifest.csv','w',newline='') as f:
    w=csv.writer(f,lineterminator='\n'); w.writerow(['article_id','published'])
    for a in sorted(PUB): w.writerow([a,PUB[a]])
with open(O+'milestones.csv','w',newline='') as f:
    w=csv.writer(f,lineterminator='\n'); w.writerow(['article_id','surface','start','end','precision'])
    for r in R: w.writerow(r[:5])
with open(O+'claims.csv','w',newline='') as f:
    w=csv.writer(f,lineterminator='\n'); w.writerow(['article_id','surface','start','end','event','place','actor','claimant','notes'])
    for r in R: w.writerow([r[0],r[1],r[2],r[3],r[5],r[6],r[7],r[8],r[9]])
order=[l.split(',')[0] for l in open('/work/shared/entities_core.csv').read().splitlines()[1:]]
lst=open(O+'mentions_listing.txt','w')
lst.write('# Manual entity-mention listing (blind18), by the rules of ../../shared/eval/dev/README.md and real/README.md.\n')
lst.write('# One line per counted mention: <line number in article file> <TAB> <surface as it appears, incl. clitics> <TAB> <entity_id> <TAB> name|adj\n')
lst.write('# Titles, datelines, photo captions, «اقرأ أيضا»/«قد يهمك أيضا» lines, timeline entries and hashtags count like any other text.\n')
with open(O+'entities.csv','w',newline='') as f:
    w=csv.writer(f,lineterminator='\n'); w.writerow(['article_id','entity_id','names','adjectives'])
    for a in sorted(PUB):
        ms=run(a); lst.write('\n## %s\n'%a)
        c=collections.defaultdict(lambda:[0,0])
        for i,s,e,fm in ms:
            lst.write('%d\t%s\t%s\t%s\n'%(i,s,e,fm)); c[e][0 if fm=='name' else 1]+=1
        for e in sorted(c,key=order.index): w.writerow([a,e,c[e][0],c[e][1]])
