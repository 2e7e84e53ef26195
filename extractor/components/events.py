"""Events: meetings, agreements, rescues and repatriations, as records in ``doc._.events``.

Runs last: it reads the mentions every other component put on ``doc.ents``
and turns sentences with a trigger word (``rules/events.yaml``) into event
*mentions*, then merges the mentions of one event within the article into one
record. A trigger's arguments come from its sentence: participants (OFFICIAL,
AGENCY, COUNTRY mentions, minus speakers, sources, citizens and places), the
nearest DATE, the nearest CASE_COUNT, the place (a LOCATION, or a COUNTRY
after di/ke/dari). Cue rules decide the status (``akan`` -> planned) and drop
what did not happen (``belum``, ``bisa``, ``demi``). Merging is how a date or
place said once reaches the rest of the story: "the visit" announced with its
dates in one sentence and "met X" in the next are one MEETING with both
sentences as evidence.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import timex
from ..countries import country_name
from ..doc import MentionIndex, doc_text, in_chrome, mention_index, sentence_bounds
from ..errors import Errors, RuleError
from ..factories import warta_component, with_rule_dirs
from ..matching import RuleMatcher
from ..rules import Rule, RuleSet, Settings
from ..rules.kinds import EVENT, EVENT_TYPES, SIDES
from ..rules.kinds import EVENT_CUES as CUES
from ..spans import longest_first, trace, tracing

KIND = EVENT

COUNT_SIDE_PENALTY = 100  # a count on the other side of the trigger is taken only if none is on its side


# --- the pieces -----------------------------------------------------------------------


@dataclass
class Cue:
    kind: str
    start: int  # token indices
    end: int
    rule: Rule


@dataclass
class Trigger:
    rule: Rule
    start: int  # token indices
    end: int
    start_char: int
    end_char: int

    @property
    def type(self) -> str:
        return str(self.rule.get("event"))

    @property
    def anaphoric(self) -> bool:
        return bool(self.rule.get("anaphoric", False))


@dataclass
class Mention:
    """One sentence's report of an event: a trigger (or several of one type) and its arguments."""

    type: str
    rule: Rule
    sentence: int
    start_char: int
    end_char: int
    triggers: list[str]
    anaphoric: bool
    status: str
    participants: dict[str, str]  # key (canonical, lower case) -> name as output
    date: str | None
    place: str | None
    place_is_location: bool
    count: int | None
    realized: bool
    headline: bool


@dataclass
class Event:
    type: str
    rule: str
    status: str
    participants: dict[str, str]
    date: str | None
    place: str | None
    place_is_location: bool
    count: int | None
    first_sentence: int
    last_sentence: int
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def record(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "participants": list(self.participants.values()),
            "date": self.date,
            "place": self.place,
            "count": self.count,
            "status": self.status,
            "evidence": self.evidence,
            "rule": self.evidence[0]["rule"] if self.evidence else self.rule,  # the first evidence's trigger
        }


