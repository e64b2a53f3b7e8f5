# Own helper (not the suite): proposes entity mentions by the rules; output reviewed by hand before use.
import re, sys, collections
A='/work/blind20/articles/'
NAMES = [  # longest first within the regex alternation
 ('pentagon','وزارة الدفاع الأميركية'),('pentagon','وزارة الدفاع الأمريكية'),('pentagon','البنتاغون'),
 ('iraqi_security_forces','قوات الأمن العراقية'),('iraqi_security_forces','القوات الأمنية العراقية'),('iraqi_security_forces','القوات العراقية'),
 ('iraqi_government','الحكومة العراقية'),('iraqi_government','الحكومة الاتحادية'),
 ('united_states','الولايات المتحدة الأمريكية'),('united_states','الولايات المتحدة'),('united_states','أميركا'),('united_states','أمريكا'),
 ('isis','تنظيم الدولة الإسلامية'),('isis','الدولة الإسلامية'),('isis','داعش'),
 ('global_coalition','التحالف الدولي'),('global_coalition','التحالف'),
 ('popular_mobilization_forces','الحشد الشعبي'),('popular_mobilization_forces','الحشد'),
 ('kurdistan_region','إقليم كردستان'),('kurdistan_region','كردستان'),
 ('united_nations','الأمم المتحدة'),('nato','حلف شمال الأطلسي'),('nato','الناتو'),
 ('joe_biden','جو بايدن'),('joe_biden','بايدن'),
 ('iraq','العراق'),('syria','سوريا'),('iran','إيران'),('iran','ايران'),('turkey','تركيا'),
 ('baghdad','بغداد'),('washington','واشنطن'),('erbil','أربيل'),('erbil','إربيل'),
]
ADJ = [('united_states','أميركي|أمريكي'),('iraq','عراقي'),('syria','سوري'),('iran','إيراني|ايراني'),('turkey','تركي')]
PRE = r'(?:#|و|ف)?(?:ب|ك|ل)?'
def name_rx(form):
    if form.startswith('ال'):
        return r'(?:(?:#|و|ف)?(?:ب|ك)?' + form + r'|(?:و|ف)?لل' + form[2:] + ')'
    return PRE + form
alts = [(e, f, name_rx(f)) for e, f in NAMES]
big = re.compile('|'.join('(?P<n%d>%s)(?![\u0621-\u064A\u0640])' % (i, rx) for i, (e, f, rx) in enumerate(alts)) + '|' +
                 '|'.join('(?P<a%d>(?:#|و|ف)?(?:ب|ك|ل)?(?:ال|لل)?(?:%s)(?:ة|ون|ين|ان|تان|ات|ا)?)(?![\u0621-\u064A\u0640])' % (i, s) for i, (e, s) in enumerate(ADJ)))
WB = r'[\u0621-\u064A\u0640]'
out = collections.OrderedDict(); counts = collections.Counter()
for a in ['cn%02d' % i for i in range(1, 13)]:
    lines = open(A + a + '.txt').read().split('\n')
    out[a] = []
    for ln, line in enumerate(lines, 1):
        i = 0
        while i < len(line):
            m = big.match(line, i)
            if m and (i == 0 or not re.match(WB, line[i-1])) and not re.match(WB, line[m.end():m.end()+1] or ' '):
                k = m.lastgroup; s = m.group()
                if k[0] == 'n': e = alts[int(k[1:])][0]; form = 'name'
                else: e = ADJ[int(k[1:])][0]; form = 'adj'
                out[a].append((ln, s, e, form)); counts[(a, e, form)] += 1
                i = m.end()
            else:
                i += 1
for a, rows in out.items():
    print('##', a)
    for r in rows: print('%d\t%s\t%s\t%s' % r)
