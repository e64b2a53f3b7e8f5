# Hand listing of counted entity mentions: (article, line, surface, entity_id, form)
M = """
ci01 1 العراق iraq name
ci01 7 الحكومة_العراقية iraqi_government name
ci01 7 الأميركي united_states adj
ci01 7 واشنطن washington name
ci01 9 الحكومة_العراقية iraqi_government name
ci01 9 الأمم_المتحدة united_nations name
ci01 9 بغداد baghdad name
ci01 11 الأميركية united_states adj
ci01 13 التركي turkey adj
ci01 15 إيران iran name
ci01 15 الإيرانية iran adj
ci01 17 بغداد baghdad name
ci01 17 عراقية iraq adj
ci01 17 واشنطن washington name
ci02 1 الإيرانية iran adj
ci02 1 العراق iraq name
ci02 7 الإيرانية iran adj
ci02 7 العراق iraq name
ci02 7 داعش isis name
ci02 9 الأميركي united_states adj
ci02 11 العراقي iraq adj
ci02 11 العراق iraq name
ci02 11 داعش isis name
ci02 13 الأميركية united_states adj
ci02 13 السوري syria adj
ci02 15 الأميركية united_states adj
ci02 15 سوريا syria name
ci02 15 أميركيون united_states adj
ci02 15 سوريا syria name
ci03 1 لإقليم_كردستان kurdistan_region name
ci03 5 أربيل erbil name
ci03 7 لإقليم_كردستان kurdistan_region name
ci03 7 العراق iraq name
ci03 7 أربيل erbil name
ci03 7 العراقي iraq adj
ci03 7 الإيراني iran adj
ci03 11 بغداد baghdad name
ci03 11 التحالف_الدولي global_coalition name
ci03 11 داعش isis name
ci03 13 بغداد baghdad name
ci03 15 إقليم_كردستان kurdistan_region name
ci03 17 الأميركية united_states adj
ci03 17 بغداد baghdad name
ci03 17 الولايات_المتحدة united_states name
ci03 19 أربيل erbil name
ci03 21 إقليم_كردستان kurdistan_region name
ci04 1 وتركي turkey adj
ci04 1 وإيراني iran adj
ci04 7 الأميركي united_states adj
ci04 7 الولايات_المتحدة united_states name
ci04 7 السورية syria adj
ci04 9 سوريا syria name
ci04 11 السورية syria adj
ci04 11 سوريا syria name
ci04 13 الحكومة_العراقية iraqi_government name
ci04 13 العراقية iraq adj
ci04 15 التركي turkey adj
ci04 15 الإيرانية iran adj
ci04 19 الأميركية united_states adj
ci04 19 سوريا syria name
ci04 19 الأمم_المتحدة united_nations name
ci04 23 #سوريا syria name
ci05 1 تركيا turkey name
ci05 1 وواشنطن washington name
ci05 7 التركية turkey adj
ci05 7 الولايات_المتحدة united_states name
ci05 7 حلف_شمال_الأطلسي nato name
ci05 9 التركي turkey adj
ci05 11 الأميركي united_states adj
ci05 11 واشنطن washington name
ci05 11 الأتراك turkey adj
ci05 11 الولايات_المتحدة united_states name
ci05 13 البنتاغون pentagon name
ci05 13 تركيا turkey name
ci05 13 الأميركية united_states adj
ci05 15 حلف_شمال_الأطلسي nato name
ci05 15 تركيا turkey name
ci05 19 أميركية united_states adj
ci05 23 تركيا turkey name
ci06 1 تركيا turkey name
ci06 1 العراق iraq name
ci06 7 التركية turkey adj
ci06 7 العراق iraq name
ci06 9 التركي turkey adj
ci06 9 التركية turkey adj
ci06 9 العراق iraq name
ci06 11 العراقية iraq adj
ci06 11 بغداد baghdad name
ci06 11 العراقية iraq adj
ci06 11 الحكومة_العراقية iraqi_government name
ci06 13 تركية turkey adj
ci06 15 إقليم_كردستان kurdistan_region name
ci06 15 التركي turkey adj
ci06 17 تركيا turkey name
ci06 17 بغداد baghdad name
ci06 17 العراقية iraq adj
ci06 19 وواشنطن washington name
ci06 19 التركية turkey adj
ci06 21 العراق iraq name
ci06 23 تركية turkey adj
ci07 1 إيران iran name
ci07 5 الإيرانية iran adj
ci07 5 إيرانيون iran adj
ci07 7 سوريا syria name
ci07 13 السورية syria adj
ci07 15 الإيرانية iran adj
ci07 15 إيران iran name
ci07 17 الولايات_المتحدة united_states name
ci07 17 واشنطن washington name
ci07 19 إيران iran name
ci07 19 أمريكية united_states adj
ci07 19 الولايات_المتحدة united_states name
ci08 1 عراقي iraq adj
ci08 5 الولايات_المتحدة united_states name
ci08 5 الأمريكية united_states adj
ci08 7 الأمريكي united_states adj
ci08 13 العراق iraq name
ci08 13 الحكومة_العراقية iraqi_government name
ci08 13 العراقية iraq adj
ci08 13 بغداد baghdad name
ci08 15 سوريا syria name
ci08 17 الإيرانية iran adj
ci08 21 الأمريكية united_states adj
ci08 21 الأمريكية united_states adj
ci09 1 واشنطن washington name
ci09 1 عراقية iraq adj
ci09 5 واشنطن washington name
ci09 5 الولايات_المتحدة united_states name
ci09 5 الأمريكية united_states adj
ci09 5 الحشد_الشعبي popular_mobilization_forces name
ci09 5 العراق iraq name
ci09 7 بغداد baghdad name
ci09 9 الولايات_المتحدة united_states name
ci09 11 الحكومة_العراقية iraqi_government name
ci09 13 العراقي iraq adj
ci09 17 الأمريكية united_states adj
ci09 17 أمريكيين united_states adj
ci09 21 الأمريكية united_states adj
ci09 21 العراق iraq name
ci09 23 الحشد_الشعبي popular_mobilization_forces name
ci09 23 داعش isis name
ci09 27 أمريكية united_states adj
ci10 1 أمريكية united_states adj
ci10 5 واشنطن washington name
ci10 5 الولايات_المتحدة united_states name
ci10 5 الولايات_المتحدة united_states name
ci10 9 أمريكيين united_states adj
ci10 11 الأمريكية united_states adj
ci10 13 الأمريكية united_states adj
ci10 13 الولايات_المتحدة united_states name
ci10 15 أمريكية united_states adj
ci10 17 قوات_سوريا_الديمقراطية sdf name
ci10 17 التحالف_الدولي global_coalition name
ci10 17 داعش isis name
ci10 17 سوريا syria name
ci10 17 أمريكية united_states adj
ci10 17 وداعش isis name
ci11 1 العراقي iraq adj
ci11 5 العراقي iraq adj
ci11 5 إقليم_كردستان kurdistan_region name
ci11 7 العراق iraq name
ci11 13 أربيل erbil name
ci11 13 إقليم_كردستان kurdistan_region name
ci11 13 بغداد baghdad name
ci11 15 الولايات_المتحدة united_states name
ci11 15 داعش isis name
ci11 15 التحالف_الدولي global_coalition name
ci11 17 إقليم_كردستان kurdistan_region name
ci11 17 أربيل erbil name
ci11 17 العراقي iraq adj
ci11 19 #العراق iraq name
ci11 19 #كردستان kurdistan_region name
ci12 1 العراقي iraq adj
ci12 5 العراقي iraq adj
ci12 5 إقليم_كردستان kurdistan_region name
ci12 9 بغداد baghdad name
ci12 11 بغداد baghdad name
ci12 11 أربيل erbil name
ci12 13 بغداد baghdad name
ci12 13 وأربيل erbil name
ci12 13 القوات_العراقية iraqi_security_forces name
ci12 17 الأمريكية united_states adj
ci12 17 بغداد baghdad name
ci12 19 #العراق iraq name
ci12 19 #كردستان kurdistan_region name
"""
M = [tuple(l.split()) for l in M.strip().splitlines()]
M = [(a, int(n), s.replace('_', ' '), e, f) for a, n, s, e, f in M]

