"""An event mention's arguments, read from the mentions of its clause.

Participants (OFFICIAL, AGENCY, COUNTRY mentions, minus speakers, sources, citizens and places), the
nearest DATE after any reporting verb (the dates and places before it are the statement's), the
CASE_COUNT on the trigger's side, the place (a LOCATION, or a COUNTRY after di/ke/dari; never the
dateline's city).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ... import timex
from ...countries import country_name
from ...doc import MentionIndex
from .model import Cues, Event, Mention, Trigger
from .settings import EventSettings
from .values import date_value, parted, people_count

LISTED = "listed"  # a place after the head of a list of places: neither a party nor the place
COUNT_SIDE_PENALTY = 100  # a count on the other side of the trigger is taken only if none is on its side


def _argument_of_other(cfg: EventSettings, t: Trigger, e: Span, others: tuple[Trigger, ...]) -> bool:
    """A place right after another type's trigger, or one word after it (its cue: ke, di, dari), is that trigger's
    ("Dari pertemuan itu, 241 orang dipulangkan ke Jakarta": where they were brought, not the meeting); but
    people freed and brought home "dari Myawaddy" came from one place (both types in ``needs_count``)."""
    return any(o.end <= e.start <= o.end + 1 for o in others
               if t.type not in cfg.needs_count or o.type not in cfg.needs_count)


def _nearer_other(cfg: EventSettings, t: Trigger, e: Span, others: tuple[Trigger, ...]) -> bool:
    """Does ``e`` stand in the next coordinated clause, between ``t`` and another trigger and nearer that one
    ("dievakuasi dan besok dipulangkan"; not "KTT di Labuan Bajo pada Mei 2023, para pemimpin menghasilkan
    deklarasi": no clause joiner)?"""
    doc = e.doc
    for o in others:
        if t.end <= e.start and e.end <= o.start:
            gap, joined = (o.start - e.end, e.start - t.end), range(t.end, e.start)
        elif o.end <= e.start and e.end <= t.start:
            gap, joined = (e.start - o.end, t.start - e.end), range(e.end, t.start)
        else:
            continue
        if gap[0] < gap[1] and any(doc[i].lower_ in cfg.clause_joiners for i in joined):
            return True
    return False


def read_mention(cfg: EventSettings, doc: Doc, k: int, bounds: tuple[int, int], t: Trigger, status: str,
                 ents: list[Span], cues: Cues, headline: bool, realized: bool,
                 others: tuple[Trigger, ...] = ()) -> Mention:
    """The mention of trigger ``t`` in sentence ``k`` with the arguments found among ``ents``; a date standing
    between it and another type's trigger in ``others``, nearer that one, is that one's ("dievakuasi dan
    besok dipulangkan")."""
    a, b = bounds
    speaker_tokens: set[int] = set()
    for c in cues.get("speaker", []):
        if a <= c.start < b and not attended(cfg, doc, c.end, t, ents):
            speaker_tokens.update(range(c.end, c.end + cfg.speaker_reach))
    # "X, dalam jumpa pers Jumat (5/5), mengatakan ... memulangkan": dates before the verb date the statement
    statement_end = max((c.start for c in cues.get("reported", []) if a <= c.start and c.end <= t.start),
                        default=a)
    speaker_end = statement_end if t.type in cfg.speakers_before_report else a
    citizen_ends = {c.end for c in cues.get("citizen", []) if a <= c.start < b}
    roles = place_roles(cfg, doc, cues, (a, b), ents)
    datelines = [(c.start, c.end) for c in cues.get("dateline", []) if a <= c.start < b]
    participants: dict[str, str] = {}
    country_keys: dict[str, tuple[int, str]] = {}  # a participating country's key -> (its end token, code)
    officials: dict[int, str] = {}  # a participating official's start token -> the official's country
    # (rank in the type's place_precedence, distance to the trigger, name, is LOCATION)
    places: list[tuple[int, int, str, bool]] = []
    dates: list[tuple[int, str]] = []
    counts: list[tuple[int, int, str]] = []  # (distance, value, qualifier)
    centre = t.start
    count_side = str(t.rule.get("count_side", "after"))
    # "Sebanyak 33 WNI asal X yang diduga disekap di Y ... telah dipulangkan", "Kemlu memastikan 400 WNI yang
    # ... telah dikeluarkan ... dan kembali ke tanah air": a passive's subject count, opened by a subject
    # marker or right after a reporting verb (the reported clause's subject)
    first_count = min((e.start for e in ents if e.label_ == "CASE_COUNT" and e.end <= t.start), default=None)
    reported_ends = {c.end for c in cues.get("reported", [])}
    subject_count = first_count if count_side == "before" and first_count is not None and first_count > 0 \
        and (doc[first_count - 1].lower_ in cfg.subject_markers or first_count in reported_ends) else None
    for e in ents:
        attrs = e._.attrs or {}
        label = e.label_
        if e.start < t.end and t.start < e.end:
            continue  # inside the trigger ("kembali ke Indonesia")
        if attrs.get("optional"):
            continue  # uncertain by definition (RI, venues): never an argument
        distance = min(abs(e.start - t.start), abs(e.end - t.end))
        if label == "DATE":
            day = date_value(e)
            if day is not None and e.start >= statement_end and not _nearer_other(cfg, t, e, others):
                dates.append((distance, day))
            continue
        if label == "CASE_COUNT":
            value = None if parted(cfg, t, e) else people_count(cfg, e)
            near = distance <= cfg.count_window or (e.start == subject_count and distance <= cfg.subject_count_window)
            if value is not None and near:
                # the rule's count_side first: "memulangkan 101 WNI", "46 WNI dipulangkan"
                wrong_side = (e.start < centre) != (count_side == "before")
                counts.append((distance + COUNT_SIDE_PENALTY * wrong_side, value, str(attrs.get("qualifier") or "")))
            continue
        role = roles.get(e.start)
        if role == LISTED:
            continue
        if label in ("LOCATION", "COUNTRY") and (role is not None or label == "LOCATION") \
                and _argument_of_other(cfg, t, e, others):
            continue  # another trigger's place ("dipulangkan ke Jakarta")
        if label == "LOCATION":
            if e.start < statement_end:
                continue  # "dalam konferensi pers di Jakarta, mengatakan ...": where it was said
            if any(d0 <= e.end <= d1 for d0, d1 in datelines):
                continue  # the dateline's city (the cue may begin inside it: "TEMPO.CO,Jakarta -")
            rank = cfg.place_rank(t.type, role or "bare")
            if rank is not None and (e.start > a + 1 or role is not None):  # a first word may be a dateline
                places.append((rank, distance, e.text, True))
            continue
        if label == "COUNTRY":
            name = country_name(attrs.get("code"), e.text)
            after_location = (e.start >= 2 and doc[e.start - 1].text == ","
                              and doc[e.start - 2].ent_type_ == "LOCATION")
            if role is not None or after_location:
                rank = None if after_location or e.start < statement_end else cfg.place_rank(t.type, role or "")
                if rank is not None and not _at_home(cfg, t.type, attrs):
                    places.append((rank, distance, name, False))
                continue  # "di Kamboja", "ke Indonesia", "di Sihanoukville, Kamboja": where, not who
            if e.start in citizen_ends or e.start in speaker_tokens or e.start < speaker_end:
                continue
            if label in cfg.participant_labels:
                participants.setdefault(name.lower(), name)
                country_keys[name.lower()] = (e.end, str(attrs.get("code") or ""))
            continue
        if label in cfg.participant_labels and e.start not in speaker_tokens and e.start >= speaker_end:
            name = str(attrs.get("name") or e.text) if label == "OFFICIAL" else e.text
            key = str(attrs.get("name") or e.text).lower()
            participants.setdefault(key, name)
            if label == "OFFICIAL":
                officials[e.start] = str(attrs.get("country") or "")
    best = min(places) if places else None
    sent = doc[a:b]
    if t.rule.get("count_required"):  # "berangkat ... dan mengeluarkan biaya": only a count on its side will do
        counts = [c for c in counts if c[0] < COUNT_SIDE_PENALTY]
    # "Perdana Menteri Thailand Paetongtarn": the country in a participating official's title is that official
    same_party = sum(1 for end, code in country_keys.values() if code and officials.get(end) == code)
    return Mention(
        type=t.type, rule=t.rule, sentence=k, start_char=sent.start_char, end_char=sent.end_char,
        triggers=[doc[t.start:t.end].text], anaphoric=t.anaphoric, status=status,
        participants=participants,
        date=min(dates)[1] if dates else None,
        place=best[2] if best else None, place_is_location=best[3] if best else False,
        place_rank=best[0] if best else 0,
        parties=len(participants) - same_party,
        count=min(counts)[1] if counts and t.type in cfg.needs_count else None,
        count_qualifier=min(counts)[2] if counts and t.type in cfg.needs_count else "",
        realized=realized,
        headline=headline,
    )


def attended(cfg: EventSettings, doc: Doc, after_cue: int, t: Trigger, ents: list[Span]) -> bool:
    """"ujar Menteri X seusai rapat tertutup bersama Komisi XI": the speaker right before an attendance word
    (``attendance_words``) and the trigger was there, so is a participant, not only the source."""
    if t.start < 1 or doc[t.start - 1].lower_ not in cfg.attendance_words:
        return False
    return any(after_cue <= e.start < after_cue + cfg.speaker_reach and e.end == t.start - 1 for e in ents)


def place_roles(cfg: EventSettings, doc: Doc, cues: Cues, bounds: tuple[int, int],
                ents: list[Span]) -> dict[int, str]:
    """Token index -> the role of the place cue right before it (``place_role``; a destination cue: to).
    The rest of a list after the cue is ``LISTED``: places, not parties, but the list's head is the place
    ("di Laos dan Kamboja", "di Labuan Bajo, Nusa Tenggara Timur")."""
    a, b = bounds
    roles: dict[int, str] = {}
    for c in [*cues.get("place", []), *cues.get("destination", [])]:
        if a <= c.start < b:
            end = c.end  # "di wilayah konflik Myawaddy": past the place nouns (place_nouns)
            while end < min(b, c.end + cfg.place_noun_reach) and doc[end].lower_ in cfg.place_nouns:
                end += 1
            role = str(c.rule.get("place_role", "to" if c.kind == "destination" else "at"))
            roles.setdefault(c.end, role)
            roles.setdefault(end, role)
    places = sorted((e for e in ents if e.label_ in ("LOCATION", "COUNTRY") and not (e._.attrs or {}).get("optional")),
                    key=lambda e: e.start)
    for e, nxt in zip(places, places[1:], strict=False):
        between = doc[e.end:nxt.start]
        if e.start in roles and nxt.start not in roles and 0 < len(between) <= 2 \
                and all(x.lower_ in cfg.place_joiners for x in between):
            roles[nxt.start] = LISTED
    return roles


def _at_home(cfg: EventSettings, event_type: str, attrs: dict[str, object]) -> bool:
    """The home country is never the place of a type in ``placed_abroad`` (they came from elsewhere)."""
    return event_type in cfg.placed_abroad and str(attrs.get("code") or "").upper() == cfg.home_country


def place_from_previous(cfg: EventSettings, doc: Doc, found: list[Mention], cues: Cues, bounds: tuple[int, int],
                        previous: list[Span]) -> None:
    """"Tiga di antaranya dipulangkan", "21 WNI di sana dipulangkan": a mention with no place of its own
    takes the best place of the sentence before (``bounds``), by the type's precedence, the last on a tie."""
    roles = place_roles(cfg, doc, cues, bounds, previous)
    datelines = [(c.start, c.end) for c in cues.get("dateline", []) if bounds[0] <= c.start < bounds[1]]
    for m in found:
        if m.place is not None:
            continue
        best: tuple[int, int, Span] | None = None
        for e in previous:
            attrs = e._.attrs or {}
            if e.label_ not in ("LOCATION", "COUNTRY") or attrs.get("optional") or _at_home(cfg, m.type, attrs) \
                    or any(d0 <= e.end <= d1 for d0, d1 in datelines):
                continue
            role = roles.get(e.start)
            if role == LISTED:
                continue
            rank = cfg.place_rank(m.type, role or "bare") if (role or e.label_ == "LOCATION") else None
            if rank is not None and (best is None or (rank, -e.start) < best[:2]):
                best = (rank, -e.start, e)
        if best is not None:
            e = best[2]
            m.place_is_location = e.label_ == "LOCATION"
            m.place = e.text if m.place_is_location else country_name((e._.attrs or {}).get("code"), e.text)
            m.place_rank = best[0]


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
