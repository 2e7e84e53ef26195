"""The one table of broken rule files: the loader's tests and `warta rules check`'s tests both read it."""

from __future__ import annotations

LOC = "kind: gazetteer\nrules:\n"

LOADER_CODES = ("E001", "E002", "E003", "E004", "E005", "E006", "E007", "E009", "E010", "E011", "E012", "E020",
                "E021")
"""Problems the loader finds alone (the others need the pipeline: shadowing, examples, patterns that never match)."""

# name -> (files {name: text}, error code, file, line, rule id or None): each a kind of broken rule file
# `rules check` reports, as one line `file:line: rule id: message`.
BROKEN: dict[str, tuple[dict[str, str], str, str, int, str | None]] = {
    "yaml_syntax": ({"a.yaml": LOC + "  - id: x\n    pattern: [unclosed\n"}, "E001", "a.yaml", 4, None),
    "unknown_key": ({"a.yaml": LOC + "  - id: loc.x\n    label: LOCATION\n    patern: Foo\n"},
                    "E002", "a.yaml", 5, "loc.x"),
    "wrong_type": ({"a.yaml": LOC + "  - id: loc.t\n    label: LOCATION\n    pattern: Foo\n    priority: high\n"},
                   "E003", "a.yaml", 6, "loc.t"),
    "missing_pattern": ({"a.yaml": LOC + "  - id: loc.p\n    label: LOCATION\n"}, "E004", "a.yaml", 3, "loc.p"),
    "missing_id": ({"a.yaml": LOC + "  - label: LOCATION\n    pattern: Foo\n"}, "E004", "a.yaml", 3, None),
    "bad_regex": ({"a.yaml": LOC + "  - id: loc.re\n    label: LOCATION\n    pattern: {regex: '(ab'}\n"},
                  "E005", "a.yaml", 5, "loc.re"),
    "duplicate_id_in_a_file": ({"a.yaml": LOC + "  - id: loc.d\n    label: LOCATION\n    pattern: Desa Satu\n"
                                                "  - id: loc.d\n    label: LOCATION\n    pattern: Desa Dua\n"},
                               "E006", "a.yaml", 6, "loc.d"),
    "id_collides_across_files": ({"a.yaml": LOC + "  - id: loc.same\n    label: LOCATION\n    pattern: Foo\n",
                                  "b.yaml": LOC + "  - id: loc.same\n    label: LOCATION\n    pattern: Bar\n"},
                                 "E006", "b.yaml", 3, "loc.same"),
    "overrides_builtin_with_other_kind": ({"a.yaml": "kind: boilerplate\nrules:\n  - id: country.alias.ri\n"
                                                     "    pattern: Foo\n"}, "E006", "a.yaml", 3, "country.alias.ri"),
    "unknown_kind": ({"a.yaml": "kind: nonsense\nrules: []\n"}, "E007", "a.yaml", 1, None),
    "yaml_boolean_in_a_word_list": ({"a.yaml": "kind: agency\nsettings:\n  connectors: [of, on]\nrules: []\n"},
                                    "E020", "a.yaml", 3, None),
    "bad_token_pattern_key": ({"a.yaml": LOC + "  - id: loc.tok\n    label: LOCATION\n"
                                               "    pattern: [{NOT_AN_ATTR: x}]\n"}, "E009", "a.yaml", 5, "loc.tok"),
    "unknown_label": ({"a.yaml": LOC + "  - id: loc.l\n    label: PLACE\n    pattern: A\n"},
                      "E010", "a.yaml", 4, "loc.l"),
    "not_a_rule_file": ({"a.yaml": "- just\n- a list\n"}, "E011", "a.yaml", 1, None),
    "unbounded_backtracking": ({"a.yaml": LOC + "  - id: loc.c\n    label: LOCATION\n"
                                                "    pattern: {regex: '(?:\\s+\\w+)*x'}\n"},
                               "E012", "a.yaml", 5, "loc.c"),
    "regex_matches_only_empty": ({"a.yaml": LOC + "  - id: loc.e\n    label: LOCATION\n    pattern: {regex: '\\b'}\n"},
                                 "E013", "a.yaml", 5, "loc.e"),
    "token_the_tokenizer_splits": ({"a.yaml": LOC + "  - id: loc.split\n    label: LOCATION\n"
                                                    "    pattern: [{ORTH: 'Kab.'}, {IS_TITLE: true}]\n"},
                                   "E013", "a.yaml", 3, "loc.split"),
    "lower_with_capitals": ({"a.yaml": LOC + "  - id: loc.low\n    label: LOCATION\n"
                                             "    pattern: [{LOWER: Kota}, {IS_TITLE: true}]\n"},
                            "E013", "a.yaml", 3, "loc.low"),
    "phrase_with_leading_space": ({"a.yaml": LOC + "  - id: loc.sp\n    label: LOCATION\n    pattern: ' Bekasi'\n"},
                                  "E013", "a.yaml", 3, "loc.sp"),
    "shadowed_by_builtin": ({"a.yaml": LOC + "  - id: loc.mine.bali\n    label: LOCATION\n    pattern: [Bali]\n"},
                            "E014", "a.yaml", 3, "loc.mine.bali"),
    "shadowed_in_file": ({"a.yaml": LOC + "  - id: loc.one\n    label: LOCATION\n    pattern: [Kampung Warta]\n"
                                          "  - id: loc.two\n    label: LOCATION\n    pattern: [Kampung Warta]\n"},
                         "E014", "a.yaml", 6, "loc.two"),
    "enumerated_value_typo": ({"a.yaml": "kind: boilerplate\nrules:\n  - id: chrome.mine\n    pattern: Iklan\n"
                                              "    extent: everywhere\n"}, "E021", "a.yaml", 5, "chrome.mine"),
    "role_typo": ({"a.yaml": "kind: agency\nrules:\n  - id: agency.mine\n    role: genric\n    pattern: Dinas\n"},
                  "E021", "a.yaml", 4, "agency.mine"),
    "enumerated_list_item_typo": ({"a.yaml": "kind: case_counts\nrules:\n  - id: count.mine\n    role: boundary\n"
                                                  "    pattern: namun\n    blocks: [period, place]\n"},
                                  "E021", "a.yaml", 6, "count.mine"),
    "bad_example": ({"a.yaml": LOC + "  - id: loc.ex\n    label: LOCATION\n    pattern: Kampung Warta\n"
                                     "    examples:\n      - {txt: Kampung Warta}\n"}, "E015", "a.yaml", 3, "loc.ex"),
    "empty_date_opener_at_build": ({"a.yaml": "kind: dates\nrules:\n  - id: date.connector.x\n    role: connector\n"
                                     "    opener: []\n    pattern: [dan]\n"}, "E003", "a.yaml", 3, "date.connector.x"),
}
