# Gold rows written by hand (surface, start, end, precision, event, place, actor, claimant, notes)
R = {}
R['cg01'] = [
('الجمعة 10 رجب 1438هـ','2017-04-07','2017-04-07','day','other','','','media','page timestamp (publication date); weekday before a full Hijri date and attached هـ included; Umm al-Qura 10/7/1438 = 2017-04-07 (hijridate)'),
('07 أبريل 2017م','2017-04-07','2017-04-07','day','other','','','media','page timestamp; attached م kept; clock times KSA/GMT are not rows'),
('فجر الجمعة','2017-04-07','2017-04-07','day','attack','syria','united_states','media','wd-sameday: published on a Friday, the strike at dawn that Friday; Shayrat near Homs «وسط سوريا»'),
('عام 2011','2011-01-01','2011-12-31','year','other','syria','','media','judgement: «منذ اندلاع النزاع عام 2011» outbreak of the Syrian conflict read as history (other), attack defensible; place from the sentence («وسط سوريا», the Syrian conflict); narrator adjunct'),
('مساء الخميس','2017-04-06','2017-04-06','day','agreement','united_states','united_states','united_states','date on the speech «في كلمة … مساء الخميس» (rule 1); statement made in Florida -> united_states (rules 22, 27); president not in core -> united_states'),
('صباح الثلاثاء','2017-04-04','2017-04-04','day','attack','syria','syria','united_states','Khan Shaykhun gas attack inside Trump\'s reported content; Idlib -> syria; «نظام بشار الأسد» -> syria (rule 18)'),
('أكتوبر 2015','2015-10-01','2015-10-31','month','other','','united_states','pentagon','judgement: «خط منع الاشتباك القائم منذ أكتوبر 2015» = a US–Russia channel existing since (rule 6 start of a state -> other; agreement defensible as the memo\'s signing); compound US+Russia -> united_states (rule 19); inside the Pentagon spokesman\'s content via «مشيرا إلى» (media defensible as outlet background, rule 28)'),
('الجمعة','2017-04-07','2017-04-07','day','agreement','','','','wd-sameday; Russian foreign ministry announces suspension of the memo: date on أعلنت (rule 1); claimant-outside-core:Russia; actor empty (Russia)'),
('الأربعاء','2017-04-05','2017-04-05','day','agreement','syria','iraqi_government','iraqi_government','Iraqi government «دعت الأربعاء» (speech act); place from what was said (investigation of Khan Shaykhun, rule 27)'),
]
R['cg02'] = [
('الثلاثاء 18 محرم 1441هـ','2019-09-17','2019-09-17','day','other','','','media','page timestamp; Umm al-Qura 18/1/1441 = 2019-09-17 (hijridate)'),
('17 سبتمبر 2019م','2019-09-17','2019-09-17','day','other','','','media','page timestamp; attached م kept'),
('فجر السبت','2019-09-14','2019-09-14','day','attack','','','media','judgement: the Abqaiq/Khurais attack named in a relative clause inside the government\'s denial; read as the outlet\'s identification of the attack (rules 11, 28), iraqi_government defensible; not negated (the denial is about the launch site, not the date); Saudi Arabia outside core -> place empty; attacker unknown -> actor empty'),
('الاثنين','2019-09-16','2019-09-16','day','agreement','iraq','iraqi_government','iraqi_government','statement «في بيان الاثنين» by Abdul Mahdi\'s office (PM not in core -> iraqi_government); place from what was said (use of Iraq\'s territory)'),
('مساء الأحد','2019-09-15','2019-09-15','day','talks','','united_states','iraqi_government','phone call from Pompeo, in the same sentence after «مشيرا إلى» -> the office\'s claim; caller = Secretary of State -> united_states; no locative'),
('السبت','2019-09-14','2019-09-14','day','agreement','','united_states','united_states','Pompeo\'s tweet: date on كتب (speech act, rule 1); Secretary of State -> united_states; content about Yemen/Saudi Arabia -> place empty'),
('الأحد','2019-09-15','2019-09-15','day','agreement','','united_states','united_states','Trump «أعلن … الأحد»; president not in core -> united_states'),
('14 مايو الماضي','2019-05-14','2019-05-14','day','attack','','','media','rel: past month with الماضي -> 2019; pipeline pumping stations in Saudi Arabia (outside core); «يذكر أن» narrator background'),
('يونيو الماضي','2019-06-01','2019-06-30','month','agreement','iraq','','unnamed','judgement: «وأفادت تقارير أميركية في يونيو الماضي» date on the reporting verb -> agreement; anonymous reports (rule 17) -> unnamed, united_states defensible; place from what was said (launched from southern Iraq, rule 27)'),
]
R['cg03'] = [
('الأحد 4 ربيع الثاني 1441هـ','2019-12-01','2019-12-01','day','other','','','media','page timestamp; Umm al-Qura 4/4/1441 = 2019-12-01 (hijridate)'),
('01 ديسمبر 2019م','2019-12-01','2019-12-01','day','other','','','media','page timestamp'),
('اليوم الأحد','2019-12-01','2019-12-01','day','agreement','iraq','iraq','media','judgement: parliament votes to accept the resignation = formal decision (rule 3), other defensible (terms of office, rule 5); parliament -> iraq (rule 14); domestic political event -> iraq (rule 21d); «صوت» is not a reporting verb; «بعد يومين» is a duration, not a row'),
('الجمعة','2019-11-29','2019-11-29','day','agreement','iraq','iraqi_government','iraqi_government','Abdul Mahdi «أعلن الجمعة في بيان» (rule 1); PM not in core -> iraqi_government; resignation to the Iraqi parliament -> iraq (rule 21d)'),
('الخميس','2019-11-28','2019-11-28','day','attack','iraq','iraqi_security_forces','media','killing of protesters in Nasiriyah and Najaf by the security forces; «وذلك غداة …» narrator adjunct (rule 11); «قوات الأمن» here the Iraqi security forces (actor), though the bare phrase is not an entity mention'),
('الأول من أكتوبر الماضي','2019-10-01','2019-10-01','day','other','iraq','','media','judgement: start of the protests (other, not violence); Baghdad + southern cities -> iraq (rule 22); «بحسب مفوضية حقوق الإنسان» scopes only the death toll clause -> media'),
('25 أكتوبر','2019-10-25','2019-10-25','day','other','iraq','','media','rel/ctx-year: same October as the previous date; renewal of the protests; place carried (same process, rule 21b)'),
('مساء الأربعاء','2019-11-27','2019-11-27','day','attack','iraq','','media','protesters burn the Iranian consulate in Najaf (violence -> attack); protesters not a core side -> actor empty; «خلال أقل من شهر» not a row'),
('السبت','2019-11-30','2019-11-30','day','agreement','iraq','united_nations','united_nations','UN representative «دعت … السبت» (rule 1, rule 14 UNAMI -> united_nations); place from what was said (Iraqi political forces, rule 27)'),
('عام 2016','2016-01-01','2016-12-31','year','other','iraq','iraqi_government','media','«اقرأ أيضا» line: resignation as oil minister (terms of office, rule 5); official in office -> iraqi_government (rule 29); domestic -> iraq (rule 21d)'),
]
R['cg04'] = [
('الأربعاء 12 أكتوبر 2016','2016-10-12','2016-10-12','day','other','','','media','page timestamp (Sky: weekday dd month yyyy - hh:mm); weekday before a full date included'),
('الأربعاء','2016-10-12','2016-10-12','day','agreement','baghdad','iraqi_government','iraqi_government','judgement: wd-sameday; «في بيان الأربعاء» (rule 1); Iraqi foreign ministry read as government -> iraqi_government (iraq defensible); place from what was said: the ambassador summoned «في بغداد» (rule 27); «للمرة الثانية خلال أسبوع» not a row'),
('الثلاثاء','2016-10-11','2016-10-11','day','agreement','turkey','turkey','turkey','Erdogan «قال في كلمة بإسطنبول الثلاثاء»; statement made in Istanbul -> turkey (rules 22, 27)'),
('ديسمبر 2015','2015-12-01','2015-12-31','month','other','iraq','turkey','media','Turkish troops sent to Bashiqa: presence that starts (rule 6) -> other; Bashiqa -> iraq'),
('الأول من أكتوبر الجاري','2016-10-01','2016-10-01','day','agreement','','turkey','media','judgement: Turkish parliament ratifies the extension of the troops\' mandate; date on صادق (decision, rules 2/3), not presence; mandate covers Iraq + Syria -> place empty (rule 22, places: iraq, syria); «بعد ثلاثة أيام» and «عاما آخر» are durations, not rows'),
('أكتوبر 2017','2017-10-01','2017-10-31','month','presence','iraq','turkey','turkey','Yildirim (carried by «وأضاف» in the same sentence): the mandate lets the troops stay «حتى أكتوبر 2017»; forces «في بعشيقة» -> iraq'),
]
R['cg05'] = [
('الجمعة 21 يونيو 2019','2019-06-21','2019-06-21','day','other','','','media','page timestamp (Sky)'),
('الجمعة','2019-06-21','2019-06-21','day','agreement','iran','united_states','united_states','wd-sameday; «كشف … الجمعة» speech act (rule 1); place from what was said: strikes on sites «في إيران» (rule 27)'),
('فجر الخميس','2019-06-20','2019-06-20','day','attack','','iran','united_states','judgement: downing of the drone inside the content clause of Trump\'s revelation («ردا على إسقاط …»), media defensible (background adjunct); Revolutionary Guard -> iran; «فوق مضيق هرمز» outside core -> place empty'),
('الخميس','2019-06-20','2019-06-20','day','agreement','','iran','iran','judgement: the Iranian envoy «وجه رسالة … الخميس» read as a speech act of its own clause (rule 11) -> iran; no place stated for the letter'),
('مساء الخميس','2019-06-20','2019-06-20','day','attack','iran','united_states','media','judgement: aborted US strike (planes in the air) -> attack; place from the same event in the lead («ثلاثة مواقع في إيران», rule 21b); New York Times reporting in its own voice -> media (rule 26)'),
('مايو الماضي','2019-05-01','2019-05-31','month','agreement','','iran','iran','judgement: «بعد إعلان إيران في مايو الماضي تعليق …» read as attribution (rule 10 «مع إعلان X أن»), media defensible (nominal narrator frame); rel: past month -> 2019'),
('8 مايو 2018','2018-05-08','2018-05-08','day','agreement','','united_states','media','US exit from the nuclear deal = agreement (rule 3, not a force withdrawal); relative clause of narrator background; «بعد أسبوع» not a row'),
]
R['cg06'] = [
('22 يونيو/ حزيران 2017','2017-06-22','2017-06-22','day','other','','','media','page timestamp (BBC combined month form)'),
('مساء الأربعاء','2017-06-21','2017-06-21','day','attack','iraq','isis','iraqi_government','judgement: the date read as on the bombing («بتفجير … مساء الأربعاء»), not on the accusation (agreement defensible, rule 1); inside Abadi\'s accusation -> iraqi_government; Mosul -> iraq'),
('الرابع من يوليو/ تموز 2014','2014-07-04','2014-07-04','day','agreement','iraq','isis','media','judgement: Baghdadi\'s only public appearance, a sermon from the pulpit -> a leader\'s speech (rule 3), other defensible; «وكان» narrator background; the mosque in Mosul -> iraq (rule 27)'),
('العاشر من يونيو/ حزيران','2014-06-10','2014-06-10','day','attack','iraq','isis','media','ctx-year: year fixed by the preceding date (2014); territorial seizure of Mosul by ISIS (rule 9); «بعد أقل من شهر» not a row'),
('عام 1172','1172-01-01','1172-12-31','year','other','iraq','','media','history: construction of the mosque; place from the same object (Mosul, rule 21b)'),
('19 فبراير/ شباط الماضي','2017-02-19','2017-02-19','day','attack','iraq','iraqi_security_forces','media','rel: الماضي -> 2017; start of the west Mosul battle'),
('الأحد الماضي','2017-06-18','2017-06-18','day','attack','iraq','iraqi_security_forces','media','past weekday with الماضي -> the most recent Sunday before Thursday 22 June; storming of the old city'),
]
R['cg07'] = [
('21 أغسطس/ آب 2019','2019-08-21','2019-08-21','day','other','','','media','page timestamp (BBC)'),
('مساء الثلاثاء','2019-08-20','2019-08-20','day','attack','iraq','','media','judgement: explosion at a PMF depot near Balad air base, named in the appended clause «وآخرها انفجار …» = outlet background, not part of al-Muhandis\'s claim (popular_mobilization_forces defensible); attack (the suite of blasts treated as strikes) with the attacker disputed -> actor empty; «شمالي بغداد» -> iraq; «في الأسابيع الماضية» not a row'),
('الأربعاء','2019-08-21','2019-08-21','day','agreement','iraq','popular_mobilization_forces','popular_mobilization_forces','wd-sameday; «في بيان الأربعاء» (rule 1); place from what was said (attacks inside Iraq)'),
('12 أغسطس/ آب','2019-08-12','2019-08-12','day','attack','iraq','','media','judgement: rel -> 2019; Saqr camp «جنوبي بغداد» -> iraq (relational location, as «شمالي بغداد»), baghdad defensible; attacker unknown'),
('19 يوليو/ تموز','2019-07-19','2019-07-19','day','attack','iraq','','media','rel -> 2019; camp near Amerli, Salahuddin -> iraq'),
('15 أغسطس/ آب','2019-08-15','2019-08-15','day','agreement','iraq','iraqi_government','media','order by Abdul Mahdi (rule 2, أمر is not a reporting verb); «في الأجواء العراقية» -> iraq'),
('يوليو/ تموز','2019-07-01','2019-07-31','month','attack','iraq','','united_states','rel -> July 2019; NYT as conduit for «مسؤولين أمريكيين» (rule 13) -> united_states; Israel outside core -> actor empty; place from the parent process (blasts in Iraq, rule 21b)'),
('العام الماضي','2018-01-01','2018-12-31','year','agreement','','united_states','media','US exit from the nuclear deal (rule 3)'),
]
R['cg08'] = [
('الخميس، 03 مارس / آذار 2016','2016-03-03','2016-03-03','day','other','','','media','page timestamp (CNN «نشر weekday، dd month / month yyyy»); weekday + comma + date read as one surface'),
('الأربعاء','2016-03-02','2016-03-02','day','agreement','iraq','iraqi_government','media','signing a contract (rule 3); Mosul dam -> iraq (argument locative, rule 21a)'),
('الاثنين','2016-02-29','2016-02-29','day','agreement','baghdad','united_states','united_states','judgement: embassy bulletin = warning (rule 1); place of the statement = the embassy «في بغداد» (rule 27), iraq defensible from the content; US embassy -> united_states (rule 14)'),
('أغسطس/ آب 2014','2014-08-01','2014-08-31','month','attack','iraq','isis','media','territorial seizure of the dam (rule 9); «لنحو عشرة أيام» not a row'),
('ديسمبر/ كانون الأول الماضي','2015-12-01','2015-12-31','month','agreement','iraq','','','rel: الماضي -> December 2015; Italy announces a deployment (rule 2); claimant-outside-core:Italy; actor empty; place of the deployment (dam site -> iraq)'),
('عام 1984','1984-01-01','1984-12-31','year','other','iraq','','media','construction of the dam (history)'),
('عام 2006','2006-01-01','2006-12-31','year','agreement','iraq','pentagon','pentagon','judgement: «ووصفه سلاح المهندسين … عام 2006» a description = speech act of its own clause (rules 1, 11); US Army Corps of Engineers read as «الجيش الأميركي» -> pentagon (rule 14); place from what was said (the dam)'),
]
R['cg09'] = [
('الثلاثاء، 15 أكتوبر / تشرين الأول 2019','2019-10-15','2019-10-15','day','other','','','media','page timestamp (CNN); weekday + comma + date one surface'),
('الاثنين','2019-10-14','2019-10-14','day','agreement','','united_states','media','Treasury sanctions (rule 3); target of a non-physical act is not a place (rule 23); فرضت is not a reporting verb'),
('التاسع من أكتوبر/ تشرين الأول','2019-10-09','2019-10-09','day','attack','syria','turkey','media','rel -> 2019; start of the Turkish offensive «في شمال شرق سوريا»'),
('صباح الثلاثاء','2019-10-15','2019-10-15','day','other','syria','syria','media','judgement: wd-sameday; Syrian army units enter Manbij under a deal = deployment that starts (rule 6), attack defensible (military operation)'),
('مساء الأحد','2019-10-13','2019-10-13','day','agreement','syria','sdf','sdf','relative clause with its own speaker «أعلنت عنه قوات سوريا الديمقراطية» (rule 11); place: Manbij in the sentence -> syria'),
('الأحد','2019-10-13','2019-10-13','day','agreement','syria','pentagon','pentagon','Esper «قال … الأحد» (rule 1); Secretary of Defense -> pentagon (rule 14); place from what was said (pull-out from northern Syria)'),
('الاثنين','2019-10-14','2019-10-14','day','withdrawal','syria','united_states','pentagon','«مسؤولون في البنتاغون» -> pentagon; the withdrawal «بدأ … الاثنين» (date on the drawdown clause); US troops -> united_states; northern Syria'),
('الأربعاء','2019-10-16','2019-10-16','day','talks','turkey','united_states','media','future weekday -> next Wednesday; Pence\'s visit to Ankara -> turkey'),
('أكتوبر/ تشرين الأول 2015','2015-10-01','2015-10-31','month','other','syria','united_states','media','timeline label; arrival of the first US special forces = presence that starts (rule 6); place from the timeline header «في شمال سوريا» (rule 21b)'),
('ديسمبر/ كانون الأول 2018','2018-12-01','2018-12-31','month','agreement','syria','united_states','united_states','timeline label; «ترامب يعلن سحب …» date on the announcement (rule 2); claimant the announcer'),
('أغسطس/ آب 2019','2019-08-01','2019-08-31','month','agreement','','','media','judgement: timeline label; US–Turkey agreement «على الحدود» (Syria–Turkey border) -> place empty (two countries; not inferred from the header), syria defensible; two core agents and no force named -> actor empty (rule 19); تتفقان is not a reporting verb'),
('6 أكتوبر/ تشرين الأول 2019','2019-10-06','2019-10-06','day','agreement','syria','united_states','united_states','timeline label; White House announces the pull-back (rule 2; White House -> united_states); place from the header (US presence in northern Syria, rule 21b)'),
]
R['cg10'] = [
('الاثنين 20 نوفمبر 2017','2017-11-20','2017-11-20','day','other','','','media','page timestamp (Jawhara FM)'),
('اليوم الاثنين','2017-11-20','2017-11-20','day','other','iraq','iraq','media','judgement: court ruling (rule 29) -> other; the Federal Supreme Court acts for the state -> actor iraq (rule 29 by analogy with the president); «في العراق» locative of the court'),
('25 سبتمبر الماضي','2017-09-25','2017-09-25','day','other','kurdistan_region','kurdistan_region','media','referendum = vote (rule 5); held in the Kurdistan Region'),
('السادس من نوفمبر','2017-11-06','2017-11-06','day','other','iraq','iraq','iraq','judgement: earlier court ruling reported by the court spokesman via «مضيفا أن» -> claimant = the court = iraq (rule 14 institution of the state); rel -> 2017'),
('14 نوفمبر','2017-11-14','2017-11-14','day','agreement','iraq','kurdistan_region','kurdistan_region','judgement: KRG «أعلنت في 14 نوفمبر» (rule 1); place from what was said (Iraq\'s unity, rule 27), empty defensible'),
('7 جوان الماضي','2017-06-07','2017-06-07','day','agreement','kurdistan_region','kurdistan_region','media','Maghrebi جوان; Barzani sets the referendum date = decision (rule 3); coordinated clause «وقد حدد» with its own subject -> media (the «بحسب مفوضية الإقليم» attribution scopes the vote result only); regional president -> kurdistan_region; the region\'s referendum -> kurdistan_region (rule 21d)'),
('16 أكتوبر','2017-10-16','2017-10-16','day','withdrawal','iraq','kurdistan_region','media','Peshmerga pull out of Kirkuk (rule 8 withdrawal follows the label); place left = Kirkuk -> iraq (rule 24); «خلال أيام» not a row'),
]
R['cg11'] = [
('الاثنين 30 سبتمبر 2019','2019-09-30','2019-09-30','day','other','','','media','page timestamp (Jawhara FM)'),
('اليوم الاثنين','2019-09-30','2019-09-30','day','other','','','media','reopening of a border crossing (other); crossing between Iraq and Syria -> place empty (rule 22, places: iraq, syria); joint Iraq–Syria agents with no force named -> actor empty (rule 19); «سنوات» not a row'),
('أفريل الماضي','2019-04-01','2019-04-30','month','agreement','syria','','syria','judgement: Maghrebi أفريل; rel -> April 2019; the two sides agreed (rule 3) at a meeting in Damascus -> syria (rule 27); joint agents -> actor empty; Syrian governor -> syria (official of a core state)'),
('أواسط سبتمبر','2019-09-11','2019-09-20','day','other','','','media','judgement: أواسط = days 11–20; scheduled (then postponed) reopening; month without year in the current month -> September 2019; crossing -> place empty as above'),
('25 أوت','2019-08-25','2019-08-25','day','attack','iraq','','media','Maghrebi أوت; rel -> 2019; drone strike near al-Qaim by unknown aircraft -> actor empty; «في الأسابيع الأخيرة» not a row'),
('جوان 2014','2014-06-01','2014-06-30','month','attack','iraq','isis','media','Maghrebi جوان; ISIS seizes al-Qaim (rule 9)'),
('3 نوفمبر 2017','2017-11-03','2017-11-03','day','attack','iraq','iraqi_security_forces','media','Iraqi forces retake al-Qaim; «بعد أيام» not a row'),
]
R['cg12'] = [
('الخميس 26 أكتوبر 2017','2017-10-26','2017-10-26','day','other','','','media','page timestamp (Jawhara FM)'),
('اليوم الخميس','2017-10-26','2017-10-26','day','talks','iran','iraqi_government','media','Abadi\'s visit to Tehran -> iran; PM -> iraqi_government'),
('أمس الأربعاء','2017-10-25','2017-10-25','day','talks','turkey','iraqi_government','media','meeting with Erdogan in Ankara -> turkey; «وكان … قد التقى» narrator; the following «وقال» clause carries no date'),
('الأحد','2017-10-22','2017-10-22','day','talks','','iraqi_government','media','judgement: Abadi takes part in the Saudi–Iraqi coordination council in Riyadh (outside core -> place empty); actor = the core participant named as subject (iraqi_government), empty defensible'),
('الاثنين','2017-10-23','2017-10-23','day','agreement','iraq','iraqi_government','iraqi_government','Abadi\'s office «رد … الاثنين ببيان أكد فيه» (rule 1); place from what was said (Iraqi affairs, rule 27)'),
('جوان الماضي','2017-06-01','2017-06-30','month','talks','','iraqi_government','media','Maghrebi جوان; visits to Riyadh and Tehran -> place empty (places: Riyadh outside core, iran; rule 22)'),
('25 سبتمبر','2017-09-25','2017-09-25','day','other','kurdistan_region','kurdistan_region','media','rel -> 2017 (most recent past 25 September); referendum (rule 5)'),
('العام الماضي','2016-01-01','2016-12-31','year','other','','','media','trade volume (economy); Iraq–Iran trade -> place empty (places: iraq, iran)'),
]
