# Hand-written gold rows (blind12). Fields: surface, start, end, precision, event, place, actor, claimant, notes
PUB = {'cf01':'2016-07-16','cf02':'2016-12-20','cf03':'2016-01-17','cf04':'2017-03-21',
       'cf05':'2017-10-10','cf06':'2017-11-13','cf07':'2017-03-09','cf08':'2017-11-01'}
R = {}
R['cf01'] = [
('السبت 11 شوال 1437هـ','2016-07-16','2016-07-16','day','other','','','media','page timestamp (publication date); weekday before a full Hijri date and attached هـ included; Umm al-Qura 11/10/1437 = 2016-07-16 (hijridate)'),
('16 يوليو 2016م','2016-07-16','2016-07-16','day','other','','','media','page timestamp; attached م kept'),
('صباح السبت','2016-07-16','2016-07-16','day','agreement','turkey','turkey','turkey','wd-sameday (published Saturday); date on أعلنت (rule 1); Turkish government -> turkey (rule 14); place from what was said (coup foiled in Ankara/Istanbul, rule 27)'),
('ليل الجمعة','2016-07-15','2016-07-15','day','attack','turkey','','turkey','judgement: coup attempt carried out by «مجموعة من الضباط» (mutineers acting for no core entity) -> actor empty (turkey defensible); date inside the government\'s announcement -> turkey; Ankara/Istanbul -> turkey (rule 22)'),
('عام 1999','1999-01-01','1999-12-31','year','other','united_states','','media','judgement: Gulen «المقيم في الولايات المتحدة منذ عام 1999» = residence starting then (rule 6, other); appositive in the narrator\'s voice inside Erdogan\'s sentence -> media (rule 28); individual for no core entity -> actor empty'),
('ليل الجمعة','2016-07-15','2016-07-15','day','agreement','turkey','united_states','united_states','Obama «دعا ليل الجمعة» (rule 1, speech act); «وكان ... قد» but with its own reporting verb; president not in core -> united_states (rule 14); place from what was said («في تركيا», rule 27)'),
('صباح اليوم','2016-07-16','2016-07-16','day','other','turkey','turkey','media','judgement: reopening of Ataturk airport; coordinated «فيما» clause with its own subject (السلطات) -> media (rule 11), not the authorities\' announcement; Istanbul -> turkey; actor = Turkish authorities'),
('الأحد','2016-07-17','2016-07-17','day','talks','turkey','turkey','turkey','judgement: future weekday («سيعقد») -> next Sunday on/after published; extraordinary parliament session read as a meeting (talks; other defensible); carried speaker «مضيفا» -> Yildirim -> turkey; place by rule 21d'),
('عام 1980','1980-01-01','1980-12-31','year','attack','turkey','turkey','media','judgement: 1980 coup «الذي قاده الجيش» read as military violence/operation -> attack (other defensible); the Turkish army -> turkey; narrator background'),
('عام 1952','1952-01-01','1952-12-31','year','other','','turkey','media','Turkey joining NATO = joining a group (rule 5); appositive background after Stoltenberg\'s statement -> media; no locative for the accession -> place empty'),
]
R['cf02'] = [
('الثلاثاء 20 ديسمبر 2016','2016-12-20','2016-12-20','day','other','','','media','page timestamp; weekday before full date included; clock time not a row'),
('مساء الاثنين','2016-12-19','2016-12-19','day','attack','turkey','','media','killing of the ambassador; «العاصمة التركية أنقرة» -> turkey (rule 22); attacker an off-duty policeman acting for no core entity -> actor empty (rule 20; turkey arguable)'),
('الثلاثاء','2016-12-20','2016-12-20','day','other','turkey','','','judgement: future weekday («سيصلون») -> next Tuesday on/after published = same day; arrival of Russian investigators to join the inquiry read as other (investigation; talks defensible as a visit); claimant-outside-core:Putin (Russia) via «وأضاف بوتين»; actor Russia -> empty; Ankara -> turkey'),
('13 ديسمبر','2016-12-13','2016-12-13','day','agreement','syria','turkey','media','rel: yearless past date -> 2016; evacuation deal sponsored by Russia and Turkey: compound agent with one core member -> turkey (rule 19); place = Aleppo (حلب السورية) of the evacuation the deal concerns -> syria; narrator voice'),
('صيف 2012','2012-06-01','2012-08-31','month','attack','syria','','media','judgement: season with year (June-August); opposition factions taking east Aleppo = territorial seizure -> attack (rule 9); factions outside core -> actor empty'),
('الاثنين','2016-12-19','2016-12-19','day','agreement','syria','united_nations','united_nations','judgement: Security Council resolution (rule 3) inside «قالت الأمم المتحدة» and «بموجب قرار» (rule 10) -> united_nations; place from content (monitored evacuation from Aleppo, rule 27; sanctions-style target reading would give empty)'),
]
R['cf03'] = [
('17 يناير/ كانون الثاني 2016','2016-01-17','2016-01-17','day','other','','','media','BBC page date; combined month form with space'),
('مساء السبت','2016-01-16','2016-01-16','day','agreement','iran','','','IAEA «أكدت مساء السبت» (rule 1); claimant-outside-core:IAEA (rule 16); actor = speaker\'s id, none in core -> empty; place from what was said (Tehran\'s compliance -> iran, rule 27)'),
('يوليو/ تموز الماضي','2015-07-01','2015-07-31','month','agreement','','','media','judgement: rel (past month with الماضي -> 2015); deal reached in Vienna (outside core -> empty, rule 22); joint agents Iran + major powers -> empty (rule 19); relative clause inside the IAEA\'s finding read as outlet background -> media (rule 11/28)'),
('صباح الأحد','2016-01-17','2016-01-17','day','agreement','iran','iran','iran','wd-sameday; Rouhani\'s speech before parliament (rule 1); Iranian official -> iran; statement made before the Iranian parliament -> iran (rule 27)'),
('الأحد','2016-01-17','2016-01-17','day','agreement','','united_states','media','wd-sameday; new Treasury sanctions (rule 3); action verb فرضت, no reporting verb -> media; sanctions target is not a place (rule 23)'),
('أكتوبر/ تشرين الأول 2015','2015-10-01','2015-10-31','month','other','','iran','media','judgement: missile test (weapons test, rule 5); «أجرتها طهران» names an agent (metonym -> iran), not a place -> place empty'),
('يوليو/ تموز 2014','2014-07-01','2014-07-31','month','other','iran','iran','media','detention (arrest, rule 5) «المعتقل في طهران» -> iran; actor iran from «إطلاق إيران سراح» (the detaining side)'),
('ليل السبت','2016-01-16','2016-01-16','day','agreement','','united_states','united_states','Kerry «قال ... ليل السبت في فيينا» (rule 1); Secretary of State -> united_states (rule 14); statement made in Vienna, outside core -> place empty (rule 27)'),
]
R['cf04'] = [
('الثلاثاء، 21 مارس / آذار 2017','2017-03-21','2017-03-21','day','other','','','media','CNN page stamp «نشر weekday، date»: weekday + comma + date read as one surface; combined month with spaces'),
('الاثنين','2017-03-20','2017-03-20','day','talks','washington','united_states','media','judgement: Trump «استقبل ... العبادي في البيت الأبيض» -> talks at the White House -> washington (rule 22); agent of «استقبل» = Trump -> united_states (empty defensible as a two-side meeting, rule 19); narrator voice'),
('20 يناير/ كانون الثاني الماضي','2017-01-20','2017-01-20','day','other','united_states','united_states','media','Trump taking office (rule 5); place by rule 21d'),
('24 يناير/ كانون الثاني','2017-01-24','2017-01-24','day','attack','iraq','iraqi_security_forces','iraqi_government','rel: yearless past -> 2017; east Mosul retaken by «القوات العراقية» inside Abadi\'s «وأشار إلى أن» -> iraqi_government (PM not in core, rule 14); Mosul -> iraq'),
('19 فبراير/ شباط','2017-02-19','2017-02-19','day','attack','iraq','iraqi_security_forces','iraqi_government','rel: -> 2017; start of the west-Mosul battle, same sentence of Abadi; actor from the Mosul campaign (rule 20)'),
('السادس من مارس/ آذار الجاري','2017-03-06','2017-03-06','day','agreement','','united_states','media','current month (الجاري) -> March 2017; Trump signing the revised travel-ban order (rule 3); no locative; «أسبوعين» is a duration, not a row'),
('27 يناير/ كانون الثاني','2017-01-27','2017-01-27','day','agreement','','united_states','media','ctx/rel: the first order, yearless past -> 2017; travel ban (rule 3)'),
('ديسمبر/ كانون الأول 2011','2011-12-01','2011-12-31','month','withdrawal','iraq','united_states','media','timeline entry «month year:»; last US forces leave Iraq'),
('يونيو/ حزيران 2014','2014-06-01','2014-06-30','month','attack','iraq','isis','media','timeline: ISIS seizes Mosul (territorial seizure, rule 9) and declares the caliphate; event from the first clause'),
('أغسطس/ آب 2014','2014-08-01','2014-08-31','month','attack','iraq','united_states','media','timeline: start of US air strikes in Iraq'),
('مارس/ آذار 2017','2017-03-01','2017-03-31','month','talks','washington','iraqi_government','media','judgement: timeline «العبادي في البيت الأبيض» -> the visit; agent = the visitor (Abadi -> iraqi_government), united_states defensible; White House -> washington'),
]
R['cf05'] = [
('الثلاثاء 10 أكتوبر 2017','2017-10-10','2017-10-10','day','other','','','media','Jawhara page stamp; clock time not a row'),
('مساء الأحد','2017-10-08','2017-10-08','day','agreement','turkey','united_states','media','US embassy suspends visa services «في تركيا» = formal decision (rule 3); action verb, no reporting verb -> media; «بعد ساعات», «منذ سنوات» not rows'),
('25 سبتمبر الماضي','2017-09-25','2017-09-25','day','other','turkey','turkey','media','judgement: arrest (rule 5) of the consulate employee in Istanbul -> turkey; actor «السلطات التركية»; «في إشارة إلى» is the outlet\'s gloss on the embassy statement -> media (united_states defensible)'),
('15 جويلية 2016','2016-07-15','2016-07-15','day','attack','turkey','','media','judgement: Maghrebi month; coup attempt in a relative clause («التي شهدتها تركيا») inside Ankara\'s accusation read as outlet background (rule 28; turkey defensible by rule 11); plotters -> actor empty'),
('أمس الاثنين','2017-10-09','2017-10-09','day','agreement','','turkey','turkey','Erdogan «قال ... أمس الاثنين» (rule 1); statement made in Serbia, outside core -> place empty (rule 27)'),
('صباح الاثنين','2017-10-09','2017-10-09','day','other','','','media','judgement: fall of the Turkish lira in Asian trading (economy -> other); no locative in a core place (currency is not a place) -> empty'),
('ماي الماضي','2017-05-01','2017-05-31','month','other','syria','united_states','media','Maghrebi month; rel -> May 2017; «ويذكر أن» narrator; Washington starts arming the YPG = weapons transfer (rule 5); YPG fighting ISIS «في سوريا» -> syria; «واشنطن» -> united_states (rule 20)'),
]
R['cf06'] = [
('الاثنين 24 صفر 1439هـ','2017-11-13','2017-11-13','day','other','','','media','page timestamp; Umm al-Qura 24/02/1439 = 2017-11-13 (hijridate)'),
('13 نوفمبر 2017م','2017-11-13','2017-11-13','day','other','','','media','page timestamp; attached م kept'),
('مساء الأحد','2017-11-12','2017-11-12','day','other','','','iran','judgement: the earthquake (natural event -> other); «المناطق الحدودية بين إيران والعراق» = two core countries, no core entity contains both -> place empty (places: iran+iraq); claimant by «وفق ما أعلنته السلطات الإيرانية» in the same sentence (rule 10) -> iran; media defensible (relative clause identifying the quake)'),
('صباح الاثنين','2017-11-13','2017-11-13','day','agreement','iran','iran','iran','wd-sameday; the Iranian authorities\' announcement of the toll (rule 1); toll «في الجانب الإيراني» -> iran'),
('الثلاثاء','2017-11-14','2017-11-14','day','talks','iran','iran','iran','future weekday («سيزور») -> next Tuesday; Rouhani\'s visit (rule 4) to Kermanshah -> iran; office of a president not in core -> iran (rule 14)'),
('ديسمبر 2003','2003-12-01','2003-12-31','month','other','iran','','media','Bam earthquake (other); «في إيران» in the sentence; narrator'),
('صباح اليوم','2017-11-13','2017-11-13','day','other','iran','turkey','turkey','judgement: arrival of a Turkish aid plane at Kermanshah airport (other); Anadolu = Turkish state agency -> turkey (rule 26); actor = the Turkish aid flight -> turkey'),
]
R['cf07'] = [
('الخميس 09 مارس 2017','2017-03-09','2017-03-09','day','other','','','media','page timestamp; clock time not a row'),
('الأربعاء','2017-03-08','2017-03-08','day','agreement','syria','united_states','united_states','US officials «أكدوا الأربعاء» the deployment: date on the speech act (rules 1/2) -> agreement; «مسؤولون أميركيون» -> united_states; place from content (deployment in Syria)'),
('نهاية أبريل المقبل','2017-04-30','2017-04-30','day','presence','syria','united_states','global_coalition','forces «ستبقى في مواقعها شمالي سوريا حتى نهاية أبريل المقبل» -> presence; «وأضاف» carries the coalition spokesman (rule 14 -> global_coalition); forces = US Marines -> united_states'),
('الأسبوع الماضي','2017-02-27','2017-03-05','day','other','syria','united_states','media','judgement: week Monday-Sunday before published; deployment that starts then («نشرت ... منذ») -> other (rule 6); Manbij -> syria; precision day for a week span'),
('أغسطس 2016','2016-08-01','2016-08-31','month','attack','syria','sdf','media','judgement: Manbij taken by the SDF in a relative clause after «قال البنتاغون إنها تهدف» -> outlet background -> media (pentagon defensible); seizure -> attack'),
('24 فبراير الماضي','2017-02-24','2017-02-24','day','agreement','syria','turkey','turkey','Erdogan «أعلن في 24 فبراير الماضي سيطرة» (rule 2) -> agreement; al-Bab -> syria; Turkish president -> turkey'),
('الثلاثاء','2017-03-07','2017-03-07','day','talks','turkey','','media','judgement: meeting of the US, Russian and Turkish chiefs of staff in Antalya -> turkey; joint agents with two core members -> actor empty (rule 19)'),
]
R['cf08'] = [
('الأربعاء 01 نوفمبر 2017','2017-11-01','2017-11-01','day','other','','','media','page timestamp'),
('اليوم الأربعاء','2017-11-01','2017-11-01','day','other','kurdistan_region','kurdistan_region','media','Barzani\'s stepping down takes effect (term of office, rule 5); Kurdistan Region president acts for the region (rule 29)'),
('الأحد','2017-10-29','2017-10-29','day','agreement','kurdistan_region','kurdistan_region','media','the regional parliament\'s decision to redistribute powers (rule 3); place rule 21d'),
('مساء الأحد','2017-10-29','2017-10-29','day','agreement','erbil','kurdistan_region','kurdistan_region','Barzani\'s televised speech «من أربيل» (rules 1, 27); KR official -> kurdistan_region'),
('16 أكتوبر الماضي','2017-10-16','2017-10-16','day','attack','iraq','iraqi_security_forces','media','judgement: Iraqi forces entering Kirkuk «دون مقاومة تذكر» read as a military operation (rule 9; other defensible); «في إشارة إلى» is the outlet\'s gloss -> media; Kirkuk -> iraq'),
('25 سبتمبر الماضي','2017-09-25','2017-09-25','day','other','kurdistan_region','kurdistan_region','media','independence referendum (elections, rule 5); no locative -> place by rule 21d (the region\'s institution)'),
('عام 2005','2005-01-01','2005-12-31','year','other','kurdistan_region','kurdistan_region','media','Barzani presides over the region since 2005 (term of office, rule 5)'),
('أوت 2015','2015-08-01','2015-08-31','month','other','kurdistan_region','kurdistan_region','media','Maghrebi month; scheduled end of his term (rule 5)'),
('أمس الثلاثاء','2017-10-31','2017-10-31','day','agreement','kurdistan_region','iraqi_government','iraqi_government','Abadi «قال ... أمس الثلاثاء» (rule 1); PM not in core -> iraqi_government; place from what was said (crossings and airports in the region)'),
('نهاية الشهر الجاري','2017-11-30','2017-11-30','day','handover','kurdistan_region','kurdistan_region','iraqi_government','judgement: the federal government is to receive the border crossings and Erbil/Sulaymaniyah airports «من سلطات الإقليم» -> handover; actor = side handing over (rule 18) -> kurdistan_region; place Erbil + Sulaymaniyah -> kurdistan_region (rule 22); «قبل» excluded from the surface; end of current month -> 30 November'),
('نهاية العام المقبل','2018-12-31','2018-12-31','day','other','kurdistan_region','kurdistan_region','kurdistan_region','judgement: elections (rule 5) before the end of next year -> 31 December 2018 (قبل excluded); «مصادر في حكومة الإقليم» = anonymous source with a core side -> kurdistan_region (unnamed defensible)'),
]
PUB.update({'cf09':'2017-02-04','cf10':'2017-11-16'})
R['cf09'] = [
('4 فبراير/ شباط 2017','2017-02-04','2017-02-04','day','other','','','media','BBC page date; combined month form with space'),
('الجمعة','2017-02-03','2017-02-03','day','agreement','','united_states','media','Treasury sanctions (rule 3); action verb فرضت, the relative «قالت إنهم» holds no date -> media; sanctions target not a place (rule 23)'),
('29 يناير/ كانون الثاني','2017-01-29','2017-01-29','day','other','iran','iran','united_states','rel: yearless past -> 2017; missile test near Semnan (weapons test, rule 5) -> iran; inside the Treasury statement -> united_states (rule 14)'),
('يناير/ كانون الثاني 2016','2016-01-01','2016-01-31','month','agreement','','','media','judgement: nuclear deal entering into force (cf. sanctions taking effect, rule 29); relative clause inside «وأضاف البيان» read as outlet background -> media (united_states defensible, rule 28); parties joint -> actor empty (rule 19)'),
('الأربعاء','2017-02-01','2017-02-01','day','agreement','','united_states','united_states','Flynn «قد أعلن الأربعاء» (rule 1); national security adviser -> united_states (rule 14); Iran "on notice" is a target, not a place'),
('صباح الجمعة','2017-02-03','2017-02-03','day','agreement','','united_states','united_states','Trump\'s tweet (statement, rules 1/3); coordinated «فيما» clause with its own subject and its own speech verb كتب -> Trump -> united_states'),
('اليوم السبت','2017-02-04','2017-02-04','day','other','iran','iran','iran','judgement: «أعلن الحرس الثوري بدء مناورات ... اليوم السبت» — date read on the start of the exercises (content), not on أعلن -> military exercise = weapons test (rule 5, other); agreement defensible (rule 2); Semnan province -> iran; IRGC -> iran'),
('16 يناير/ كانون الثاني 2016','2016-01-16','2016-01-16','day','agreement','','','media','judgement: Implementation Day, international sanctions lifted (agentless passive) -> agreement (sanctions decisions, rules 3/29); no locative, no agent -> empty; «بعد عام على» is a duration, not a row'),
]
R['cf10'] = [
('الخميس، 16 نوفمبر / تشرين الثاني 2017','2017-11-16','2017-11-16','day','other','','','media','CNN page stamp «نشر weekday، date»; combined month with spaces'),
('الأربعاء','2017-11-15','2017-11-15','day','agreement','','iraqi_government','iraqi_government','government spokesman «أعلن ... الأربعاء» (rules 1, 14); crossing on the Iraq-Saudi border, Saudi side outside core -> place empty (iraq defensible); «في غضون أسابيع», «أكثر من 27 عاما» not rows'),
('مطلع العام المقبل','2018-01-01','2018-01-01','day','other','','','iraqi_government','judgement: «ابتداء من مطلع العام المقبل» — مطلع read like مطلع/بداية الشهر الجاري -> first day of next year, day; ابتداء من excluded; trucks admitted = trade/economy -> other; border crossing -> place empty; «وأوضح الحديثي» -> iraqi_government'),
('أغسطس/ آب الماضي','2017-08-01','2017-08-31','month','other','','','iraqi_government','rel -> August 2017; exceptional opening for Iraqi pilgrims; a subordinate «بعد أن» clause inside Hadithi\'s statement = part of his claim (rule 28); agentless passive -> actor empty'),
('الأسبوع المقبل','2017-11-20','2017-11-26','day','talks','','iraq','iraqi_government','judgement: week Monday-Sunday after published; technical committees «من البلدين» (Iraq + Saudi Arabia, one core member) -> iraq (rule 19); iraqi_government defensible; carried «مشيرا» -> Hadithi'),
('22 أكتوبر','2017-10-22','2017-10-22','day','other','','iraq','media','judgement: rel -> 2017; founding of the Saudi-Iraqi coordination council = formation of a group (rule 5; agreement defensible); Riyadh outside core -> empty; Saudi + Iraq -> iraq (rule 19); «حينها» is not a row'),
('أغسطس/ آب 1990','1990-08-01','1990-08-31','month','other','','','media','closure of the crossing after the invasion of Kuwait (agentless passive); border -> empty'),
('ديسمبر/ كانون الأول 2015','2015-12-01','2015-12-31','month','agreement','baghdad','','media','judgement: Saudi embassy reopened = restoring diplomatic relations (rule 3); «في العاصمة العراقية» -> baghdad (rule 21a); Saudi actor outside core -> empty; «حتى» excluded from the surface'),
('30 يوليو/ تموز الماضي','2017-07-30','2017-07-30','day','talks','','','iran','rel -> 2017; Sadr\'s visit to Jeddah (rule 4), outside core -> place empty; Sadr acts for no core entity -> actor empty; «مذكرا» in the anonymous Iranian official\'s sentence -> iran (rule 14)'),
('عامي 2014 و2016','2014-01-01','2016-12-31','year','attack','iraq','isis','media','judgement: range-conj («بين» excluded) 2014-2016; ISIS control of parts of Anbar (territorial seizure, rule 9); Anbar -> iraq; relative clause after «ويرى مراقبون» read as background -> media (unnamed defensible)'),
]
PUB.update({'cf11':'2017-07-31','cf12':'2016-12-23'})
R['cf11'] = [
('الاثنين 8 ذو القعدة 1438هـ','2017-07-31','2017-07-31','day','other','','','media','page timestamp; Umm al-Qura 8/11/1438 = 2017-07-31 (hijridate)'),
('31 يوليو 2017م','2017-07-31','2017-07-31','day','other','','','media','page timestamp; attached م kept'),
('مساء الأحد','2017-07-30','2017-07-30','day','talks','','','media','Sadr meets the Saudi crown prince in Jeddah (rule 4); Jeddah outside core -> empty; both sides outside core -> actor empty'),
('عام 2006','2006-01-01','2006-12-31','year','talks','','','media','judgement: «أول زيارة ... منذ عام 2006» read as dating his previous visit to the kingdom -> talks; the kingdom is outside core'),
('19 يونيو الماضي','2017-06-19','2017-06-19','day','talks','','iraqi_government','media','Abadi\'s visit to Riyadh (rule 4); Riyadh outside core; PM -> iraqi_government'),
('25 فبراير','2017-02-25','2017-02-25','day','talks','baghdad','','media','rel: yearless past -> 2017; Saudi foreign minister\'s visit to Baghdad; Saudi actor outside core -> empty'),
('عام 1990','1990-01-01','1990-12-31','year','agreement','','','media','severing of relations «بين البلدين» (rule 3); no agent named -> empty'),
('أغسطس المقبل','2017-08-01','2017-08-31','month','talks','','','iraq','judgement: future month -> August 2017; Sadr to visit the UAE (outside core); speaker an MP of the Sadrist bloc -> iraq (parliament, rule 14); Sadr acts for no core entity -> actor empty'),
('أبريل الماضي','2017-04-01','2017-04-30','month','agreement','syria','','','judgement: Sadr «طالب ... بالتنحي» (rule 1); claimant-outside-core:Muqtada al-Sadr (a cleric, not an official; iraq arguable); place from what was said (the Syrian president\'s post -> syria, rule 27)'),
('4 أبريل','2017-04-04','2017-04-04','day','attack','syria','','media','rel/ctx-year -> 2017; Khan Shaykhun chemical attack -> syria (rule 22); attacker not named -> empty; background adjunct «بعد هجوم» -> media (rule 11)'),
]
R['cf12'] = [
('الجمعة 23 ديسمبر 2016','2016-12-23','2016-12-23','day','other','','','media','page timestamp; clock time not a row'),
('مساء الخميس','2016-12-22','2016-12-22','day','agreement','syria','syria','syria','Syrian army declares full control of Aleppo (declaring victory, rule 3; date on أعلن, rule 2); Syrian army speaking -> syria'),
('مارس 2011','2011-03-01','2011-03-31','month','attack','syria','','media','judgement: outbreak of the conflict read as violence -> attack (other defensible); no agent'),
('15 ديسمبر','2016-12-15','2016-12-15','day','withdrawal','syria','','','judgement: rel -> 2016; start of the evacuation of fighters and civilians from east Aleppo -> withdrawal (rule 8, label not actor); place left -> syria (rule 24); fighters outside core -> actor empty; claimant-outside-core:ICRC'),
('مطلع العام المقبل','2017-01-01','2017-01-01','day','talks','','','','Astana talks proposed «داعيا» by Putin via the Kremlin: claimant-outside-core:Kremlin (Russia); Astana outside core -> empty; Russia + Turkey + Iran, two core members -> actor empty (rule 19); مطلع العام -> its first day'),
('الاثنين','2016-12-19','2016-12-19','day','agreement','syria','united_nations','media','Security Council vote on monitors (rule 3); «وكان مجلس الأمن قد صوت» has no reporting verb -> media; place from content (Aleppo evacuation), as in cf02'),
('الثلاثاء','2016-12-20','2016-12-20','day','agreement','','','turkey','judgement: Turkey, Russia and Iran agreed «خلال اجتماع في موسكو الثلاثاء» -> agreement (talks defensible); place of the meeting Moscow, outside core -> empty (syria defensible from «ليشمل كل سوريا»); two core members -> actor empty (rule 19); «مؤكدا» -> Cavusoglu -> turkey'),
('11 ديسمبر','2016-12-11','2016-12-11','day','attack','syria','isis','media','rel -> 2016; ISIS retakes Palmyra (territorial seizure, rule 9); relative clause, narrator voice'),
('مارس الماضي','2016-03-01','2016-03-31','month','attack','syria','','media','rel -> March 2016; ISIS driven out of Palmyra (agentless «طرده») -> actor empty; «بعد تسعة أشهر» is a duration'),
]
