# Candidate-mention finder (own code, used only to draft the listing, which is then reviewed by hand).
import re,sys,glob
NAMES=[('united_states',['الولايات المتحدة الأمريكية','الولايات المتحدة الأميركية','الولايات المتحدة','أمريكا','أميركا']),
('kurdistan_region',['إقليم كردستان','كردستان']),('isis',['تنظيم الدولة الإسلامية','الدولة الإسلامية','داعش']),
('global_coalition',['التحالف الدولي','التحالف']),('nato',['حلف شمال الأطلسي','الحلف الأطلسي','الناتو']),
('pentagon',['وزارة الدفاع الأميركية','وزارة الدفاع الأمريكية','البنتاغون']),('popular_mobilization_forces',['الحشد الشعبي','الحشد']),
('iraqi_government',['الحكومة العراقية']),('iraqi_security_forces',['قوات الأمن العراقية','القوات العراقية']),
('united_nations',['الأمم المتحدة']),('sdf',['قوات سوريا الديمقراطية']),
('iraq',['العراق']),('syria',['سوريا','سورية']),('iran',['إيران','ايران']),('turkey',['تركيا']),('baghdad',['بغداد']),
('washington',['واشنطن']),('erbil',['أربيل','إربيل'])]
ADJ=[('united_states','(?:أمريكي|أميركي)'),('iraq','عراقي'),('syria','سوري'),('iran','إيراني'),('turkey','تركي')]
PRE='(?:[وف]?(?:ل|ب|ك)?(?:ال)?|[وف]?لل)'
pats=[]
for eid,forms in NAMES:
  for f in forms:
    core=f[2:] if f.startswith('ال') else f
    if f.startswith('ال'):
      p='(?<![\\w])(?:[وف]?(?:[بك]?ال|لل)|[وف]?ال)'+re.escape(core)+'(?![\\w])'
    else:
      p='(?<![\\w])[وف]?[بلك]?'+re.escape(f)+'(?![\\w])'
    pats.append((len(f),eid,'name',p))
for eid,st in ADJ:
  p='(?<![\\w])[وف]?(?:[بلك]?(?:ال)?|لل)?'+st+'(?:ة|ون|ين|يون|يين|ات|ان|ا)?(?![\\w])'
  pats.append((0,eid,'adj',p))
for fn in sorted(glob.glob('articles/cf*.txt')):
  aid=fn[-8:-4]
  for ln,line in enumerate(open(fn).read().split('\n'),1):
    taken=[]
    hits=[]
    for L,eid,kind,p in sorted(pats,key=lambda x:-x[0]):
      for m in re.finditer(p,line):
        if any(m.start()<e and s<m.end() for s,e in taken): continue
        taken.append((m.start(),m.end())); hits.append((m.start(),m.group(),eid,kind))
    for s,g,e,k in sorted(hits): print(f'{aid}\t{ln}\t{g}\t{e}\t{k}')
