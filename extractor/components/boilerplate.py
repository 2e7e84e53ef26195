"""Page chrome: the parts of a scraped page that are not the article ("Baca juga:", ads, share boxes, ...).

Runs first. Sets ``doc._.boilerplate`` to sorted, non-overlapping ``(start, end)``
character ranges; ``extractor.spans`` then refuses every mention inside them and the
events component reads them too, so a figure from another story's headline never
becomes data. Two sources of regions:

* rules of kind ``boilerplate`` (``rules/boilerplate.yaml``): a pattern plus an
  ``extent`` saying how far the chrome reaches from the match (the match, its line,
  following headline lines, an inline headline, or everything to the end);
* a headline-list detector: a long run of Title Case words with almost no lower-case
  word and no full stop is a block of links (outlets whose scraper joined a page's
  "popular" widget into the text). Rules with ``stop: true`` (datelines) end a run.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..doc import doc_text
from ..factories import warta_component, with_rule_dirs
from ..matching import RuleMatch, RuleMatcher
from ..rules import Rule, RuleSet
from ..rules.kinds import BOILERPLATE

_SENTENCE_END = regex.compile(r"[.!?][\"”’]?+\s")

KIND = BOILERPLATE

_WORD = regex.compile(r"\S++")
_LEAD = regex.compile(r"^[\"'“”‘’(\[«]++")
_QUOTE_CHARS = frozenset("\"“”")
_TRAILING = ",.:;!?\"”’)"  # stripped from a word's end before looking it up among the function words
_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_SPLIT_ONLY_SPACES = ("\x1c", "\x1d", "\x1e", "\x1f")  # spaces to str.split, word characters to \S


@warta_component("warta_boilerplate")
class BoilerplateDetector:
    """Finds page chrome from YAML rules and the headline-list heuristic."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.matcher: RuleMatcher | None = None
        self.min_chars = int(KIND.default("headline_min_chars"))
        self.min_words = int(KIND.default("headline_min_words"))
        self.headline_max = int(KIND.default("headline_max_chars"))
        self.merge_gap = int(KIND.default("merge_gap"))
        self.function_words: frozenset[str] = frozenset()
        self.stop_words: frozenset[str] = frozenset()
        self.abbreviations: frozenset[str] = frozenset()
        self._word_class: Callable[[str], str] = functools.lru_cache(maxsize=1 << 16)(self._classify)

    def set_rules(self, ruleset: RuleSet) -> None:
        rules = ruleset.of_kind("boilerplate")
        self.matcher = RuleMatcher(self.nlp.vocab, self.nlp.make_doc, rules, requires=lambda r: r.get("requires"))
        settings = ruleset.settings("boilerplate")
        self.min_chars = int(settings["headline_min_chars"])
        self.min_words = int(settings["headline_min_words"])
        self.headline_max = int(settings["headline_max_chars"])
        self.merge_gap = int(settings["merge_gap"])
        self.function_words = settings.lower_words("function_words")
        self.stop_words = frozenset(settings.words("headline_stop_words"))
        self.abbreviations = settings.lower_words("abbreviations")
        self._word_class = functools.lru_cache(maxsize=1 << 16)(self._classify)  # the words' classes change

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        regions: list[tuple[int, int]] = []
        stops: list[tuple[int, int]] = []
        matches = self.matcher(doc) if self.matcher is not None else []
        for m in matches:
            if m.rule.get("stop", False):
                stops.append((m.start_char, m.end_char))
        for m in matches:
            if not m.rule.get("stop", False):
                region = self._extent(text, m)
                if region is not None:
                    regions.append(region)
        regions.extend(self._headline_runs(text, stops, regions))
        doc._.boilerplate = merge_regions(_cut_stops(regions, stops), text, self.merge_gap)
        doc._.boilerplate_rules = _provenance(matches, doc._.boilerplate)
        return doc

    # --- extents of one rule match ------------------------------------------------------

    def _extent(self, text: str, m: RuleMatch) -> tuple[int, int] | None:
        rule: Rule = m.rule
        extent = rule.get("extent", "match")
        start, end = m.start_char, m.end_char
        if extent in ("to_end", "from_line_start_to_end"):
            if extent == "from_line_start_to_end":
                start = text.rfind("\n", 0, start) + 1
            limit = rule.get("max_chars")
            if limit is not None and len(text) - start > int(limit):
                return None
            return _strip_region(text, start, len(text))
        if extent == "back_to_quote":
            return self._back_to_quote(text, start, end, int(rule.get("max_chars", 6000)))
        if extent == "line":
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end, end + 2 * self.headline_max + 1)
            if line_end < 0 and len(text) - end <= 2 * self.headline_max:
                line_end = len(text)
            if 0 <= line_end and line_end - line_start <= 2 * self.headline_max:  # a joined page is one long line
                start, end = line_start, line_end
        style = rule.get("inline_headline")
        if style:
            end = self._inline_headline_end(text, end, sentence_case=style == "sentence")
        for k in range(int(rule.get("next_lines", 0))):
            nxt = self._next_headline_line(text, end, any_case=k == 0 and self._ends_line(text, end))
            if nxt is None:
                break
            end = nxt
        return _strip_region(text, start, end) if end > start else None

    @staticmethod
    def _back_to_quote(text: str, start: int, end: int, max_chars: int) -> tuple[int, int]:
        """Chrome before a closing marker reaches back to the sentence after the last quotation.

        Reporting ends with someone quoted ("...," pungkasnya.); blurbs of other stories that
        follow carry no quotes. Without a quote in reach only the marker itself is chrome.
        """
        window = max(0, start - max_chars)
        quote = max(text.rfind('"', window, start), text.rfind("\u201d", window, start))
        if quote < 0:
            return start, end
        after = _SENTENCE_END.search(text, quote, start)
        if after is None:
            return start, end
        return after.end(), end

    @staticmethod
    def _ends_line(text: str, pos: int) -> bool:
        rest = text[pos:pos + 200].lstrip(" \t\xa0")
        return not rest or rest[0] in "\r\n"

    def _next_headline_line(self, text: str, pos: int, any_case: bool = False) -> int | None:
        """End of the next non-empty line after ``pos`` if it looks like a headline, else None.

        Right after a marker alone on its line ("Baca juga:") the line is a headline in any case."""
        i = pos
        while i < len(text) and text[i] in " \t\r\n\xa0":
            i += 1
        if i >= len(text):
            return None
        line_end = text.find("\n", i, i + self.headline_max + 1)
        if line_end < 0:
            if len(text) - i > self.headline_max:
                return None  # a long line is a paragraph, not a headline
            line_end = len(text)
        line = text[i:line_end].strip()
        if not line or len(line) > self.headline_max or line.endswith((".", ",", ";")):
            return None
        words = line.split()
        if any_case:
            return line_end
        if not words or self._word_class(words[0]) == "L":
            return None
        lower = sum(1 for w in words if self._word_class(w) == "L")
        if lower > max(1, len(words) // 4):
            return None
        return line_end

    def _inline_headline_end(self, text: str, pos: int, sentence_case: bool) -> int:
        """After an inline "Baca juga:", where the headline on the same line ends.

        Title Case headlines end at the first ordinary lower-case word. Sentence-case ones
        end where a capitalized word follows a content word and is itself followed by a
        lower-case word: the next sentence's subject ("... di Kamboja Selama berkunjung").
        Both end at an opening quote, a full stop, or after ``headline_max_chars``.
        """
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        i = pos
        while i < line_end and text[i] in " \t\xa0":
            i += 1
        if i >= line_end:
            return pos  # the headline is on the next line (next_lines handles it)
        end = pos
        limit = min(line_end, i + self.headline_max)
        words = list(_WORD.finditer(text, i, limit))
        classes = [self._word_class(w.group()) for w in words]
        for k, w in enumerate(words):
            word = w.group()
            if (word[0] in _QUOTE_CHARS or word.rstrip(":") in self.stop_words) and end > pos:
                break
            if sentence_case:
                if (k >= 4 and classes[k] == "T" and classes[k - 1] != "F" and k + 1 < len(words)
                        and classes[k + 1] == "L"):
                    break
            elif classes[k] == "L" and k > 0:
                break
            end = w.end()
            if word.endswith(".") and not self._is_abbreviation(word):
                break
        return end

    def _is_abbreviation(self, word: str) -> bool:
        """A word whose full stop does not end a headline: a listed abbreviation, or a letter and a dot."""
        core = _LEAD.sub("", word).lower()
        return core in self.abbreviations or (len(core) == 2 and core[0].isalpha())

    # --- the headline-list detector -----------------------------------------------------

    def _classify(self, word: str) -> str:
        """T: Title Case/number/acronym, F: function word or punctuation, L: ordinary lower-case word
        (read through ``_word_class``, which remembers the words a page repeats)."""
        core = _LEAD.sub("", word)
        if not core:
            return "F"
        first = core[0]
        if first.isupper() or first.isdigit():
            return "T"
        if not first.isalpha():
            return "F"
        if core.rstrip(_TRAILING).lower() in self.function_words:
            return "F"
        return "L"

    def _headline_runs(self, text: str, stops: Iterable[tuple[int, int]],
                       chrome: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
        """Long runs of Title Case words on one line that end a line, the text, or at a dateline
        or other chrome: blocks of headline links. A run that a sentence carries on from (a full
        stop or a lower-case word after it) is a long list of names in the article, not chrome."""
        if len(text) < self.min_chars:
            return []
        stop_starts = sorted(a for a, _ in stops)
        found: list[tuple[int, int]] = []
        for line_start, line_end in self._candidate_lines(text):
            found.extend(self._runs_in_line(text, line_start, line_end, stop_starts))
        stop_list = list(stops)
        ends = sorted([a for a, _ in stop_list] + [a for a, _ in chrome])
        chrome_list = list(chrome)
        kept = []
        for a, b in found:
            a, b = _trim_run(text, a, b)
            rest = text[b:b + 3].lstrip(" \t\xa0")
            at_end = not rest or rest[0] in "\r\n"
            i = bisect_left(ends, b - 1)
            before_chrome = i < len(ends) and ends[i] - b <= 2
            inside_chrome = any(x <= b <= y for x, y in chrome_list)
            sentence_goes_on = text[b:b + 1] in (".", ",", ";")
            if not sentence_goes_on and (at_end or before_chrome or inside_chrome):
                kept.append((a, b))
        return kept

    def _candidate_lines(self, text: str) -> Iterator[tuple[int, int]]:
        """The lines a headline run can be on, so the word-by-word scan runs on few lines: a run never spans
        two lines, is at least ``min_chars`` long and has at least ``min_words`` words that are not ordinary
        lower-case words."""
        pos, size = 0, len(text)
        while pos < size:
            end = text.find("\n", pos)
            end = size if end < 0 else end
            if end - pos >= self.min_chars:
                line = text[pos:end]
                if any(sep in line for sep in _SPLIT_ONLY_SPACES) or self._enough_headline_words(line):
                    yield pos, end
            pos = end + 1

    def _enough_headline_words(self, line: str) -> bool:
        """At least ``min_words`` words of ``line`` are not ordinary lower-case words (``L``). Counts as ``L``
        only plain ASCII lower-case words (the bulk of them), so it never says no to a line that has a run."""
        words = line.split()
        if len(words) < self.min_words:
            return False
        function_words = self.function_words
        lower = sum(1 for w in words if w[0] in _ASCII_LOWER and w.islower()
                    and w.rstrip(_TRAILING) not in function_words)
        return len(words) - lower >= self.min_words

    def _runs_in_line(self, text: str, line_start: int, line_end: int,
                      stop_starts: list[int]) -> list[tuple[int, int]]:
        """Runs of Title Case words in one line, cut at stops (datelines)."""
        found: list[tuple[int, int]] = []
        run_start = run_end = -1
        words = 0
        lowers_recent: list[int] = []  # word indexes of recent L words
        index = 0
        stop_i = bisect_left(stop_starts, line_start)

        def close() -> None:
            if run_start >= 0 and words >= self.min_words and run_end - run_start >= self.min_chars:
                found.append((run_start, run_end))

        for w in _WORD.finditer(text, line_start, line_end):
            word = w.group()
            while stop_i < len(stop_starts) and stop_starts[stop_i] <= w.start():
                if run_start >= 0 and stop_starts[stop_i] >= run_start:
                    close()
                    run_start, words, lowers_recent = -1, 0, []
                stop_i += 1
            kind = self._word_class(word)
            index += 1
            if kind == "L":
                lowers_recent = [i for i in lowers_recent if index - i < 4]
                lowers_recent.append(index)
                if len(lowers_recent) >= 2 or run_start < 0:
                    close()
                    run_start, words, lowers_recent = -1, 0, []
                continue
            if kind == "T":
                if run_start < 0:
                    run_start, words, lowers_recent = w.start(), 0, []
                words += 1
                run_end = w.end()
                if word.endswith(".") and not self._is_abbreviation(word):
                    run_end = w.end() - 1
                    close()
                    run_start, words, lowers_recent = -1, 0, []
            elif run_start >= 0:
                words += 1
        close()
        return found


def _trim_run(text: str, start: int, end: int) -> tuple[int, int]:
    """A run ends on a word, not on trailing punctuation left open (``,`` or ``(``)."""
    while end > start and (text[end - 1] in ",;(\u2013\u2014-" or text[end - 1].isspace()):
        end -= 1
    return start, end


def _provenance(matches: Iterable[RuleMatch], regions: list[tuple[int, int]]) -> list[dict[str, object]]:
    """The rules behind the chrome: each match inside a region (a stop rule's match always: it kept text)."""
    found: list[dict[str, object]] = []
    for m in matches:
        if m.rule.get("stop", False) or any(a < m.end_char and m.start_char < b for a, b in regions):
            found.append({"rule": m.rule.id, "start": m.start_char, "end": m.end_char})
    return sorted(found, key=lambda f: (int(str(f["start"])), int(str(f["end"])), str(f["rule"])))


def _cut_stops(regions: list[tuple[int, int]], stops: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Article text marked by a stop rule (a dateline) is never chrome: cut regions around it."""
    if not stops:
        return regions
    out: list[tuple[int, int]] = []
    for a, b in regions:
        pieces = [(a, b)]
        for s, e in stops:
            nxt: list[tuple[int, int]] = []
            for x, y in pieces:
                if e <= x or s >= y:
                    nxt.append((x, y))
                    continue
                if x < s:
                    nxt.append((x, s))
                if e < y:
                    nxt.append((e, y))
            pieces = nxt
        out.extend(p for p in pieces if p[1] > p[0])
    return out


def merge_regions(regions: Iterable[tuple[int, int]], text: str, gap: int = 3) -> list[tuple[int, int]]:
    """Sorted, non-overlapping regions; two regions only whitespace apart (up to ``gap``) become one."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(regions):
        a, b = _strip_region(text, a, b)
        if b <= a:
            continue
        if merged:
            pa, pb = merged[-1]
            between = text[pb:a] if a > pb else ""
            if a <= pb or (len(between) <= gap and not between.strip()):
                merged[-1] = (pa, max(pb, b))
                continue
        merged.append((a, b))
    return merged


def _strip_region(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


@Language.factory("warta_boilerplate", default_config={"rules": []})
def make_boilerplate(nlp: Language, name: str, rules: list[str]) -> BoilerplateDetector:
    """``rules``: folders layered over the built-in rules when the component is used alone."""
    return with_rule_dirs(BoilerplateDetector(nlp, name), rules)
