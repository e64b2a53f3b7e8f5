import re,sys
A='/work/blind18/articles/'
L='\u0621-\u064A\u0640'  # arabic letters + tatweel
NAMES=[ # (regex body, entity) ; order = longest first handled by sorting on length
 ('الولايات المتحدة الأمريكية','united_states'),('الولايات المتحدة','united_states'),('الولايات_المتحدة','united_states'),
 ('أمريكا','united_states'),('أميركا','united_states'),
 ('العراق','iraq'),('سوريا','syria'),('إيران','iran'),('ايران','iran'),('تركيا','turkey'),('بغداد','baghdad'),
 ('واشنطن','washington'),('أربيل','erbil'),('إربيل','erbil'),('إقليم كردستان','kurdistan_region'),('كردستان','kurdistan_region'),
 ('داعش','isis'),('تنظيم الدولة الإسلامية','isis'),('تنظيم "الدولة الإسلامية"','isis'),('الدولة الإسلامية','isis'),('تنظيم الدولة','isis'),
 ('التحالف الدولي','global_coalition'),('التحالف','global_coalition'),('حلف شمال الأطلسي','nato'),('الناتو','nato'),('الحلف الأطلسي','nato'),
 ('البنتاغون','pentagon'),('وزارة الدفاع الأمريكية','pentagon'),('وزارة الدفاع الأميركية','pentagon'),
 ('الحشد الشعبي','popular_mobilization_forces'),('الحشد','popular_mobilization_forces'),
 ('الحكومة العراقية','iraqi_government'),('الحكومة الاتحادية','iraqi_government'),
 ('قوات الأمن العراقية','iraqi_security_forces'),('القوات الأمنية العراقية','iraqi_security_forces'),('القوات العراقية','iraqi_security_forces'),
 ('الأمم المتحدة','united_nations'),('قاعدة عين الأسد','ain_al_asad'),('عين الأسد','ain_al_asad'),
 ('قوات سوريا الديمقراطية','sdf'),('الهيئة العسكرية العليا','higher_military_commission'),('اتفاقية الإطار الاستراتيجي','strategic_framework_agreement'),
]
NISBA=[('أمريك','united_states'),('أميرك','united_states'),('عراق','iraq'),('سور','syria'),('إيران','iran'),('ايران','iran'),('ترك','turkey')]
def name_re(n):
    if n.startswith('ال'):
        return '(?:[وف]?[بك]?'+re.escape(n)+'|[وف]?لل'+re.escape(n[2:])+')'
    return '[وف]?[بكل]?'+re.escape(n)
NAMES.sort(key=lambda x:-len(x[0]))
def run(a):
    out=[]
    for i,line in enumerate(open(A+a+'.txt').read().split('\n'),1):
        if line.strip().startswith('#') or '#' in line: line2=line.replace('#',' ')
        else: line2=line
        used=[False]*len(line2)
        for n,e in NAMES:
            for m in re.finditer(r'(?<![%s])(%s)(?![%s])'%(L,name_re(n),L),line2):
                if any(used[m.start():m.end()]): continue
                if e=='washington' and line2[m.end():m.end()+4]==' بوس': continue
                for k in range(m.start(),m.end()): used[k]=True
                out.append((m.start(),i,m.group(1),e,'name'))
        for st,e in NISBA:
            suf='(?:ي|ية|يون|يين|يان|يتين|يتان|يات|يه|يا)' if st not in ('سور','ترك') else '(?:ي|ية|يون|يين|يان|يتين|يتان|يات)'
            for m in re.finditer(r'(?<![%s])((?:[وفبكل]?ال|[وف]?لل|[وف]?[بكل]?)%s%s)(?![%s])'%(L,st,suf,L),line2):
                if any(used[m.start():m.end()]): continue
                out.append((m.start(),i,m.group(1),e,'adj'))
    out.sort(key=lambda x:(x[1],x[0]))
    return [(i,s,e,f) for _,i,s,e,f in out]
if __name__=='__main__':
    for a in sys.argv[1:]:
        print('##',a)
        for i,s,e,f in run(a): print(i,s,e,f,sep='\t')
