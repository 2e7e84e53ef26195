"""The mention index: by token and by range, the same from add_mentions' list as from doc.ents."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from extractor.doc import MentionIndex, current_mentions, mention_index
from extractor.spans import add_mentions, make_mention


def _doc() -> tuple[Doc, list[Span]]:
    doc = spacy.blank("id").make_doc("Menlu RI bertemu Menlu Kamboja di Phnom Penh.")
    text = doc.text
    found = [make_mention(doc, text.index(w), text.index(w) + len(w), label, f"r.{label}")
             for w, label in (("RI", "COUNTRY"), ("Kamboja", "COUNTRY"), ("Phnom Penh", "LOCATION"))]
    return doc, [s for s in found if s is not None]


@pytest.mark.parametrize("source", ["add_mentions", "doc.ents"])
def test_index_by_token_and_range(source: str) -> None:
    doc, spans = _doc()
    if source == "add_mentions":
        add_mentions(doc, spans)
        index = mention_index(doc)
    else:
        doc.set_ents(spans)
        index = MentionIndex(doc, None)
    assert index[0] is None and not index.covered(0)
    found = index[7]
    assert found is not None and found.text == "Phnom Penh" and index.covered(6)
    assert [e.text for e in index.within(0, 6)] == ["RI", "Kamboja"]
    assert [e.text for e in index.within(2, 7)] == ["Kamboja"]  # Phnom Penh ends past the range
    assert [e.label_ for e in index.all()] == ["COUNTRY", "COUNTRY", "LOCATION"]
    assert found._.rule == "r.LOCATION"  # the Span is the one carrying its attributes


def test_index_follows_add_mentions_and_drop() -> None:
    doc, spans = _doc()
    add_mentions(doc, spans[:1])
    before = mention_index(doc)
    add_mentions(doc, spans[1:], drop=lambda e: e.text == "RI")
    after = mention_index(doc)
    assert after is not before
    assert [e.text for e in current_mentions(doc)] == ["Kamboja", "Phnom Penh"] == [e.text for e in doc.ents]
    assert after[1] is None
