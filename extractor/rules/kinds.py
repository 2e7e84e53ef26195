"""Every rule kind Warta reads, declared beside the loader (components import these; never the reverse).

Each kind lists the fields its rules may carry (enumerated ones with their
values), its settings with their defaults, and the labels its rules may tag.
``python -m extractor.rules.reference`` writes docs/rules-reference.md from
these declarations.
"""

from __future__ import annotations

from .schema import Field, RuleKind, Setting, flag, integer, items, mapping, number, string, switch, text, words

ISO = "an ISO 3166-1 alpha-2 code"

# --- enumerations (the values a field may take; anything else is E021 at load) ----------------------

AGENCY_ROLES = ("generic", "not_agency", "office", "defined_acronym", "listed_acronym")
OFFICIAL_ROLES = ("title", "rank", "honorific", "person", "coref", "alias", "appositive")
EXTENTS = ("match", "line", "to_end", "from_line_start_to_end", "back_to_quote")
HEADLINE_STYLES = ("title", "sentence")
CASE_COUNT_ROLES: dict[str, tuple[str, ...]] = {
    "unit": (),
    "implied": ("refer",),
    "qualifier": ("qualifier",),
    "category": (),
    "exclude_before": (),
    "exclude_after": (),
    "exclude": (),
    "boundary": (),
    "baseline": (),
    "multi_place": (),
    "place_anaphor": (),
    "not_place": (),
}
"""A case-count rule's role -> the kind-specific fields a rule of that role must carry."""
QUALIFIERS = ("more_than", "at_least", "approx", "almost", "less_than", "at_most")
REFERS = ("last", "sentence", "next")
COUNT_CUES = ("category", "preceded")
POSITIONS = ("before", "after")
ATTRIBUTES = ("period", "country")
DATE_ROLES = ("month", "weekday", "relative", "unit", "numeral", "ordinal", "year_part", "connector", "conjunction",
              "modifier", "prefix", "direction", "future_cue", "context", "exclude", "shape")
UNITS = ("day", "week", "month", "year")
MODS = ("START", "MID", "END")
DIRECTIONS = ("past", "present", "future")
YEAR_PARTS = ("quarter", "half")
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

AGENCY = RuleKind(
    name="agency",
    doc="Named agencies (a pattern, or a name with acronym and aliases) and the words of generic agency names.",
    fields={
        "role": text("what the rule is (none: a named agency)", AGENCY_ROLES),
        "name": text("a string: the agency's normalized name"),
        "acronym": text("a string"),
        "aliases": items("a list of strings"),
        "country": text(ISO),
        "kind": text("a string (ministry, police, embassy, ...)"),
        "takes_place": flag(),
        "place_name": text("a format string with {name}, {pattern} and {place}"),
    },
    settings={
        "name_words": words("words that head a generic agency name (also officials' title words)"),
        "connectors": words(),
        "open_connectors": words(),
        "name_breakers": words(),
        "max_generic_tokens": integer(12),
        "enumeration_end": words("words closing an enumeration inside a name", ["dan"]),
        "list_separators": words(),
        "state_words": words(),
        "grade_words": words(),
        "max_place_tokens": integer(4),
        "home_location_rules": words("a list of rule id prefixes"),
        "not_acronyms": words("a list of acronyms"),
        "default_country": string("ID", ISO),
    },
    requires_pattern=False,
    labels=("AGENCY",),
)

BOILERPLATE = RuleKind(
    name="boilerplate",
    doc="Page chrome (menus, captions, 'read also' lines) that no other component reads.",
    fields={
        "extent": text("how far the chrome reaches from the match", EXTENTS),
        "next_lines": number("an integer (following headline-like lines that belong to the chrome)"),
        "inline_headline": text("the case of the headline that follows", HEADLINE_STYLES),
        "max_chars": number("an integer (to_end: apply only if at most this many characters remain)"),
        "stop": flag(),
        "requires": items("a list of strings, one of which every match of the regex contains"),
        "outlet": text("a string (documentation: the outlet the rule was written for)"),
    },
    settings={
        "headline_min_chars": integer(200),
        "headline_min_words": integer(25),
        "headline_max_chars": integer(160),
        "merge_gap": integer(3),
        "function_words": words("a list of lower-case words allowed inside a Title Case headline"),
        "headline_stop_words": words("a list of words that end an inline headline"),
        "abbreviations": words("a list of lower-case abbreviations ending in '.' (they do not end a headline)"),
    },
    labels=(),
)

BYLINE = RuleKind(
    name="byline",
    doc="Labelled bylines and initials codes: the article's authors.",
    fields={"role": text("a role in lower case (author, editor, reporter, translator)")},
    settings={
        "max_name_tokens": integer(5),
        "not_after": words(),
        "end_markers": words("a list of strings"),
        "name_separators": words("a list of words or punctuation marks", [","]),
    },
    labels=(),
)

