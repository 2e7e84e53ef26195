"""OFFICIAL mentions: people named through a title, then every later mention of them.

How a person is found (rules/officials.yaml):

1. A title (``Menteri``, ``Kepala``, ``Dirtipidum``...) and the words that continue it
   (portfolio words, the agency, a country: ``Direktur Perlindungan WNI dan BHI Kemlu``),
   then ranks and honorifics, then the capitalized name: ``Brigjen Djuhandani Rahardjo Puro``.
   A name before ", TITLE" counts too (``Judha Nugraha, Direktur ...``).
2. Well-known officials listed by name and alias (``Jokowi``).
3. Within the article, people are clustered by name; later short names, surnames and
   aliases (``Joko Widodo atau Jokowi``) become mentions of the same person.

Every mention of a person carries the same ``name`` (fullest form), ``title`` (fullest
in the article, as written), ``country``, ``rank``, ``agency`` and ``person_id``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import numpy
import regex
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..doc import current_mentions, doc_text, in_chrome, invalidate, mention_index, titlecase_tokens
from ..factories import warta_component, with_rule_dirs
from ..matching import RuleMatcher
from ..rules import REGEX_TIMEOUT, Pattern, Rule, RuleSet
from ..rules.kinds import OFFICIAL
from ..spans import add_mentions, longest_first, make_mention
from .agencies import surface_forms
from .naming import is_acronym, is_cap, sentence_start

KIND = OFFICIAL

_NAME_TOKEN = regex.compile(r"^\p{Lu}(?:\p{L}|['\u2019.-](?=\p{L}))*+\.?$")
_INITIAL = regex.compile(r"^\p{Lu}\.(?:\p{Lu}\.)*+$")
_CAMEL = regex.compile(r"\p{Ll}\p{Lu}")
_TITLE_WORDS_ID = "_title_words"
_PLACE = ("COUNTRY", "LOCATION")


@dataclass
class Found:
    """A person mention before clustering: token span, name tokens and what the title said."""

    start: int
    end: int
    rule: Rule
    tokens: list[str]
    title: str | None = None
    country: str | None = None
    agency: str | None = None
    rank: str | None = None
    uncertain: bool = False  # on a Title Case line: the run may include headline words
    alias_of: str | None = None


@dataclass
class Person:
    """One person of the article: the union of their mentions."""

    tokens: list[str]
    pid: str
    title: str | None = None
    country: str | None = None
    agency: str | None = None
    rank: str | None = None
    aliases: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        return " ".join(self.tokens)


@dataclass
class TitleParse:
    """What follows a title word: where the title text ends, its agency, country and the name."""

    text_end: int  # token index where the title's text ends
    chain_end: int = 0  # token index where the title's continuation (parentheses included) ends
    agency: Span | None = None
    agencies: list[Span] = field(default_factory=list)
    country: str | None = None
    name: tuple[int, int] | None = None
    rank: str | None = None
    portfolio: bool = False


def _contains(seq: list[str], sub: list[str]) -> bool:
    """Is ``sub`` a contiguous run of ``seq``?"""
    n, m = len(seq), len(sub)
    return m <= n and any(seq[i:i + m] == sub for i in range(n - m + 1))


@warta_component("warta_officials")
class OfficialTagger:
    """Tags OFFICIAL mentions and links each person to title, agency and country."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.matcher: RuleMatcher | None = None  # titles, ranks, honorifics, title words and known people at once
        self.role_of: dict[str, str] = {}  # rule id -> role ("word" for the title vocabulary)
        self.grammar: dict[str, Rule] = {}
        self.single_title_words: set[str] = set()
        self.connectors: set[str] = set()
        self.alias_words: set[str] = set()
        self.alias_phrases: list[list[str]] = []  # longest first
        self.alias_first: Any = None  # regex: "ALIAS, sapaan akrab NAME"
        self.alias_first_words: tuple[str, ...] = ()  # their first words: a cheap check before the regex
        self.appositive_words: set[str] = set()
        self.post_words: set[str] = set()
        self.post_location_words: set[str] = set()
        self.english_joiners: set[str] = set()
        self.glued_starts: tuple[str, ...] = ()
        self.glued_words: set[str] = set()
        self.particles: set[str] = set()
        self.weak: set[str] = set()
        self.not_name: set[str] = set()
        self.enumeration_end: set[str] = set()
        self.default_country = str(KIND.default("default_country"))
        self.max_name = int(KIND.default("max_name_tokens"))
        self.agency_by_form: dict[str, tuple[str, str | None]] = {}
        self.known: dict[str, tuple[str, str | None]] = {}  # name or alias -> (full name, country)
        self.known_words: set[str] = set()
        self.short_forms: dict[str, set[str]] = {}  # full name of a well-known official -> one-word forms allowed

    def set_rules(self, ruleset: RuleSet) -> None:
        settings = ruleset.settings("official")
        self.default_country = str(settings["default_country"])
        self.max_name = int(settings["max_name_tokens"])
        self.connectors = set(settings.words("connectors"))
        self.alias_words = set(settings.words("alias_words"))
        self.alias_phrases = sorted((p.split() for p in settings.words("alias_phrases")), key=len, reverse=True)
        first = settings.words("alias_first_phrases")
        self.alias_first_words = tuple({p.split()[0].lower() for p in first if p.split()})
        self.alias_first = regex.compile(
            r",\s*+(?:" + "|".join(regex.escape(p) for p in sorted(first, key=len, reverse=True)) + r")\b",
            regex.IGNORECASE) if first else None
        self.appositive_words = set(settings.words("appositive_words"))
        self.post_words = set(settings.words("post_words"))
        self.post_location_words = set(settings.words("post_location_words"))
        self.english_joiners = set(settings.words("english_joiners"))
        self.glued_starts = tuple(settings.words("glued_word_starts"))
        self.glued_words = set(settings.words("glued_words"))
        self.particles = set(settings.words("name_particles"))
        self.weak = set(settings.words("weak_name_tokens"))
        self.not_name = set(settings.words("not_name"))
        agency = ruleset.settings("agency")
        agency_words = agency.words("name_words")
        # the words closing an enumeration in a portfolio are those closing one in an agency's name
        self.enumeration_end = set(agency.words("enumeration_end"))
        phrases = tuple(dict.fromkeys(settings.words("title_words") + agency_words))
        self.single_title_words = {p for p in phrases if " " not in p}
        by_role: dict[str, list[Rule]] = {}
        for rule in ruleset.of_kind("official"):
            role = str(rule.get("role") or "title")
            if role == "person":
                forms = [str(rule.get("name"))] if rule.get("name") else []
                forms += rule.words("aliases")
                if rule.pattern is not None and rule.pattern.form == "phrase":
                    forms += list(rule.pattern.phrases)
                if forms and rule.get("short_forms") is not None:
                    self.short_forms[forms[0]] = set(rule.words("short_forms"))
                if forms:
                    by_role.setdefault(role, []).append(replace(rule, pattern=Pattern("phrase", tuple(forms))))
                    for form in forms:
                        self.known.setdefault(form, (forms[0], rule.get("country")))
                        self.known_words.update(w for w in form.split() if len(w) >= 4)
            elif role in ("coref", "alias", "appositive"):
                self.grammar[role] = rule
            elif rule.pattern is not None:
                if role == "title":
                    rule = replace(rule, ignore_case=True)
                by_role.setdefault(role, []).append(rule)
        words_rule = Rule(id=_TITLE_WORDS_ID, kind="official", file="rules/officials.yaml", line=0,
                          pattern=Pattern("phrase", phrases=phrases) if phrases else None)
        by_role["word"] = [words_rule]
        self.role_of = {rule.id: role for role, rules in by_role.items() for rule in rules}
        every = [rule for rules in by_role.values() for rule in rules]
        self.matcher = RuleMatcher(self.nlp.vocab, self.nlp.make_doc, every)
        self.agency_by_form = {}
        for rule in ruleset.of_kind("agency"):
            if rule.get("role") in ("generic", "defined_acronym") or not rule.get("name"):
                continue
            entry = (str(rule.get("name")), rule.get("country"))
            for form in surface_forms(rule) + [str(rule.get("name"))]:
                self.agency_by_form.setdefault(form, entry)

    # --- per-document lookups ------------------------------------------------------------------------

    def _starts(self, doc: Doc) -> dict[str, dict[int, tuple[int, Rule]]]:
        """For each role, the longest match starting at each token: role -> {start: (end, rule)}."""
        out: dict[str, dict[int, tuple[int, Rule]]] = {}
        if self.matcher is None:
            return out
        role_of = self.role_of
        for rule, start, end in self.matcher.token_matches(doc):
            by_start = out.setdefault(role_of.get(rule.id, "title"), {})
            known = by_start.get(start)
            if known is None or known[0] < end or (known[0] == end and rule.priority > known[1].priority):
                by_start[start] = (end, rule)
        return out

    def __call__(self, doc: Doc) -> Doc:
        starts = self._starts(doc)
        if "title" not in starts and "person" not in starts:
            return doc  # no title and no well-known name: nothing to anchor a person
        ctx = _DocContext(self, doc, starts)
        found = ctx.title_mentions() + ctx.person_mentions()
        found = longest_first([f for f in found if not ctx.in_chrome(f)], lambda f: (f.start, f.end))
        persons, members = ctx.cluster(found)
        mentions = members + ctx.corefs(persons, members)
        ctx.drop_locations_in_titles()
        offsets = []
        glued: dict[int, int] = {}  # token index -> length of the name at its start ("Marsudirapat" -> 7)
        for f, person in mentions:
            last = doc[f.end - 1]
            end_char = last.idx + len(last.text)
            name_end = f.tokens[-1] if f.tokens else ""
            if f.alias_of is None and len(name_end) < len(last.text) and last.text.startswith(name_end):
                glued[last.i] = len(name_end)
                end_char = last.idx + len(name_end)
            offsets.append((doc[f.start].idx, end_char, f, person))
        if glued:
            _split_glued(doc, glued)
        spans = []
        for start_char, end_char, f, person in offsets:
            attrs: dict[str, Any] = {"name": person.name, "title": person.title,
                                     "country": person.country or self.default_country,
                                     "rank": person.rank, "person_id": person.pid, "agency": person.agency}
            attrs = {k: v for k, v in attrs.items() if v is not None}
            span = make_mention(doc, start_char, end_char, "OFFICIAL", f.rule.id, attrs)
            if span is not None:
                spans.append(span)
        if spans:
            add_mentions(doc, spans)
        return doc


