"""The rule kinds of events and of their aggregation across articles (split from kinds.py, which imports
and lists them): event triggers and cues, and the thresholds of ``warta aggregate``."""

from __future__ import annotations

from .schema import RuleKind, Setting, flag, integer, mapping, number, string, text, words

EVENT_TYPES = ("MEETING", "AGREEMENT", "RESCUE", "REPATRIATION")
EVENT_CUES = ("planned", "negated", "irrealis", "realized", "speaker", "reported", "citizen", "place", "destination",
              "antecedent", "place_anaphor", "presupposed", "link", "block", "dateline", "total")
SIDES = ("before", "after", "both")
PLACE_ROLES = ("at", "from", "to", "via", "origin", "said")
"""What a place cue says of the place after it: where something happened, where people were taken from,
where they went, what they passed through on the way (via: "melalui Bandara Don Mueang"), where they were
born or live (origin: "berasal dari"), where a statement was made or received (said: "keterangan di
Jakarta")."""
PLACE_RANKS = (*PLACE_ROLES, "bare")
"""The entries of ``place_precedence``: a place cue's role, or ``bare`` for a LOCATION with no cue."""
POSITIONS = ("before", "after")


EVENT = RuleKind(
    name="event",
    doc="Event triggers (MEETING, AGREEMENT, RESCUE, REPATRIATION) and the cues that shape them.",
    fields={
        "event": text("the event a trigger starts", EVENT_TYPES),
        "anaphoric": flag(),
        "min_participants": number(),
        "count_required": flag(),
        "first_leg": text("the event type this trigger's event is the first leg of (a rescue, of a repatriation "
                          "under way)", EVENT_TYPES),
        "cue": text("what the cue says", EVENT_CUES),
        "side": text("where the cue stands from the trigger", SIDES),
        "window": number("an integer (tokens)"),
        "cut": flag(),
        "firm": flag(),
        "count_side": text("where the count stands", POSITIONS),
        "place_role": text("what a place cue says of the place after it", PLACE_ROLES),
    },
    settings={
        "cue_window": integer(4, "an integer (tokens)"),
        "merge_window": integer(2, "an integer (sentences)"),
        "anaphor_window": integer(8, "an integer (sentences)"),
        "min_participants": mapping("a mapping of event type to an integer",
                                    {"MEETING": 2, "AGREEMENT": 1, "RESCUE": 0, "REPATRIATION": 0}),
        "needs_count": words("a list of event types", ["RESCUE", "REPATRIATION"]),
        "participant_labels": words("a list of entity labels", ["OFFICIAL", "AGENCY", "COUNTRY"]),
        "count_units_excluded": words("a list of lower-case units"),
        "count_window": integer(16, "an integer (tokens)"),
        "subject_count_window": integer(40, "an integer (tokens)"),
        "approx_count_slack": Setting((int, float), 0.1,
                                      "a fraction: how far an exact count may lie from a qualified one "
                                      "(lebih dari 1.200) told of the same occurrence"),
        "attendance_words": words("a list of lower-case words between a speaker and a trigger that put the speaker "
                                  "there (kata X usai rapat dengan Y)"),
        "remainder_words": words("a list of lower-case words before a count of those left behind (tersisa 154 WNI)"),
        "whole_markers": words("a list of lower-case words between two counts that make the second the whole the "
                               "first is part of (5 dari 11 WNI): never an event's count"),
        "part_fillers": words("a list of lower-case words that may stand between a part word and its trigger "
                              "(sepertiga lebih di antaranya telah pulang)"),
        "coordinators": words("a list of lower-case words coordinating two verbs that share a voiding cue "
                              "(untuk membebaskan dan memulangkan)"),
        "part_words": words("a list of lower-case words between a count and a trigger that make the trigger's people "
                            "a share of the count (6.000 WNI, sepertiga di antaranya pulang): not its count"),
        "majority_words": words("a list of lower-case words after a part word that make it say 'mostly' (sebagian "
                                "besar warga asing): the whole group, not a share"),
        "companion_words": words("a list of lower-case words right before a count of the people someone went with "
                                 "(X bersama 40 WNI lainnya): with one of `others_words` after it, the group is "
                                 "that count and one"),
        "others_words": words("a list of lower-case words after a companion count's noun that make it the others "
                              "(lainnya, lain)"),
        "stage_words": words("a list of lower-case words that open a sentence about one stage (Gelombang pertama)"),
        "stage_count_reach": integer(0, "an integer (tokens): how far after a stage word a count may stand to be "
                                        "that stage's (kloter pertama dan kedua berjumlah 250 orang); 0: never"),
        "clause_joiners": words("a list of lower-case words right before which an after-side cue opens another "
                                "predicate (dibebaskan dan dijadwalkan pulang)"),
        "subject_markers": words("a list of lower-case words that open a subject's count (Sebanyak 33 WNI)",
                                 ["sebanyak", "sejumlah"]),
        "abbreviations": words("a list of words a full stop after which ends no sentence"),
        "place_precedence": mapping(
            "a mapping of event type to the place roles it takes, best first (a role not listed is never its place)",
            {"MEETING": ["at", "to", "from", "bare"], "AGREEMENT": ["at", "to", "from", "bare"],
             "RESCUE": ["from", "at", "bare"], "REPATRIATION": ["from", "at", "bare"]}),
        "place_joiners": words("a list of words that join places into one list (di Laos dan Kamboja)",
                               ["dan", "atau", "serta", ","]),
        "place_nouns": words("a list of lower-case words that may stand between a place cue and its place "
                             "(di wilayah konflik Myawaddy)", ["wilayah", "daerah", "kawasan", "zona", "konflik"]),
        "place_noun_reach": integer(3, "an integer (tokens)"),
        "home_country": string("ID", "an ISO 3166-1 alpha-2 code: the home country of the people brought home"),
        "placed_abroad": words("a list of event types whose place is never the home country", ["REPATRIATION"]),
        "speaker_reach": integer(3, "an integer (tokens)"),
        "antecedent_reach": integer(3, "an integer (tokens)"),
        "attribution_marks": words("a list of punctuation tokens", [",", "”", '"']),
        "name_joiners": words("a list of lower-case words", ["and", "of", "&"]),
        "listed_statuses": words("a list of statuses an event needs to be written out", ["occurred"]),
        "min_stages": integer(2, "an integer (events)"),
        "stage_lead_days": integer(7, "an integer (days)"),
        "operation_type": string(None, "an event type: an operation an anaphor tells both ways (a rescue, then "
                                       "'pemulangan ini') is of this type (null: never)"),
        "first_leg_days": integer(0, "an integer (days): how soon after a first-leg rescue its group's dated "
                                     "arrival home makes the repatriation under way (0: never)"),
        "achieved_reach": integer(1, "an integer (tokens)"),
        "tally_modals": words("a list of lower-case modals a running total voids (yang dapat diselamatkan menjadi)"),
        "speakers_before_report": words("a list of event types", []),
    },
    labels=(),
)


