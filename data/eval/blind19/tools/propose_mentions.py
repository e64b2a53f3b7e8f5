# My own helper (not the suite): proposes candidate mentions for hand review.
import re, sys, os
base = os.path.join(os.path.dirname(__file__), "..")
NAMES = [  # longest first matters; (pattern, id)
 ("وزارة الدفاع الأ[مم]ي?ركية", "pentagon"), ("وزارة الدفاع الأمريكية", "pentagon"), ("البنتاغون", "pentagon"),
 ("قوات سوريا الديمقراطية", "sdf"),
 ("الولايات المتحدة الأمريكية", "united_states"), ("الولايات المتحدة", "united_states"), ("أمريكا", "united_states"), ("أميركا", "united_states"),
 ("الحكومة العراقية", "iraqi_government"), ("الحكومة الاتحادية", "iraqi_government"),
 ("قوات الأمن العراقية", "iraqi_security_forces"), ("القوات الأمنية العراقية", "iraqi_security_forces"), ("القوات العراقية", "iraqi_security_forces"),
 ("التحالف الدولي", "global_coalition"), ("التحالف", "global_coalition"),
 ("حلف شمال الأطلسي", "nato"), ("الحلف الأطلسي", "nato"), ("الناتو", "nato"),
 ("الحشد الشعبي", "popular_mobilization_forces"), ("الحشد", "popular_mobilization_forces"),
 ("الأمم المتحدة", "united_nations"), ("الامم المتحدة", "united_nations"),
 ("قاعدة عين الأسد", "ain_al_asad"), ("عين الأسد", "ain_al_asad"),
 ("إقليم كردستان", "kurdistan_region"), ("كردستان", "kurdistan_region"),
 ("تنظيم الدولة الإسلامية", "isis"), ("الدولة الإسلامية", "isis"), ("داعش", "isis"),
 ("العراق", "iraq"), ("سوريا", "syria"), ("سورية", "syria"), ("إيران", "iran"), ("ايران", "iran"), ("تركيا", "turkey"),
 ("بغداد", "baghdad"), ("واشنطن", "washington"), ("أربيل", "erbil"), ("إربيل", "erbil"),
]
ADJ = [("أ[مم]?ي?ركي", "united_states"), ("أميركي", "united_states"), ("أمريكي", "united_states"), ("عراقي", "iraq"), ("سوري", "syria"), ("إيراني", "iran"), ("تركي", "turkey")]
PRE = "(?:و|ف)?(?:ب|ل|ك)?"
def cands(t):
    out = []; taken = []
    for ln, line in enumerate(t.split("\n"), 1):
        used = [False]*len(line)
        for pat, eid in NAMES:
            alt = pat
            if pat.startswith("ال"):
                rx = r"(?<!\w)(?:(?:و|ف)?(?:ب|ك)?" + alt + r"|(?:و|ف)?ل" + alt[1:] + r")(?!\w)"
            else:
                rx = r"(?<!\w)" + PRE + alt + r"(?!\w)"
            for m in re.finditer(rx, line):
                if any(used[m.start():m.end()]): continue
                for i in range(m.start(), m.end()): used[i] = True
                out.append((ln, m.start(), m.group(0), eid, "name"))
        for pat, eid in [("أميركي","united_states"),("أمريكي","united_states"),("عراقي","iraq"),("سوري","syria"),("إيراني","iran"),("تركي","turkey")]:
            rx = r"(?<!\w)(?:و|ف)?(?:ب|ك)?(?:ال|لل)?" + pat + r"(?:ة|ان|ين|ون|تان|تين|ات|ا)?(?!\w)"
            for m in re.finditer(rx, line):
                if any(used[m.start():m.end()]): continue
                w = m.group(0)
                if w.endswith("تركيا"): continue
                if re.fullmatch(r"(?:و|ف)?(?:ب|ل)?سورية", w): note = "CHECK-سورية"
                else: note = ""
                for i in range(m.start(), m.end()): used[i] = True
                out.append((ln, m.start(), w, eid, "adj" + (" " + note if note else "")))
    return sorted(out)
for aid in sys.argv[1:]:
    t = open(f"{base}/articles/{aid}.txt", encoding="utf-8").read()
    print("##", aid)
    for ln, c, w, eid, f in cands(t):
        line = t.split("\n")[ln-1]
        print(f"{ln}\t{w}\t{eid}\t{f}\t…{line[max(0,c-20):c+len(w)+20]}…")
