# My own draft matcher (not the suite): proposes mentions; reviewed by hand afterwards.
import re, sys
CL = r'(?:^|(?<=[\s"«(\-/،:.]))(?P<cl>(?:و|ف)?(?:ب|ل|ك)?)'
names = [
 ('pentagon', r'وزارة الدفاع الأ[مم]ي?ركية|وزارة الدفاع الأمريكية|وزارة الدفاع الأميركية'),
 ('pentagon', r'ال?بنتاغون'),
 ('iraqi_government', r'الحكومة العراقية|الحكومة الاتحادية'),
 ('iraqi_security_forces', r'القوات العراقية|قوات الأمن العراقية'),
 ('sdf', r'قوات سوريا الديمقراطية|قسد'),
 ('united_states', r'الولايات المتحدة(?: الأمريكية)?|أمريكا|أميركا'),
 ('kurdistan_region', r'إقليم كردستان|كردستان'),
 ('global_coalition', r'التحالف الدولي|التحالف'),
 ('united_nations', r'الأمم المتحدة'),
 ('popular_mobilization_forces', r'الحشد الشعبي|الحشد'),
 ('mohammed_shia_al_sudani', r'محمد شياع السوداني|السوداني'),
 ('isis', r'داعش|تنظيم الدولة الإسلامية'),
 ('iraq', r'العراق'), ('syria', r'سوريا|سورية'), ('iran', r'إيران|ايران'), ('turkey', r'تركيا'),
 ('baghdad', r'بغداد'), ('washington', r'واشنطن'), ('erbil', r'أربيل|إربيل'),
]
adjs = [('united_states', r'(?:ال)?أ(?:م|مي|مري)?ركي(?:ة|ون|ين|ان|تين)?|(?:ال)?أمريكي(?:ة|ون|ين)?|(?:ال)?أميركي(?:ة|ون|ين)?'),
 ('iraq', r'(?:ال)?عراقي(?:ة|ون|ين|ان)?'), ('syria', r'(?:ال)?سوري(?:ة|ون|ين|ان)?'),
 ('iran', r'(?:ال)?إيراني(?:ة|ون|ين)?'), ('turkey', r'(?:ال)?تركي(?:ة|ون|ين)?')]
pat = []
for e, r in names: pat.append((e, 'name', r))
for e, r in adjs: pat.append((e, 'adj', r))
big = '|'.join(f'(?P<g{i}>{r})' for i, (e, k, r) in enumerate(pat))
rx = re.compile(r'(?<![\w])((?:و|ف)?(?:ب|ل|ك)?(?:' + big + r'))(?![\w])')
rx2 = re.compile(r'(?<![\w])(?:(?:و|ف)?(?:ب|ل|ك)?)(?:' + big + r')(?![\w])')
for a in sys.argv[1:]:
    print('## ' + a)
    for n, line in enumerate(open(f'articles/{a}.txt', encoding='utf-8'), 1):
        line = line.rstrip('\n')
        # handle لل (ل + ال)
        for m in rx.finditer(line):
            for i, (e, k, r) in enumerate(pat):
                if m.group(f'g{i}'):
                    print(f'{n}\t{m.group(1)}\t{e}\t{k}'); break
        for m in re.finditer(r'(?<![\w])(?:و|ف)?لل(عراق|حكومة العراقية|تحالف الدولي|تحالف|حشد الشعبي|حشد|سوداني|أمم المتحدة|بنتاغون)(?![\w])', line):
            print(f'{n}\t{m.group(0)}\t?LL\t?')
