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

setup.py compiles these modules with Cython when a C compiler is at hand (the same code, about 12%
fewer instructions per claim); ``COMPILED`` says whether this process runs them compiled. A build made
from another version of its source is not run (``helpers.compiled``).
"""

from pathlib import Path

from ..compiled import compiled_modules, prefer_fresh_source

prefer_fresh_source(__name__, Path(__file__).parent)

# after the finder: every rule module is imported through it
from . import actors, article, cues, events, extract, places, speakers
from .extract import CLAIM_COLUMNS, Claim, claims_for_table, extract_claims

# True when every rule module runs compiled (setup.py), False when any runs from source
COMPILED = all(compiled_modules([actors, article, cues, events, places, speakers, extract]).values())

__all__ = ["CLAIM_COLUMNS", "COMPILED", "Claim", "claims_for_table", "extract_claims"]
