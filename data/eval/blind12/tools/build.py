import csv,sys,re,datetime,collections
sys.path.insert(0,'tools'); from gold import PUB,R
# listing: reviewed candidates, minus the hand-made exclusions below
EXCL={('cf03',15,'واشنطن',0)}  # first واشنطن on cf03 line 15 is «واشنطن بوست» (newspaper) -> not counted
rows=[l.rstrip('\n').split('\t') for l in open('tools/cands.txt')]
seen=collections.Counter(); listing=[]
for aid,ln,s,e,k in rows:
    key=(aid,int(ln),s); i=seen[key]; seen[key]+=1
    if (aid,int(ln),s,i) in EXCL: continue
    listing.append((aid,int(ln),s,e,k))
with open('mentions_listing.txt','w') as f:
    f.write('# Entity-mention listing (blind12), by the rules of ../shared/eval/dev/README.md and real/README.md; drafted with tools/cands.py, reviewed by hand.\n')
    f.write('# One line per counted mention: <line number in article file> <TAB> <surface as it appears, incl. clitics> <TAB> <entity_id> <TAB> name|adj\n')
    f.write('# Titles, datelines, photo captions, «اقرأ أيضا» lines and timeline entries count like any other text.\n')
    cur=None
    for aid,ln,s,e,k in listing:
        if aid!=cur: f.write(f'\n## {aid}\n'); cur=aid
        f.write(f'{ln}\t{s}\t{e}\t{k}\n')
ent=collections.OrderedDict()
for aid,ln,s,e,k in listing:
    d=ent.setdefault((aid,e),[0,0]); d[0 if k=='name' else 1]+=1
with open('entities.csv','w',newline='') as f:
    w=csv.writer(f,lineterminator='\n'); w.writerow(['article_id','entity_id','names','adjectives'])
    for (a,e),(n,j) in ent.items(): w.writerow([a,e,n,j])
with open('manifest.csv','w',newline='') as f:
    w=csv.writer(f,lineterminator='\n'); w.writerow(['article_id','published'])
    for a in sorted(PUB): w.writerow([a,PUB[a]])
with open('milestones.csv','w',newline='') as f, open('claims.csv','w',newline='') as g:
    w=csv.writer(f,lineterminator='\n'); v=csv.writer(g,lineterminator='\n')
    w.writerow(['article_id','surface','start','end','precision'])
    v.writerow(['article_id','surface','start','end','event','place','actor','claimant','notes'])
    for a in sorted(R):
        for s,st,en,pr,ev,pl,ac,cl,no in R[a]:
            w.writerow([a,s,st,en,pr]); v.writerow([a,s,st,en,ev,pl,ac,cl,no])
print('listing',len(listing),'entity rows',len(ent))
