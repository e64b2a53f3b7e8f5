"""What each dated milestone is of, where, by whom, and who says so (the rules of ``CLAIMS.md``).

For every milestone of an article: ``event`` (mission_end, withdrawal, transition, handover,
presence, agreement, talks, attack, other), ``place`` and ``actor`` (core entity ids),
``claimant`` (a core id, ``a+b`` for a joint statement, ``media`` for the outlet's own voice,
``unnamed`` for anonymous sources, empty for a speaker outside the core list) and ``negated``.

The decision is read from the clause that holds the date, then its sentence: a reporting verb
timed by the date makes it a statement (``agreement``); otherwise the nearest event trigger of
the highest priority in the clause names the event. The speaker is the subject of a reporting
verb or attribution whose scope holds the date, else the previous sentence's speaker inside the
same paragraph, unless the sentence is narrator background. Entities come from the suite's one
matcher (``helpers.entities``); their sides, containment and capitals, and every deciding word,
from the tables of ``data/claims`` (``helpers.claim_tables``).
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from itertools import compress
from typing import NamedTuple

from .claim_tables import DRAWDOWN, ClaimTables, load_claim_tables
from .entities import EntityMatcher, _sentence_spans, default_matcher
from .gazetteer import match_key
from .normalize import Normalized, normalize_with_map

__all__ = ["CLAIM_COLUMNS", "Claim", "claims_for_table", "extract_claims"]

CLAIM_COLUMNS = ["event", "place", "actor", "claimant", "negated"]
PLACE_TYPES = frozenset({"GPE", "CITY", "LOC", "FAC"})
AGENT_TYPES = frozenset({"ORG", "PER", "GPE", "CITY"})
_CLAUSE_MARKS = "،؛,;:"
_WORD = re.compile(r"\w+")
_CLAUSE_MARK = re.compile("[" + _CLAUSE_MARKS + "]")
_MAX_SPEAKER_WORDS = 7  # a reporting verb's subject lies within this many words after it
_MAX_SPEECH_WORDS = 12  # a date this close after a reporting verb, with nothing between, times the speech
_SUBJECT_GAP = 3  # words between a reporting verb and its subject, or between the subject's parts
_NEGATION_WORDS = 2  # a negation cue at most this many words before the trigger denies it


class Claim(NamedTuple):
    """The claim a milestone belongs to."""

    event: str
    place: str
    actor: str
    claimant: str
    negated: bool


class _Cue(NamedTuple):
    start: int
    end: int
    table: str
    value: str
    priority: int


class _Mention(NamedTuple):
    start: int
    end: int
    entity_id: str
    type: str
    form: str
    surface: str


_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "لل", "وب", "فب", "ول", "فل", "وبال", "ولل",
               "فلل", "وك", "وكال")
_SCANNED = ("events", "reporting", "background", "negation", "dates", "speakers", "forces")


class _Scanner:
    """The cue phrases of the tables, looked up word by word: each distinct written word is read once
    (which proclitics it carries, which phrase it may start) and remembered, so an article costs one
    ``findall`` and a dictionary lookup per word, like the entity matcher."""

    def __init__(self, tables: ClaimTables):
        self.first: dict[str, list[tuple[tuple[str, ...], list]]] = {}
        for phrase, entries in tables.cues.items():
            entries = [e for e in entries if e[0] in _SCANNED]
            if not entries:
                continue
            words = tuple(phrase.split(" "))
            self.first.setdefault(words[0], []).append((words[1:], entries))
        for options in self.first.values():
            options.sort(key=lambda o: -len(o[0]))
        self.suffixable = {w for w, options in self.first.items() if any(not rest and any(e[3] for e in entries)
                                                                         for rest, entries in options)}
        self.words: dict[str, tuple] = {}
        # the phrases a first word may start, by their second word, and the one-word ones: a word such as
        # «في» starts dozens of phrases, and only those whose next word is there need comparing
        self.by_next: dict[str, dict[str, list]] = {}
        self.single: dict[str, list] = {}
        for stem, options in self.first.items():
            for rest, entries in options:  # in their order: longer phrases first
                if rest:
                    self.by_next.setdefault(stem, {}).setdefault(rest[0], []).append((rest, list(rest), entries))
                else:
                    self.single.setdefault(stem, []).append((rest, entries))
        self.longest = max((len(rest) + 1 for options in self.first.values() for rest, _ in options), default=1)

    def _learn(self, word: str) -> tuple:
        """(proclitic length, first phrase word, suffix) readings of one written word, longest stem first;
        a word whose readings are all one-word phrases is stored as its single best cue instead."""
        found = []
        for clitic in _PROCLITICS:
            if not word.startswith(clitic) or len(word) - len(clitic) < 2:
                continue
            stem = word[len(clitic):]
            if stem in self.first:
                found.append((len(clitic), stem, False))
            for k in range(len(stem) - 1, 1, -1):
                if stem[:k] in self.suffixable:
                    found.append((len(clitic), stem[:k], True))
                    break
        best = None
        for clitic, stem, suffixed in found:
            for rest, entries in self.first[stem]:
                if rest:
                    best = False  # a phrase of several words may start here: read the next words
                    break
                if suffixed:
                    entries = [e for e in entries if e[3]]
                if entries and best is None or best and entries and len(stem) > best[2]:
                    best = (clitic, tuple(entries), len(stem))
            if best is False:
                break
        if best is False:  # the words that may follow, to pass over «في», «من» quickly
            nexts = frozenset(rest[0] for _, stem, suffixed in found if not suffixed
                              for rest, _ in self.first[stem] if rest)
            single = any(not rest for _, stem, _ in found for rest, _ in self.first[stem])
            reading = ("many", tuple(found), nexts, single)
        else:
            reading = ("one", best[0], best[1]) if best else ()
        self.words[word] = reading
        return reading

    def scan(self, norm: Normalized, limit: int | None = None) -> list[_Cue]:
        """The cues of the text; with ``limit`` (an original offset), at least every cue starting before it."""
        text = norm.text
        end = len(text)
        if limit is not None and limit < len(norm.original):
            # the words up to ``limit`` and as many after as a phrase is long: the greedy left-to-right
            # reading of a word looks at most that far ahead, so the cues before ``limit`` are the same
            k = bisect.bisect_right(norm._origins, limit) - 1
            position = norm._starts[k] + (limit - norm._origins[k])
            for n, match in enumerate(_WORD.finditer(text, position), 1):
                if n > self.longest + 1:
                    end = match.end()
                    break
        words = _WORD.findall(text, 0, end)
        known = self.words
        readings = list(map(known.get, words))
        if None in readings:  # words not seen before: read each once, then look all up again
            for word in set(words).difference(known):
                self._learn(word)
            readings = list(map(known.get, words))
        out: list[_Cue] = []
        append, span, find = out.append, norm.span, text.find
        if len(norm._starts) == 1 and norm._origins[0] == 0:  # nothing shifted: offsets are the same
            def span(a: int, b: int) -> tuple[int, int]:
                return a, b
        cursor, skip_to, last = 0, -1, len(words) - 1
        by_next, single = self.by_next, self.single
        for i in compress(range(len(words)), readings):
            reading = readings[i]
            if i < skip_to or reading[0] == "many" and not reading[3] and (i == last or words[i + 1] not in reading[2]):
                continue
            word = words[i]
            start = find(word, cursor)
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_") or \
                    text[start + len(word):start + len(word) + 1].isalnum():
                start = find(word, start + 1)
            cursor = start + len(word)
            if reading[0] == "one":
                o_start, o_end = span(start + reading[1], cursor)
                for table, value, priority, _ in reading[2]:
                    append(_Cue(o_start, o_end, table, value, priority))
                continue
            best = None  # ((words, chars), clitic, entries, end)
            following = words[i + 1] if i < last else None
            for clitic, stem, suffixed in reading[1]:
                if not suffixed:  # the phrases of several words that go on with the next word
                    for rest, rest_list, entries in by_next.get(stem, {}).get(following, ()):
                        if words[i + 1:i + 1 + len(rest)] != rest_list:
                            continue
                        end = cursor
                        for extra in rest:  # the following words, with only spaces between
                            end = find(extra, end) + len(extra)
                        size = (len(rest) + 1, len(stem))
                        if best is None or size > best[0]:
                            best = (size, clitic, entries, end)
                for _, entries in single.get(stem, ()):
                    if suffixed:
                        entries = [e for e in entries if e[3]]
                        if not entries:
                            continue
                    size = (1, len(stem))
                    if best is None or size > best[0]:
                        best = (size, clitic, entries, cursor)
            if best is None:
                continue
            size, clitic, entries, end = best
            o_start, o_end = span(start + clitic, end)
            for table, value, priority, _ in entries:
                append(_Cue(o_start, o_end, table, value, priority))
            skip_to = i + size[0]
        return out


@cache
def _scanner(tables: ClaimTables) -> _Scanner:
    return _Scanner(tables)


def _words_between(article, a: int, b: int) -> int:
    """Number of words (runs between spaces) in ``a..b`` of the article's text."""
    return len(article.text[a:b].split()) if b > a else 0


