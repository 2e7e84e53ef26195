"""Frequent capitalized names that no rule tagged: what a user may want to add to the YAML.

Like an event coder's list of unknown actors: run the pipeline over a corpus,
collect the runs of capitalized words that are not inside any mention or page
chrome, and count them. A name that keeps coming back ("Satgas PWNI",
"Kapolres Bandara Soetta") is a candidate for rules/agencies.yaml or
rules/officials.yaml.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .components.naming import is_cap, sentence_start
from .doc import in_chrome, titlecase_tokens
from .extract import annotate
from .sources import Article

MAX_RUN = 5


@dataclass
class NameCandidate:
    """One untagged capitalized name: how often, in how many articles, and one place it occurs."""

    name: str
    count: int
    docs: int
    example: str


def known_words(nlp: Language) -> set[str]:
    """Words the rules already know as title or name words (not names): never candidates alone."""
    words: set[str] = set()
    for _, proc in nlp.pipeline:
        for attr in ("single_title_words", "not_name", "name_words", "head_words", "not_acronyms", "stop_words"):
            value = getattr(proc, attr, None)
            if isinstance(value, set):
                words |= {str(w) for w in value}
    return words


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Runs of capitalized words outside mentions, headlines and page chrome."""
    covered = [False] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            covered[i] = True
    titlecase = titlecase_tokens(doc)
    lower_words = {t.text for t in doc if t.is_lower}
    runs: list[tuple[int, int]] = []
    i = 0
    n = len(doc)
    while i < n:
        token = doc[i]
        if covered[i] or titlecase[i] or not (is_cap(token) and token.is_alpha):
            i += 1
            continue
        j = i
        while j < n and j - i < MAX_RUN and not covered[j] and is_cap(doc[j]) and doc[j].is_alpha:
            j += 1
        # a lone capitalized word at the start of a sentence is just a sentence start
        if not (j - i == 1 and sentence_start(doc, i)) and \
                not in_chrome(doc, doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)):
            # a sentence's first word is dropped when the article also writes it in lower case ("Menurut")
            start = i + 1 if sentence_start(doc, i) and token.lower_ in lower_words else i
            if start < j:
                runs.append((start, j))
        i = j
    return runs


def _initial_or_unit(doc: Doc, start: int, end: int) -> bool:
    """A one-letter initial ("berinisial F") or a currency or unit next to a number ("Rp 9 juta", "400 USD")."""
    if end - start != 1:
        return False
    if len(doc[start].text) < 2:
        return True
    return (start > 0 and doc[start - 1].like_num) or (end < len(doc) and doc[end].like_num)


def untagged_names(nlp: Language, articles: Iterable[Article], min_count: int = 2,
                   top: int | None = None) -> list[NameCandidate]:
    """The capitalized names no rule tagged, most frequent first (at least ``min_count`` times)."""
    counts: Counter[str] = Counter()
    doc_counts: Counter[str] = Counter()
    examples: dict[str, str] = {}
    known = known_words(nlp)
    for article in articles:
        if not article.ok or not article.text:
            continue
        doc = annotate(nlp, article)
        seen: set[str] = set()
        for start, end in _runs(doc):
            if all(t.text in known for t in doc[start:end]) or _initial_or_unit(doc, start, end):
                continue
            name = doc[start:end].text
            counts[name] += 1
            if name not in seen:
                seen.add(name)
                doc_counts[name] += 1
            if name not in examples:
                left = max(0, doc[start].idx - 40)
                right = min(len(doc.text), doc[end - 1].idx + len(doc[end - 1].text) + 40)
                examples[name] = " ".join(doc.text[left:right].split())
    ranked = [NameCandidate(name, count, doc_counts[name], examples[name])
              for name, count in counts.most_common() if count >= min_count]
    return ranked[:top] if top is not None else ranked
