# own check: every listed mention occurs on its stated line (as often as listed); entities.csv = per-article sums
import csv, collections
IDS = [l.split(',')[0] for l in open('/work/shared/entities_core.csv').read().splitlines()[1:]]
cur = None; per_line = collections.Counter(); sums = collections.Counter(); err = 0
for l in open('mentions_listing.txt'):
    l = l.rstrip('\n')
    if not l or l.startswith('# '): continue
    if l.startswith('## '): cur = l[3:]; lines = open(f'articles/{cur}.txt').read().split('\n'); continue
    n, s, e, k = l.split('\t'); n = int(n)
    assert e in IDS and k in ('name', 'adj'), l
    per_line[(cur, n, s)] += 1
    if lines[n-1].count(s) < per_line[(cur, n, s)]: print("MISSING", cur, n, s); err += 1
    sums[(cur, e, k)] += 1
rows = sorted({(a, e) for a, e, k in sums}, key=lambda x: (x[0], IDS.index(x[1])))
if __name__ == '__main__':
    import sys
    if len(sys.argv) > 1 and sys.argv[1] == 'write':
        with open('entities.csv', 'w', newline='') as f:
            w = csv.writer(f, lineterminator='\n'); w.writerow(['article_id', 'entity_id', 'names', 'adjectives'])
            for a, e in rows: w.writerow([a, e, sums[(a, e, 'name')], sums[(a, e, 'adj')]])
    got = {(r['article_id'], r['entity_id']): (int(r['names']), int(r['adjectives'])) for r in csv.DictReader(open('entities.csv'))}
    want = {(a, e): (sums[(a, e, 'name')], sums[(a, e, 'adj')]) for a, e in rows}
    print("listing==entities.csv:", got == want, "errors", err, "rows", len(got),
          "names", sum(v[0] for v in got.values()), "adj", sum(v[1] for v in got.values()))
