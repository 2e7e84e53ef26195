"""Title grammar of the officials component: what continues a title (portfolio words, the agency, a
country, parentheses) and where the name after it starts."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from ...doc import doc_text
from ...rules import Rule
from ..naming import enumeration_ahead, is_acronym, is_cap
from .names import NameGrammar
from .persons import Found
from .state import PLACE


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
    private: bool = False  # the title's body is a company or club
    shouted: bool = False  # the title and name are written in capitals



class TitleGrammar(NameGrammar):
    """Titles and the people named right after (or right before) them."""

    shouting = False  # parsing a title written in capitals: a word in capitals is no acronym there

    def _title_word_end(self, j: int) -> int:
        """End of a title word (or phrase) starting at ``j``, or ``j``."""
        end = j
        hit = self.word_at.get(j)
        if hit is not None:
            end = hit[0]
        text = self.doc[j].text
        if end == j and (text in self.t.single_title_words or
                         (is_acronym(text) and text.isupper() and len(text) <= 6 and text not in self.t.not_name
                          and not self.shouting)):
            end = j + 1
        return end

    def _parse_title(self, start: int, end: int) -> TitleParse:
        """Read the title's continuation after ``doc[start:end]`` and the name that follows."""
        doc, ents, t = self.doc, self.ents, self.t
        parse = TitleParse(text_end=end)
        self.shouting = doc[start].text.isupper() and len(doc[start].text) > 3
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
            text = token.text
            if text in t.private_bodies and not self.titlecase[j]:
                parse.private = True  # "Direktur PT ...": the head of a company is no official
                break
            if text in t.title_modifiers and (j == end or elements):
                j += 1  # "presiden terguling Madagaskar", "Gubernur baru The Fed"
                continue
            if text in t.body_head_starts and not self.titlecase[j]:
                body = self.body_after_head(j)
                if body > j:  # "Partai Kebangkitan Bangsa (PKB)", "Rumah Sakit Calmette"
                    opening = next((x for x in range(j, body) if doc[x].text == "("), body)
                    elements.append((j, opening, "word"))
                    if opening < body:
                        elements.append((opening, body, "paren"))
                    self._country_ending(parse, j, body)
                    j = body
                    run = self._name_run(j) if j < self.n and is_cap(doc[j]) else None
                    if run is not None and run[1] - run[0] >= 2:
                        # a name of two words or more after a known body: "Partai Golkar Agung Laksono"; a
                        # portfolio opened by a connector stays the title's ("Golkar Bidang Ekonomi Budi Santoso")
                        k = run[0]
                        if doc[k].text.lower() in t.connectors:
                            k += 1
                            while run[1] - k > 2 and self._vocabulary_word(k):
                                k += 1
                        if k > j:
                            elements.append((j, k, "word"))
                            j = k
                        break
                    continue
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
                                                            (following is not None and following.label_ in PLACE)
                                                            or bool(self._unknown_title_words(j + 1))):
                j += 1
                continue
            if text == "," and enumeration_ahead(lambda k: doc[k].text, self.n, j + 1, t.enumeration_end,
                                                 self._title_word_end):
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
        if k < self.n and doc[k].text in t.title_name_marks:
            k += 1  # "Ketua Bawaslu, Muhammad", "Mendikbud: Wardiman"
            k = self._place_between(k) if elements else k
        k, ranks = self.read_ranks(k)
        if k < self.n and is_cap(doc[k]):
            parse.name = self._name_run(k)
            if parse.name is None and self.shouting:
                parse.name = self._caps_name(k)  # "MOHON BANTUAN PAK GUBERNUR HENDRA WIJAYA"
                parse.shouted = parse.name is not None
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
            if parse.name is not None and parse.name[1] - parse.name[0] == 1 and not ranks \
                    and self.title_at[start][1].get("place_post") and doc[parse.name[0]].text in t.cities:
                parse.name = None  # "wali kota Antananarivo": the post's city, not a person
        parse.rank = " ".join(ranks) or None
        return parse

    def _country_ending(self, parse: TitleParse, start: int, end: int) -> None:
        """"Partai Komunis China": a country ending a body's name inside the title is the official's country."""
        ent = self.ents[end - 1]
        if parse.country is None and ent is not None and ent.label_ == "COUNTRY" and ent.start >= start \
                and ent.end == end and (ent._.attrs or {}).get("code"):
            parse.country = str((ent._.attrs or {}).get("code"))

    def _place_between(self, k: int) -> int:
        """"Ketua DPRD Bantaeng, Sulawesi Selatan (Sulsel), Budi Santoso": a place between commas after the
        title is skipped to reach the name (``k`` when there is none)."""
        ent = self.ents[k] if k < self.n else None
        if ent is None or ent.start != k or ent.label_ not in PLACE:
            return k
        j = ent.end
        if j < self.n and self.doc[j].text == "(":
            j = self._paren_end(j) or j
        return j + 1 if j + 1 < self.n and self.doc[j].text == "," else k

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
        if (nxt is not None and nxt.start == after and nxt.label_ in ("AGENCY", *PLACE)) or after in self.rank_at \
                or self._vocabulary_word(after) or short_title:
            if paren is not None:
                return [(j, paren[0], "word"), (paren[0], paren[1], "paren")]
            return [(j, after, "word")]
        return []

    def _skip_post(self, k: int) -> int:
        """After "di"/"pada": an agency, a place or up to three lower-case words ("di kementerian koordinator")."""
        ent = self.ents[k] if k < self.n else None
        if ent is not None and ent.label_ in ("AGENCY", *PLACE) and ent.start == k:
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
            if parse.private:
                consumed = max(parse.text_end, parse.chain_end)
                continue
            complete = bool(rule.get("complete"))
            if not complete and parse.agency is None and not parse.portfolio:
                after = self._name_after_body(parse.chain_end) or self.bracketed_name(parse.chain_end)
                if after is not None and after[0] - parse.chain_end <= 6:
                    s, e = after
                    found.append(Found(s, e, rule, self.doc[s:e].text.split(), self.doc[start:end].text))
                    consumed = e
                continue
            title, agency, country = self._title_info(rule, parse, start)
            consumed = max(parse.text_end, parse.chain_end)
            if parse.name is not None:
                s, e = parse.name
                tokens = self.doc[s:e].text.split()
                if self._is_author(tokens):
                    continue
                found.append(Found(s, e, rule, tokens, title, country, agency, parse.rank,
                                   uncertain=self.titlecase[s] and not parse.shouted))
                consumed = e
                alias = self._alias_after(e)
                if alias is not None:
                    found.append(Found(alias[0], alias[1], self.t.grammar.get("alias", rule),
                                       [self.doc[i].text for i in range(*alias)], alias_of=" ".join(tokens)))
            else:
                after = self._name_after_body(parse.chain_end) or self.bracketed_name(parse.chain_end)
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
        return found + self.rank_mentions({i for f in found for i in range(f.start, f.end)} | self.title_tokens())

    def title_tokens(self) -> set[int]:
        """Tokens a title word or phrase covers."""
        return {i for s, (e, _) in self.title_at.items() for i in range(s, e)}

    def _cut_at_entity(self, start: int, end: int) -> int:
        """A title match that runs into an entity stops before it ("Kepala" + AGENCY "Divisi Hubungan
        Internasional"): the entity is then read as the title's agency."""
        for i in range(start + 1, end):
            ent = self.ents[i]
            if ent is not None and ent.start == i and ent.end > end:
                return i
        return end

