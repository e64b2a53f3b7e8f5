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

The package: ``cues`` (the table phrases found in a text), ``article`` (one article's spans and
lookups), ``events``, ``speakers``, ``places`` and ``actors`` (the rules of each column, as mixins
of one extractor), ``extract`` (``extract_claims`` and ``claims_for_table``).
"""

from .extract import CLAIM_COLUMNS, Claim, claims_for_table, extract_claims

__all__ = ["CLAIM_COLUMNS", "Claim", "claims_for_table", "extract_claims"]
