"""By whom: the agent of a milestone's event, or the mission it belongs to.
"""

from __future__ import annotations

from ..claim_tables import DRAWDOWN
from ..gazetteer import match_key
from .article import ClaimArticle, place_role, words_between
from .cues import WORD, Cue

__all__ = ["ActorRules"]

# a complementizer with a pronoun that refers back to the speaker: «أنها», «بأنهم»; not «أنه», which is as
# often the impersonal pronoun («أنه في التاسع من …») or a third person («قال مسؤولون إنه انضم …»)
PRONOUN_ENDINGS = ("ها", "هم", "هما")


class ActorRules:
    """The actor of a milestone (``CLAIMS.md``, «actor»)."""

    a: ClaimArticle

    def actor(self, start: int, event: str, trigger: Cue | None, speech: Cue | None, claimant: str) -> str:
        a = self.a
        si = a.sentence_of(start)
        s0, s1 = a.sentences[si]
        c0 = a.clause_of(start)[0]
        if speech is not None:
            who = self.speaker(speech) or claimant
            if "+" in who:
                return self.mission_in(c0, s1)
            return "" if who in ("media", "unnamed") else who
        if trigger is None:
            return ""
        lo, hi = a.clause_of(trigger.start)
        if lo <= start < hi:
            lo = min(lo, self.date_clause(start, start)[0])
        if claimant not in ("", "media", "unnamed") and "+" not in claimant and self.pronoun_subject(lo, trigger):
            return claimant  # «أعلنت الشرطة التركية أنها اعتقلت …»: the speaker is the agent
        if event == "handover":  # the side handing over: the foreign mission, named here or before
            p0 = a.paragraph_starts[max(a.paragraph_of(s0), 0)]
            for w0, w1 in ((lo, hi), (s0, s1), (p0, s1), (0, s1)):
                found = self.mission_in(w0, w1)
                if found:
                    return found
        strong, weak = self.agents(lo, hi, si, after=trigger.end)
        pool = strong or weak
        if not pool and lo > s0 and not self.opens_with_report(lo, hi):
            pool = self.agents(a.clause_of(lo - 1)[0], lo, si)[0]  # a passive clause after its subject's
        if not pool and hi < s1 and not self.opens_with_report(hi, a.clause_of(hi)[1]):
            pool = self.agents(hi, a.clause_of(hi)[1], si)[0]  # «وفي لقاء منفصل أمس، ناقش السوداني…»
        if not pool and event in DRAWDOWN:  # the forces or mission named in the sentence
            pool = [x for x in self.agents(s0, s1, si)[0]
                    if x[1] is None or x[1].form == "adjective" or x[2] in a.tables.missions]
        if not pool:
            if event == "attack" and claimant in a.tables.missions and not self.named_after(trigger):
                return claimant  # a mission's statement listing strikes without naming who struck: its own
            return self.mission_before(start) if event in ("mission_end", "presence") else ""
        def distance(x) -> tuple[int, int]:
            if x[0] >= trigger.end:
                return words_between(a, trigger.end, x[0]), 0
            return words_between(a, x[0], trigger.start) - 1, 1

        _, m, side = min(pool, key=distance)
        if m is None:  # «الجانبان», «البلدان»: joint agents act for the mission the clause names
            return self.mission_in(lo, hi)
        group = a.coordinated(m, lo, hi)
        sides = {a.side(g) for g in group} - {""}
        if len(sides) > 1:
            return self.mission_in(lo, hi)
        return side

    def pronoun_subject(self, lo: int, trigger: Cue) -> bool:
        """Is the trigger's subject the pronoun of a complementizer just before it («أنها ألقت القبض»)?"""
        a = self.a
        for c in a.cues_in(lo, trigger.start, "reporting"):
            if c.value == "complementizer" and a.text[c.start:c.end].endswith(PRONOUN_ENDINGS) and \
                    words_between(a, c.end, trigger.start) <= 1:
                return True
        return False

    def named_after(self, trigger: Cue) -> bool:
        """Does a name (any entity, core or not) follow the trigger within three words («ضربة روسية»)?"""
        a = self.a
        near = WORD.findall(a.text, trigger.end, a.clause_of(trigger.start)[1])[:3]
        if not near:
            return False
        hi = a.text.find(near[-1], trigger.end) + len(near[-1])
        return bool(a.mentions_in(trigger.end, hi))

    def opens_with_report(self, lo: int, hi: int) -> bool:
        a = self.a
        lead = len(a.text[lo:hi]) - len(a.text[lo:hi].lstrip())
        return any(c.value != "complementizer" and c.start == lo + lead for c in a.cues_in(lo, hi, "reporting"))

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

    def agents(self, lo: int, hi: int, si: int, after: int | None = None) -> tuple[list, list]:
        """Possible agents in ``lo..hi`` as (offset, mention or None, side): strong ones (organisations,
        people, joint pairs, the owner of forces) and weak ones (a country or capital named without a
        preposition, a metonym)."""
        a = self.a
        frames = self.frames(si)
        strong, weak = [], []
        for cue in a.cues_in(lo, hi, "speakers"):
            if "+" in cue.value and not any(f0 <= cue.start < f1 for f0, f1 in frames):
                strong.append((cue.start, None, cue.value))
        for m in a.mentions_in(lo, hi):
            if any(f0 <= m.start < f1 for f0, f1 in frames):
                continue
            entity_type = a.tables.types.get(m.entity_id, "")
            if entity_type in ("DOC", "LOC", "FAC"):
                continue
            side = a.side(m)
            if not side or side == "media":
                continue
            if m.form == "adjective":
                before = a.previous_word(m.start, lo).split(" ")[-1:]
                if before and any(t == "forces" for t, *_ in a.tables.cues.get(before[0], ())):
                    strong.append((m.start, m, side))
                continue
            if after is not None and m.start > after and self.between(m.start):
                group = a.coordinated(m, lo, hi)
                if len({a.side(g) for g in group} - {""}) > 1:  # «الحوار … بين الولايات المتحدة والعراق»
                    strong.append((m.start, None, "joint"))
                continue
            if place_role(a, m, lo) is not None or self.governed(m.start, lo):
                continue
            # a country right after the trigger is its subject or its genitive agent («هاجمت تركيا»)
            adjacent = after is not None and m.start >= after and not a.text[after:m.start].strip()
            (weak if entity_type in ("GPE", "CITY") and not adjacent else strong).append((m.start, m, side))
        return strong, weak

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
        a = self.a
        words = match_key(" ".join(WORD.findall(a.text, max(lo, pos - 40), pos)[-3:]))
        for word in words:
            for stem in (word, word[1:] if word[:1] in "وف" else word):
                if any(t == "places" and v in ("other", "target") for t, v, *_ in a.tables.cues.get(stem, ())):
                    return True
        return False
