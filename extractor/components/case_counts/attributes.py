"""A count's attributes, read from its clause: ``period`` (the DATE it refers to), ``country`` (where the
cases happened), ``category`` (the kind of case); value, unit and qualifier come with the count
(:mod:`.licensing`).

The clause is the count's sentence cut at boundary phrases (and, after a partition head such as "Dari 61
WNI yang ditahan,", at the comma). DATE, COUNTRY and LOCATION mentions are read from ``doc.ents``, so
this runs after the ``dates`` and ``places`` pipes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from ...doc import current_mentions
from ...rules.kinds import ATTRIBUTES
from ...spans import longest_first
from .licensing import Count
from .matches import Hit, Hits
from .numerals import prev_end


@dataclass(frozen=True)
class Place:
    """A place that may say where a count's cases happened."""

    start: int
    end: int
    code: str | None  # None: several countries ("di delapan negara") or unknown
    prepositional: bool  # after di/dari/ke: a place, not an actor


@dataclass
class Context:
    """One document's dates, places, boundaries and categories, bucketed by sentence number."""

    sentences: list[int]
    counts: list[Count]
    numeral_starts: set[int]
    spaces: list[int]
    dates: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)
    places: dict[int, list[Place]] = field(default_factory=dict)
    countries: list[tuple[int, int, str | None]] = field(default_factory=list)
    boundaries: dict[int, list[Hit]] = field(default_factory=dict)
    categories: dict[int, list[Hit]] = field(default_factory=dict)

    def add_place(self, sentence: int, place: Place) -> None:
        self.places.setdefault(sentence, []).append(place)


