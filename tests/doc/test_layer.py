"""The per-Doc layer: one holder, facts computed once, dropped by invalidate()."""

from __future__ import annotations

import spacy

from extractor.doc import doc_text, invalidate, kept, layer, titlecase_tokens, token_boundaries, token_offsets


def test_offsets_and_boundaries_agree_with_the_tokens() -> None:
    doc = spacy.blank("id").make_doc("Menlu RI bertemu, lalu pulang.")
    starts, ends = token_offsets(doc)
    assert starts == [t.idx for t in doc] and ends == [t.idx + len(t) for t in doc]
    by_start, by_end = token_boundaries(doc)
    assert all(by_start[t.idx] == t.i and by_end[t.idx + len(t)] == t.i for t in doc)
    assert doc_text(doc) == doc.text


def test_one_key_holds_every_fact_and_invalidate_drops_them() -> None:
    doc = spacy.blank("id").make_doc("Satu dua tiga.")
    token_offsets(doc)
    assert kept(doc, "x", lambda: 1) == 1 and kept(doc, "x", lambda: 2) == 1  # computed once
    assert [k for k in doc.user_data if isinstance(k, str) and k.startswith("warta.layer")] == ["warta.layer"]
    assert layer(doc).offsets is not None
    invalidate(doc)
    assert kept(doc, "x", lambda: 2) == 2 and layer(doc).offsets is None


def test_a_retokenized_doc_gets_a_new_layer_even_without_invalidate() -> None:
    doc = spacy.blank("id").make_doc("Satu dua tiga.")
    token_offsets(doc)
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert token_offsets(doc)[0] == [0, 9, 13]


def test_titlecase_lines() -> None:
    doc = spacy.blank("id").make_doc("Menlu Bertemu Para Pejabat Kamboja\nMenlu bertemu para pejabat di Kamboja.")
    flags = titlecase_tokens(doc)
    assert flags[0] and not flags[-1]
    assert titlecase_tokens(doc) == flags  # kept: the same answer again