class _Article:
    """One article's sentences, clauses, paragraphs, cues and entity mentions, in original offsets."""

    def __init__(self, text: str, norm: Normalized, paragraph_starts, tables: ClaimTables, matcher: EntityMatcher,
                 last: int | None = None):
        self.text, self.tables, self.gazetteer = text, tables, matcher.gazetteer
        self.sentences = _sentence_spans(text)
        self.sentence_ends = [e for _, e in self.sentences]
        bounds = {0, len(text)}
        for s, e in self.sentences:
            bounds.add(s)
            bounds.add(e)
        bounds.update(m.end() for m in _CLAUSE_MARK.finditer(text))
        self.clause_bounds = sorted(bounds)
        self._clauses: dict[int, tuple[int, int]] = {}
        if paragraph_starts is None:
            paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
        self.paragraph_starts = list(paragraph_starts) or [0]
        # every window read lies in the sentence of a milestone or before it: no cue after the last one's sentence
        limit = None if last is None else self.sentences[self.sentence_of(last)][1]
        self.cues = _scanner(tables).scan(norm, limit)
        self.cue_starts = [c.start for c in self.cues]
        self.by_table: dict[str, tuple[list[int], list[_Cue]]] = {}
        for cue in self.cues:
            starts, cues = self.by_table.setdefault(cue.table, ([], []))
            starts.append(cue.start)
            cues.append(cue)
        self.matcher = matcher
        self._previous: dict[tuple[int, int], str] = {}
        self._mentions: tuple[list[int], list[_Mention]] | None = None
        self._speakers: dict[int, str | None] = {}
        self._sentence_state: dict[int, str] = {}
        self._attributions: dict[int, list] = {}
        self._date_clauses: dict[tuple[int, int], tuple[int, int]] = {}
        self._roles: dict[tuple[int, int], str | None] = {}
        self._governed: dict[tuple[int, int], bool] = {}
        self._earlier_place: dict[tuple[int, bool], str] = {}
        self._frames: dict[int, list] = {}
        self._places: dict[tuple, list] = {}
        self.frame_ends: dict[int, int] = {}  # reporting cue start -> end of its subject
        self.subject_end = 0

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

    def paragraph_of(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, pos) - 1

    def cues_in(self, a: int, b: int, *tables: str) -> list[_Cue]:
        """The cues starting in ``a..b`` (of ``tables``, default all), in text order."""
        if len(tables) == 1:
            starts, cues = self.by_table.get(tables[0], ((), ()))
            return cues[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]
        cues = self.cues[bisect.bisect_left(self.cue_starts, a):bisect.bisect_left(self.cue_starts, b)]
        return [c for c in cues if c.table in tables] if tables else cues

    def mentions_in(self, a: int, b: int) -> list[_Mention]:
        """Entity mentions starting in ``a..b`` (the article is matched once, when first asked)."""
        if self._mentions is None:
            text = self.text
            found = [_Mention(start, end, payload[0], payload[3], payload[4], text[start:end])
                     for payload, start, end in self.matcher._spans(text)]
            self._mentions = ([m.start for m in found], found)
        starts, found = self._mentions
        return found[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]

    def previous_word(self, pos: int, lo: int) -> str:
        """The normalised word(s) just before ``pos`` (two words, for «بالقرب من»)."""
        found = self._previous.get((pos, lo))
        if found is None:
            words = _WORD.findall(self.text, max(lo, pos - 30), pos)
            found = self._previous[(pos, lo)] = " ".join(match_key(" ".join(words[-2:]))) if words else ""
        return found

    # -- sides
    def side(self, mention: _Mention, role: str = "side") -> str:
        """The core side a mention speaks or acts for: itself when core, else by ``sides.csv``."""
        t = self.tables
        column = {"side": 0, "military": 1, "government": 2}[role]
        if mention.entity_id in t.sides:
            return t.sides[mention.entity_id][column]
        return mention.entity_id if mention.entity_id in t.core else ""

    def joint(self, sides: list[str]) -> str:
        parts = sorted({self.tables.sides.get(s, (s, s, s))[2] or s for s in sides if s})
        parts = [p for p in parts if p not in ("media", "unnamed")]
        return "+".join(parts)

    def coordinated(self, first: _Mention, a: int, b: int) -> list[_Mention]:
        """``first`` and the mentions joined to it by و («الحكومة العراقية والولايات المتحدة»)."""
        group = [first]
        for m in self.mentions_in(first.end, b):
            between = self.text[group[-1].end:m.start]
            joined = between.strip() == "" and (m.surface.startswith("و") or m.form == group[-1].form == "adjective")
            if joined or between.strip() == "و":
                group.append(m)
            else:
                break
        return group


