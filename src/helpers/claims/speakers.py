"""Who says so: the speaker of a reporting verb or attribution, carried over a paragraph.
"""

from __future__ import annotations

import bisect
import re

from ..claim_tables import STATE_MEDIA
from ..gazetteer import match_key
from .article import (
    DATELINE_DASH,
    MAX_SPEAKER_WORDS,
    QUOTES_CLOSE,
    QUOTES_OPEN,
    SUBJECT_GAP,
    ClaimArticle,
    Mention,
    is_cue,
    opens,
    place_role,
    words_between,
)
from .cues import WORD, Cue

__all__ = ["SpeakerRules"]


QUALIFIERS = ("@military", "@government", "@intelligence", "@country")
# what ``subject`` may find that names no one of its own: the rules that look past the usual place of a subject
# (a headline's, an apposition's, a coordinated verb's) take only a named side, else they find nothing
NAMES_NO_ONE = (None, "", "media", "unnamed", "@previous")


def _bare_word(written: str) -> str:
    """The first word of a noun's match key without its article («الوزارة», «وزارة الدفاع» -> وزاره)."""
    key = match_key(written)
    if not key:
        return ""
    first = key[0]
    for prefix in ("وال", "فال", "بال", "لل", "ال"):
        if first.startswith(prefix) and len(first) - len(prefix) >= 3:
            return first[len(prefix):]
    return first


def _speaking_side(a: ClaimArticle, m: Mention, role: str) -> str:
    """The side ``m`` speaks for: a nisba or a country by the speaker noun's ``role``, anyone else by its side."""
    return a.side(m, role if m.form == "adjective" or m.type == "GPE" else "side")

