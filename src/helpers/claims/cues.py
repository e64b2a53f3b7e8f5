"""The cue phrases of the claim tables found in an article: one pass over its words.

Hand-written rather than a regex alternation or an Aho-Corasick automaton because a cue word may
carry proclitics (و، ف، ب، ل، ال…) and, for some entries, suffixes: each distinct written word is
read once (which clitics it carries, which phrase it may start) and remembered, so an article costs
one ``findall`` and a dictionary lookup per word, like the entity matcher.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from itertools import compress
from typing import NamedTuple

from ..claim_tables import ClaimTables
from ..normalize import Normalized

__all__ = ["WORD", "Cue", "CueScanner", "cue_scanner"]

WORD = re.compile(r"\w+")


class Cue(NamedTuple):
    start: int
    end: int
    table: str
    value: str
    priority: int



_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "لل", "وب", "فب", "ول", "فل", "وبال", "ولل",
               "فلل", "وك", "وكال")
# the proclitics a two-letter cue word («أن», «إن», «لم», «لن», «لا») may carry: with any other, the letters are
# those of another word («كان» is no «ك» + «أن», «لأن» means because)
_SHORT_STEM_CLITICS = ("", "و", "ف")
_SCANNED = ("events", "reporting", "background", "negation", "dates", "speakers", "forces", "scopes", "series",
            "place_anaphors")


class CueScanner:
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
        # a word ending in ta marbuta (normalised «ه») writes it «ت» before an ending: «زيارته», «ضربتها»; that
        # form is read only with an ending (``ending_only``)
        self.ending_only: set[str] = set()
        for word, options in list(self.first.items()):
            endings = [e for rest, entries in options if not rest for e in entries if e[3]]
            if word.endswith("ه") and endings and word[:-1] + "ت" not in self.first:
                self.first[word[:-1] + "ت"] = [((), endings)]
                self.ending_only.add(word[:-1] + "ت")
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
            if len(word) - len(clitic) == 2 and clitic not in _SHORT_STEM_CLITICS:
                continue  # «كان», «فلان», «لأن» are no «أن»; «وأن», «فإن», «ولم» still are
            stem = word[len(clitic):]
            if stem in self.first and stem not in self.ending_only:
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

    def scan(self, norm: Normalized, limit: int | None = None) -> list[Cue]:
        """The cues of the text; with ``limit`` (an original offset), at least every cue starting before it."""
        text = norm.text
        end = len(text)
        if limit is not None and limit < len(norm.original):
            # the words up to ``limit`` and as many after as a phrase is long: the greedy left-to-right
            # reading of a word looks at most that far ahead, so the cues before ``limit`` are the same
            k = bisect.bisect_right(norm._origins, limit) - 1
            position = norm._starts[k] + (limit - norm._origins[k])
            for n, match in enumerate(WORD.finditer(text, position), 1):
                if n > self.longest + 1:
                    end = match.end()
                    break
        words = WORD.findall(text, 0, end)
        known = self.words
        readings = list(map(known.get, words))
        if None in readings:  # words not seen before: read each once, then look all up again
            for word in set(words).difference(known):
                self._learn(word)
            readings = list(map(known.get, words))
        out: list[Cue] = []
        append, span, find = out.append, norm.span, text.find
        if len(norm._starts) == 1 and norm._origins[0] == 0:  # nothing shifted: offsets are the same
            def span(a: int, b: int) -> tuple[int, int]:
                return a, b
        cursor, skip_to, last = 0, -1, len(words) - 1
        by_next, single = self.by_next, self.single
        for i in compress(range(len(words)), readings):
            reading = readings[i]
            if i < skip_to or reading[0] == "many" and not reading[3] and (
                    i == last or words[i + 1] not in reading[2] and words[i + 1][2:] not in reading[2]):
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
                    append(Cue(o_start, o_end, table, value, priority))
                continue
            best = None  # ((words, chars), clitic, entries, end)
            following = words[i + 1] if i < last else None
            for clitic, stem, suffixed in reading[1]:
                if not suffixed:  # the phrases of several words that go on with the next word
                    # after a definite first word its adjectives agree: «العملية العسكرية» is «عملية عسكرية»
                    definite = clitic and word[:clitic].endswith(("ال", "لل")) and following is not None \
                        and following.startswith("ال")
                    for rest, rest_list, entries in by_next.get(stem, {}).get(following[2:] if definite else following,
                                                                                ()):
                        written = words[i + 1:i + 1 + len(rest)]
                        if definite:
                            written = [w.removeprefix("ال") for w in written]
                        if written != rest_list:
                            continue
                        end = cursor
                        for extra in words[i + 1:i + 1 + len(rest)]:  # the following words, with only spaces between
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
                append(Cue(o_start, o_end, table, value, priority))
            skip_to = i + size[0]
        return out


@cache
def cue_scanner(tables: ClaimTables) -> CueScanner:
    return CueScanner(tables)
