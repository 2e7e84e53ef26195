"""Every error and warning message Warta prints, numbered, in one place.

Numbers are stable: users grep for them and tests assert on them. Add new
messages at the end of their block; never renumber.
"""

from __future__ import annotations

from enum import Enum


class Errors(str, Enum):
    """Message templates, formatted with ``str.format``."""

    # E0xx: rule files
    E001 = "E001 cannot parse YAML: {detail}"
    E002 = "E002 unknown key {key!r} (allowed: {allowed})"
    E003 = "E003 field {field!r} must be {expected}, got {got}"
    E004 = "E004 missing required field {field!r}"
    E005 = "E005 bad regex {pattern!r}: {detail}"
    E006 = "E006 duplicate rule id {rule_id!r} (first defined at {first})"
    E007 = "E007 unknown rule kind {kind!r} (known: {known})"
    E008 = "E008 rules folder {path} does not exist or holds no *.yaml files"
    E009 = "E009 bad token pattern: {detail}"
    E010 = "E010 unknown entity label {label!r} (known: {known})"
    E011 = "E011 the top level of a rule file must be a mapping with 'kind' and 'rules'"
    E012 = "E012 regex {pattern!r} can backtrack without bound: {detail}"
    E013 = "E013 pattern can never match: {detail}"
    E014 = "E014 rule is shadowed by {other} ({where}): {detail}"
    E015 = "E015 bad example #{n}: {detail}"
    E016 = "E016 example #{n} fails: {detail}"
    E017 = "E017 counter-example #{n} fails: {detail}"
    E018 = "E018 rule has no example or counter-example"
    E019 = "E019 replaces the built-in rule of the same id at {where}"
    E020 = ("E020 field {field!r} holds {value!r}, which YAML read from an unquoted yes/no/on/off/true/false: "
            "quote the word (\"on\")")
    E021 = "E021 field {field!r} is {value!r}, not one of: {allowed}"

    # E1xx: input articles
    E101 = "E101 cannot read file: {detail}"
    E102 = "E102 cannot decode text: {detail}"
    E103 = "E103 line {line}: not valid JSON: {detail}"
    E104 = "E104 line {line}: record has no string field 'text'"
    E105 = "E105 file is empty"
    E106 = "E106 file looks binary (not text)"
    E107 = "E107 file is {size} bytes, over the limit of {limit} bytes; not read"
    E108 = "E108 line {line}: field {field!r} must be {expected}"
    E109 = "E109 no such file or folder: {path}"
    E110 = "E110 line {line}: a record must be a JSON object"
    E111 = "E111 cannot extract article text from HTML: {detail}"
    E112 = "E112 the article text is empty"
    E113 = "E113 line {line}: the line is {size} bytes, over the limit of {limit} bytes; not read"
    E114 = "E114 line {line}: not UTF-8 ({detail})"

    # E2xx: processing
    E201 = "E201 extraction failed: {detail}"
    E202 = "E202 a rule timed out on this article: {detail}"
    E203 = "E203 the worker process extracting this article stopped: {detail}"
    E204 = "E204 cannot use the Dask cluster at {address}: {detail}"

    # E3xx: evaluation (warta eval)
    E301 = "E301 no gold files (*.json) in {path}"
    E302 = "E302 cannot read {path}: {detail}"

    # E4xx: building a pipeline
    E401 = ("E401 the component {component!r} needs {needed!r} before it in the pipeline: "
            "nlp.add_pipe({needed!r}, before={name!r})")

    # E5xx: aggregation and report (warta aggregate, warta report)
    E501 = "E501 line {line}: not valid JSON: {detail}"
    E502 = "E502 line {line}: not a Warta record: {detail}"
    E503 = "E503 {path} is not a Warta aggregate database: {detail}"
    E504 = "E504 cannot write {path}: {detail}"
    E505 = "E505 {command} needs the 'aggregate' extra (missing: {module}): pip install 'warta[aggregate]'"

    # W0xx: warnings attached to an article's output
    W001 = "W001 weekday {weekday!r} disagrees with date {date} (a {actual})"
    W002 = "W002 text was repaired: {detail}"
    W003 = ("W003 cannot read the published date {value!r}; the reference date comes from the article itself "
            "(reference_basis)")
    W004 = ("W004 the published date {value!r} is relative to when the page was read; the reference date comes "
            "from the article itself (reference_basis)")

    def format(self, *args: object, **kwargs: object) -> str:  # type: ignore[override]
        return self.value.format(*args, **kwargs)


class WartaError(Exception):
    """Base class of the errors Warta reports to users without a traceback."""

    exit_code = 1


class RuleError(WartaError):
    """A rule file is broken. Carries where, so the message names file and line."""

    exit_code = 2

    def __init__(self, message: str, file: str | None = None, line: int | None = None,
                 rule_id: str | None = None) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.rule_id = rule_id
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file or "<rules>"
        if self.line is not None:
            where += f":{self.line}"
        rule = f" rule {self.rule_id!r}:" if self.rule_id else ""
        return f"{where}:{rule} {self.message}"


class UsageError(WartaError):
    """The command line asked for something impossible (missing path, bad option)."""

    exit_code = 2


class PipelineError(WartaError, ValueError):
    """A spaCy pipeline lacks a component another Warta component reads from (E401)."""