@warta_component("warta_events")
class EventExtractor:
    """Builds ``doc._.events`` from trigger rules, cue rules and the Doc's mentions."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.matcher: RuleMatcher | None = None
        self._read_settings(Settings(KIND.defaults()))
        self.cue_matcher: RuleMatcher | None = None

    # -- rules --------------------------------------------------------------------------

    def _read_settings(self, settings: Settings) -> None:
        self.cue_window = int(settings["cue_window"])
        self.merge_window = int(settings["merge_window"])
        self.anaphor_window = int(settings["anaphor_window"])
        self.min_participants = {**KIND.settings["min_participants"].default,
                                 **{str(k): int(v) for k, v in (settings["min_participants"] or {}).items()}}
        self.needs_count = set(settings.words("needs_count"))
        self.participant_labels = set(settings.words("participant_labels"))
        self.count_units_excluded = set(settings.lower_words("count_units_excluded"))
        self.count_window = int(settings["count_window"])
        self.abbreviations = frozenset(settings.words("abbreviations"))
        self.home_bound = frozenset(settings.words("home_bound"))
        self.speaker_reach = int(settings["speaker_reach"])
        self.antecedent_reach = int(settings["antecedent_reach"])
        self.attribution_marks = frozenset(settings.words("attribution_marks"))
        self.name_joiners = settings.lower_words("name_joiners")

    def set_rules(self, ruleset: RuleSet) -> None:
        rules = ruleset.of_kind("event")
        for rule in rules:
            self._check_rule(rule)
        self._read_settings(ruleset.settings("event"))
        # Triggers and blocks are matched over the whole Doc (they are rare: no trigger, no further work);
        # the other cues only inside the sentences that have a trigger.
        competing = [r for r in rules if r.get("event") or r.get("cue") == "block"]
        self.matcher = RuleMatcher(self.nlp.vocab, self.nlp.make_doc, competing)
        # cue words (di, ke, akan, warga) are everywhere: they are matched only in the sentences with a trigger
        self.cue_matcher = RuleMatcher(self.nlp.vocab, self.nlp.make_doc,
                                       [r for r in rules if r.get("cue") not in (None, "block")])

    @staticmethod
    def _check_rule(rule: Rule) -> None:
        event, cue = rule.get("event"), rule.get("cue")
        if (event is None) == (cue is None):
            raise RuleError(Errors.E004.format(field="event or cue (exactly one)"), rule.file, rule.line, rule.id)
        if event is not None and event not in EVENT_TYPES:
            raise RuleError(Errors.E003.format(field="event", expected=", ".join(EVENT_TYPES), got=repr(event)),
                            rule.file, rule.line, rule.id)
        if cue is not None and cue not in CUES:
            raise RuleError(Errors.E003.format(field="cue", expected=", ".join(CUES), got=repr(cue)),
                            rule.file, rule.line, rule.id)
        if rule.get("count_side") not in (None, "before", "after"):
            raise RuleError(Errors.E003.format(field="count_side", expected="before or after",
                                               got=repr(rule.get("count_side"))), rule.file, rule.line, rule.id)
        side = rule.get("side")
        if side is not None and side not in SIDES:
            raise RuleError(Errors.E003.format(field="side", expected=", ".join(SIDES), got=repr(side)),
                            rule.file, rule.line, rule.id)

    # -- per document -------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        if self.matcher is None or len(doc) == 0:
            return doc
        triggers = self._triggers(doc)
        if not triggers:
            return doc  # most articles: one matcher pass and done
        sentences = sentence_bounds(doc, self.abbreviations)
        starts = [a for a, _ in sentences]
        by_sentence: dict[int, list[Trigger]] = {}
        for t in triggers:
            if in_chrome(doc, t.start_char, t.end_char):
                trace(doc, t.rule.id, t.start_char, t.end_char,
                      "in page chrome or a related-article link")
                continue
            by_sentence.setdefault(bisect_right(starts, t.start) - 1, []).append(t)
        cues = self._cues(doc, [sentences[k] for k in sorted(by_sentence)])
        for k in [k for k in by_sentence if self._is_link(cues, *sentences[k])]:
            for t in by_sentence.pop(k):
                trace(doc, t.rule.id, t.start_char, t.end_char,
                      "in page chrome or a related-article link")
        if not by_sentence:
            return doc
        ents = mention_index(doc)
        headlines = self._headline_ranges(doc)
        mentions: list[Mention] = []
        for k in sorted(by_sentence):
            a, b = sentences[k]
            span = doc[a:b]
            found = self._mentions(doc, k, (a, b), by_sentence[k], cues, ents.within(a, b),
                                   headline=any(h0 <= span.start_char and span.end_char <= h1
                                                for h0, h1 in headlines))
            if k > 0 and any(a <= c.start <= a + self.antecedent_reach for c in cues.get("antecedent", [])):
                self._count_from_previous(found, ents.within(*sentences[k - 1]))
            mentions.extend(found)
        events = self._merge(doc, mentions, sentences, ents)
        doc._.events = [e.record() for e in events]
        return doc

    def _triggers(self, doc: Doc) -> list[Trigger]:
        """Trigger matches; triggers and blocks compete, the longest wins ("perjanjian kerja sama" >
        "perjanjian kerja", "perjanjian kerja" > "perjanjian")."""
        assert self.matcher is not None
        raw: list[tuple[int, int, Rule, Span]] = []
        for m in self.matcher(doc):
            span = m.span(doc, mode="expand")
            if span is None or len(span) == 0:
                continue
            raw.append((span.start, span.end, m.rule, span))
        kept = longest_first(raw, lambda x: (x[0], x[1]), lambda x: x[2].priority)
        return [Trigger(r, s, e, span.start_char, span.end_char) for s, e, r, span in kept if r.get("event")]

    def _cues(self, doc: Doc, ranges: list[tuple[int, int]]) -> dict[str, list[Cue]]:
        """Cue matches by kind, inside the given token ranges only."""
        assert self.cue_matcher is not None
        cues: dict[str, list[Cue]] = {}
        found = self.cue_matcher.token_matches(doc, within=ranges, regexes=True)
        found.sort(key=lambda x: (x[1], -(x[2] - x[1]), -x[0].priority))  # as RuleMatcher orders its matches
        for r, s, e in found:
            kind = str(r.get("cue"))
            cues.setdefault(kind, []).append(Cue(kind, s, e, r))
        return cues

    def _count_from_previous(self, found: list[Mention], previous: list[Span]) -> None:
        """"Mereka dipulangkan dari Myanmar": the count is the one the sentence before gave."""
        counts = [e for e in previous if e.label_ == "CASE_COUNT"
                  and isinstance((e._.attrs or {}).get("value"), int)
                  and str((e._.attrs or {}).get("unit") or "").lower() not in self.count_units_excluded]
        if not counts:
            return
        for m in found:
            if m.type in self.needs_count and m.count is None:
                m.count = int(counts[-1]._.attrs["value"])

    @staticmethod
    def _headline_ranges(doc: Doc) -> list[tuple[int, int]]:
        """Character ranges of the lines that repeat the article's title (the headline, and the copies
        some outlets print again above the body)."""
        title = ((doc._.article or {}).get("title") or "").strip()
        if not title:
            return []
        text = doc_text(doc)
        ranges: list[tuple[int, int]] = []
        pos = text.find(title)
        while pos != -1:
            line_start = text.rfind("\n", 0, pos) + 1
            line_end = text.find("\n", pos)
            line_end = len(text) if line_end == -1 else line_end
            if text[line_start:line_end].strip() == title:
                ranges.append((line_start, line_end))
            pos = text.find(title, pos + len(title))
        return ranges

    @staticmethod
    def _is_link(cues: dict[str, list[Cue]], a: int, b: int) -> bool:
        return any(c.start == a for c in cues.get("link", []))

    def _has_cue(self, cues: dict[str, list[Cue]], kind: str, trigger: Trigger, lo: int, hi: int) -> Cue | None:
        """A cue of ``kind`` near ``trigger`` (within its window, on its side), inside tokens [lo, hi)."""
        for c in cues.get(kind, []):
            if c.start < lo or c.end > hi:
                continue
            window = int(c.rule.get("window", self.cue_window))
            side = c.rule.get("side", "before")
            before = c.end <= trigger.start and trigger.start - c.end <= window
            after = c.start >= trigger.end and c.start - trigger.end <= window
            if (side in ("before", "both") and before) or (side in ("after", "both") and after):
                return c
        return None

    def _window(self, doc: Doc, cues: dict[str, list[Cue]], trigger: Trigger, a: int, b: int) -> tuple[int, int]:
        """A trigger's argument window: its sentence, cut at a ``, kata X`` attribution. A trigger after
        the attribution ("..., kata Karding usai kunjungan ...") takes nothing from the quote before it."""
        start, end = a, b
        for c in cues.get("speaker", []):
            if not c.rule.get("cut") or not a <= c.start < b:
                continue
            if not any(t.text in self.attribution_marks for t in doc[max(c.start - 2, 0):c.start]):
                continue
            if c.start >= trigger.end:
                end = min(end, c.start)
            elif c.end <= trigger.start:
                start = max(start, c.start)
        return start, end

    def _mentions(self, doc: Doc, k: int, bounds: tuple[int, int], triggers: list[Trigger],
                  cues: dict[str, list[Cue]], ents: list[Span], headline: bool) -> list[Mention]:
        a, b = bounds
        found: list[Mention] = []
        for t in triggers:
            if self._inside_name(doc, t, a):
                trace(doc, t.rule.id, t.start_char, t.end_char,
                      "part of a Title Case name")
                continue
            for kind in ("negated", "irrealis"):
                cue = self._has_cue(cues, kind, t, a, b)
                if cue is not None:
                    if tracing(doc):
                        trace(doc, t.rule.id, t.start_char, t.end_char,
                              f"{kind} by {doc[cue.start:cue.end].text!r} ({cue.rule.id})")
                    break
            else:
                status = "planned" if self._has_cue(cues, "planned", t, a, b) else "occurred"
                same = next((m for m in found if m.type == t.type and m.anaphoric == t.anaphoric
                             and m.status == status), None)
                if same is not None:
                    same.triggers.append(doc[t.start:t.end].text)
                    continue
                start, end = self._window(doc, cues, t, a, b)
                window_ents = [e for e in ents if start <= e.start and e.end <= end]
                found.append(self._mention(doc, k, (a, b), t, status, window_ents, cues, headline))
        return found

    def _inside_name(self, doc: Doc, t: Trigger, sentence_start: int) -> bool:
        """A Title Case trigger after Title Case words is part of a name ("Indo Defence Expo and Forum")."""
        first = doc[t.start]
        if not first.is_title or t.start - 1 <= sentence_start:
            return False
        prev = doc[t.start - 1]
        return prev.is_title or (prev.lower_ in self.name_joiners and doc[t.start - 2].is_title)

    def _mention(self, doc: Doc, k: int, bounds: tuple[int, int], t: Trigger, status: str,
                 ents: list[Span], cues: dict[str, list[Cue]], headline: bool) -> Mention:
        a, b = bounds
        speaker_tokens: set[int] = set()
        for c in cues.get("speaker", []):
            if a <= c.start < b:
                speaker_tokens.update(range(c.end, c.end + self.speaker_reach))
        # "X, dalam jumpa pers Jumat (5/5), mengatakan ... memulangkan": dates before the verb date the statement
        statement_end = max((c.start for c in cues.get("reported", []) if a <= c.start and c.end <= t.start),
                            default=a)
        citizen_ends = {c.end for c in cues.get("citizen", []) if a <= c.start < b}
        place_ends = {c.end for c in cues.get("place", []) if a <= c.start < b}
        if t.type not in self.home_bound:
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
                if isinstance(value, int) and unit not in self.count_units_excluded and distance <= self.count_window:
                    # the rule's count_side first: "memulangkan 101 WNI", "46 WNI dipulangkan"
                    wrong_side = (e.start < centre) != (count_side == "before")
                    counts.append((distance + COUNT_SIDE_PENALTY * wrong_side, value))
                continue
            if label == "LOCATION":
                if e.start in destination_ends and e.start not in place_ends:
                    continue
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
                    if not after_location:
                        places.append((0, distance, name, False))
                    continue  # "di Kamboja", "di Sihanoukville, Kamboja": where, not who
                if e.start in citizen_ends or e.start in speaker_tokens:
                    continue
                if label in self.participant_labels:
                    participants.setdefault(name.lower(), name)
                continue
            if label in self.participant_labels and e.start not in speaker_tokens:
                if label == "OFFICIAL":
                    name = str(attrs.get("name") or e.text)
                else:
                    name = e.text
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
            count=min(counts)[1] if counts and t.type in self.needs_count else None,
            realized=self._has_cue(cues, "realized", t, a, b) is not None,
            headline=headline,
        )

    # -- merging ------------------------------------------------------------------------

    @staticmethod
    def _dates_compatible(a: str | None, b: str | None) -> bool:
        if a is None or b is None or a == b:
            return True
        ia, ib = timex.interval(a), timex.interval(b)
        if ia is None or ib is None:
            return False
        return timex.within(ia, ib) or timex.within(ib, ia)

    def _joins(self, event: Event, m: Mention) -> bool:
        if event.type != m.type or not self._dates_compatible(event.date, m.date):
            return False
        if m.type in self.needs_count and m.count is not None and event.count is not None:
            return m.count == event.count
        if m.anaphoric or (not m.participants and m.count is None):
            return m.sentence - event.last_sentence <= self.anaphor_window
        if m.type in self.needs_count and m.count is not None and event.count is None:
            return m.sentence - event.last_sentence <= self.merge_window
        distance = m.sentence - event.last_sentence
        shared = bool(set(m.participants) & set(event.participants))
        return (shared and distance <= self.anaphor_window) or distance <= self.merge_window

    def _starts_event(self, m: Mention, doc: Doc) -> bool:
        if m.headline:
            return False
        need = int(m.rule.get("min_participants", self.min_participants.get(m.type, 0)))
        if m.type in self.needs_count:
            if m.count is not None:
                return len(m.participants) >= need
            return len(m.participants) >= max(need, 1) and m.realized and m.status == "occurred"
        return len(m.participants) >= need and (need > 0 or m.count is not None)

    def _merge(self, doc: Doc, mentions: list[Mention], sentences: list[tuple[int, int]],
               ents: MentionIndex) -> list[Event]:
        events: list[Event] = []
        body = [m for m in mentions if not m.headline]
        heads = [m for m in mentions if m.headline]
        pending: list[Mention] = []  # too little to stand alone, but may announce the next event
        for m in body + heads:
            target = self._find_event(events, m)
            if target is not None:
                self._absorb(target, m)
            elif self._starts_event(m, doc):
                self._inherit(events, m)
                event = Event(
                    type=m.type, rule=m.rule.id, status=m.status, participants=dict(m.participants),
                    date=m.date, place=m.place, place_is_location=m.place_is_location, count=m.count,
                    first_sentence=m.sentence, last_sentence=m.sentence, evidence=[self._evidence(m)])
                for p in [p for p in pending if self._announces(p, event)]:
                    pending.remove(p)
                    self._absorb(event, p)
                    event.first_sentence = min(event.first_sentence, p.sentence)
                events.append(event)
            else:
                if not (m.anaphoric or m.headline):
                    pending.append(m)
                if tracing(doc):
                    trace(doc, m.rule.id, m.start_char, m.end_char,
                          f"{m.type} mention with too little to stand alone (participants "
                          f"{list(m.participants.values())}, count {m.count}, status {m.status})")
        for e in events:
            self._refine_date_from_next_sentence(e, sentences, mentions, ents)
        return sorted(events, key=lambda e: e.first_sentence)

    def _announces(self, p: Mention, e: Event) -> bool:
        """A mention just before an event that it may announce ("kunjungan ke Kamboja pada 11 Juni", then
        "bertemu dengan ...")."""
        return (p.type == e.type and p.status == e.status and 0 < e.first_sentence - p.sentence <= self.merge_window
                and self._dates_compatible(p.date, e.date)
                and (p.count is None or e.count is None or p.count == e.count))

    def _find_event(self, events: list[Event], m: Mention) -> Event | None:
        if m.type in self.needs_count and m.count is not None:
            same_count = [e for e in events if e.type == m.type and e.count == m.count
                          and self._dates_compatible(e.date, m.date)]
            if same_count:
                return same_count[-1]
        for e in reversed(events):
            if e.type != m.type:
                continue
            if m.headline:
                if self._shares(e, m) and self._dates_compatible(e.date, m.date):
                    return e
            elif self._joins(e, m):
                return e
        return None

    def _inherit(self, events: list[Event], m: Mention) -> None:
        """A wave of a rescue or repatriation just reported ("gelombang pertama, 46 WNI") keeps
        the parent's place and actors when its own sentence names none."""
        if m.type not in self.needs_count:
            return
        parent = next((e for e in reversed(events) if e.type == m.type), None)
        if parent is None or m.sentence - parent.last_sentence > self.merge_window:
            return
        if m.place is None:
            m.place, m.place_is_location = parent.place, parent.place_is_location
        if not m.participants:
            m.participants = dict(parent.participants)

    @staticmethod
    def _shares(e: Event, m: Mention) -> bool:
        return bool(set(m.participants) & set(e.participants)) or (m.count is not None and m.count == e.count)

    @staticmethod
    def _evidence(m: Mention) -> dict[str, Any]:
        return {"start": m.start_char, "end": m.end_char, "trigger": m.triggers[0], "rule": m.rule.id}

    def _absorb(self, e: Event, m: Mention) -> None:
        e.evidence.append(self._evidence(m))
        e.evidence.sort(key=lambda x: x["start"])
        if m.headline:
            return
        e.last_sentence = max(e.last_sentence, m.sentence)
        for key, name in m.participants.items():
            e.participants.setdefault(key, name)
        if m.date is not None:
            if e.date is None:
                e.date = m.date
            else:
                new, old = timex.interval(m.date), timex.interval(e.date)
                if new and old and timex.within(new, old) and timex.span_days(new) < timex.span_days(old):
                    e.date = m.date
        if e.count is None and m.count is not None:
            e.count = m.count
        same_count = m.count is not None and m.count == e.count
        if m.place is not None and (e.place is None or (same_count and m.place_is_location
                                                         and not e.place_is_location)):
            e.place, e.place_is_location = m.place, m.place_is_location
        if m.status == "occurred" and not m.anaphoric:  # "repatriasi ini" says nothing of whether it happened
            e.status = "occurred"

    def _refine_date_from_next_sentence(self, e: Event, sentences: list[tuple[int, int]],
                                        mentions: list[Mention], ents: MentionIndex) -> None:
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


@Language.factory("warta_events", default_config={"rules": []})
def make_events(nlp: Language, name: str, rules: list[str]) -> EventExtractor:
    """``rules``: folders layered over the built-in rules when the component is used alone."""
    return with_rule_dirs(EventExtractor(nlp, name), rules)
