"""The corpus loader: what an analyst expects from each kind of input, good and bad."""

import hashlib
import json

import arabic_reshaper
import pandas as pd
import pytest
from bidi.algorithm import get_display
from hypothesis import given
from hypothesis import strategies as st

from helpers.corpus import CorpusError, fingerprint, iter_documents, load_corpus, load_seed
from helpers.normalize import normalize
from helpers.paths import EVAL_DEV

TITLE = "العراق والتحالف يتفقان على جدول الانسحاب"
BODY = [
    "بغداد – أعلنت الحكومة العراقية الجمعة التوصل إلى اتفاق مع التحالف الدولي.",
    "وقال مسؤول إن المرحلة الأولى تنتهي في سبتمبر 2025.",
]
ARTICLE = TITLE + "\n\n" + "\n\n".join(BODY) + "\n"
OTHER = "الناتو يواصل مهمته في العراق\n\nأكد حلف شمال الأطلسي أن بعثته في العراق غير قتالية.\n"


def write(folder, name, content, encoding="utf-8"):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def row(corpus, name, line=None):
    """The single report row for file ``name`` (and ``line``)."""
    report = corpus.report[corpus.report["path"].str.endswith(name)]
    if line is not None:
        report = report[report["line"] == line]
    assert len(report) == 1, report
    return report.iloc[0]


@pytest.fixture
def folder(tmp_path):
    """A folder holding one good article, good.txt, next to whatever a test adds."""
    write(tmp_path, "good.txt", ARTICLE)
    return tmp_path


def assert_good_loaded(corpus):
    good = corpus.articles.set_index("article_id").loc["good"]
    assert good["text"] == TITLE + "\n\n" + "\n\n".join(BODY)


# ------------------------------------------------------------------ the seed and the dev set


def test_seed_loads_with_repeated_title_and_boilerplate_removed_and_reported():
    corpus = load_seed()
    article = corpus.articles.iloc[0]
    title = article["title"]
    assert article["text"].startswith(title + "\n\nقال مسؤولون أميركيون")
    assert article["text"].count("مسؤولون أميركيون: الاتّفاق") == 1
    assert not article["text"].endswith("مقالات ذات صلة")
    assert article["repeated_title_removed"] and article["boilerplate_removed"]
    assert corpus.raw_text(article["article_id"]).rstrip().endswith("مقالات ذات صلة")
    reason = row(corpus, article["path"].split("/")[-1])["reason"]
    assert "repeated title" in reason and "مقالات ذات صلة" in reason


def test_paragraph_offsets_slice_the_cleaned_text_exactly():
    corpus = load_corpus(EVAL_DEV / "articles", manifest=EVAL_DEV / "manifest.csv")
    texts = corpus.articles.set_index("article_id")["text"]
    for p in corpus.paragraphs.itertuples():
        assert texts[p.article_id][p.char_start : p.char_end] == p.text
    counts = corpus.paragraphs[corpus.paragraphs["paragraph"] > 0].groupby("article_id").size()
    assert (counts == corpus.articles.set_index("article_id")["n_paragraphs"]).all()


def test_title_is_paragraph_zero():
    corpus = load_seed()
    first = corpus.paragraphs.iloc[0]
    assert first["paragraph"] == 0 and first["text"] == corpus.articles.iloc[0]["title"]


def test_dev_set_loads_six_articles_with_manifest_dates():
    corpus = load_corpus(EVAL_DEV / "articles", manifest=EVAL_DEV / "manifest.csv")
    published = corpus.articles.set_index("article_id")["published"]
    assert list(published.index) == [f"dev0{i}" for i in range(1, 7)]
    assert published["dev01"] == pd.Timestamp("2024-09-28")
    assert pd.isna(published["dev04"])
    assert (corpus.report["status"] == "ok").all()


def test_manifest_above_a_subfolder_applies_to_its_articles(tmp_path):
    write(tmp_path, "manifest.csv", "article_id,published\ngood,2024-04-17\n")
    write(tmp_path, "articles/good.txt", ARTICLE)
    corpus = load_corpus(tmp_path)
    assert corpus.articles.iloc[0]["published"] == pd.Timestamp("2024-04-17")


