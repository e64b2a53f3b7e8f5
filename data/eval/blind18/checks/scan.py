import sys,re,datetime
sys.path.insert(0,'/work/blind18/checks')
from rows import R,PUB
A='/work/blind18/articles/'
pat=re.compile(r'(الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد|يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|جانفي|فيفري|أفريل|ماي|جوان|جويلية|أوت|نيسان|آذار|شباط|أيار|حزيران|تموز|آب|أيلول|تشرين|كانون|رجب|شوال|ربيع|\d{4}|اليوم|أمس|الماضي|المقبل|الجاري|العام|الشهر|الأسبوع|نهاية|مطلع|أواخر|صيف|شهر|أشهر|سنوات|أيام|يوما|ساعات)')
for a in sorted(PUB):
    t=open(A+a+'.txt').read()
    spans=[];pos=0
    for r in R:
        if r[0]!=a: continue
        p=t.find(r[1],pos); spans.append((p,p+len(r[1]))); pos=p+len(r[1])
    for m in pat.finditer(t):
        if not any(s<=m.start()<e for s,e in spans):
            print(a, m.group(), '|', t[max(0,m.start()-25):m.end()+15].replace('\n',' '))
    # weekday alone sanity
    pub=datetime.date.fromisoformat(PUB[a])
    for r in R:
        if r[0]==a and r[4]=='day':
            d=datetime.date.fromisoformat(r[2])
            if abs((d-pub).days)<=7: pass
