"""RuleMatcher: token patterns shared across components give exactly the matches of separate matchers."""

from __future__ import annotations

from typing import Any

import pytest
import regex
from spacy.language import Language
from spacy.matcher import Matcher

from extractor.matching import RuleMatcher, SharedTokenMatcher, expand_first_set, is_static
from extractor.rules import Pattern, Rule
from extractor.tokenizer import blank_language

TEXT = ("Bahasa Khmer dipakai di Negara Bagian Shan. Sebanyak 12 WNA dideportasi, lalu 3 warga asing "
        "dideportasikan dari Kabupaten Bogor dan Kota Batam. BAHASA Indonesia.")


def token_rule(rule_id: str, tokens: list[dict[str, Any]], label: str = "LOCATION") -> Rule:
    return Rule(id=rule_id, kind="gazetteer", file="test.yaml", line=1, label=label,
                pattern=Pattern("tokens", tokens=tuple(tokens)))


RULES = [
    token_rule("lang", [{"LOWER": {"IN": ["bahasa", "berbahasa"]}}, {"IS_TITLE": True}]),
    token_rule("state", [{"ORTH": "Negara"}, {"ORTH": "Bagian"}, {"IS_TITLE": True, "LENGTH": {">=": 2}}]),
    token_rule("deport", [{"LOWER": {"IN": ["dideportasi", "dideportasikan"]}}]),
    token_rule("foreigners", [{"LIKE_NUM": True}, {"LOWER": {"IN": ["wna", "warga"]}}, {"LOWER": "asing", "OP": "?"}]),
    token_rule("admin", [{"ORTH": {"IN": ["Kabupaten", "Kota"]}}, {"IS_TITLE": True}]),
]


@pytest.fixture(scope="module")
def blank() -> Language:
    return blank_language()


def spans(matches: list[Any]) -> list[tuple[str, int, int]]:
    return [(m.rule.id, m.start_char, m.end_char) for m in matches]


def test_first_set_expansion_finds_the_same_matches(blank: Language) -> None:
    doc = blank.make_doc(TEXT)
    for rule in RULES:
        assert rule.pattern is not None
        tokens = list(rule.pattern.tokens)
        one, expanded = Matcher(blank.vocab), Matcher(blank.vocab)
        one.add("k", [tokens])
        expanded.add("k", expand_first_set(tokens))
        assert sorted(one(doc)) == sorted(expanded(doc)), rule.id
    assert len(expand_first_set(list(RULES[0].pattern.tokens))) == 2  # type: ignore[union-attr]
    optional_first = [{"LOWER": {"IN": ["a", "b"]}, "OP": "?"}, {"IS_TITLE": True}]
    assert expand_first_set(optional_first) == [optional_first]  # left alone


def test_shared_matchers_equal_separate_ones_and_walk_the_doc_once(blank: Language) -> None:
    first = RuleMatcher(blank.vocab, blank.make_doc, RULES[:2])
    second = RuleMatcher(blank.vocab, blank.make_doc, RULES[2:])
    assert first.shared is second.shared is not None and first.shared_keys and second.shared_keys
    alone = [RuleMatcher(blank.vocab, blank.tokenizer, RULES[:2]),  # not nlp.make_doc: no sharing
             RuleMatcher(blank.vocab, blank.tokenizer, RULES[2:])]
    assert alone[0].shared is None
    doc = blank.make_doc(TEXT)
    shared_found = spans(first(doc)) + spans(second(doc))
    assert shared_found == spans(alone[0](doc)) + spans(alone[1](doc))
    assert {rule_id for rule_id, _, _ in shared_found} == {r.id for r in RULES}
    calls = 0
    assert first.shared is not None
    original = first.shared.matcher

    class Counting:
        def __call__(self, d: Any) -> Any:
            nonlocal calls
            calls += 1
            return original(d)

    first.shared.matcher = Counting()  # type: ignore[assignment]
    fresh = blank.make_doc(TEXT)
    first(fresh)
    second(fresh)
    assert calls == 1