CASE_COUNTS = RuleKind(
    name="case_counts",
    doc="Counted units, qualifiers, exclusions and cues of CASE_COUNT mentions (places come from LOCATION rules).",
    fields={
        "role": text("what the rule is", tuple(CASE_COUNT_ROLES)),
        "unit": text("a string (the counted noun, lower case; default: the matched text)"),
        "qualifier": text("the qualifier a `qualifier` rule gives", QUALIFIERS),
        "category": text("a string"),
        "country": text(ISO),
        "refer": text("where an `implied` count finds its unit", REFERS),
        "cue": text("a cue needing no pattern", COUNT_CUES),
        "partition_head": flag(),
        "position": text("where the match stands from the numeral", POSITIONS),
        "preceded_by": items("a list of words"),
        "classifier": flag(),
        "keep_with_unit": flag(),
        "blocks": items("the attributes a boundary blocks", ATTRIBUTES),
        "home_only": flag(),
    },
    settings={
        "number_words": mapping("a mapping word -> integer"),
        "teen_words": words(),
        "multipliers": mapping("a mapping word -> integer"),
        "scales": mapping("a mapping word -> integer"),
        "vague_quantities": mapping("a mapping word -> [low, high]"),
        "anaphoric_determiners": words(),
        "range_joiners": words(),
        "place_prepositions": words(),
        "home_country": string(None, ISO),
        "home_country_prepositions": words(),
        "approximate_scales": mapping("a mapping word -> integer"),
        "partition_words": words(),
        "refer_window": integer(80, "an integer (tokens)"),
        "date_window": integer(3, "an integer (tokens)"),
        "qualifier_fillers": words(),
        "qualifier_filler_max": integer(2, "an integer (words)"),
        "approximate_suffixes": words("a list of suffixes"),
        "place_coordinators": words(),
        "category_joiners": words(),
        "category_window": integer(6, "an integer (tokens)"),
        "numeral_regex_window": integer(60, "an integer (characters)"),
    },
    requires_pattern=False,  # checked per rule: only `cue:` rules may go without one
    labels=("CASE_COUNT",),
)

DATES = RuleKind(
    name="dates",
    doc="The lexicon and shapes of DATE mentions (months, weekdays, relative expressions, exclusions).",
    fields={
        "role": text("what the rule is", DATE_ROLES),
        "value": number(),
        "unit": text("the unit of a relative expression", UNITS),
        "offset": number(),
        "mod": text("the TIMEX3 modifier", MODS),
        "abbreviations": items("a list of strings"),
        "before": text("what a prefix stands before", ("day", "month", "year")),
        "direction": text("the direction a word gives", DIRECTIONS),
        "part": text("the part of a year", YEAR_PARTS),
        "ambiguous": flag(),
        "opener": items("a list of words: a connector that joins two dates only after one of these (antara X dan Y)"),
    },
    settings={
        "future_window": integer(80, "an integer (characters)"),
        "header_window": integer(1200, "an integer (characters)"),
        "published_lag_days": integer(0, "an integer (days): a page header date more than this many days before "
                                         "the record's published date is the reference (0: never)"),
        "header_markers": words(),
        "weekday_years_back": integer(1, "an integer (years)"),
        "weekday_slip_days": integer(0, "an integer (days)"),
        "inferred_reference_lead_days": integer(0, "an integer (days)"),
        "start_words": words("a list of words or signs"),
        "clock_cues": words(),
        "header_marker_fillers": words(),
    },
    labels=("DATE",),
)

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
        "part_words": words("a list of lower-case words between a count and a trigger that make the trigger's people "
                            "a share of the count (6.000 WNI, sepertiga di antaranya pulang): not its count"),
        "majority_words": words("a list of lower-case words after a part word that make it say 'mostly' (sebagian "
                                "besar warga asing): the whole group, not a share"),
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

