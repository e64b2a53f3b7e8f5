"""By whom: the agent of a milestone's event, or the mission it belongs to.
"""

from __future__ import annotations

import bisect

from ..claim_tables import DRAWDOWN
from ..gazetteer import match_key
from .article import (
    CLAUSE_MARK,
    PLACE_TYPES,
    ClaimArticle,
    Mention,
    after_cue,
    is_cue,
    place_role,
    words_between,
)
from .cues import WORD, Cue
from .places import home_countries

__all__ = ["ActorRules"]

# a complementizer with a pronoun that refers back to the speaker: «أنها», «بأنهم»; «أنه» only right before the
# verb (``pronoun_subject``): elsewhere it is as often the impersonal pronoun («أنه في التاسع من …»)
PRONOUN_ENDINGS = ("ها", "هم", "هما")
POSSESSIVE_ENDINGS = ("ه", "ها", "هم", "هما")  # «قواته», «قواتها», «قواتهم»
OWN_COUNTRY_WORDS = 3  # «بلاده» this close to the trigger, in its clause, is the act's subject
LIBERATED_WORDS = 4  # the place freed lies within this many words after the liberation word («الجزء الغربي من»)


class ActorRules:
    """The actor of a milestone (``CLAIMS.md``, «actor»)."""

    a: ClaimArticle

    def actor(self, start: int, end: int, event: str, trigger: Cue | None, speech: Cue | None, claimant: str) -> str:
        found = self._actor(start, end, event, trigger, speech, claimant)
        if event == "attack" and speech is None:  # for the attacks after it (rule 20)
            self.a.attack_actors.append((start, self.a.paragraph_of(start), found))
        return found

    def _actor(self, start: int, end: int, event: str, trigger: Cue | None, speech: Cue | None, claimant: str) -> str:
        a = self.a
        si = a.sentence_of(start)
        s0, s1 = a.sentences[si]
        c0 = a.clause_of(start)[0]
        if speech is not None:
            who = self.speaker(speech) or claimant
            if who in ("media", "unnamed") and claimant not in ("", "media", "unnamed"):
                who = claimant  # «…، وفق ما ذكرت وسائل إعلام تركية»: the conduit hides the speaker the claimant names
            if "+" in who:
                return self.joint_concern(c0, self.same_event_end(c0, s1), start, event)
            return "" if who in ("media", "unnamed") else who
        if event == "other" and self.election(start):
            region = self.seceding_region(start)
            if region:
                return region  # «استفتاء الانفصال الذي أجري في 25 سبتمبر»: held by the region that would secede
            # an election is held by its country (the place's rule 21d, as the agent): «وتستعد البلاد
            # لانتخابات», «فوز ترامب في انتخابات الرئاسة», not the politician who hopes to win it
            frames = self.frames(si)
            return self.home_country(*a.clause_of(start), frames) or self.home_country(s0, s1, frames)
        if trigger is None:
            found = self.verb_subject(start, end)
            if not found:
                # no event word: forces named by a nisba in the date's clause («دبابة تركية قرب الحدود في 24 آب»);
                # any strong agent there (people, organisations) lost rows on the real set
                d0, d1 = self.date_clause(start, end)
                strong = sorted((x for x in self.agents(d0, d1, si)[0] if x[1] is not None and x[1].form == "adjective"),
                                key=lambda x: x[0])
                found = strong[0][2] if strong and strong[0][2] not in ("joint", "media") else ""
            return found
        # «وكان البرلمان قد صوت …، وكلف العبادي»: the parliament; not joint agents (rule 19), nor talks, where
        # the subject may be the side that receives («وكانت بغداد قد تلقت … مذكرة من واشنطن»)
        named = self.pluperfect_subject(trigger, c0) if event != "talks" else None
        if named and "+" not in named and not named.startswith("@"):
            return self.forces_of(named) if event == "attack" or event in DRAWDOWN else named
        lo, hi = a.clause_of(trigger.start)
        if lo <= start < hi:
            lo = min(lo, self.date_clause(start, start)[0])
        one_speaker = claimant not in ("", "media", "unnamed") and "+" not in claimant
        if one_speaker and self.pronoun_subject(lo, trigger):
            return claimant  # «أعلنت الشرطة التركية أنها اعتقلت …»: the speaker is the agent
        if one_speaker and self.own_forces_subject(lo, trigger):
            return self.forces_of(claimant)  # «أكد التحالف أن طائراته نفذت 24 غارة»: the speaker's own forces
        if one_speaker and (event == "attack" or event in DRAWDOWN) and self.own_country_near(trigger, lo, hi):
            return self.forces_of(claimant)  # «إن بلاده ستسحب قواتها», «الغارات التي شنتها بلاده»
        if event == "handover":  # the side handing over: the foreign mission, named here or before
            p0 = a.paragraph_starts[max(a.paragraph_of(s0), 0)]
            for w0, w1 in ((lo, hi), (s0, s1), (p0, s1), (0, s1)):
                found = self.mission_in(w0, w1)
                if found:
                    return found
        owner = self.nisba_of_trigger(trigger, start)
        if owner:
            return owner  # «الانسحاب الأمريكي من سوريا في 11 يناير», «العقوبات الأميركية … في السادس من أغسطس»
        if event == "attack" and any(c.value == "patient" and c.start == trigger.start
                                     for c in a.cues_in(trigger.start, trigger.end, "scopes")):
            owner = self.strike_nisba_after(trigger, s1)  # «مقتل أبو وهيب، أحد قادة التنظيم، بغارة أمريكية»
            if owner:
                return owner
        # another predicate of the clause («التقى … في 20 مارس وقال إنه …») has agents of its own
        hi = min([c.start for c in a.cues_in(trigger.end, hi, "reporting") if c.value in ("verb", "continuation")][:1]
                 or [hi])
        # a date right after its trigger («لصد هجوم السابع من فبراير») is that event's: a strike named before
        # the trigger («ضربات أميركية لصد هجوم …») is another one, whose nisba names no agent of this one
        own = trigger.start if not a.text[trigger.end:start].strip() else lo
        strong, weak = self.agents(lo, hi, si, after=trigger.end, trigger=trigger, strikes_from=own)
        pool = strong or weak
        relative = self.relative_after(trigger, start, hi)
        if relative is not None:
            # «تمكن الجيش، أمس، من كسر الحصار الذي فرضه التنظيم»: the clause about the trigger noun names its
            # own agent; the dated act is the subject's, when one is named before it
            outside = [x for x in pool if x[0] < relative]
            if not outside and lo > s0:  # the subject of the sentence, before the trigger's clause
                outside = sorted(self.agents(s0, lo, si)[0])[:1]
            pool = outside or pool
        if not pool and event == "attack" and lo > s0 and not self.in_relative_clause(lo):
            # «…، بعد استعادة القوات الحكومية مدينة الموصل في يوليو»: the forces of the freed place's country,
            # not the agent of the clause before (CLAIMS.md rule 20); «داعش، الذي استعاد …» is the antecedent's act
            freed = self.liberator(lo, hi)
            if freed:
                return freed
        if not pool and lo > s0 and not self.opens_with_report(lo, hi):
            p0 = a.clause_of(lo - 1)[0]
            if p0 <= start < lo:  # the date set off alone by commas («صوت البرلمان، أمس الأحد، على قرار»)
                p0 = self.date_clause(start, start)[0]  # joins the clause before it, as in the event rules
            strong, weak = self.agents(p0, lo, si)  # a passive clause after its subject's
            # «وتنشر واشنطن …، بعد أن سحبت قواتها منه»: the owner of the forces the act moves is that subject,
            # a country or capital too
            pool = strong or (weak[:1] if self.moves_own_forces(trigger) else [])
        if not pool and hi < s1 and not self.opens_with_report(hi, a.clause_of(hi)[1]) \
                and not self.opens_with_break(hi, a.clause_of(hi)[1]):
            pool = self.agents(hi, a.clause_of(hi)[1], si)[0]  # «وفي لقاء منفصل أمس، ناقش السوداني…»
        if not pool and lo > s0 and self.parenthetical_before(s0, lo):
            # «استعاد الجيش السوري، بدعم من الطيران الروسي، السيطرة على تدمر»: the subject of the sentence's first
            # clause, past a clause of support between
            pool = self.agents(s0, a.clause_of(s0)[1], si)[0]
        d0, d1 = self.date_clause(start, end)
        if not pool and d1 <= lo and not self.opens_with_report(d0, d1):
            # «وصل رئيس الوزراء العراقي، اليوم الثلاثاء، إلى طهران على رأس وفد، في أول زيارة له»: the subject is
            # in the date's clause, clauses before the trigger's
            pool = self.agents(d0, d1, si)[0]
        if not pool and event in DRAWDOWN:  # the forces or mission named in the sentence
            pool = [x for x in self.agents(s0, s1, si)[0]
                    if x[1] is None or x[1].form == "adjective" or x[2] in a.tables.missions]
        if not pool and event == "attack":
            pool = self.claimed_by(s0, s1, si)  # «قتل جنديان في هجوم شنه مسلحون من تنظيم داعش»
        if not pool:
            if event == "attack" and claimant in a.tables.missions and not self.named_after(trigger):
                return claimant  # a mission's statement listing strikes without naming who struck: its own
            if event == "attack":
                freed = self.liberator(lo, hi) or self.liberator(*a.clause_of(start))
                if freed:
                    return freed
            if event == "attack" and a.cues_in(s0, s1, "series") and not any(
                    self.named_after(c, agents_only=True) for c in a.cues_in(s0, s1, "events") if c.value == "attack"):
                return self.earlier_attacker(start)  # unless the sentence names one outside the core («غارة روسية»)
            if event in ("mission_end", "presence"):
                return self.mission_before(start)
            return self.relative_subject(start, trigger, event) or self.deciding_speaker(s0, trigger, event, claimant)
        def distance(x) -> tuple[int, int]:
            if x[0] >= trigger.end:
                return words_between(a, trigger.end, x[0]), 0
            return words_between(a, x[0], trigger.start) - 1, 1

        _, m, side = min(pool, key=distance)
        if m is None:  # «الجانبان», «البلدان»: joint agents act for the mission the clause names
            return self.joint_concern(lo, self.same_event_end(hi, s1), start, event)
        group = a.coordinated(m, lo, hi)
        for x in sorted(x[1] for x in pool if x[1] is not None and x[1].start < m.start):
            earlier = a.coordinated(x, lo, hi)  # the nearest agent may close a pair («… جو بايدن ورئيس الوزراء …»)
            if m in earlier:
                group = earlier
                break
        sides = {a.side(g) for g in group} - {""}
        if len(sides) > 1:
            return self.joint_concern(lo, self.same_event_end(hi, s1), start, event, group)
        return side

    def deciding_speaker(self, s0: int, trigger: Cue, event: str, claimant: str) -> str:
        """The one side that states a decision or statement naming no agent («بحسب بيان للخارجية الأمريكية صدر
        مساء الأربعاء», «فرضت وزارة الخزانة الأمريكية، الجمعة، عقوبات»): the claimant, as for a speech act (CLAIMS.md
        rule 18: statement events are the speaker's); not an agreement, which has two sides (scopes.csv ``mutual``:
        «اتفاق», «اتفقا», rule 19), nor a decision inside what was said (after «أن/إن»), which is another's."""
        a = self.a
        if event != "agreement" or claimant in ("", "media", "unnamed") or "+" in claimant:
            return ""
        if any(c.value == "mutual" for c in a.cues_in(trigger.start, trigger.end, "scopes")):
            return ""
        if any(c.value == "complementizer" for c in a.cues_in(s0, trigger.start, "reporting")):
            return ""
        return claimant

    def relative_subject(self, start: int, trigger: Cue, event: str) -> str:
        """The agent of a dated event told in a relative clause that names none: the name the relative pronoun
        follows («تنظيم داعش الذي يسيطر على الموصل منذ يونيو 2014» → isis), when the pronoun opens the event's
        words, the trigger after it and the date in its clause; "" otherwise."""
        a = self.a
        c0 = a.clause_of(start)[0]
        relative = [c for c in a.cues_in(max(c0, trigger.start - 12), trigger.start, "background") if c.value == "relative"]
        if not relative or words_between(a, relative[-1].end, trigger.start) > 1 or a.clause_of(trigger.start)[0] != c0:
            return ""
        s0 = a.sentences[a.sentence_of(start)][0]
        before = [m for m in a.mentions_in(s0, relative[-1].start) if m.type != "DOC"]
        if not before or a.text[before[-1].end:relative[-1].start].strip(" ،,\"»”") or before[-1].form != "name" or \
                place_role(a, before[-1], s0) is not None:
            return ""  # «الموصل التي سيطر عليها التنظيم»: a place is where, not who; «الاتفاق الإيراني الذي»: a nisba
        side = a.side(before[-1])
        return self.forces_of(side) if side and (event == "attack" or event in DRAWDOWN) else side

    def parenthetical_before(self, s0: int, lo: int) -> bool:
        """Are the clauses between the sentence's first and ``lo`` all of support or company, opening with a
        places.csv ``other`` word («، بدعم من الطيران الروسي،», «مدعومة بـ …»), so the first clause's subject is
        the subject of the clause at ``lo``? («بمشاركة» is not one: those who take part are agents.)"""
        a = self.a
        b = a.clause_of(s0)[1]
        if b >= lo:
            return False
        while b < lo:
            c0, c1 = a.clause_of(b)
            first = WORD.search(a.text, c0, c1)
            if first is None or not is_cue(a, " ".join(match_key(first.group())), ("", "و"), "places", "other"):
                return False
            b = c1 if c1 > b else lo
        return True

    def verb_subject(self, start: int, end: int) -> str:
        """With no event word, the subject of the verb that opens the date's clause, after a fronted date
        («وفي يونيو 1967، قطعت سوريا علاقاتها …», «أغسطس 2005، رفضت إيران …»): a core name right after
        the clause's first word."""
        a = self.a
        c0, c1 = a.clause_of(start)
        s0, s1 = a.sentences[a.sentence_of(start)]
        # «وفي يونيو 1967،» opens the sentence alone: at most a preposition before the date, nothing after it
        fronted = c0 == s0 and c1 < s1 and len(WORD.findall(a.text, c0, start)) <= 1 and \
            not WORD.search(a.text, end, c1)
        n0, n1 = (c1, a.clause_of(c1)[1]) if fronted else (c0, c1)
        words = list(WORD.finditer(a.text, n0, n1))
        if len(words) < 2 or a.mentions_in(words[0].start(), words[0].end()) or \
                a.cues_in(words[0].start(), words[0].end(), "reporting"):
            return ""  # «وتقول الأمم المتحدة إن …»: the speaker, not the agent of what was said
        for m in a.mentions_in(words[1].start(), words[1].end() + 1):
            if m.start == words[1].start() and m.form == "name" and \
                    (a.tables.types.get(m.entity_id) in ("GPE", "ORG", "PER") or m.entity_id in a.tables.capitals):
                # «وكانت واشنطن قد أرسلت»: a capital acting is its government (CLAIMS.md rule 20)
                side = a.side(m)
                return "" if side == "media" else side
        return ""

    def relative_after(self, trigger: Cue, start: int, hi: int) -> int | None:
        """The offset of a relative pronoun (background.csv ``relative``) right after ``trigger``, when the date at
        ``start`` lies outside the relative clause (before it, or after the comma that closes it); else None."""
        a = self.a
        for cue in a.cues_in(trigger.end, min(hi, trigger.end + 12), "background"):
            if cue.value == "relative" and not a.text[trigger.end:cue.start].strip():
                inside = cue.start <= start < a.clause_of(cue.start)[1]
                return None if inside else cue.start
            break
        return None

    def liberator(self, lo: int, hi: int) -> str:
        """The forces of the country a campaign frees or retakes a place of, when no agent is named: the
        place right after a liberation word (scopes.csv) in ``lo..hi`` («الحملة العسكرية لتحرير الموصل»,
        «معارك استعادة الرمادي» -> iraqi_security_forces; CLAIMS.md rule 20)."""
        a = self.a
        for cue in a.cues_in(lo, hi, "scopes"):
            if cue.value != "liberation":
                continue
            if a.cues_in(a.clause_of(cue.start)[0], cue.start, "reporting"):
                return ""  # «أعلنت قوات سوريا الديمقراطية تحرير الرقة»: the speaker may be who freed it
            words = list(WORD.finditer(a.text, cue.end, hi))[:LIBERATED_WORDS]
            for m in a.mentions_in(cue.end, words[-1].end()) if words else ():
                country = a.country_holding(m.entity_id)
                if country:
                    return a.tables.sides[country][1]
            return ""
        return ""

    def seceding_region(self, start: int) -> str:
        """For a referendum on secession (an election word, then within four words a word of independence,
        scopes.csv ``secession``, in the date's sentence): the region that would secede, a core place part of a
        country (part_of.csv), named nearest in the sentence, else last before it («استفتاء الاستقلال» in an
        article about the Kurdistan Region is the Region's, CLAIMS.md rules 18 and 21d). The actor and the place
        of a row both ask: read once."""
        found = self.a._seceding.get(start)
        if found is None:
            found = self.a._seceding[start] = self._seceding_region(start)
        return found

    def _seceding_region(self, start: int) -> str:
        a = self.a
        s0, s1 = a.sentences[a.sentence_of(start)]
        t = a.tables
        for cue in a.cues_in(s0, start, "scopes"):  # the date after it: the referendum's own date
            if cue.value != "election":
                continue
            near = list(WORD.finditer(a.text, cue.end, s1))[:4]
            if not near or not any(c.value == "secession" for c in a.cues_in(cue.end, near[-1].end(), "scopes")):
                continue
            regions = [m for m in a.mentions_in(0, s1)
                       if t.types.get(m.entity_id) == "GPE" and t.part_of.get(m.entity_id) in t.sides]
            if not regions:
                return ""
            inside = [m for m in regions if m.start >= s0]
            best = min(inside, key=lambda m: abs(m.start - cue.start)) if inside else regions[-1]
            return best.entity_id
        return ""

    def election(self, start: int) -> bool:
        """Is an election word (scopes.csv, role ``election``) in the date's clause? Then the election is what
        is dated, not an object of another act («تأجيل الانتخابات، حتى …»: the one who postpones acts)."""
        return any(c.value == "election" for c in self.a.cues_in(*self.a.clause_of(start), "scopes"))

    def earlier_attacker(self, start: int) -> str:
        """The agent of the attack dated last before ``start``, in its paragraph or the one before: a strike
        (series.csv) in a running list whose own sentence names no one («وفي الأول من … قتل ثلاثة مدنيين في
        ضربة»; CLAIMS.md rule 20, the same series of strikes)."""
        a = self.a
        earlier = [x for x in a.attack_actors if x[0] < start]
        if not earlier:
            return ""
        _, paragraph, who = max(earlier)
        return who if a.paragraph_of(start) - paragraph <= 1 else ""

    def pronoun_subject(self, lo: int, trigger: Cue) -> bool:
        """Is the trigger's subject the pronoun of a complementizer just before it («أنها ألقت القبض»; «إنه
        سيزور» when the verb comes right after it: the impersonal «أنه» is followed by what it introduces)?"""
        a = self.a
        for c in a.cues_in(lo, trigger.start, "reporting"):
            if c.value != "complementizer":
                continue
            between = words_between(a, c.end, trigger.start)
            written = a.text[c.start:c.end]
            if written.endswith(PRONOUN_ENDINGS) and between <= 1 or \
                    written.endswith("ه") and between == 0 and a.text[trigger.start] in "سيت":
                return True
        return False

    def own_forces_subject(self, lo: int, trigger: Cue) -> bool:
        """Is the trigger's subject the speaker's own forces, a noun of forces with a possessive pronoun right
        after a complementizer, with at most two words between it and the trigger («أن طائراته نفذت 24 غارة»)?"""
        a = self.a
        for c in a.cues_in(lo, trigger.start, "reporting"):
            if c.value != "complementizer":
                continue
            words = WORD.findall(a.text, c.end, trigger.start)
            if words and len(words) <= 3 and self.own_forces(words[0]):
                return True
        return False

    def moves_own_forces(self, trigger: Cue) -> bool:
        """Is the word right after the trigger a noun of forces with a possessive pronoun («سحبت قواتها»)?"""
        following = WORD.search(self.a.text, trigger.end, trigger.end + 24)
        return following is not None and not self.a.text[trigger.end:following.start()].strip() and \
            self.own_forces(following.group())

    def own_country_near(self, trigger: Cue, lo: int, hi: int) -> bool:
        """Is «بلاده», «بلادها» (the speaker's country, scopes.csv ``own_country``) within ``OWN_COUNTRY_WORDS``
        words of the trigger in its clause? Then it is the act's subject, and the speaker's country's forces act
        (CLAIMS.md rule 18)."""
        a = self.a
        before = list(WORD.finditer(a.text, lo, trigger.start))[-OWN_COUNTRY_WORDS:]
        after = list(WORD.finditer(a.text, trigger.end, hi))[:OWN_COUNTRY_WORDS]
        return any(is_cue(a, " ".join(match_key(w.group())), ("", "و"), "scopes", "own_country") for w in before + after)

    def own_forces(self, word: str) -> bool:
        """Is ``word`` a noun of forces (forces.csv) with a possessive pronoun («قواتها», «طائراته», «جنودهم»)?"""
        key = " ".join(match_key(word))
        cues = self.a.tables.cues
        return any(key.endswith(ending) and any(t == "forces" for t, *_ in cues.get(key[:-len(ending)], ()))
                   for ending in POSSESSIVE_ENDINGS)

    def forces_of(self, side: str) -> str:
        """Who owns the forces of ``side`` (CLAIMS.md rule 18, forces: their owner): a mission or an armed group
        its own; an institution, its country's forces (sides.csv ``forces``: US troops -> united_states); a person
        of no known country, nobody."""
        t = self.a.tables
        if side in t.missions:
            return side
        country = side if t.types.get(side) == "GPE" else t.sides.get(side, ("",))[0]
        if t.types.get(country) != "GPE":
            country = home_countries(t).get(side, "")
        if country in t.sides:
            return t.sides[country][4]
        return side if t.types.get(side) == "ORG" else ""

    def claimed_by(self, s0: int, s1: int, si: int) -> list:
        """The agent named right after a verb that gives an attack its author (scopes.csv ``attack_by``:
        «هجوم شنه …», «تفجير تبناه …») in the sentence, within four words and its clause; «مسلحون من
        تنظيم داعش» names the group the fighters belong to (CLAIMS.md rule 18: the attacker)."""
        a = self.a
        frames = self.frames(si)
        for cue in a.cues_in(s0, s1, "scopes"):
            if cue.value != "attack_by" or any(f0 <= cue.start < f1 for f0, f1 in frames):
                continue
            hi = self.words_on(cue, 4)
            if hi is None:
                continue
            for m in a.mentions_in(cue.end, hi):
                side = a.side(m, "forces") if m.form == "adjective" else a.side(m)
                if side and side != "media" and a.tables.types.get(m.entity_id) not in ("DOC", "LOC", "FAC", "CITY"):
                    return [(m.start, m, side)]
        return []

    def words_on(self, cue: Cue, n: int) -> int | None:
        """Where the first ``n`` words after ``cue`` in its clause end (fewer at the clause's end); None if none."""
        a = self.a
        near = WORD.findall(a.text, cue.end, a.clause_of(cue.start)[1])[:n]
        return a.text.find(near[-1], cue.end) + len(near[-1]) if near else None

    def named_after(self, trigger: Cue, agents_only: bool = False) -> bool:
        """Does a name (any entity, core or not) follow the trigger within three words («ضربة روسية»)?
        ``agents_only``: a nisba, an organisation or a person, not a place («غارة شرق الفرات»)."""
        a = self.a
        hi = self.words_on(trigger, 3)
        if hi is None:
            return False
        found = a.mentions_in(trigger.end, hi)
        if agents_only:
            found = [m for m in found if m.form == "adjective" or a.tables.types.get(m.entity_id) in ("ORG", "PER")]
        return bool(found)

    def opens_with_break(self, lo: int, hi: int) -> bool:
        """Does ``lo..hi`` open with a scope break (background.csv: «قبل أن», «بعد», «فيما»)? Then it is another
        predicate, with its own agent («انسحابها … نهاية 2011، قبل أن تعود … في إطار التحالف»)."""
        return self.a.opens_with(lo, hi, "scope_break")

    def opens_with_report(self, lo: int, hi: int) -> bool:
        a = self.a
        lead = len(a.text[lo:hi]) - len(a.text[lo:hi].lstrip())
        return any(c.value != "complementizer" and c.start == lo + lead for c in a.cues_in(lo, hi, "reporting"))

    def joint_concern(self, lo: int, hi: int, start: int, event: str, agents: list[Mention] = ()) -> str:
        """The actor of joint agents of two core sides (CLAIMS.md rule 19): the foreign mission, else the owner
        of the forces (other than the ``agents`` themselves), that ``lo..hi`` names («على إنهاء المهمة القتالية
        للقوات الأمريكية» -> united_states); else, for the end or the stay of a mission, or what ``lo..hi``
        says of a mission (scopes.csv ``mission``), the mission named before (rule 20); else none."""
        found = self.mission_in(lo, hi)
        if found:
            return found
        a = self.a
        for m in a.mentions_in(lo, hi):
            if m.form == "adjective" and m not in agents and self.forces_before(m, lo) >= 0:
                return a.side(m, "forces")
        if event in ("mission_end", "presence") or any(c.value in ("mission", "mission_end")
                                                       for c in a.cues_in(lo, hi, "scopes", "events")):
            return self.mission_before(start)  # «بيان مشترك يحدد موعد انتهاء المهمة»: the mission named before
        return ""

    def same_event_end(self, hi: int, s1: int) -> int:
        """Where the sentence leaves the clause ending at ``hi`` for another predicate: the next clause that
        opens with «و» and an event verb of its own («…، وناقشا آليات …»), else the sentence's end; adjuncts set
        off by commas («…، خلال لقائهما في البيت الأبيض، على إنهاء …») stay with it."""
        a = self.a
        for b in a.clause_bounds[bisect.bisect_left(a.clause_bounds, hi):bisect.bisect_left(a.clause_bounds, s1)]:
            if self.coordinated_event(b):
                return b
        return s1

    def mission_in(self, lo: int, hi: int) -> str:
        """The first foreign mission (``missions.csv``) named in ``lo..hi``."""
        missions = self.a.tables.missions
        for m in self.a.mentions_in(lo, hi):
            if m.entity_id in missions:
                return m.entity_id
        return ""

    def mission_before(self, pos: int) -> str:
        """The foreign mission named last before ``pos``: whose mission «انتهاء المهمة» ends."""
        missions = self.a.tables.missions
        for m in reversed(self.a.mentions_in(0, pos)):
            if m.entity_id in missions:
                return m.entity_id
        return ""

    def agents(self, lo: int, hi: int, si: int, after: int | None = None,
               trigger: Cue | None = None, strikes_from: int = 0) -> tuple[list, list]:
        """Possible agents in ``lo..hi`` as (offset, mention or None, side): strong ones (organisations,
        people, joint pairs, the owner of forces, an official's country) and weak ones (a country or capital
        named without a preposition, a metonym). Victims and targets (inside the trigger, «طرد داعش», or
        after a patient word, «مقتل قيادي في داعش») are no agents."""
        a = self.a
        frames = self.frames(si)
        patients = self.patient_spans(lo, hi) + [(t0, t1, False) for t0, t1 in self.topic_spans(lo, hi)]
        strong, weak = [], []
        officials = set()
        for cue in a.cues_in(lo, hi, "speakers"):
            if any(f0 <= cue.start < f1 for f0, f1 in frames):
                continue
            if "+" in cue.value:
                strong.append((cue.start, None, cue.value))
            elif cue.value in ("@military", "@government", "@intelligence", "@country"):
                found = self.official(cue, hi)  # «رئيس وزراء العراق», «وزير الدفاع التركي»
                if found is not None and not self.patient(cue.start, patients):
                    officials.add(found[0].start)
                    strong.append((cue.start, found[0], found[1]))
        for m in a.mentions_in(lo, hi):
            if m.start in officials or any(f0 <= m.start < f1 for f0, f1 in frames):
                continue
            if trigger is not None and trigger.start <= m.start < trigger.end:
                continue
            forces = self.forces_before(m, lo) if m.form == "adjective" else -1
            if self.patient(forces if forces >= 0 else m.start, patients):
                continue
            entity_type = a.tables.types.get(m.entity_id, "")
            if entity_type in ("DOC", "LOC", "FAC"):
                continue
            side = a.side(m)
            if not side or side == "media":
                continue
            if m.form == "adjective":
                if forces >= 0 and not self.governed(m.start, lo):  # not «هجوم على القوات الأمريكية»
                    strong.append((m.start, m, a.side(m, "forces")))  # «القوات الأمريكية», «الجيش العراقي»
                elif m.start >= strikes_from and self.strike_before(m, lo):  # «غارة أمريكية», «على غارات أمريكية»
                    strong.append((m.start, m, a.side(m, "forces")))
                continue
            if after is not None and m.start > after and self.between(m.start):
                group = a.coordinated(m, lo, hi)
                if len({a.side(g) for g in group} - {""}) > 1:  # «الحوار … بين الولايات المتحدة والعراق»
                    strong.append((m.start, None, "joint"))
                continue
            role = place_role(a, m, lo)
            if role == "locative" and entity_type == "ORG" and trigger is not None and trigger.value == "talks":
                weak.append((m.start, m, side))  # talks «في مجلس الأمن»: the body that holds them
                continue
            if role in ("target", "seized") and entity_type not in PLACE_TYPES and any(
                    not a.text[c.end:m.start].strip() for c in a.cues_in(max(lo, m.start - 16), m.start, "events")):
                role = None  # right after a battle or recapture noun a group is its agent: «استعادة القوات العراقية تلعفر»
            if role is not None or self.governed(m.start, lo) or self.joined_to_place(m, lo):
                continue
            # a country right after the trigger is its subject or its genitive agent («هاجمت تركيا»)
            adjacent = after is not None and m.start >= after and not a.text[after:m.start].strip()
            (weak if entity_type in ("GPE", "CITY") and not adjacent else strong).append((m.start, m, side))
        return strong, weak

    def nisba_of_trigger(self, trigger: Cue, start: int) -> str:
        """The side of a nisba right after the event noun that times the date, alone, in the date's clause
        («الانسحاب الأمريكي من سوريا في 11 يناير», «العقوبات الأميركية … في السادس من أغسطس»): it names who
        does it (CLAIMS.md rule 18), as a strike's nisba names the attacker; a military act is by the
        country's forces. Not two nisbas in a row («المحادثات الأمريكية العراقية»: joint agents, rule 19),
        nor a noun the date comes after set off by a comma («وصف … القرار الأميركي، السبت، بأنه»: the date
        times another verb)."""
        a = self.a
        colon = a.text.find(":", start, trigger.start) if trigger.start > start else -1
        if colon >= 0 and not WORD.search(a.text, colon, trigger.start):
            # a timeline entry: «ديسمبر 2019: عقوبات أمريكية على الخزعلي»
            after = a.mentions_in(trigger.end, a.clause_of(trigger.start)[1])
        elif trigger.end > start or CLAUSE_MARK.search(a.text, trigger.end, start):
            return ""
        else:
            after = a.mentions_in(trigger.end, start)
        if not after or after[0].form != "adjective" or a.text[trigger.end:after[0].start].strip():
            return ""
        m = after[0]
        if len(after) > 1 and after[1].form == "adjective" and not a.text[m.end:after[1].start].strip(" -"):
            return ""
        military = trigger.value in DRAWDOWN or trigger.value == "attack"
        side = a.side(m, "forces") if military else a.side(m)
        return "" if side == "media" else side

    def strike_nisba_after(self, trigger: Cue, s1: int) -> str:
        """The owner named by a strike's nisba after a victim word in its sentence, before any other event word
        («مقتل فلان، أحد قادة التنظيم، بغارة أمريكية» -> united_states; CLAIMS.md rule 18): the victim named between
        is no agent."""
        a = self.a
        stop = min([c.start for c in a.cues_in(trigger.end, s1, "events") if c.table == "events"
                    and not a.cues_in(c.start, c.end, "series")][:1] or [s1])
        for m in a.mentions_in(trigger.end, stop):
            if m.form == "adjective" and self.strike_before(m, a.clause_of(m.start)[0]):
                side = a.side(m, "forces")
                return "" if side == "media" else side
        return ""

    def joined_to_place(self, m: Mention, lo: int) -> bool:
        """Is ``m`` joined by و to a place with a preposition before it («في العراق وسوريا»)? Then it is one too."""
        a = self.a
        before = a.mentions_in(lo, m.start)
        if not before:
            return False
        prev = before[-1]
        between = a.text[prev.end:m.start].strip()
        return (between == "و" or not between and m.surface.startswith("و")) and place_role(a, prev, lo) is not None

    def forces_before(self, m: Mention, lo: int) -> int:
        """Where the noun of forces before a nisba starts («القوات الأمريكية», «للطيران العراقي», «لسلاح الجو
        التركي», a kind between: «صواريخ باليستية إيرانية», scopes.csv ``strike_kind``), -1 when there is none."""
        a = self.a
        words = a.previous_word(m.start, lo).split(" ")
        kinds = [(2, words[0])] if len(words) == 2 and is_cue(a, words[1], ("",), "scopes", "strike_kind") else []
        for n, key in ((len(words), " ".join(words)), (1, words[-1]), *kinds):  # «صواريخ باليستية إيرانية»
            for clitic in ("", "و", "ل", "ب", "لل", "وال", "ول", "وب"):
                if key.startswith(clitic) and len(key) > len(clitic) + 1:
                    stem = key[len(clitic):]
                    if clitic == "لل":
                        stem = "ال" + stem
                    if any(t == "forces" for t, *_ in a.tables.cues.get(stem, ())):
                        found = list(WORD.finditer(a.text, max(lo, m.start - 40), m.start))[-n:]
                        return found[0].start() if found else -1
        return -1

    def strike_before(self, m: Mention, lo: int) -> bool:
        """Is the nisba right after a strike word (series.csv: «غارة أمريكية», «بضربة تركية»)? It names the
        attacker, whatever preposition comes before the strike (CLAIMS.md rule 18: attacks, the attacker)."""
        clitics = ("", "و", "ب", "ل", "ال", "بال", "وال", "لل", "وب")
        if after_cue(self.a, m, lo, clitics, "series"):
            return True
        words = self.a.previous_word(m.start, lo).split(" ")  # «غارات جوية تركية»: the strike's kind between
        return len(words) == 2 and is_cue(self.a, words[1], ("",), "scopes", "strike_kind") and \
            is_cue(self.a, words[0], clitics, "series")

    def official(self, cue: Cue, hi: int) -> tuple[Mention, str] | None:
        """The country an office or force noun names right after it, with the side it acts for
        («رئيس وزراء العراق» -> iraqi_government; CLAIMS.md rule 29: officials act for their side)."""
        a = self.a
        if cue.start > 0 and a.text[cue.start - 1] in "بل":
            return None  # «بقيادة الولايات المتحدة», «لرئيس الوزراء»: led by, or a recipient
        following = a.mentions_in(cue.end, hi)
        if not following or a.text[cue.end:following[0].start].strip():
            return None
        m = following[0]
        if len(following) > 1 and following[1].type == "PER" and not a.text[m.end:following[1].start].strip():
            return None  # «رئيس الوزراء العراقي محمد شياع السوداني»: the person named is more specific
        if a.tables.types.get(m.entity_id) != "GPE" and m.form != "adjective" or \
                any(t == "forces" for t, *_ in a.tables.cues.get(" ".join(match_key(a.text[cue.start:cue.end])), ())):
            return None  # forces act for their owner's side (US troops -> united_states), read with their nisba
        side = a.side(m, cue.value[1:])
        return (m, side) if side and side != "media" else None

    def patient_spans(self, lo: int, hi: int) -> list[tuple[int, int, bool]]:
        """What follows a patient word (scopes.csv) in ``lo..hi``, up to the next event or reporting word:
        (start, end, verb). After a verb, a name right after it is its subject («قتلت القوات الأمريكية»)."""
        a = self.a
        out = []
        for cue in a.cues_in(lo, hi, "scopes"):
            if cue.value not in ("patient", "patient_verb"):
                continue
            after = cue.end
            # the word right after the verb is its subject («قتل انفجار جنديين»), but not after a relative pronoun:
            # there the antecedent is the subject and what follows the object («عملية … التي تستهدف وحدات …»)
            relative = a.after_relative(cue.start)
            if cue.value == "patient_verb" and not relative:
                subject = WORD.search(a.text, cue.end, hi)
                after = subject.end() if subject else after
            stops = [c.start for table in ("events", "reporting") for c in a.cues_in(after, hi, table)[:1]]
            out.append((cue.end, min(stops, default=hi), cue.value == "patient_verb" and not relative))
        return out

    def patient(self, pos: int, spans: list[tuple[int, int, bool]]) -> bool:
        """Does the noun phrase starting at ``pos`` lie in a patient span (and is not a verb's subject)?"""
        return any(p0 <= pos < p1 and not (verb and not self.a.text[p0:pos].strip()) for p0, p1, verb in spans)

    def between(self, pos: int) -> bool:
        words = match_key(" ".join(WORD.findall(self.a.text, max(0, pos - 12), pos)[-1:]))
        return bool(words) and words[-1] == "بين"

    def governed(self, pos: int, lo: int) -> bool:
        """Is a preposition such as «ضد», «على» or «برئاسة» at most three words before ``pos``?"""
        key = (pos, lo)
        if key not in self.a._governed:
            self.a._governed[key] = self._governed(pos, lo)
        return self.a._governed[key]

    def _governed(self, pos: int, lo: int) -> bool:
        """A verb or event noun between the preposition and ``pos`` ends its reach: «على غارات شنتها
        الولايات المتحدة» names the agent after the verb."""
        a = self.a
        found_words = list(WORD.finditer(a.text, max(lo, pos - 40), pos))[-3:]
        keys = match_key(" ".join(f.group(0) for f in found_words))
        if len(keys) != len(found_words):
            keys = [" ".join(match_key(f.group(0))) for f in found_words]
        for found, word in zip(found_words, keys):
            if a.cues_in(found.start(), found.end(), "events"):
                continue  # a battle or recapture noun («استعادة القوات العراقية مدينة تلعفر») governs no agent away
            for stem in (word, word[1:] if word[:1] in "وف" else word):
                if any(t == "places" and v in ("other", "target", "seized") for t, v, *_ in a.tables.cues.get(stem, ())) \
                        and not a.cues_in(found.end(), pos, "events"):
                    return True
        return False
