import re, sys
sys.path.insert(0,'.')
from gold import R
A='/work/blind20/articles/'
pat = re.compile(r'يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|جانفي|فيفري|أفريل|ماي\b|جوان|جويلية|أوت|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد|\d{4}|أمس|اليوم|الماضي|المقبل|الجاري|الحالي|العام|الشهر|الأسبوع|الصيف|الشتاء|الربيع|الخريف|مطلع|نهاية|أواخر|بداية|منتصف|عشية|غداة|هـ|محرم|رجب|جمادى|الليلة|أيام|أسابيع|أشهر|عامين|سنوات|يومين|ساعات')
for a in sorted({x[0] for x in R}):
    t = open(A+a+'.txt').read()
    spans=[]; pos=0
    for x in R:
        if x[0]!=a: continue
        p=t.find(x[1],pos); spans.append((p,p+len(x[1]))); pos=p+len(x[1])
    for m in pat.finditer(t):
        if not any(s<=m.start()<e for s,e in spans):
            ln=t[:m.start()].count('\n')+1
            print(a, ln, m.group(), '|', t[max(0,m.start()-25):m.end()+25].replace('\n',' '))
