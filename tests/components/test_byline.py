"""Authors from the byline: labelled names, several per label, initials codes; never OFFICIAL mentions."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import entities_of

BYLINES = {
    # phenomenon: (text, expected authors)
    "writer_and_editor_lines": ("Penulis: Aldiansyah Nurrahman\n\nEditor: Leo Wisnu Susapto\n\nJAKARTA - Menteri.",
                                [("Aldiansyah Nurrahman", "author"), ("Leo Wisnu Susapto", "editor")]),
    "two_translators_and_editor_on_one_line": (
        "Korban dipulangkan.\n\nTranslator: Genta Tenri, Raka Adji Editor: Rahmad Nasution Copyright © ANTARA 2024",
        [("Genta Tenri", "translator"), ("Raka Adji", "translator"), ("Rahmad Nasution", "editor")]),
    "glued_labels": ("Korban dipulangkan.\nPewarta: Genta Tenri MawangiEditor: Didik KusbiantoroCopyright © ANTARA",
                     [("Genta Tenri Mawangi", "reporter"), ("Didik Kusbiantoro", "editor")]),
    "indonesian_translator_label": ("Korban dipulangkan.\nPenerjemah: Nabil Ihsan\nEditor: Arie Novarina",
                                    [("Nabil Ihsan", "translator"), ("Arie Novarina", "editor")]),
    "label_then_newline": ("Korban dipulangkan.\nEditor: \nHelmi Fithriansyah\n", [("Helmi Fithriansyah", "editor")]),
    "pipe_separated": ("Korban dipulangkan.\nPenulis:\xa0Labib Zamani | Editor: Ferril Dennys)",
                       [("Labib Zamani", "author"), ("Ferril Dennys", "editor")]),
    "initials_code_pair": ("Para WNI dipulangkan lewat Thailand.\n(haf/imk)\nkemlu\nmyanmar\n",
                           [("haf", "author"), ("imk", "editor")]),
}


@pytest.mark.parametrize("case", sorted(BYLINES))
def test_authors_from_byline(extract: Any, case: str) -> None:
    text, expected = BYLINES[case]
    record = extract(text)
    assert [(a["name"], a["role"]) for a in record["authors"]] == expected
    assert entities_of(record, "OFFICIAL") == []


NO_AUTHORS = {
    "editors_pick_links": "Korban pulang.\nPilihan Editor: Dua Pekerja Migran Asal Sumbawa Hilang di Myanmar",
    "desk_code_of_three": "Para WNI masih ditahan.\n(tps/tfa/tfa)\n",
    "single_desk_code": "Para WNI masih ditahan.\n(rds)\n",
    "label_in_a_sentence": "Menurut editor: naskah itu belum selesai dikerjakan oleh tim redaksi.",
    "acronym_in_parentheses": "Warga negara Indonesia (wni) dipulangkan.",
}


@pytest.mark.parametrize("case", sorted(NO_AUTHORS))
def test_no_authors(extract: Any, case: str) -> None:
    assert extract(NO_AUTHORS[case])["authors"] == []


def test_author_named_like_an_official_is_not_tagged(extract: Any) -> None:
    record = extract("Menteri Luar Negeri Retno Marsudi hadir.\n\nPenulis: Retno Marsudi\n")
    assert {"name": "Retno Marsudi", "role": "author", "rule": "byline.author"} in record["authors"]
    assert [e["text"] for e in entities_of(record, "OFFICIAL")] == ["Retno Marsudi"]


def test_authors_carry_their_byline_rule(extract: Any) -> None:
    record = extract("Para WNI tiba kemarin.\n\nEditor: Sari Wulandari\n")
    assert record["authors"] == [{"name": "Sari Wulandari", "role": "editor", "rule": "byline.editor"}]
