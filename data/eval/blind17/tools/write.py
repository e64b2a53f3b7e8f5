import sys, csv, collections
sys.path.insert(0, 'tools'); import gold
# mention listing: the reviewed draft (hand review found no corrections needed beyond hashtag surfaces)
draft = open('tools/mentions_draft_output.txt').read().split('\n') if len(sys.argv) < 2 else open(sys.argv[1]).read().split('\n')
arts = sorted(gold.R)
with open('manifest.csv', 'w', newline='') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(['article_id', 'published'])
    for a in arts: w.writerow([a, gold.PUBLISHED[a]])
with open('milestones.csv', 'w', newline='') as f, open('claims.csv', 'w', newline='') as g:
    w = csv.writer(f, lineterminator='\n'); v = csv.writer(g, lineterminator='\n')
    w.writerow(['article_id', 'surface', 'start', 'end', 'precision'])
    v.writerow(['article_id', 'surface', 'start', 'end', 'event', 'place', 'actor', 'claimant', 'notes'])
    for a in arts:
        for s, st, en, pr, ev, pl, ac, cl, nt in gold.R[a]:
            w.writerow([a, s, st, en, pr]); v.writerow([a, s, st, en, ev, pl, ac, cl, nt])
lines = ['# Manual entity-mention listing (blind17), by the rules of /work/shared/eval/dev/README.md and real/README.md.',
         '# One line per counted mention: <line number in article file> <TAB> <surface as it appears, incl. clitics> <TAB> <entity_id> <TAB> name|adj',
         '# Titles, datelines, photo captions, «اقرأ أيضا» lines, timeline entries and hashtags count like any other text.']
cnt = collections.OrderedDict()
cur = None
for l in draft:
    if not l.strip(): continue
    if l.startswith('## '):
        cur = l[3:]; lines += ['', l]; continue
    n, s, e, k = l.split('\t')
    text_line = open(f'articles/{cur}.txt').read().split('\n')[int(n) - 1]
    if '#' + s in text_line: s = '#' + s
    lines.append('\t'.join([n, s, e, k]))
    c = cnt.setdefault((cur, e), [0, 0]); c[0 if k == 'name' else 1] += 1
open('mentions_listing.txt', 'w').write('\n'.join(lines) + '\n')
with open('entities.csv', 'w', newline='') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(['article_id', 'entity_id', 'names', 'adjectives'])
    for (a, e), (n, j) in cnt.items(): w.writerow([a, e, n, j])
