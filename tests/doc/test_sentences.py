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
    ("Tindak Pidana Perdagangan Orang\n(\nTPPO\n)\ndi Myanmar.", 2),  # ... after "(", before ")"
    ("Judul Berita\nIsi pertama.", 2),
])
def test_sentence_bounds(text: str, count: int) -> None:
    doc = spacy.blank("id").make_doc(text)
    assert len(sentence_bounds(doc, frozenset({"Jl", "No"}))) == count


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
