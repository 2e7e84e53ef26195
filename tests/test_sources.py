"""Reading input: encodings, HTML, and every kind of bad file or line as one clear error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.sources import decode_bytes, read_paths

TEXT = "Judul Berita\n\nMenteri bertemu di Kamboja, kafé “Sentosa” pada Kamis."

ENCODINGS = {
    # name: (bytes, the encoding reported)
    "utf8": (TEXT.encode("utf-8"), "utf-8"),
    "utf8_bom": (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
    "utf16_bom": (TEXT.encode("utf-16"), "utf-16"),
    "utf16le_no_bom": (TEXT.encode("utf-16-le"), "utf-16-le"),
    "windows_1252": (TEXT.encode("cp1252"), "cp1252"),
}


@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_encodings_are_detected_and_reported(tmp_path: Path, name: str) -> None:
    data, encoding = ENCODINGS[name]
    (tmp_path / "a.txt").write_bytes(data)
    [article] = list(read_paths([str(tmp_path / "a.txt")]))
    assert article.ok, article.errors
    assert article.text == TEXT
    assert article.meta["encoding"] == encoding
    assert article.title == "Judul Berita"


def test_mojibake_is_repaired_with_a_warning_and_the_text_included(tmp_path: Path) -> None:
    broken = TEXT.encode("utf-8").decode("cp1252", errors="replace").replace("\ufffd", "\x9d")
    (tmp_path / "m.txt").write_text(broken, encoding="utf-8")
    [article] = list(read_paths([str(tmp_path / "m.txt")]))
    assert article.text == TEXT
    assert article.meta["text_included"] is True
    assert article.meta["warnings"][0].startswith("W002")


def test_clean_text_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_text(TEXT, encoding="utf-8")
    [article] = list(read_paths([str(tmp_path / "c.txt")]))
    assert article.text == TEXT and "warnings" not in article.meta and "text_included" not in article.meta


PAGE = """<!DOCTYPE html><html><head><title>WNI Dipulangkan dari Kamboja</title>
<meta property="article:published_time" content="2024-08-22T10:32:00+07:00"></head>
<body><nav>Beranda Nasional Internasional</nav><article><h1>WNI Dipulangkan dari Kamboja</h1>
<p>JAKARTA - Sebanyak 50 WNI dipulangkan dari Kamboja pada Kamis (22/8). Mereka menjadi korban penipuan daring
di Phnom Penh dan ditampung di KBRI selama dua pekan.</p>
<p>Menteri Luar Negeri Retno Marsudi menyambut mereka di Bandara Soekarno-Hatta, Jakarta, pada Kamis malam.</p>
</article><footer>Copyright 2024 Contoh Media</footer></body></html>"""


def test_html_file_gives_article_text_title_and_date(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    [article] = list(read_paths([str(tmp_path)]))
    assert article.ok, article.errors
    assert article.title == "WNI Dipulangkan dari Kamboja"
    assert article.published == "2024-08-22"
    assert article.text is not None and article.text.startswith("WNI Dipulangkan dari Kamboja\n\nJAKARTA - ")
    assert "<p>" not in article.text and "Beranda" not in article.text
    assert article.meta["text_included"] is True


def test_jsonl_record_whose_text_is_html(tmp_path: Path) -> None:
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "h1", "text": PAGE}) + "\n", encoding="utf-8")
    [article] = list(read_paths([str(tmp_path / "in.jsonl")]))
    assert article.ok and article.doc_id == "h1" and article.published == "2024-08-22"
    assert article.text is not None and "Retno Marsudi" in article.text


def test_a_stray_tag_in_plain_text_is_not_html(tmp_path: Path) -> None:
    text = "Judul\n\nEditor: Leo\n\n<p>Indonesia Gandeng Kamboja&nbsp;</p>\n\nJAKARTA - Menteri bertemu."
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    [article] = list(read_paths([str(tmp_path / "t.txt")]))
    assert article.text == text


BAD_FILES = {
    # name: (how to make it, error code)
    "empty.txt": (lambda p: p.write_bytes(b""), "E105"),
    "blank.txt": (lambda p: p.write_bytes(b"  \n\n "), "E105"),
    "binary.txt": (lambda p: p.write_bytes(bytes(range(256)) * 2), "E106"),
    "too_big.txt": (lambda p: p.write_bytes(b"a" * 2_000), "E107"),
    "dangling.txt": (lambda p: p.symlink_to(p.parent / "does-not-exist"), "E101"),
    "no_article.html": (lambda p: p.write_text("<html><head><title>Kosong</title></head><body>"
                                               "<script>var x;</script></body></html>"), "E111"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_one_error_article(tmp_path: Path, name: str) -> None:
    make, code = BAD_FILES[name]
    make(tmp_path / name)
    [article] = list(read_paths([str(tmp_path)], max_bytes=1_000))
    assert article.text is None
    assert article.errors[0]["code"] == code
    assert article.errors[0]["source"] == str(tmp_path / name)


def test_size_limit_is_checked_without_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5_000)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", refuse)
    [article] = list(read_paths([str(big)], max_bytes=4_096))
    assert article.errors[0]["code"] == "E107" and "5000 bytes" in article.errors[0]["message"]


BAD_LINES = [
    # (line, error code)
    ('{"id": "ok1", "text": "Kamboja"}', None),
    ("{not json", "E103"),
    ('{"id": "no_text"}', "E104"),
    ('{"id": "num_text", "text": 5}', "E108"),
    ('{"id": "num_title", "text": "Laos", "title": 7}', "E108"),
    ('["a", "list"]', "E110"),
    ('{"id": "empty", "text": "   "}', "E112"),
    ('{"id": "huge", "text": "' + "x" * 3_000 + '"}', "E113"),
    ('{"id": "ok2", "text": "Myanmar"}', None),
]


def test_broken_jsonl_lines_are_reported_with_their_line_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    raw = "\n".join(line for line, _ in BAD_LINES).encode("utf-8") + b"\n\xff\xfe{bad utf8}\n"
    path.write_bytes(raw)
    articles = list(read_paths([str(path)], max_bytes=2_000))
    expected = [code for _, code in BAD_LINES] + ["E114"]
    assert [a.errors[0]["code"] if a.errors else None for a in articles] == expected
    assert [a.errors[0]["line"] for a in articles if a.errors] == [2, 3, 4, 5, 6, 7, 8, 10]
    assert articles[-2].doc_id == "ok2" and articles[-2].meta["line"] == 9


def test_decode_refuses_binary() -> None:
    from extractor.sources import NotText

    with pytest.raises(NotText):
        decode_bytes(b"\x00\x01\x02\x03PK\x03\x04" * 50)