def test_every_input_file_appears_in_report(folder):
    write(folder, "sub/other.txt", OTHER)
    write(folder, "empty.txt", b"")
    write(folder, "notes.xyz", "x")
    write(folder, "manifest.csv", "article_id,published\ngood,2024-01-02\n")
    corpus = load_corpus(folder)
    reported = set(corpus.report["path"])
    assert reported == {str(p) for p in folder.rglob("*") if p.is_file()}


def test_directories_are_walked_recursively_in_sorted_order(tmp_path):
    write(tmp_path, "b/two.txt", OTHER)
    write(tmp_path, "a/one.txt", ARTICLE)
    write(tmp_path, "c.txt", "عنوان ثالث\n\nنص المقال الثالث.")
    corpus = load_corpus(tmp_path)
    assert list(corpus.articles["article_id"]) == ["one", "two", "c"]


# ------------------------------------------------------------------ bad input, one case each


def test_empty_file_is_an_error_and_the_rest_still_loads(folder):
    write(folder, "empty.txt", b"")
    corpus = load_corpus(folder)
    report = row(corpus, "empty.txt")
    assert report["status"] == "error" and "empty file" in report["reason"]
    assert list(corpus.articles["article_id"]) == ["good"]
    assert_good_loaded(corpus)


def test_whitespace_only_file_is_an_error(folder):
    write(folder, "blank.txt", " \n\t\n\u200f\n")
    corpus = load_corpus(folder)
    report = row(corpus, "blank.txt")
    assert report["status"] == "error" and "whitespace" in report["reason"]
    assert_good_loaded(corpus)


