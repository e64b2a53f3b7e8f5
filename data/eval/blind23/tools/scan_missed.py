"""List date-like words in the articles that no gold surface covers, for review by hand (blind23)."""
import csv, os, re
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AR = r'\u0621-\u065F\u0660-\u0669\u0670-\u06D30-9A-Za-z'
WORDS = ('يناير فبراير مارس أبريل ابريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر '
         'كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين جانفي فيفري أفريل ماي جوان جويلية أوت '
         'محرم صفر ربيع جمادى رجب شعبان رمضان شوال القعدة الحجة '
         'الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت أمس اليوم غدا غداً الماضي الماضية المقبل المقبلة القادم القادمة '
         'الجاري الحالي الحالية نفسه ذاته العام عام سنة السنة الشهر الأسبوع الصيف الشتاء الربيع الخريف نهاية مطلع بداية أواخر أوائل منتصف '
         'صباح مساء ليل فجر ظهر حينها غداة عقد عقود').split()
pat = re.compile(r'(?<![' + AR + '])(?:[وفبل]?)(' + '|'.join(map(re.escape, WORDS)) + r'|1[89]\d\d|20\d\d)(?![' + AR + '])')
gold = {}
for r in csv.DictReader(open(os.path.join(ROOT, 'milestones.csv'), encoding='utf-8')):
    gold.setdefault(r['article_id'], []).append(r['surface'])
for a in sorted(gold):
    t = open(os.path.join(ROOT, 'articles', a + '.txt'), encoding='utf-8').read()
    covered = [False] * len(t); p = 0
    for s in gold[a]:
        m = re.compile(r'(?<![' + AR + '])' + re.escape(s) + r'(?![' + AR + '])').search(t, p)
        for k in range(m.start(), m.end()): covered[k] = True
        p = m.end()
    for m in pat.finditer(t):
        if not any(covered[m.start(1):m.end(1)]):
            ln = t.count('\n', 0, m.start()) + 1
            ctx = t[max(0, m.start() - 25):m.end() + 25].replace('\n', ' ')
            print(f'{a}\t{ln}\t{m.group(0)}\t…{ctx}…')
