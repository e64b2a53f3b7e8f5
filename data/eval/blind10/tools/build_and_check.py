"""Assemble blind10 CSVs from the hand-written work files and check them mechanically (own code, not the suite)."""
import csv, glob, os, re, sys, datetime, collections
B = '/work/blind10'
PUB = {'cd01':'2018-05-09','cd02':'2018-09-08','cd03':'2018-04-14','cd04':'2018-09-29','cd05':'2018-09-09',
       'cd06':'2018-11-06','cd07':'2017-01-24','cd08':'2019-01-09','cd09':'2018-09-08','cd10':'2018-05-19',
       'cd11':'2018-06-12','cd12':'2018-10-25'}
ids = sorted(PUB)
core = [r['entity_id'] for r in csv.DictReader(open('/work/shared/entities_core.csv', encoding='utf-8'))]
EVENTS = {'mission_end','withdrawal','transition','handover','presence','agreement','talks','attack','other'}
errs = []
rows = []
for a in ids:
    for ln in open(f'{B}/work/rows_{a}.tsv', encoding='utf-8'):
        ln = ln.rstrip('\n')
        if not ln: continue
        f = ln.split('\t')
        if len(f) != 10: errs.append(('fields', a, len(f), ln[:60])); continue
        rows.append(f)
# article texts
txt = {a: open(f'{B}/articles/{a}.txt', encoding='utf-8').read() for a in ids}
for a in ids:
    t = txt[a]; lines = t.split('\n')
    if lines[1] != '': errs.append(('line2 not blank', a))
    n = len(t.split())
    if not 190 <= n <= 260: errs.append(('tokens', a, n))
    if '\r' in t: errs.append(('CR', a))
# surfaces verbatim, in order
pos = collections.defaultdict(int)
for f in rows:
    a, s, st, en, pr, ev, pl, ac, cl, no = f
    i = txt[a].find(s, pos[a])
    if i < 0: errs.append(('surface not found after previous', a, s))
    else: pos[a] = i + len(s)
    d0 = datetime.date.fromisoformat(st); d1 = datetime.date.fromisoformat(en)
    if d1 < d0: errs.append(('end<start', a, s))
    if pr not in ('day','month','year'): errs.append(('precision', a, s))
    if ev not in EVENTS: errs.append(('event', a, s, ev))
    for x in (pl, ac):
        if x and x not in core: errs.append(('id', a, s, x))
    for c in cl.split('+'):
        if cl and c not in core and cl not in ('media','unnamed'): errs.append(('claimant', a, s, cl))
    if '+' in cl and cl.split('+') != sorted(cl.split('+')): errs.append(('claimant order', a, s))
    if not cl and 'claimant-outside-core' not in no: errs.append(('empty claimant w/o note', a, s))
    if not no: errs.append(('no note', a, s))
    if no.startswith('negated') or 'negated' in no.split(';')[0]: pass
# weekday consistency
WD = {'الاثنين':0,'الثلاثاء':1,'الأربعاء':2,'الخميس':3,'الجمعة':4,'السبت':5,'الأحد':6}
for f in rows:
    a, s, st, en = f[:4]
    for w, k in WD.items():
        if re.search(r'(^|\s)' + w + r'($|[\s،])', s):
            d = datetime.date.fromisoformat(st)
            if d.weekday() != k or st != en: errs.append(('weekday', a, s, st))
            pub = datetime.date.fromisoformat(PUB[a])
            if 'المقبل' in s or 'future weekday' in f[9]: ok = d >= pub and (d - pub).days < 7
            else: ok = d <= pub and (pub - d).days < 7
            if not ok: errs.append(('relative weekday', a, s, st))
# Hijri
sys.path.insert(0, '')
try:
    from hijridate import Hijri
    HM = {'محرم':1,'صفر':2,'ربيع الأول':3,'ربيع الثاني':4,'جمادى الأولى':5,'جمادى الآخرة':6,'رجب':7,'شعبان':8,'رمضان':9,'شوال':10,'ذو القعدة':11,'ذو الحجة':12}
    for f in rows:
        a, s, st = f[:3]
        for name, m in HM.items():
            mm = re.search(r'(\d+) ' + name + r' (\d{4})هـ', s)
            if mm:
                g = Hijri(int(mm.group(2)), m, int(mm.group(1))).to_gregorian()
                if g.isoformat() != st: errs.append(('hijri', a, s, g.isoformat(), st))
                else: print('hijri ok', a, s, '=', st)
except ImportError:
    print('hijridate not available in this interpreter: run with /work/main/.venv/bin/python')
# timestamps equal publication
# listing
listing = collections.OrderedDict((a, []) for a in ids)
for a in ids:
    for ln in open(f'{B}/work/list_{a}.txt', encoding='utf-8'):
        ln = ln.rstrip('\n')
        if not ln or ln.startswith('#'): continue
        f = ln.split('\t')
        if len(f) != 4: errs.append(('listing fields', a, ln)); continue
        listing[a].append(f)
for a, L in listing.items():
    lines = txt[a].split('\n')
    need = collections.Counter((int(l), s) for l, s, e, k in L)
    for (l, s), c in need.items():
        have = lines[l - 1].count(s)
        if have < c: errs.append(('mention not on line', a, l, s, have, c))
    for l, s, e, k in L:
        if e not in core or k not in ('name', 'adj'): errs.append(('listing id', a, e, k))
        if int(l) == 0 or lines[int(l) - 1] == '': errs.append(('blank line', a, l))
# write outputs
with open(f'{B}/manifest.csv', 'w', encoding='utf-8', newline='') as fh:
    w = csv.writer(fh, lineterminator='\n'); w.writerow(['article_id', 'published'])
    for a in ids: w.writerow([a, PUB[a]])
with open(f'{B}/milestones.csv', 'w', encoding='utf-8', newline='') as fh:
    w = csv.writer(fh, lineterminator='\n'); w.writerow(['article_id','surface','start','end','precision'])
    for f in rows: w.writerow(f[:5])
with open(f'{B}/claims.csv', 'w', encoding='utf-8', newline='') as fh:
    w = csv.writer(fh, lineterminator='\n'); w.writerow(['article_id','surface','start','end','event','place','actor','claimant','notes'])
    for f in rows: w.writerow(f[:4] + f[5:])
with open(f'{B}/mentions_listing.txt', 'w', encoding='utf-8') as fh:
    fh.write('# Manual entity-mention listing (blind10), written by hand by the rules of shared/eval/dev/README.md and real/README.md.\n')
    fh.write('# One line per counted mention: <line number in article file> <TAB> <surface as it appears, incl. clitics> <TAB> <entity_id> <TAB> name|adj\n')
    fh.write('# Titles, datelines, page stamps, photo captions, «اقرأ أيضا» lines, timeline entries and hashtags count like any other text.\n')
    for a, L in listing.items():
        fh.write(f'\n## {a}\n')
        for f in L: fh.write('\t'.join(f) + '\n')
with open(f'{B}/entities.csv', 'w', encoding='utf-8', newline='') as fh:
    w = csv.writer(fh, lineterminator='\n'); w.writerow(['article_id','entity_id','names','adjectives'])
    for a, L in listing.items():
        order = []
        cnt = collections.defaultdict(lambda: [0, 0])
        for l, s, e, k in L:
            if e not in order: order.append(e)
            cnt[e][0 if k == 'name' else 1] += 1
        for e in order: w.writerow([a, e, cnt[e][0], cnt[e][1]])
print('rows', len(rows), 'errors', len(errs))
for e in errs: print('ERR', e)
