"""Every rule kind Warta reads, declared beside the loader (components import these; never the reverse).

Each kind lists the fields its rules may carry (enumerated ones with their
values), its settings with their defaults, and the labels its rules may tag.
``python -m extractor.rules.reference`` writes docs/rules-reference.md from
these declarations.
"""

from __future__ import annotations

from .event_kinds import AGGREGATE as AGGREGATE
from .event_kinds import EVENT as EVENT
from .event_kinds import EVENT_CUES as EVENT_CUES
from .event_kinds import EVENT_TYPES as EVENT_TYPES
from .event_kinds import PLACE_RANKS as PLACE_RANKS
from .event_kinds import PLACE_ROLES as PLACE_ROLES
from .event_kinds import POSITIONS as POSITIONS
from .event_kinds import SIDES as SIDES
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
ATTRIBUTES = ("period", "country")
DATE_ROLES = ("month", "weekday", "relative", "unit", "numeral", "ordinal", "year_part", "connector", "conjunction",
              "modifier", "prefix", "direction", "future_cue", "context", "exclude", "shape")
UNITS = ("day", "week", "month", "year")
MODS = ("START", "MID", "END")
DIRECTIONS = ("past", "present", "future")
YEAR_PARTS = ("quarter", "half")

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


KINDS: dict[str, RuleKind] = {k.name: k for k in (AGENCY, BOILERPLATE, BYLINE, CASE_COUNTS, DATES, EVENT, OFFICIAL,
                                                    GAZETTEER, TOKENIZER, AGGREGATE)}

__all__ = ["KINDS", "Field", "Setting"]
