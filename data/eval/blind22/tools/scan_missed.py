# lists date-like tokens that no gold surface covers (review aid, my own code)
import re, csv, collections
rows = list(csv.DictReader(open('/work/blind22/milestones.csv', encoding='utf-8')))
MONTHS = 'يناير فبراير مارس أبريل ابريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين جانفي فيفري أفريل ماي جوان جويلية أوت محرم صفر ربيع جمادى رجب شعبان رمضان شوال القعدة الحجة'.split()
WD = 'الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد'.split()
REL = 'أمس اليوم الماضي الماضية المقبل المقبلة الجاري الحالي القادم القادمة الأسبوع العام الشهر السنة الصيف الشتاء الربيع الخريف عام سنة نفسه ذاته حينها'.split()
for a in sorted({r['article_id'] for r in rows}):
    t = open(f'/work/blind22/articles/{a}.txt', encoding='utf-8').read()
    covered = []
    p = 0
    for r in [r for r in rows if r['article_id'] == a]:
        m = re.compile(r'(?<![\w])' + re.escape(r['surface']) + r'(?![\w])').search(t, p)
        covered.append((m.start(), m.end())); p = m.end()
    for m in re.finditer(r'\w+', t):
        w = m.group(0); base = re.sub(r'^(?:و|ف)?(?:ب|ل|ك)?', '', w)
        hit = w in MONTHS or base in MONTHS or w in WD or base in WD or w in REL or base in REL or re.fullmatch(r'(?:19|20)\d\d\w*', w)
        if hit and not any(s <= m.start() < e for s, e in covered):
            ln = t[:m.start()].count('\n') + 1
            print(a, ln, w, '|', t[max(0,m.start()-25):m.end()+15].replace('\n',' '))
