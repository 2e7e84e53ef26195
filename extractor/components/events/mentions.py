"""Event mentions: trigger words in the sentences of the shared splitter, with the cues around them.

A trigger becomes a mention unless a cue in its clause says it did not happen (negated, irrealis);
a planned cue gives it the status "planned". Its arguments are read by ``arguments.read_mention``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from ...doc import doc_text
from ...matching import RuleMatcher
from ...rules import Rule
from ...spans import longest_first, trace, tracing
from .arguments import read_mention
from .model import Cue, Cues, Mention, Trigger
from .settings import EventSettings
from .stages import split_stages, split_total, stage_in_clause, total_count
from .values import people_count


def find_triggers(matcher: RuleMatcher, doc: Doc) -> list[Trigger]:
    """Trigger matches; triggers and blocks compete, the longest wins ("perjanjian kerja sama" >
    "perjanjian kerja", "perjanjian kerja" > "perjanjian")."""
    raw: list[tuple[int, int, Rule, Span]] = []
    for m in matcher(doc):
        span = m.span(doc, mode="expand")
        if span is None or len(span) == 0:
            continue
        raw.append((span.start, span.end, m.rule, span))
    kept = longest_first(raw, lambda x: (x[0], x[1]), lambda x: x[2].priority)
    return [Trigger(r, s, e, span.start_char, span.end_char) for s, e, r, span in kept if r.get("event")]


def find_cues(matcher: RuleMatcher, doc: Doc, ranges: list[tuple[int, int]],
              joiners: frozenset[str] = frozenset()) -> Cues:
    """Cue matches by kind, inside the given token ranges only; each marked when a clause joiner
    stands right before it."""
    cues: Cues = {}
    found = matcher.token_matches(doc, within=ranges, regexes=True)
    found.sort(key=lambda x: (x[1], -(x[2] - x[1]), -x[0].priority))  # as RuleMatcher orders its matches
    for r, s, e in found:
        kind = str(r.get("cue"))
        cues.setdefault(kind, []).append(Cue(kind, s, e, r, s > 0 and doc[s - 1].lower_ in joiners))
    return cues


def count_from_previous(cfg: EventSettings, found: list[Mention], previous: list[Span],
                        stages: list[Mention] | None = None) -> None:
    """"Mereka dipulangkan dari Myanmar": the count is the one the sentence before gave; the sum of its
    stages when it told a group in stages ("dalam dua gelombang, 46 dan 84. Para WNI ini ...")."""
    staged = [m.count for m in stages or [] if m.type in cfg.needs_count and m.count is not None]
    if len(staged) >= cfg.min_stages and len(set(staged)) == len(staged):
        for m in found:
            if m.type in cfg.needs_count and m.count is None:
                m.count = sum(c for c in staged if c is not None)
        return
    values = [v for e in previous if (v := people_count(cfg, e)) is not None]
    if not values:
        return
    # "130 WNI dalam dua gelombang, 46 dan 84. Para WNI ini ...": the group is the total of its parts
    totals = [v for v in values if len(values) > 2 and 2 * v == sum(values)]
    for m in found:
        if m.type in cfg.needs_count and m.count is None:
            m.count = totals[0] if totals else values[-1]


def headline_ranges(doc: Doc) -> list[tuple[int, int]]:
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


def is_link(cues: Cues, a: int, b: int) -> bool:
    """A sentence that starts with a link cue ("Baca juga") is a related-article link."""
    return any(c.start == a for c in cues.get("link", []))


def has_cue(cfg: EventSettings, cues: Cues, kind: str, trigger: Trigger, lo: int, hi: int,
            skip: Callable[[Cue], bool] | None = None) -> Cue | None:
    """A cue of ``kind`` near ``trigger`` (within its window, on its side), inside tokens [lo, hi); none
    that ``skip`` rejects."""
    for c in cues.get(kind, []):
        if skip is not None and skip(c):
            continue
        if c.start < lo or c.end > hi:
            continue
        window = int(c.rule.get("window", cfg.cue_window))
        side = c.rule.get("side", "before")
        before = c.end <= trigger.start and trigger.start - c.end <= window
        # "dibebaskan dan dijadwalkan pulang": a cue after a joiner belongs to the next predicate
        after = c.start >= trigger.end and c.start - trigger.end <= window and not c.coordinated
        if (side in ("before", "both") and before) or (side in ("after", "both") and after):
            return c
    return None


def achieved(cfg: EventSettings, cues: Cues, modal: Cue) -> bool:
    """A realized cue right before a modal (within ``achieved_reach`` tokens) makes it an achievement; not
    before a ``firm`` cue: "telah meminta" is still a request."""
    if modal.rule.get("firm"):
        return False
    return any(0 <= modal.start - c.end <= cfg.achieved_reach for c in cues.get("realized", []))


def tallied(cfg: EventSettings, doc: Doc, cues: Cues, trigger: Trigger, modal: Cue) -> bool:
    """"jumlah yang dapat dibebaskan kini total 40 orang": a modal (``tally_modals``) in a
    running total, a total cue within ``cue_window`` of the trigger, tells what was achieved."""
    if doc[modal.start:modal.end].text.lower() not in cfg.tally_modals:
        return False
    return any(0 <= c.start - trigger.end <= cfg.cue_window or 0 <= trigger.start - c.end <= cfg.cue_window
               for c in cues.get("total", []))


def argument_window(cfg: EventSettings, doc: Doc, cues: Cues, trigger: Trigger, a: int, b: int) -> tuple[int, int]:
    """A trigger's argument window: its sentence, cut at a ``, kata X`` attribution. A trigger after
    the attribution ("..., kata Karding usai kunjungan ...") takes nothing from the quote before it."""
    start, end = a, b
    for c in cues.get("speaker", []):
        if not c.rule.get("cut") or not a <= c.start < b:
            continue
        if not any(t.text in cfg.attribution_marks for t in doc[max(c.start - 2, 0):c.start]):
            continue
        if c.start >= trigger.end:
            end = min(end, c.start)
        elif c.end <= trigger.start:
            start = max(start, c.start)
    return start, end


def inside_name(cfg: EventSettings, doc: Doc, t: Trigger, sentence_start: int) -> bool:
    """A Title Case trigger after Title Case words is part of a name ("Indo Defence Expo and Forum")."""
    first = doc[t.start]
    if not first.is_title or t.start - 1 <= sentence_start:
        return False
    prev = doc[t.start - 1]
    return prev.is_title or (prev.lower_ in cfg.name_joiners and doc[t.start - 2].is_title)


def sentence_mentions(cfg: EventSettings, doc: Doc, k: int, bounds: tuple[int, int], triggers: list[Trigger],
                      cues: Cues, ents: list[Span], headline: bool) -> list[Mention]:
    """The mentions of sentence ``k``: one per type, anaphor and status; the rejected ones traced."""
    a, b = bounds
    found: list[Mention] = []
    blocked: dict[int, Cue] = {}  # a trigger's end token -> the cue that voided it
    for t in triggers:
        if not headline and inside_name(cfg, doc, t, a):  # in a title every word is capitalized
            trace(doc, t.rule.id, t.start_char, t.end_char, "part of a Title Case name")
            continue
        for kind in ("negated", "irrealis"):
            # "akhirnya bisa dipulangkan", "sudah dapat pulang": that modal says it was done (another may not)
            skip = (lambda c, t=t: achieved(cfg, cues, c) or tallied(cfg, doc, cues, t, c)) if kind == "irrealis" \
                else None
            cue = has_cue(cfg, cues, kind, t, a, b, skip)
            # "untuk segera membebaskan dan memulangkan": a verb coordinated with a voided one shares its cue
            if cue is None and t.start >= 2 and doc[t.start - 1].lower_ in cfg.coordinators:
                shared = blocked.get(t.start - 1)
                cue = shared if shared is not None and shared.kind == kind else None
            if cue is not None:
                blocked[t.end] = cue
                if tracing(doc):
                    trace(doc, t.rule.id, t.start_char, t.end_char,
                          f"{kind} by {doc[cue.start:cue.end].text!r} ({cue.rule.id})")
                break
        else:
            status = "planned" if has_cue(cfg, cues, "planned", t, a, b) else "occurred"
            same = next((m for m in found if m.type == t.type and m.anaphoric == t.anaphoric
                         and m.status == status), None)
            if same is not None:
                same.triggers.append(doc[t.start:t.end].text)
                continue
            start, end = argument_window(cfg, doc, cues, t, a, b)
            window_ents = [e for e in ents if start <= e.start and e.end <= end]
            realized = has_cue(cfg, cues, "realized", t, a, b) is not None or any(  # "berhasil dikeluarkan"
                t.start <= c.start and c.end <= t.end for c in cues.get("realized", []))
            others = tuple(o for o in triggers if o.type != t.type)
            mention = read_mention(cfg, doc, k, (a, b), t, status, window_ents, cues, headline, realized, others)
            stage_in_clause(cfg, doc, mention, t, window_ents)
            mention.presupposed = has_cue(cfg, cues, "presupposed", t, a, b) is not None
            stages = split_stages(cfg, mention, t, window_ents)
            if len(stages) == 1:
                total = total_count(cfg, cues, (a, b), ents, triggers, t.type)
                stages = split_total(cfg, mention, total, window_ents)
            found.extend(stages)
    return found
