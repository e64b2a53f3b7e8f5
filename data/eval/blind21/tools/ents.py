# candidate finder for entity mentions (own patterns); output reviewed by hand before use
import re, sys
CL = r"(?:و|ف|ب|ل|ك|وب|ول|فب|فل|وك)?"
NAMES = [
 ("iraqi_security_forces", r"(?:القوات|قوات الأمن|القوات الأمنية|قوى الأمن) العراقية"),
 ("iraqi_government", r"(?:ال)?حكومة العراقية|(?:ال)?حكومة الاتحادية|(?:ال)?حكومة المركزية"),
 ("united_states", r"(?:ال)?ولايات المتحدة(?: الأمريكية| الأميركية)?|أمريكا|أميركا"),
 ("pentagon", r"(?:ال)?بنتاغون|وزارة الدفاع الأمريكية|وزارة الدفاع الأميركية"),
 ("kurdistan_region", r"إقليم كردستان|كردستان|كوردستان"),
 ("global_coalition", r"(?:ال)?تحالف(?: الدولي)?"),
 ("isis", r"داعش|تنظيم الدولة الإسلامية|(?:ال)?دولة الإسلامية"),
 ("popular_mobilization_forces", r"(?:ال)?حشد(?: الشعبي)?"),
 ("united_nations", r"(?:ال)?أمم المتحدة|(?:ال)?امم المتحدة"),
 ("higher_military_commission", r"(?:ال)?هيئة العسكرية العليا"),
 ("mohammed_shia_al_sudani", r"محمد شياع السوداني|(?:ال)?سوداني"),
 ("joe_biden", r"جو بايدن|بايدن"),
 ("lloyd_austin", r"لويد أوستن|أوستن"),
 ("ain_al_asad", r"قاعدة عين الأسد"),
 ("strategic_framework_agreement", r"اتفاقية الإطار الاستراتيجي"),
 ("nato", r"حلف شمال الأطلسي|(?:ال)?ناتو|(?:ال)?حلف الأطلسي"),
 ("sdf", r"قوات سوريا الديمقراطية"),
 ("iraq", r"(?:ال)?عراق"),
 ("syria", r"سوريا|سورية"),
 ("iran", r"إيران|ايران"),
 ("turkey", r"تركيا"),
 ("baghdad", r"بغداد"),
 ("washington", r"واشنطن"),
 ("erbil", r"أربيل|إربيل"),
]
ADJ = [("united_states", r"(?:ال)?(?:أمريكي|أميركي)(?:ة|ون|ين|ان|تان)?"),
       ("iraq", r"(?:ال)?عراقي(?:ة|ون|ين|ان)?"),
       ("syria", r"(?:ال)?سوري(?:ة|ون|ين)?"),
       ("iran", r"(?:ال)?إيراني(?:ة|ون|ين)?"),
       ("turkey", r"(?:ال)?تركي(?:ة|ون|ين)?")]
def toks(line):
    out=[]
    # names first: greedy multiword, longest match
    alts=[(e,p,"name") for e,p in NAMES]+[(e,p,"adj") for e,p in ADJ]
    big=re.compile(r"(?<![\w])(?:"+ "|".join("(?P<g%d>%s%s)"%(i,CL,p) for i,(e,p,k) in enumerate(alts)) + r")(?![\w])")
    for m in big.finditer(line):
        i=int(m.lastgroup[1:]); e,p,k=alts[i]; out.append((m.group(0),e,k))
    return out
if __name__ == "__main__":
 for a in sys.argv[1:]:
    print("## "+a)
    for n,line in enumerate(open(f"/work/blind21/articles/{a}.txt").read().split("\n"),1):
        for s,e,k in toks(line): print(f"{n}\t{s}\t{e}\t{k}")