AGGREGATE = RuleKind(
    name="aggregate",
    doc="Thresholds of `warta aggregate` (stories, clusters, stages); settings only. The file's comments explain them.",
    settings={
        "clusters": mapping(
            "two events are one occurrence when nothing contradicts it (dates more than `date_slack_days` apart, "
            "or up to `distinctive_count_days` for an equal count of at least `distinctive_count`; an undated event "
            "covers `undated_window_days` before publication; counts further apart than `count_tolerance` of the "
            "larger; places in different countries; no shared party for `participant_check_types`) and the "
            "`evidence` points reach `min_link_score`; only events of `statuses` are clustered; `home_country` "
            "and `place_prefixes` shape place comparison; `published_window_days` and `participants_counted` "
            "bound two kinds of evidence",
            {"date_slack_days": 2, "undated_window_days": 31, "count_tolerance": 0.0, "published_window_days": 3,
             "participant_check_types": ["MEETING", "AGREEMENT"], "home_country": "ID",
             "place_prefixes": ["Kota", "Kabupaten", "Provinsi", "Desa"], "statuses": ["occurred"],
             "distinctive_count": 50, "distinctive_count_days": 62, "participants_counted": 2, "min_link_score": 3,
             "evidence": {"same_count": 3, "same_day": 2, "same_date": 1, "same_place": 1, "same_country": 0.5,
                          "shared_participant": 1, "same_story": 3, "published_close": 1}}),
        "stages": mapping(
            "a cluster of `types` is a stage of a larger one when its dates lie within it, the larger spans at most "
            "`total_max_days` days, and one article reports both or up to `max_summed` stages add up to its count; "
            "totals of one stage, or stages of one total, within `variant_count_tolerance` are one occurrence, and so "
            "are any two of at least `distinctive_count` people within `close_count_tolerance`; a cluster of the first "
            "of `leg_types` dated at most `leg_days` before one of the second with the same people (both no wider "
            "than `leg_max_days`) is the first leg of that operation and joins it",
            {"types": ["RESCUE", "REPATRIATION"], "total_max_days": 62, "max_summed": 6,
             "variant_count_tolerance": 0.1, "close_count_tolerance": 0.03,
             "leg_types": ["RESCUE", "REPATRIATION"], "leg_days": 2, "leg_max_days": 7}),
        "stories": mapping(
            "articles sharing at least `threshold` of their word `shingle`-grams (MinHash, `num_perm` permutations) "
            "are one story; without texts, titles and mention sequences compared with `mention_threshold` over "
            "`mention_shingle`-grams",
            {"threshold": 0.5, "shingle": 5, "mention_threshold": 0.4, "mention_shingle": 3, "num_perm": 64}),
    },
    requires_pattern=False,
    labels=(),
)
