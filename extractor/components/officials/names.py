"""Person-name grammar of the officials component: the capitalized run after a title, a name before
", TITLE", a name between commas after a body, an alias after a name, and well-known people."""

from __future__ import annotations

from ..naming import is_cap, sentence_start
from .persons import Found
from .state import CAMEL, INITIAL, NAME_TOKEN, DocState


class NameGrammar(DocState):
    """Where a person's name starts and ends around a title."""

    def _name_run(self, k: int) -> tuple[int, int] | None:
        """The capitalized name starting at ``k`` (with particles and initials), if any."""
        doc, t = self.doc, self.t
        i = k
        tokens = 0
        while i < self.n and tokens < t.max_name:
            token = doc[i]
            text = token.text
            if self.ents[i] is not None or text in t.not_name or i in self.rank_at \
                    or (i in self.title_at and not (i == k and self.title_at[i][1].get("name_part"))):
                break  # a title word that is also a first name may start a name: "Wali Kota X, Ratu Dewa"
            if CAMEL.search(text):
                break  # "MigranIndonesia": two words glued, not a name
            if NAME_TOKEN.match(text) or INITIAL.match(text):
                if text.isupper() and len(text) > 1 and not INITIAL.match(text) and \
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

    def _vocabulary_word(self, j: int) -> bool:
        """A title word from the YAML vocabulary (not merely an acronym, which may end a name: "Mahfud MD")."""
        return j in self.word_at or self.doc[j].text in self.t.single_title_words

    def _bare_name(self, s: int, e: int) -> bool:
        """Can ``doc[s:e]`` only be a person's name? Two to four capitalized name words or initials, none a
        title word, an acronym, an entity or a word never in names."""
        doc, t = self.doc, self.t
        return 2 <= e - s <= 4 and e <= self.n and all(
            (NAME_TOKEN.match(doc[i].text) or INITIAL.match(doc[i].text)) and self.ents[i] is None
            and not (doc[i].text.isupper() and len(doc[i].text) > 1) and doc[i].text not in t.not_name
            and not self._vocabulary_word(i) and i not in self.title_at and not self.titlecase[i] for i in range(s, e))

    def bracketed_name(self, chain_end: int) -> tuple[int, int] | None:
        """"Ketua Umum (Bagas Wirawan)": a bare name in the brackets closing a title that named no one."""
        doc = self.doc
        if 0 < chain_end <= self.n and doc[chain_end - 1].text == ")":
            for o in range(chain_end - 2, max(chain_end - 7, -1), -1):
                if doc[o].text == "(":
                    initials = "".join(doc[i].text[0] for i in range(o + 1, chain_end - 1))
                    if o > 0 and doc[o - 1].text.upper() == initials.upper():
                        return None  # "ATRC (Advanced Technology Research Council)": the acronym spelled out
                    return (o + 1, chain_end - 1) if self._bare_name(o + 1, chain_end - 1) else None
        return None

    def _caps_name(self, k: int) -> tuple[int, int] | None:
        """"PAK GUBERNUR HENDRA WIJAYA!": after a title in capitals, two or three words in capitals that end at
        punctuation or the text's end (a longer run may be the rest of a shouted sentence)."""
        doc, t = self.doc, self.t
        i = k
        while i < self.n and i - k < 3 and doc[i].is_alpha and doc[i].text.isupper() and len(doc[i].text) >= 2 \
                and self.ents[i] is None and doc[i].text.title() not in t.not_name and i not in self.title_at \
                and i not in self.rank_at and doc[i].text.lower() not in t.connectors:
            i += 1
        if i - k < 2 or (i < self.n and (doc[i].is_alpha or doc[i].is_digit)):
            return None
        return (k, i)

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
            if token.text in self.t.nickname_prefixes and self.ents[k + 1] is None \
                    and not (k + 2 < self.n and is_cap(doc[k + 2])):
                return (k, k + 2)  # "atau Cak Imin", "alias Gus Fauzi"
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
            if self.ents[s - 1] is not None or token.text in self.t.not_name or not NAME_TOKEN.match(token.text) \
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

    def read_ranks(self, k: int) -> tuple[int, list[str]]:
        """Ranks and honorifics at ``k`` ("Brigjen Pol", "Kolonel Laut (P)", "Letjen TNI (Purn)"): where they
        end and the ranks as written. Rank suffixes (Polisi, TNI) and no-break spaces join the rank."""
        doc, t = self.doc, self.t
        ranks: list[str] = []
        while k < self.n and (k in self.rank_at or k in self.honor_at):
            if k in self.rank_at:
                r_end = self.rank_at[k][0]
                words = [doc[i].text for i in range(k, r_end)]
                k = r_end
                while k + 1 < self.n and (doc[k].is_space or doc[k].text in t.rank_suffixes) \
                        and (doc[k + 1].text in t.rank_suffixes or doc[k].text in t.rank_suffixes):
                    if not doc[k].is_space:
                        words.append(doc[k].text)
                    k += 1
                ranks.append(" ".join(words))
                if k + 2 < self.n and doc[k].text == "(" and doc[k + 2].text == ")" and len(doc[k + 1].text) <= 3:
                    k += 3  # a corps code after a rank: "Kolonel Laut (P)"
            else:
                k = self.honor_at[k][0]
            while k < self.n and doc[k].is_space:
                k += 1
        return k, ranks

    def rank_mentions(self, taken: set[int]) -> list[Found]:
        """"Komjen Rudi Hartono mengatakan": a rank that names an official on its own (rule field ``alone``)
        before a name, where no title did."""
        found: list[Found] = []
        after = -1
        for start in sorted(self.rank_at):
            end, rule = self.rank_at[start]
            if start < after or start in taken or not rule.get("alone") or self.ents[start] is not None:
                continue
            k, ranks = self.read_ranks(start)
            if any(self.doc[x].text in self.t.rank_not_after for x in range(max(0, start - 2), start)):
                after = k  # "Jl. Mayor Jenderal Sungkono": the whole run of ranks is the street's
                continue
            if k >= self.n or not is_cap(self.doc[k]) or self.titlecase[k]:
                continue
            name = self._name_run(k)
            if name is None:
                continue
            s, e = name
            tokens = self.doc[s:e].text.split()
            if s not in taken and not self._is_author(tokens):
                found.append(Found(s, e, rule, tokens, country=self._country_before(start), rank=" ".join(ranks)))
                after = e
        return found

    def _country_before(self, i: int) -> str | None:
        """"junta Myanmar, Mayor Jenderal Zaw Min Tun", "tentara AS Jenderal ...": the country right before a
        rank, after a common noun or before a comma, is the one the officer serves (not after a body's name:
        "KBRI Kamboja Kolonel Rizal" serves the embassy's country)."""
        comma = i > 0 and self.doc[i - 1].text == ","
        j = i - 1 if comma else i
        ent = self.ents[j - 1] if j > 0 else None
        if ent is None or ent.label_ != "COUNTRY" or ent.end != j \
                or not (comma or (ent.start > 0 and self.doc[ent.start - 1].is_lower)):
            return None
        code = (ent._.attrs or {}).get("code")
        return str(code) if code else None

    def body_after_head(self, j: int) -> int:
        """Where the name of a company, party or hospital beginning with a head word at ``j`` ends inside a
        title: after its bracketed acronym, else at the end of its capitalized words (a name run on with no
        mark between is read as the body's, so no person is guessed from it, unless the body's whole name is
        known: ``body_names``). ``j`` when no head is at ``j``."""
        doc = self.doc
        for head in self.t.body_heads:
            if [x.text for x in doc[j:j + len(head)]] != head:
                continue
            k = j + len(head)
            known = next((j + len(name) for name in self.t.body_names
                          if [x.text for x in doc[j:j + len(name)]] == name), None)
            if known is not None:
                k = known  # "Partai Golkar Agung Laksono": a known body's name ends where it does
            while known is None and k < self.n and k - j < 8 and is_cap(doc[k]) and self.ents[k] is None \
                    and k not in self.rank_at and k not in self.title_at:
                k += 1
            if k < self.n and doc[k].text == "(":
                for close in range(k + 1, min(self.n, k + 5)):
                    if doc[close].text == ")":
                        return close + 1
            return k
        return j
