"""Calendar milestones in Arabic news: dates, ranges, deadlines and relative expressions.

The vocabulary (month names in every regional variant, weekdays, number words, relative and
part-of-period words, deadline triggers, subjects) lives in the CSV tables of ``data/calendar/``;
the code assembles it into one grammar run on the normalised text and resolves each named form to
a start/end date, following the rules of ``data/eval/dev/README.md``: the leading preposition is kept
apart as ``trigger``, and relative expressions are resolved against the publication date only,
never against today. Real news (``../shared/eval/real/README.md``, issue 12): a lone weekday may be
the publication day itself; a yearless date takes the year its paragraph fixed, else the tense of its
clause decides; anaphora (الشهر نفسه، نفس اليوم) take the date named before; a range with two full
ends is one row; dates beyond the calendars or days they do not have («30 فبراير 2024») give an unresolved row and a warning.

One concept a module, each depending only on those before it:

- ``vocabulary``: the calendar tables, each read once and validated (bad file and row named);
- ``grammar``: the regex of each form (``FORM_PATTERNS``) and the whole ``GRAMMAR``;
- ``scan``: where a milestone can start (the compiled ``helpers._heads`` when built, else a regex:
  the same heads) and the grammar tried only there;
- ``dates``: calendar arithmetic; ``groups``: what a resolver reads and the year of a yearless month
  (the publication-date rule); ``tense``: the tense of a clause; ``resolve``: one resolver a form;
  ``story``: the year the text fixed and the antecedents of anaphora;
- ``extract``: ``extract_milestones`` and ``Milestone``; ``table``: the corpus table with paragraph,
  sentence, subject and claim.

Everything an analyst, a notebook or another module uses is importable from ``helpers.milestones``.
"""

from __future__ import annotations

from .extract import Milestone, clear_cache, extract_milestones
from .grammar import FILLER, GRAMMAR, form_grammar
from .resolve import MilestoneWarning
from .scan import COMPILED, HEADS
from .table import COLUMNS, article_milestones, milestones_table
from .vocabulary import CALENDAR

__all__ = [
    "CALENDAR", "COLUMNS", "COMPILED", "FILLER", "GRAMMAR", "HEADS", "Milestone", "MilestoneWarning",
    "article_milestones", "clear_cache", "extract_milestones", "form_grammar", "milestones_table",
]

def __getattr__(name: str):
    """``milestone_summary`` and ``published_date_effect`` moved to ``helpers.views``; still found here."""
    if name in ("milestone_summary", "published_date_effect"):
        from .. import views

        return getattr(views, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
