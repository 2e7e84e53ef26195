"""What joins an agency's name after it: a country, or for bodies with local offices a grade and a place
("KBRI Phnom Penh", "Kantor Imigrasi Kelas I Khusus ...")."""

from __future__ import annotations

from ..naming import is_cap, is_roman
from .candidates import PLACE_LABELS, Candidate, DocView
from .generic import GenericNames


class Suffixes(GenericNames):
    """Countries and places that join a name."""

    def _extend_suffix(self, view: DocView, cand: Candidate, named_starts: set[int]) -> None:
        """A country or (for bodies with posts) a place written right after the name joins the span."""
        doc, ents = view.doc, view.ents
        n = len(doc)
        end = cand.end
        if end >= n:
            return
        if not cand.takes_place and not ents.covered(end) and view.orth[end] not in self.state_hashes:
            return  # nothing that could join: most mentions end here
        ent = ents[end]
        at = end
        if ent is None and end + 1 < n and doc[end].text in self.state_words:
            following = ents[end + 1]
            if following is not None and following.start == end + 1 and following.label_ == "COUNTRY":
                ent, at = following, end + 1  # "Imigrasi Kerajaan Kamboja": the state's formal name
        takes_place = cand.takes_place
        if ent is not None and ent.start == at and ent.label_ in PLACE_LABELS:
            if takes_place:
                self._set_place(cand, doc[cand.start:cand.end].text, ent.text)
            elif ent.label_ == "COUNTRY":
                code = (ent._.attrs or {}).get("code")
                if code:
                    if cand.attrs.get("country") and code != cand.attrs.get("country"):
                        # a foreign counterpart ("Imigrasi Kamboja"): the name as written, not Indonesia's body
                        cand.attrs.pop("acronym", None)
                        cand.attrs["name"] = doc[cand.start:ent.end].text
                    cand.attrs["country"] = code
                    cand.country_written = True
            else:
                return
            cand.end = ent.end
            return
        if not takes_place:
            return
        j = self._grade_end(view, end)
        grade_end = j
        limit = 0 if j >= n or not is_cap(doc[j]) else 2 if view.titlecase[end] else self.max_place
        if limit > 1 and cand.start > 0 and is_cap(doc[cand.start - 1]) and doc[cand.start - 1].text in self.stop_words:
            limit = 1  # inside a title, an unknown place is one word: "Ketua DPRD Bantaeng Budi Santoso"
        while j < n and j - grade_end < limit:
            token = doc[j]
            inside = ents[j]
            if not is_cap(token) or token.text in self.stop_words or token.text in self.head_words or \
                    j in named_starts or (inside is not None and inside.label_ not in PLACE_LABELS):
                break
            j += 1
            if inside is not None and inside.end >= j and inside.label_ in PLACE_LABELS:
                j = inside.end
                break  # a known place ends the name: "Kantor Imigrasi ... Soekarno-Hatta Johanes ..."
        if j > end:
            self._set_place(cand, doc[cand.start:end].text, doc[end:j].text)
            cand.end = j

    def _grade_end(self, view: DocView, j: int) -> int:
        """After an office's name, its grade designation: "Kelas I Khusus Non TPI" (end == ``j`` if none)."""
        doc = view.doc
        n = len(doc)
        start = j
        while j < n and j - start < 6:
            text = doc[j].text
            if text in self.grade_words or (j > start and (is_roman(text) or (len(text) == 1 and text.isupper())
                                                        or (text.isdigit() and len(text) <= 2))):
                j += 1
                continue
            break
        return j if j > start and doc[start].text in self.grade_words else start

    @staticmethod
    def _set_place(cand: Candidate, written: str, place: str) -> None:
        template = str(cand.rule.get("place_name") or "{name} {place}")
        cand.attrs["name"] = template.format(name=cand.attrs.get("name") or written, pattern=written, place=place)
        if cand.attrs.get("acronym"):
            cand.attrs["acronym"] = f"{cand.attrs['acronym']} {place}"