@dataclass
class AttributeReader:
    """The settings the attributes read (``rules/case_counts.yaml``)."""

    prepositions: frozenset[str] = frozenset()
    partition_words: frozenset[str] = frozenset()
    home_country: str | None = None
    home_prepositions: frozenset[str] = frozenset()
    date_window: int = 0
    place_coordinators: frozenset[str] = frozenset()
    category_joiners: frozenset[str] = frozenset()
    category_window: int = 0
    labels: tuple[int, int, int] = (0, 0, 0)  # the string keys of DATE, COUNTRY, LOCATION

    def context(self, doc: Doc, spaces: list[int], hits: Hits, sentences: list[int],
                counts: list[Count]) -> Context:
        """Everything attribute lookups read, gathered once per document and bucketed by sentence."""
        context = Context(sentences=sentences, counts=counts, spaces=spaces,
                           numeral_starts={c.numeral.start for c in counts})
        # Only the sentences with a count matter (and their neighbours, for countries listed across a
        # break), unless "di sana" needs the country named last before it anywhere in the text.
        with_count = {c.sentence for c in counts}
        near = with_count | {s - 1 for s in with_count} | {s + 1 for s in with_count}
        date_label, country_label, location_label = self.labels
        ents = [e for e in current_mentions(doc) if e.label in (date_label, country_label, location_label)]
        located: set[int] = set()
        for ent in ents:
            if ent.label != date_label and sentences[ent.start] in with_count:
                located.update(range(ent.start, ent.end))
        for hit in hits.all("place"):
            located.update(range(hit.start, hit.end))
        baselines = {h.end for h in hits.all("baseline")}
        not_place_ends: dict[int, bool] = {}  # where a not_place phrase ends -> it blocks the home country only
        for hit in hits.all("not_place"):
            not_place_ends[hit.end] = not_place_ends.get(hit.end, True) and bool(hit.rule.get("home_only"))
        last_country: str | None = None
        anaphors = sorted((h for h in hits.all("place_anaphor") if sentences[h.start] in with_count),
                          key=lambda h: h.start)
        next_anaphor = 0
        for ent in ents:
            sentence = sentences[ent.start]
            if ent.label == date_label:
                if sentence in with_count:
                    value = (ent._.attrs or {}).get("value")
                    if value and prev_end(context.spaces, ent.start) not in baselines:
                        context.dates.setdefault(sentence, []).append((ent.start, ent.end, str(value)))
                continue
            if ent.label != country_label or (not anaphors and sentence not in near):
                continue
            while next_anaphor < len(anaphors) and anaphors[next_anaphor].start < ent.start:
                hit = anaphors[next_anaphor]
                context.add_place(sentences[hit.start], Place(hit.start, hit.end, last_country, True))
                next_anaphor += 1
            code = (ent._.attrs or {}).get("code")
            context.countries.append((ent.start, ent.end, str(code) if code else None))
            home_only = not_place_ends.get(prev_end(context.spaces, ent.start))
            if home_only is not None and (not home_only or code == self.home_country):
                continue  # "warga negara Indonesia", "dolar AS": whose people or money, not where
            last_country = str(code) if code else None
            if sentence not in with_count:
                continue
            preposition = self._preposition_before(doc, spaces, ent.start, sentences, located)
            if code == self.home_country and preposition not in self.home_prepositions:
                continue  # "Indonesia memulangkan ...", "dipulangkan ke Indonesia": not where it happened
            context.add_place(sentence, Place(ent.start, ent.end, last_country, preposition is not None))
        for hit in anaphors[next_anaphor:]:
            context.add_place(sentences[hit.start], Place(hit.start, hit.end, last_country, True))
        for hit in hits.all("place"):
            if sentences[hit.start] in with_count:
                prepositional = self._preposition_before(doc, spaces, hit.start, sentences, located) is not None
                context.add_place(sentences[hit.start], Place(hit.start, hit.end, str(hit.rule.get("country")),
                                                               prepositional))
        for hit in hits.all("multi_place"):
            context.add_place(sentences[hit.start], Place(hit.start, hit.end, None, True))
        for hit in hits.all("boundary"):
            context.boundaries.setdefault(sentences[hit.start], []).append(hit)
        for hit in longest_first(hits.all("category"), lambda h: (h.start, h.end)):
            if sentences[hit.start] in with_count:
                context.categories.setdefault(sentences[hit.start], []).append(hit)
        return context

    def attributes(self, doc: Doc, count: Count, index: int, context: Context) -> dict[str, Any]:
        numeral = count.numeral
        attrs: dict[str, Any] = {"value": numeral.value, "unit": count.unit, "qualifier": count.qualifier}
        if numeral.range is not None:
            attrs["range"] = list(numeral.range)
        limit = self._partition_limit(doc, count, index, context)
        period_clause = _clause(count, context, "period", limit)
        country_clause = _clause(count, context, "country", limit)
        attrs["period"] = self._period(doc, count, period_clause, context)
        attrs["country"] = self._country(doc, count, country_clause, context)
        attrs["category"] = self._category(doc, count, period_clause, context)
        return attrs

    def _partition_limit(self, doc: Doc, count: Count, index: int, context: Context) -> int | None:
        """"Dari 61 WNI yang ditahan, lima orang ... di Kamboja": the head's clause ends at the comma."""
        before = prev_end(context.spaces, count.numeral.start)
        if before == 0 or doc[before - 1].lower_ not in self.partition_words:
            return None
        counts = context.counts
        if index + 1 >= len(counts) or counts[index + 1].sentence != count.sentence:
            return None
        following = counts[index + 1].numeral.start
        for k in range(count.unit_end, following):
            if doc[k].text == ",":
                return k
        return None

    def _period(self, doc: Doc, count: Count, clause: tuple[int, int], context: Context) -> str | None:
        """The DATE the count refers to: right after its noun, else the nearest before, else after."""
        low, high = clause
        dates = [d for d in context.dates.get(count.sentence, ()) if low <= d[0] and d[1] <= high]
        if not dates:
            return None
        start, unit_end = count.numeral.start, count.unit_end
        following = [d for d in dates if d[0] >= unit_end]
        if following:
            nearest = min(following)
            between = [t for t in doc[unit_end:nearest[0]] if not t.is_space]
            if len(between) <= self.date_window and not any(
                    t.text in (",", ";") or t.i in context.numeral_starts for t in between):
                return nearest[2]
        preceding = [d for d in dates if d[1] <= start]
        if preceding:
            return max(preceding, key=lambda d: d[1])[2]
        if following:
            return min(following)[2]
        return None

    def _country(self, doc: Doc, count: Count, clause: tuple[int, int], context: Context) -> str | None:
        """Where the cases happened: the nearest place in the clause, a place after di/dari/ke first."""
        low, high = clause
        start, end = count.numeral.start, count.unit_end
        best: tuple[bool, int, Place] | None = None
        for place in context.places.get(count.sentence, ()):
            if place.start < low or place.end > high or (place.start < end and start < place.end):
                continue
            distance = start - place.end if place.end <= start else place.start - end
            key = (not place.prepositional, distance, place)
            if best is None or key[:2] < best[:2]:
                best = key
        if best is None:
            return None
        place = best[2]
        if _coordinated_with_other(doc, place, context.countries, self.place_coordinators):
            return None  # "di Indonesia dan Kamboja": no single country
        return place.code

    def _preposition_before(self, doc: Doc, spaces: list[int], i: int, sentences: list[int],
                            located: set[int]) -> str | None:
        """The place preposition before token ``i`` in its sentence, across places listed with commas
        ("di Chrey Thum, Provinsi Kandal, Kamboja"), or None."""
        k = prev_end(spaces, i) - 1
        while k >= 0 and sentences[k] == sentences[i] and (doc[k].text == "," or k in located):
            k -= 1
        if k >= 0 and sentences[k] == sentences[i] and doc[k].lower_ in self.prepositions:
            return str(doc[k].lower_)
        return None

    def _category(self, doc: Doc, count: Count, clause: tuple[int, int], context: Context) -> str | None:
        """The kind of case: category phrases right after the count, else the nearest before it."""
        low, high = clause
        found = [h for h in context.categories.get(count.sentence, ()) if low <= h.start and h.end <= high]
        if not found:
            return None
        next_numeral = min((c.numeral.start for c in context.counts
                            if c.sentence == count.sentence and c.numeral.start > count.numeral.start),
                           default=high)
        after = [h for h in found if count.unit_end <= h.start < next_numeral
                 and h.start - count.unit_end <= self.category_window]
        if after:
            return _category_text(doc, found, after[0], self.category_joiners)
        before = [h for h in found if h.end <= count.numeral.start]
        if before:
            first = before[-1]
            for h in reversed(before[:-1]):
                if _joined(doc, h, first, self.category_joiners):
                    first = h
                else:
                    break
            return _category_text(doc, found, first, self.category_joiners)
        return None



