"""Page chrome: what is found, what is not, and that nothing is taken from inside it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractor.rules import builtin_rules_dir, load_rule_file

# A page whose scraper joined a "popular stories" widget (headline links) into the text before the dateline.
HEADLINES_THEN_DATELINE = (
    "Judul Berita Ini\n\nPemkot Bahas Tarif Parkir Baru di Pusat Kota Gubernur Minta Warga Hemat Air Menkeu "
    "Sebut Pajak Kendaraan Tetap Harga Cabai Turun di Pasar Induk, 12 Pedagang Mengeluh Jalan Tol Baru Dibuka "
    "untuk Mudik Timnas Menang Tipis atas Vietnam Bandara Baru Siap Beroperasi Pekan Depan "
    "Jakarta, Beritasatu.com —Kementerian Luar Negeri memastikan 31 WNI sudah dibebaskan.")

CHROME = {
    # phenomenon: (text, a piece that must be chrome)
    "read_also_own_line": ("Polisi menangkap dua orang.\nBaca juga: 62 WNI Disekap di Kamboja\nKorban sudah pulang.",
                           "Baca juga: 62 WNI Disekap di Kamboja"),
    "read_also_headline_next_line": ("Korban dipulangkan.\nBaca juga:\nKemlu pulangkan 9 WNI dari Myanmar\n"
                                     "Menlu menyambut mereka di Jakarta.", "Kemlu pulangkan 9 WNI dari Myanmar"),
    "read_also_inline_sentence_case": ("Hal itu dikatakan Dubes. Baca juga:KBRI tinjau repatriasi 40 WNI di Kamboja "
                                       "Disebutkan pula bahwa dua orang pulang.",
                                       "Baca juga:KBRI tinjau repatriasi 40 WNI di Kamboja"),
    "related_links_paragraph": ("Tahun lalu ada 842 kasus. Berita terkait: Kemlu desak kerja sama untuk WNI\n\n"
                                "Editor: Budi", "Berita terkait: Kemlu desak kerja sama untuk WNI"),
    "scroll_prompt": ("Kata Rudi, Senin (9/2/2026).\nSCROLL TO CONTINUE WITH CONTENT\nRudi menambahkan.",
                      "SCROLL TO CONTINUE WITH CONTENT"),
    "advertisement_and_see_also": ("Sebagian besar di Laos.\nLihat Juga :\n3 Hari Banjir, 1.204 Rumah Terendam\n"
                                   "ADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\nKata Kadis, 25 warga mengungsi.",
                                   "3 Hari Banjir, 1.204 Rumah Terendam"),
    "read_also_headline_runs_past_an_abbreviation": (
        "Arus lalu lintas padat. Baca juga: Polisi tutup Jl. Sudirman selama pawai budaya\nWarga diminta memutar.",
        "Jl. Sudirman selama pawai budaya"),
    "ad_placeholder_line": ("Korban dipulangkan.\nYour Ads Here\nIa menambahkan.", "Your Ads Here"),
    "source_site_credit_glued_to_headline": ("Nelayan Temukan Bangkai Kapal di Selat MalakaSumber: Contoh.com\n\nIsi.",
                                             "Sumber: Contoh.com"),
    "caps_read_prompt_line": ("Warga kembali.\nBACA JUGA Dua Jembatan Rusak Diterjang Banjir\nPerbaikan dimulai.",
                              "Dua Jembatan Rusak Diterjang Banjir"),
    "copyright_line": ("Editor: Rahmad Nasution Copyright © ANTARA 2024", "Copyright © ANTARA 2024"),
    "tags_after_editor_initials": ("Korban dipulangkan ke Jakarta.\n(haf/imk)\nkemlu\nmyanmar\ntppo\n",
                                   "kemlu\nmyanmar\ntppo"),
    "comment_box_to_end": ("Korban pulang.\n\nKOMENTAR\n\nSilahkan login untuk memberikan komentar", "Silahkan login"),
    "html_fragment_line": ("Editor: Leo\n\n<p>Indonesia Gandeng Kamboja Cegah TPPO&nbsp;</p>\n\nJAKARTA - Menteri.",
                           "<p>Indonesia Gandeng Kamboja Cegah TPPO&nbsp;</p>"),
    "site_clock": ("c\n\nSelamat\n\nSelasa, 4 November 2025\n\nNASIONAL\n\n22 Agustus 2024\n\n10:32 WIB",
                   "Selasa, 4 November 2025"),
    "headline_list_before_dateline": (
        HEADLINES_THEN_DATELINE,
        "12 Pedagang Mengeluh"),
}

NOT_CHROME = {
    # phenomenon: (text, a piece that must stay article text)
    "plain_reporting": ("Menteri Luar Negeri Retno Marsudi bertemu dengan Menlu Kamboja di Phnom Penh. Keduanya "
                        "membahas 62 WNI yang disekap.", "62 WNI"),
    "reading_verb_in_prose": ("Ia meminta warga membaca juga aturan yang berlaku sebelum berangkat ke Kamboja.",
                              "Kamboja"),
    "long_list_of_officials_in_a_sentence": (
        "Rapat dihadiri Menteri Koordinator Politik dan Keamanan Bambang Sutrisno, Menteri Luar Negeri Ratna Dewi, "
        "Kepala Kepolisian Negara Republik Indonesia Jenderal Agus Salim Harahap, Kepala Badan Intelijen Negara "
        "Yusuf Hamdani, Menteri Pelindungan Pekerja Migran Indonesia Hendra Wijaya Kusuma, dan Duta Besar "
        "Indonesia untuk Thailand Sri Lestari.\nProses repatriasi berjalan lancar.", "Hendra Wijaya Kusuma"),
    "dateline_after_headlines": (
        HEADLINES_THEN_DATELINE,
        "Jakarta, Beritasatu.com —Kementerian Luar Negeri"),
    "byline_is_not_chrome": ("Korban pulang.\n\nTranslator: Genta Tenri Editor: Rahmad Nasution "
                             "Copyright © ANTARA 2024", "Editor: Rahmad Nasution"),
}


def covered(regions: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in regions)


def overlaps(regions: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in regions)


@pytest.mark.parametrize("name", sorted(CHROME))
def test_chrome_is_found(annotate: Any, name: str) -> None:
    text, piece = CHROME[name]
    regions = annotate(text)._.boilerplate
    start = text.index(piece)
    assert covered(regions, start, start + len(piece)), (regions, [text[a:b] for a, b in regions])


@pytest.mark.parametrize("name", sorted(NOT_CHROME))
def test_article_text_is_not_chrome(annotate: Any, name: str) -> None:
    text, piece = NOT_CHROME[name]
    regions = annotate(text)._.boilerplate
    start = text.index(piece)
    assert not overlaps(regions, start, start + len(piece)), [text[a:b] for a, b in regions]


def test_regions_are_sorted_disjoint_and_trimmed(annotate: Any) -> None:
    text = CHROME["advertisement_and_see_also"][0]
    regions = annotate(text)._.boilerplate
    assert regions == sorted(regions)
    assert all(b1 < a2 for (_, b1), (a2, _) in zip(regions, regions[1:], strict=False))
    assert all(not text[a].isspace() and not text[b - 1].isspace() for a, b in regions)


def test_no_entity_from_a_related_headline(extract: Any) -> None:
    text = ("Menlu bertemu Dubes di Jakarta.\nBaca juga: 62 WNI Disekap di Myanmar\n"
            "Pertemuan membahas kerja sama.")
    record = extract(text)
    chrome_start = text.index("Baca juga")
    assert record["boilerplate"] and record["boilerplate"][0][0] == chrome_start
    assert all(not (e["start"] >= chrome_start and e["end"] <= text.index("\nPertemuan"))
               for e in record["entities"]), record["entities"]
    assert not any(e["text"] == "Myanmar" for e in record["entities"])


def _boilerplate_rules() -> list[Any]:
    return load_rule_file(builtin_rules_dir() / "boilerplate.yaml").rules


@pytest.mark.parametrize("rule", _boilerplate_rules(), ids=lambda r: r.id)
def test_rule_examples_find_chrome(nlp: Any, rule: Any) -> None:
    """Each rule's examples make that rule match and chrome appear; counter-examples do not match it."""
    component = nlp.get_pipe("boilerplate")
    assert rule.examples or rule.counter_examples, f"{rule.where}: rule has no example"
    for example in rule.examples:
        text = example if isinstance(example, str) else example["text"]
        doc = nlp.make_doc(text)
        assert any(m.rule.id == rule.id for m in component.matcher(doc)), f"{rule.where}: {text!r}"
        if not rule.get("stop", False):
            assert component(doc)._.boilerplate, f"{rule.where}: no chrome in {text!r}"
    for example in rule.counter_examples:
        text = example if isinstance(example, str) else example["text"]
        assert not any(m.rule.id == rule.id for m in component.matcher(nlp.make_doc(text))), text


