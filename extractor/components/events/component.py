"""The events component: ``doc._.events`` from trigger rules, cue rules and the Doc's mentions.

Runs last. ``mentions`` turns sentences with a trigger into event mentions (status from cues,
arguments by ``arguments``); ``merge`` joins the mentions of one occurrence into one event.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from ...doc import in_chrome, mention_index, sentence_bounds
from ...extensions import LOWER_BOUND_BASIS
from ...factories import warta_component, with_rule_dirs
from ...matching import RuleMatcher
from ...rules import RuleSet
from ...rules.kinds import EVENT
from ...spans import trace, tracing
from .arguments import place_from_previous, refine_date_from_next_sentence
from .homeward import first_legs
from .mentions import count_from_previous, find_cues, find_triggers, headline_ranges, is_link, sentence_mentions
from .merge import agreed_at_meetings, fold_duplicates, link_stages, listed, merge, share_places
from .model import Mention, Trigger
from .settings import EventSettings, check_rule
from .stages import stages_from_next_sentence

KIND = EVENT
CHROME = "in page chrome or a related-article link"


@warta_component("warta_events")
class EventExtractor:
    """Builds ``doc._.events`` from trigger rules, cue rules and the Doc's mentions."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.cfg = EventSettings.defaults()
        self.matcher: RuleMatcher | None = None
        self.cue_matcher: RuleMatcher | None = None

    def set_rules(self, ruleset: RuleSet) -> None:
        rules = ruleset.of_kind("event")
        for rule in rules:
            check_rule(rule)
        self.cfg = EventSettings.read(ruleset.settings("event"))
        # Triggers and blocks are matched over the whole Doc (they are rare: no trigger, no further work);
        # cue words (di, ke, akan, warga) are everywhere: they are matched only in the sentences with a trigger.
        competing = [r for r in rules if r.get("event") or r.get("cue") == "block"]
        self.matcher = RuleMatcher(self.nlp.vocab, self.nlp.make_doc, competing)
        self.cue_matcher = RuleMatcher(self.nlp.vocab, self.nlp.make_doc,
                                       [r for r in rules if r.get("cue") not in (None, "block")])

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        if self.matcher is None or self.cue_matcher is None or len(doc) == 0:
            return doc
        triggers = find_triggers(self.matcher, doc)
        if not triggers:
            return doc  # most articles: one matcher pass and done
        cfg = self.cfg
        sentences = sentence_bounds(doc, cfg.abbreviations)
        starts = [a for a, _ in sentences]
        by_sentence: dict[int, list[Trigger]] = {}
        for t in triggers:
            if in_chrome(doc, t.start_char, t.end_char):
                trace(doc, t.rule.id, t.start_char, t.end_char, CHROME)
                continue
            by_sentence.setdefault(bisect_right(starts, t.start) - 1, []).append(t)
        # the sentence before each one with a trigger too: its places may be taken ("Mereka", "di sana")
        cues = find_cues(self.cue_matcher, doc,
                         [sentences[j] for j in sorted({i for k in by_sentence for i in (k - 1, k) if i >= 0})],
                         cfg.clause_joiners)
        for k in [k for k in by_sentence if is_link(cues, *sentences[k])]:
            for t in by_sentence.pop(k):
                trace(doc, t.rule.id, t.start_char, t.end_char, CHROME)
        if not by_sentence:
            return doc
        ents = mention_index(doc)
        headlines = headline_ranges(doc)
        mentions: list[Mention] = []
        for k in sorted(by_sentence):
            a, b = sentences[k]
            span = doc[a:b]
            headline = any(h0 <= span.start_char and span.end_char <= h1 for h0, h1 in headlines)
            found = sentence_mentions(cfg, doc, k, (a, b), by_sentence[k], cues, ents.within(a, b), headline)
            antecedent = k > 0 and any(a <= c.start <= a + cfg.antecedent_reach for c in cues.get("antecedent", []))
            if antecedent:
                count_from_previous(cfg, found, ents.within(*sentences[k - 1]),
                                    [m for m in mentions if m.sentence == k - 1])
            if antecedent or (k > 0 and any(a <= c.start < b for c in cues.get("place_anaphor", []))):
                place_from_previous(cfg, doc, found, cues, sentences[k - 1], ents.within(*sentences[k - 1]))
            mentions.extend(found)
        events, rejected = merge(cfg, mentions)
        if tracing(doc):
            for m, reason in rejected:
                trace(doc, m.rule.id, m.start_char, m.end_char, reason)
        events = sorted(events + stages_from_next_sentence(cfg, doc, events, sentences, mentions, ents),
                        key=lambda e: e.first_sentence)
        for e in events:
            refine_date_from_next_sentence(e, sentences, mentions, ents)
        events = fold_duplicates(cfg, events)
        # the latest day the article dates is no bound on what has happened by the time it was written
        bound = None if doc._.reference_basis == LOWER_BOUND_BASIS else doc._.reference_date
        events, dropped = listed(cfg, events, bound)
        for e, reason in dropped:
            for ev in e.evidence:
                trace(doc, ev["rule"], ev["start"], ev["end"], reason)
        events = sorted(events + first_legs(cfg, events, mentions), key=lambda e: e.first_sentence)
        link_stages(cfg, events)
        share_places(cfg, events)
        agreed_at_meetings(cfg, events)
        doc._.events = [e.record() for e in events]
        return doc


@Language.factory("warta_events", default_config={"rules": []})
def make_events(nlp: Language, name: str, rules: list[str]) -> EventExtractor:
    """``rules``: folders layered over the built-in rules when the component is used alone."""
    return with_rule_dirs(EventExtractor(nlp, name), rules)
