"""The one sentence splitter."""

from __future__ import annotations

import pytest
import spacy

from extractor.doc import invalidate, sentence_bounds, sentence_ids


@pytest.mark.parametrize(("text", "count"), [
    ("Satu. Dua dua.", 2),
    ("\u201cKami siap.\u201d Lalu pergi.", 2),
    ("Angka 1.100 WNI. Lalu pergi.", 2),
    ("Judul\n\nIsi pertama. isi lanjutan kecil.", 2),
    ("Kedua negara meneken MoU. Lalu pergi.", 2),  # the tokenizer keeps "MoU." whole
    ("Di Jl. Sudirman No. 5 mereka bertemu.", 1),
    ("Mereka bertemu di Jl. Sudirman pada 5 Mei.", 1),  # an abbreviation does not cut the clause
    ("Operasi di markas\nscamming\natau penipuan daring.", 1),  # a line break before a lower-case word
    ("Tindak Pidana Perdagangan Orang\n(\nTPPO\n)\ndi Myanmar.", 1),  # ... around a bracket
    ("Judul Berita\nIsi pertama.", 2),
])
def test_sentence_bounds(text: str, count: int) -> None:
    doc = spacy.blank("id").make_doc(text)
    assert len(sentence_bounds(doc, frozenset({"Jl", "No"}))) == count


# A lone line break: no end inside a clause, an end where a new sentence visibly starts.
LINE_BREAKS = [
    ("Polisi membebaskan\n20 WNI korban.", ["Polisi membebaskan\n20 WNI korban."]),  # a digit goes on
    ("Hadir pula perwakilan, termasuk\nKBRI Manila.", ["Hadir pula perwakilan, termasuk\nKBRI Manila."]),
    ("Setidaknya 75\nWNI\nberhasil kabur.", ["Setidaknya 75\nWNI\nberhasil kabur."]),
    ("Jakarta\n-\nPuluhan\nWNI disekap.", ["Jakarta\n-\nPuluhan\nWNI disekap."]),  # a dateline's dash
    ("Perdagangan Orang\n(TPPO) marak.", ["Perdagangan Orang\n(TPPO) marak."]),  # a bracket goes on
    ("Puluhan WNI Dievakuasi\nKBRI Yangon membantu.", ["Puluhan WNI Dievakuasi", "KBRI Yangon membantu."]),
    ("Judul Berita di Myanmar\nTNI membantu.", ["Judul Berita di Myanmar", "TNI membantu."]),  # a headline
    ("Satu dua.\n20 WNI pulang.", ["Satu dua.", "20 WNI pulang."]),  # after a full stop: always
    ("Baris pertama\n\n(Dua) tiga.", ["Baris pertama", "(Dua) tiga."]),  # a blank line: always
    ("Pada 2024 lalu.Dari 30 kasus itu.", ["Pada 2024 lalu.", "Dari 30 kasus itu."]),  # a glued stop
    ("Situs KOMPAS.com melaporkan.", ["Situs KOMPAS.com melaporkan."]),  # a domain is no glued stop
    ("Ia berkata ... lalu pergi.", ["Ia berkata ... lalu pergi."]),  # an ellipsis before lower case
]


@pytest.mark.parametrize(("text", "sentences"), LINE_BREAKS)
def test_line_breaks(text: str, sentences: list[str]) -> None:
    doc = spacy.blank("id").make_doc(text)
    assert [doc[a:b].text for a, b in sentence_bounds(doc)] == sentences


def test_without_the_abbreviation_list_a_stop_after_jl_ends_the_sentence() -> None:
    doc = spacy.blank("id").make_doc("Di Jl. Sudirman mereka bertemu.")
    assert len(sentence_bounds(doc)) == 2


def test_bounds_hold_no_edge_whitespace_and_ids_follow_them() -> None:
    doc = spacy.blank("id").make_doc("Satu dua.  Tiga empat.\n\nLima.")
    bounds = sentence_bounds(doc)
    assert [doc[a:b].text for a, b in bounds] == ["Satu dua.", "Tiga empat.", "Lima."]
    ids = sentence_ids(doc)
    assert [ids[a] for a, _ in bounds] == [0, 1, 2]
    assert ids == sorted(ids) and len(ids) == len(doc)


def test_retokenized_doc_is_split_again() -> None:
    doc = spacy.blank("id").make_doc("Satu dua. Tiga.")
    assert sentence_bounds(doc) == [(0, 3), (3, 5)]
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    invalidate(doc)
    assert sentence_bounds(doc) == [(0, 2), (2, 4)]
