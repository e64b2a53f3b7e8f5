# Own helper (not the suite): lists candidate entity mentions for hand review.
import re, sys, glob, os
L = r'\u0621-\u064A\u0640\u066E-\u06D3'
NAMES = {
 'united_states': ['الولايات المتحدة الأمريكية','الولايات المتحدة الأميركية','الولايات المتحدة','أمريكا','أميركا'],
 'iraq': ['العراق'], 'syria': ['سوريا','سورية'], 'iran': ['إيران','ايران'], 'turkey': ['تركيا'],
 'baghdad': ['بغداد'], 'washington': ['واشنطن'], 'erbil': ['أربيل','إربيل'],
 'kurdistan_region': ['إقليم كردستان','كردستان','كوردستان'],
 'isis': ['تنظيم الدولة الإسلامية','الدولة الإسلامية','تنظيم الدولة','داعش'],
 'global_coalition': ['التحالف الدولي','التحالف'],
 'nato': ['حلف شمال الأطلسي','الحلف الأطلسي','الناتو'],
 'pentagon': ['وزارة الدفاع الأمريكية','وزارة الدفاع الأميركية','البنتاغون'],
 'popular_mobilization_forces': ['الحشد الشعبي','الحشد'],
 'iraqi_government': ['الحكومة العراقية','الحكومة الاتحادية'],
 'iraqi_security_forces': ['قوات الأمن العراقية','القوات الأمنية العراقية','القوات العراقية'],
 'united_nations': ['الأمم المتحدة','الامم المتحدة'],
 'sdf': ['قوات سوريا الديمقراطية'],
}
def name_pat(a):
    if a.startswith('ال'):
        return r'(?:[وف]?[بك]?ال|[وف]?لل)' + re.escape(a[2:])
    return r'(?:[وف]?[بلك]?)' + re.escape(a)
NIS = {'united_states': r'(?:أميرك|أمريك)', 'iraq': r'عراق', 'syria': r'سور', 'iran': r'(?:إيران|ايران)', 'turkey': r'ترك'}
SUF = r'(?:ي|ية|يه|يون|يين|يان|يتان|يتين|يات|يا|ى)'
pats = []
for eid, al in NAMES.items():
    for a in al:
        pats.append((len(a), eid, 'name', re.compile(r'(?<![' + L + r'])' + name_pat(a) + r'(?![' + L + r'])')))
pats.sort(key=lambda x: -x[0])
npats = [(eid, re.compile(r'(?<![' + L + r'])(?:[وف]?[بلك]?(?:ال)?|[وف]?لل)' + st + SUF + r'(?![' + L + r'])')) for eid, st in NIS.items()]
npats.append(('turkey', re.compile(r'(?<![' + L + r'])(?:[وف]?[بلك]?(?:ال)?)أتراك(?![' + L + r'])')))
def scan(path):
    out = []
    for i, line in enumerate(open(path, encoding='utf-8').read().split('\n'), 1):
        taken = [False]*len(line)
        found = []
        for _, eid, form, p in pats:
            for m in p.finditer(line):
                if any(taken[m.start():m.end()]): continue
                for k in range(m.start(), m.end()): taken[k] = True
                found.append((m.start(), m.group(), eid, 'name'))
        for eid, p in npats:
            for m in p.finditer(line):
                if any(taken[m.start():m.end()]): continue
                found.append((m.start(), m.group(), eid, 'adj'))
        for s, g, e, f in sorted(found):
            out.append((i, g, e, f))
    return out
if __name__ == '__main__':
    for f in sys.argv[1:]:
        print('##', os.path.basename(f)[:-4])
        for r in scan(f): print('\t'.join(map(str, r)))
