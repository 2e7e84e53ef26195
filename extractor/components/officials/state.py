"""The per-document state of the officials component: lookups built once per Doc and shared by the
grammar modules (``names``, ``titles``, ``coref``), and the one edit of another component's output."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy
import regex
from spacy.tokens import Doc

from ...doc import current_mentions, doc_text, in_chrome, invalidate, mention_index, titlecase_tokens, token_offsets
from ...rules import Rule
from ...spans import add_mentions
from .persons import Found, Person, contains, forms

if TYPE_CHECKING:
    from .component import OfficialTagger

NAME_TOKEN = regex.compile(r"^\p{Lu}(?:\p{L}|['\u2019.-](?=\p{L}))*+\.?$")
INITIAL = regex.compile(r"^\p{Lu}\.(?:\p{Lu}\.)*+$")
CAMEL = regex.compile(r"\p{Ll}\p{Lu}")
PLACE = ("COUNTRY", "LOCATION")


def match_starts(tagger: OfficialTagger, doc: Doc) -> dict[str, dict[int, tuple[int, Rule]]]:
    """For each role, the longest match starting at each token: role -> {start: (end, rule)}."""
    out: dict[str, dict[int, tuple[int, Rule]]] = {}
    if tagger.matcher is None:
        return out
    role_of = tagger.role_of
    for rule, start, end in tagger.matcher.token_matches(doc):
        by_start = out.setdefault(role_of.get(rule.id, "title"), {})
        known = by_start.get(start)
        if known is None or known[0] < end or (known[0] == end and rule.priority > known[1].priority):
            by_start[start] = (end, rule)
    return out


class DocState:
    """Per-document lookups of :class:`OfficialTagger` (built once per Doc)."""

    def __init__(self, tagger: OfficialTagger, doc: Doc, starts: dict[str, dict[int, tuple[int, Rule]]]) -> None:
        self.t = tagger
        self.doc = doc
        self.n = len(doc)
        self.ent_list = current_mentions(doc)
        self.ents = mention_index(doc)
        self.titlecase = titlecase_tokens(doc)
        self.title_at = starts.get("title", {})
        self.rank_at = starts.get("rank", {})
        self.honor_at = starts.get("honorific", {})
        self.word_at = starts.get("word", {})
        self.person_at = starts.get("person", {})
        self.counts: dict[str, int] = {}
        self.title_regions: list[tuple[int, int]] = []
        self.authors = self._author_tokens()
        self.byline: set[int] = set()
        for a, b in doc._.byline or []:
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None:
                self.byline.update(range(span.start, span.end))

    def in_chrome(self, f: Found) -> bool:
        """Is this a name-before-title finding inside page chrome? A related-story link ("Hari Anak Nasional,
        Menteri PPPA ajak ...") is a headline, where "X, TITLE" rarely names a person. A title followed by a
        name still names the person (the chrome region may overrun into the article)."""
        if f.rule.id != getattr(self.t.grammar.get("appositive"), "id", None):
            return False
        at = self.doc[f.start].idx
        return in_chrome(self.doc, at, at + 1)

    def _author_tokens(self) -> list[list[str]]:
        names = []
        for author in self.doc._.authors or []:
            name = author.get("name") if isinstance(author, dict) else None
            if name:
                names.append(str(name).split())
        return names

    def _is_author(self, tokens: list[str]) -> bool:
        return any(contains(a, tokens) or contains(tokens, a) for a in self.authors)

    # --- titles ----------------------------------------------------------------------------------------

    def forms_of(self, person: Person) -> list[list[str]]:
        """The name forms that stand for ``person`` in this article."""
        t = self.t
        return forms(person, t.short_forms.get(person.name), t.weak, t.not_name, t.particles)

    @cached_property
    def orth(self) -> Any:
        """The token texts' hashes, to count a word's occurrences in one vectorized pass."""
        return self.doc.to_array("ORTH")

    @cached_property
    def words(self) -> list[str]:
        """The token texts, cut from the text (``doc[i].text`` makes a Token object per read)."""
        text = doc_text(self.doc)
        starts, ends = token_offsets(self.doc)
        return [text[a:b] for a, b in zip(starts, ends, strict=True)]

    def count(self, word: str) -> int:
        """How many tokens of the document are ``word``."""
        known = self.counts.get(word)
        if known is None:
            known = self.counts[word] = int(numpy.count_nonzero(self.orth == self.doc.vocab.strings[word]))
        return known

    def is_cap_word(self, word: str) -> bool:
        """A capitalized word of the document, or of the well-known officials' names."""
        return word in self.t.known_words or (word[:1].isupper() and word.isalpha() and self.count(word) > 0)

    def unglue(self, text: str) -> str:
        """"Marsudimelakukan" -> "Marsudi" when the article writes "Marsudi" on its own elsewhere
        (words glued by a lost space in the page's text)."""
        if len(text) < 7 or self.is_cap_word(text) and self.count(text) > 1:
            return text
        for k in range(len(text) - 3, 2, -1):
            rest = text[k:]
            if rest.islower() and self.is_cap_word(text[:k]):
                return text[:k]
        for k in range(4, len(text) - 2):
            rest = text[k:]
            if not (rest.islower() and text[k - 1].islower()):
                continue
            if rest in self.t.glued_words or (len(rest) >= 6 and rest.startswith(self.t.glued_starts)
                                              and self.count(rest) > 0):
                return text[:k]  # "Pranowomenerima" -> "Pranowo" when "menerima" is a word of the article
        return text


    def drop_locations_in_titles(self) -> None:
        """Places inside a title's portfolio words are not LOCATION mentions ("Kerja Sama Asia, Pasifik")."""
        if not self.title_regions:
            return
        inside: set[int] = set()
        for s, e in self.title_regions:
            inside.update(range(s, e))
        drop = {(ent.start, ent.end) for i in inside if (ent := self.ents[i]) is not None and ent.label_ == "LOCATION"
                and all(k in inside for k in range(ent.start, ent.end))}
        if drop:
            add_mentions(self.doc, (), drop=lambda e: e.label_ == "LOCATION" and (e.start, e.end) in drop)



def split_glued(doc: Doc, glued: dict[int, int]) -> None:
    """Split tokens where a name runs into the next word ("Marsudirapat" -> "Marsudi" + "rapat"), so the
    mention ends where the name does. The Doc's layer is invalidated (its facts are token-indexed)."""
    with doc.retokenize() as retokenizer:
        for i, size in glued.items():
            token = doc[i]
            retokenizer.split(token, [token.text[:size], token.text[size:]], heads=[(token, 1), (token, 1)])
    invalidate(doc)
