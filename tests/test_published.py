"""``published`` as scrapers and pages write it: read with dateparser as an Asia/Jakarta day, or a warning."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from extractor.published import parse_published

from .conftest import entities_of

OCT_21 = dt.date(2024, 10, 21)

# (published as written, the Jakarta day). Grouped by what makes the form hard.
FORMATS: dict[str, list[tuple[str, dt.date]]] = {
    "iso": [
        ("2024-10-21", OCT_21),
        ("2024-10-21T10:32:00", OCT_21),
        ("2024-10-21T10:32:00+07:00", OCT_21),
        ("2024-10-21 10:32:00+0700", OCT_21),
        ("2024-10-21T10:32:00.123456+07:00", OCT_21),
        ("2024-10-20T20:30:00Z", OCT_21),  # 03:30 in Jakarta
        ("2024-10-20T18:00:00+00:00", OCT_21),  # 01:00 in Jakarta
        ("2024-10-21T23:30:00+09:00", OCT_21),  # 21:30 in Jakarta
        ("2024-10-22T01:00:00+09:00", OCT_21),  # 23:00 the day before in Jakarta
    ],
    "indonesian_months": [
        ("21 Oktober 2024", OCT_21),
        ("21 Okt 2024", OCT_21),
        ("21 Oktober 2024 10:32", OCT_21),
        ("21 Agustus 2024", dt.date(2024, 8, 21)),
        ("5 Mei 2024", dt.date(2024, 5, 5)),
        ("17 Des 2023", dt.date(2023, 12, 17)),
        ("1 Januari 2025", dt.date(2025, 1, 1)),
    ],
    "weekday_prefix": [
        ("Senin, 21 Okt 2024 10:32 WIB", OCT_21),
        ("Senin, 21 Oktober 2024", OCT_21),
        ("Senin 21 Oktober 2024 | 10:32 WIB", OCT_21),
        ("Senin, 21/10/2024 10:32 WIB", OCT_21),
        ("Mon, 21 Oct 2024 10:32:00 +0700", OCT_21),
        ("Monday, October 21, 2024", OCT_21),
        ("Kamis, 22 Agustus 2024 - 14:05 WIB", dt.date(2024, 8, 22)),
    ],
    "indonesian_time_zones": [
        ("21 Okt 2024 10:32 WITA", OCT_21),
        ("21 Okt 2024 10:32 WIT", OCT_21),
        ("21 Okt 2024 00:30 WITA", dt.date(2024, 10, 20)),  # 23:30 the day before in Jakarta
        ("21 Okt 2024 01:15 WIT", dt.date(2024, 10, 20)),
        ("21 Okt 2024 23:59 WIB", OCT_21),
    ],
    "day_first_numeric": [
        ("21/10/2024", OCT_21),
        ("21-10-2024", OCT_21),
        ("21.10.2024", OCT_21),
        ("02/08/2022", dt.date(2022, 8, 2)),  # 2 August, not February 8
        ("2/8/2022 09:00", dt.date(2022, 8, 2)),
    ],
    "english": [
        ("October 21, 2024", OCT_21),
        ("Oct 21, 2024", OCT_21),
        ("21 October 2024", OCT_21),
        ("Oct. 21, 2024, 10:32 a.m.", OCT_21),
        ("October 21, 2024 10:32 PM", OCT_21),
    ],
}
TABLE = [pytest.param(value, day, id=f"{group}:{value}") for group, rows in FORMATS.items() for value, day in rows]


def test_the_table_holds_at_least_thirty_formats() -> None:
    assert len(TABLE) >= 30


@pytest.mark.parametrize(("value", "day"), TABLE)
def test_real_world_formats_give_their_jakarta_day(value: str, day: dt.date) -> None:
    published = parse_published(value)
    assert (published.day, published.warning) == (day, None)


@pytest.mark.parametrize("value", ["1 jam yang lalu", "2 hari yang lalu", "5 menit lalu", "3 hours ago"])
def test_relative_values_warn_w004(value: str) -> None:
    published = parse_published(value)
    assert published.day is None and published.warning is not None and published.warning.startswith("W004")


@pytest.mark.parametrize("value", ["bukan tanggal", "Oktober 2024", "32/13/2024", "", "x" * 200])
def test_unreadable_values_warn_w003(value: str) -> None:
    published = parse_published(value)
    assert published.day is None and published.warning is not None and published.warning.startswith("W003")


def test_no_published_is_no_warning() -> None:
    assert parse_published(None).warning is None


@pytest.mark.parametrize(("value", "day"), [
    (OCT_21, OCT_21),
    (dt.datetime(2024, 10, 21, 10, 32), OCT_21),
    (dt.datetime(2024, 10, 20, 20, 30, tzinfo=dt.timezone.utc), OCT_21),
])
def test_python_dates_are_taken_as_they_are(value: dt.date, day: dt.date) -> None:
    assert parse_published(value) == parse_published(day.isoformat())


@pytest.mark.parametrize("value", [20241021, ["2024-10-21"]])
def test_values_that_are_not_text_warn_w003(value: object) -> None:
    published = parse_published(value)
    assert published.day is None and published.warning is not None and published.warning.startswith("W003")


# --- in the pipeline: the reference date and what it resolves ------------------------------------------------

TEXT = "Delegasi itu tiba di Jakarta kemarin untuk membahas kerja sama."


@pytest.mark.parametrize("published", ["Senin, 21 Okt 2024 10:32 WIB", "21/10/2024", "October 21, 2024",
                                       "2024-10-21T10:32:00+07:00"])
def test_published_sets_the_reference_date_and_kemarin(extract: Any, published: str) -> None:
    record = extract(TEXT, published=published)
    assert (record["reference_date"], record["reference_basis"]) == ("2024-10-21", "published")
    assert [(d["text"], d["value"]) for d in entities_of(record, "DATE")] == [("kemarin", "2024-10-20")]
    assert record["warnings"] == []


@pytest.mark.parametrize(("published", "code"), [("1 jam yang lalu", "W004"), ("kapan-kapan", "W003")])
def test_unreadable_published_warns_and_falls_back_to_the_article(extract: Any, published: str, code: str) -> None:
    text = "Rapat digelar pada Selasa (11/6/2024). Delegasi tiba kemarin."
    record = extract(text, published=published)
    assert [w[:4] for w in record["warnings"]] == [code]
    assert record["reference_date"] == "2024-06-11" and record["reference_basis"] != "published"


def test_a_header_stamp_in_eastern_time_is_read_as_a_jakarta_day(extract: Any) -> None:
    text = "Judul berita\n\nSenin, 21 Okt 2024 00:30 WIT\n\nDelegasi itu tiba kemarin di Jayapura."
    record = extract(text)
    assert (record["reference_date"], record["reference_basis"]) == ("2024-10-20", "header")


def test_an_html_meta_date_is_the_published_day(nlp: Any) -> None:
    from extractor.extract import process_article
    from extractor.sources import article_from_record

    body = "".join(f"<p>Kalimat nomor {i} tentang delegasi yang tiba kemarin di Jakarta.</p>" for i in range(8))
    html = ('<html><head><title>Delegasi tiba</title>'
            '<meta property="article:published_time" content="2024-10-21T10:32:00+07:00"></head>'
            f"<body><article><h1>Delegasi tiba</h1>{body}</article></body></html>")
    record = process_article(nlp, article_from_record({"id": "h1", "text": html}, "pages.jsonl", 1))
    assert (record["reference_date"], record["reference_basis"]) == ("2024-10-21", "published")
    assert {d["value"] for d in entities_of(record, "DATE")} == {"2024-10-20"}
