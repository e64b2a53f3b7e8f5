"""One article as the claim rules read it: sentences, clauses, paragraphs, cues and entity mentions.

Offsets are the original text's. Every lookup a rule makes (the cues of a table in a span, the
mentions in a span, the word before a mention, a mention's side) is answered here, from sorted
offsets and bisection, and remembered per article: the rules ask the same few questions often.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import cache, lru_cache
from typing import NamedTuple

from ..claim_tables import ClaimTables
from ..entities import EntityMatcher
from ..gazetteer import match_key
from ..normalize import SENTENCE_MARKS, Normalized
from ..spans import sentence_spans
from .cues import WORD, Cue, cue_scanner

__all__ = ["CLAUSE_MARKS", "DATELINE_DASH", "MAX_SPEAKER_WORDS", "MAX_SPEECH_WORDS", "NEGATION_WORDS", "PLACE_TYPES", "QUOTES_CLOSE",
           "QUOTES_OPEN", "SUBJECT_GAP", "ClaimArticle", "Mention", "after_area_noun", "after_cue", "opens", "place_role", "words_between"]

PLACE_TYPES = frozenset({"GPE", "CITY", "LOC", "FAC"})
SITE_TYPES = PLACE_TYPES - {"GPE"}  # places that are never agents
AGENT_TYPES = frozenset({"ORG", "PER", "GPE", "CITY"})
CLAUSE_MARKS = "،؛,;:"
CLAUSE_MARK = re.compile("[" + CLAUSE_MARKS + "]")
DATELINE_DASH = re.compile(r"\s(?:--|[–—-])\s")  # «بغداد – …», «واشنطن - …»: the dash after a dateline
QUOTES_OPEN, QUOTES_CLOSE = ('"', "«", "“"), ('"', "»", "”")
MAX_SPEAKER_WORDS = 7  # a reporting verb's subject lies within this many words after it
GENITIVE_CLITICS = ("", "و", "ب", "ل", "ال", "بال", "وال", "لل")  # on an event noun a place is the genitive of
# places.csv roles of words that give the place after them no role of their own (read by their own rules)
NO_ROLE = frozenset({"country", "part", "direction", "quarter", "region_plural"})
CONDITIONAL_VERBS = ("verb_bi", "verb_an", "verb_that")  # reporting.csv kinds read against what follows them
MAX_SPEECH_WORDS = 12  # a date this close after a reporting verb, with nothing between, times the speech
SUBJECT_GAP = 3  # words between a reporting verb and its subject, or between the subject's parts
NEGATION_WORDS = 2  # a negation cue at most this many words before the trigger denies it


# a sentence that ends inside a quotation («… في سوريا." وأضافت …»): the suite's cut needs a space after the mark
QUOTED_END = re.compile("[" + re.escape(SENTENCE_MARKS) + "][" + "".join(QUOTES_CLOSE) + r"](?=\s)")


def _cut_after_quotes(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``sentences`` cut again after a closing quotation mark that follows a sentence mark."""
    cuts = sorted({e for _, e in sentences} | {m.end() for m in QUOTED_END.finditer(text)})
    return list(zip([0, *cuts[:-1]], cuts))


class Mention(NamedTuple):
    start: int
    end: int
    entity_id: str
    type: str
    form: str
    surface: str


def words_between(article, a: int, b: int) -> int:
    """Number of words (runs between spaces) in ``a..b`` of the article's text."""
    return len(article.text[a:b].split()) if b > a else 0


def opens(article, lo: int, pos: int) -> bool:
    """Does the cue at ``pos`` open ``lo..``, a proclitic glued to it aside («ويذكر أن», «وبعد»)?"""
    before = article.text[lo:pos].split()
    return not before or len(before) == 1 and not article.text[pos - 1:pos].isspace()


