# my own candidate finder (not the suite): prints every possible mention for manual review
import re,sys,glob,os
names = {
 'united_states':['الولايات المتحدة الأمريكية','الولايات المتحدة','أميركا','أمريكا'],
 'iraq':['العراق'], 'syria':['سوريا','سورية'], 'iran':['إيران','ايران'], 'turkey':['تركيا'],
 'baghdad':['بغداد'], 'washington':['واشنطن'], 'erbil':['أربيل','إربيل'],
 'kurdistan_region':['إقليم كردستان','كردستان'], 'isis':['تنظيم الدولة الإسلامية','الدولة الإسلامية','تنظيم الدولة','داعش'],
 'global_coalition':['التحالف الدولي','التحالف'], 'nato':['حلف شمال الأطلسي','الحلف الأطلسي','الناتو'],
 'pentagon':['وزارة الدفاع الأميركية','وزارة الدفاع الأمريكية','البنتاغون'], 'popular_mobilization_forces':['الحشد الشعبي','الحشد'],
 'higher_military_commission':['الهيئة العسكرية العليا'], 'iraqi_government':['الحكومة العراقية'],
 'iraqi_security_forces':['قوات الأمن العراقية','القوات الأمنية العراقية','القوات العراقية'],
 'ain_al_asad':['قاعدة عين الأسد','عين الأسد'], 'united_nations':['الأمم المتحدة','الامم المتحدة'],
 'sdf':['قوات سوريا الديمقراطية'],
}
nis = {'united_states':'(?:أمريكي|أميركي)','iraq':'عراقي','syria':'سوري','iran':'إيراني','turkey':'تركي'}
pre='(?:و|ف|ب|ل|ك|وب|ول|فب|فل|وك)?'
alias=[]
for e,ns in names.items():
    for n in ns:
        alias.append((n,e,'name'))
for e,n in nis.items():
    alias.append((None,e,'adj'))
def find(line):
    out=[]; taken=[]
    pats=[]
    for n,e,k in alias:
        if n:
            core=n
            if n.startswith('ال'):
                p='(?<![\\w])'+'(?:'+pre+n+'|'+'(?:و|ف)?لل'+n[2:]+')'+'(?![\\w])'
            else:
                p='(?<![\\w])'+pre+n+'(?![\\w])'
            pats.append((len(n),p,e,k))
        else:
            p='(?<![\\w])'+pre+'(?:ال|لل)?'+nis[e]+'(?:ة|ه|ون|ين|ان|ية|يون|يين|ا|تان|تين|ات)?(?![\\w])'
            pats.append((0,p,e,k))
    pats.sort(key=lambda x:-x[0])
    for L,p,e,k in pats:
        for m in re.finditer(p,line):
            s,t=m.span()
            if any(not(t<=a or s>=b) for a,b in taken): continue
            taken.append((s,t)); out.append((s,m.group(),e,k))
    return sorted(out)
for f in sorted(glob.glob(sys.argv[1]+'/ce*.txt')):
    aid=os.path.basename(f)[:-4]
    print('##',aid)
    for i,line in enumerate(open(f).read().split('\n'),1):
        for s,g,e,k in find(line):
            print(f'{i}\t{g}\t{e}\t{k}')
