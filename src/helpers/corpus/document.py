"""A ``Document``: one article read from a file or record, or a problem entry, with the notes of what happened.

Every reader returns documents, cleaning fills their cleaned fields, and each becomes one row of the
load report (``status`` and ``reason`` from its notes) and, when it holds text, one article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["STATUS_RANK", "CorpusError", "Document"]

STATUS_RANK = {"ok": 0, "warning": 1, "error": 2}


class CorpusError(ValueError):
    """Raised by ``load_corpus(strict=True)`` at the first problem, naming file and line."""


@dataclass
class Document:
    """One raw article from a file or record, or a problem entry (``body is None``, not loaded).

    ``notes`` are ``(status, reason)`` pairs; the cleaned fields stay empty until
    ``clean_document`` fills them.
    """

    path: str
    line: int | None = None
    article_id: str | None = None
    title: str | None = None
    body: str | None = None
    published: object = None
    source: str | None = None
    url: str | None = None
    raw_text: str | None = None
    encoding: str | None = None
    n_replaced_bytes: int = 0
    nul_lines: tuple[int, ...] = ()  # lines of the file whose NUL bytes were removed (read_text)
    replaced_lines: tuple[int, ...] = ()  # lines of the file holding undecodable bytes, replaced (read_text)
    # other notes about some lines of the file, as (lines, what): the note reads «line 3, 5: what» (read_text)
    line_notes: tuple[tuple[tuple[int, ...], str], ...] = ()
    notes: list[tuple[str, str]] = field(default_factory=list)
    published_where: str = ""
    duplicate_of: str | None = None
    # filled by clean_document
    text: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    fingerprint: bytes = b""
    n_paragraphs: int = 0
    n_words: int = 0
    n_chars: int = 0
    repeated_title_removed: bool = False
    boilerplate_removed: bool = False
    n_bidi_removed: int = 0
    n_tatweel: int = 0
    presentation_forms: bool = False
    visual_order: bool = False

    @property
    def is_article(self) -> bool:
        return self.body is not None

    @property
    def status(self) -> str:
        return max((s for s, _ in self.notes), key=STATUS_RANK.__getitem__, default="ok")

    @property
    def reason(self) -> str:
        """The notes joined by «; », where ``extract``'s summary cuts them again: a note's own words use none."""
        return "; ".join(r for _, r in self.notes)

    def note(self, status: str, reason: str) -> None:
        self.notes.append((status, reason))