_NAME_KEYS: dict[tuple[int, str], tuple[str, ...]] = {}


def _name_keys(gazetteer, entity_id: str) -> tuple[str, ...]:
    """The normalised first words of an entity's names, to see a ب clitic in front of one."""
    key = (id(gazetteer), entity_id)
    if key not in _NAME_KEYS:
        _NAME_KEYS[key] = tuple(k[0] for k in (match_key(n) for n in gazetteer[entity_id].names) if k)
    return _NAME_KEYS[key]


def _place_role(article: _Article, mention: _Mention, lo: int) -> str | None:
    """How a place mention relates to its clause: locative, source, destination, base, other or None."""
    key = (mention.start, lo)
    if key not in article._roles:
        article._roles[key] = _read_place_role(article, mention, lo)
    return article._roles[key]


def _read_place_role(article: _Article, mention: _Mention, lo: int) -> str | None:
    surface = match_key(mention.surface)
    if surface and surface[0][:2] in ("بب", "وب", "فب") or (surface and surface[0][:1] == "ب"):
        keys = _name_keys(article.gazetteer, mention.entity_id)
        if any(surface[0] == c + k for c in ("ب", "وب", "فب") for k in keys):
            return "locative"
    before = article.previous_word(mention.start, lo)
    cues = article.tables.cues
    for key in (before, before.split(" ")[-1] if before else ""):
        for prefix in ("", "و", "ف", "ب", "وب", "ال", "بال", "وال"):
            if prefix and not key.startswith(prefix):
                continue
            for table, value, _, _ in cues.get(key[len(prefix):], ()):
                if table == "places":
                    return "locative" if value == "area" else value
    return None


