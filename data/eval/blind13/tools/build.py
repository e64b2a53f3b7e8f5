# Own build/check script (not the suite).
import csv, re, sys, datetime, os, collections
sys.path.insert(0, os.path.dirname(__file__))
from rows import R
from candidates import scan
PUB = {'cg01':'2017-04-07','cg02':'2019-09-17','cg03':'2019-12-01','cg04':'2016-10-12','cg05':'2019-06-21','cg06':'2017-06-22',
       'cg07':'2019-08-21','cg08':'2016-03-03','cg09':'2019-10-15','cg10':'2017-11-20','cg11':'2019-09-30','cg12':'2017-10-26'}
# hand decisions on candidate mentions: (article, line, surface) to drop
DROP = {('cg04', 15, 'الحشد')}   # «الحشد الوطني» (Nineveh Guard), not the PMF
EVENTS = {'mission_end','withdrawal','transition','handover','presence','agreement','talks','attack','other'}
IDS = [r['entity_id'] for r in csv.DictReader(open('/work/shared/entities_core.csv'))]
WD = {'الاثنين':0,'الثلاثاء':1,'الأربعاء':2,'الخميس':3,'الجمعة':4,'السبت':5,'الأحد':6}
base = os.path.join(os.path.dirname(__file__), '..')
ok = True
with open(f'{base}/manifest.csv','w',newline='') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(['article_id','published'])
    for a in sorted(PUB): w.writerow([a, PUB[a]])
mf = open(f'{base}/milestones.csv','w',newline=''); mw = csv.writer(mf, lineterminator='\n')
cf = open(f'{base}/claims.csv','w',newline=''); cw = csv.writer(cf, lineterminator='\n')
mw.writerow(['article_id','surface','start','end','precision'])
cw.writerow(['article_id','surface','start','end','event','place','actor','claimant','notes'])
for a in sorted(R):
    text = open(f'{base}/articles/{a}.txt', encoding='utf-8').read()
    pos = 0
    for (s, st, en, pr, ev, pl, ac, cl, no) in R[a]:
        i = text.find(s, pos)
        if i < 0: print('NOT FOUND/ORDER', a, s); ok = False
        else:
            # whole-token boundary check
            before = text[i-1] if i else ' '
            after = text[i+len(s)] if i+len(s) < len(text) else ' '
            if re.match(r'[\u0621-\u064A]', before) or re.match(r'[\u0621-\u064A0-9]', after): print('BOUNDARY', a, s, repr(before), repr(after))
            pos = i + len(s)
        d0 = datetime.date.fromisoformat(st); d1 = datetime.date.fromisoformat(en)
        assert d0 <= d1
        for name, k in WD.items():
            if re.search(r'(^|\s)' + name + r'($|\s|،)', s):
                if d0.weekday() != k or d0 != d1: print('WEEKDAY MISMATCH', a, s, st); ok = False
        if ev not in EVENTS: print('EVENT', a, s, ev); ok = False
        for v in (pl, ac): 
            if v and v not in IDS: print('ID', a, s, v); ok = False
        for v in cl.split('+'):
            if cl and v not in IDS + ['media','unnamed']: print('CLAIMANT', a, s, cl); ok = False
        if '+' in cl and cl.split('+') != sorted(cl.split('+')): print('JOINT ORDER', a, s)
        if not cl and 'claimant-outside-core' not in no: print('EMPTY CLAIMANT w/o note', a, s)
        if not no: print('NO NOTE', a, s); ok = False
        if pr not in ('day','month','year'): print('PREC', a, s)
        mw.writerow([a, s, st, en, pr]); cw.writerow([a, s, st, en, ev, pl, ac, cl, no])
mf.close(); cf.close()
# mentions
lst = open(f'{base}/mentions_listing.txt','w', encoding='utf-8')
lst.write('# Manual entity-mention listing (blind13), by the rules of ../../shared/eval/dev/README.md and real/README.md.\n')
lst.write('# One line per counted mention: <line number in article file> <TAB> <surface as it appears, incl. clitics> <TAB> <entity_id> <TAB> name|adj\n')
lst.write('# Candidates were proposed by a small script of our own (tools/candidates.py) and every one was checked by hand against the text;\n# titles, datelines, photo captions, «اقرأ أيضا» lines, timeline entries and hashtags count like any other text.\n')
cnt = collections.OrderedDict()
for a in sorted(R):
    lst.write(f'\n## {a}\n')
    lines = open(f'{base}/articles/{a}.txt', encoding='utf-8').read().split('\n')
    for (ln, sfc, eid, form) in scan(f'{base}/articles/{a}.txt'):
        if (a, ln, sfc) in DROP: continue
        assert sfc in lines[ln-1]
        assert eid in IDS
        lst.write(f'{ln}\t{sfc}\t{eid}\t{form}\n')
        c = cnt.setdefault((a, eid), [0, 0]); c[0 if form == 'name' else 1] += 1
lst.close()
with open(f'{base}/entities.csv','w',newline='') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(['article_id','entity_id','names','adjectives'])
    for (a, e), (n, j) in cnt.items(): w.writerow([a, e, n, j])
print('ok' if ok else 'PROBLEMS')
