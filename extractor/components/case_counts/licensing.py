"""When a numeral is a count, and of what: the counted noun (its ``unit``) or a cue naming it.

A numeral becomes a count only when a counted noun follows it ("1.386 kasus", "62 orang WNI", a
classifier then a specific noun), or a cue says which noun it means ("133 di antaranya" takes the last
count's noun, "Dari 97 WNI yang ..., 86 ..." the partition head's, "5 dari 25 WNI" the next one's).
Exclusions before or after ("pukul 10", "anak buah") veto it; a qualifier before or after ("sedikitnya",
"lebih") is kept. The unit is the unit rule's ``unit`` or the noun as written (:func:`unit_of`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from ...doc import in_chrome
from ...rules import Rule
from .matches import Hit, Hits
from .numerals import Numeral, NumeralGrammar, next_word, prev_end


@dataclass
class Count:
    """A numeral accepted as a count, with what licensed it."""

    numeral: Numeral
    rule: Rule
    unit: str
    unit_end: int  # token after the counted noun (after the numeral when the noun is implied)
    qualifier: str | None
    sentence: int
    attrs: dict[str, Any] = field(default_factory=dict)
    cue_end: int | None = None  # refer: next: the count this one takes its noun from starts after this


class DocTokens:
    """The numeral grammar's view of a Doc (:class:`numerals.Tokens`), read token by token on demand."""

    def __init__(self, doc: Doc, spaces: Sequence[int]) -> None:
        self.doc = doc
        self.spaces = spaces

    def __len__(self) -> int:
        return len(self.doc)

    def text(self, i: int) -> str:
        return self.doc[i].text

    def lower(self, i: int) -> str:
        return self.doc[i].lower_

    def glued(self, i: int) -> bool:
        return not self.doc[i].whitespace_


