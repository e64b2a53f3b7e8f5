"""List every date-like token in the texts and whether a gold surface covers it (own self-check)."""
import re, csv, collections
B='/work/blind10'
rows=collections.defaultdict(list)
for r in csv.DictReader(open(f'{B}/milestones.csv',encoding='utf-8')): rows[r['article_id']].append(r['surface'])
RX=r'(يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|جانفي|فيفري|أفريل|ماي|جوان|جويلية|أوت|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد|اليوم|أمس|الأسبوع|العام|السنة|الشهر|\d{4}|عام|الماضي|المقبل|الجاري|القادم|شعبان|صفر|ذو الحجة)(?![\u0621-\u064A])'
for a in sorted(rows):
    t=open(f'{B}/articles/{a}.txt',encoding='utf-8').read()
    spans=[];pos=0
    for s in rows[a]:
        i=t.find(s,pos); spans.append((i,i+len(s))); pos=i+len(s)
    for m in re.finditer(RX,t):
        if not any(s<=m.start()<e for s,e in spans):
            print(a, repr(t[max(0,m.start()-25):m.end()+10]))