class _DocContext:
    """The per-document state of :class:`OfficialTagger` (lookups built once per Doc)."""

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
        return any(_contains(a, tokens) or _contains(tokens, a) for a in self.authors)

    # --- titles ----------------------------------------------------------------------------------------

    def _title_word_end(self, j: int) -> int:
        """End of a title word (or phrase) starting at ``j``, or ``j``."""
        end = j
        hit = self.word_at.get(j)
        if hit is not None:
            end = hit[0]
        text = self.doc[j].text
        if end == j and (text in self.t.single_title_words or
                         (is_acronym(text) and text.isupper() and len(text) <= 6 and text not in self.t.not_name)):
            end = j + 1
        return end

    def _vocabulary_word(self, j: int) -> bool:
        """A title word from the YAML vocabulary (not merely an acronym, which may end a name: "Mahfud MD")."""
        return j in self.word_at or self.doc[j].text in self.t.single_title_words

    def _name_run(self, k: int) -> tuple[int, int] | None:
        """The capitalized name starting at ``k`` (with particles and initials), if any."""
        doc, t = self.doc, self.t
        i = k
        tokens = 0
        while i < self.n and tokens < t.max_name:
            token = doc[i]
            text = token.text
            if self.ents[i] is not None or text in t.not_name or i in self.title_at or i in self.rank_at:
                break
            if _CAMEL.search(text):
                break  # "MigranIndonesia": two words glued, not a name
            if _NAME_TOKEN.match(text) or _INITIAL.match(text):
                if text.isupper() and len(text) > 1 and not _INITIAL.match(text) and \
                        not (tokens and len(text) == 2 and not (i + 1 < self.n and is_cap(doc[i + 1]))):
                    break  # acronyms are not names (KBRI, WNI); a final two-letter one may be ("Mahfud MD")
                tokens += 1
                i += 1
                # an abbreviated name part split from its dot: "Moh. Irhamni"
                if len(text) <= 3 and i + 1 < self.n and doc[i].text == "." and not doc[i - 1].whitespace_ \
                        and is_cap(doc[i + 1]) and self.ents[i + 1] is None and doc[i + 1].text not in t.not_name:
                    i += 1
                continue
            if text in t.particles and tokens and i + 1 < self.n and is_cap(doc[i + 1]):
                i += 1
                continue
            break
        while i > k and (doc[i - 1].text in t.particles):
            i -= 1
        if i == k or not any(len(doc[x].text) >= 3 and doc[x].is_alpha for x in range(k, i)):
            return None
        return (k, i)

    def _parse_title(self, start: int, end: int) -> TitleParse:
        """Read the title's continuation after ``doc[start:end]`` and the name that follows."""
        doc, ents, t = self.doc, self.ents, self.t
        parse = TitleParse(text_end=end)
        elements: list[tuple[int, int, str]] = []  # (start, end, kind) of each part after the head
        j = end
        absorbed = 0
        while j < self.n:
            if j in self.rank_at or j in self.honor_at:
                break
            token = doc[j]
            here = ents[j]
            ent = here if here is not None and here.start == j else None
            word_end = self._title_word_end(j)
            if ent is not None and ent.end >= word_end:
                if ent.label_ == "AGENCY":
                    if parse.agency is None:
                        parse.agency = ent
                    parse.agencies.append(ent)
                    elements.append((j, ent.end, "agency"))
                elif ent.label_ == "COUNTRY":
                    code = (ent._.attrs or {}).get("code")
                    before = doc[j - 1].text.lower() if j > 0 else ""
                    if parse.country is None and before not in t.post_words and code:
                        parse.country = str(code)
                    elements.append((j, ent.end, "country"))
                elif ent.label_ == "LOCATION":
                    elements.append((j, ent.end, "word"))
                else:
                    break
                j = ent.end
                continue
            if ents[j] is not None:
                break
            if word_end > j:
                elements.append((j, word_end, "word"))
                j = word_end
                continue
            if j in self.title_at and elements and elements[-1][2] == "word":
                j2 = self.title_at[j][0]
                elements.append((j, j2, "word"))
                j = j2
                continue
            text = token.text
            following = ents[j + 1] if j + 1 < self.n else None
            if text in t.connectors and j + 1 < self.n and (self._title_word_end(j + 1) > j + 1 or
                                                            (following is not None and following.label_ in _PLACE)
                                                            or bool(self._unknown_title_words(j + 1))):
                j += 1
                continue
            if text == "," and self._enumeration_ahead(j + 1):
                j += 1
                continue
            if text == "(":
                close = self._paren_end(j)
                if close is not None:
                    elements.append((j, close, "paren"))
                    j = close
                    continue
                break
            if absorbed < 2 and is_cap(token) and text not in t.not_name and not self.titlecase[j]:
                # unknown capitalized words followed by title words, an agency or a rank belong to the
                # title ("Direktur Tindak Pidana Siber Bareskrim", "Menteri Koodinator Pemberdayaan")
                parts = self._unknown_title_words(j)
                if parts:
                    elements.extend(parts)
                    absorbed += 1
                    j = parts[-1][1]
                    continue
            break
        self._finish_title(parse, start, end, elements)
        parse.chain_end = j
        k = j
        if k < self.n and doc[k].text in t.post_location_words and elements:
            k = self._skip_post(k + 1)
        if k < self.n and doc[k].text == ",":
            k += 1
        ranks: list[str] = []
        while k < self.n and (k in self.rank_at or k in self.honor_at):
            if k in self.rank_at:
                r_end = self.rank_at[k][0]
                ranks.append(doc[k:r_end].text)
                k = r_end
                if k + 2 < self.n and doc[k].text == "(" and doc[k + 2].text == ")" and len(doc[k + 1].text) <= 3:
                    k += 3  # a corps code after a rank: "Kolonel Laut (P)"
            else:
                k = self.honor_at[k][0]
        if k < self.n and is_cap(doc[k]):
            parse.name = self._name_run(k)
            if parse.name is not None and start > 0 and doc[start - 1].text == "(" and parse.name[1] < self.n \
                    and doc[parse.name[1]].text == ")":
                parse.name = None  # "(Menteri Imipas)": a short form of the title in brackets, not a name
            if parse.name is not None and not ranks and parse.name[1] - parse.name[0] == 1 \
                    and parse.name[1] + 1 < self.n and doc[parse.name[1]].text == ",":
                # "Kepala BP3MI Kalselteng, Ady Aldiwan": the lone word was a place of the title
                second = self._name_run(parse.name[1] + 1)
                if second is not None and second[1] - second[0] >= 2:
                    parse.name = second
            if parse.name is not None and parse.name[1] < self.n and doc[parse.name[1]].text in t.english_joiners:
                parse.name = None  # "Committee to Combat ...": an English name, not a person
        parse.rank = " ".join(ranks) or None
        return parse

    def _unknown_title_words(self, j: int) -> list[tuple[int, int, str]]:
        """Up to three unknown capitalized words at ``j`` that a title word, an agency or a rank follows
        (maybe after a parenthesized acronym): they are part of the title, not a name."""
        doc, ents = self.doc, self.ents
        if j >= self.n or not is_cap(doc[j]) or doc[j].text in self.t.not_name or self.titlecase[j] \
                or j in self.title_at:
            return []
        after = j
        while after < self.n and after - j < 3 and is_cap(doc[after]) and ents[after] is None \
                and self._title_word_end(after) == after and after not in self.rank_at and after not in self.title_at:
            after += 1
        if after == j or after >= self.n:
            return []
        paren = None
        if doc[after].text == "(":
            close = self._paren_end(after)
            if close is None or close >= self.n:
                return []
            paren, after = (after, close), close
        nxt = ents[after]
        short_title = paren is not None and paren[0] + 1 in self.title_at  # "Permasyarakatan (Menteri Imipas)"
        if (nxt is not None and nxt.start == after and nxt.label_ in ("AGENCY", *_PLACE)) or after in self.rank_at \
                or self._vocabulary_word(after) or short_title:
            if paren is not None:
                return [(j, paren[0], "word"), (paren[0], paren[1], "paren")]
            return [(j, after, "word")]
        return []

    def _skip_post(self, k: int) -> int:
        """After "di"/"pada": an agency, a place or up to three lower-case words ("di kementerian koordinator")."""
        ent = self.ents[k] if k < self.n else None
        if ent is not None and ent.label_ in ("AGENCY", *_PLACE) and ent.start == k:
            return ent.end  # "Konsul Jenderal RI di Kota Kinabalu Rafail Walangitan"
        j = k
        while j < self.n and j - k < 3 and self.doc[j].is_lower and self.doc[j].is_alpha:
            j += 1
        return j if j > k and j < self.n and (is_cap(self.doc[j]) or self.doc[j].text == ",") else k - 1

    def _finish_title(self, parse: TitleParse, start: int, end: int, elements: list[tuple[int, int, str]]) -> None:
        """Where the title text ends: the agency joins it only when no portfolio words precede it."""
        parse.portfolio = any(kind == "word" for _, _, kind in elements)
        # a parenthesized part ends the title: words after it are not portfolio words
        first_paren = next((i for i, e in enumerate(elements) if e[2] == "paren"), len(elements))
        elements = elements[:first_paren]
        kept_end = end
        kinds: list[str] = []
        for index, (_, e_end, kind) in enumerate(elements):
            if kind == "paren":
                break
            if kind == "agency":
                later_words = any(k == "word" for _, _, k in elements[index + 1:])
                # an agency followed by more title words names the portfolio ("Menteri Imigrasi dan
                # Pemasyarakatan"); one that ends the title is the body the post belongs to
                if parse.portfolio and not later_words:
                    break
                kept_end = e_end
                kinds.append(kind)
                continue
            kept_end = e_end
            kinds.append(kind)
        # a trailing country qualifies the title, it is not part of it ("Perdana Menteri Kamboja")
        kept = [e for e in elements if e[1] <= kept_end and e[2] != "paren"]
        has_post = any(self.doc[i].text.lower() in self.t.post_words for i in range(end, kept_end))
        while kept and kept[-1][2] == "country" and not has_post:
            kept.pop()
            kept_end = kept[-1][1] if kept else end
        parse.text_end = kept_end
        word_regions = [(s, e) for s, e, kind in elements if kind == "word" and e <= kept_end]
        self.title_regions.extend(word_regions)

    def _enumeration_ahead(self, j: int) -> bool:
        """After a comma inside a title: "Asia, Pasifik, dan Afrika"."""
        stop = min(self.n, j + 8)
        while j < stop:
            text = self.doc[j].text
            if text in self.t.enumeration_end:
                return True
            if text == ",":
                j += 1
                continue
            end = self._title_word_end(j)
            if end > j:
                j = end
                continue
            return False
        return False

    def _paren_end(self, j: int) -> int | None:
        """The token after ")" when "(...)" holds a short acronym or name (Menlu), else None."""
        for k in range(j + 1, min(self.n, j + 6)):
            text = self.doc[k].text
            if text == ")":
                return k + 1 if k > j + 1 else None
            if not (is_cap(self.doc[k]) or text in ("dan", "/", "-")):
                return None
        return None

    def _title_info(self, rule: Rule, parse: TitleParse, start: int) -> tuple[str, str | None, str | None]:
        """Title text, agency name and country of a parsed title."""
        doc = self.doc
        title = doc_text(doc)[doc[start].idx:doc[parse.text_end - 1].idx + len(doc[parse.text_end - 1].text)]
        agency_name: str | None = None
        agency_country: str | None = None
        derived = self._ministry_of(title)
        if derived is not None:  # the ministry the title names: "Menteri Imigrasi dan Pemasyarakatan"
            agency_name, agency_country = derived
        elif parse.agency is not None:
            attrs = parse.agency._.attrs or {}
            agency_name = attrs.get("name") or parse.agency.text
            agency_country = attrs.get("country")
        elif rule.get("agency") and str(rule.get("agency")) in self.t.agency_by_form:
            agency_name, agency_country = self.t.agency_by_form[str(rule.get("agency"))]
        foreign = [str((a._.attrs or {}).get("country")) for a in parse.agencies
                   if (a._.attrs or {}).get("country") not in (None, self.t.default_country)]
        country = parse.country or (foreign[0] if foreign else None) or agency_country or rule.get("country")
        return title, agency_name, country

    def _ministry_of(self, title: str) -> tuple[str, str | None] | None:
        """"Menteri Sosial" -> Kementerian Sosial, when that ministry is in agencies.yaml."""
        for prefix, body in (("Menteri ", "Kementerian "), ("Wakil Menteri ", "Kementerian ")):
            if title.startswith(prefix):
                return self.t.agency_by_form.get(body + title[len(prefix):])
        return None

    def title_mentions(self) -> list[Found]:
        """People named right after (or right before) a title."""
        found: list[Found] = []
        consumed = -1
        for start in sorted(self.title_at):
            if start < consumed:
                continue
            end, rule = self.title_at[start]
            if self.ents[start] is not None:
                continue
            end = self._cut_at_entity(start, end)
            parse = self._parse_title(start, end)
            complete = bool(rule.get("complete"))
            if not complete and parse.agency is None and not parse.portfolio:
                continue
            title, agency, country = self._title_info(rule, parse, start)
            consumed = max(parse.text_end, parse.chain_end)
            if parse.name is not None:
                s, e = parse.name
                tokens = self.doc[s:e].text.split()
                if self._is_author(tokens):
                    continue
                found.append(Found(s, e, rule, tokens, title, country, agency, parse.rank,
                                   uncertain=self.titlecase[s]))
                consumed = e
                alias = self._alias_after(e)
                if alias is not None:
                    found.append(Found(alias[0], alias[1], self.t.grammar.get("alias", rule),
                                       [self.doc[i].text for i in range(*alias)], alias_of=" ".join(tokens)))
            else:
                after = self._name_after_body(parse.chain_end)
                if after is not None:
                    s, e = after
                    tokens = self.doc[s:e].text.split()
                    if not self._is_author(tokens):
                        found.append(Found(s, e, rule, tokens, title, country, agency, parse.rank))
                        consumed = e
                    continue
                before = self._name_before(start)
                if before is not None and "appositive" in self.t.grammar:
                    s, e = before
                    tokens = self.doc[s:e].text.split()
                    if not self._is_author(tokens):
                        found.append(Found(s, e, self.t.grammar["appositive"], tokens, title, country, agency))
        return found

    def _cut_at_entity(self, start: int, end: int) -> int:
        """A title match that runs into an entity stops before it ("Kepala" + AGENCY "Divisi Hubungan
        Internasional"): the entity is then read as the title's agency."""
        for i in range(start + 1, end):
            ent = self.ents[i]
            if ent is not None and ent.start == i and ent.end > end:
                return i
        return end

    def _name_after_body(self, j: int) -> tuple[int, int] | None:
        """"Kepala Sekretariat Task Force on Fraud (TFF) Laos, Som Vanna, menyebut": the name between commas
        after the capitalized name of the body the title continues with."""
        doc = self.doc
        stop = min(self.n, j + 14)
        caps = 0
        k = j
        while k < stop:
            text = doc[k].text
            if text == ",":
                break
            if is_cap(doc[k]) and not self.titlecase[k]:
                caps += 1
            elif not (text in self.t.english_joiners or text in self.t.connectors or text in ("(", ")", "-")):
                return None
            k += 1
        if k >= stop or caps == 0 or k + 1 >= self.n:
            return None
        name = self._name_run(k + 1)
        if name is None or name[1] - name[0] < 2 or name[1] >= self.n:
            return None
        nxt = doc[name[1]]
        if nxt.text != "," and not (nxt.is_lower and nxt.is_alpha):
            return None
        return name

    def _alias_after(self, e: int) -> tuple[int, int] | None:
        """"Joko Widodo atau Jokowi", "Dedi Mulyadi atau yang akrab disapa Kang Dedi": the alias after an
        official's name (one word after ``alias_words``, up to three after ``alias_phrases``)."""
        doc = self.doc
        if e < self.n and doc[e].text == ",":
            e += 1
        if e >= self.n:
            return None
        first = doc[e].text
        for phrase in self.t.alias_phrases:
            if first == phrase[0] and [t.text for t in doc[e:e + len(phrase)]] == phrase:
                k = e + len(phrase)
                end = k
                while end < self.n and end - k < 3 and self.ents[end] is None and is_cap(doc[end]) \
                        and doc[end].is_alpha and doc[end].text not in self.t.not_name:
                    end += 1
                return (k, end) if end > k else None
        if e + 1 < self.n and doc[e].text in self.t.alias_words:
            k = e + 1
        elif e + 2 < self.n and doc[e].text == "(" and doc[e + 2].text == ")":
            k = e + 1
        else:
            return None
        token = doc[k]
        if self.ents[k] is not None or not is_cap(token) or token.text in self.t.not_name or not token.is_alpha:
            return None
        if k + 1 < self.n and is_cap(doc[k + 1]) and doc[k + 1].is_alpha:
            return None
        return (k, k + 1)

    def _name_before(self, start: int) -> tuple[int, int] | None:
        """"Judha Nugraha, Direktur ...": a name ending right before ", TITLE"."""
        doc = self.doc
        if start < 2 or not (doc[start - 1].text == "," or doc[start - 1].text in self.t.appositive_words):
            return None
        marker = doc[start - 1].text != ","
        e = start - 1
        s = e
        while s > 0 and e - s < self.t.max_name:
            token = doc[s - 1]
            if self.ents[s - 1] is not None or token.text in self.t.not_name or not _NAME_TOKEN.match(token.text) \
                    or (s - 1) in self.title_at or (s - 1) in self.rank_at or token.text.isupper():
                break
            s -= 1
        if s == e or self.titlecase[s]:
            return None
        if s > 0 and is_cap(doc[s - 1]) and not sentence_start(doc, s - 1):
            return None
        if e - s < 2 and not (marker and e - s == 1 and doc[s].text not in self.t.weak):
            return None  # one capitalized word before a comma is too weak a name
        return (s, e)

    # --- well-known people ------------------------------------------------------------------------------

    def person_mentions(self) -> list[Found]:
        found: list[Found] = []
        for start, (end, rule) in self.person_at.items():
            if any(self.ents[i] is not None or i in self.byline for i in range(start, end)):
                continue
            tokens = [self.doc[i].text for i in range(start, end)]
            full = str(rule.get("name") or " ".join(tokens))
            if tokens != full.split() and not self._free_boundaries(start, end):
                continue
            found.append(Found(start, end, rule, full.split(), None, rule.get("country"),
                               alias_of=full if tokens != full.split() else None))
        return found

    def _name_like(self, i: int) -> bool:
        """Could token ``i`` be part of a longer name (a capitalized word mid-sentence, not a title)?"""
        token = self.doc[i]
        return (is_cap(token) and token.is_alpha and token.text not in self.t.not_name
                and self.ents[i] is None and i not in self.title_at and i not in self.rank_at
                and i not in self.honor_at and not sentence_start(self.doc, i))

    def _free_boundaries(self, start: int, end: int) -> bool:
        """A short name must not be glued to other name words ("Hun" of "Hun Sen")."""
        if start > 0 and self._name_like(start - 1):
            return False
        if end < self.n and not self.titlecase[start] and self._name_like(end):
            return False
        return True

    # --- clustering and coreference ------------------------------------------------------------------------

    def cluster(self, found: list[Found]) -> tuple[list[Person], list[tuple[Found, Person]]]:
        persons: list[Person] = []
        members: list[tuple[Found, Person]] = []
        for f in found:
            if f.tokens:
                f.tokens[-1] = self.unglue(f.tokens[-1])
            known = self.t.known.get(" ".join(f.tokens))
            if f.alias_of is None and known is not None and known[0] != " ".join(f.tokens):
                f.alias_of = known[0]
        ordered = sorted(found, key=lambda f: (f.uncertain, f.alias_of is not None, f.start))
        for f in ordered:
            if f.uncertain and not self._trim_uncertain(f, persons):
                continue
            if f.alias_of is not None:
                person = self._find_person(persons, f.alias_of.split())
                if person is None:
                    person = self._new_person(persons, f.alias_of.split())
                    self._absorb(person, f)
                if f.tokens != person.tokens:
                    person.aliases.add(" ".join(f.tokens))
                members.append((f, person))
                continue
            person = self._find_person(persons, f.tokens)
            if person is None:
                person = self._new_person(persons, f.tokens)
            elif len(f.tokens) > len(person.tokens):
                person.tokens = list(f.tokens)
            self._absorb(person, f)
            members.append((f, person))
        for person in persons:
            known = self.t.known.get(person.name)
            if person.country is None and known is not None:
                person.country = known[1]
        members += self._aliases_first(persons, members)
        # person ids in order of first mention
        first: dict[int, int] = {}
        for _, person in sorted(members, key=lambda m: m[0].start):
            first.setdefault(id(person), len(first) + 1)
        for person in persons:
            person.pid = f"P{first.get(id(person), 0)}"
        return persons, members

    def _aliases_first(self, persons: list[Person], members: list[tuple[Found, Person]]) -> list[tuple[Found, Person]]:
        """"Cak Imin, sapaan akrab Muhaimin": the alias before the phrase names a person of the article."""
        rule = self.t.grammar.get("alias")
        if rule is None or self.t.alias_first is None or not persons:
            return []
        text = doc_text(self.doc)
        if not any(word in text for word in self.t.alias_first_words):
            return []
        taken = {i for f, _ in members for i in range(f.start, f.end)}
        out: list[tuple[Found, Person]] = []
        doc = self.doc
        for m in self.t.alias_first.finditer(text, timeout=REGEX_TIMEOUT):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None:
                continue
            comma, after = span.start, span.end
            name = self._name_run(after) if after < self.n else None
            if name is None:
                continue
            person = self._find_person(persons, [doc[i].text for i in range(*name)])
            s = comma
            while s > 0 and comma - s < 3 and is_cap(doc[s - 1]) and doc[s - 1].is_alpha and self.ents[s - 1] is None \
                    and doc[s - 1].text not in self.t.not_name:
                s -= 1
            if person is None or s == comma or any(i in taken for i in range(s, comma)):
                continue
            alias = [doc[i].text for i in range(s, comma)]
            if alias != person.tokens:
                person.aliases.add(" ".join(alias))
            out.append((Found(s, comma, rule, alias, alias_of=person.name), person))
            taken.update(range(s, comma))
        return out

    @cached_property
    def orth(self) -> Any:
        """The token texts' hashes, to count a word's occurrences in one vectorized pass."""
        return self.doc.to_array("ORTH")

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

    def _trim_uncertain(self, f: Found, persons: list[Person]) -> bool:
        """On a headline, keep the longest start of the run that is (part of) the name of a person of the
        article ("Menlu Sugiono Bahas ..." -> Sugiono), else a first word the body writes as a name;
        a headline name nobody else mentions may be a headline verb ("Menteri Pimpin ...")."""
        for k in range(len(f.tokens), 0, -1):
            prefix = f.tokens[:k]
            hits = [p for p in persons if _contains(p.tokens, prefix) or " ".join(prefix) in p.aliases]
            if len(hits) == 1:
                f.tokens = prefix
                f.end = f.start + k
                return True
        if f.tokens and self._body_name(f.tokens[0]):
            f.tokens = f.tokens[:1]
            f.end = f.start + 1
            return True
        return False

    def _body_name(self, word: str) -> bool:
        """Is ``word`` capitalized mid-sentence outside headlines somewhere (so the capital marks a name)?"""
        if not (word[:1].isupper() and word.isalpha()) or word in self.t.not_name:
            return False
        doc = self.doc
        for i in numpy.flatnonzero(self.orth == doc.vocab.strings[word]).tolist():
            if i > 0 and not self.titlecase[i] and not sentence_start(doc, i) \
                    and not (i + 1 < self.n and doc[i + 1].text == ")"):  # not "(Menteri Imipas)"
                return True
        return False

    def _find_person(self, persons: list[Person], tokens: list[str]) -> Person | None:
        key = " ".join(tokens)
        hits = [p for p in persons
                if _contains(p.tokens, tokens) or _contains(tokens, p.tokens) or key in p.aliases]
        return hits[0] if len(hits) == 1 else None

    @staticmethod
    def _new_person(persons: list[Person], tokens: list[str]) -> Person:
        person = Person(tokens=list(tokens), pid="")
        persons.append(person)
        return person

    @staticmethod
    def _absorb(person: Person, f: Found) -> None:
        if f.title and (person.title is None or len(f.title) > len(person.title)):
            person.title = f.title
            person.country = f.country or person.country
            person.agency = f.agency or person.agency
        if f.country and person.country is None:
            person.country = f.country
        if f.agency and person.agency is None:
            person.agency = f.agency
        if f.rank and person.rank is None:
            person.rank = f.rank

    def corefs(self, persons: list[Person], members: list[tuple[Found, Person]]) -> list[tuple[Found, Person]]:
        """Later (or earlier) short names, surnames and aliases of the article's people."""
        rule = self.t.grammar.get("coref")
        if rule is None or not persons:
            return []
        covered = [False] * self.n
        for ent in self.ent_list:
            covered[ent.start:ent.end] = [True] * (ent.end - ent.start)
        for i in self.byline:
            covered[i] = True
        for f, _ in members:
            covered[f.start:f.end] = [True] * (f.end - f.start)
        forms: dict[str, list[tuple[list[str], Person]]] = {}
        owners: dict[str, set[int]] = {}
        for person in persons:
            for seq in self._forms(person):
                key = " ".join(seq)
                owners.setdefault(key, set()).add(id(person))
                forms.setdefault(seq[0], []).append((seq, person))
        for alternatives in forms.values():
            alternatives.sort(key=lambda o: -len(o[0]))
        out: list[tuple[Found, Person]] = []
        doc = self.doc
        free = 0  # tokens before this one are taken by an earlier mention
        for i in self._coref_candidates(forms):
            if i < free:
                continue
            word = doc[i].text
            options = forms.get(word)
            if options is None:
                if len(word) >= 7 and word[:1].isupper() and word.isalpha():
                    glued = [o for o in forms.get(self.unglue(word), []) if len(o[0]) == 1]
                    if glued and not covered[i] and len(owners[glued[0][0][0]]) == 1 \
                            and self._free_boundaries(i, i + 1):
                        out.append((Found(i, i + 1, rule, list(glued[0][0])), glued[0][1]))
                        covered[i] = True
                continue
            hit = None
            if not covered[i]:
                for seq, person in options:
                    end = i + len(seq)
                    if end <= self.n and [t.text for t in doc[i:end]] == seq and not any(covered[i:end]) \
                            and len(owners[" ".join(seq)]) == 1 and self._free_boundaries(i, end):
                        hit = (end, seq, person)
                        break
            if hit is None:
                continue
            end, seq, person = hit
            out.append((Found(i, end, rule, list(seq)), person))
            for k in range(i, end):
                covered[k] = True
            free = end
        return out

    def _coref_candidates(self, forms: dict[str, list[tuple[list[str], Person]]]) -> list[int]:
        """Tokens where a form of a person's name starts: the form itself (found by hash, vectorized), or a
        long capitalized word beginning with a one-word form ("Marsudirapat", glued by a lost space)."""
        doc = self.doc
        strings = doc.vocab.strings
        found: set[int] = set()
        for word in forms:
            found.update(numpy.flatnonzero(self.orth == strings[word]).tolist())
        text = doc_text(doc)
        token_starts: Any = None
        for word, options in forms.items():
            if not any(len(seq) == 1 for seq, _ in options):
                continue
            at = text.find(word)
            while at >= 0:
                after = at + len(word)
                if after < len(text) and text[after].islower() and (at == 0 or not text[at - 1].isalnum()):
                    if token_starts is None:
                        token_starts = doc.to_array("IDX")
                    i = int(numpy.searchsorted(token_starts, at))
                    if i < self.n and int(token_starts[i]) == at:
                        found.add(i)
                at = text.find(word, after)
        return sorted(found)

    def _forms(self, person: Person) -> list[list[str]]:
        """Every contiguous part of the name that can stand for the person, and the aliases."""
        tokens = person.tokens
        allowed = self.t.short_forms.get(person.name)
        seqs: list[list[str]] = []
        for size in range(len(tokens), 0, -1):
            for s in range(len(tokens) - size + 1):
                seq = tokens[s:s + size]
                if size == 1 and allowed is not None and seq[0] not in allowed:
                    continue  # "Joko" alone is not how news names Joko Widodo
                if size == 1 and (seq[0] in self.t.weak or len(seq[0]) < 3 or seq[0] in self.t.not_name
                                  or seq[0] in self.t.particles or not seq[0][0].isupper()):
                    continue
                if seq[0] in self.t.particles or seq[-1] in self.t.particles:
                    continue
                seqs.append(seq)
        seqs += [alias.split() for alias in person.aliases]
        return seqs

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


def _split_glued(doc: Doc, glued: dict[int, int]) -> None:
    """Split tokens where a name runs into the next word ("Marsudirapat" -> "Marsudi" + "rapat"), so the
    mention ends where the name does. The Doc's layer is invalidated (its facts are token-indexed)."""
    with doc.retokenize() as retokenizer:
        for i, size in glued.items():
            token = doc[i]
            retokenizer.split(token, [token.text[:size], token.text[size:]], heads=[(token, 1), (token, 1)])
    invalidate(doc)


@Language.factory("warta_officials", default_config={"rules": []})
def make_officials(nlp: Language, name: str, rules: list[str]) -> OfficialTagger:
    """``rules``: folders layered over the built-in rules when the component is used alone."""
    return with_rule_dirs(OfficialTagger(nlp, name), rules)