class ClaimArticle:
    """One article's sentences, clauses, paragraphs, cues and entity mentions, in original offsets."""

    def __init__(self, text: str, norm: Normalized, paragraph_starts, tables: ClaimTables, matcher: EntityMatcher,
                 last: int | None = None, published: dt.date | None = None):
        self.text, self.tables, self.gazetteer = text, tables, matcher.gazetteer
        self.matcher = matcher
        self.published = published
        self.sentences = sentence_spans(text)
        if QUOTED_END.search(text):
            self.sentences = _cut_after_quotes(text, self.sentences)
        self.sentence_ends = [e for _, e in self.sentences]
        bounds = {0, len(text)}
        for s, e in self.sentences:
            bounds.add(s)
            bounds.add(e)
        bounds.update(m.end() for m in CLAUSE_MARK.finditer(text))
        self.clause_bounds = sorted(bounds)
        self._clauses: dict[int, tuple[int, int]] = {}
        if paragraph_starts is None:
            paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
        self.paragraph_starts = list(paragraph_starts) or [0]
        # every window read lies in the sentence of a milestone or before it: no cue after the last one's sentence
        limit = None if last is None else self.sentences[self.sentence_of(last)][1]
        self.cues = cue_scanner(tables).scan(norm, limit)
        if any(quote in text for quote in QUOTES_OPEN):
            self.cues = [c for c in self.cues if not (c.table == "reporting" and self.quoted_alone(c))]
        # «عاد الهدوء الحذر»: a word with the article is a noun, never the verb «حذر»
        self.cues = [c for c in self.cues if not (c.table == "reporting" and c.value == "verb" and self.definite(c.start))]
        self._index_cues()
        if any(c.value == "complementizer" and self.text[c.start:c.end] == "بان" for c in self.by_table.get("reporting", ((), ()))[1]):
            self._drop_cues_in_names()  # «بان كي مون» is no «بأن» written without its hamza
        if any(c.value in CONDITIONAL_VERBS for c in self.by_table.get("reporting", ((), ()))[1]):
            self.cues = self._read_prepositional_verbs(self.cues)
            self._index_cues()
        self._previous: dict[tuple[int, int], str] = {}
        self._mentions: tuple[list[int], list[Mention]] | None = None
        self._speakers: dict[int, str | None] = {}
        self._sentence_state: dict[int, str] = {}
        self._attributions: dict[int, list] = {}
        self._date_clauses: dict[tuple[int, int], tuple[int, int]] = {}
        self._roles: dict[tuple[int, int], str | None] = {}
        self._governed: dict[tuple[int, int], bool] = {}
        self._frames: dict[int, list] = {}
        self._places: dict[tuple, list] = {}
        self._anaphors: list[Mention] | None = None
        self._place_anaphors: tuple[list[int], list[Mention]] | None = None
        self._qualified: dict[str, dict] = {}  # SpeakerRules.named_before's index
        self._event_clauses: dict[str, list[Cue]] = {}  # PlaceRules.earlier_place's clauses, read in order
        self._earlier_places: dict[str, list] = {}
        self._naming = False  # SpeakerRules.named_earlier is looking back
        self._background: dict[int, bool] = {}
        self._relative: dict[int, bool] = {}  # EventRules.in_relative_clause, by clause start
        self._seceding: dict[int, str] = {}  # ActorRules.seceding_region, by date start
        self._lead: tuple[int, tuple[int, int] | None] | None = None  # PlaceRules.dateline: the lead paragraph
        self.frame_ends: dict[int, int] = {}  # reporting cue start -> end of its subject
        self.attack_actors: list[tuple[int, int, str]] = []  # (start, paragraph, actor) of attacks read so far
        self.subject_end = 0

    def _index_cues(self) -> None:
        self.cue_starts = [c.start for c in self.cues]
        self.by_table: dict[str, tuple[list[int], list[Cue]]] = {}
        for cue in self.cues:
            starts, cues = self.by_table.setdefault(cue.table, ([], []))
            starts.append(cue.start)
            cues.append(cue)
        self.has_time_cues = any(c.value == "time" for c in self.by_table.get("dates", ((), ()))[1])

    def _drop_cues_in_names(self) -> None:
        """Drop the reporting cues that lie inside a person's name the entity matcher finds."""
        names = [(start, end) for payload, start, end in self.matcher.spans(self.text) if payload[3] == "PER"]
        self.cues = [c for c in self.cues if c.table != "reporting" or
                     not any(n0 <= c.start and c.end <= n1 for n0, n1 in names)]
        self._index_cues()

    def _read_prepositional_verbs(self, cues: list[Cue]) -> list[Cue]:
        """Verbs that report only with their preposition or their content: «أقر/اعترف» when their object comes
        with ب (CLAIMS.md rule 10: «أقر بـ» acknowledged), the first event word after them in the sentence, at
        most ``MAX_SPEECH_WORDS`` on, carrying ب, or a «بأن» that far; «نقل» when «عن» follows within ``MAX_SPEAKER_WORDS`` words
        («نقلت رويترز عن مسؤول»; «نقل معدات وجنود من قاعدة» moves them, and says nothing); «كتب» when what
        was written follows within as many words, a complementizer, a colon or a quotation («كتب ترامب على
        تويتر أن …»; «كتب المعارض» are also his books)."""
        out = []
        for i, cue in enumerate(cues):
            if cue.value not in CONDITIONAL_VERBS:
                out.append(cue)
                continue
            s1 = self.sentences[self.sentence_of(cue.start)][1]
            if cue.value == "verb_that":
                near = list(WORD.finditer(self.text, cue.end, s1))[:MAX_SPEAKER_WORDS + 1]
                hi = near[-1].end() if near else cue.end
                said = False
                for c in cues[i + 1:]:  # in text order
                    if c.start >= hi:
                        break
                    said = said or c.table == "reporting" and c.value == "complementizer"
                if said or any(mark in self.text[cue.end:hi + 1] for mark in (":", *QUOTES_OPEN)):
                    out.append(cue._replace(value="verb"))
                continue
            if cue.value == "verb_an":
                words = WORD.findall(self.text, cue.end, s1)[:MAX_SPEAKER_WORDS + 1]
                if any(match_key(w) == ("عن",) for w in words):
                    out.append(cue._replace(value="verb"))
                continue
            nxt = next((c for c in cues[i + 1:] if c.table == "events" and c.start >= cue.end), None)
            if nxt is not None and nxt.start < s1 and self.text[nxt.start - 1] == "ب" \
                    and words_between(self, cue.end, nxt.start) <= MAX_SPEECH_WORDS:
                out.append(cue._replace(value="verb"))
            elif any(c.table == "reporting" and c.value == "complementizer" and self.text[c.start] == "ب"
                     and c.start >= cue.end and words_between(self, cue.end, c.start) <= MAX_SPEECH_WORDS
                     for c in cues[i + 1:i + 12]):
                out.append(cue._replace(value="verb"))  # «أقر التحالف، السبت، بأن طائراته نفذت غارة»
        return out

    # -- spans
    def sentence_of(self, pos: int) -> int:
        return min(bisect.bisect_right(self.sentence_ends, pos), len(self.sentences) - 1)

    def clause_of(self, pos: int) -> tuple[int, int]:
        found = self._clauses.get(pos)  # asked again and again for the same few offsets
        if found is None:
            i = bisect.bisect_right(self.clause_bounds, pos) - 1
            found = self._clauses[pos] = (self.clause_bounds[i],
                                          self.clause_bounds[min(i + 1, len(self.clause_bounds) - 1)])
        return found

    def definite(self, pos: int) -> bool:
        """Does the word whose cue starts at ``pos`` carry the article before it («الحذر», «والحذر», «للحذر»)?"""
        text = self.text
        head = pos
        while head > 0 and text[head - 1].isalpha():
            head -= 1
        return head < pos and text[head:pos].endswith(("ال", "لل"))

    def quoted_alone(self, cue: Cue) -> bool:
        """Is the cue a word alone in quotation marks (خطة "حذر")? Then it names something; it says nothing."""
        return self.text[cue.start - 1:cue.start] in QUOTES_OPEN and self.text[cue.end:cue.end + 1] in QUOTES_CLOSE

    def paragraph_of(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, pos) - 1

    def cues_in(self, a: int, b: int, *tables: str) -> list[Cue]:
        """The cues starting in ``a..b`` (of ``tables``, default all), in text order."""
        if len(tables) == 1:
            starts, cues = self.by_table.get(tables[0], ((), ()))
            return cues[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]
        cues = self.cues[bisect.bisect_left(self.cue_starts, a):bisect.bisect_left(self.cue_starts, b)]
        return [c for c in cues if c.table in tables] if tables else cues

    def mentions_in(self, a: int, b: int) -> list[Mention]:
        """Entity mentions starting in ``a..b`` (the article is matched once, when first asked), with the
        group anaphors among them (``anaphors.csv``: «التنظيم» after «داعش» is a mention of ISIS)."""
        if self._mentions is None:
            text = self.text
            found = [Mention(start, end, payload[0], payload[3], payload[4], text[start:end])
                     for payload, start, end in self.matcher.spans(text)]
            if self.tables.anaphors and found:
                found = self._with_group_anaphors(found)
            self._mentions = ([m.start for m in found], found)
        starts, found = self._mentions
        return found[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]

    def _with_group_anaphors(self, found: list[Mention]) -> list[Mention]:
        """``found`` and, for each group anaphor outside a mention, a mention of the group it may name that
        was named last before it; an anaphor before any of its groups is named names nothing."""
        pattern, stems = _anaphor_pattern(tuple(self.tables.anaphors))
        if pattern is None or not stems.search(self.text):
            return found
        starts, ends = [m.start for m in found], [m.end for m in found]
        added = []
        for match in pattern.finditer(self.text):
            i = bisect.bisect_right(starts, match.start())
            if i and ends[i - 1] > match.start():
                continue  # inside a name («تنظيم الدولة»)
            form = " ".join(match_key(match.group(1)))  # as the table writes it
            groups = self.tables.anaphors.get("ال" + form[2:] if form.startswith("لل") else form, ())  # «للتنظيم»
            named = next((m for m in reversed(found[:i]) if m.entity_id in groups), None)
            if named is not None:
                added.append(Mention(match.start(), match.end(), named.entity_id, named.type, "name", match.group(0)))
        return sorted(found + added) if added else found

    def country_anaphors(self, a: int, b: int) -> list[Mention]:
        """«البلاد» in ``a..b`` as a mention of the country named last as a place before it in the article
        (places.csv, role ``country``): «… في دمشق … جنوب البلاد» is southern Syria."""
        if self._anaphors is None:
            self._anaphors = self._read_country_anaphors()
        return [m for m in self._anaphors if a <= m.start < b] if self._anaphors else []

    def place_anaphors(self, a: int, b: int) -> list[Mention]:
        """«المدينة», «المخيم» in ``a..b`` as a mention of the place of their type (anaphors.csv, ``@CITY``,
        ``@FAC``) named last before them: «… مدينة تكريت … في المدينة» is in Tikrit (CLAIMS.md rule 20)."""
        if self._place_anaphors is None:
            found = self._read_place_anaphors()
            self._place_anaphors = ([m.start for m in found], found)
        starts, found = self._place_anaphors
        return found[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)] if found else []

    def _read_place_anaphors(self) -> list[Mention]:
        found = self.by_table.get("place_anaphors", ((), ()))[1]  # the cue scan found them, with their clitics
        if not found:
            return []
        mentions = self.mentions_in(0, len(self.text))
        starts = [m.start for m in mentions]
        types = self.tables.types
        out = []
        for cue in found:
            i = bisect.bisect_right(starts, cue.start)
            if i and mentions[i - 1].end > cue.start:
                continue  # inside a name
            # the place last named as a place: not a capital standing for its government («نشرت واشنطن …»)
            named = next((m for m in reversed(mentions[:i]) if types.get(m.entity_id) == cue.value
                          and not self._metonym(m)), None)
            if named is not None:
                out.append(Mention(cue.start, cue.end, named.entity_id, cue.value, "name", self.text[cue.start:cue.end]))
        return out

    def country_holding(self, entity_id: str) -> str:
        """The core country part_of.csv puts ``entity_id`` in (or the id itself): climbed to the first id of
        sides.csv, which must be a country; "" when there is none («كركوك» -> iraq, «دير الزور» -> syria). A
        capital, which has a side of its own (it stands for its government), holds no country here."""
        t = self.tables
        found = self._climb(entity_id, lambda x: x in t.sides)
        return found if t.types.get(found) == "GPE" and found in t.sides else ""

    def country_of(self, entity_id: str) -> str:
        """The country part_of.csv puts a place in, climbed to the first GPE, a capital too («بغداد» -> iraq);
        "" if none."""
        found = self._climb(entity_id, lambda x: self.tables.types.get(x) == "GPE")
        return found if self.tables.types.get(found) == "GPE" else ""

    def _climb(self, entity_id: str, stop) -> str:
        """Up part_of.csv from ``entity_id`` to the first id ``stop`` accepts, or the top of the chain."""
        part_of, seen = self.tables.part_of, set()
        while entity_id in part_of and not stop(entity_id) and entity_id not in seen:
            seen.add(entity_id)
            entity_id = part_of[entity_id]
        return entity_id

    def _metonym(self, m: Mention) -> bool:
        """Is ``m`` a capital named bare, with no preposition or place noun before it («نشرت واشنطن», «أعلنت
        بغداد»)? It stands for its government (CLAIMS.md rules 20, 23), not for a place."""
        return m.entity_id in self.tables.capitals and m.form == "name" and \
            place_role(self, m, self.clause_of(m.start)[0]) is None

    def _read_country_anaphors(self) -> list[Mention]:
        pattern, stems = _anaphor_pattern(_country_forms(self.tables))
        if pattern is None or not stems.search(self.text):
            return []
        out = []
        mentions, read, country = self.mentions_in(0, len(self.text)), 0, ""
        for found in pattern.finditer(self.text):  # one pass over the mentions, in step with the anaphors
            while read < len(mentions) and mentions[read].start < found.start():
                m = mentions[read]
                read += 1
                place = self.tables.capitals.get(m.entity_id, m.entity_id)
                if self.tables.types.get(place) != "GPE" or place in self.tables.part_of:
                    continue
                lo = self.clause_of(m.start)[0]
                if after_area_noun(self, m, lo) if m.form == "adjective" else place_role(self, m, lo) == "locative":
                    country = place
            if country:
                out.append(Mention(found.start(), found.end(), country, "GPE", "name", found.group(0)))
        return out

    def previous_word(self, pos: int, lo: int) -> str:
        """The normalised word(s) just before ``pos`` (two words, for «بالقرب من»)."""
        found = self._previous.get((pos, lo))
        if found is None:
            words = WORD.findall(self.text, max(lo, pos - 30), pos)
            found = self._previous[(pos, lo)] = " ".join(match_key(" ".join(words[-2:]))) if words else ""
        return found

    # -- sides
    def side(self, mention: Mention, role: str = "side") -> str:
        """The core side a mention speaks or acts for: itself when core, else by ``sides.csv``."""
        t = self.tables
        column = {"side": 0, "country": 0, "military": 1, "government": 2, "intelligence": 3, "forces": 4}[role]
        since = t.sides_since.get(mention.entity_id)
        if since is not None and self.published is not None and self.published < since:
            return ""  # named, but no core side yet: the YPG before the SDF was founded (sides.csv ``since``)
        if mention.entity_id in t.sides:
            return t.sides[mention.entity_id][column]
        return mention.entity_id if mention.entity_id in t.core else ""

    def joint(self, sides: list[str]) -> str:
        parts = sorted({self.tables.sides.get(s, (s, s, s))[2] or s for s in sides if s})
        parts = [p for p in parts if p not in ("media", "unnamed")]
        return "+".join(parts)

    def coordinated(self, first: Mention, a: int, b: int) -> list[Mention]:
        """``first`` and the mentions joined to it by و («الحكومة العراقية والولايات المتحدة»)."""
        group = [first]
        for m in self.mentions_in(first.end, b):
            between = self.text[group[-1].end:m.start]
            # «والعراقية», «الأمريكية والعراقية», and the person a title's nisba introduces («العراقي محمد …»)
            joined = between.strip() == "" and (m.surface.startswith("و") or m.form == group[-1].form == "adjective"
                                                or group[-1].form == "adjective" and m.type == "PER")
            if joined or between.strip() == "و" or self.titled(group[-1].end, m.start):
                group.append(m)
            else:
                break
        return group

    def opens_with(self, lo: int, hi: int, kind: str) -> bool:
        """Does ``lo..hi`` open, past its spaces and a proclitic glued to the word, with a background.csv cue of
        ``kind`` («قبل أن», «وبعد»: scope_break; «الذي», «التي»: relative)?"""
        lead = lo + len(self.text[lo:hi]) - len(self.text[lo:hi].lstrip())
        return any(c.value == kind and opens(self, lead, c.start)
                   for c in self.cues_in(lead, min(hi, lead + 12), "background"))

    def after_relative(self, pos: int) -> bool:
        """Is a relative pronoun (background.csv ``relative``) the word right before ``pos`` («التي أعلنها»)? Then
        what comes before it is the antecedent's clause, not this verb's."""
        return any(c.value == "relative" and not self.text[c.end:pos].strip()
                   for c in self.cues_in(max(0, pos - 12), pos, "background"))

    def members(self, group: list[Mention], people: bool = True) -> list[Mention]:
        """A coordinated ``group`` with each title's nisba and the person right after it as one member: the
        person when core (``people``), else the nisba's country («الرئيس الأمريكي جو بايدن» is joe_biden;
        CLAIMS.md rule 14, the most specific id; a joint statement names the sides, rule 15)."""
        out: list[Mention] = []
        for m in group:
            if out and m.type == "PER" and out[-1].form == "adjective" and not self.text[out[-1].end:m.start].strip():
                if people and m.entity_id in self.tables.core:
                    out[-1] = m
                continue
            out.append(m)
        return out

    def titled(self, a: int, b: int) -> bool:
        """Is ``a..b`` «و» and a title, the next name's country after it («جو بايدن ورئيس الوزراء العراقي»)?"""
        between = self.text[a:b].strip()
        if not between.startswith("و") or len(between.split()) > SUBJECT_GAP:
            return False
        titles = self.cues_in(a, b, "speakers")
        return bool(titles) and titles[0].value.startswith("@") and not self.text[a:titles[0].start].strip("و ") \
            and not self.text[titles[-1].end:b].strip()


