"""Officials across articles (short names, title changes) and near-duplicate articles (stories)."""

from __future__ import annotations

from typing import Any

import pytest

from extractor.aggregate.officials import agencies, officials
from extractor.aggregate.settings import default_settings
from extractor.aggregate.stories import bands, story_ids


def official(name: str, title: str | None = None, country: str = "ID") -> dict[str, Any]:
    return {"type": "OFFICIAL", "text": name, "start": 0, "end": len(name), "rule": "t", "name": name,
            "title": title, "country": country}


def record(doc_id: str, published: str, *entities: dict[str, Any], text: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"doc_id": doc_id, "published": published, "title": None, "entities": list(entities),
                           "events": []}
    if text is not None:
        out["text"] = text
    return out


def test_a_short_name_is_the_one_full_name_it_fits() -> None:
    rows = officials([record("a", "2024-01-05", official("Retno Marsudi", "Menteri Luar Negeri")),
                      record("b", "2024-02-01", official("Retno", None)),
                      record("c", "2024-03-01", official("Budi Santoso", "Kapolda"))], {})
    by_name = {r.name: r for r in rows}
    assert by_name["Retno Marsudi"].aliases == ("Retno",)
    assert by_name["Retno Marsudi"].n_articles == 2
    assert "Retno" not in by_name


def test_an_ambiguous_short_name_stays_apart() -> None:
    rows = officials([record("a", "2024-01-05", official("Budi Santoso")),
                      record("b", "2024-01-06", official("Budi Gunawan")),
                      record("c", "2024-01-07", official("Budi"))], {})
    assert {r.name for r in rows} == {"Budi Santoso", "Budi Gunawan", "Budi"}


def test_same_words_in_another_country_are_another_person() -> None:
    rows = officials([record("a", "2024-01-05", official("Hun Sen", "Perdana Menteri", "KH")),
                      record("b", "2024-01-06", official("Sen", "Kepala Desa", "ID"))], {})
    assert len(rows) == 2


def test_titles_in_the_order_first_seen() -> None:
    rows = officials([record("b", "2025-06-01", official("Sugiono", "Menteri Luar Negeri")),
                      record("a", "2023-01-01", official("Sugiono", "Anggota DPR")),
                      record("c", "2025-07-01", official("Sugiono", "Menlu"))], {"c": "b"})
    (row,) = rows
    assert row.titles == ("Anggota DPR", "Menteri Luar Negeri", "Menlu")
    assert (str(row.first_seen), str(row.last_seen), row.n_articles, row.n_stories) == ("2023-01-01", "2025-07-01",
                                                                                        3, 2)


def test_agencies_by_canonical_name() -> None:
    kemlu = {"type": "AGENCY", "text": "Kemlu", "start": 0, "end": 5, "rule": "t",
             "name": "Kementerian Luar Negeri", "acronym": "Kemlu", "country": "ID"}
    rows = agencies([record("a", "2024-01-01", kemlu), record("b", "2024-01-02", dict(kemlu, text="Kemenlu"))], {})
    assert [(r.name, r.n_articles) for r in rows] == [("Kementerian Luar Negeri", 2)]


WIRE = ("Pemerintah memulangkan enam puluh dua warga dari sebuah kompleks penipuan daring di perbatasan; "
        "mereka tiba di bandara pada malam hari dan langsung menjalani pemeriksaan kesehatan oleh petugas "
        "sebelum diserahkan kepada keluarga masing-masing di daerah asal mereka pekan depan.")


def test_a_reprint_is_the_same_story() -> None:
    records = [record("wire", "2024-08-03", text=WIRE),
               record("reprint", "2024-08-03", text="Kota Anu - " + WIRE + " (red)"),
               record("other", "2024-08-04", text="Sebuah rapat membahas anggaran sekolah dasar di kabupaten itu "
                                                  "tanpa menyinggung pemulangan warga mana pun tahun ini.")]
    stories = story_ids(records, default_settings().stories)
    assert stories["wire"] == stories["reprint"]
    assert stories["other"] == "other"


def test_without_text_the_mentions_fingerprint_reprints() -> None:
    mentions = [official(n) | {"start": i * 10} for i, n in enumerate(
        ["Judha Nugraha", "Retno Marsudi", "Hun Manet", "Santo Darmosumarto", "Sugiono", "Mukhtarudin"])]
    records = [record("x", "2024-08-03", *mentions), record("y", "2024-08-04", *mentions),
               record("z", "2024-08-04", *reversed(mentions[:3]))]
    stories = story_ids(records, default_settings().stories)
    assert stories["x"] == stories["y"] == "x"
    assert stories["z"] == "z"


@pytest.mark.parametrize(("shared_words", "same_story"), [(69, True), (67, False)])
def test_the_threshold_is_decided_on_the_exact_overlap(shared_words: int, same_story: bool) -> None:
    """100 words against the same first words and new ones: 65 of 127 5-grams shared (0.512) is one story,
    63 of 129 (0.488) is not. A 64-permutation MinHash estimate errs by about 0.06 either way here."""
    words = [f"kata{i}" for i in range(100)]
    fresh = [f"lain{i}" for i in range(100)]
    records = [record("a", "2024-08-03", text=" ".join(words)),
               record("b", "2024-08-03", text=" ".join(words[:shared_words] + fresh[:100 - shared_words]))]
    settings = default_settings().stories
    assert settings.threshold == 0.5
    assert (story_ids(records, settings)["b"] == "a") is same_story


def test_bands_compare_almost_every_pair_at_the_threshold() -> None:
    assert bands(0.2, 128) > bands(0.5, 128) > bands(0.9, 128)  # a lower threshold needs more, shorter bands
    for threshold in (0.4, 0.5, 0.8):
        count = bands(threshold, 64)
        rows = 64 // count
        assert count * rows == 64
        assert 1 - (1 - threshold**rows) ** count >= 0.99