# Totals counted by hand separately from the listing above (article -> entity -> (names, adjectives))
HAND = {
'ci01': {'iraq':(1,1),'iraqi_government':(2,0),'united_states':(0,2),'washington':(2,0),'united_nations':(1,0),'baghdad':(2,0),'turkey':(0,1),'iran':(1,1)},
'ci02': {'iraq':(3,1),'iran':(0,2),'isis':(2,0),'united_states':(0,4),'syria':(2,1)},
'ci03': {'kurdistan_region':(4,0),'erbil':(3,0),'iraq':(1,1),'iran':(0,1),'baghdad':(3,0),'global_coalition':(1,0),'isis':(1,0),'united_states':(1,1)},
'ci04': {'turkey':(0,2),'iran':(0,2),'united_states':(1,2),'syria':(4,2),'iraqi_government':(1,0),'iraq':(0,1),'united_nations':(1,0)},
'ci05': {'turkey':(4,3),'washington':(2,0),'united_states':(2,3),'nato':(2,0),'pentagon':(1,0)},
'ci06': {'turkey':(2,7),'iraq':(4,3),'baghdad':(2,0),'iraqi_government':(1,0),'kurdistan_region':(1,0),'washington':(1,0)},
'ci07': {'iran':(3,3),'syria':(1,1),'united_states':(2,1),'washington':(1,0)},
'ci08': {'iraq':(1,2),'united_states':(1,4),'iraqi_government':(1,0),'baghdad':(1,0),'syria':(1,0),'iran':(0,1)},
'ci09': {'washington':(2,0),'iraq':(2,2),'united_states':(2,5),'popular_mobilization_forces':(2,0),'baghdad':(1,0),'iraqi_government':(1,0),'isis':(1,0)},
'ci10': {'united_states':(3,6),'washington':(1,0),'sdf':(1,0),'global_coalition':(1,0),'isis':(2,0),'syria':(1,0)},
'ci11': {'iraq':(2,3),'kurdistan_region':(4,0),'erbil':(2,0),'baghdad':(1,0),'united_states':(1,0),'isis':(1,0),'global_coalition':(1,0)},
'ci12': {'iraq':(1,2),'kurdistan_region':(2,0),'baghdad':(4,0),'erbil':(2,0),'iraqi_security_forces':(1,0),'united_states':(0,1)},
}
