# Own checks and CSV writer for blind14 (not the suite). Run with /work/main/.venv/bin/python (needs hijridate).
import csv, re, os, sys, datetime, collections
from hijridate import Hijri
sys.path.insert(0, os.path.dirname(__file__))
from candidates import scan
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ART = os.path.join(ROOT, 'articles')
PUB = {'ch01':'2016-07-05','ch02':'2016-11-26','ch03':'2016-10-22','ch04':'2016-09-18','ch05':'2016-03-15','ch06':'2017-06-19',
       'ch07':'2017-06-08','ch08':'2017-10-05','ch09':'2018-07-12','ch10':'2018-12-21','ch11':'2019-02-04','ch12':'2019-05-20'}
ENT = [r['entity_id'] for r in csv.DictReader(open('/work/shared/entities_core.csv', encoding='utf-8'))]
EVENTS = {'mission_end','withdrawal','transition','handover','presence','agreement','talks','attack','other'}
WD = {'الاثنين':0,'الثلاثاء':1,'الأربعاء':2,'الخميس':3,'الجمعة':4,'السبت':5,'الأحد':6}
HM = {'رمضان':9,'شوال':10}
texts = {a: open(os.path.join(ART, a + '.txt'), encoding='utf-8').read() for a in PUB}
rows = [l.rstrip('\n').split('\t') for l in open(os.path.join(ROOT, 'tools/gold_rows.tsv'), encoding='utf-8')]
errs = []
pos = collections.defaultdict(int)
for r in rows:
    aid, surf, st, en, prec, ev, place, actor, cl, notes = r
    t = texts[aid]
    i = t.find(surf, pos[aid])
    if i < 0: errs.append(('surface not found in order', r[:2])); continue
    before = t[i-1] if i else ' '; after = t[i+len(surf)] if i+len(surf) < len(t) else ' '
    if re.match(r'\w', before) or re.match(r'\w', after): errs.append(('not on word boundary', r[:2], before, after))
    pos[aid] = i + len(surf)
    sd = datetime.date.fromisoformat(st); ed = datetime.date.fromisoformat(en)
    if ed < sd: errs.append(('end<start', r[:2]))
    for w, n in WD.items():
        if re.search(r'(^|\s)' + w + r'($|[\s،])', surf) and sd.weekday() != n and 'أسبوع' not in surf:
            errs.append(('weekday mismatch', r[:4]))
    m = re.search(r'(\d+) (\S+) (\d{4})هـ', surf)
    if m:
        g = Hijri(int(m.group(3)), HM[m.group(2)], int(m.group(1))).to_gregorian()
        if str(g) != st: errs.append(('hijri', r[:4], str(g)))
    if prec not in ('day','month','year'): errs.append(('precision', r[:2]))
    if ev not in EVENTS: errs.append(('event', r[:2]))
    for col, v in (('place', place), ('actor', actor)):
        if v and v not in ENT: errs.append((col, r[:2], v))
    for part in (cl.split('+') if cl else []):
        if part not in ENT + ['media', 'unnamed']: errs.append(('claimant', r[:2], cl))
    if not cl and 'claimant-outside-core:' not in notes: errs.append(('empty claimant without note', r[:2]))
    if not notes: errs.append(('no note', r[:2]))
    if cl and '+' in cl and cl != '+'.join(sorted(cl.split('+'))): errs.append(('joint order', r[:2]))
print('row errors:', errs or 'none')
# write milestones.csv / claims.csv / manifest.csv
with open(os.path.join(ROOT, 'manifest.csv'), 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(['article_id','published'])
    for a in sorted(PUB): w.writerow([a, PUB[a]])
with open(os.path.join(ROOT, 'milestones.csv'), 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(['article_id','surface','start','end','precision'])
    for r in rows: w.writerow(r[:5])
with open(os.path.join(ROOT, 'claims.csv'), 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(['article_id','surface','start','end','event','place','actor','claimant','notes'])
    for r in rows: w.writerow(r[:4] + r[5:])
# token counts
for a in sorted(PUB):
    n = len(texts[a].split())
    if not 190 <= n <= 260: errs.append(('length', a, n))
    print(a, 'tokens', n, 'rows', sum(1 for r in rows if r[0] == a))

# ---- entity mentions: candidates from tools/candidates.py, then the hand-review decisions below ----
DROP = {('ch06', 7, 'وكردستان'): 'Iranian Kurdistan province (missile launch site), not the Iraqi region'}
RETYPE = {('ch04', 7, 'سورية'): ('syria', 'adj'), ('ch06', 13, 'سورية'): ('syria', 'adj')}
listing = []
for a in sorted(PUB):
    for ln, col, s, eid, kind in scan(texts[a]):
        if (a, ln, s) in DROP: continue
        eid, kind = RETYPE.get((a, ln, s), (eid, kind))
        listing.append((a, ln, s, eid, kind))
hdr = ('# Entity-mention listing (blind14), by the rules of /work/shared/eval/dev/README.md and real/README.md.\n'
       '# One line per counted mention: <line number in article file> <TAB> <surface as it appears, incl. clitics> <TAB> <entity_id> <TAB> name|adj\n'
       '# Titles, datelines, photo captions, «اقرأ أيضا» lines and timeline entries count like any other text.\n')
with open(os.path.join(ROOT, 'mentions_listing.txt'), 'w', encoding='utf-8') as f:
    f.write(hdr)
    for a in sorted(PUB):
        f.write('\n## ' + a + '\n')
        for x in listing:
            if x[0] == a: f.write(f'{x[1]}\t{x[2]}\t{x[3]}\t{x[4]}\n')
# re-read the listing file and verify each mention is on its line, then sum into entities.csv
cur = None; cnt = collections.OrderedDict(); lerr = []
for line in open(os.path.join(ROOT, 'mentions_listing.txt'), encoding='utf-8'):
    line = line.rstrip('\n')
    if line.startswith('## '): cur = line[3:]; continue
    if not line or line.startswith('#'): continue
    ln, s, eid, kind = line.split('\t')
    tl = texts[cur].split('\n')[int(ln) - 1]
    if not re.search(r'(?<!\w)' + re.escape(s) + r'(?!\w)', tl): lerr.append((cur, ln, s))
    if eid not in ENT or kind not in ('name', 'adj'): lerr.append(('bad id/kind', cur, ln, s))
    k = (cur, eid); cnt.setdefault(k, [0, 0]); cnt[k][0 if kind == 'name' else 1] += 1
print('listing errors:', lerr or 'none')
with open(os.path.join(ROOT, 'entities.csv'), 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(['article_id','entity_id','names','adjectives'])
    order = {e: i for i, e in enumerate(ENT)}
    for (a, e), (n, j) in sorted(cnt.items(), key=lambda kv: (kv[0][0], order[kv[0][1]])):
        w.writerow([a, e, n, j])
print('entities rows', len(cnt), 'names', sum(v[0] for v in cnt.values()), 'adjs', sum(v[1] for v in cnt.values()))
