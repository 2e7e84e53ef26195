"""add_mentions (linear, token-owner index) decides exactly as the plain pairwise definition does."""

from __future__ import annotations

import random
from collections.abc import Iterable

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.doc import doc_text, in_chrome, remember_text
from extractor.spans import _priority, add_mentions, longest_first, make_mention
from extractor.tokenizer import blank_language

WORDS = "Menlu RI bertemu Presiden Kamboja di Phnom Penh pada Senin 21/8 , dan 300 WNI korban TPPO .".split()


def reference_add(doc: Doc, spans: Iterable[Span]) -> list[Span]:
    """The definition: compare each candidate with every current mention."""
    current = sorted(doc.ents, key=lambda s: s.start)
    added: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end_char - s.start_char), -_priority(s), s.start_char)):
        if in_chrome(doc, span.start_char, span.end_char):
            continue
        overlapping = [e for e in current if e.start < span.end and span.start < e.end]
        length = span.end_char - span.start_char
        if any((e.end_char - e.start_char, _priority(e)) >= (length, _priority(span)) for e in overlapping):
            continue
        for e in overlapping:
            current.remove(e)
            if e in added:
                added.remove(e)
        current.append(span)
        added.append(span)
    doc.set_ents(sorted(current, key=lambda s: s.start))
    return added


@pytest.fixture(scope="module")
def blank() -> Language:
    return blank_language()


def key(span: Span) -> tuple[int, int, str, str]:
    return (span.start, span.end, span.label_, span._.rule)


@pytest.mark.parametrize("seed", range(40))
def test_same_winners_as_the_pairwise_definition(blank: Language, seed: int) -> None:
    rng = random.Random(seed)
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 40)))
    chrome = None
    if rng.random() < 0.3:
        start = rng.randint(0, len(text) - 2)
        chrome = [(start, start + rng.randint(1, 12))]
    batches = [[(rng.randint(0, 10**6), rng.randint(1, 4), rng.choice("AB"), rng.randint(0, 9), rng.randint(0, 2))
                for _ in range(rng.randint(0, 15))] for _ in range(rng.randint(1, 3))]
    results = []
    for implementation in (reference_add, add_mentions):
        doc = blank.make_doc(text)
        doc._.boilerplate = chrome
        steps = []
        for batch in batches:
            candidates = []
            for where, width, label, rule, priority in batch:
                start = where % len(doc)
                end = min(len(doc), start + width)
                span = make_mention(doc, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label, f"r{rule}",
                                    {"_priority": priority})
                if span is not None:
                    candidates.append(span)
            steps.append([key(s) for s in implementation(doc, candidates)])
        steps.append([key(s) for s in doc.ents])
        steps.append(doc.to_array(["ENT_IOB", "ENT_TYPE"]).tolist())  # add_mentions rewrites only what changed
        results.append(steps)
    assert results[0] == results[1]


def test_doc_text_is_the_text_and_is_computed_once(blank: Language) -> None:
    text = "Menlu RI bertemu  di Phnom Penh.\n\nWNI"
    doc = blank.make_doc(text)
    assert doc_text(doc) == text == doc.text
    remembered = remember_text(blank.make_doc(text), text)
    assert doc_text(remembered) is text


@pytest.mark.parametrize(("items", "kept"), [
    ([(0, 2), (1, 4)], [(1, 4)]),  # the longer wins, wherever it starts
    ([(0, 2), (1, 3)], [(0, 2)]),  # as long: the earlier start
    ([(0, 2, 0), (1, 3, 5)], [(1, 3, 5)]),  # as long: the higher priority before the earlier start
    ([(0, 2), (2, 4), (4, 6)], [(0, 2), (2, 4), (4, 6)]),  # touching is no overlap
    ([(3, 5), (0, 2)], [(0, 2), (3, 5)]),  # returned in order of start
])
def test_longest_first_is_the_one_overlap_rule(items: list[tuple[int, ...]], kept: list[tuple[int, ...]]) -> None:
    assert longest_first(items, lambda x: (x[0], x[1]), lambda x: x[2] if len(x) > 2 else 0) == kept


def test_longest_first_keeps_the_first_listed_of_identical_ranges() -> None:
    first, second = ["a", 0, 2], ["b", 0, 2]
    assert longest_first([first, second], lambda x: (int(x[1]), int(x[2])))[0] is first
