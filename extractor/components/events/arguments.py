"""An event mention's arguments, read from the mentions of its clause.

Participants (OFFICIAL, AGENCY, COUNTRY mentions, minus speakers, sources, citizens and places), the
nearest DATE after any reporting verb (the dates and places before it are the statement's), the
CASE_COUNT on the trigger's side, the place (a LOCATION, or a COUNTRY after di/ke/dari; never the
dateline's city).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from ... import timex
from ...countries import country_name
from ...doc import MentionIndex
from .model import Cues, Event, Mention, Trigger
from .settings import EventSettings

COUNT_SIDE_PENALTY = 100  # a count on the other side of the trigger is taken only if none is on its side


def read_mention(cfg: EventSettings, doc: Doc, k: int, bounds: tuple[int, int], t: Trigger, status: str,
                 ents: list[Span], cues: Cues, headline: bool, realized: bool) -> Mention:
    """The mention of trigger ``t`` in sentence ``k`` with the arguments found among ``ents``."""
    a, b = bounds
    speaker_tokens: set[int] = set()
    for c in cues.get("speaker", []):
        if a <= c.start < b:
            speaker_tokens.update(range(c.end, c.end + cfg.speaker_reach))
    # "X, dalam jumpa pers Jumat (5/5), mengatakan ... memulangkan": dates before the verb date the statement
    statement_end = max((c.start for c in cues.get("reported", []) if a <= c.start and c.end <= t.start),
                        default=a)
    speaker_end = statement_end if t.type in cfg.speakers_before_report else a
    citizen_ends = {c.end for c in cues.get("citizen", []) if a <= c.start < b}
    place_ends = {c.end for c in cues.get("place", []) if a <= c.start < b}
    if t.type not in cfg.home_bound:
        place_ends |= {c.end for c in cues.get("destination", []) if a <= c.start < b}
    destination_ends = {c.end for c in cues.get("destination", []) if a <= c.start < b}
    datelines = [(c.start, c.end) for c in cues.get("dateline", []) if a <= c.start < b]
    participants: dict[str, str] = {}
    # (rank, distance to the trigger, name, is LOCATION); rank 0: right after di/dari/ke
    places: list[tuple[int, int, str, bool]] = []
    dates: list[tuple[int, str]] = []
    counts: list[tuple[int, int]] = []
    centre = t.start
    count_side = str(t.rule.get("count_side", "after"))
    for e in ents:
        attrs = e._.attrs or {}
        label = e.label_
        if e.start < t.end and t.start < e.end:
            continue  # inside the trigger ("kembali ke Indonesia")
        if attrs.get("optional"):
            continue  # uncertain by definition (RI, venues): never an argument
        distance = min(abs(e.start - t.start), abs(e.end - t.end))
        if label == "DATE":
            value = attrs.get("value")
            if isinstance(value, str) and value and e.start >= statement_end:
                dates.append((distance, value))
            continue
        if label == "CASE_COUNT":
            value = attrs.get("value")
            unit = str(attrs.get("unit") or "").lower()
            if isinstance(value, int) and unit not in cfg.count_units_excluded and distance <= cfg.count_window:
                # the rule's count_side first: "memulangkan 101 WNI", "46 WNI dipulangkan"
                wrong_side = (e.start < centre) != (count_side == "before")
                counts.append((distance + COUNT_SIDE_PENALTY * wrong_side, value))
            continue
        if label == "LOCATION":
            if e.start in destination_ends and e.start not in place_ends:
                continue
            if e.start < statement_end:
                continue  # "dalam konferensi pers di Jakarta, mengatakan ...": where it was said
            if any(d0 <= e.end <= d1 for d0, d1 in datelines):
                continue  # the dateline's city (the cue may begin inside it: "TEMPO.CO,Jakarta -")
            if e.start > a + 1 or e.start in place_ends:  # a sentence's first word may be a dateline
                places.append((0 if e.start in place_ends else 1, distance, e.text, True))
            continue
        if label == "COUNTRY":
            name = country_name(attrs.get("code"), e.text)
            if e.start in destination_ends and e.start not in place_ends:
                continue  # "dipulangkan ke Indonesia": home, neither place nor party
            after_location = (e.start >= 2 and doc[e.start - 1].text == ","
                              and doc[e.start - 2].ent_type_ == "LOCATION")
            if e.start in place_ends or after_location:
                if not after_location and e.start >= statement_end:
                    places.append((0, distance, name, False))
                continue  # "di Kamboja", "di Sihanoukville, Kamboja": where, not who
            if e.start in citizen_ends or e.start in speaker_tokens or e.start < speaker_end:
                continue
            if label in cfg.participant_labels:
                participants.setdefault(name.lower(), name)
            continue
        if label in cfg.participant_labels and e.start not in speaker_tokens and e.start >= speaker_end:
            name = str(attrs.get("name") or e.text) if label == "OFFICIAL" else e.text
            key = str(attrs.get("name") or e.text).lower()
            participants.setdefault(key, name)
    place, place_is_location = (min(places)[2], min(places)[3]) if places else (None, False)
    sent = doc[a:b]
    return Mention(
        type=t.type, rule=t.rule, sentence=k, start_char=sent.start_char, end_char=sent.end_char,
        triggers=[doc[t.start:t.end].text], anaphoric=t.anaphoric, status=status,
        participants=participants,
        date=min(dates)[1] if dates else None,
        place=place, place_is_location=place_is_location,
        count=min(counts)[1] if counts and t.type in cfg.needs_count else None,
        realized=realized,
        headline=headline,
    )


def refine_date_from_next_sentence(e: Event, sentences: list[tuple[int, int]], mentions: list[Mention],
                                   ents: MentionIndex) -> None:
    """A sentence right after the event with no trigger of its own, whose dates all fall inside
    the event's date ("Tahap pertama pada 18 Maret 2025 ..., tahap kedua pada 19 Maret 2025"),
    narrows the date to their span."""
    outer = timex.interval(e.date)
    nxt = e.last_sentence + 1
    if outer is None or nxt >= len(sentences) or any(m.sentence == nxt for m in mentions):
        return
    a, b = sentences[nxt]
    values = [str((x._.attrs or {}).get("value")) for x in ents.within(a, b, chrome=True) if x.label_ == "DATE"]
    intervals = [timex.interval(v) for v in values]
    if len(values) < 2 or any(i is None or not timex.within(i, outer) for i in intervals):
        return
    lo = min(i[0] for i in intervals if i is not None)
    hi = max(i[1] for i in intervals if i is not None)
    if (hi - lo).days < timex.span_days(outer):
        ordered = sorted(zip(intervals, values, strict=True), key=lambda x: x[0] or outer)
        first, last = ordered[0][1], max(ordered, key=lambda x: (x[0] or outer)[1])[1]
        e.date = first if first == last else f"{first}/{last}"


def split_stages(cfg: EventSettings, m: Mention, t: Trigger, ents: list[Span]) -> list[Mention]:
    """"dalam dua tahap, tanggal 3 Mei 12 orang lalu tanggal 9 Mei 30 orang": a
    clause listing after its trigger at least ``min_stages`` counts, each with a date of its own, reports
    one stage per pair."""
    if m.type not in cfg.needs_count:
        return [m]
    pairs: list[tuple[str, int]] = []
    last_date: str | None = None
    for e in sorted((e for e in ents if e.start >= t.end), key=lambda e: e.start):
        attrs = e._.attrs or {}
        value = attrs.get("value")
        if e.label_ == "DATE" and isinstance(value, str) and value:
            last_date = value
        elif e.label_ == "CASE_COUNT" and isinstance(value, int) and last_date is not None \
                and str(attrs.get("unit") or "").lower() not in cfg.count_units_excluded:
            pairs.append((last_date, value))
            last_date = None
    if len(pairs) < cfg.min_stages or len({d for d, _ in pairs}) < len(pairs):
        return [m]
    return [replace(m, date=d, count=c, participants=dict(m.participants)) for d, c in pairs]
