"""Check mentions_listing.txt against the articles and write entities.csv as the per-article sum of the listing (blind23).
For each (article, line): the listed surfaces, longest first, must occur on that line as whole words exactly as often as
listed (an occurrence inside a longer listed surface on the same line is consumed by the longer one); ids must be core
ids and forms name|adj; lines must exist."""
import csv, os, re, sys
from collections import defaultdict, Counter
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
core = [r['entity_id'] for r in csv.DictReader(open('/work/shared/entities_core.csv', encoding='utf-8'))]
AR = r'\u0621-\u065F\u0660-\u0669\u0670-\u06D30-9A-Za-z'
listing = defaultdict(list); aid = None; errs = []
for n, l in enumerate(open(os.path.join(ROOT, 'mentions_listing.txt'), encoding='utf-8'), 1):
    l = l.rstrip('\n')
    if l.startswith('## '): aid = l[3:].strip(); continue
    if not l.strip() or l.startswith('#'): continue
    f = l.split('\t')
    if len(f) != 4: errs.append(f'listing line {n}: {len(f)} fields'); continue
    ln, surf, eid, form = f
    if eid not in core: errs.append(f'listing line {n}: id {eid} not core')
    if form not in ('name', 'adj'): errs.append(f'listing line {n}: form {form}')
    listing[aid].append((int(ln), surf, eid, form))
for a, items in listing.items():
    lines = open(os.path.join(ROOT, 'articles', a + '.txt'), encoding='utf-8').read().split('\n')
    byline = defaultdict(Counter)
    for ln, surf, eid, form in items:
        if ln < 1 or ln > len(lines): errs.append(f'{a}: line {ln} out of range'); continue
        byline[ln][surf] += 1
    for ln, cnt in byline.items():
        text = lines[ln - 1]; taken = [False] * len(text)
        for surf in sorted(cnt, key=len, reverse=True):
            found = 0
            for m in re.finditer(r'(?<![' + AR + '])' + re.escape(surf) + r'(?![' + AR + '])', text):
                if any(taken[m.start():m.end()]): continue
                for k in range(m.start(), m.end()): taken[k] = True
                found += 1
            if found != cnt[surf]:
                errs.append(f'{a} line {ln}: «{surf}» listed {cnt[surf]}x, found {found}x')
rows = []
for a in sorted(listing):
    c = defaultdict(lambda: [0, 0])
    order = []
    for ln, surf, eid, form in listing[a]:
        if eid not in order: order.append(eid)
        c[eid][0 if form == 'name' else 1] += 1
    for eid in sorted(order, key=core.index):
        rows.append([a, eid, c[eid][0], c[eid][1]])
with open(os.path.join(ROOT, 'entities.csv'), 'w', encoding='utf-8', newline='') as fo:
    w = csv.writer(fo, lineterminator='\n'); w.writerow(['article_id', 'entity_id', 'names', 'adjectives']); w.writerows(rows)
nm = sum(r[2] for r in rows); ad = sum(r[3] for r in rows)
print(f'{len(rows)} entity rows, {nm} name and {ad} adjective mentions;', 'OK' if not errs else f'{len(errs)} problems')
for x in errs: print('  ', x)
sys.exit(1 if errs else 0)
