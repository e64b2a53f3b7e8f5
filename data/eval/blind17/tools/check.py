import sys, re, datetime as dt
sys.path.insert(0, 'tools'); import gold
ids = [l.split(',')[0] for l in open('/work/shared/entities_core.csv').read().splitlines()[1:]]
EVENTS = {'mission_end','withdrawal','transition','handover','presence','agreement','talks','attack','other'}
ok = True
for a, rows in gold.R.items():
    text = open(f'articles/{a}.txt').read()
    pos = 0
    for r in rows:
        s, st, en, pr, ev, pl, ac, cl, nt = r
        i = text.find(s, pos)
        if i < 0: print('NOT FOUND/ORDER', a, s); ok = False; continue
        # surface must not be a substring of a longer word at start
        pos = i + len(s)
        d1, d2 = dt.date.fromisoformat(st), dt.date.fromisoformat(en)
        assert d1 <= d2, r
        assert pr in ('day','month','year'), r
        assert ev in EVENTS, r
        for x in (pl, ac): assert x == '' or x in ids, (a, x)
        assert cl in ('media','unnamed','') or all(c in ids for c in cl.split('+')), (a, cl)
        if cl == '': assert 'claimant-outside-core' in nt, r
        assert nt, r
    # token counts
    print(a, gold.PUBLISHED[a], dt.date.fromisoformat(gold.PUBLISHED[a]).strftime('%a'), len(text.split()), 'tokens', len(rows), 'rows')
# weekday checks: any row whose surface contains a weekday name must fall on it
WD = {'الاثنين':0,'الثلاثاء':1,'الأربعاء':2,'الخميس':3,'الجمعة':4,'السبت':5,'الأحد':6}
for a, rows in gold.R.items():
    for r in rows:
        for w, n in WD.items():
            if w in r[0] and r[1] == r[2]:
                d = dt.date.fromisoformat(r[1])
                if d.weekday() != n: print('WEEKDAY MISMATCH', a, r[0], r[1]); ok = False
print('OK' if ok else 'PROBLEMS')