def _clause(count: Count, context: Context, attribute: str, limit: int | None) -> tuple[int, int]:
    """Token range of the count's clause for one attribute: its sentence, cut at boundaries."""
    sentences = context.sentences
    sentence = count.sentence
    low = count.numeral.start
    while low > 0 and sentences[low - 1] == sentence:
        low -= 1
    high = count.unit_end
    while high < len(sentences) and sentences[high] == sentence:
        high += 1
    for hit in context.boundaries.get(sentence, ()):
        if attribute not in (hit.rule.get("blocks") or ATTRIBUTES):
            continue
        if hit.end <= count.numeral.start:
            low = max(low, hit.end)
        elif hit.start >= count.unit_end:
            high = min(high, hit.start)
    if limit is not None:
        high = min(high, limit)
    return low, high


def _coordinated_with_other(doc: Doc, place: Place, countries: list[tuple[int, int, str | None]],
                            coordinators: frozenset[str]) -> bool:
    """True if the place is listed with a different country ("Kamboja dan Myanmar")."""
    for start, end, code in countries:
        if code == place.code:
            continue
        if 0 <= start - place.end <= 2:
            between = [t for t in doc[place.end:start] if not t.is_space]
        elif 0 <= place.start - end <= 2:
            between = [t for t in doc[end:place.start] if not t.is_space]
        else:
            continue
        if between and all(t.lower_ in coordinators for t in between):
            return True
    return False


def _joined(doc: Doc, left: Hit, right: Hit, joiners: frozenset[str]) -> bool:
    """Two category phrases side by side or joined by a joiner ("perjudian online dan penipuan online")."""
    between = [t for t in doc[left.end:right.start] if not t.is_space]
    return not between or (len(between) == 1 and between[0].lower_ in joiners)


def _category_text(doc: Doc, found: list[Hit], first: Hit, joiners: frozenset[str]) -> str:
    index = found.index(first)
    last = first
    for nxt in found[index + 1:]:
        if _joined(doc, last, nxt, joiners):
            last = nxt
        else:
            break
    if first is last and first.rule.get("category"):
        return str(first.rule.get("category"))
    text = doc[first.start:last.end].text
    return " ".join(text.split()).lower()


