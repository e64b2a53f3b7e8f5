"""The claim of each milestone: the rules of events, speakers, places and actors put together.
"""

from __future__ import annotations

from typing import NamedTuple

from ..claim_tables import ClaimTables, load_claim_tables
from ..entities import EntityMatcher, default_matcher
from ..normalize import Normalized, normalize_with_map
from ..published import parse_published
from ..spans import paragraph_spans
from .actors import ActorRules
from .article import ClaimArticle
from .events import EventRules
from .places import PlaceRules
from .speakers import SpeakerRules

__all__ = ["CLAIM_COLUMNS", "Claim", "claims_for_table", "extract_claims"]

CLAIM_COLUMNS = ["event", "place", "actor", "claimant", "negated"]


class Claim(NamedTuple):
    """The claim a milestone belongs to."""

    event: str
    place: str
    actor: str
    claimant: str
    negated: bool



class _Extractor(EventRules, SpeakerRules, PlaceRules, ActorRules):
    """The rules of one article, sharing its lookups."""

    def __init__(self, article: ClaimArticle):
        self.a = article


def extract_claims(text: str, spans, paragraph_starts=None, norm: Normalized | None = None,
                   tables: ClaimTables | None = None, matcher: EntityMatcher | None = None,
                   published=None) -> list[Claim]:
    """The claim of each milestone ``(char_start, char_end)`` of ``text``, in the order given (read in text
    order: a strike may take the attacker of the one dated before it, so give every milestone of the article).

    ``paragraph_starts`` (sorted offsets; default: split at blank lines) bounds the carry-over of a
    speaker; ``norm`` reuses the article's normalised text when the caller has it. ``published`` (an ISO
    date or a date object, as for the milestones) lets a side that holds only from a date (sides.csv
    ``since``) count only in articles published from then.
    """
    spans = list(spans)
    if not spans or not text:
        return []
    tables = tables or load_claim_tables()
    matcher = matcher or default_matcher()
    article = ClaimArticle(text, norm or normalize_with_map(text), paragraph_starts, tables, matcher,
                           max(start for start, _ in spans), parse_published(published))
    extractor = _Extractor(article)
    out: list[Claim | None] = [None] * len(spans)
    # in text order, whatever the caller's: a claim may take what an earlier one found (rule 20's attacker)
    for i in sorted(range(len(spans)), key=spans.__getitem__):
        start, end = spans[i]
        event, trigger, speech = extractor.event(start, end)
        claimant, _ = extractor.claimant(start)
        place = extractor.place(start, end, event, trigger, speech)
        actor = extractor.actor(start, end, event, trigger, speech, claimant)
        if event == "attack" and actor not in ("", "isis") and extractor.held_since(start, trigger):
            event = "other"  # «تسيطر عليها قوات البيشمركة منذ جوان 2014»: a hold that starts, no attack
        out[i] = Claim(event, place, actor, claimant or "", extractor.negated(trigger, start))
    return out


def claims_for_table(corpus, milestones):
    """``CLAIM_COLUMNS`` for the rows of a milestones table of ``corpus`` (same order), computed per article."""
    import pandas as pd

    texts = dict(zip(corpus.articles["article_id"].astype(str), corpus.articles["text"]))
    published = (dict(zip(corpus.articles["article_id"].astype(str), corpus.articles["published"]))
                 if "published" in corpus.articles else {})
    paragraphs = paragraph_spans(corpus).sort_values(["article_id", "char_start"])
    starts: dict[str, list[int]] = {}
    for article_id, start in zip(paragraphs["article_id"].astype(str), paragraphs["char_start"]):
        starts.setdefault(article_id, []).append(int(start))
    out = pd.DataFrame(index=milestones.index, columns=CLAIM_COLUMNS)
    for article_id, rows in milestones.groupby(milestones["article_id"].astype(str), sort=False):
        claims = extract_claims(texts[article_id], zip(rows["char_start"], rows["char_end"]), starts.get(article_id),
                                published=published.get(article_id))
        out.loc[rows.index, CLAIM_COLUMNS] = [list(c) for c in claims]
    return out.astype({"negated": bool})
