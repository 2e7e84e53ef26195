"""Totals and their stages, read from one clause or the sentence after an event.

"554 WNI dipulangkan dalam dua tahap: 400 pada 18 Maret dan 154 pada 19 Maret": a mention that lists
dated counts reports one stage per pair; a count with a total word ("total 569") is the total; a sentence
right after an event that names stages adding up to its count reports those stages (``link_stages`` makes
them parts).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from ...doc import MentionIndex
from .model import Cues, Event, Mention, Trigger
from .settings import EventSettings
from .values import date_value, people_count


def split_stages(cfg: EventSettings, m: Mention, t: Trigger, ents: list[Span]) -> list[Mention]:
    """"dalam dua tahap, tanggal 3 Mei 12 orang lalu tanggal 9 Mei 30 orang": a
    clause listing after its trigger at least ``min_stages`` counts, each with a date of its own, reports
    one stage per pair."""
    if m.type not in cfg.needs_count:
        return [m]
    pairs = stage_pairs(cfg, [e for e in ents if e.start >= t.end])
    return [replace(m, date=d, count=c, count_qualifier="", participants=dict(m.participants))
            for d, c in pairs] if pairs else [m]


def total_count(cfg: EventSettings, cues: Cues, bounds: tuple[int, int], ents: list[Span], triggers: list[Trigger],
                event_type: str) -> tuple[int, int] | None:
    """The count a total cue introduces in the sentence ("menambah jumlah WNI ... menjadi total 62 orang",
    "sehingga jumlah yang pulang menjadi 420 orang"), the first within the cue's window after it, with
    the cue's first token; only when the trigger nearest that count is of ``event_type`` ("225 WNI dibebaskan
    ... dan total 241 orang telah dipulangkan": the total is the repatriation's)."""
    a, b = bounds
    for c in cues.get("total", []):
        if not a <= c.start < b:
            continue
        reach = int(c.rule.get("window", cfg.cue_window))
        for e in ents:
            value = people_count(cfg, e)
            if value is not None and c.end <= e.start <= c.end + reach:
                nearest = min(triggers, key=lambda t: min(abs(t.start - e.end), abs(e.start - t.end)), default=None)
                return (value, c.start) if nearest is not None and nearest.type == event_type else None
    return None


def split_total(cfg: EventSettings, m: Mention, total: tuple[int, int] | None, ents: list[Span]) -> list[Mention]:
    """"Sembilan WNI dibebaskan, sehingga total yang bebas kini 40 orang": a sentence
    telling a group and the running total it brings reports two occurrences, the group (its own count and
    date) and the total, undated (``link_stages`` dates it by the stages that add up to it). A mention that
    is itself the total after a group told first ("154 WNI lainnya tiba pada Selasa, sehingga total ...
    554 orang") leaves the sentence's date to that group."""
    if m.type not in cfg.needs_count or total is None or m.count is None or m.count > total[0]:
        return [m]
    value, cue_start = total
    if m.count == value:
        if any(e.start < cue_start and people_count(cfg, e) is not None for e in ents):
            m.date = None
        return [m]
    return [m, replace(m, count=value, count_qualifier="", date=None, participants=dict(m.participants))]


def stage_pairs(cfg: EventSettings, ents: list[Span]) -> list[tuple[str, int]]:
    """(date, count) of each stage a clause lists, each count after its date ("pada 3 Mei 12 orang") or,
    failing that, each before ("12 orang pada 3 Mei"); [] unless ``min_stages`` pairs with distinct dates."""
    readings = stage_readings(cfg, ents)
    return readings[0] if readings else []


def stage_readings(cfg: EventSettings, ents: list[Span]) -> list[list[tuple[str, int]]]:
    """The ways of pairing a clause's dates and counts into stages (each count after its date, or each before
    it), the one pairing more of them first; only those with at least ``min_stages`` pairs of distinct dates."""
    items: list[tuple[str, str | int]] = []
    for e in sorted(ents, key=lambda e: e.start):
        if (day := date_value(e)) is not None:
            items.append(("date", day))
        elif (people := people_count(cfg, e)) is not None:
            items.append(("count", people))
    readings: list[list[tuple[str, int]]] = []
    for first in ("date", "count"):
        pairs: list[tuple[str, int]] = []
        held: str | int | None = None
        for kind, value in items:
            if kind == first:
                held = value
            elif held is not None:
                date, count = (held, value) if first == "date" else (value, held)
                pairs.append((str(date), int(count)))
                held = None
        if len(pairs) >= cfg.min_stages and len({d for d, _ in pairs}) == len(pairs):
            readings.append(pairs)
    # the reading that leaves fewer dates and counts unpaired first ("46 orang pada 20 Februari, 84 orang ...")
    return sorted(readings, key=lambda p: -len(p))


