"""Who says so: the speaker of a reporting verb or attribution, carried over a paragraph.
"""

from __future__ import annotations

from .article import MAX_SPEAKER_WORDS, SUBJECT_GAP, ClaimArticle, words_between
from .cues import WORD, Cue

__all__ = ["SpeakerRules"]


class SpeakerRules:
    """The claimant of a milestone (``CLAIMS.md``, «claimant»)."""

    a: ClaimArticle

    def speaker(self, cue: Cue) -> str | None:
        """Who speaks at a reporting verb or attribution: its subject, or None for a pronoun."""
        a = self.a
        if cue.start in a._speakers:
            return a._speakers[cue.start]
        c0, c1 = a.clause_of(cue.start)
        comps = [c for c in a.cues_in(cue.end, c1, "reporting") if c.value == "complementizer"]
        hi = comps[0].start if comps else c1
        words = list(WORD.finditer(a.text, cue.end, hi))
        if len(words) > MAX_SPEAKER_WORDS:
            hi = words[MAX_SPEAKER_WORDS - 1].end()
        found = self.subject(cue.end, hi)
        a.frame_ends[cue.start] = a.subject_end if found is not None else cue.end
        if found is None and cue.value == "verb":
            # the subject before the verb («الولايات المتحدة والعراق أعلنتا»), in its clause or the sentence
            s0 = a.sentences[a.sentence_of(cue.start)][0]
            found = self.subject(c0, cue.start, adjacent=False)
            if found is None and c0 > s0 and not a.cues_in(s0, cue.start, "events"):
                found = self.subject(s0, cue.start, adjacent=False)
        if found is None and cue.value == "attribution" and c1 < a.sentences[a.sentence_of(cue.start)][1]:
            n0, n1 = a.clause_of(c1)  # «بموجب التفاهم، ينتقل البلدان…»: the parties named next
            found = self.subject(n0, n1)
            if found in ("media", "unnamed", "@previous"):
                found = None
        if found == "@previous":
            found = self.previous_speaker(cue.start)
        a._speakers[cue.start] = found
        return found

    def previous_speaker(self, pos: int) -> str | None:
        """The nearest speaker named before ``pos`` in the article: what «البيان», «المصدر» refer to."""
        a = self.a
        for si in range(a.sentence_of(pos), -1, -1):
            for cue, _, _ in reversed(self.attributions(si)):
                if cue.start < pos:
                    found = self.speaker(cue)
                    if found not in (None, "media"):
                        return found
        return None

    def subject(self, lo: int, hi: int, adjacent: bool = True) -> str | None:
        """The speaker named in ``lo..hi``: a speaker phrase, or entity mentions after qualifiers
        («مصدر عسكري» + a nisba is that country's forces, «رئيس الوزراء» + a nisba its government).
        ``adjacent``: the subject starts within a few words of ``lo`` and its parts follow each other."""
        a = self.a
        role, weak = "side", None
        speakers = a.cues_in(lo, hi, "speakers")
        mentions = [m for m in a.mentions_in(lo, hi) if m.type != "DOC"]
        items = sorted([(c.start, 0, c) for c in speakers] + [(m.start, 1, m) for m in mentions],
                       key=lambda x: (x[0], x[1]))
        skip_to, last_end = -1, lo
        for pos, kind, item in items:
            if pos < skip_to:
                continue
            if adjacent and words_between(a, last_end, pos) > SUBJECT_GAP:
                break
            if kind == 0:
                value = item.value
                if value in ("@military", "@government", "@via"):
                    role = value[1:] if value != "@via" else role
                    last_end = max(last_end, item.end)
                    continue  # a qualifier or a channel («بيان صادر عن مكتب …»): the names after it count
                if value in ("@conduit", "unnamed", "@previous"):
                    weak = weak or ("media" if value == "@conduit" else value)
                else:
                    a.subject_end = item.end
                    return value
                skip_to = last_end = item.end
                a.subject_end = item.end
                continue
            group = a.coordinated(item, lo, hi)
            a.subject_end = last_end = group[-1].end
            sides = [a.side(m, role if m.form == "adjective" or m.type == "GPE" else "side") for m in group]
            if len(group) > 1 and len({s for s in sides if s}) > 1:
                return a.joint(sides)
            side = sides[0]
            if side == "media":
                weak = "media"
                skip_to = item.end
                continue
            return side if side or item.entity_id in a.tables.sides else ""
        return weak

    def attributions(self, si: int) -> list[tuple[Cue, int, int]]:
        """Reporting cues of a sentence with the span each one covers."""
        found = self.a._attributions.get(si)
        if found is None:
            found = self.a._attributions[si] = self._attributions(si)
        return found

    def _attributions(self, si: int) -> list[tuple[Cue, int, int]]:
        a = self.a
        s0, s1 = a.sentences[si]
        out = []
        for cue in a.cues_in(s0, s1, "reporting"):
            if cue.value == "complementizer":
                continue
            if cue.value == "attribution":
                out.append((cue, s0, s1))
                continue
            c0, c1 = a.clause_of(cue.start)
            while c0 > s0 and not a.cues_in(a.clause_of(c0 - 1)[0], c0, "events", "reporting"):
                c0 = a.clause_of(c0 - 1)[0]  # «8 مايو 2018، أعلن ترامب…»: a leading date belongs to the verb
            if a.cues_in(c0, cue.start, "events"):
                c0 = cue.start  # «التقى … في 20 مارس وقال»: the date before belongs to the other predicate
            end = c1
            while end < s1:
                n0, n1 = a.clause_of(end)
                opener = a.cues_in(n0, min(n1, n0 + 12), "background")
                if any(words_between(a, n0, c.start) == 0 for c in opener):
                    break
                end = n1 if n1 > end else s1
            out.append((cue, c0, min(end, s1)))
        return out

    def sentence_speaker(self, si: int) -> str:
        """The speaker a following sentence of the paragraph carries over (media for narration)."""
        a = self.a
        if si in a._sentence_state:
            return a._sentence_state[si]
        found = [self.speaker(c) for c, _, _ in self.attributions(si)]
        resolved = [f for f in found if f not in (None, "media")]
        if resolved:
            state = resolved[-1]
        elif found:
            state = self.carried(si) if any(f is None for f in found) else "media"
        else:
            state = self.carried(si)
        a._sentence_state[si] = state
        return state

    def carried(self, si: int) -> str:
        a = self.a
        s0, _ = a.sentences[si]
        if si == 0 or self.is_background(si):
            return "media"
        p0, _ = a.sentences[si - 1]
        if a.paragraph_of(p0) != a.paragraph_of(s0) or not a.text[p0:s0].strip():
            return "media"
        return self.sentence_speaker(si - 1)

    def is_background(self, si: int) -> bool:
        a = self.a
        s0, s1 = a.sentences[si]
        lead = a.text[s0:s1].lstrip()
        offset = s0 + (len(a.text[s0:s1]) - len(lead))
        return any(c.value == "background" and words_between(a, offset, c.start) == 0
                   for c in a.cues_in(offset, min(s1, offset + 20), "background"))

    def claimant(self, start: int) -> tuple[str, Cue | None]:
        a = self.a
        si = a.sentence_of(start)
        atts = self.attributions(si)
        covering = [(c, lo, hi) for c, lo, hi in atts if lo <= start < hi]
        if covering:
            resolved = [(c, self.speaker(c)) for c, _, _ in covering]
            c0, c1 = a.clause_of(start)
            for c, who in sorted(resolved, key=lambda x: (x[1] in (None, "media"), not (c0 <= x[0].start < c1))):
                if who is None:
                    earlier = [self.speaker(o) for o, _, _ in atts if o.start < c.start]
                    earlier = [e for e in earlier if e not in (None, "media")]
                    who = earlier[-1] if earlier else self.carried(si)
                return who, c
        if atts:
            return "media", None
        return self.carried(si), None
