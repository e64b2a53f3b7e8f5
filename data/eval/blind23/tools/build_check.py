"""Build milestones.csv and claims.csv from the hand-written tools/rows.txt and check them (blind23).
Checks: every surface occurs verbatim as a whole word, rows in text order (each surface searched after the previous
row's occurrence), dates valid and start<=end, precision labels, ids/labels from the closed lists, joint claimants in
alphabetical order, empty claimant => claimant-outside-core note, every row has a note, every weekday in a surface
falls on its date, Hijri surfaces converted with hijridate (Umm al-Qura) when available, every article in manifest."""
import csv, os, re, sys, datetime
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
core = [r['entity_id'] for r in csv.DictReader(open('/work/shared/entities_core.csv', encoding='utf-8'))]
EVENTS = {'mission_end', 'withdrawal', 'transition', 'handover', 'presence', 'agreement', 'talks', 'attack', 'other'}
PREC = {'day', 'month', 'year'}
WD = {'الاثنين': 0, 'الثلاثاء': 1, 'الأربعاء': 2, 'الخميس': 3, 'الجمعة': 4, 'السبت': 5, 'الأحد': 6}
AR = r'\u0621-\u065F\u0660-\u0669\u0670-\u06D30-9A-Za-z'  # Arabic letters, diacritics, tatweel, digits (not punctuation)
manifest = {r['article_id']: r['published'] for r in csv.DictReader(open(os.path.join(ROOT, 'manifest.csv'), encoding='utf-8'))}
rows = []
for n, line in enumerate(open(os.path.join(ROOT, 'tools', 'rows.txt'), encoding='utf-8'), 1):
    line = line.rstrip('\n')
    if not line.strip():
        continue
    f = line.split('|')
    assert len(f) == 10, (n, len(f), line)
    rows.append(f)
errs = []
texts = {a: open(os.path.join(ROOT, 'articles', a + '.txt'), encoding='utf-8').read() for a in manifest}
pos = {}
for i, (aid, surf, s, e, prec, ev, place, actor, claim, note) in enumerate(rows, 1):
    tag = f'row {i} {aid} «{surf}»'
    if aid not in manifest: errs.append(tag + ': unknown article')
    t = texts[aid]
    m = re.compile(r'(?<![' + AR + '])' + re.escape(surf) + r'(?![' + AR + '])').search(t, pos.get(aid, 0))
    if not m:
        errs.append(tag + ': surface not found as a whole word after the previous row (text order)')
    else:
        pos[aid] = m.end()
    try:
        ds, de = datetime.date.fromisoformat(s), datetime.date.fromisoformat(e)
        if ds > de: errs.append(tag + ': start > end')
    except Exception as x:
        errs.append(tag + f': bad date {x}'); continue
    if prec not in PREC: errs.append(tag + ': bad precision')
    if prec == 'month' and not (ds.day == 1 and (de + datetime.timedelta(1)).day == 1): errs.append(tag + ': month precision but not whole months')
    if prec == 'year' and not (ds.month == 1 and ds.day == 1 and de.month == 12 and de.day == 31): errs.append(tag + ': year precision but not whole years')
    if ev not in EVENTS: errs.append(tag + ': bad event')
    for col, v in (('place', place), ('actor', actor)):
        if v and v not in core: errs.append(tag + f': {col} {v} not in core')
    if claim:
        parts = claim.split('+')
        for p in parts:
            if p not in core and p not in ('media', 'unnamed'): errs.append(tag + f': claimant {p} not allowed')
        if parts != sorted(parts): errs.append(tag + ': joint claimant not alphabetical')
    elif 'claimant-outside-core:' not in note:
        errs.append(tag + ': empty claimant without claimant-outside-core note')
    if not note.strip(): errs.append(tag + ': no note')
    if 'judgement' in note and not note.startswith('judgement'): errs.append(tag + ': judgement note must start with «judgement»')
    for w, k in WD.items():
        if re.search(r'(?<![' + AR + '])' + w + r'(?![' + AR + '])', surf):
            if not (ds == de and ds.weekday() == k): errs.append(tag + f': weekday {w} does not fall on {s}')
    hm = re.search(r'(\d+) (محرم|صفر|ربيع الأول|ربيع الآخر|ربيع الثاني|جمادى الأولى|جمادى الآخرة|رجب|شعبان|رمضان|شوال|ذو القعدة|ذو الحجة) (\d{4})هـ', surf)
    if hm:
        try:
            from hijridate import Hijri
            names = ['محرم', 'صفر', 'ربيع الأول', 'ربيع الآخر', 'جمادى الأولى', 'جمادى الآخرة', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعدة', 'ذو الحجة']
            mo = names.index(hm.group(2).replace('ربيع الثاني', 'ربيع الآخر')) + 1
            g = Hijri(int(hm.group(3)), mo, int(hm.group(1))).to_gregorian()
            if datetime.date(g.year, g.month, g.day) != ds: errs.append(tag + f': Hijri converts to {g}')
        except ImportError:
            print('hijridate not available: Hijri row not re-checked', tag)
    pub = manifest[aid]
    if not pub: errs.append(tag + ': article without published date')
with open(os.path.join(ROOT, 'milestones.csv'), 'w', encoding='utf-8', newline='') as fo:
    w = csv.writer(fo, lineterminator='\n'); w.writerow(['article_id', 'surface', 'start', 'end', 'precision'])
    for r in rows: w.writerow(r[:5])
with open(os.path.join(ROOT, 'claims.csv'), 'w', encoding='utf-8', newline='') as fo:
    w = csv.writer(fo, lineterminator='\n'); w.writerow(['article_id', 'surface', 'start', 'end', 'event', 'place', 'actor', 'claimant', 'notes'])
    for r in rows: w.writerow(r[:4] + r[5:])
for a in manifest:
    if not any(r[0] == a for r in rows): errs.append(f'{a}: no rows')
print(f'{len(rows)} rows;', 'OK' if not errs else f'{len(errs)} problems')
for x in errs: print('  ', x)
sys.exit(1 if errs else 0)
