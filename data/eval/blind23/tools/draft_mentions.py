"""Draft entity mentions with a regex of my own (blind23). Output is a DRAFT: every line is reviewed by hand
against the rules (dev/README.md, real/README.md) before it goes into mentions_listing.txt."""
import re, sys, glob, os
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
P = r'(?:(?<=\s)|(?<=^)|(?<=["«(#]))(?P<pre>[وف]?(?:ب|ل|ك)?)'
# longest first; (pattern, id); patterns written for the definite form (ال) -> allow لل
NAMES = [
 (r'وزارة الدفاع الأمي?ري?كية', 'pentagon'),
 (r'تنظيم ال?دولة الإسلامية', 'isis'),
 (r'الدولة الإسلامية', 'isis'), (r'تنظيم الدولة', 'isis'), (r'داعش', 'isis'),
 (r'الحكومة العراقية', 'iraqi_government'), (r'الحكومة الاتحادية', 'iraqi_government'),
 (r'قوات الأمن العراقية', 'iraqi_security_forces'), (r'القوات الأمنية العراقية', 'iraqi_security_forces'),
 (r'القوات العراقية', 'iraqi_security_forces'),
 (r'محمد شياع السوداني', 'mohammed_shia_al_sudani'), (r'السوداني', 'mohammed_shia_al_sudani'),
 (r'الولايات المتحدة(?: الأمي?ري?كية)?', 'united_states'), (r'أمي?ري?كا', 'united_states'),
 (r'حلف شمال الأطلسي', 'nato'), (r'الناتو', 'nato'),
 (r'البنتاغون', 'pentagon'), (r'الهيئة العسكرية العليا', 'higher_military_commission'),
 (r'الحشد الشعبي', 'popular_mobilization_forces'), (r'الحشد', 'popular_mobilization_forces'),
 (r'قاعدة عين الأسد', 'ain_al_asad'), (r'عين الأسد', 'ain_al_asad'),
 (r'الأمم المتحدة', 'united_nations'),
 (r'التحالف الدولي', 'global_coalition'), (r'التحالف', 'global_coalition'),
 (r'إقليم كردستان', 'kurdistan_region'), (r'كردستان', 'kurdistan_region'),
 (r'العراق', 'iraq'), (r'سوري[اة]', 'syria'), (r'[إا]يران', 'iran'), (r'تركيا', 'turkey'),
 (r'بغداد', 'baghdad'), (r'واشنطن', 'washington'), (r'[أإا]ربيل', 'erbil'),
]
NISBA = [(r'(?:ال)?أمي?ري?كي(?:ة|ون|ين|ان|تان|تين|ات|اً|ا)?', 'united_states'),
         (r'(?:ال)?عراقي(?:ة|ون|ين|ات|اً|ا)?', 'iraq'), (r'(?:ال)?سوري(?:ة|ون|ين|ات|اً|ا)?', 'syria'),
         (r'(?:ال)?إيراني(?:ة|ون|ين|ات|اً|ا)?', 'iran'), (r'(?:ال)?تركي(?:ة|ون|ين|ات|اً|ا)?', 'turkey')]
END = r'(?=$|[\s\.,،:؛"»)\-؟!])'
def variants(pat):
    # allow ل+ال -> لل
    return pat
def scan(text):
    out = []
    for ln, line in enumerate(text.split('\n'), 1):
        taken = [False]*len(line)
        for kind, table in (('name', NAMES), ('adj', NISBA)):
            for pat, eid in table:
                pats = [P + '(?P<w>' + pat + ')' + END]
                if pat.startswith('ال') or pat.startswith('(?:ال)'):
                    core = pat[2:] if pat.startswith('ال') else pat[7:]
                    pats.append(r'(?:(?<=\s)|(?<=^)|(?<=["«(]))(?P<pre>[وف]?لل)(?P<w>' + core + ')' + END)
                for p in pats:
                    for m in re.finditer(p, line):
                        s, e = m.start(), m.end()
                        if any(taken[s:e]): continue
                        for k in range(s, e): taken[k] = True
                        out.append((ln, s, m.group(0), eid, kind))
    out.sort()
    return out
if __name__ == '__main__':
    for f in sorted(glob.glob(os.path.join(ROOT, 'articles', '*.txt'))):
        aid = os.path.basename(f)[:-4]
        print('## ' + aid)
        for ln, s, surf, eid, kind in scan(open(f, encoding='utf-8').read()):
            print(f'{ln}\t{surf}\t{eid}\t{kind}')
