"""The milestones of a corpus as a table: one row per milestone, with its paragraph, sentence and subject.

``article_milestones`` gives the rows of one article (the pipeline's workers call it on each article),
``milestones_table`` those of a corpus. Each row also carries its claim (event, place, actor, claimant,
negated: ``helpers.claims``). Sentences and paragraphs are cut by ``helpers.spans``, the same as for
entities; the subject is the nearest place (else organisation) in the milestone's clause, or in the
clauses before it in its sentence, among the gazetteer entities ``data/calendar/subjects.csv`` lists, as
the entity matcher finds them: one list of names and aliases, the gazetteer.
"""

from __future__ import annotations

import bisect

import pandas as pd

from ..corpus import CLAIMS_PART, LONG_ARTICLE, PROGRESS_FROM
from ..entities import NAME, EntityMatcher, default_matcher
from ..entities.table import share_sentence_cuts
from ..normalize import normalize_with_map
from ..repeated_articles import RepeatedArticles
from ..spans import CLAUSE_CHARS, SENTENCE_CHARS, cut_points, paragraph_index, paragraph_of, paragraph_spans
from .extract import milestones_in
from .vocabulary import CALENDAR, LINES, TABLES

__all__ = [
    "COLUMNS", "article_milestones", "listed_subjects", "milestones_table",
]


# Gazetteer types a subject may have: an organisation, else a place.
_SUBJECT_KINDS = {"ORG": "organisation", "GPE": "place", "CITY": "place", "LOC": "place", "FAC": "place"}
_SUBJECTS: list = [None, {}]  # the matcher the subjects below were read for, and entity_id -> (name_ar, kind)


def listed_subjects(matcher: EntityMatcher) -> dict[str, tuple[str, str]]:
    """entity_id -> (Arabic name, place or organisation) of the gazetteer entities ``subjects.csv`` lists;
    ``ValueError`` naming the line of an id the gazetteer does not have, or of a person or a document."""
    if _SUBJECTS[0] is not matcher:
        entities = {entity.entity_id: entity for entity in matcher.gazetteer}
        subjects = {}
        for line, entity_id in zip(LINES["subjects"], TABLES["subjects"]["entity_id"]):
            entity = entities.get(entity_id)
            where = f"{CALENDAR / 'subjects.csv'}, line {line}: entity_id {entity_id!r}"
            if entity is None:
                raise ValueError(f"{where} is not in the gazetteer")
            if entity.type not in _SUBJECT_KINDS:
                raise ValueError(f"{where} is of type {entity.type}, not a place or an organisation")
            subjects[entity_id] = (entity.name_ar, _SUBJECT_KINDS[entity.type])
        _SUBJECTS[:] = [matcher, subjects]
    return _SUBJECTS[1]