OFFICIAL = RuleKind(
    name="official",
    doc="Titles, ranks, honorifics and well-known persons of OFFICIAL mentions.",
    fields={
        "role": text("what the rule is (none: title)", OFFICIAL_ROLES),
        "agency": text("an agency's name or acronym"),
        "country": text(ISO),
        "complete": flag(),
        "name": text("a string"),
        "aliases": items("a list of strings"),
        "short_forms": items("a list of words"),
        "alone": flag(),
        "name_part": flag(),
        "place_post": flag(),
    },
    settings={
        "default_country": string("ID", ISO),
        "max_name_tokens": integer(5),
        "connectors": words(),
        "alias_words": words(),
        "alias_phrases": words("a list of words or phrases"),
        "alias_first_phrases": words("a list of phrases"),
        "appositive_words": words(),
        "post_words": words(),
        "post_location_words": words(),
        "english_joiners": words(),
        "glued_word_starts": words("a list of word beginnings"),
        "glued_words": words(),
        "name_particles": words(),
        "weak_name_tokens": words(),
        "not_name": words(),
        "title_words": words("title words or phrases beyond agencies' name_words (those are titles too)"),
        "rank_suffixes": words("words that continue a rank (Brigjen Polisi, Mayjen TNI)"),
        "rank_not_after": words("words before a rank that make it part of a place name (Jalan Brigjen Katamso)"),
        "nickname_prefixes": words("words starting a two-word nickname after atau/alias (Cak, Gus, Kang)"),
        "title_modifiers": words("lower-case words that qualify a title before its body or place (baru, terguling)"),
        "private_bodies": words("words starting a company or club name: its heads are not officials (PT, Klub)"),
        "speech_before": words("words of saying before a name (kata, ujar): a common first name there is quoted"),
        "speech_after": words("verbs of saying after a name (mengatakan)"),
        "title_name_marks": words("punctuation between a title and the name", [","]),
        "body_heads": words("words or phrases starting a company, party or hospital name inside a title"),
        "body_names": words("whole names of bodies starting with a body head (Partai Golkar): the body ends with "
                            "the name, so a person's name may follow with no mark"),
        "prefix_form_min": integer(0, "an integer (letters; 0: off)"),
        "city_population": integer(0, "an integer (people; 0: off): a lone word after a place_post title that "
                                   "names a GeoNames city this big abroad is the place, not a person"),
    },
    requires_pattern=False,
    labels=("OFFICIAL",),
)

GAZETTEER = RuleKind(
    name="gazetteer",
    doc="COUNTRY and LOCATION names: YAML rules, CLDR country names and GeoNames cities.",
    fields={
        "block": flag("true: the phrase is never a place"),
        "country": text("the country a LOCATION lies in (" + ISO + ")"),
        "requires": items("a list of strings: a regex rule runs only on texts that contain one of them"),
    },
    settings={
        "cldr_locales": words("a list of locale codes", ["id", "en"]),
        "cldr_exclude": words("a list of names never taken from CLDR"),
        "cldr_uppercase": switch(True),
        "uppercase": switch(False),
        "geonames_countries": mapping("a mapping of ISO 3166-1 alpha-2 codes to minimum populations"),
        "geonames_exclude": words("a list of names never taken from GeoNames"),
        "geonames_elsewhere": integer(0, "minimum population of GeoNames cities in countries not listed in "
                                         "geonames_countries (0: none)"),
        "geonames_alternates": integer(0, "GeoNames cities of at least this population also match by their "
                                          "alternate names (0: none)"),
        "common_words": words("one-word names that are Indonesian words (generated by tools/gen_places.py): "
                              "never taken from GeoNames"),
    },
    labels=("COUNTRY", "LOCATION"),
)

TOKENIZER = RuleKind(
    name="tokenizer",
    doc="Words glued together by a lost space (diKamboja, WNIdan), cut into tokens with the text unchanged; "
        "all lists empty: no word is cut.",
    settings={
        "glue_words": words("lower-case words and prefixes that may follow a known name or acronym "
                            "(Kamboja|yang, WNI|berusia)"),
        "glue_tails": words("function words cut off the end of any capitalised word of 4+ letters (Tempo|pada)"),
        "keep_words": words("camel-case words that stay whole (brands, outlets, units); every one-word phrase "
                            "of a rule stays whole too"),
        "keep_prefixes": words("beginnings of camel-case words that stay whole (detikNews, KemenPPPA)"),
    },
    requires_pattern=False,
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
            "are any two of at least `distinctive_count` people within `close_count_tolerance`",
            {"types": ["RESCUE", "REPATRIATION"], "total_max_days": 62, "max_summed": 6,
             "variant_count_tolerance": 0.1, "close_count_tolerance": 0.03}),
        "stories": mapping(
            "articles sharing at least `threshold` of their word `shingle`-grams (MinHash, `num_perm` permutations) "
            "are one story; without texts, titles and mention sequences compared with `mention_threshold` over "
            "`mention_shingle`-grams",
            {"threshold": 0.5, "shingle": 5, "mention_threshold": 0.4, "mention_shingle": 3, "num_perm": 64}),
    },
    requires_pattern=False,
    labels=(),
)

KINDS: dict[str, RuleKind] = {k.name: k for k in (AGENCY, BOILERPLATE, BYLINE, CASE_COUNTS, DATES, EVENT, OFFICIAL,
                                                    GAZETTEER, TOKENIZER, AGGREGATE)}

__all__ = ["KINDS", "Field", "Setting"]
