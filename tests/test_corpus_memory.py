"""The paragraphs table is cut out of the article texts when asked for, and a load holds the text once."""

import gc
import json
import random
import tracemalloc

import pandas as pd
import pyarrow as pa
import pytest

from helpers.corpus import PARAGRAPH_COLUMNS, Corpus, load_corpus, read_and_clean_file

# Hard cases for cutting by code point offsets out of UTF-8 bytes: Arabic (2 bytes), accented Latin
# (2), CJK and Arabic ligatures (3), emoji (4), tatweel, CRLF, runs of blank lines, a BOM, leading blank
# lines, a title only, records with an empty text and an empty title.
TRICKY = {
    "arabic.txt": "انسحاب القوات من العراق\n\nقال مسؤول إن المرحلة الأولى تنتهي في سبتمبر.\n\nوأضاف أن القوات ستبقى.\n",
    "crlf.txt": "عنوان بنهايات ويندوز\r\n\r\nفقرة أولى\r\n\r\n\r\n\r\nفقرة ثانية 😀 بعد أسطر فارغة\r\n",
    "blank-runs.txt": "عنوان\n\n\n\n\nفقرة بعد خمسة أسطر\n \n\t\n\nفقرة بعد أسطر فيها مسافات\n\n\n",
    "bom.txt": "\ufeffعنوان بعلامة ترتيب البايتات\n\nنص café 東京 ﷺ بعد العلامة\n",
    "no-title.txt": "\n\nفقرة بلا عنوان قبلها\n\nوفقرة ثانية بعدها\n",
    "title-only.txt": "عنوان بلا نص\n",
    "tatweel.txt": "العـــراق\n\nقـــال المتحدث 𝔸 إن الاتفاق نهائي.\n",
}
RECORDS = [
    {"id": "r1", "title": "سجل أول", "text": "فقرة السجل 🇮🇶 الأولى\n\nفقرة السجل الثانية"},
    {"id": "r2", "title": "سجل بنص فارغ", "text": ""},
    {"id": "r3", "title": "", "text": "سجل بلا عنوان"},
]


@pytest.fixture
def tricky(tmp_path):
    for name, text in TRICKY.items():
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    (tmp_path / "records.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS) + "\n",
                                            encoding="utf-8")
    return tmp_path


def eager_paragraphs(corpus, folder) -> pd.DataFrame:
    """The table as the loader built it before: each cleaned document's spans and their slices of its text."""
    ids = iter(corpus.articles["article_id"])  # the loader's ids, in the loader's (sorted file) order
    rows = []
    for path in sorted(folder.iterdir()):
        for doc in read_and_clean_file(str(path)):
            if doc.is_article:
                article_id = next(ids)
                rows += [(article_id, k, doc.text[s:e], s, e) for k, (s, e) in enumerate(doc.spans)]
    frame = pd.DataFrame(rows, columns=PARAGRAPH_COLUMNS)
    return frame.astype({"article_id": "str", "paragraph": "int64", "text": "str", "char_start": "int64",
                         "char_end": "int64"})


def texts_of(corpus, article_id):
    paragraphs = corpus.paragraphs
    return paragraphs.loc[paragraphs["article_id"] == article_id, "text"].tolist()


def test_paragraphs_built_on_demand_equal_the_eagerly_built_ones(tricky):
    corpus = load_corpus(tricky, workers=1)
    pd.testing.assert_frame_equal(corpus.paragraphs, eager_paragraphs(corpus, tricky))
    # and by hand, on the cases most likely to go wrong
    assert texts_of(corpus, "crlf") == ["عنوان بنهايات ويندوز", "فقرة أولى", "فقرة ثانية 😀 بعد أسطر فارغة"]
    assert texts_of(corpus, "blank-runs") == ["عنوان", "فقرة بعد خمسة أسطر", "فقرة بعد أسطر فيها مسافات"]
    assert texts_of(corpus, "bom") == ["عنوان بعلامة ترتيب البايتات", "نص café 東京 ﷺ بعد العلامة"]
    assert texts_of(corpus, "no-title") == ["فقرة بلا عنوان قبلها", "وفقرة ثانية بعدها"]  # line 1 is the title
    assert texts_of(corpus, "title-only") == ["عنوان بلا نص"]
    assert texts_of(corpus, "r1") == ["سجل أول", "فقرة السجل 🇮🇶 الأولى", "فقرة السجل الثانية"]
    assert texts_of(corpus, "r2") == []  # an empty text is an error row, not an article
    assert texts_of(corpus, "r3") == ["", "سجل بلا عنوان"]  # no title: paragraph 0 is empty
    assert texts_of(corpus, "tatweel") == ["العـــراق", "قـــال المتحدث 𝔸 إن الاتفاق نهائي."]


def test_paragraphs_are_the_same_table_from_a_pool_and_every_row_slices_its_article(tricky):
    serial, parallel = load_corpus(tricky, workers=1), load_corpus(tricky, workers=2)
    pd.testing.assert_frame_equal(serial.paragraphs, parallel.paragraphs)
    texts = serial.articles.set_index("article_id")["text"]
    for p in serial.paragraphs.itertuples():
        assert texts[p.article_id][p.char_start : p.char_end] == p.text


def test_paragraph_spans_are_the_table_without_its_text(tricky):
    corpus = load_corpus(tricky, workers=1)
    pd.testing.assert_frame_equal(corpus.paragraph_spans, corpus.paragraphs.drop(columns="text"))
    assert repr(corpus).startswith(f"Corpus: {len(corpus.articles)} articles (0 duplicates), "
                                   f"{len(corpus.paragraphs)} paragraphs")