class _ArticleContext:
    """Sentences, clauses and subject mentions of one article text, for locating milestones."""

    def __init__(self, text: str, matcher: EntityMatcher):
        self.text = text
        # a clause ends wherever a sentence does: one pass finds both
        self.clauses = [0] + cut_points(text, CLAUSE_CHARS)
        self.sentences = [p for p in self.clauses if p == 0 or text[p - 1] in SENTENCE_CHARS]
        share_sentence_cuts(text, self.sentences[1:])  # = cut_points(text): the entity rows cut no second time
        self._sentence_text: dict[tuple[int, int | None], str] = {}
        # per kind, the subject mentions in text order: (starts, ends, subjects), searched with bisect; the
        # matcher's mentions of the text are those the claims read (found once, see EntityMatcher.spans)
        self.subjects: dict[str, tuple[list[int], list[int], list[str]]] = {}
        subject_of = listed_subjects(matcher)
        for payload, start, end in matcher.spans(text):
            subject = subject_of.get(payload[0])
            if subject is None or payload[4] != NAME:  # a nisba (العراقية) is no subject
                continue
            starts, ends, names = self.subjects.setdefault(subject[1], ([], [], []))
            starts.append(start)
            ends.append(end)
            names.append(subject[0])

    @staticmethod
    def _around(bounds: list[int], start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(bounds, start) - 1
        j = bisect.bisect_left(bounds, end)
        return bounds[i], bounds[j] if j < len(bounds) else None

    def sentence(self, start: int, end: int) -> str:
        bounds = self._around(self.sentences, start, end)
        found = self._sentence_text.get(bounds)
        if found is None:  # milestones share sentences: cut each once
            found = self._sentence_text[bounds] = self.text[bounds[0]:bounds[1]].strip()
        return found

    def subject(self, start: int, end: int) -> str:
        """What the milestone is about: the nearest listed place, else organisation, in its clause.

        When its own clause names none ("…في العراق خلال الاثني عشر شهراً، وفي موعد أقصاه نهاية
        سبتمبر 2025"), the clauses before it in the same sentence are searched, nearest first;
        text after the sentence never is.
        """
        clause = self._around(self.clauses, start, end)
        sentence_start = self._around(self.sentences, start, end)[0]
        for kind in ("place", "organisation"):
            found = self._nearest(kind, start, end, clause[0], len(self.text) if clause[1] is None else clause[1])
            found = found or self._nearest(kind, start, end, sentence_start, start)
            if found:
                return found
        return ""

    def _nearest(self, kind: str, start: int, end: int, lo: int, hi: int) -> str:
        """The subject of ``kind`` nearest to ``start..end`` among those lying within ``lo..hi``."""
        starts, ends, names = self.subjects.get(kind, ((), (), ()))
        best: tuple[int, str] | None = None
        for i in range(bisect.bisect_left(starts, lo), len(starts)):
            if starts[i] >= hi:
                break
            if ends[i] <= hi:
                distance = max(start - ends[i], starts[i] - end, 0)
                if best is None or distance < best[0]:
                    best = (distance, names[i])
        return best[1] if best else ""


COLUMNS = ["article_id", "surface", "start", "end", "precision", "kind", "trigger", "form", "paragraph",
           "char_start", "char_end", "sentence", "subject", "resolved",
           "event", "place", "actor", "claimant", "negated"]  # the claim: helpers.claims
_N_CLAIM_COLUMNS = len(COLUMNS) - COLUMNS.index("event")  # helpers.claims.CLAIM_COLUMNS, the last ones


def milestones_table(corpus, progress: bool | None = None, claims: bool = True) -> pd.DataFrame:
    """One row per milestone occurrence in a corpus (anything with ``articles`` and ``paragraphs``).

    Offsets are into the article text; ``paragraph`` is 0 for the title; relative expressions
    of an article without a publication date have ``resolved`` False and no dates. ``progress``
    shows a bar of articles done (default: from 2,000 articles on). ``claims=False`` leaves the claim
    columns empty (about half the extraction time: see ``article_milestones``).
    """
    from tqdm import tqdm

    paragraph_starts = paragraph_index(paragraph_spans(corpus))
    matcher = default_matcher()
    rows: list[tuple] = []
    articles = corpus.articles.itertuples(index=False)
    show = len(corpus.articles) >= PROGRESS_FROM if progress is None else progress
    repeats = RepeatedArticles()  # an article repeated in the corpus (a wire story run again): its rows copied
    for article in tqdm(articles, total=len(corpus.articles), unit="article", desc="milestones", disable=not show):
        starts, numbers = paragraph_starts.get(str(article.article_id), ((), ()))
        published = getattr(article, "published", None)
        key = repeats.key(article.text, published, (tuple(starts), tuple(numbers))) \
            if isinstance(article.text, str) else None
        found = repeats.rows(key, article.article_id) if key is not None else None
        if found is None:
            found = (article_milestones(article.article_id, article.text, published, starts, numbers, claims=claims,
                                        matcher=matcher),)
            if key is not None:
                repeats.remember(key, *found)
        rows += found[0]
    columns = dict(zip(COLUMNS, map(list, zip(*rows)))) if rows else {name: [] for name in COLUMNS}
    table = pd.DataFrame(columns, columns=COLUMNS)
    for column in ("start", "end"):
        table[column] = pd.to_datetime(table[column])
    return table.astype({"paragraph": int, "char_start": int, "char_end": int, "resolved": bool})


def article_milestones(article_id, text, published, paragraph_starts, paragraph_numbers,
                       claims: bool = True, matcher: EntityMatcher | None = None) -> list[tuple]:
    """The ``COLUMNS`` of each milestone in one article; paragraphs as sorted start offsets and their numbers.

    ``claims=False`` leaves the claim columns empty (None): the claims cost more than finding the
    milestones and their entities together, and a corpus read only for its dates can do without them.
    ``matcher``: ``default_matcher()``, asked once by a caller with many articles (it checks its files
    each time it is asked).
    """
    if not isinstance(text, str) or not text:
        return []
    norm = normalize_with_map(text)
    found = milestones_in(norm, published)
    if not found:
        return []
    matcher = matcher or default_matcher()
    context = _ArticleContext(text, matcher)
    if claims:
        found_claims = _claims(text, [(m.char_start, m.char_end) for m in found], paragraph_starts, norm, matcher,
                               published)
    else:
        found_claims = [(None,) * _N_CLAIM_COLUMNS] * len(found)
    rows = []
    for m, claim in zip(found, found_claims):
        rows.append((article_id, m.surface, m.start, m.end, m.precision, m.kind, m.trigger, m.form,
                     paragraph_of(paragraph_starts, paragraph_numbers, m.char_start, -1), m.char_start, m.char_end,
                     context.sentence(m.char_start, m.char_end), context.subject(m.char_start, m.char_end),
                     m.resolved, *claim))
    return rows


def _claims(text: str, spans: list[tuple[int, int]], paragraph_starts, norm, matcher: EntityMatcher,
            published=None) -> list[tuple]:
    """The claims of the milestones ``spans`` (in text order); an article over ``LONG_ARTICLE`` characters in
    parts of about ``CLAIMS_PART``, cut at paragraphs (else sentences, else spaces): a claim looks back over
    the whole article for its speaker, which in one huge text takes time growing with its square (the
    load report notes such an article)."""
    from ..claims import extract_claims

    if len(text) <= LONG_ARTICLE:
        return extract_claims(text, spans, paragraph_starts, norm, matcher=matcher, published=published)
    out, first, paragraph_starts = [], 0, list(paragraph_starts or ())
    for start, end in _parts(text, paragraph_starts, CLAIMS_PART):
        last = bisect.bisect_left(spans, (end, -1), lo=first)
        if last > first:
            stop = max(end, max(e for _, e in spans[first:last]))  # a milestone is never cut
            inside = paragraph_starts[bisect.bisect_right(paragraph_starts, start):
                                      bisect.bisect_left(paragraph_starts, stop)]
            starts = [s - start for s in inside]
            out += extract_claims(text[start:stop], [(s - start, e - start) for s, e in spans[first:last]],
                                  [0, *starts], matcher=matcher, published=published)
        first = last
    return out


def _parts(text: str, paragraph_starts: list[int], size: int):
    """``(start, end)`` parts of ``text`` of about ``size`` characters, cut at a paragraph start, else after a
    sentence, else at a space, in the second half of each part."""
    start = 0
    while len(text) - start > size:
        low, high = start + size // 2, start + size
        at = bisect.bisect_right(paragraph_starts, high) - 1
        if at >= 0 and paragraph_starts[at] > low:
            end = paragraph_starts[at]
        else:
            cuts = [c for c in cut_points(text[low:high]) if 0 < c < high - low]
            end = low + cuts[-1] if cuts else (text.rfind(" ", low, high) + 1 or high)
        yield start, end
        start = end
    yield start, len(text)
