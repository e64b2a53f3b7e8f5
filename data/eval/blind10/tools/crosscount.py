"""Crude independent counter of core-entity mentions (own regexes), to compare with the hand listing."""
import re, csv, collections
B='/work/blind10'
P = r'(?:^|(?<=[\s"«(#_]))(?:و|ف|ب|ل|ك|وب|ول|فب|فل|وك)?'
NAMES = [  # longest first
 ('pentagon', r'وزارة الدفاع الأ(?:مري|مير)كية|البنتاغون'),
 ('sdf', r'قوات سوريا الديمقراطية'),
 ('iraqi_security_forces', r'القوات الأمنية العراقية|القوات العراقية'),
 ('iraqi_government', r'الحكومة العراقية'),
 ('united_nations', r'الأمم المتحدة'),
 ('global_coalition', r'التحالف الدولي|التحالف(?![ \-]*["«])'),
 ('kurdistan_region', r'إقليم كردستان'),
 ('ain_al_asad', r'قاعدة عين الأسد'),
 ('popular_mobilization_forces', r'الحشد الشعبي'),
 ('united_states', r'الولايات المتحدة|أ(?:مري|مير)كا'),
 ('isis', r'داعش|الدولة الإسلامية'),
 ('iraq', r'العراق'), ('syria', r'سوريا'), ('iran', r'إيران'), ('turkey', r'تركيا'),
 ('baghdad', r'بغداد'), ('washington', r'واشنطن'), ('erbil', r'أربيل'),
]
ADJ = [('united_states', r'أ(?:مري|مير)كي'), ('iraq', r'عراقي'), ('syria', r'سوري'), ('iran', r'إيراني'), ('turkey', r'تركي')]
ids=['cd%02d'%i for i in range(1,13)]
mine=collections.Counter(); 
for r in csv.DictReader(open(f'{B}/entities.csv',encoding='utf-8')):
    mine[(r['article_id'],r['entity_id'],'name')]+=int(r['names']); mine[(r['article_id'],r['entity_id'],'adj')]+=int(r['adjectives'])
auto=collections.Counter()
for a in ids:
    t=open(f'{B}/articles/{a}.txt',encoding='utf-8').read()
    t=t.replace('قوات سوريا الديمقراطية','@@SDF@@')
    taken=[]
    for e,rx in NAMES:
        for m in re.finditer('(?:'+(rx if e!='sdf' else r'@@SDF@@')+r')(?![ء-ي])', t):
            # require word start (allow clitic/al- prefix) 
            st=m.start(); pre=t[max(0,st-3):st]
            if any(s<m.end() and m.start()<en for s,en in taken): continue
            w0 = re.search(r'(\S*)$', t[:st]).group(1)
            if w0 and not re.fullmatch(r'[#"«(_]*(?:و|ف|ب|ل|ك|وب|ول|فب|فل|وك|لل)?', w0) and not w0.endswith('_'): continue
            taken.append((m.start(),m.end())); auto[(a,e,'name')]+=1
    for e,rx in ADJ:
        for m in re.finditer(r'(\S*)'+rx+r'(ي|ة|ون|ين|ان|تي|تين|تان|ه|ات)?(?=[\s،.:"»)]|$)', t):
            if any(s<m.end() and m.start()<en for s,en in taken): continue
            auto[(a,e,'adj')]+=1
keys=set(mine)|set(auto)
diff=[(k,mine[k],auto[k]) for k in sorted(keys) if mine[k]!=auto[k]]
for d in diff: print(d)
print('diffs',len(diff),'mine total',sum(mine.values()),'auto total',sum(auto.values()))
