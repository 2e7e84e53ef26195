"""Acronyms an article defines or lists among agencies, and the country a body takes from the bodies it
is listed with."""

from __future__ import annotations

from typing import Any

from ..naming import is_acronym, is_cap
from .candidates import BRACKETS, Candidate, DocView, abbreviates
from .suffix import Suffixes


class Acronyms(Suffixes):
    """Defined and listed acronyms; countries from a list."""

    def _acronyms(self, view: DocView, candidates: list[Candidate]) -> list[Candidate]:
        """"Full Name (ACR)": ACR is a mention of its own, and so is every later ACR in the article."""
        if self.acronym_rule is None:
            return []
        doc, ents = view.doc, view.ents
        covered = {i for cand in candidates for i in range(cand.start, cand.end)}
        defined: dict[str, dict[str, Any]] = {}
        found: list[Candidate] = []
        n = len(doc)
        for cand in candidates:
            i = cand.end
            if i + 2 < n and doc[i].text == "(" and doc[i + 2].text == ")" and i + 1 not in covered \
                    and ents[i + 1] is None:
                text = doc[i + 1].text
                if text in self.stop_words or text in self.not_acronyms:
                    continue
                if not is_acronym(text) and not (text.isalpha() and text[0].isupper() and text[1:].islower() and (
                        abbreviates(text, doc[cand.start:cand.end].text)
                        or abbreviates(text, str(cand.attrs.get("name") or "")))):
                    continue
                after = ents[i + 3] if i + 3 < n else None
                if after is not None and after.start == i + 3 and after.label_ == "COUNTRY" \
                        and not cand.country_written and (after._.attrs or {}).get("code"):
                    # "Committee to Combat Online Scams (CCOS) Kamboja": the country after the acronym
                    code = (after._.attrs or {})["code"]
                    if cand.attrs.get("country") and cand.attrs["country"] != code:
                        cand.attrs.pop("acronym", None)
                        cand.attrs["name"] = doc[cand.start:cand.end].text
                    cand.attrs["country"] = code
                    cand.country_written = True
                attrs = {k: v for k, v in cand.attrs.items() if k != "kind"} | {"acronym": text}
                attrs["kind"] = cand.attrs.get("kind", "generic")
                defined.setdefault(text, attrs)
                found.append(Candidate(i + 1, i + 2, self.acronym_rule, dict(attrs),
                                       country_written=cand.country_written))
                covered.add(i + 1)
        if defined:
            lexeme_ids = {doc.vocab.strings[text] for text in defined}
            for i, orth in enumerate(doc.to_array("ORTH")):
                if int(orth) in lexeme_ids and i not in covered and ents[i] is None:
                    attrs = dict(defined[doc[i].text])
                    found.append(Candidate(i, i + 1, self.acronym_rule, attrs))
        return found

    def _listed_acronyms(self, view: DocView, candidates: list[Candidate]) -> list[Candidate]:
        """An unknown acronym listed right after an agency ("Kemensos, Bareskrim Polri, hingga BPM2MI")."""
        if self.listed_rule is None:
            return []
        doc, ents = view.doc, view.ents
        n = len(doc)
        starts = {c.start for c in candidates}
        found: list[Candidate] = []
        for cand in candidates:
            j = cand.end
            while j < n and j - cand.end < 2 and doc[j].text in self.list_separators:
                j += 1
            # the last item of a list ("..., hingga BPM2MI", "BP3MI dan P4MI"), not a comma-joined clause
            # ("Menurut Kemlu, NA saat itu ..."): initials of people are written like acronyms
            if j == cand.end or doc[j - 1].text == "," or j >= n or j in starts or ents[j] is not None \
                    or view.titlecase[j]:
                continue
            text = doc[j].text
            if len(text) < 3 or not is_acronym(text) or text in self.not_acronyms or text in self.stop_words:
                continue
            if j + 1 < n and (is_cap(doc[j + 1]) or doc[j + 1].text == "("):
                continue  # "... dan PT ABC", "... dan XYZ (...)": not a bare listed acronym
            attrs: dict[str, Any] = {"name": text, "acronym": text, "kind": "generic"}
            found.append(Candidate(j, j + 1, self.listed_rule, attrs))
            starts.add(j)
        return found

    def _country_from_list(self, view: DocView, candidates: list[Candidate]) -> None:
        """In a list of one foreign state's bodies, a body whose name names no state is that state's.

        "pejabat Kementerian Tenaga Kerja Kamboja, NCCT, Kementerian Dalam Negeri, dan Kepolisian Nasional
        Kamboja": the interior ministry is Cambodia's, not Indonesia's.
        """
        doc = view.doc
        groups: list[list[Candidate]] = []
        for cand in candidates:
            if groups:
                prev = groups[-1][-1]
                gap = [doc[i].text for i in range(prev.end, cand.start)] if 0 < cand.start - prev.end <= 3 else []
                if gap and all(t in self.list_separators or t in BRACKETS for t in gap):
                    groups[-1].append(cand)
                    continue
            groups.append([cand])
        for group in groups:
            if self.listed_rule is not None:
                self._listed_country(group)
            if len(group) < 3:
                continue
            foreign = {str(c.attrs.get("country")) for c in group
                       if c.attrs.get("country") and c.attrs.get("country") != self.default_country}
            home = [c for c in group if c.country_written and c.attrs.get("country") == self.default_country]
            if len(foreign) != 1 or home:
                continue
            code = foreign.pop()
            if sum(1 for c in group if c.attrs.get("country") == code) < 2:
                continue
            for k, cand in enumerate(group):
                written = doc[cand.start:cand.end].text
                descriptive = written == cand.rule.get("name") or cand.rule is self.generic_rule
                if cand.country_written or cand.attrs.get("country") != self.default_country or \
                        not descriptive or doc[cand.start].text not in self.head_words:
                    continue
                cand.attrs["country"] = code
                cand.attrs.pop("acronym", None)
                if k + 1 < len(group) and group[k + 1].rule is self.acronym_rule and \
                        group[k + 1].start == cand.end + 1:  # its "(MOI)" right after it
                    group[k + 1].attrs["country"] = code


    def _listed_country(self, group: list[Candidate]) -> None:
        """A listed unknown acronym is of the state all (at least two) other bodies of its list agree on."""
        for cand in group:
            if cand.rule is not self.listed_rule:
                continue
            others = [c.attrs.get("country") for c in group if c is not cand]
            if len(others) >= 2 and others[0] and len(set(others)) == 1:
                cand.attrs["country"] = others[0]