@dataclass
class Licenser:
    """The settings deciding when a numeral counts (``rules/case_counts.yaml``)."""

    numerals: NumeralGrammar = field(default_factory=NumeralGrammar)
    determiners: frozenset[str] = frozenset()
    partition_words: frozenset[str] = frozenset()
    refer_window: int = 0
    qualifier_fillers: frozenset[str] = frozenset()
    qualifier_filler_max: int = 0
    category_cue: Rule | None = None
    preceded_cues: list[Rule] = field(default_factory=list)

    def counts(self, doc: Doc, spaces: list[int], numerals: list[int], iob: list[int], hits: Hits,
               sentences: list[int], starts: list[int], lengths: list[int]) -> list[Count]:
        """The counts among the numerals starting at the tokens ``numerals``, left to right."""
        tokens = DocTokens(doc, spaces)
        excluded: set[int] = set()
        for hit in hits.all("exclude"):
            excluded.update(range(hit.start, hit.end))
        counts: list[Count] = []
        chrome = bool(doc._.boilerplate)
        pending: Count | None = None
        end = 0
        for i in numerals:
            if i < end:
                continue
            numeral = self.numerals.numeral_at(tokens, i)
            if numeral is None:
                continue
            end = numeral.end
            if any(iob[k] in (1, 3) or k in excluded for k in range(numeral.start, numeral.end)):
                continue  # inside another mention (ENT_IOB 1 = I, 3 = B) or an excluded stretch
            last = numeral.end - 1
            if chrome and in_chrome(doc, starts[numeral.start], starts[last] + lengths[last]):
                continue
            count = self.count(doc, spaces, numeral, hits, sentences, counts)
            if count is None:
                continue
            if count.cue_end is not None:
                pending = count  # "5 dari 25 WNI": the noun comes with the next count
                continue
            if pending is not None and pending.cue_end is not None:
                if numeral.start == next_word(spaces, pending.cue_end):
                    pending.unit, pending.cue_end = count.unit, None
                    counts.append(pending)
                pending = None
            counts.append(count)
        return counts

    def count(self, doc: Doc, spaces: list[int], numeral: Numeral, hits: Hits, sentences: list[int],
              counts: list[Count]) -> Count | None:
        """The count this numeral is, if a counted noun or a cue says so."""
        after = next_word(spaces, numeral.end)
        before = prev_end(spaces, numeral.start)
        excluded_after = hits.starts("exclude_after", after)
        direct_unit = hits.starts("unit", after)
        if excluded_after is not None and (direct_unit is None or direct_unit.end <= excluded_after.end):
            return None  # the longer reading wins: "anak buah" is no noun, "anak buah kapal" is
        exclusion = hits.ends("exclude_before", before)
        qualifier_hit = self.qualifier_before(doc, spaces, before, hits)
        position = after
        late_qualifier = hits.starts("qualifier_after", after)
        if late_qualifier is not None:
            position = next_word(spaces, late_qualifier.end)
        unit = hits.starts("unit", position)
        if unit is not None and unit.rule.get("classifier"):
            specific = hits.starts("unit", next_word(spaces, unit.end))
            if specific is not None and not specific.rule.get("classifier"):
                unit = specific
        if exclusion is not None and not (exclusion.rule.get("keep_with_unit") and unit is not None):
            return None
        qualifier = qualifier_hit or late_qualifier
        qualifier_name = str(qualifier.rule.get("qualifier")) if qualifier is not None else None
        if qualifier_name is None and numeral.approx:
            qualifier_name = "approx"
        sentence = sentences[numeral.start]
        if unit is not None:
            if numeral.vague:
                k = next_word(spaces, unit.end)
                if k < len(doc) and doc[k].lower_ in self.determiners:
                    return None  # "ribuan kasus tersebut": the count already given
            return Count(numeral, unit.rule, unit_of(doc, unit), unit.end, qualifier_name, sentence)
        if numeral.vague or numeral.range is not None:
            return None
        lead = qualifier_hit.start if qualifier_hit is not None else numeral.start
        word_before = doc[prev_end(spaces, lead) - 1].lower_ if prev_end(spaces, lead) > 0 else ""
        cue = hits.starts("implied_after", position)
        if cue is None or not _preceded_ok(cue.rule, word_before):
            cue = hits.ends("implied_before", prev_end(spaces, lead))
            if cue is not None and not _preceded_ok(cue.rule, word_before):
                cue = None
        if cue is None and self.category_cue is not None and hits.starts("category", position) is not None:
            cue = Hit(position, position, self.category_cue)  # "... dan 842 penipuan online"
        if cue is None:
            for rule in self.preceded_cues:  # "Dari 97 WNI yang ..., 86 saat ini ..."
                if rule.get("preceded_by") and _preceded_ok(rule, word_before):
                    cue = Hit(lead, lead, rule)
                    break
        if cue is None:
            return None
        if cue.rule.get("refer") == "next":
            return Count(numeral, cue.rule, "", numeral.end, qualifier_name, sentence, cue_end=cue.end)
        referent = self.referent(doc, spaces, cue.rule, numeral, sentence, counts)
        if referent is None:
            return None
        return Count(numeral, cue.rule, referent.unit, numeral.end, qualifier_name, sentence)

    def qualifier_before(self, doc: Doc, spaces: list[int], before: int, hits: Hits) -> Hit | None:
        """The qualifier ending at ``before``, or ending before a few filler words ("setidaknya ada sebanyak")."""
        found = hits.ends("qualifier_before", before)
        k = before
        for _ in range(self.qualifier_filler_max):
            if found is not None or k == 0 or doc[k - 1].lower_ not in self.qualifier_fillers:
                break
            k = prev_end(spaces, k - 1)
            found = hits.ends("qualifier_before", k)
        return found

    def referent(self, doc: Doc, spaces: list[int], cue: Rule, numeral: Numeral, sentence: int,
                 counts: list[Count]) -> Count | None:
        """The earlier count whose noun an implied count takes."""
        if not counts:
            return None
        if cue.get("partition_head"):  # "Dari 97 WNI yang ..., 86 ...": the head after dari
            for earlier in reversed(counts):
                if earlier.sentence != sentence:
                    return None
                before = prev_end(spaces, earlier.numeral.start)
                if before > 0 and doc[before - 1].lower_ in self.partition_words:
                    return earlier
            return None
        last = counts[-1]
        if cue.get("refer") == "sentence":
            return last if last.sentence == sentence else None
        return last if numeral.start - last.numeral.end <= self.refer_window else None


def _preceded_ok(rule: Rule, word_before: str) -> bool:
    wanted = rule.get("preceded_by")
    return not wanted or word_before in {str(w).lower() for w in wanted}


def unit_of(doc: Doc, unit: Hit) -> str:
    """The unit rule's ``unit``, else the counted noun as written, lower case ("ibu hamil", "nelayan")."""
    fixed = unit.rule.get("unit")
    return str(fixed) if fixed else " ".join(doc[unit.start:unit.end].text.split()).lower()