def test_patterns_reading_entities_are_not_shared(blank: Language) -> None:
    ent_rule = token_rule("after_country", [{"ENT_TYPE": "COUNTRY"}, {"LOWER": "selatan"}])
    assert not is_static(ent_rule.pattern.tokens)  # type: ignore[union-attr]
    matcher = RuleMatcher(blank.vocab, blank.make_doc, [ent_rule])
    assert not matcher.shared_keys and len(matcher.tokens) == 1
    assert isinstance(SharedTokenMatcher.of(blank.make_doc, blank.vocab), SharedTokenMatcher)


def test_anchored_windows_find_what_one_matcher_finds(blank: Language) -> None:
    """Fixed-length patterns with a literal first token are matched only where that token occurs."""
    from extractor.matching import TokenPatterns, anchor_of

    patterns = {
        "state": [{"ORTH": "Negara"}, {"ORTH": "Bagian"}, {"IS_TITLE": True}],
        "lang": [{"LOWER": "bahasa"}, {"IS_TITLE": True}],
        "count": [{"LIKE_NUM": True}, {"LOWER": "wna"}],  # no literal first token: matched everywhere
        "optional": [{"LOWER": "kota"}, {"IS_TITLE": True, "OP": "?"}],  # variable length: everywhere
        "never": [{"LOWER": "Bahasa"}],  # a LOWER value with capitals matches nothing, anchored or not
    }
    assert anchor_of(patterns["lang"]) is not None and anchor_of(patterns["count"]) is None
    assert anchor_of(patterns["optional"]) is None
    doc = blank.make_doc(TEXT + " Negara Bagian Kachin, bahasa Thai, kota Batam, Negara")
    plain, windowed = Matcher(blank.vocab), TokenPatterns(blank.vocab)
    for key, tokens in patterns.items():
        plain.add(key, [tokens])
        windowed.add(key, [tokens])
    assert sorted(windowed(doc)) == sorted((int(k), s, e) for k, s, e in plain(doc))
    assert len(windowed) == len(patterns) and len(windowed.anchored) == 3
    assert windowed.starts(doc) == [i for i, t in enumerate(doc) if t.text == "Negara" or t.lower_ == "bahasa"]


def test_token_matches_within_ranges_are_the_whole_doc_matches_inside_them() -> None:
    blank = blank_language()  # its own: another test swaps the shared matcher
    phrase = Rule(id="di", kind="event", file="test.yaml", line=1, pattern=Pattern("phrase", phrases=("di",)))
    words = Rule(id="asing", kind="event", file="test.yaml", line=1,
                 pattern=Pattern("regex", regex="warga asing", compiled=regex.compile(r"warga asing")))
    matcher = RuleMatcher(blank.vocab, blank.make_doc, [*RULES, phrase, words])
    doc = blank.make_doc(TEXT)
    everything = matcher.token_matches(doc, regexes=True)
    assert {r.id for r, _, _ in everything} >= {"di", "asing", "deport", "state"}
    assert "asing" not in {r.id for r, _, _ in matcher.token_matches(doc)}  # regexes only when asked
    ranges = [(0, 9), (15, 20)]
    inside = [(r.id, s, e) for r, s, e in everything if any(a <= s and e <= b for a, b in ranges)]
    assert sorted((r.id, s, e) for r, s, e in matcher.token_matches(doc, within=ranges, regexes=True)) == \
        sorted(inside)
    assert matcher.token_matches(doc, within=[]) == []


def test_a_regex_runs_only_over_texts_holding_a_required_string(blank: Language) -> None:
    rule = Rule(id="ad", kind="boilerplate", file="test.yaml", line=1,
                pattern=Pattern("regex", regex=r"(?m)^ADVERTISEMENT$", compiled=regex.compile(r"(?m)^ADVERTISEMENT$")))
    gated = RuleMatcher(blank.vocab, blank.make_doc, [rule], requires=lambda r: ["ADVERT"])
    wrong = RuleMatcher(blank.vocab, blank.make_doc, [rule], requires=lambda r: ["Iklan"])
    doc = blank.make_doc("Korban pulang.\nADVERTISEMENT\nIa menambahkan.")
    assert spans(gated(doc)) == [("ad", 15, 28)]
    assert spans(wrong(doc)) == []  # the hint is trusted: a wrong one hides matches (rule examples catch it)