def _after_area_noun(article: _Article, mention: _Mention, lo: int) -> bool:
    """Is the nisba after a noun of place («الأراضي السورية», «المدن العراقية»)? Then it names the country."""
    word = article.previous_word(mention.start, lo).split(" ")[-1:]
    if not word or not word[0]:
        return False
    for prefix in ("", "و", "ب", "وب", "ال", "بال", "وال"):
        if word[0].startswith(prefix) and any(t == "places" and v == "area"
                                               for t, v, *_ in article.tables.cues.get(word[0][len(prefix):], ())):
            return True
    return False


class _Extractor:
    def __init__(self, article: _Article):
        self.a = article

    # ------------------------------------------------------------------ event
    def event(self, start: int, end: int) -> tuple[str, _Cue | None, _Cue | None]:
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
        lone = len(_WORD.findall(a.text, a.clause_of(start)[0], start)) <= 2
        # a reporting verb before the date, nothing between but names and weak words: the date times the speech
        for v in reversed([v for v in (a.cues_in(s0, c1, "reporting") if lone else verbs)
                           if v.end <= start and v.value in ("verb", "continuation")]):
            between = [c for c in a.cues_in(v.end, start) if c.table == "events" and c.priority > 1
                       or c.table == "reporting" and c.value != "attribution"]
            if not between and not until and _words_between(a, v.end, start) <= _MAX_SPEECH_WORDS:
                return "agreement", v, v
            break
        trigger = self.pick([c for c in triggers if c.end <= start], start, end)
        if trigger is None:
            # the date before a reporting verb, nothing between («وفي أغسطس 2012 حذر أوباما», «8 مايو 2018، أعلن»)
            window = a.cues_in(c0, s1 if lone else c1)
            for v in [c for c in window if c.table == "reporting" and c.start >= end]:
                if v.value not in ("verb", "continuation"):
                    break
                between = [c for c in window if c.table == "events" and end <= c.start and c.end <= v.start]
                if not between and not until:
                    return "agreement", v, v
                break
            trigger = self.pick([c for c in triggers if c.start >= end], start, end)
        if trigger is None:
            sentence_triggers = [c for c in a.cues_in(s0, s1, "events") if not (c.start < end and c.end > start)]
            trigger = self.pick(sentence_triggers, start, end)
        if trigger is None:
            return "other", None, None
        event = trigger.value
        if event == "presence" and self.since_before(start, c0):
            event = "other"  # a presence that starts at the date is not a drawdown claim
        return event, trigger, None

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
        before = _WORD.findall(a.text, c0, start)
        if c0 > a.sentences[a.sentence_of(start)][0] and (
                len(before) <= 1 and not _WORD.findall(a.text, end, c1) or not before or before == ["يومي"]):
            return a.clause_of(c0 - 1)[0], c1  # «…، الجمعة، …», «…، يومي 15 و16 أبريل»
        return c0, c1

    @staticmethod
    def pick(cues: list[_Cue], start: int, end: int) -> _Cue | None:
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
                   if _words_between(self.a, c.end, start) <= 1)

    def since_before(self, start: int, lo: int) -> bool:
        return any(c.value == "since" for c in self.a.cues_in(max(lo, start - 25), start, "dates")
                   if _words_between(self.a, c.end, start) <= 1)

    # ------------------------------------------------------------------ speakers
    def speaker(self, cue: _Cue) -> str | None:
        """Who speaks at a reporting verb or attribution: its subject, or None for a pronoun."""
        a = self.a
        if cue.start in a._speakers:
            return a._speakers[cue.start]
        c0, c1 = a.clause_of(cue.start)
        comps = [c for c in a.cues_in(cue.end, c1, "reporting") if c.value == "complementizer"]
        hi = comps[0].start if comps else c1
        words = list(_WORD.finditer(a.text, cue.end, hi))
        if len(words) > _MAX_SPEAKER_WORDS:
            hi = words[_MAX_SPEAKER_WORDS - 1].end()
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
            if adjacent and _words_between(a, last_end, pos) > _SUBJECT_GAP:
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

    def attributions(self, si: int) -> list[tuple[_Cue, int, int]]:
        """Reporting cues of a sentence with the span each one covers."""
        found = self.a._attributions.get(si)
        if found is None:
            found = self.a._attributions[si] = self._attributions(si)
        return found

    def _attributions(self, si: int) -> list[tuple[_Cue, int, int]]:
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
                if any(_words_between(a, n0, c.start) == 0 for c in opener):
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
        return any(c.value == "background" and _words_between(a, offset, c.start) == 0
                   for c in a.cues_in(offset, min(s1, offset + 20), "background"))

    def claimant(self, start: int) -> tuple[str, _Cue | None]:
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

    # ------------------------------------------------------------------ places and actors
    def places_in(self, lo: int, hi: int, event: str, frames: list[tuple[int, int]]) -> list[tuple[_Mention, str]]:
        """Place mentions of ``lo..hi`` outside ``frames`` with their role; the event only decides which roles
        count (attack, withdrawal or any other), so milestones of one clause or sentence share the answer."""
        key = (lo, hi, event if event in ("attack", "withdrawal") else "", tuple(frames))
        found = self.a._places.get(key)
        if found is None:
            found = self.a._places[key] = self._places_in(lo, hi, event, frames)
        return found

    def _places_in(self, lo: int, hi: int, event: str, frames: list[tuple[int, int]]) -> list[tuple[_Mention, str]]:
        a = self.a
        out: list[tuple[_Mention, str]] = []
        for m in a.mentions_in(lo, hi):
            if any(f0 <= m.start < f1 for f0, f1 in frames):
                continue
            entity_type = a.tables.types.get(m.entity_id, "")
            place_id = m.entity_id
            if m.form == "adjective":
                before = a.previous_word(m.start, lo).split(" ")[-1:]
                if before and before[0] in ("العاصمه",) and m.entity_id in a.tables.country_capital:
                    place_id = a.tables.country_capital[m.entity_id]
                    out.append((m._replace(entity_id=place_id), "locative"))
                elif entity_type in PLACE_TYPES and (_after_area_noun(a, m, lo) or out and out[-1][0].form == "adjective"
                                                     and not a.text[out[-1][0].end:m.start].strip()
                                                     and m.surface.startswith("و")):
                    out.append((m, "locative"))  # «في الأراضي العراقية والسورية» -> iraq and syria
                continue
            if entity_type not in PLACE_TYPES:
                continue
            role = _place_role(a, m, lo)
            if role is None and out and a.text[out[-1][0].end:m.start].strip() in ("", "و") and \
                    (m.surface.startswith("و") or a.text[out[-1][0].end:m.start].strip() == "و"):
                role = out[-1][1]
            if role is None and entity_type == "FAC":
                role = "locative"
            if role is None:
                continue
            if role == "other" and event != "attack":
                continue
            if role == "destination" and event == "withdrawal":
                continue
            if role == "source" and event != "withdrawal":
                continue  # «مذكرة من واشنطن», «المدعومة من الولايات المتحدة»: a sender, not a place
            out.append((m, role))
        return out

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

    def place(self, start: int, end: int, event: str, trigger: _Cue | None, speech: _Cue | None) -> str:
        a = self.a
        si = a.sentence_of(start)
        s0, s1 = a.sentences[si]
        c0, c1 = a.clause_of(start)
        frames = [] if speech else self.frames(si)
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
        # the sentence, without a later «حيث» clause (about another place)
        windows.append(None)  # then the sentence: read only when the clauses name no place
        for window in windows:
            if window is None:
                bounds = a.clause_bounds[bisect.bisect_left(a.clause_bounds, c1):bisect.bisect_left(a.clause_bounds, s1)]
                later = [b for b in bounds if a.text[b:a.clause_of(b)[1]].lstrip().startswith("حيث")]
                window = (c0 if self.opens_with_report(c0, c1) else s0, later[0] if later else s1)
            lo, hi = window
            found = self.places_in(lo, hi, event, frames)
            if not found:
                continue
            bases = [m for m, role in found if role == "base"]
            if bases:
                return self.smallest([bases[0].entity_id])
            ids = [m.entity_id for m, _ in found]
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
            key = (s0, event == "withdrawal")
            if key not in a._earlier_place:
                a._earlier_place[key] = self.earlier_place(s0, event)
            if a._earlier_place[key]:
                return a._earlier_place[key]
        # a physical event's place from the headline («… قواتنا في سوريا»)
        if event == "attack" and si > 0:
            title_end = a.paragraph_starts[1] if len(a.paragraph_starts) > 1 else a.sentences[0][1]
            found = self.places_in(0, title_end, event, [])
            if found:
                return self.smallest([m.entity_id for m, _ in found])
        # the dateline of the lead sentence
        if a.paragraph_of(s0) == 1 and (si == 0 or a.paragraph_of(a.sentences[si - 1][0]) != 1):
            head = a.text[s0:s0 + 40]
            dash = re.search(r"\s[–—-]\s", head)
            if dash:
                found = [m for m in a.mentions_in(s0, s0 + dash.start()) if a.tables.types.get(m.entity_id) in PLACE_TYPES]
                if found:
                    return self.smallest([found[0].entity_id])
        return ""

    def earlier_place(self, s0: int, event: str) -> str:
        a = self.a
        for cue in reversed(a.cues_in(0, s0, "events")):
            if cue.value not in DRAWDOWN:
                continue
            lo, hi = a.clause_of(cue.start)
            found = self.places_in(lo, hi, event, self.frames(a.sentence_of(cue.start)))
            if found:
                return self.smallest([m.entity_id for m, _ in found])
        return ""

    def frames(self, si: int) -> list[tuple[int, int]]:
        """Spans naming a speaker (reporting verb to its subject's end, attribution to its clause end): not
        places or agents of the event."""
        found = self.a._frames.get(si)
        if found is None:
            found = self.a._frames[si] = self._frames(si)
        return found

    def _frames(self, si: int) -> list[tuple[int, int]]:
        a = self.a
        out = []
        for cue, _, _ in self.attributions(si):
            c1 = a.clause_of(cue.start)[1]
            if cue.value == "attribution":
                out.append((cue.start, c1))
            else:
                self.speaker(cue)
                out.append((cue.start, a.frame_ends.get(cue.start, cue.end)))
        return out

    def actor(self, start: int, event: str, trigger: _Cue | None, speech: _Cue | None, claimant: str) -> str:
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
            return self.mission_before(start) if event in ("mission_end", "presence") else ""
        def distance(x) -> tuple[int, int]:
            if x[0] >= trigger.end:
                return _words_between(a, trigger.end, x[0]), 0
            return _words_between(a, x[0], trigger.start) - 1, 1

        _, m, side = min(pool, key=distance)
        if m is None:  # «الجانبان», «البلدان»: joint agents act for the mission the clause names
            return self.mission_in(lo, hi)
        group = a.coordinated(m, lo, hi)
        sides = {a.side(g) for g in group} - {""}
        if len(sides) > 1:
            return self.mission_in(lo, hi)
        return side

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
            if _place_role(a, m, lo) is not None or self.governed(m.start, lo):
                continue
            (weak if entity_type in ("GPE", "CITY") else strong).append((m.start, m, side))
        return strong, weak

    def between(self, pos: int) -> bool:
        words = match_key(" ".join(_WORD.findall(self.a.text, max(0, pos - 12), pos)[-1:]))
        return bool(words) and words[-1] == "بين"

    def governed(self, pos: int, lo: int) -> bool:
        """Is a preposition such as «ضد», «على» or «برئاسة» at most three words before ``pos``?"""
        key = (pos, lo)
        if key not in self.a._governed:
            self.a._governed[key] = self._governed(pos, lo)
        return self.a._governed[key]

    def _governed(self, pos: int, lo: int) -> bool:
        a = self.a
        words = match_key(" ".join(_WORD.findall(a.text, max(lo, pos - 40), pos)[-3:]))
        for word in words:
            for stem in (word, word[1:] if word[:1] in "وف" else word):
                if any(t == "places" and v == "other" for t, v, *_ in a.tables.cues.get(stem, ())):
                    return True
        return False

    def negated(self, trigger: _Cue | None, start: int) -> bool:
        if trigger is None:
            return False
        a = self.a
        c0, _ = a.clause_of(trigger.start)
        return any(_words_between(a, c.end, trigger.start) <= _NEGATION_WORDS
                   for c in a.cues_in(c0, trigger.start, "negation") if c.end <= trigger.start)