def one_stage(cfg: EventSettings, doc: Doc, bounds: tuple[int, int], ents: MentionIndex,
              total: int) -> list[tuple[str, int]] | None:
    """"Gelombang pertama, 380 orang, Selasa (11/3)": a sentence opening with a stage
    word (``stage_words``) that gives one count, smaller than the total, and at most one date: that stage
    ("" for no date)."""
    a, b = bounds
    if not any(doc[i].lower_ in cfg.stage_words for i in range(a, min(a + 2, b))):
        return None
    found = ents.within(a, b, chrome=True)
    counts = [v for e in found if (v := people_count(cfg, e)) is not None]
    dates = [d for e in found if (d := date_value(e)) is not None]
    if len(counts) != 1 or counts[0] >= total or len(dates) > 1:
        return None
    return [(dates[0] if dates else "", counts[0])]


def named_stages(cfg: EventSettings, doc: Doc, found: list[Span], total: int) -> list[tuple[str, int]] | None:
    """"Terbagi atas dua tahap: 180 orang pada tahap pertama, 120 orang pada tahap kedua": at least
    ``min_stages`` counts, each within ``stage_count_reach`` tokens of a stage word (before or after it),
    that add up to the total: undated stages ("")."""
    reach = cfg.stage_count_reach
    counts = [v for e in sorted(found, key=lambda e: e.start) if (v := people_count(cfg, e)) is not None
              and any(doc[k].lower_ in cfg.stage_words
                      for k in (*range(max(0, e.start - reach), e.start), *range(e.end, min(len(doc), e.end + reach))))]
    if len(counts) < max(2, cfg.min_stages) or sum(counts) != total:
        return None
    return [("", c) for c in counts]


def stage_in_clause(cfg: EventSettings, doc: Doc, m: Mention, t: Trigger, ents: list[Span]) -> None:
    """"Pemulangan tahap ini terdiri atas tiga kloter ..., kloter pertama dan kedua berjumlah 250 orang pada
    Rabu (9/4)": a mention without a count takes the first count after a stage word (``stage_words``)
    that follows its trigger, within ``stage_count_reach`` tokens of it, and the date right after that count."""
    if m.type not in cfg.needs_count or m.count is not None:
        return
    after = sorted((e for e in ents if e.start >= t.end), key=lambda e: e.start)
    for i, e in enumerate(after):
        value = people_count(cfg, e)
        lead = range(max(t.end, e.start - cfg.stage_count_reach), e.start)
        if value is None or not any(doc[k].lower_ in cfg.stage_words for k in lead):
            continue
        m.count = value
        m.date = next((v for x in after[i + 1:i + 2] if (v := date_value(x)) is not None), m.date)
        return


def stages_from_next_sentence(cfg: EventSettings, doc: Doc, events: list[Event], sentences: list[tuple[int, int]],
                              mentions: list[Mention], ents: MentionIndex) -> list[Event]:
    """"554 WNI dipulangkan. Tahap pertama pada 18 Maret 400 orang, tahap kedua pada 19 Maret 154 orang":
    a sentence right after an event, with no trigger of its own (but an anaphor of another type: "Rincian
    evakuasi tersebut meliputi ..."), listing stages whose counts add up to
    the event's count, reports those stages (events of their own; ``link_stages`` makes them parts)."""
    found: list[Event] = []
    for e in events:
        if e.type not in cfg.needs_count or e.count is None:
            continue
        # right after the event's first sentence or its last ("Para WNI tersebut ..." may have joined it later)
        for nxt in sorted({e.first_sentence + 1, e.last_sentence + 1}):
            told = [m for m in mentions if m.sentence == nxt]
            if nxt >= len(sentences) or any(not m.anaphoric for m in told):
                continue
            a, b = sentences[nxt]
            within = ents.within(a, b, chrome=True)
            if any(m.type == e.type for m in told):
                # "penyelamatan itu dibagi dalam dua tahap, ...": an anaphor of the event's own type opens
                # only stages its sentence names and that add up to the total
                pairs = named_stages(cfg, doc, within, e.count)
            else:
                # "60 orang pada 10 Januari, 70 orang pada 24 Januari": the pairing whose counts add up to the total
                pairs = next((p for p in stage_readings(cfg, within) if sum(c for _, c in p) == e.count), None) \
                    or named_stages(cfg, doc, within, e.count) or one_stage(cfg, doc, (a, b), ents, e.count)
            if pairs is None:
                continue
            span = doc[a:b]
            proof = {**e.evidence[0], "start": span.start_char, "end": span.end_char}
            found += [replace(e, date=d or None, count=c, count_qualifier="", participants=dict(e.participants),
                              evidence=[proof], first_sentence=nxt, last_sentence=nxt, part_of=None)
                      for d, c in pairs]
            break
    return found
