# Own small matcher used to DRAFT the mention listing; the draft was then reviewed line by line by hand.
import re, sys
NAMES = [  # (entity, variant as token list) — longest first after sorting
 ('united_states','الولايات المتحدة الأمريكية'),('united_states','الولايات المتحدة الأميركية'),('united_states','الولايات المتحدة'),
 ('united_states','أمريكا'),('united_states','أميركا'),
 ('iraq','العراق'),('syria','سوريا'),('iran','إيران'),('iran','ايران'),('turkey','تركيا'),
 ('baghdad','بغداد'),('washington','واشنطن'),('erbil','أربيل'),('erbil','إربيل'),
 ('kurdistan_region','حكومة إقليم كردستان'),('kurdistan_region','إقليم كردستان'),('kurdistan_region','كردستان'),
 ('isis','داعش'),('isis','تنظيم الدولة الإسلامية'),('isis','الدولة الإسلامية'),('isis','تنظيم الدولة'),
 ('global_coalition','التحالف الدولي'),('global_coalition','التحالف'),
 ('nato','حلف شمال الأطلسي'),('nato','الناتو'),
 ('pentagon','البنتاغون'),('pentagon','وزارة الدفاع الأمريكية'),('pentagon','وزارة الدفاع الأميركية'),
 ('popular_mobilization_forces','الحشد الشعبي'),('popular_mobilization_forces','الحشد'),
 ('iraqi_government','الحكومة العراقية'),('iraqi_government','الحكومة الاتحادية'),('iraqi_government','الحكومة المركزية'),
 ('iraqi_security_forces','القوات العراقية'),('iraqi_security_forces','قوات الأمن العراقية'),('iraqi_security_forces','القوات الأمنية العراقية'),
 ('united_nations','الأمم المتحدة'),('sdf','قوات سوريا الديمقراطية'),
]
NAMES = sorted([(e, v.split()) for e, v in NAMES], key=lambda x: -len(x[1]))
PRE = ['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك']
def forms(w):
    out = set()
    for p in PRE:
        if p.endswith('ل') and w.startswith('ال'): out.add(p[:-1] + 'لل' + w[2:])
        else: out.add(p + w)
    return out
ADJ = [('united_states', r'(أ|ا)م(ري|ير)كي'), ('iraq', r'عراقي'), ('syria', r'سوري'), ('iran', r'(إ|ا)يراني'), ('turkey', r'تركي')]
ADJRE = [(e, re.compile(r'^(و|ف)?(ب|ك|ل)?(ال|ل)?' + s + r'(ة|ه|ون|ين|ان|تان|ات|ا)?$')) for e, s in ADJ]
def toks(line):
    return [(m.group().strip('#"«»'), m.start()) for m in re.finditer(r'[#\u0621-\u064A\u0640"«»]+', line)]
def run(path):
    out = []
    for n, line in enumerate(open(path).read().split('\n'), 1):
        t = [x for x in toks(line) if x[0]]
        words = [w for w, _ in t]
        i = 0
        while i < len(words):
            hit = None
            for e, v in NAMES:
                if i + len(v) <= len(words) and words[i] in forms(v[0]) and words[i+1:i+len(v)] == v[1:]:
                    hit = (e, v); break
            if hit:
                out.append((n, ' '.join(words[i:i+len(hit[1])]), hit[0], 'name')); i += len(hit[1]); continue
            for e, r in ADJRE:
                if r.match(words[i]) and words[i] not in forms('تركيا') and words[i] not in forms('سوريا'):
                    out.append((n, words[i], e, 'adj')); break
            i += 1
    return out
if __name__ == '__main__':
    for a in sys.argv[1:]:
        print('## ' + a)
        for r in run(f'articles/{a}.txt'): print('\t'.join(map(str, r)))