UNNAMED_FRONT = "@front"  # a subject before the verb that names no one known: nothing after the verb is its speaker
SHORT_QUOTED_NAME = 3  # «نقلت "خلية الصقور" …»: a name this short in quotation marks is still the speaker
SHORT_CLAUSE_WORDS = 4  # «وفي اجتماع الثلاثاء،»: a clause this short before a verb only sets its time
LEADING_CLAUSE_WORDS = 6  # a clause with no event word, longer than this, before a verb is a predicate of its own


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
        if self.opens_quotation(cue.end, hi):
            hi = cue.end  # «وقال "نحن في سوريا …"»: what follows is the quotation, the speaker came before
        words = list(WORD.finditer(a.text, cue.end, hi))
        said_at = hi
        if len(words) > MAX_SPEAKER_WORDS:
            hi = words[MAX_SPEAKER_WORDS - 1].end()
        found = self.pluperfect_subject(cue, c0) if cue.value == "verb" else None
        if found is None and cue.value == "verb":
            found = self.fronted_subject(cue, c0)
        if found is not None:
            found = None if found == UNNAMED_FRONT else found
            a.frame_ends[cue.start] = cue.end
            a._speakers[cue.start] = found
            return found
        found = self.headline_subject(cue, c0)
        if found is None:
            found = self.subject(cue.end, hi)
        if found is None and self.quotes_from(cue):
            # «نقلت في 31 يوليو عن ثلاثة مسؤولين أمريكيين أن»: the source after «عن», past a time
            source = next((w for w in WORD.finditer(a.text, cue.end, hi) if w.group() == "عن"), None)
            if source is not None and words_between(a, cue.end, source.start()) <= SUBJECT_GAP + 2 and \
                    not a.mentions_in(cue.end, source.start()):
                near = list(WORD.finditer(a.text, source.end(), said_at))[:MAX_SPEAKER_WORDS]
                found = self.subject(source.end(), near[-1].end()) if near else None
        a.frame_ends[cue.start] = a.subject_end if found is not None else cue.end
        if found in (None, "@previous") and cue.value == "attribution":
            # «وهنأ العبادي، في بيان صدر عن مكتبه مساء السبت، القوات»: the statement of the verb before it, not
            # the object after it
            found = self.statement_of_verb(cue) or found
        if found in (None, "") and not comps and WORD.search(a.text, cue.end, c1):
            found = self.apposition(c1, found)  # «وقال فلان، المتحدث باسم البنتاغون، إن …»
            if found:
                a.frame_ends[cue.start] = a.subject_end
        if found is None and cue.value == "verb":
            found = self.antecedent(cue)  # «… كتائب حزب الله، التي أعلنت الثلاثاء …»
        if found is None and cue.value == "verb":
            # the subject before the verb («الولايات المتحدة والعراق أعلنتا»), in its clause or the sentence
            s0 = a.sentences[a.sentence_of(cue.start)][0]
            found = self.subject(c0, cue.start, adjacent=False)
            if found is None and c0 > s0 and not [c for c in a.cues_in(s0, cue.start, "events") if c.priority > 1]:
                found = self.subject(s0, cue.start, adjacent=False)
        if found is None and cue.value == "verb":
            found = self.coordinated_subject(cue, c0)  # «وحمل الكاظمي …، مؤكدا …، وأعلن الحداد الخميس»
        if found is None and cue.value == "attribution" and c1 < a.sentences[a.sentence_of(cue.start)][1]:
            n0, n1 = a.clause_of(c1)  # «بموجب التفاهم، ينتقل البلدان…»: the parties named next
            lead = n0 + len(a.text[n0:n1]) - len(a.text[n0:n1].lstrip())
            said = [c for c in a.cues_in(n0, n1, "reporting") if c.start == lead and c.value != "attribution"]
            # «في بيان، أن …»: what follows the complementizer is what was said, not who said it; «…، مضيفا أن …»
            # is the same speaker going on
            found = None if said else self.subject(n0, n1)
            if found in ("media", "unnamed", "@previous"):
                found = None
        if found in (None, "media") and cue.value == "attribution":
            # «وفق ما أفادت به القيادة العامة …»: the subject of the reporting verb the attribution quotes
            said = [c for c in a.cues_in(cue.end, min(c1, cue.end + 16), "reporting") if c.value == "verb"]
            if said and words_between(a, cue.end, said[0].start) <= 1:
                quoted = self.subject(said[0].end, c1)
                found = quoted if quoted not in NAMES_NO_ONE else found
        if found == "@previous":
            found = self.previous_speaker(cue.start)
        if found in (None, "media") and cue.value in ("verb", "continuation"):
            if a._naming:  # looking back from a later «وقال كوتس»: only a speaker named in full counts here,
                return found  # not remembered, so a direct question about this verb still looks back itself
            # «وقال كوتس» after «أعلن مدير الاستخبارات الأميركية، دان كوتس»; «وقال الحديثي لـCNN»: the outlet
            # told is no speaker when a name given in full before speaks to it (CLAIMS.md rule 13)
            found = self.named_earlier(cue, c1) or found
        a._speakers[cue.start] = found
        return found

    def statement_of_verb(self, cue: Cue) -> str | None:
        """The speaker of a reporting verb whose clause ends right before the attribution ``cue`` opens its own
        («وهنأ رئيس الوزراء حيدر العبادي، في بيان …»): the attribution names where that verb's statement was made."""
        a = self.a
        c0 = a.clause_of(cue.start)[0]
        if c0 == 0 or not opens(a, c0, cue.start):
            return None
        p0 = a.clause_of(c0 - 1)[0]
        verbs = [c for c in a.cues_in(p0, c0, "reporting") if c.value == "verb"]
        if not verbs or a.sentence_of(verbs[-1].start) != a.sentence_of(cue.start):
            return None
        found = self.speaker(verbs[-1])
        return None if found in NAMES_NO_ONE else found

    def quotes_from(self, verb: Cue) -> bool:
        """Is ``verb`` one that reports only with «عن» and its source (reporting.csv ``verb_an``: نقل)? The cue
        says «verb» once «عن» was found after it (ClaimArticle._read_prepositional_verbs); its table says which."""
        return is_cue(self.a, " ".join(match_key(self.a.text[verb.start:verb.end])), ("", "و", "ف"), "reporting",
                      "verb_an")

    def pluperfect_subject(self, verb: Cue, c0: int) -> str | None:
        """The subject of a pluperfect reporting verb, named between «كان» and «قد» («وكان ترامب قد قال في مقابلة
        مع شبكة …», «وكان مجلس النواب قد طالب العبادي»): what follows the verb is its setting or object."""
        a = self.a
        s0 = a.sentences[a.sentence_of(verb.start)][0]
        words = list(WORD.finditer(a.text, max(s0, verb.start - 160), verb.start))
        if len(words) < 3 or words[-1].group() != "قد":
            return None
        for word in reversed(words[:-2]):
            if is_cue(a, " ".join(match_key(word.group())), ("", "و", "ف"), "scopes", "auxiliary"):  # «وكان»
                found = self.subject(word.end(), words[-1].start(), adjacent=False)
                # «وكانت موسكو قد أبلغت»: named, no core side; a newspaper's own report («وكانت صحيفة … قد نقلت عن
                # مسؤولين») names its source after the verb
                if found is None and WORD.search(a.text, word.end(), words[-1].start()):
                    return UNNAMED_FRONT  # «وكانت الوزارة قد احتجت على غارات تركية»: a subject, not the nisba after
                return None if found in (None, "@previous", "media") else found
        return None

    def fronted_subject(self, verb: Cue, c0: int) -> str | None:
        """The subject named between a complementizer and the reporting verb it governs («… أن الجيش الأميركي
        أبلغ القوات الروسية …»): the name after the verb is then its object, also when the subject names no one
        the tables know («بأن الإدارة أبلغت أنقرة»: ``UNNAMED_FRONT``)."""
        a = self.a
        comps = [c for c in a.cues_in(c0, verb.start, "reporting") if c.value == "complementizer"]
        if not comps or not 0 < words_between(a, comps[-1].end, verb.start) <= MAX_SPEAKER_WORDS:
            return None
        found = self.subject(comps[-1].end, verb.start)
        return UNNAMED_FRONT if found in (None, "@previous") else found

    def headline_subject(self, verb: Cue, c0: int) -> str | None:
        """The subject of an imperfect reporting verb that only a subject comes before in its clause, as in a
        headline or a timeline entry («أبريل 2025: وزارة الدفاع الأمريكية تعلن …», «البنتاغون يعلن أن …»): news
        writes these subject first, so what follows the verb is what was said («… تجميع القوات في سوريا»)."""
        a = self.a
        word = a.text[verb.start:verb.end]
        glued = a.text[verb.start - 1:verb.start]
        if word[:1] not in "يت" or glued.isalpha() or DATELINE_DASH.search(a.text, c0, verb.start) or \
                not WORD.search(a.text, c0, verb.start) or \
                words_between(a, c0, verb.start) > MAX_SPEAKER_WORDS or a.cues_in(c0, verb.start, "events", "reporting"):
            return None
        found = self.subject(c0, verb.start)
        if found is None and not a._naming:
            words = list(WORD.finditer(a.text, c0, verb.start))
            if len(words) == 1:  # a surname alone («ميلر يعلن خفضا إضافيا»), named in full earlier
                found = self.surname_side(words[0], verb.start)
        return found if found not in NAMES_NO_ONE else None

    def coordinated_subject(self, verb: Cue, c0: int) -> str | None:
        """The subject of a verb coordinated by «و» at the head of a later clause of its sentence, with no
        subject of its own: the subject right after the sentence's first verb, which it continues («وحمل
        رئيس الوزراء … القوات التركية مسؤولية الهجوم، …، وأعلن الحداد الرسمي …»)."""
        a = self.a
        s0 = a.sentences[a.sentence_of(verb.start)][0]
        if c0 <= s0 or a.text[verb.start - 1:verb.start] != "و" or a.text[c0:verb.start - 1].strip():
            return None
        first = WORD.search(a.text, s0, c0)
        if first is None or a.mentions_in(first.start(), first.end()) or not first.group().startswith(("و", "ف")):
            return None  # the sentence must open with its verb («وحمل …»), not with a name or a date
        if a.text[first.end():c0].lstrip()[:1] in QUOTES_OPEN:
            return None  # «وتبنت "المقاومة الإسلامية في العراق"»: a group's own name, no side of the core list
        found = self.subject(first.end(), c0)
        return found if found not in NAMES_NO_ONE else None

    def antecedent(self, verb: Cue) -> str | None:
        """The speaker of a reporting verb right after a relative pronoun (background.csv, ``relative``): the
        name the pronoun follows in the sentence («… فصائل من بينها كتائب حزب الله، التي أعلنت …»), not the
        sentence's subject; "" when that name speaks for no core side, None when there is no such name."""
        a = self.a
        s0 = a.sentences[a.sentence_of(verb.start)][0]
        relative = [c for c in a.cues_in(max(s0, verb.start - 12), verb.start, "background") if c.value == "relative"]
        if not relative or a.text[relative[-1].end:verb.start].strip():
            return None
        before = [m for m in a.mentions_in(s0, relative[-1].start) if m.type != "DOC"]
        if not before or a.text[before[-1].end:relative[-1].start].strip(" ،,\"»”"):
            return None
        title = [c for c in a.cues_in(max(s0, before[-1].start - 12), before[-1].start, "speakers")
                 if c.value == "@country" and not a.text[c.end:before[-1].start].strip()]
        if title:  # «… محافظ دير الزور، الذي قال»: the governor, who speaks for the country of his province
            return self.subject(title[-1].start, before[-1].end)
        if place_role(a, before[-1], s0) is not None:
            return None
        return _speaking_side(a, before[-1], "side")

    def named_earlier(self, cue: Cue, c1: int) -> str | None:
        """The side of a name outside the gazetteer, right after a reporting verb, from where it was first
        given with its title: an earlier reporting verb at most ``MAX_SPEAKER_WORDS`` words before that
        occurrence, whose speaker is known (news names a speaker in full once, then by surname)."""
        a = self.a
        word = WORD.search(a.text, cue.end, c1)
        if word is None or a.text[cue.end:word.start()].strip():
            return None
        return self.surname_side(word, cue.start)

    def surname_side(self, word: re.Match, pos: int) -> str | None:
        """The side of ``word`` as a name outside the gazetteer, given in full with its title before ``pos``."""
        a = self.a
        name = word.group(0)
        if a.mentions_in(word.start(), word.end()) or len(name) < 3 or a.cues_in(word.start(), word.end()) or \
                match_key(name) and match_key(name)[0] in a.tables.cues:
            return None  # a common word («وقال في بيان»), not a name; a surname may be definite («وأكد العوادي»)
        a._naming = True  # the earlier verbs' speakers are read without looking back again: no recursion
        try:
            return self._named_before_verb(name, pos)
        finally:
            a._naming = False

    def _named_before_verb(self, name: str, pos: int) -> str | None:
        a = self.a
        while (pos := a.text.rfind(name, 0, pos)) >= 0:
            if (pos and a.text[pos - 1].isalnum()) or a.text[pos + len(name):pos + len(name) + 1].isalnum():
                continue
            for earlier, _, _ in self.attributions(a.sentence_of(pos)):
                if earlier.start < pos and earlier.value == "verb" and \
                        words_between(a, earlier.end, pos) <= MAX_SPEAKER_WORDS:
                    side = self.speaker(earlier)
                    if side not in (None, "", "media", "unnamed"):
                        return side
        return None

    def opens_quotation(self, lo: int, hi: int) -> bool:
        """Does ``lo..hi`` open with a quotation, not a short quoted name that the clause goes on after
        («نقلت "خلية الصقور" الاستخبارية عن …»)?"""
        a = self.a
        lead = a.text[lo:hi].lstrip()
        if lead[:1] not in QUOTES_OPEN:
            return False
        q = lo + len(a.text[lo:hi]) - len(lead) + 1
        close = min((i for i in (a.text.find(c, q, hi) for c in QUOTES_CLOSE) if i >= 0), default=-1)
        return close < 0 or words_between(a, q, close) > SHORT_QUOTED_NAME or not WORD.search(a.text, close + 1, hi)

    def apposition(self, c1: int, found: str | None) -> str | None:
        """The side named by an apposition after an unknown or outside-core name, set off by commas
        («قال فلان، المتحدث باسم وزارة الدفاع الأميركية، إن»): the next clause, when it opens with a
        title or a name, up to its «إن»."""
        a = self.a
        s1 = a.sentences[a.sentence_of(c1 - 1)][1]
        if c1 >= s1 or a.text[c1 - 1] not in ",،":
            return found
        n0, n1 = a.clause_of(c1)
        first = WORD.search(a.text, n0, n1)
        if first is None or not (a.cues_in(first.start(), first.end(), "speakers")
                                 or a.mentions_in(first.start(), first.end())):
            return found
        comps = [c for c in a.cues_in(n0, n1, "reporting") if c.value == "complementizer"]
        side = self.subject(n0, comps[0].start if comps else n1)
        return side if side not in NAMES_NO_ONE else found

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
        if adjacent:  # «قرار يطالب بإخراج القوات»: what is demanded is no subject, nor what comes after it
            hi = min([c.start for c in a.cues_in(lo, hi, "events") if c.priority > 1 and a.text[c.start - 1] in "بل"
                      and c.start - 1 > lo and not a.text[c.start - 2].isalnum()][:1] or [hi])
        speakers = a.cues_in(lo, hi, "speakers")
        mentions = [m for m in a.mentions_in(lo, hi) if m.type != "DOC"]
        items = sorted([(c.start, 0, c) for c in speakers] + [(m.start, 1, m) for m in mentions],
                       key=lambda x: (x[0], x[1]))
        skip_to, last_end, qualifier, conduit_end = -1, lo, None, -1
        for pos, kind, item in items:
            if pos < skip_to:
                continue
            if adjacent and words_between(a, last_end, pos) > SUBJECT_GAP:
                break
            if kind == 0:
                value = item.value
                if value in ("@military", "@government", "@intelligence", "@country", "@via"):
                    role = value[1:] if value != "@via" else role
                    qualifier = item if value != "@via" else qualifier
                    last_end = max(last_end, item.end)
                    continue  # a qualifier or a channel («بيان صادر عن مكتب …»): the names after it count
                if value in ("@conduit", "unnamed", "@previous") or value.startswith(STATE_MEDIA):
                    # a conduit's source, named after it («نقلت وكالة … عن …»), is the speaker; else the outlet's
                    # own voice: the media, or the state of a state agency («ذكرت وكالة "إرنا" أن»: rule 26)
                    if value.startswith(STATE_MEDIA) and weak in (None, "media"):
                        weak = value.removeprefix(STATE_MEDIA)
                    if value == "unnamed" and weak == "media":
                        weak = value  # «نقلت وكالة رويترز عن مصادر مطلعة»: the outlet passes on an anonymous source
                    weak = weak or ("media" if value == "@conduit" else value)
                    conduit_end = item.end if value == "@conduit" else conduit_end
                else:
                    a.subject_end = item.end
                    return "" if value == "@outside" else value  # «المرصد السوري»: named, no core side
                skip_to = last_end = item.end
                a.subject_end = item.end
                continue
            if item.form == "adjective" and conduit_end >= 0 and words_between(a, conduit_end, pos) <= 1 and \
                    not any(is_cue(a, " ".join(match_key(w)), ("", "ال"), "scopes", "state_outlet")
                            for w in WORD.findall(a.text, conduit_end, item.end + 12)):
                # «وكالة الأنباء الفرنسية», «صحيفة أمريكية»: the outlet's country, no speaker (rules 13, 26); not
                # «التلفزيون الرسمي العراقي», state media, which speak for their state
                skip_to = last_end = item.end
                continue
            role_here = place_role(a, item, lo)
            if role_here in ("target", "seized", "other"):
                continue  # «تعلن النصر على داعش», «بقيادة الولايات المتحدة»: an object or a partner, no subject
            if role_here == "locative" and weak is None and qualifier is None and \
                    any(is_cue(a, word, ("", "و", "ب", "ل"), "scopes", "venue")
                        for word in a.previous_word(item.start, lo).split(" ")):
                continue  # «قال في كلمة بإسطنبول»: where the speech was made; the speaker is named elsewhere
            if qualifier is not None and qualifier.value in ("@country", "@military") and \
                    a.tables.types.get(item.entity_id) in ("CITY", "LOC"):
                # «محافظ كركوك»: the governor of a city or province speaks for its country (CLAIMS.md rule 29);
                # «قيادة عمليات صلاح الدين»: a command named after a province, for that country's forces (rule 14)
                country = a.country_holding(item.entity_id)
                if country:
                    a.subject_end = item.end
                    return a.side(item._replace(entity_id=country, type="GPE"), qualifier.value[1:])
            group = a.coordinated(item, lo, hi)
            a.subject_end = last_end = group[-1].end
            sides = [_speaking_side(a, m, role) for m in a.members(group)]
            if len(sides) > 1 and len({s for s in sides if s}) > 1:  # a joint statement: the sides (rule 15)
                return a.joint([_speaking_side(a, m, role) for m in a.members(group, people=False)])
            side = sides[0]
            if side == "media":
                weak = weak or "media"  # «قالت مصادر مطلعة لشبكة CNN»: the conduit hides no speaker (rule 13)
                skip_to = item.end
                continue
            return side if side or item.entity_id in a.tables.sides else ""
        if weak is None and qualifier is not None:
            return self.named_before(qualifier)
        return weak

    def named_before(self, noun: Cue) -> str | None:
        """A bare institution noun («وقالت الشرطة», «وقالت الوزارة») is the one named before with its nisba or
        its full name («الشرطة التركية», «وزارة الدفاع الأمريكية»), whatever title that one had."""
        a = self.a
        index = a._qualified.get("nouns")
        if index is None:
            index = a._qualified["nouns"] = self._qualified_nouns()
        starts, sides = index.get(self.noun_key(noun), ((), ()))
        i = bisect.bisect_left(starts, noun.start)
        return sides[i - 1] if i else None

    def noun_key(self, noun: Cue) -> str:
        """An institution noun's first word without its article; one key for every name of a parliament
        (scopes.csv ``assembly``: «البرلمان» is the «مجلس النواب العراقي» named before)."""
        if any(c.value == "assembly" and c.start == noun.start for c in self.a.cues_in(noun.start, noun.end, "scopes")):
            return "@assembly"
        return _bare_word(self.a.text[noun.start:noun.end])

    def _qualified_nouns(self) -> dict[str, tuple[list[int], list[str]]]:
        """The article's institution nouns named with their nisba or country («الشرطة التركية») or opening a
        listed name («وزارة الدفاع الأمريكية»), by their first word without its article: their offsets and
        sides, in text order. Built once an article, so a long article's bare nouns are each looked up by
        bisection instead of scanning every noun before them."""
        a = self.a
        found: dict[str, tuple[list[int], list[str]]] = {}
        for cue in a.cues_in(0, len(a.text), "speakers"):
            if cue.value not in QUALIFIERS:
                continue
            role = cue.value[1:]
            after = a.mentions_in(cue.start, a.clause_of(cue.start)[1])
            if after and after[0].start == cue.start and after[0].form == "name":
                side = a.side(after[0])  # «وزارة الدفاع الأمريكية»: a listed name (pentagon)
            elif after and after[0].start >= cue.end and words_between(a, cue.end, after[0].start) <= 1:
                side = _speaking_side(a, after[0], role)
            else:
                continue
            if side and side != "media":
                starts, sides = found.setdefault(self.noun_key(cue), ([], []))
                starts.append(cue.start)
                sides.append(side)
        return found

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
            if cue.value == "noun_of" and not self.names_right_after(cue):
                continue  # «إعلان الاستقلال»: a noun of speech with no speaker named
            c0, c1 = a.clause_of(cue.start)
            if cue.value == "noun_of":
                c0 = cue.start  # «جاءت الاستقالة الخميس بعد إعلان ترامب»: what comes before is not his
            if a.after_relative(cue.start):
                c0 = cue.start  # «صوت البرلمان، الثلاثاء، على الحزمة التي أعلنها العبادي»: the antecedent's clause
            else:
                # «8 مايو 2018، أعلن ترامب…», «وفي اجتماع الثلاثاء، أعرب…»: a leading date belongs to the verb,
                # even in a short clause with a weak word (priority 1: a meeting, a statement noun), as in the
                # event rules
                while c0 > s0 and self.leads_to_verb(a.clause_of(c0 - 1)[0], c0):
                    c0 = a.clause_of(c0 - 1)[0]
            if [c for c in a.cues_in(c0, cue.start, "events") if c.priority > 1]:
                c0 = cue.start  # «التقى … في 20 مارس وقال»: the date before belongs to the other predicate
            end = c1
            while end < s1:
                n0, n1 = a.clause_of(end)
                opener = a.cues_in(n0, min(n1, n0 + 12), "background")
                if any(c.value != "relative" and opens(a, n0, c.start) for c in opener) and \
                        not self.sets_the_statement(n0, n1):
                    break
                end = n1 if n1 > end else s1
            out.append((cue, c0, min(end, s1)))
        return out

    def names_right_after(self, cue: Cue) -> bool:
        """Is a name or a speaker noun the word right after ``cue`` («إعلان ترامب», «إعلان الرئيس الأمريكي»)? Then a
        noun of speech (reporting.csv ``noun_of``) reports, its genitive the speaker (CLAIMS.md rule 10, «مع إعلان
        X أن»)."""
        a = self.a
        word = WORD.search(a.text, cue.end, cue.end + 40)
        if word is None or a.text[cue.end:word.start()].strip():
            return False
        return bool(a.mentions_in(word.start(), word.end()) or a.cues_in(word.start(), word.end(), "speakers"))

    def times_the_noun(self, cue: Cue, start: int) -> bool:
        """Does the date at ``start`` come right after the speaker a noun of speech names, at most a preposition
        between («إعلان ترامب، الأربعاء، أن», «إعلان بغداد في ديسمبر 2017 النصر»)? Then it dates that speech; a date
        further on («إعلان ترامب سحب القوات … في السادس من أكتوبر») is the outlet's own account of it."""
        if self.speaker(cue) in NAMES_NO_ONE:
            return False
        named_end = self.a.frame_ends.get(cue.start, cue.end)
        return named_end <= start and len(WORD.findall(self.a.text, named_end, start)) <= 1

    def sets_the_statement(self, lo: int, hi: int) -> bool:
        """Does ``lo..hi`` open with «وذلك» and a setting word (scopes.csv ``setting``: «وذلك خلال اجتماع …»)?
        Then it tells where and when the statement before it was made: still the speaker's (CLAIMS.md rule 27)."""
        a = self.a
        words = list(WORD.finditer(a.text, lo, min(hi, lo + 30)))[:2]
        return len(words) == 2 and match_key(words[0].group())[:1] == ("وذلك",) and any(
            c.value == "setting" and c.start == words[1].start() for c in a.cues_in(words[1].start(), hi, "scopes"))

    def leads_to_verb(self, lo: int, hi: int) -> bool:
        """Does the clause ``lo..hi`` before a reporting verb only set its time (no trigger, or a weak one in
        a short clause)?"""
        a = self.a
        cues = [c for c in a.cues_in(lo, hi, "events", "reporting") if c.priority > 0 or c.table != "events"]
        if not cues:  # a priority-0 word («العملية») is no predicate of its own; a long clause is a predicate
            return words_between(a, lo, hi) <= LEADING_CLAUSE_WORDS  # of its own («بني السد عام 1984 على أرض …»)
        return all(c.table == "events" and c.priority <= 1 for c in cues) and \
            words_between(a, lo, hi) <= SHORT_CLAUSE_WORDS

    def sentence_speaker(self, si: int) -> str:
        """The speaker a following sentence of the paragraph carries over (media for narration)."""
        a = self.a
        if si in a._sentence_state:
            return a._sentence_state[si]
        # a noun of speech («بعد إعلان ترامب») names the speaker of its own clause, no speaker the sentence goes on with
        found = [self.speaker(c) for c, _, _ in self.attributions(si) if c.value != "noun_of"]
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
        if self.is_background(si - 1) and not a.cues_in(s0, a.sentences[si][1], "reporting"):
            return "media"  # a speaker quoted inside the narrator's background («وكان X قد قال …») starts no quotation
        return self.sentence_speaker(si - 1)

    def is_background(self, si: int) -> bool:
        found = self.a._background.get(si)
        if found is None:
            found = self.a._background[si] = self._is_background(si)
        return found

    def _is_background(self, si: int) -> bool:
        a = self.a
        s0, s1 = a.sentences[si]
        lead = a.text[s0:s1].lstrip()
        offset = s0 + (len(a.text[s0:s1]) - len(lead))
        return any(c.value == "background" and opens(a, offset, c.start)
                   for c in a.cues_in(offset, min(s1, offset + 20), "background"))

    def claimant(self, start: int) -> tuple[str, Cue | None]:
        a = self.a
        si = a.sentence_of(start)
        # a noun of speech counts only for the date it times («بعد إعلان ترامب، الأربعاء،»)
        atts = [x for x in self.attributions(si) if x[0].value != "noun_of" or self.times_the_noun(x[0], start)]
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
