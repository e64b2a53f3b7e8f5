# Writes the CSVs from the hand-typed rows and runs mechanical checks (own code; not the suite).
import csv, datetime, re, sys, collections
sys.path.insert(0, '/work/blind15/tools')
from gold import PUB, R
from mentions import M, HAND
from hijridate import Hijri
B = '/work/blind15/'
ids = sorted(PUB)
core = [r['entity_id'] for r in csv.DictReader(open('/work/shared/entities_core.csv'))]
EVENTS = {'mission_end','withdrawal','transition','handover','presence','agreement','talks','attack','other'}
err = []
WD = {'الاثنين':0,'الثلاثاء':1,'الأربعاء':2,'الخميس':3,'الجمعة':4,'السبت':5,'الأحد':6}
HM = {'محرم':1,'صفر':2,'ربيع الأول':3,'ربيع الثاني':4,'جمادى الأولى':5,'جمادى الآخرة':6,'رجب':7,'شعبان':8,'رمضان':9,'شوال':10,'ذو القعدة':11,'ذو الحجة':12}
D = lambda s: datetime.date.fromisoformat(s)
texts = {a: open(f'{B}articles/{a}.txt', encoding='utf-8').read() for a in ids}
# article shape and length
for a, t in texts.items():
    lines = t.split('\n')
    if lines[1] != '' or not lines[0]: err.append((a, 'layout'))
    n = len(t.split())
    if not 190 <= n <= 260: err.append((a, 'length', n))
# rows
pos = collections.defaultdict(int)
for r in R:
    a, s, st, en, pr, ev, pl, ac, cl, no = r
    t = texts[a]
    i = t.find(s, pos[a])
    if i < 0: err.append((a, 'surface not found in order', s))
    else: pos[a] = i + len(s)
    if D(st) > D(en): err.append((a, 'start>end', s))
    if pr not in ('day', 'month', 'year'): err.append((a, 'prec', s))
    if ev not in EVENTS: err.append((a, 'event', s))
    for x in (pl, ac): 
        if x and x not in core: err.append((a, 'id', x))
    for x in cl.split('+'):
        if cl and x not in core + ['media', 'unnamed']: err.append((a, 'claimant', cl))
    if cl == '' and 'claimant-outside-core' not in no: err.append((a, 'empty claimant without note', s))
    if not no: err.append((a, 'no note', s))
    # weekday checks
    for w, k in WD.items():
        if re.search(r'(^|\s)' + w + r'(\s|،|$)', s):
            if D(st).weekday() != k: err.append((a, 'weekday mismatch', s, st))
    # Hijri checks
    m = re.search(r'(\d+) (' + '|'.join(HM) + r') (\d{4})هـ', s)
    if m:
        g = Hijri(int(m.group(3)), HM[m.group(2)], int(m.group(1))).to_gregorian()
        if str(g) != st: err.append((a, 'hijri', s, str(g)))
    # month precision spans a whole month / year precision a whole year
    if pr == 'month' and (D(st).day != 1 or (D(en) + datetime.timedelta(1)).day != 1): err.append((a, 'month span', s))
    if pr == 'year' and (st[5:] != '01-01' or en[5:] != '12-31'): err.append((a, 'year span', s))
# relative weekdays vs publication date
for r in R:
    a, s, st = r[0], r[1], r[2]
    p = D(PUB[a])
    if s.split()[-1] in WD or s in WD:
        d = D(st)
        if 'المقبل' in s and not (d > p): err.append((a, 'future wd', s))
        if 'الماضي' in s and not (d < p and (p - d).days <= 7): err.append((a, 'past wd', s))
        if s.startswith('أمس') and (p - d).days != 1: err.append((a, 'amsi', s))
# mentions
lines = {a: texts[a].split('\n') for a in ids}
need = collections.Counter((a, n, s) for a, n, s, e, f in M)
for (a, n, s), k in need.items():
    c = lines[a][n - 1].count(s)
    if c < k: err.append((a, 'mention not on line', n, s, c, k))
for a, n, s, e, f in M:
    if e not in core or f not in ('name', 'adj'): err.append((a, 'mention label', s, e, f))
agg = collections.defaultdict(lambda: [0, 0])
for a, n, s, e, f in M: agg[(a, e)][0 if f == 'name' else 1] += 1
hand = {(a, e): list(v) for a, d in HAND.items() for e, v in d.items()}
if dict(agg) != hand:
    for k in set(agg) | set(hand):
        if agg.get(k) != hand.get(k): err.append(('entities mismatch', k, agg.get(k), hand.get(k)))
# write files
with open(B + 'manifest.csv', 'w', newline='') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(['article_id', 'published'])
    for a in ids: w.writerow([a, PUB[a]])
with open(B + 'milestones.csv', 'w', newline='') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(['article_id', 'surface', 'start', 'end', 'precision'])
    for r in R: w.writerow(r[:5])
with open(B + 'claims.csv', 'w', newline='') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(['article_id', 'surface', 'start', 'end', 'event', 'place', 'actor', 'claimant', 'notes'])
    for r in R: w.writerow(r[:4] + r[5:])
order = {e: i for i, e in enumerate(core)}
with open(B + 'entities.csv', 'w', newline='') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(['article_id', 'entity_id', 'names', 'adjectives'])
    for a in ids:
        first = []
        for x in M:
            if x[0] == a and x[3] not in first: first.append(x[3])
        for e in first: w.writerow([a, e] + agg[(a, e)])
with open(B + 'mentions_listing.txt', 'w') as f:
    f.write('# Manual entity-mention listing (blind15), written by hand by the rules of ../../shared/eval/dev/README.md and real/README.md.\n')
    f.write('# One line per counted mention: <line number in article file> <TAB> <surface as it appears, incl. clitics> <TAB> <entity_id> <TAB> name|adj\n')
    f.write('# Titles, datelines, photo captions, «اقرأ أيضا»/«قد يهمك أيضا» lines, timeline entries and hashtags count like any other text.\n')
    for a in ids:
        f.write(f'\n## {a}\n')
        for x in M:
            if x[0] == a: f.write(f'{x[1]}\t{x[2]}\t{x[3]}\t{x[4]}\n')
print('rows', len(R), 'mentions', len(M), 'entity rows', len(agg))
print('ERRORS', len(err)); [print(e) for e in err]