# --- against the gold: IGNORE regions (../shared; skipped where absent) ----------------------------


def _gold_articles(shared: Path) -> list[tuple[dict[str, Any], str]]:
    texts: dict[str, str] = {}
    topical_input = shared / "gold" / "topical" / "input.jsonl"
    if topical_input.is_file():
        for line in topical_input.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    for path in (shared / "corpus").glob("*.txt"):
        texts[path.stem] = path.read_text(encoding="utf-8")
    out = []
    for gold_path in sorted((shared / "gold").glob("*/*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold["doc_id"] in texts:
            out.append((gold, texts[gold["doc_id"]]))
    return out


@pytest.fixture(scope="module")
def gold_runs(shared: Path, extract: Any) -> list[tuple[dict[str, Any], str, dict[str, Any]]]:
    return [(gold, text, extract(text)) for gold, text in _gold_articles(shared)]


def test_no_entity_inside_a_gold_ignore_region(gold_runs: list[tuple[dict[str, Any], str, dict[str, Any]]]) -> None:
    assert gold_runs
    inside = [(gold["doc_id"], e["type"], e["text"], e["start"])
              for gold, _, record in gold_runs for e in record["entities"]
              if overlaps([tuple(r) for r in gold["ignore"]], e["start"], e["end"])]
    assert not inside, inside


def test_found_chrome_covers_90_percent_of_gold_ignore(
        gold_runs: list[tuple[dict[str, Any], str, dict[str, Any]]]) -> None:
    total = hit = 0
    for gold, _, record in gold_runs:
        found = [tuple(r) for r in record["boilerplate"]]
        for a, b in gold["ignore"]:
            total += b - a
            hit += sum(max(0, min(b, y) - max(a, x)) for x, y in found)
    assert total > 0
    assert hit / total >= 0.90, f"{hit}/{total} = {hit / total:.1%}"


def test_chrome_regions_carry_the_rules_that_made_them(extract: Any) -> None:
    from extractor.rules import load_rules

    text = "Sebanyak 50 WNI dipulangkan.\nBaca juga: Dua WNI Ditahan di Kota Lain\nMereka tiba kemarin."
    record = extract(text)
    assert record["boilerplate"] and record["boilerplate_rules"]
    rules = load_rules()
    for item in record["boilerplate_rules"]:
        rule = rules.by_id(item["rule"])
        assert rule is not None and rule.kind == "boilerplate", item
        assert any(a <= item["start"] < b for a, b in record["boilerplate"]) or rule.get("stop"), item

