import csv, collections, datetime as dt, re, subprocess
ids = {l.split(',')[0] for l in open('/work/shared/entities_core.csv').read().splitlines()[1:]}
m = list(csv.DictReader(open('milestones.csv'))); c = list(csv.DictReader(open('claims.csv')))
man = {r['article_id']: r['published'] for r in csv.DictReader(open('manifest.csv'))}
assert [(r['article_id'], r['surface'], r['start'], r['end']) for r in m] == [(r['article_id'], r['surface'], r['start'], r['end']) for r in c]
assert all(r['notes'] for r in c)
# surfaces verbatim, in text order
pos = collections.defaultdict(int)
for r in m:
    t = open(f"articles/{r['article_id']}.txt").read(); i = t.find(r['surface'], pos[r['article_id']])
    assert i >= 0, r; pos[r['article_id']] = i + len(r['surface'])
# listing: each mention on its line; occurrences per (line, surface) not over-listed
lst = collections.Counter(); cur = None; per = collections.Counter()
for l in open('mentions_listing.txt'):
    l = l.rstrip('\n')
    if l.startswith('## '): cur = l[3:]; continue
    if not l or l.startswith('#'): continue
    n, s, e, k = l.split('\t'); assert e in ids and k in ('name', 'adj')
    lst[(cur, int(n), s)] += 1; per[(cur, e, k)] += 1
for (a, n, s), k in lst.items():
    line = open(f'articles/{a}.txt').read().split('\n')[n - 1]
    assert line.count(s) >= k, (a, n, s)
ent = {(r['article_id'], r['entity_id']): (int(r['names']), int(r['adjectives'])) for r in csv.DictReader(open('entities.csv'))}
fromlist = collections.defaultdict(lambda: [0, 0])
for (a, e, k), v in per.items(): fromlist[(a, e)][0 if k == 'name' else 1] += v
assert {k: tuple(v) for k, v in fromlist.items()} == ent
# articles: title line, blank line 2, tokens
for a in man:
    t = open(f'articles/{a}.txt').read(); L = t.split('\n')
    assert L[1] == '' and 190 <= len(t.split()) <= 260, a
print('rows', len(m), 'entity rows', len(ent), 'names', sum(v[0] for v in ent.values()), 'adjs', sum(v[1] for v in ent.values()))
print(collections.Counter(r['event'] for r in c)); print(collections.Counter(r['claimant'] for r in c)); print(collections.Counter(r['precision'] for r in m))