def test_paragraphs_stay_one_table_while_held_and_a_given_table_is_kept(tricky):
    corpus = load_corpus(tricky, workers=1)
    held = corpus.paragraphs
    held["seen"] = True  # a caller's column is there for the next caller while the table is in use
    assert corpus.paragraphs is held and "seen" in corpus.paragraphs
    given = pd.DataFrame({"article_id": ["a"], "paragraph": [0], "char_start": [0], "char_end": [1], "text": ["x"]})
    assert Corpus(corpus.articles, given, corpus.report).paragraphs is given


def test_paragraphs_survive_changes_to_the_articles_frame(tricky):
    corpus = load_corpus(tricky, workers=1)
    before = corpus.paragraphs.copy()
    corpus.articles["text"] = ""
    corpus.articles = corpus.articles.iloc[:1]
    pd.testing.assert_frame_equal(corpus.paragraphs, before)


# ------------------------------------------------------------------ the text is held once

SENTENCES = [
    "أعلنت الحكومة العراقية التوصل إلى اتفاق مع التحالف الدولي بشأن جدول الانسحاب.",
    "وقال المتحدث باسم وزارة الدفاع إن المرحلة الأولى تنتهي في أيلول المقبل.",
    "وأكد مسؤولون أن القوات ستواصل تقديم المشورة والدعم من قواعد محددة.",
    "وتأتي هذه الخطوة بعد أشهر من المحادثات بين بغداد وواشنطن.",
    "وأشار التقرير إلى أن عدد الجنود سينخفض تدريجيا حتى نهاية العام.",
]


def generated_corpus(folder, n_articles=120, seed=7):
    """Articles of ~25 KB (a title, ~40 paragraphs of my sentences), written as .txt files."""
    rng = random.Random(seed)
    for i in range(n_articles):
        paragraphs = [" ".join(rng.choices(SENTENCES, k=rng.randint(2, 8))) for _ in range(rng.randint(30, 50))]
        (folder / f"a{i:04d}.txt").write_text(f"خبر رقم {i}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


def test_a_load_holds_the_article_text_once(tmp_path):
    """What a loaded corpus holds (Python objects and Arrow buffers) is under 1.3x its text: a second copy
    of the text (the paragraphs' own texts, as the loader kept before) makes it over 2x."""
    generated_corpus(tmp_path)
    gc.collect()
    tracemalloc.start()  # Python objects; Arrow's pools count their buffers

    def arrow_bytes():
        return pa.default_memory_pool().bytes_allocated() + pa.system_memory_pool().bytes_allocated()

    try:
        python_before, arrow_before = tracemalloc.get_traced_memory()[0], arrow_bytes()
        corpus = load_corpus(tmp_path, workers=1)  # in this process, so everything it keeps is counted
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - python_before + arrow_bytes() - arrow_before
    finally:
        tracemalloc.stop()
    text_bytes = sum(len(t.encode("utf-8")) for t in corpus.articles["text"])
    assert text_bytes > 2_000_000
    assert held < 1.3 * text_bytes, f"a load of {text_bytes:,} bytes of text holds {held:,} bytes"
    # the paragraphs are all there, texts included, for whoever asks
    assert corpus.paragraphs["text"].str.len().sum() == (corpus.paragraphs["char_end"]
                                                         - corpus.paragraphs["char_start"]).sum()


def test_paragraph_texts_are_cut_by_code_points_from_64_bit_offsets_too():
    """The builder keeps offsets as int32 when they fit; wider ones (an article over 2 GB) cut the same."""
    from helpers.corpus import Paragraphs

    texts = pa.chunked_array([["عنوان\n\nفقرة 😀", ""], ["x\n\né"]], pa.large_string())
    spans = [(0, 5), (7, 13), (0, 0), (0, 1), (3, 4)]
    paragraphs = Paragraphs(pa.chunked_array([["a", "b", "c"]], pa.large_string()), texts,
                            pa.chunked_array([[1, 0, 1]]), pa.chunked_array([[s for s, _ in spans]], pa.int64()),
                            pa.chunked_array([[e for _, e in spans]], pa.int64()))
    frame = paragraphs.frame()
    assert frame["text"].tolist() == ["عنوان", "فقرة 😀", "", "x", "é"]
    assert frame["paragraph"].tolist() == [0, 1, 0, 0, 1] and frame["article_id"].tolist() == ["a", "a", "b", "c", "c"]
    assert str(frame["char_start"].dtype) == "int64"


def test_what_needs_only_paragraph_offsets_does_not_cut_every_paragraph_text(tricky, monkeypatch):
    """On 1 GB of articles, cutting every paragraph's text costs a second GB and ~7 CPU s: the claims of a
    table, a search, one article shown and the milestone and entity tables need only offsets (and one
    article's text), so none of them may build the whole paragraphs table."""
    from helpers.claims import claims_for_table
    from helpers.corpus.paragraphs import Paragraphs
    from helpers.entities import entities_table
    from helpers.explore import search
    from helpers.figures import show_article
    from helpers.milestones import milestones_table

    corpus = load_corpus(tricky)
    expected = corpus.paragraphs.copy()  # built here, once, before the guard; then let go
    article_id = expected["article_id"].iloc[0]
    shown = show_article(corpus, article_id)._repr_html_()

    def refuse(self):
        raise AssertionError("the whole paragraphs table was built")

    monkeypatch.setattr(Paragraphs, "frame", refuse)
    corpus = load_corpus(tricky)
    milestones = milestones_table(corpus, claims=False)
    claims_for_table(corpus, milestones)
    entities_table(corpus)
    search(corpus, "العراق")
    assert show_article(corpus, article_id)._repr_html_() == shown
