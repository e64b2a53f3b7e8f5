"""Where: the place a milestone is for, from its clause, its sentence, the article before it.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from ..claim_tables import DRAWDOWN, ClaimTables
from ..gazetteer import match_key
from .article import (
    DATELINE_DASH,
    PLACE_TYPES,
    QUOTES_OPEN,
    ClaimArticle,
    Mention,
    after_area_noun,
    after_cue,
    is_cue,
    place_role,
    words_between,
)
from .cues import WORD, Cue

__all__ = ["PlaceRules"]

LOCATOR_WORDS = 2  # at most this many words («الجوية في», «شمال») between a place and its container
LEAD_WORDS = 12  # a paragraph of this many Arabic words is running text, not page furniture (a timestamp)
ARABIC_WORD = re.compile(r"(?<!\w)[\u0621-\u064A]{2,}(?!\w)")  # a word of letters: not «1441هـ», «08:30», «KSA»
DATELINE_WORDS = 6  # a dateline paragraph of its own («بغداد - العربية.نت», «أربيل - بغداد - العربية.نت»)
OFFICE = ("office", "election", "post")  # scopes.csv roles of a domestic political event (CLAIMS.md rule 21d)
ASSEMBLY = "assembly"  # scopes.csv: a country's parliament, whose sittings are domestic political events too


class PlaceRules:
    """The place of a milestone (``CLAIMS.md``, «place»)."""

    a: ClaimArticle

    def places_in(self, lo: int, hi: int, event: str, frames: list[tuple[int, int]]) -> list[tuple[Mention, str]]:
        """Place mentions of ``lo..hi`` outside ``frames`` with their role; the event only decides which roles
        count (attack, withdrawal or any other), so milestones of one clause or sentence share the answer."""
        key = (lo, hi, event if event in ("attack", "withdrawal", "talks") else "", tuple(frames))
        found = self.a._places.get(key)
        if found is None:
            found = self.a._places[key] = self._places_in(lo, hi, event, frames)
        return found

    def _places_in(self, lo: int, hi: int, event: str, frames: list[tuple[int, int]]) -> list[tuple[Mention, str]]:
        a = self.a
        out: list[tuple[Mention, str]] = []
        mentions = a.mentions_in(lo, hi)
        anaphors = a.country_anaphors(lo, hi) + a.place_anaphors(lo, hi)
        if anaphors:
            mentions = sorted(mentions + anaphors)
        topics = self.topic_spans(lo, hi) if event == "talks" else []
        for m in mentions:
            if any(f0 <= m.start < f1 for f0, f1 in frames) or any(t0 <= m.start < t1 for t0, t1 in topics):
                continue  # a speaker; what a meeting or a decision is about («لمناقشة الأوضاع في سوريا»)
            entity_type = a.tables.types.get(m.entity_id, "")
            place_id = m.entity_id
            if m.form == "adjective":
                before = a.previous_word(m.start, lo).split(" ")[-1:]
                if before and before[0] in ("العاصمه",) and m.entity_id in a.tables.country_capital:
                    place_id = a.tables.country_capital[m.entity_id]
                    out.append((m._replace(entity_id=place_id), "locative"))
                elif entity_type in PLACE_TYPES and (after_area_noun(a, m, lo) or out and out[-1][0].form == "adjective"
                                                     and not a.text[out[-1][0].end:m.start].strip()
                                                     and m.surface.startswith("و")):
                    out.append((m, "locative"))  # «في الأراضي العراقية والسورية» -> iraq and syria
                continue
            if entity_type not in PLACE_TYPES:
                continue
            if entity_type == "CITY" and m.entity_id in a.tables.part_of and \
                    after_cue(a, m, lo, ("", "و", "ب", "ل"), "places", "governorate"):
                # «بمحافظة أربيل»: the governorate is larger than the city it is named after (CLAIMS.md rule 22)
                m = m._replace(entity_id=a.tables.part_of[m.entity_id])
            located = self.reference_point(m, lo, mentions) if entity_type == "CITY" else None
            if located is not None:
                # «مدينة تكريت شمال بغداد»: Baghdad only says where Tikrit lies, outside it; Tikrit is the place
                if located is not m and not any(x is located for x, _ in out):
                    out.append((located, "locative"))
                # «المعسكر الواقع شمال بغداد» (near it, outside it), «في بغداد ومدن الجنوب» (it and the rest of
                # the country): the city's country
                country = self.as_country(m) if located is m or self.with_the_region(m) else None
                if country is not None:
                    out.append((country, "locative"))
                continue
            country = self.as_country(m) if entity_type == "CITY" and self.with_the_region(m) and \
                place_role(a, m, lo) is not None else None
            if country is not None:
                out.append((country, "locative"))
                continue
            role = place_role(a, m, lo)
            if role is None and out and a.text[out[-1][0].end:m.start].strip() in ("", "و") and \
                    (m.surface.startswith("و") or a.text[out[-1][0].end:m.start].strip() == "و"):
                role = out[-1][1]
            if role is None and entity_type == "FAC" and not self.speaks(m):
                role = "locative"  # «البيت الأبيض قد أعلن»: the speaker, no place (rule 23: agents are not places)
            if role is None:
                continue
            if role == "seized":
                role = "locative"
            if role in ("other", "border") or role == "target" and event != "attack":
                # «قرب الحدود التركية», «على حدود العراق»: a border names the country on its other side
                continue  # a recipient is no place; the target of a physical strike is («هجوم على المطار»)
            if role == "destination" and event == "withdrawal":
                continue
            if role == "source" and event != "withdrawal" and not self.withdrawal_before(lo, m.start):
                continue  # «مذكرة من واشنطن», «المدعومة من الولايات المتحدة»: a sender, not a place
                # (but «أعلن سحب 400 جندي من سوريا»: the place the announced withdrawal leaves)
            out.append((m, role))
        return out

    def reference_point(self, m: Mention, lo: int, mentions: list[Mention]) -> Mention | None:
        """The place located from the city ``m``, when ``m`` comes right after a direction (places.csv
        ``direction``: شمال، جنوب غربي) that itself follows that place («تكريت شمال بغداد», «معسكر بعشيقة شمال
        الموصل»): north of a city is outside it (a country's north is in it: only cities are read so)."""
        a = self.a
        words = list(WORD.finditer(a.text, max(lo, m.start - 30), m.start))[-2:]
        direction = [w for w in words if is_cue(a, " ".join(match_key(w.group())), ("", "و"), "places", "direction")]
        if not direction:
            return None
        k = direction[0].start()
        while k > lo and a.text[k - 1] in " ،,":
            k -= 1
        found = next((p for p in mentions if p.end == k and p is not m and a.tables.types.get(p.entity_id) in PLACE_TYPES),
                     None)
        if found is None and k > lo and WORD.search(a.text, max(lo, k - 20), k) is not None:
            near = [" ".join(match_key(w)) for w in WORD.findall(a.text, max(lo, k - 30), k)[-3:]]
            # not after a preposition of place (places.csv locative, source, destination: «في شمال بغداد» is in it),
            # nor in a quarter of the city (``quarter``: «حي الدورة جنوبي بغداد»)
            inside = any(is_cue(a, near[-1], ("", "و"), "places", role) for role in ("locative", "source", "destination"))
            if not inside and not any(is_cue(a, w, ("", "و", "ب", "وب"), "places", "quarter") for w in near):
                return m  # «المعسكر الواقع شمال بغداد»: north of the city, in its country
        return found

    def as_country(self, m: Mention) -> Mention | None:
        """``m`` as a mention of the country that holds it (ClaimArticle.country_of), None when there is none."""
        country = self.a.country_of(m.entity_id)
        return m._replace(entity_id=country, type="GPE") if country else None

    def with_the_region(self, m: Mention) -> bool:
        """Is the city ``m`` coordinated with a plural of place nouns of its country («بغداد ومدن الجنوب», «بغداد
        ومحافظات الوسط»)? Together they are in the country, not in the city."""
        following = WORD.findall(self.a.text, m.end, m.end + 20)[:1]  # «و» + places.csv ``region_plural``
        return bool(following) and is_cue(self.a, " ".join(match_key(following[0])), ("و",), "places", "region_plural")

    def speaks(self, m: Mention) -> bool:
        """Is ``m`` the subject of a reporting verb right after it («وكان البيت الأبيض قد أعلن») or the genitive
        of a noun of speech right before it («بعد إعلان البيت الأبيض سحب القوات»)?"""
        a = self.a
        if any(c.value == "noun_of" and not a.text[c.end:m.start].strip()
               for c in a.cues_in(max(0, m.start - 12), m.start, "reporting")):
            return True
        for verb in a.cues_in(m.end, min(len(a.text), m.end + 16), "reporting"):
            return verb.value in ("verb", "continuation") and words_between(a, m.end, verb.start) <= 1
        return False

    def home_country(self, lo: int, hi: int, frames: list[tuple[int, int]], assembly: bool = False) -> str:
        """The country of the first person, institution or country named in ``lo..hi`` («وتولى ترامب السلطة»
        -> united_states; «قاد البلاد»: the country «البلاد» stands for); with ``assembly``, else the country of
        the parliament a bare «البرلمان» there stands for."""
        a = self.a
        homes = home_countries(a.tables)
        for m in sorted(a.mentions_in(lo, hi) + a.country_anaphors(lo, hi)):
            if any(f0 <= m.start < f1 for f0, f1 in frames):
                continue
            side = a.side(m)
            home = side if a.tables.types.get(side) == "GPE" else homes.get(side, "")
            if home:
                return home
        # «البرلمان» with no nisba: the parliament named before with its country («مجلس النواب العراقي»)
        for cue in a.cues_in(lo, hi, "scopes") if assembly else ():
            if cue.value == ASSEMBLY and not any(f0 <= cue.start < f1 for f0, f1 in frames):
                side = self.named_before_assembly(cue)
                home = side if a.tables.types.get(side) == "GPE" else homes.get(side, "") if side else ""
                if home:
                    return home
        return ""

    def named_before_assembly(self, cue: Cue) -> str:
        """The side of the parliament a bare assembly word stands for (SpeakerRules.named_before)."""
        speakers = self.a.cues_in(cue.start, cue.end, "speakers")
        return (self.named_before(speakers[0]) or "") if speakers else ""

    def content_start(self, speech: Cue, s1: int) -> int:
        """Where what was said starts after a reporting verb: its complementizer or opening quotation mark
        (``s1`` when neither follows it in the sentence)."""
        a = self.a
        starts = [c.start for c in a.cues_in(speech.end, s1, "reporting") if c.value == "complementizer"][:1]
        starts += [i for i in (a.text.find(q, speech.end, s1) for q in QUOTES_OPEN) if i >= 0]
        return min(starts, default=s1)

    def topic_spans(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """What follows a topic word (scopes.csv) in ``lo..hi``, up to the next event word: what a meeting
        is about, not where it takes place (CLAIMS.md rules 21 and 23)."""
        a = self.a
        out = []
        for cue in a.cues_in(lo, hi, "scopes"):
            if cue.value == "topic":
                stop = [c.start for c in a.cues_in(cue.end, hi, "events")[:1]]
                out.append((cue.end, stop[0] if stop else hi))
        return out

    def withdrawal_before(self, lo: int, pos: int) -> bool:
        """Is a withdrawal word in ``lo..pos`` («سحب القوات من سوريا» inside a statement or a decision)?"""
        return any(c.value == "withdrawal" for c in self.a.cues_in(lo, pos, "events"))

    def smallest(self, ids: list[str]) -> str:
        t = self.a.tables

        def chain(x: str) -> list[str]:
            out = [x]
            while x in t.part_of:
                x = t.part_of[x]
                out.append(x)
            return [c for c in out if c in t.core]

        chains = [chain(i) for i in ids]
        chains = [c for c in chains if c]
        if not chains:
            return ""
        common = [c for c in chains[0] if all(c in other for other in chains[1:])]
        return common[0] if common else ""

    def place(self, start: int, end: int, event: str, trigger: Cue | None, speech: Cue | None) -> str:
        a = self.a
        si = a.sentence_of(start)
        s0, s1 = a.sentences[si]
        c0, c1 = a.clause_of(start)
        frames = self.frames(si)
        windows = [(c0, c1)]
        if trigger is not None:
            windows.append(a.clause_of(trigger.start))
        # «حيث»: the clause is where the place before it is
        lead = a.text[c0:c1].lstrip()
        if lead.startswith("حيث") and c0 > s0:
            p0, _ = a.clause_of(c0 - 1)
            found = self.places_in(p0, c0, event, frames)
            if found:
                return self.smallest([found[-1][0].entity_id]) or ""
        # «وفي بغداد، أعلن …»: a sentence opened by a place alone sets the scene of its main clause — where a
        # statement was made or a decision taken, before any place of what was said (CLAIMS.md rules 21a, 27)
        scene = self.scene(s0, start, trigger, speech)
        if scene is not None:
            return self.smallest([scene.entity_id]) or ""
        # where the text says a statement was made, before what was said («قال … في منتدى بواشنطن "…"»)
        if speech is not None:
            content = self.content_start(speech, s1)
            if content < s1:
                # from the sentence's start, unless another reporting verb comes first: «وفي أنقرة، قال …، بعد أن
                # كان قد أعلن في 12 كانون الأول أنها …» — Ankara is where the first statement was made
                earlier = [v for v in a.cues_in(s0, speech.start, "reporting") if v.value in ("verb", "continuation")]
                said = a.clause_of(speech.start)[0] if earlier else s0
                found = self.places_in(said, content, event, frames)
                best = self.smallest([m.entity_id for m, _ in found]) if found else ""
                if best:
                    return best
                best = self.spoken_from(said, content, frames)
                if best:
                    return best
            else:  # no complementizer or quotation: «… يعلن من بغداد خفض القوات»
                best = self.spoken_from(a.clause_of(speech.start)[0], s1, frames)
                if best:
                    return best
            # or after it («…، وذلك خلال استقباله … في البيت الأبيض»)
            best = self.setting(speech.end, s1, frames)
            if best:
                return best
        # a referendum on secession is in the region that would secede, whatever else its clause names
        region = self.seceding_region(start) if event == "other" else ""
        if region:
            return region
        # an office or a vote (rule 21d): its own clause, else the country of its person or institution
        d0, d1 = self.date_clause(start, end)
        roles = {c.value for w0, w1 in [(d0, d1)] + windows[1:] for c in self.a.cues_in(w0, w1, "scopes")}
        # an office or a vote; or a sitting of a parliament («يعقد البرلمان العراقي جلسة طارئة الأربعاء»)
        office = event == "other" and not roles.isdisjoint(OFFICE) or event in ("talks", "agreement") and ASSEMBLY in roles
        if office:
            windows.append("home")  # before the sentence: the country of the clause's person or institution
        # the sentence, without a later «حيث» clause (about another place) or a later coordinated event
        windows.append(None)  # then the sentence: read only when the clauses name no place
        for window in windows:
            if window == "home":
                # not for a speech act: «قال مسؤول في البرلمان» speaks from no sitting
                home = self.home_country(min(d0, c0), max(d1, c1), frames, assembly=speech is None)
                if home:
                    return home
                continue
            if window is None:
                bounds = a.clause_bounds[bisect.bisect_left(a.clause_bounds, c1):bisect.bisect_left(a.clause_bounds, s1)]
                later = [b for b in bounds if self.other_event_clause(b, event)]
                window = (c0 if self.opens_with_report(c0, c1) else s0, later[0] if later else s1)
            lo, hi = window
            found = self.places_in(lo, hi, event, frames)
            if not found:
                continue
            bases = [m.entity_id for m, role in found if role == "base"]
            if bases:  # several («انطلاقاً من العراق وسوريا»): the smallest core place holding all (rule 22)
                return self.smallest(bases)
            ids = [m.entity_id for m, _ in self.without_locators(found)]
            best = self.smallest(ids)
            if best:
                return best
            if event in DRAWDOWN and trigger is not None:
                after = [m for m, _ in found if m.start >= trigger.end]
                if after:
                    return self.smallest([after[0].entity_id])
            return ""
        # the same drawdown process named with a place earlier in the article (title included)
        if event in DRAWDOWN:
            earlier = self.earlier_place(s0, event)
            if earlier:
                return earlier
        # a statement about an event told before with its place («وقال بلينكن … إنها غاضبة من الهجوم»)
        said = self.said_event(speech, s1) if speech is not None else None
        if said is not None:
            earlier = self.earlier_place(s0, said.value)
            if earlier:
                return earlier
        # an attack whose sentence names no place: where the last attack told before it took place, the same
        # battle or campaign told on (rule 21b: «وكان التنظيم قد سيطر على المدينة في …» after «معارك في الرقة»).
        # Not when the sentence names a border («قرب الحدود العراقية»): it says where the event is, near a
        # border the rules above read as no place, and it is not where the attacks before were
        if event == "attack" and not any(place_role(a, m, s0) == "border" for m in a.mentions_in(s0, s1)
                                         if a.tables.types.get(m.entity_id) in PLACE_TYPES):
            earlier = self.earlier_place(s0, event)
            if earlier:
                return earlier
        # a physical event's place from the headline («… قواتنا في سوريا»)
        if event == "attack" and si > 0:
            title_end = a.paragraph_starts[1] if len(a.paragraph_starts) > 1 else a.sentences[0][1]
            found = self.places_in(0, title_end, event, [])
            if found:
                return self.smallest([m.entity_id for m, _ in found])
        # the dateline of the lead sentence
        dateline = self.dateline(si)
        if dateline is not None:
            found = [m for m in a.mentions_in(*dateline) if a.tables.types.get(m.entity_id) in PLACE_TYPES]
            if found:
                return self.smallest([found[0].entity_id])
        if office:  # rule 21d, last: the country of a person or institution named anywhere in the sentence
            return self.home_country(s0, s1, frames, assembly=speech is None)
        return ""

    def scene(self, s0: int, start: int, trigger: Cue | None, speech: Cue | None) -> Mention | None:
        """The place of a sentence that opens «وفي بغداد،», a locative and a place alone before its first comma,
        when the date is of the main clause after it: the first event word or reporting verb after the scene
        times the date (a date of what was said has the place of what was said)."""
        a = self.a
        c0, c1 = a.clause_of(s0)
        words = WORD.findall(a.text, c0, c1)
        if len(words) < 2 or c1 > start or a.text[c1 - 1:c1] not in "،,":
            return None
        if not is_cue(a, words[0], ("", "و"), "places", "scene"):
            return None
        found = [m for m in a.mentions_in(c0, c1) if a.tables.types.get(m.entity_id) in PLACE_TYPES]
        if len(found) != 1 or len(WORD.findall(a.text, found[0].start, found[0].end)) != len(words) - 1:
            return None  # «وفي سياق متصل،», «وفي بيان لها،»: no place alone
        # the main clause's own event: its first event word or reporting verb times the date; not another
        # one after it («…، بعد أن قالت قسد في أفريل …», «… على تمديد … حتى 31 يناير»)
        lead = speech if speech is not None else trigger
        first = next((c for c in a.cues_in(c1, a.sentences[a.sentence_of(s0)][1], "events", "reporting")
                      if c.table == "events" or c.value in ("verb", "continuation")), None)
        if lead is None:
            return found[0] if first is None or first.start > start else None
        return found[0] if first is not None and first.start == lead.start else None

    def dateline(self, si: int) -> tuple[int, int] | None:
        """Where the dateline is when sentence ``si`` is the article's lead, the first sentence of its first
        paragraph of running text (``LEAD_WORDS`` words or more, after the title and any page furniture: a
        timestamp, an outlet line): the words before a dash at its head («بغداد - أعلن …», «بغداد، العراق (CNN)
        --»), or a dateline paragraph of its own among the furniture before it («بغداد - العربية.نت»); None
        otherwise. The lead is found once an article."""
        a = self.a
        if a._lead is None:
            a._lead = self._read_lead()
        lead, span = a._lead
        s0 = a.sentences[si][0]
        if lead < 1 or a.paragraph_of(s0) != lead or (si > 0 and a.paragraph_of(a.sentences[si - 1][0]) == lead):
            return None
        dash = DATELINE_DASH.search(a.text[s0:s0 + 40])
        return (s0, s0 + dash.start()) if dash else span

    def _read_lead(self) -> tuple[int, tuple[int, int] | None]:
        """The lead paragraph's number (0: none) and a dateline paragraph's span before it, if any."""
        a = self.a
        ends = a.paragraph_starts[1:] + [len(a.text)]
        for p in range(1, len(a.paragraph_starts)):
            if len(ARABIC_WORD.findall(a.text, a.paragraph_starts[p], ends[p])) < LEAD_WORDS:
                continue  # page furniture
            for q in range(p - 1, 0, -1):  # a dateline paragraph among the furniture before it
                before = a.text[a.paragraph_starts[q]:ends[q]]
                dash = DATELINE_DASH.search(before)
                if dash and len(before.split()) <= DATELINE_WORDS:
                    return p, (a.paragraph_starts[q], a.paragraph_starts[q] + dash.start())
            return p, None
        return 0, None

    def spoken_from(self, lo: int, hi: int, frames: list[tuple[int, int]]) -> str:
        """The place a speech was given from, «في كلمة من البيت الأبيض»: a place after «من» right after a
        statement noun (events.csv, agreement of priority 1: كلمة، خطاب، مؤتمر صحفي) in ``lo..hi``."""
        a = self.a
        for m in a.mentions_in(lo, hi):
            if any(f0 <= m.start < f1 for f0, f1 in frames) or a.tables.types.get(m.entity_id) not in PLACE_TYPES \
                    or place_role(a, m, lo) != "source":
                continue
            words = list(WORD.finditer(a.text, max(lo, m.start - 40), m.start))
            if len(words) >= 2 and (any(c.value == "agreement" and c.priority == 1
                                        for c in a.cues_in(words[-2].start(), words[-2].end(), "events"))
                                    or any(c.value == "verb"
                                           for c in a.cues_in(words[-2].start(), words[-2].end(), "reporting"))):
                return self.smallest([m.entity_id])  # «في كلمة من البيت الأبيض», «يعلن من بغداد»
        return ""

    def other_event_clause(self, b: int, event: str) -> bool:
        """Does the clause at ``b`` leave the dated ``event``: «حيث» (about another place), or a coordinated
        clause opening with a verb of another event («تنتهي المرحلة …، ويغادر خلالها المستشارون مواقع، بينها
        …»; «فتمتد حتى …، وتواصل خلالها القوات …» goes on with the same one)?"""
        a = self.a
        c1 = a.clause_of(b)[1]
        lead = a.text[b:c1].lstrip()
        return lead.startswith("حيث") or self.coordinated_event(b, event)

    def coordinated_event(self, b: int, event: str | None = None) -> bool:
        """Does the clause at ``b`` open with «و» and an event verb (of another event than ``event``)?"""
        a = self.a
        c1 = a.clause_of(b)[1]
        lead = a.text[b:c1].lstrip()
        if not lead.startswith("و"):
            return False
        first = b + len(a.text[b:c1]) - len(lead)
        word_end = first + len(lead.split(None, 1)[0])
        return any(c.priority > 1 and c.end <= word_end and c.value != event
                   for c in a.cues_in(first, word_end, "events"))

    def without_locators(self, found: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
        """``found`` without the places that only say where the place before them lies: a place containing
        the one just before it («في إقليم كردستان شمال العراق», «قاعدة عين الأسد الجوية في الأنبار») is its
        address, not a second place of the event (CLAIMS.md rules 21a, 22)."""
        if len(found) < 2:
            return found
        a, part_of = self.a, self.a.tables.part_of
        out = [found[0]]
        for m, role in found[1:]:
            inner = out[-1][0].entity_id
            while inner in part_of and inner != m.entity_id:
                inner = part_of[inner]
            if inner == m.entity_id != out[-1][0].entity_id and \
                    words_between(a, out[-1][0].end, m.start) <= LOCATOR_WORDS:
                continue
            out.append((m, role))
        return out

    def earlier_place(self, s0: int, event: str) -> str:
        """The place of the last clause before ``s0`` about the same kind of event that names one: a drawdown
        clause for a drawdown event, an attack clause for an attack (CLAIMS.md rule 21b, the same event or
        its parent process elsewhere in the article). The clauses are read once an article, in text order,
        as far as asked (a long article's clauses without a place are not read again for every milestone)."""
        a = self.a
        kind = event if event in ("attack", "withdrawal") else "drawdown"  # a withdrawal reads «من» as a place
        read = a._earlier_places.setdefault(kind, [0, [], []])  # next clause, starts, places
        clauses = a._event_clauses.get(kind)
        if clauses is None:
            wanted = {"attack"} if kind == "attack" else DRAWDOWN
            clauses = a._event_clauses[kind] = [c for c in a.cues_in(0, len(a.text), "events") if c.value in wanted]
        while read[0] < len(clauses) and clauses[read[0]].start < s0:
            cue = clauses[read[0]]
            read[0] += 1
            lo, hi = a.clause_of(cue.start)
            found = self.places_in(lo, hi, event, self.frames(a.sentence_of(cue.start)))
            if found:
                read[1].append(cue.start)
                read[2].append(self.smallest([m.entity_id for m, _ in self.without_locators(found)]))
        i = bisect.bisect_left(read[1], s0)
        return read[2][i - 1] if i else ""

    def said_event(self, speech: Cue, s1: int) -> Cue | None:
        """The event a statement is about, when what was said names one already told: the first event word after
        the reporting verb in its sentence, when it is a drawdown word (not an end word of another event, «انتهاء
        الحرب») or a definite attack word («غاضبة من الهجوم»; an indefinite «هجوم» is a new one)."""
        a = self.a
        said = [c for c in a.cues_in(speech.end, s1, "events") if c.priority > 0][:2]
        if not said:
            return None
        cue = said[0]
        if cue.value in DRAWDOWN:
            of_other = len(said) > 1 and said[1].value not in DRAWDOWN and not a.text[cue.end:said[1].start].strip()
            return None if of_other else cue
        if cue.value == "attack" and a.text[max(0, cue.start - 2):cue.start] in ("ال", "لل"):
            return cue
        return None

    def setting(self, lo: int, hi: int, frames: list[tuple[int, int]]) -> str:
        """Where a statement was made, from an adjunct after what was said: a setting word (scopes.csv,
        ``setting``: خلال، أثناء، على هامش) right before a meeting or visit word, and that clause's place
        («…، وذلك خلال استقباله الكاظمي في البيت الأبيض» -> washington; CLAIMS.md rule 27)."""
        a = self.a
        for cue in a.cues_in(lo, hi, "scopes"):
            if cue.value != "setting":
                continue
            meeting = a.cues_in(cue.end, hi, "events")[:1]
            if not meeting or meeting[0].value != "talks" or words_between(a, cue.end, meeting[0].start) > 1:
                continue
            found = self.places_in(cue.start, a.clause_of(meeting[0].start)[1], "talks", frames)
            best = self.smallest([m.entity_id for m, _ in self.without_locators(found)]) if found else ""
            if best:
                return best
        return ""

    def frames(self, si: int) -> list[tuple[int, int]]:
        """Spans naming a speaker, not places or agents of the event: an attribution that opens its clause to
        the clause's end, else a reporting verb or attribution to the end of the speaker it names (what
        follows is what was said, where a place may be)."""
        found = self.a._frames.get(si)
        if found is None:
            found = self.a._frames[si] = self._frames(si)
        return found

    def _frames(self, si: int) -> list[tuple[int, int]]:
        a = self.a
        out = []
        for cue, _, _ in self.attributions(si):
            if cue.value == "noun_of":
                continue  # «بعد إعلان ترامب سحب القوات»: the speaker of a noun of speech is the agent of what it dates
            c0, c1 = a.clause_of(cue.start)
            before = a.text[c0:cue.start].split()  # a proclitic of the cue's own word does not count
            if cue.value == "attribution" and (not before or len(before) == 1 and not a.text[cue.start - 1].isspace()):
                out.append((cue.start, c1))  # «بحسب بيان صدر في بغداد،»: the clause names the source
            else:  # «أكدت … في بيان الأربعاء مقتل …»: what follows the speaker is what was said
                self.speaker(cue)
                out.append((cue.start, a.frame_ends.get(cue.start, cue.end)))
        return out


@cache
def home_countries(tables: ClaimTables) -> dict[str, str]:
    """The country of each side that acts for one (sides.csv: iraqi_government, iraqi_security_forces -> iraq)."""
    out: dict[str, str] = {}
    for entity_id, columns in tables.sides.items():
        if tables.types.get(entity_id) == "GPE" and entity_id in tables.core:
            for side in columns[1:]:
                if side and side != entity_id:
                    out.setdefault(side, entity_id)
    return out
