# Independent re-check of the delivered files (own code, not the suite).
import csv, collections, datetime, re
ok = True
man = {r['article_id']: r['published'] for r in csv.DictReader(open('manifest.csv'))}
ms = list(csv.DictReader(open('milestones.csv'))); cl = list(csv.DictReader(open('claims.csv')))
assert len(ms) == len(cl)
for m, c in zip(ms, cl):
    for k in ('article_id','surface','start','end'):
        if m[k] != c[k]: print('MISMATCH', m, c); ok = False
    if not c['notes']: print('NO NOTE', c); ok = False
# order + verbatim
pos = collections.defaultdict(int)
for m in ms:
    t = open(f"articles/{m['article_id']}.txt").read()
    i = t.find(m['surface'], pos[m['article_id']])
    if i < 0: print('ORDER/VERBATIM', m); ok = False
    else: pos[m['article_id']] = i + len(m['surface'])
# token lengths
for a in man:
    t = open(f'articles/{a}.txt').read(); n = len(t.split())
    if not 190 <= n <= 260: print('LEN', a, n); ok = False
    lines = t.split('\n')
    if lines[1] != '' or any(lines[k] != '' for k in range(1, len(lines)-1, 2)): print('LAYOUT', a)
# listing vs entities
cnt = collections.Counter(); cur = None
for ln in open('mentions_listing.txt', encoding='utf-8'):
    ln = ln.rstrip('\n')
    if ln.startswith('## '): cur = ln[3:]; continue
    if not ln or ln.startswith('#'): continue
    n, s, e, f = ln.split('\t')
    line = open(f'articles/{cur}.txt').read().split('\n')[int(n)-1]
    if not re.search(r'(?<![\u0621-\u064A])' + re.escape(s) + r'(?![\u0621-\u064A])', line): print('MENTION NOT ON LINE', cur, n, s); ok = False
    cnt[(cur, e, f)] += 1
ent = {}
for r in csv.DictReader(open('entities.csv')):
    ent[(r['article_id'], r['entity_id'], 'name')] = int(r['names']); ent[(r['article_id'], r['entity_id'], 'adj')] = int(r['adjectives'])
for k in set(ent) | set(cnt):
    if ent.get(k, 0) != cnt.get(k, 0): print('ENTITY COUNT', k, ent.get(k), cnt.get(k)); ok = False
print('all checks passed' if ok else 'PROBLEMS')
