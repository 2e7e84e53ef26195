"""Unknown bodies by grammar: a head word (Kementerian, Badan, Department ...) and the name words that
continue it (``agency.generic``)."""

from __future__ import annotations

from typing import Any

from ..naming import enumeration_ahead, is_acronym, is_cap, is_roman
from .candidates import PLACE_LABELS, Candidate, DocView, longest_candidates
from .phrases import AgencyState


class GenericNames(AgencyState):
    """The generic-name grammar."""

    def _generic_candidates(self, view: DocView, heads: dict[int, int],
                            excluded: list[tuple[int, int]]) -> list[Candidate]:
        found: list[Candidate] = []
        if self.generic_rule is None:
            return found
        doc, ents = view.doc, view.ents
        excluded_starts = {start for start, _ in excluded}
        named_by_end = {c.end: c for c in view.named_at.values()}
        for start, head_end in heads.items():
            if start in excluded_starts:
                continue  # "Badan Hukum Indonesia": a kind of organisation, not a body
            while head_end in heads:  # a compound head: "Satgas Gabungan ...", "Direktorat Jenderal ..."
                head_end = heads[head_end]
            end = self._extend_generic(view, head_end, start)
            if end <= head_end:
                continue
            attrs: dict[str, Any] = {"name": doc[start:end].text, "kind": "generic"}
            cand = Candidate(start, end, self.generic_rule, attrs)
            inner = named_by_end.get(end)
            if inner is not None and inner.start > start:
                # "Direktorat Tindak Pidana Umum Bareskrim Polri": the named body's state
                attrs["country"] = inner.attrs.get("country")
            elif any(doc[i].text in self.open_connectors for i in range(head_end, end)) or \
                    (end == head_end + 1 and self._unknown(doc[head_end])):
                # an English name in Indonesian news ("Department of Justice"), or a head and one unknown
                # word, most often a place ("Kepolisian Mondulkiri"): the country is not known
                attrs["country"] = None
            last = ents[end - 1]
            if last is not None and last.label_ == "COUNTRY" and last.start > start:
                code = (last._.attrs or {}).get("code")
                if code:
                    attrs["country"] = code
                    cand.country_written = True
                if last.start - start > 1:
                    attrs["name"] = doc[start:last.start].text
            if last is not None and last.label_ == "LOCATION" and last.end == end \
                    and not str(last._.rule or "").startswith(self.home_location_rules):
                attrs["country"] = None  # "Kepolisian Poipet": a place abroad, country unknown
                cand.country_written = True
            found.append(cand)
        return longest_candidates(found)

    def _unknown(self, token: Any) -> bool:
        """A capitalized word the agency data does not know."""
        return token.text not in self.name_words and not is_acronym(token.text) and not is_roman(token.text)

    def _glued(self, text: str) -> bool:
        """A name word or acronym glued to the next lower-case word by a broken page ("Negerimenyebut", "RIpada")."""
        return any((text[:i] in self.name_words or (i >= 2 and text[:i].isupper())) and text[i:].islower()
                   for i in range(2, len(text) - 2))

    def _continues(self, view: DocView, j: int, start: int) -> bool:
        """May the capitalized word at ``j`` continue an unknown agency name begun at ``start``?

        Listed name words and acronyms may; any other capitalized word may too, unless it is a title or
        rank, a head word, a name breaker or sits on a headline line, and unless the next word is another
        unknown capitalized word (two in a row are more likely a person: "Badan Narkotika Nasional Marthinus
        Hukom").
        """
        doc = view.doc
        text = doc[j].text
        if text in self.name_words:
            return True
        if self._glued(text) or (j > 0 and not doc[j - 1].whitespace_ and doc[j - 1].is_alpha):
            return False  # glued on, or cut off a word it was glued to ("NegeriSebanyak"): the text went on
        if is_acronym(text) and text not in self.stop_words:
            return True
        if not is_cap(doc[j]) or view.titlecase[j] or text in self.stop_words or text in self.head_words \
                or text in self.name_breakers or j in view.named_at:
            return False
        n = len(doc)
        if j + 1 >= n:
            return False
        nxt = doc[j + 1]
        nxt_ent = view.ents[j + 1]
        if nxt.text in self.name_words or (nxt_ent is not None and nxt_ent.label_ == "COUNTRY"):
            return True
        return not is_cap(nxt) or nxt.text in self.connectors or j + 1 - start >= self.max_generic

    def _name_word_end(self, view: DocView, j: int, start: int) -> int:
        """``j + 1`` when the word at ``j`` continues the name begun at ``start`` (a head word does not), else ``j``."""
        return j + 1 if view.doc[j].text not in self.head_words and self._continues(view, j, start) else j

    def _extend_generic(self, view: DocView, j: int, start: int) -> int:
        """End of the unknown agency name whose head ends at ``j`` (== ``j`` when nothing follows)."""
        doc, ents = view.doc, view.ents
        n = len(doc)
        last = j
        open_name = False  # after "of", "for", ...: an English name, all capitalized words belong
        while j < n and j - start < self.max_generic:
            ent = ents[j]
            if ent is not None and ent.label_ in PLACE_LABELS:
                return ent.end if ent.start == j else last
            if j in view.named_at:
                return view.named_at[j].end
            token = doc[j]
            text = token.text
            if (is_roman(text) and j == last and len(text) <= 4) or \
                    (open_name and is_cap(token) and not view.titlecase[j]) or \
                    (text == "-" and j == last and not doc[j - 1].whitespace_ and not token.whitespace_
                     and j + 1 < n and is_cap(doc[j + 1])):  # "Anti-Human Trafficking"
                j += 1
                last = j
                continue
            if text in self.connectors or text in self.open_connectors or text == ",":
                if text == "," and not enumeration_ahead(lambda k: doc[k].text, n, j + 1, self.enumeration_end,
                                                         lambda k: self._name_word_end(view, k, start)):
                    return last
                nxt = j + 1
                open_name = open_name or text in self.open_connectors
                if text == "," and nxt < n and doc[nxt].text in self.connectors:
                    j = nxt  # "Hukum, dan Keamanan"
                    continue
                if nxt < n and nxt not in view.named_at and doc[nxt].text not in self.head_words and \
                        (open_name or (self._continues(view, nxt, start) and (
                            text == "," or doc[nxt].text in self.name_words or not is_acronym(doc[nxt].text)))):
                    # after "dan" an acronym is another body: "Kepolisian dan NCCT"
                    j = nxt
                    continue
                return last
            if self._continues(view, j, start):
                j += 1
                last = j
                continue
            return last
        return last
    @staticmethod
    def _generic_extends(view: DocView, generic: Candidate) -> bool:
        """Does an unknown body's name go on past the known body it starts with?

        "Dinas Tenaga Kerja, Transmigrasi, dan Energi" is not "Dinas Tenaga Kerja"; "Kementerian Sosial,
        Veteran dan Rehabilitasi Pemuda Kamboja" is Cambodia's, not Kemensos. An acronym or alias stays the
        known body, and so does a name that takes in another known body ("Direktorat Jenderal Imigrasi
        Kemenkumham").
        """
        named = view.named_at.get(generic.start)
        if named is None or generic.end <= named.end:
            return False
        if any(k in view.named_at for k in range(named.end, generic.end)):
            return False
        if generic.country_written and generic.attrs.get("country") != named.attrs.get("country"):
            return True
        return view.doc[named.start:named.end].text == named.rule.get("name")