def extract_claims(text: str, spans, paragraph_starts=None, norm: Normalized | None = None,
                   tables: ClaimTables | None = None, matcher: EntityMatcher | None = None) -> list[Claim]:
    """The claim of each milestone ``(char_start, char_end)`` of ``text``, in the order given.

    ``paragraph_starts`` (sorted offsets; default: split at blank lines) bounds the carry-over of a
    speaker; ``norm`` reuses the article's normalised text when the caller has it.
    """
    spans = list(spans)
    if not spans or not text:
        return []
    tables = tables or load_claim_tables()
    matcher = matcher or default_matcher()
    article = _Article(text, norm or normalize_with_map(text), paragraph_starts, tables, matcher,
                       max(start for start, _ in spans))
    extractor = _Extractor(article)
    out = []
    for start, end in spans:
        event, trigger, speech = extractor.event(start, end)
        claimant, _ = extractor.claimant(start)
        place = extractor.place(start, end, event, trigger, speech)
        actor = extractor.actor(start, event, trigger, speech, claimant)
        out.append(Claim(event, place, actor, claimant or "", extractor.negated(trigger, start)))
    return out


def claims_for_table(corpus, milestones):
    """``CLAIM_COLUMNS`` for the rows of a milestones table of ``corpus`` (same order), computed per article."""
    import pandas as pd

    texts = dict(zip(corpus.articles["article_id"].astype(str), corpus.articles["text"]))
    paragraphs = corpus.paragraphs.sort_values(["article_id", "char_start"])
    starts: dict[str, list[int]] = {}
    for article_id, start in zip(paragraphs["article_id"].astype(str), paragraphs["char_start"]):
        starts.setdefault(article_id, []).append(int(start))
    out = pd.DataFrame(index=milestones.index, columns=CLAIM_COLUMNS)
    for article_id, rows in milestones.groupby(milestones["article_id"].astype(str), sort=False):
        claims = extract_claims(texts[article_id], zip(rows["char_start"], rows["char_end"]), starts.get(article_id))
        out.loc[rows.index, CLAIM_COLUMNS] = [list(c) for c in claims]
    return out.astype({"negated": bool})