@cache
def _country_forms(tables: ClaimTables) -> tuple[str, ...]:
    """The country anaphors (places.csv, role ``country``): «البلاد»."""
    return tuple(f for f, entries in tables.cues.items()
                 if any(t == "places" and v == "country" for t, v, *_ in entries))


@cache
def _anaphor_pattern(forms: tuple[str, ...]) -> tuple[re.Pattern | None, re.Pattern | None]:
    """The written ``forms`` of anaphors (group 1), with proclitics, and a pattern of their stems without the
    article, as written (a text without any of them is not searched)."""
    forms = list(forms)
    if not forms:
        return None, None
    stems = re.compile("|".join(_as_written(f.removeprefix("ال")) for f in forms))
    forms += ["ل" + f[1:] for f in forms if f.startswith("ال")]
    # the forms are normalised (tables are), the text is not: «الاقليم» must find «الإقليم», «المدينه» «المدينة»
    return re.compile(r"(?<!\w)(?:[وف]?[بلك]?)(" + "|".join(map(_as_written, forms)) + r")(?!\w)"), stems


def _as_written(form: str) -> str:
    """A pattern for the written forms of a normalised word: any alef for «ا», «ى» for «ي», «ة» for a final «ه»."""
    out = []
    for i, ch in enumerate(form):
        if ch == "ا":
            out.append("[اأإآ]")
        elif ch == "ي":
            out.append("[يى]")
        elif ch == "ه" and i == len(form) - 1:
            out.append("[هة]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


_NAME_KEYS: dict[tuple[int, str], tuple[str, ...]] = {}


def _name_keys(gazetteer, entity_id: str) -> tuple[str, ...]:
    """The normalised first words of an entity's names, to see a ب clitic in front of one."""
    key = (id(gazetteer), entity_id)
    if key not in _NAME_KEYS:
        _NAME_KEYS[key] = tuple(k[0] for k in (match_key(n) for n in gazetteer[entity_id].names) if k)
    return _NAME_KEYS[key]


def place_role(article: ClaimArticle, mention: Mention, lo: int) -> str | None:
    """How a place mention relates to its clause: locative, source, destination, base, other or None."""
    key = (mention.start, lo)
    if key not in article._roles:
        article._roles[key] = _read_place_role(article, mention, lo)
    return article._roles[key]


def _read_place_role(article: ClaimArticle, mention: Mention, lo: int) -> str | None:
    surface = match_key(mention.surface)
    if surface and surface[0][:2] in ("بب", "وب", "فب") or (surface and surface[0][:1] == "ب"):
        keys = _name_keys(article.gazetteer, mention.entity_id)
        if any(surface[0] == c + k for c in ("ب", "وب", "فب") for k in keys):
            return "locative"
    before = article.previous_word(mention.start, lo)
    if before.split(" ")[-1:] == ["من"] and _after_part_noun(article, mention.start, lo):
        return "locative"  # «الجزء الغربي من الموصل», «أجزاء واسعة من محافظتي …»: a part of the place is in it
    role = _role_word(article.tables, before)
    if role is not None:
        return role
    if not surface or surface[0][:1] in "بلو":
        return None
    entity_type, noun = article.tables.types.get(mention.entity_id), before.split(" ")[-1]
    # a town or site in the genitive of an attack word is what was struck («هجوم خان شيخون», «تفجير الكرادة»,
    # «معركة الموصل»; CLAIMS.md rule 23); not a country, which there is as often the attacker («قصف تركيا»)
    if entity_type in SITE_TYPES and is_cue(article, noun, GENITIVE_CLITICS, "events", "attack"):
        return "target"
    # any other event noun's genitive is where it happens («احتجاجات البصرة», «قمة بغداد», «انتخابات أربيل»); not a
    # building: «إعلان البيت الأبيض» names who announced
    if entity_type in ("CITY", "LOC") and is_cue(article, noun, GENITIVE_CLITICS, "events"):
        return "locative"
    return None


@lru_cache(maxsize=1 << 16)  # asked for the same few thousand words before places, article after article
def _role_word(tables: ClaimTables, before: str) -> str | None:
    """The place role the word(s) ``before`` a place give it (places.csv), with their clitics; None if none."""
    for key in (before, before.split(" ")[-1] if before else ""):
        for prefix in ("", "و", "ف", "ب", "وب", "ال", "بال", "وال", "ل", "ول"):
            if prefix and not key.startswith(prefix):
                continue
            for table, value, _, _ in tables.cues.get(key[len(prefix):], ()):
                if table == "places" and value not in NO_ROLE and (value == "area" or prefix not in ("ل", "ول")):
                    return "locative" if value == "area" else value  # «الأحياء الغربية لمدينة دير الزور»
    return None


def _after_part_noun(article: ClaimArticle, pos: int, lo: int) -> bool:
    """Is a part noun (places.csv ``part``: الجزء، الجانب…) among the two words before the «من» before ``pos``?"""
    words = WORD.findall(article.text, max(lo, pos - 40), pos)[-3:-1]
    return any(is_cue(article, " ".join(match_key(word)), ("", "و", "ال", "وال", "بال"), "places", "part")
               for word in words)


def is_cue(article: ClaimArticle, word: str, clitics: tuple[str, ...], table: str, value: str | None = None) -> bool:
    """Is ``word`` (normalised), with one of ``clitics`` (or none: "" among them), a cue of ``table`` (of
    ``value``, when given)?"""
    return _is_cue(article.tables, word, clitics, table, value)


@lru_cache(maxsize=1 << 16)  # the same few words, asked for every place and actor of every article
def _is_cue(tables: ClaimTables, word: str, clitics: tuple[str, ...], table: str, value: str | None) -> bool:
    cues = tables.cues
    return bool(word) and any(
        word.startswith(clitic) and any(t == table and (value is None or v == value)
                                        for t, v, *_ in cues.get(word[len(clitic):], ()))
        for clitic in clitics)


def after_cue(article: ClaimArticle, mention: Mention, lo: int, clitics: tuple[str, ...], table: str,
              value: str | None = None) -> bool:
    """Is the word right before ``mention``, with one of ``clitics`` (or none: "" among them), a cue of ``table``
    (of ``value``, when given)?"""
    return is_cue(article, article.previous_word(mention.start, lo).split(" ")[-1], clitics, table, value)


def after_area_noun(article: ClaimArticle, mention: Mention, lo: int) -> bool:
    """Is the nisba after a noun of place («الأراضي السورية», «المدن العراقية»)? Then it names the country."""
    return after_cue(article, mention, lo, ("", "و", "ب", "وب", "ال", "بال", "وال"), "places", "area")