def test_binary_file_is_skipped_with_an_error(folder):
    write(folder, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    corpus = load_corpus(folder)
    report = row(corpus, "image.txt")
    assert report["status"] == "error" and report["reason"] == "binary file, skipped"
    assert_good_loaded(corpus)


def test_malformed_json_line_is_an_error_naming_the_line(folder):
    good = json.dumps({"id": "j1", "title": TITLE, "text": BODY[0]}, ensure_ascii=False)
    write(folder, "feed.jsonl", good + '\n{"id": "j2" "title": "x"}\n')
    corpus = load_corpus(folder)
    report = row(corpus, "feed.jsonl", line=2)
    assert report["status"] == "error"
    assert report["reason"] == "line 2: malformed JSON: Expecting ',' delimiter"
    assert row(corpus, "feed.jsonl", line=1)["status"] == "ok"
    assert set(corpus.articles["article_id"]) == {"good", "j1"}


def test_text_file_with_only_a_title_warns_no_body_text(folder):
    write(folder, "headline.txt", TITLE + "\n")
    corpus = load_corpus(folder)
    report = row(corpus, "headline.txt")
    assert report["status"] == "warning" and "no body text" in report["reason"]
    headline = corpus.articles.set_index("article_id").loc["headline"]
    assert headline["text"] == TITLE and headline["n_paragraphs"] == 0
    assert_good_loaded(corpus)


def test_record_without_text_is_an_error_and_not_loaded(folder):
    records = [{"id": "r1", "title": TITLE, "body": BODY[0]}, {"id": "r2", "title": TITLE}]
    write(folder, "feed.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in records))
    corpus = load_corpus(folder)
    report = row(corpus, "feed.jsonl", line=2)
    assert report["status"] == "error" and "no text" in report["reason"]
    assert set(corpus.articles["article_id"]) == {"good", "r1"}


def test_record_without_title_is_loaded_with_a_warning(folder):
    write(folder, "feed.jsonl", json.dumps({"id": "r1", "text": BODY[0]}, ensure_ascii=False))
    corpus = load_corpus(folder)
    report = row(corpus, "feed.jsonl", line=1)
    assert report["status"] == "warning" and "no title" in report["reason"]
    r1 = corpus.articles.set_index("article_id").loc["r1"]
    assert r1["text"] == BODY[0] and r1["title"] == ""


def test_duplicate_article_is_kept_and_points_to_the_first(folder):
    # Same text up to harakat, hamza spelling and spacing: the same article.
    copy = ARTICLE.replace("الحكومة", "الحُكومة").replace("أعلنت", "اعلنت").replace(" في ", "  في ")
    write(folder, "zcopy.txt", copy)
    corpus = load_corpus(folder)
    report = row(corpus, "zcopy.txt")
    assert report["status"] == "warning" and report["reason"] == "duplicate of good (same normalised text)"
    dup = corpus.articles.set_index("article_id")["duplicate_of"]
    assert pd.isna(dup["good"]) and dup["zcopy"] == "good"
    assert list(corpus.unique()["article_id"]) == ["good"]


def test_unknown_extension_is_skipped_with_a_warning(folder):
    write(folder, "scan.xyz", "whatever")
    corpus = load_corpus(folder)
    report = row(corpus, "scan.xyz")
    assert report["status"] == "warning" and report["reason"] == "unknown extension .xyz, skipped"
    assert_good_loaded(corpus)


def test_bad_published_date_in_manifest_gives_nat_and_a_warning(folder):
    write(folder, "other.txt", OTHER)
    write(folder, "manifest.csv", "article_id,published\ngood,2024-13-45\nother,2024-09-18\n")
    corpus = load_corpus(folder)
    report = row(corpus, "good.txt")
    assert report["status"] == "warning"
    assert "bad published date '2024-13-45' in manifest.csv line 2" in report["reason"]
    published = corpus.articles.set_index("article_id")["published"]
    assert pd.isna(published["good"]) and published["other"] == pd.Timestamp("2024-09-18")


def test_bad_published_date_in_a_record_gives_nat_and_a_warning(folder):
    write(folder, "feed.jsonl", json.dumps({"id": "r1", "title": TITLE, "text": BODY[0], "published": "أمس"}))
    corpus = load_corpus(folder)
    report = row(corpus, "feed.jsonl", line=1)
    assert report["status"] == "warning" and "bad published date" in report["reason"]
    assert pd.isna(corpus.articles.set_index("article_id").loc["r1", "published"])


def test_published_dates_follow_the_one_iso_rule_in_manifests_and_records(folder):
    # «20240928» and «2024-W39-6» are ISO 8601 to datetime.fromisoformat, but not the YYYY-MM-DD the
    # project accepts (helpers.published): reported with file and line, the article kept without a date
    write(folder, "other.txt", OTHER)
    write(folder, "manifest.csv", "article_id,published\ngood,20240928\nother,2024-09-18T08:30:00+03:00\n")
    write(folder, "feed.jsonl", json.dumps({"id": "r1", "title": TITLE, "text": BODY[0], "published": "2024-W39-6"}))
    corpus = load_corpus(folder)
    good, record = row(corpus, "good.txt"), row(corpus, "feed.jsonl", line=1)
    assert good["status"] == "warning"
    assert "bad published date '20240928' in manifest.csv line 2" in good["reason"]
    assert "kept without a date" in good["reason"]
    assert record["status"] == "warning" and "bad published date '2024-W39-6' on line 1" in record["reason"]
    published = corpus.articles.set_index("article_id")["published"]
    assert pd.isna(published["good"]) and pd.isna(published["r1"])
    assert published["other"] == pd.Timestamp("2024-09-18 08:30")  # the wall time is kept


def test_manifest_row_for_a_missing_file_is_a_warning(folder):
    write(folder, "manifest.csv", "article_id,published\ngood,2024-01-02\ngone,2024-01-03\n")
    corpus = load_corpus(folder)
    report = row(corpus, "manifest.csv", line=3)
    assert report["status"] == "warning" and "gone" in report["reason"] and "no file" in report["reason"]
    assert corpus.articles.iloc[0]["published"] == pd.Timestamp("2024-01-02")


def test_duplicate_article_id_is_made_unique_with_a_suffix(folder):
    write(folder, "later.jsonl", json.dumps({"id": "good", "title": "عنوان آخر", "text": "نص مختلف تماما."}))
    corpus = load_corpus(folder)
    report = row(corpus, "later.jsonl", line=1)
    assert report["status"] == "warning" and "duplicate article_id good, renamed good~2" in report["reason"]
    assert list(corpus.articles["article_id"]) == ["good", "good~2"]


def test_strict_mode_raises_naming_file_and_line(folder):
    write(folder, "feed.jsonl", '{"id": "j1", "title": "t", "text": "x"}\n{broken\n')
    with pytest.raises(CorpusError, match=r"feed\.jsonl, line 2: line 2: malformed JSON"):
        load_corpus(folder, strict=True)


def test_strict_mode_raises_on_an_empty_file(folder):
    write(folder, "empty.txt", b"")
    with pytest.raises(CorpusError, match=r"empty\.txt: empty file"):
        load_corpus(folder, strict=True)


def test_strict_mode_accepts_a_clean_corpus():
    corpus = load_corpus(EVAL_DEV / "articles", manifest=EVAL_DEV / "manifest.csv", strict=True)
    assert len(corpus.articles) == 6


# ------------------------------------------------------------------ encodings


def test_utf8_with_bom_is_decoded_without_the_bom(folder):
    write(folder, "bom.txt", b"\xef\xbb\xbf" + OTHER.encode())
    corpus = load_corpus(folder)
    bom = corpus.articles.set_index("article_id").loc["bom"]
    assert bom["encoding"] == "utf-8-sig" and bom["title"] == OTHER.split("\n")[0]
    assert row(corpus, "bom.txt")["status"] == "ok"


def test_utf16_little_endian_with_bom_is_decoded(folder):
    write(folder, "le.txt", OTHER, encoding="utf-16")  # Python writes LE with a BOM
    corpus = load_corpus(folder)
    le = corpus.articles.set_index("article_id").loc["le"]
    assert le["encoding"] == "utf-16-le" and le["title"] == OTHER.split("\n")[0]
    assert_good_loaded(corpus)


def test_utf16_big_endian_with_bom_is_decoded(folder):
    write(folder, "be.txt", b"\xfe\xff" + OTHER.encode("utf-16-be"))
    corpus = load_corpus(folder)
    be = corpus.articles.set_index("article_id").loc["be"]
    assert be["encoding"] == "utf-16-be" and be["title"] == OTHER.split("\n")[0]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_decoded_and_reported(folder, encoding):
    write(folder, "nobom.txt", OTHER.encode(encoding))
    corpus = load_corpus(folder)
    article = corpus.articles.set_index("article_id").loc["nobom"]
    assert article["encoding"] == encoding and corpus.raw_text("nobom") == OTHER
    report = row(corpus, "nobom.txt")
    assert report["status"] == "warning" and report["reason"] == f"decoded as {encoding} (no byte order mark)"
    assert_good_loaded(corpus)


def test_windows_1256_is_detected_and_reported(folder):
    write(folder, "legacy.txt", OTHER, encoding="cp1256")
    corpus = load_corpus(folder)
    legacy = corpus.articles.set_index("article_id").loc["legacy"]
    assert legacy["encoding"] == "windows-1256" and corpus.raw_text("legacy") == OTHER
    report = row(corpus, "legacy.txt")
    assert report["status"] == "warning" and report["reason"] == "decoded as windows-1256"
    assert_good_loaded(corpus)


def test_iso_8859_6_is_detected_and_reported(folder):
    text = "الهيئة العسكرية العليا تجتمع\n\nاجتمعت الهيئة العسكرية العليا اليوم في بغداد."
    write(folder, "iso.txt", text, encoding="iso-8859-6")
    corpus = load_corpus(folder)
    iso = corpus.articles.set_index("article_id").loc["iso"]
    assert iso["encoding"] == "iso-8859-6" and corpus.raw_text("iso") == text
    assert "decoded as iso-8859-6" in row(corpus, "iso.txt")["reason"]


def test_short_windows_1256_title_is_not_mistaken_for_iso_8859_6(folder):
    write(folder, "short.txt", "سلام", encoding="cp1256")
    corpus = load_corpus(folder)
    assert corpus.articles.set_index("article_id").loc["short", "title"] == "سلام"


def test_undecodable_bytes_are_replaced_and_counted(folder):
    data = ARTICLE.encode()
    cut = data.index(b"\n")  # between characters: exactly the two inserted bytes are bad
    write(folder, "broken.txt", data[:cut] + b"\xff\xfe" + data[cut:])
    corpus = load_corpus(folder)
    broken = corpus.articles.set_index("article_id").loc["broken"]
    assert broken["encoding"] == "utf-8" and "\ufffd" in broken["text"]
    report = row(corpus, "broken.txt")
    assert report["status"] == "warning" and "2 undecodable bytes replaced" in report["reason"]


# ------------------------------------------------------------------ cleaning


def test_presentation_forms_are_folded_and_reported(folder):
    write(folder, "shaped.txt", arabic_reshaper.reshape(OTHER))
    corpus = load_corpus(folder)
    shaped = corpus.articles.set_index("article_id").loc["shaped"]
    assert shaped["text"] == OTHER.strip()
    assert shaped["presentation_forms"] and not shaped["visual_order"]
    report = row(corpus, "shaped.txt")
    assert report["status"] == "warning" and "presentation forms" in report["reason"]


def test_visual_order_text_is_restored_to_logical_order(folder):
    visual = "\n".join(get_display(arabic_reshaper.reshape(line)) for line in ARTICLE.split("\n"))
    write(folder, "visual.txt", visual)
    corpus = load_corpus(folder)
    restored = corpus.articles.set_index("article_id").loc["visual"]
    assert restored["visual_order"]
    assert restored["text"] == corpus.articles.set_index("article_id").loc["good", "text"]
    assert "visual (reversed) order" in row(corpus, "visual.txt")["reason"]


def test_a_lone_ligature_is_not_taken_for_reshaped_text(tmp_path):
    write(tmp_path, "pbuh.txt", "قال النبي ﷺ\n\nنص المقال.")
    article = load_corpus(tmp_path).articles.iloc[0]
    assert article["title"] == "قال النبي ﷺ" and not article["presentation_forms"]


def test_bidi_controls_are_removed_from_text_but_kept_in_raw_text(tmp_path):
    write(tmp_path, "marks.txt", "\u200fعنوان\u200e الخبر\n\nنص \u202bالمقال\u202c هنا.")
    article = load_corpus(tmp_path, keep_raw_text=True).articles.iloc[0]
    assert article["text"] == "عنوان الخبر\n\nنص المقال هنا."
    assert article["n_bidi_removed"] == 4 and "\u200f" in article["raw_text"]


def test_tatweel_is_kept_in_text_and_reported(tmp_path):
    write(tmp_path, "kashida.txt", "العـراق اليوم\n\nفي أيلـول 2025.")
    corpus = load_corpus(tmp_path)
    article = corpus.articles.iloc[0]
    assert "العـراق" in article["text"] and article["n_tatweel"] == 2
    assert "2 tatweel kept" in corpus.report.iloc[0]["reason"]


def test_boilerplate_variant_read_also_is_removed(tmp_path):
    write(tmp_path, "more.txt", ARTICLE + "\nاقرأ أيضاً:\n")
    article = load_corpus(tmp_path).articles.iloc[0]
    assert article["text"] == TITLE + "\n\n" + "\n\n".join(BODY) and article["boilerplate_removed"]


def test_windows_line_endings_do_not_reach_the_text(tmp_path):
    write(tmp_path, "crlf.txt", ARTICLE.replace("\n", "\r\n"))
    article = load_corpus(tmp_path).articles.iloc[0]
    assert "\r" not in article["text"] and article["n_paragraphs"] == 2


# ------------------------------------------------------------------ record formats


def test_jsonl_records_take_their_id_or_file_and_line(tmp_path):
    lines = [{"id": "a1", "title": TITLE, "text": "\n\n".join(BODY), "published": "2024-04-17T10:30:00+03:00",
              "source": "وكالة", "url": "https://example.org/a1"}, {"title": "عنوان", "body": "نص."}]
    write(tmp_path, "feed.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in lines))
    articles = load_corpus(tmp_path).articles.set_index("article_id")
    assert list(articles.index) == ["a1", "feed:2"]
    assert articles.loc["a1", "published"] == pd.Timestamp("2024-04-17 10:30")
    assert articles.loc["a1", "n_paragraphs"] == 2 and articles.loc["a1", "url"] == "https://example.org/a1"
    assert articles.loc["feed:2", "line"] == 2


def test_json_list_and_single_record_both_load(tmp_path):
    write(tmp_path, "list.json", json.dumps([{"id": "l1", "title": "ع", "text": "نص أول."},
                                             {"id": "l2", "title": "ع", "text": "نص ثان."}]))
    write(tmp_path, "one.json", json.dumps({"id": "o1", "title": "ع", "text": "نص ثالث."}))
    articles = load_corpus(tmp_path).articles
    assert list(articles["article_id"]) == ["l1", "l2", "o1"]


def test_csv_rows_load_with_their_file_line(tmp_path):
    write(tmp_path, "feed.csv", 'article_id,title,text,published\nc1,عنوان,"سطر أول\n\nسطر ثان",2024-01-01\n'
                                "c2,عنوان آخر,نص آخر,\n")
    corpus = load_corpus(tmp_path)
    articles = corpus.articles.set_index("article_id")
    assert articles.loc["c1", "n_paragraphs"] == 2 and articles.loc["c2", "line"] == 5
    assert pd.isna(articles.loc["c2", "published"])


def test_parquet_rows_load(tmp_path):
    frame = pd.DataFrame({"id": ["p1", "p2"], "title": ["عنوان", "عنوان آخر"], "text": ["نص.", None],
                          "published": pd.to_datetime(["2024-02-03", None])})
    frame.to_parquet(tmp_path / "feed.parquet")
    corpus = load_corpus(tmp_path)
    assert list(corpus.articles["article_id"]) == ["p1"]
    assert corpus.articles.iloc[0]["published"] == pd.Timestamp("2024-02-03")
    assert row(corpus, "feed.parquet", line=2)["status"] == "error"


def test_single_file_path_loads_that_file(folder):
    write(folder, "other.txt", OTHER)
    corpus = load_corpus(folder / "other.txt")
    assert list(corpus.articles["article_id"]) == ["other"] and len(corpus.report) == 1


def test_iter_documents_yields_raw_documents_one_at_a_time(folder):
    write(folder, "empty.txt", b"")
    docs = list(iter_documents(folder))
    assert [d.article_id for d in docs] == ["empty", "good"]
    assert docs[0].status == "error" and docs[1].text is None and docs[1].raw_text == ARTICLE


def test_parallel_load_gives_the_same_frames_as_serial(folder):
    for i in range(5):
        write(folder, f"n{i}.txt", OTHER.replace("العراق", f"العراق {i}"))
    write(folder, "copy.txt", ARTICLE)
    serial, parallel = load_corpus(folder, workers=1), load_corpus(folder, workers=2)
    pd.testing.assert_frame_equal(serial.articles, parallel.articles)
    pd.testing.assert_frame_equal(serial.paragraphs, parallel.paragraphs)
    pd.testing.assert_frame_equal(serial.report, parallel.report)


def test_summary_counts_articles_and_problems(folder):
    write(folder, "empty.txt", b"")
    assert repr(load_corpus(folder)).startswith("Corpus: 1 articles (0 duplicates)")


def test_raw_text_is_read_back_on_demand_unless_kept_in_memory(folder):
    corpus = load_corpus(folder)
    assert corpus.articles["raw_text"].isna().all() and corpus.articles.iloc[0]["text"].startswith(TITLE)
    first = corpus.articles.iloc[0]["article_id"]
    kept = load_corpus(folder, keep_raw_text=True)
    assert kept.articles.iloc[0]["raw_text"] == corpus.raw_text(first)


def test_raw_text_of_a_jsonl_record_comes_from_its_own_line(tmp_path):
    records = [{"title": "عنوان أول", "text": "النص الأول"}, {"title": "عنوان ثان", "text": "النص الثاني"}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    second = corpus.articles.iloc[1]["article_id"]
    assert "النص الثاني" in corpus.raw_text(second) and "النص الأول" not in corpus.raw_text(second)


@given(st.text(st.sampled_from(list("بغداد العراق أإآى ة ً ـ ١٢ 3 \u200f\n\t ﻻ x")), max_size=60))
def test_fingerprint_is_the_digest_of_the_normalised_words(text):
    expected = hashlib.blake2b(" ".join(normalize(text).split()).encode("utf-16-le"), digest_size=16).digest()
    assert fingerprint(text) == expected


def test_a_large_folder_shows_a_progress_bar_and_a_small_one_does_not(tmp_path, capsys):
    for i in range(3):
        write(tmp_path, f"a{i}.txt", f"عنوان {i}\n\nنص المقال رقم {i} عن بغداد.")
    load_corpus(tmp_path)
    assert "file" not in capsys.readouterr().err  # the seed and the notebooks stay quiet
    load_corpus(tmp_path, progress=True)
    assert "3/3" in capsys.readouterr().err


def test_readable_report_lists_errors_then_warnings_first_with_relative_paths(folder):
    from helpers.corpus import readable_report

    write(folder, "empty.txt", b"")
    write(folder, "legacy.txt", OTHER, encoding="cp1256")
    report = readable_report(load_corpus(folder))
    assert list(report["status"])[:2] == ["error", "warning"]
    assert not any(str(p).startswith("/") for p in report["path"])


# ------------------------------------------------------------------ the public seams


def test_the_batch_seam_streams_the_corpus_load_corpus_gives(folder):
    import pyarrow as pa

    from helpers.corpus import ARTICLE_SCHEMA, CorpusBuilder, plan_corpus, read_and_clean

    write(folder, "other.txt", OTHER)
    write(folder, "copy.txt", ARTICLE)
    write(folder, "manifest.csv", "article_id,published\ngood,2024-09-28\nmissing,2024-09-29\n")
    plan = plan_corpus(folder)
    builder = CorpusBuilder(plan)
    taken = []
    for files in (plan.files[:1], plan.files[1:]):  # two batches, as a pipeline sends them
        builder.add(read_and_clean(files))
        taken += builder.take_articles()
    builder.finish()
    taken += builder.take_articles()
    streamed = pa.Table.from_batches(taken, schema=ARTICLE_SCHEMA).to_pandas()
    whole = load_corpus(folder, keep_raw_text=True)
    assert list(streamed["article_id"]) == list(whole.articles["article_id"]) == ["copy", "good", "other"]
    assert list(streamed["duplicate_of"].fillna("")) == ["", "copy", ""]
    pd.testing.assert_frame_equal(builder.report(), whole.report)
    assert "missing" in set(builder.report()["article_id"])  # the manifest row without a file, at the end


def test_notebook_tables_are_still_importable_from_the_loader():
    from helpers import views
    from helpers.corpus import overview, readable_report

    assert overview is views.overview and readable_report is views.readable_report


def test_a_spreadsheet_header_in_another_case_still_names_the_fields(tmp_path):
    # an Excel export writes «Text», «Title», « Date »: the same fields, not a table without a text column
    (tmp_path / "export.csv").write_text(
        "ID,Title, Date ,Text\n"
        "a1,انسحاب القوات,2024-09-28,أعلنت الحكومة انسحاب القوات في أيلول 2025.\n", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"Body": "بدأت المرحلة الأولى في أيلول 2025.", "HEADLINE": "المرحلة الأولى"},
                   ensure_ascii=False) + "\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert set(corpus.report["status"]) == {"ok"}, corpus.report.to_dict("records")
    articles = corpus.articles.set_index("article_id")
    assert articles.loc["a1", "title"] == "انسحاب القوات"
    assert str(articles.loc["a1", "published"].date()) == "2024-09-28"
    assert "أيلول 2025" in articles.loc["feed:1", "text"]
