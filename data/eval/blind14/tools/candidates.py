# Own helper (not the suite): propose candidate entity mentions for hand review.
import re, sys, glob, os
AL_PRE = r'(?:[وف]?(?:[بك]?ال|لل))'      # clitics + article
PRE = r'(?:[وف]?[بلك]?)'
def al(word):  # word given without ال
    return AL_PRE + word
NAMES = [
 ('united_states', [al('ولايات المتحدة(?: الأ[مم]?[ير]كية)?'), PRE+'أ[مم][ير]كا']),
 ('pentagon', [al('بنتاغون'), PRE+'وزارة الدفاع الأ[مم]?[ير]+كية']),
 ('iraqi_government', [al('حكومة العراقية'), al('حكومة الاتحادية')]),
 ('iraqi_security_forces', [al('قوات العراقية'), al('قوات الأمنية العراقية'), PRE+'قوات الأمن العراقية']),
 ('ain_al_asad', [PRE+'قاعدة عين الأسد(?: الجوية)?', PRE+'عين الأسد']),
 ('sdf', [PRE+'قوات سوريا الديمقراطية', PRE+'لقوات سوريا الديمقراطية']),
 ('isis', [PRE+'داعش', al('دولة الإسلامية')]),
 ('global_coalition', [al('تحالف الدولي'), al('تحالف')]),
 ('nato', [PRE+'حلف شمال الأطلسي', al('ناتو'), al('حلف الأطلسي')]),
 ('popular_mobilization_forces', [al('حشد الشعبي'), al('حشد')]),
 ('united_nations', [al('[أا]مم المتحدة')]),
 ('kurdistan_region', [PRE+'إقليم كردستان', PRE+'كردستان']),
 ('iraq', [al('عراق')]),
 ('syria', [PRE+'سوري[اة]']),
 ('iran', [PRE+'[إا]يران']),
 ('turkey', [PRE+'تركيا']),
 ('baghdad', [PRE+'بغداد']),
 ('washington', [PRE+'واشنطن']),
 ('erbil', [PRE+'[أإا]ربيل']),
]
NISBA = [('united_states','أ[مم]?[ير]+كي'),('iraq','عراقي'),('syria','سوري'),('iran','إيراني'),('turkey','تركي')]
SUFF = r'(?:ة|ان|ين|ون|تان|تين|ات|ا|ه)?'
B = r'(?<![\w])'; E = r'(?![\w])'
def scan(text):
    out = []
    for ln, line in enumerate(text.split('\n'), 1):
        taken = []
        def free(a, b): return all(b <= x or a >= y for x, y in taken)
        pats = []
        for eid, forms in NAMES:
            for f in forms: pats.append((eid, 'name', f))
        for eid, n in NISBA:
            pats.append((eid, 'adj', PRE + r'(?:ال)?' + n + SUFF))
        found = []
        for eid, kind, f in pats:
            for m in re.finditer(B + f + E, line):
                found.append((m.start(), m.end(), eid, kind, m.group()))
        found.sort(key=lambda t: (t[0], -(t[1]-t[0])))
        for a, b, eid, kind, s in sorted(found, key=lambda t: -(t[1]-t[0])):
            if free(a, b):
                taken.append((a, b)); out.append((ln, a, s, eid, kind))
    out.sort()
    return out
if __name__ == '__main__':
    for p in sorted(glob.glob(sys.argv[1] + '/*.txt')):
        aid = os.path.basename(p)[:-4]
        print('##', aid)
        for ln, a, s, eid, kind in scan(open(p, encoding='utf-8').read()):
            print(f'{ln}\t{s}\t{eid}\t{kind}')
