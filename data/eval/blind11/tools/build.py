import csv,sys,collections
sys.path.insert(0,'tools'); import rows
pub={'ce01':'2018-02-25','ce02':'2018-10-23','ce03':'2018-11-08','ce04':'2018-05-10','ce05':'2018-09-18','ce06':'2018-01-03',
     'ce07':'2018-07-07','ce08':'2018-10-21','ce09':'2018-12-27','ce10':'2018-08-02','ce11':'2018-06-05','ce12':'2019-03-24'}
with open('manifest.csv','w',newline='') as f:
    w=csv.writer(f,lineterminator='\n'); w.writerow(['article_id','published'])
    for k in sorted(pub): w.writerow([k,pub[k]])
with open('milestones.csv','w',newline='') as f:
    w=csv.writer(f,lineterminator='\n'); w.writerow(['article_id','surface','start','end','precision'])
    for r in rows.R: w.writerow(r[:5])
with open('claims.csv','w',newline='') as f:
    w=csv.writer(f,lineterminator='\n'); w.writerow(['article_id','surface','start','end','event','place','actor','claimant','notes'])
    for r in rows.R: w.writerow(r[:4]+r[5:])
# entities from the hand-checked listing
cnt=collections.OrderedDict(); aid=None
for l in open('mentions_listing.txt'):
    l=l.rstrip('\n')
    if l.startswith('## '): aid=l[3:]; continue
    if not l or l.startswith('#'): continue
    n,s,e,k=l.split('\t')
    c=cnt.setdefault((aid,e),[0,0]); c[0 if k=='name' else 1]+=1
with open('entities.csv','w',newline='') as f:
    w=csv.writer(f,lineterminator='\n'); w.writerow(['article_id','entity_id','names','adjectives'])
    for (a,e),(n,j) in cnt.items(): w.writerow([a,e,n,j])
