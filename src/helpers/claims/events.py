"""What a date is of: the event trigger or the speech act that times it, and denial.
"""

from __future__ import annotations

from collections.abc import Callable

from .article import (
    CLAUSE_MARK,
    MAX_SPEAKER_WORDS,
    MAX_SPEECH_WORDS,
    NEGATION_WORDS,
    ClaimArticle,
    opens,
    words_between,
)
from .cues import WORD, Cue

__all__ = ["EventRules"]

ANNOUNCED_WORDS = 4  # «أعلن … تحرير الجانب الشرقي في 24 يناير»: the object's words before the date


class EventRules:
    """The event of a milestone (``CLAIMS.md``, «event»); ``self.a`` is the article."""

    a: ClaimArticle
    own_forces: Callable[[str], bool]  # ActorRules.own_forces: the extractor mixes the rules of every column

    def event(self, start: int, end: int) -> tuple[str, Cue | None, Cue | None]:
        """(event, trigger cue, speech verb cue when the date times a speech act)."""
        a = self.a
        c0, c1 = self.date_clause(start, end)
        si = a.sentence_of(start)
        s0, s1 = a.sentences[si]
        clause_cues = a.cues_in(c0, c1)
        triggers = [c for c in clause_cues if c.table == "events" and not (c.start < end and c.end > start)]
        verbs = [c for c in clause_cues if c.table == "reporting" and c.value in ("verb", "continuation")]
        until = self.until_before(start, c0)
        # a date at the head of its clause («…، نيكي هيلي، يوم الخميس إن») may time a verb clauses before it
        # («…، قد أعلنت، في وقت سابق من الشهر الحالي، …»: a time adverbial before the date does not count)
        head = a.clause_of(start)[0]
        lone = len(WORD.findall(a.text, head, start))
        if lone > 2 and a.has_time_cues:
            lone -= sum(len(WORD.findall(a.text, c.start, c.end)) for c in a.cues_in(head, start, "dates")
                        if c.value == "time")
        lone = lone <= 2
        # a reporting verb before the date, nothing between but names and weak words: the date times the speech
        for v in reversed([v for v in (a.cues_in(s0, c1, "reporting") if lone else verbs)
                           if v.end <= start and v.value in ("verb", "continuation")]):
            between = [c for c in a.cues_in(v.end, start) if c.table == "events" and c.priority > 1
                       or c.table == "reporting" and c.value != "attribution"]
            if not between and not until and words_between(a, v.end, start) <= MAX_SPEECH_WORDS:
                return "agreement", v, v
            if between and not until and self.set_off_after_subject(v, start, end, between):
                return "agreement", v, v
            if between and not until and self.announced_object(v, start, between):
                return "agreement", v, v
            break
        speech = None if until else self.between_verb_and_content(start, end, s0, s1)
        if speech is not None:
            return "agreement", speech, speech
        trigger = self.pick([c for c in triggers if c.end <= start], start, end)
        if trigger is None or trigger.priority <= 1:
            # the date before a reporting verb, nothing between («وفي أغسطس 2012 حذر أوباما», «8 مايو 2018، أعلن»);
            # a weak word before it does not stop that («وفي اجتماع الثلاثاء، أعرب ترامب عن»: CLAIMS.md, rule 4)
            window = a.cues_in(c0, s1 if lone else c1)
            for v in [c for c in window if c.table == "reporting" and c.start >= end]:
                if v.value not in ("verb", "continuation") or v.start >= c1 and WORD.search(a.text, end, c1) or \
                        a.after_relative(v.start):  # «… الثلاثاء، على الحزمة التي أعلنها العبادي»: the antecedent's
                    break  # «بني السد عام 1984 على أرض …، ووصفه …»: the date's clause goes on, the verb is another's
                between = [c for c in window if c.table == "events" and end <= c.start and c.end <= v.start]
                if not between and not until:
                    return "agreement", v, v
                break
        if trigger is None:
            trigger = self.pick([c for c in triggers if c.start >= end], start, end)
        if trigger is None or trigger.priority == 0:
            # not from a relative clause about someone else («…، الذي قتل منذ عامين، …») unless it holds the date
            sentence_triggers = [c for c in a.cues_in(s0, s1, "events") if not (c.start < end and c.end > start)
                                 and (c0 <= c.start < c1 or not self.in_relative_clause(c.start))]
            weak, trigger = trigger, self.pick(sentence_triggers, start, end)
            if weak is not None and (trigger is None or trigger.priority == 0):
                trigger = weak  # «خلال عملية لمكافحة الإرهاب»: a bare operation only when the sentence has no event word
        if trigger is not None and self.ends_no_mission(trigger, c0, c1):
            return "other", None, None  # «أن تنتهي ولايته», «تنتهي مهلة وقف إطلاق النار»: what ends is no mission
        if trigger is None:
            return "other", None, None
        event = trigger.value
        meeting = self.meeting_held(trigger, c1) if event == "presence" else None
        if meeting is not None:
            return "talks", meeting, None  # «تستضيف باريس الاثنين المقبل مؤتمرا دوليا»: a meeting, no forces
        if event == "handover" and trigger.priority == 1 and not self.hands_a_site(trigger):
            # «سلم» alone: a handover only of a base, a position or a task («وسلم التحالف عددا من القواعد»)
            return self.other_event(triggers, event, start, end)
        if event == "handover" and self.delivers_equipment(trigger):
            # «عملية التسليم ستتواصل», «تسليم معدات … إلى تركيا»: weapons delivered, no base or task handed over
            return self.other_event(triggers, event, start, end)
        if event == "agreement" and trigger.table == "events" and trigger.priority <= 1 and \
                a.text[trigger.start - 1:trigger.start] not in "بل" and \
                any(c.value == "court" for c in a.cues_in(*a.clause_of(trigger.start), "scopes")):
            # «أصدرت محكمة الجنايات … أحكاما»: a court's decision is a ruling (CLAIMS.md rules 5, 29); not a
            # decision a court is named in («التزامه بقرار المحكمة»)
            return "other", trigger, None
        if event == "presence" and self.since_before(start, c0):
            event = "other"  # a presence that starts at the date is not a drawdown claim
        elif event in ("presence", "withdrawal") and any(c.value == "post" for c in a.cues_in(c0, c1, "scopes")):
            event = "other"  # «سيبقى في منصبه حتى», «أن يغادر منصبه في»: a term of office (CLAIMS.md rule 5), no forces
        elif event == "presence" and self.stays_no_force(trigger, s0, c0, c1):
            # «عمليات التمشيط ستستمر», «تواصل فرق الإنقاذ البحث»: no forces stay; another word of the clause
            # may name what goes on («الموعد النهائي للانسحاب قد يمتد حتى …»)
            return self.other_event(triggers, event, start, end)
        return event, trigger, None

    def ends_no_mission(self, trigger: Cue, c0: int, c1: int) -> bool:
        """Is ``trigger`` a bare word of ending (events.csv: mission_end of priority 2, «تنتهي», «انتهاء») whose
        clause names no mission, phase or presence (scopes.csv ``mission``: «المهمة», «المرحلة الأولى»,
        «وجودها العسكري»)? A term, a deadline or a battle ends too (CLAIMS.md: mission_end is the end of a
        mission)."""
        if trigger.value != "mission_end" or trigger.priority != 2 or " " in self.a.text[trigger.start:trigger.end]:
            return False  # «تنتهي المرحلة»: the phrase names the phase itself
        a = self.a
        lo, hi = min(c0, a.clause_of(trigger.start)[0]), max(c1, a.clause_of(trigger.start)[1])
        if a.text[lo - 1:lo] in ":؛" and lo > a.sentences[a.sentence_of(lo)][0]:
            # «ستنتهي مهمة التحالف على مرحلتين: تنتهي الأولى في …»: after a colon the clause tells the parts
            # of what the clause before it named
            lo = a.clause_of(lo - 1)[0]
        return not any(c.value == "mission" for c in a.cues_in(lo, hi, "scopes"))

    def stays_no_force(self, trigger: Cue, s0: int, c0: int, c1: int) -> bool:
        """Is ``trigger`` a word of staying or going on (events.csv presence: «ستستمر», «تواصل», «بقاء») with no
        forces (forces.csv, «القوات», «قواته»), mission or presence (scopes.csv ``mission``) or foreign mission
        (missions.csv) named in its sentence up to the end of its clause or the date's? Work, talks or a search go on too
        (CLAIMS.md: presence is forces staying)."""
        a = self.a
        hi = max(c1, a.clause_of(trigger.start)[1])
        if any(c.table == "forces" or c.value == "mission" for c in a.cues_in(s0, hi, "forces", "scopes")):
            return False
        if any(m.entity_id in a.tables.missions for m in a.mentions_in(s0, hi)):
            return False
        return not any(self.own_forces(word) for word in WORD.findall(a.text, s0, hi))  # «قواته ستبقى»

    def other_event(self, triggers: list[Cue], event: str, start: int, end: int) -> tuple[str, Cue | None, None]:
        """The clause's nearest trigger of another event than ``event``, which its clause showed it is not,
        else `other`."""
        found = self.pick([c for c in triggers if c.value != event], start, end)
        return (found.value, found, None) if found is not None else ("other", None, None)

    def delivers_equipment(self, trigger: Cue) -> bool:
        """Does a word of handing over (events.csv handover) have weapons or equipment in its sentence (scopes.csv
        ``delivered``: «معدات», «المنظومة») and neither a site (a city, base or area) nor a base, post or task
        (``handed``: «قاعدة», «المسؤولية», «المواقع»)? A handover is of bases, positions or tasks (CLAIMS.md);
        weapons or a system handed over are a delivery (rule 5: weapons transfer is `other`)."""
        a = self.a
        lo, hi = a.sentences[a.sentence_of(trigger.start)]  # «عملية التسليم بدأت …» after «سلمت القاعدة»
        roles = {c.value for c in a.cues_in(lo, hi, "scopes")}
        if "delivered" not in roles or "handed" in roles:
            return False
        return not any(a.tables.types.get(m.entity_id) in ("FAC", "CITY", "LOC") for m in a.mentions_in(lo, hi))

    def hands_a_site(self, trigger: Cue) -> bool:
        """Does a word of what a handover hands over (scopes.csv ``handed``: قاعدة، القواعد، المسؤولية) follow
        ``trigger`` in its sentence?"""
        a = self.a
        s1 = a.sentences[a.sentence_of(trigger.start)][1]
        return any(c.value == "handed" for c in a.cues_in(trigger.end, s1, "scopes"))

    def meeting_held(self, trigger: Cue, c1: int) -> Cue | None:
        """The meeting noun (events.csv, talks of priority 1: اجتماع، مؤتمر) a presence verb hosts or continues,
        before any noun of forces in its clause («استضافت روما اجتماعا مماثلا»); None when forces come first
        («تستضيف قوات أمريكية»)."""
        for cue in self.a.cues_in(trigger.end, c1, "events", "forces"):
            if cue.table == "forces":
                return None
            if cue.value == "talks" and cue.priority == 1:
                return cue
        return None

    def set_off_after_subject(self, verb: Cue, start: int, end: int, between: list[Cue]) -> bool:
        """Is the date set off alone by commas right after the reporting verb's subject, with only event words
        of that subject between them («أعلن قائد عمليات تحرير الفلوجة، الفريق …، الأحد، أن», «أعلنت المفوضية
        العليا للانتخابات، اليوم الاثنين، النتائج»)? Then it times the speech (CLAIMS.md rule 1): news
        names the speaker, then the day, then what was said."""
        a = self.a
        d0, d1 = a.clause_of(start)
        # «، مساء الاثنين،»: a time of day (dates.csv ``time``) before the date is part of it
        timed = max([c.end for c in a.cues_in(d0, start, "dates") if c.value == "time"] or [d0])
        if WORD.search(a.text, timed, start) or WORD.search(a.text, end, d1) or a.text[d0 - 1:d0] not in ",،" \
                or any(c.table != "events" for c in between):
            return False
        lo = a.clause_of(verb.start)[0]
        return opens(a, lo, verb.start) and words_between(a, verb.end, start) <= MAX_SPEECH_WORDS

    def announced_object(self, verb: Cue, start: int, between: list[Cue]) -> bool:
        """Is the date right after what an announcing verb (scopes.csv ``announce``: أعلن) announces, a noun of
        event as its object, with only its subject between them («أعلن رئيس الوزراء تحرير الجانب الشرقي في 24
        يناير»)? Then it dates the announcement (CLAIMS.md rule 2), not the event announced."""
        a = self.a
        if not any(c.value == "announce" for c in a.cues_in(verb.start, verb.end, "scopes")):
            return False
        if any(c.table != "events" for c in between) or CLAUSE_MARK.search(a.text, verb.end, start):
            return False
        first, last = between[0], between[-1]
        return words_between(a, verb.end, first.start) <= MAX_SPEAKER_WORDS and \
            words_between(a, last.end, start) <= ANNOUNCED_WORDS and \
            not [c for c in a.cues_in(last.end, start, "reporting") if c.value != "complementizer"]

    def in_relative_clause(self, pos: int) -> bool:
        """Does the clause of ``pos`` open with a relative pronoun (background.csv, ``relative``: الذي، التي)?"""
        a = self.a
        lo, hi = a.clause_of(pos)
        found = a._relative.get(lo)
        if found is None:
            found = a._relative[lo] = a.opens_with(lo, hi, "relative")
        return found

    def between_verb_and_content(self, start: int, end: int, s0: int, s1: int) -> Cue | None:
        """The reporting verb whose «أن/إن» follows the date, the date lying between them with no other
        reporting word or strong trigger («وقال X، لقادة … في مؤتمر أمني … السبت، إن …»): the date times
        the speech, wherever the commas fall (CLAIMS.md, rules 1 and 4)."""
        a = self.a
        verbs = [v for v in a.cues_in(s0, start, "reporting") if v.value in ("verb", "continuation")]
        if not verbs:
            return None
        verb = verbs[-1]
        following = a.cues_in(end, s1, "reporting")
        if not following or following[0].value != "complementizer" or a.cues_in(verb.end, start, "reporting"):
            return None
        strong = [c for c in a.cues_in(verb.end, following[0].start, "events")
                  if c.priority > 1 and not (c.start < end and c.end > start)]
        return None if strong else verb

    def date_clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause of a date; a date set off alone by commas («أعلنتا، الجمعة، إنهاء») joins the one before."""
        key = (start, end)
        found = self.a._date_clauses.get(key)
        if found is None:
            found = self.a._date_clauses[key] = self._date_clause(start, end)
        return found

    def _date_clause(self, start: int, end: int) -> tuple[int, int]:
        a = self.a
        c0, c1 = a.clause_of(start)
        before = WORD.findall(a.text, c0, start)
        if c0 > a.sentences[a.sentence_of(start)][0] and (
                len(before) <= 1 and not WORD.findall(a.text, end, c1) or not before or before == ["يومي"]):
            return a.clause_of(c0 - 1)[0], c1  # «…، الجمعة، …», «…، يومي 15 و16 أبريل»
        return c0, c1

    @staticmethod
    def pick(cues: list[Cue], start: int, end: int) -> Cue | None:
        """The nearest trigger before the date, else after it; a priority-0 word only when there is no other."""
        strong = [c for c in cues if c.priority > 0]
        cues = strong or cues
        if not cues:
            return None
        before = [c for c in cues if c.end <= start]
        if before:
            return max(before, key=lambda c: (c.end, c.priority))
        after = [c for c in cues if c.start >= end]
        return min(after, key=lambda c: (c.start, -c.priority)) if after else cues[0]

    def until_before(self, start: int, lo: int) -> bool:
        return any(c.value == "until" for c in self.a.cues_in(max(lo, start - 25), start, "dates")
                   if words_between(self.a, c.end, start) <= 1)

    def held_since(self, start: int, trigger: Cue | None) -> bool:
        """Is the date the start of a hold on territory — a word of control (scopes.csv ``control``:
        «تسيطر عليها … منذ جوان 2014») as its event word, «منذ» right before the date? Held by ISIS it is
        an attack (CLAIMS.md rule 9, its territorial seizure); held by another core side it is a presence that
        starts at the date, `other` (rule 6) — the caller knows the holder once the actor is read, and a holder
        it cannot name stays an attack."""
        a = self.a
        return trigger is not None and trigger.value == "attack" and \
            any(c.value == "control" for c in a.cues_in(trigger.start, trigger.end, "scopes")) and \
            self.since_before(start, a.sentences[a.sentence_of(start)][0])

    def since_before(self, start: int, lo: int) -> bool:
        return any(c.value == "since" for c in self.a.cues_in(max(lo, start - 25), start, "dates")
                   if words_between(self.a, c.end, start) <= 1)


    def negated(self, trigger: Cue | None, start: int) -> bool:
        if trigger is None:
            return False
        a = self.a
        c0, _ = a.clause_of(trigger.start)
        return any(words_between(a, c.end, trigger.start) <= NEGATION_WORDS
                   for c in a.cues_in(c0, trigger.start, "negation") if c.end <= trigger.start)
