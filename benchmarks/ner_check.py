"""An external check of Warta against two labelled Indonesian NER test sets nobody here wrote (issue 14).

Run from the repository's folder (the data stays in ``../shared/data/ner``):

    python benchmarks/ner_check.py                       # figures printed
    python benchmarks/ner_check.py --mismatches /tmp/ner_mismatches.tsv

Data: ``nergrit_test.txt`` (NERGrit, Wikipedia sentences: PERSON, ORGANISATION,
PLACE) and ``nerugm_test01.tsv`` (NER-UGM, news: PERSON, ORGANIZATION, LOCATION,
TIME, QUANTITY), one token and one BIO tag a line, sentences separated by a blank
line. Each sentence is joined back into text and run through Warta alone.

Three measurements:

1. persons after a public title: gold PERSON spans right after a title or rank of
   ``rules/officials.yaml`` (the words Warta itself knows, matched as whole phrases
   in any case), and the share Warta tags OFFICIAL (any overlap);
2. a one-sentence probe per country name: every CLDR Indonesian territory name
   (Babel) plus the common variants in :data:`VARIANTS`, and the share tagged
   COUNTRY over exactly that name;
3. every Warta mention whose span the gold gives another class (OFFICIAL over an
   ORGANISATION) or no class, written with its sentence to ``--mismatches`` for
   judgement. That file holds the data's text: keep it out of the repository.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
NER_DATA = REPO.parent / "shared" / "data" / "ner"
FILES = ("nergrit_test.txt", "nerugm_test01.tsv")
sys.path.insert(0, str(REPO))

from babel import Locale  # noqa: E402

from extractor.extract import extract_text  # noqa: E402
from extractor.pipeline import build_pipeline  # noqa: E402
from extractor.rules import RuleSet, load_rules  # noqa: E402

# Names Indonesian news uses besides CLDR's (CLDR says Prancis, Yordania, Wilayah Palestina, ...).
VARIANTS = ("Perancis", "Jordania", "Uni Soviet", "Palestina", "Kongo", "Republik Demokratik Kongo", "Sudan",
            "Sudan Selatan", "Belanda", "Inggris", "Tiongkok", "Cina", "China", "Amerika", "Korea Selatan",
            "Korea Utara", "Arab Saudi", "Afghanistan", "Burma", "Timor Leste", "Selandia Baru", "Swiss",
            "Belarusia", "Kirgizstan", "Makedonia", "Bosnia", "Vatikan", "Yugoslavia", "Cekoslowakia")
PROBE = "Indonesia menjalin hubungan baik dengan {name}."
# Warta's types and the gold classes that agree with them, per data set's vocabulary.
AGREES = {"OFFICIAL": {"PERSON"}, "AGENCY": {"ORGANISATION", "ORGANIZATION"},
          "COUNTRY": {"PLACE", "LOCATION"}, "LOCATION": {"PLACE", "LOCATION"},
          "DATE": {"TIME"}, "CASE_COUNT": {"QUANTITY"}}
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}
_NO_SPACE_BEFORE = frozenset(",.;:)]}!?%'\"")
_NO_SPACE_AFTER = frozenset("([{")


@dataclass
class Sentence:
    file: str
    text: str
    spans: list[tuple[int, int, str]]  # gold entities: start, end, class
    token_starts: list[int]
    tokens: list[str]


def read_bio(path: Path) -> Iterator[Sentence]:
    """Sentences of a BIO file, the tokens joined with spaces except around brackets and punctuation."""
    rows: list[tuple[str, str]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in [*lines, ""]:
        if line.strip():
            token, _, tag = line.partition("\t")
            rows.append((token.strip(), tag.strip() or "O"))
            continue
        if rows:
            yield _sentence(path.name, rows)
        rows = []


def _sentence(file: str, rows: list[tuple[str, str]]) -> Sentence:
    text, starts = "", []
    for i, (token, _) in enumerate(rows):
        if i and token[:1] not in _NO_SPACE_BEFORE and text[-1:] not in _NO_SPACE_AFTER:
            text += " "
        starts.append(len(text))
        text += token
    spans: list[tuple[int, int, str]] = []
    for i, (token, tag) in enumerate(rows):
        prefix, _, cls = tag.partition("-")
        if prefix == "B" or (prefix == "I" and (not spans or spans[-1][2] != cls or spans[-1][1] != starts[i - 1]
                                                 + len(rows[i - 1][0]))):
            spans.append((starts[i], starts[i] + len(token), cls))
        elif prefix == "I":
            spans[-1] = (spans[-1][0], starts[i] + len(token), cls)
    return Sentence(file, text, spans, starts, [t for t, _ in rows])


def title_phrases(ruleset: RuleSet) -> list[list[str]]:
    """Titles and ranks of the official rules, as lower-case token lists, longest first."""
    phrases = {tuple(p.lower().split()) for r in ruleset.of_kind("official") if r.get("role") in ("title", "rank")
               and r.pattern is not None and r.pattern.form == "phrase" for p in r.pattern.phrases}
    return sorted((list(p) for p in phrases if p), key=len, reverse=True)


_BETWEEN = frozenset({"dan", "untuk", "serta", "di", "&", "/", "(", ")", "-"})
_WINDOW = 6  # tokens of post between a title and the name ("Menteri Luar Negeri Indonesia")


def after_title(sentence: Sentence, titles: list[list[str]]) -> list[tuple[int, int, str]]:
    """Gold PERSON spans after a whole title or rank phrase, directly ("Presiden X", "Brigjen X") or across
    up to :data:`_WINDOW` capitalised words of its post ("Gubernur Jawa Barat X")."""
    lowered = [t.lower() for t in sentence.tokens]
    found = []
    for start, end, cls in sentence.spans:
        if cls != "PERSON":
            continue
        i = sentence.token_starts.index(start)
        for k in range(i, max(i - _WINDOW, 0) - 1, -1):
            if any(k >= len(t) and lowered[k - len(t):k] == t for t in titles):
                found.append((start, end, cls))
                break
            if k == 0 or not (sentence.tokens[k - 1][:1].isupper() or lowered[k - 1] in _BETWEEN):
                break
    return found


def country_names() -> list[str]:
    """CLDR's Indonesian territory names (parts of "Myanmar (Burma)" apart) and the variants."""
    names: set[str] = set()
    for code, name in Locale.parse("id").territories.items():
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
            names.update(p.strip() for p in re.split(r"[()]", name) if p.strip())
    names.update(VARIANTS)
    return sorted(names)


def entities(record: dict[str, Any]) -> list[dict[str, Any]]:
    return list(record.get("entities") or [])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=NER_DATA, help="Folder of the NER test sets.")
    parser.add_argument("--mismatches", type=Path, default=Path("/tmp/ner_check_mismatches.tsv"),
                        help="Where to list Warta mentions the gold classes otherwise (holds the data's text).")
    args = parser.parse_args(argv)
    missing = [name for name in FILES if not (args.data / name).is_file()]
    if missing:
        print(f"ner_check: {args.data}: {', '.join(missing)} not found; the NER test sets live in "
              "../shared/data/ner beside the repository", file=sys.stderr)
        return 2

    nlp = build_pipeline()
    titles = title_phrases(load_rules())
    titled_total = titled_hit = 0
    titled_missed: Counter[str] = Counter()
    mismatch_rows: list[str] = []
    mismatch_kinds: Counter[str] = Counter()
    mentions = 0
    for name in FILES:
        sentences = list(read_bio(args.data / name))
        vocabulary = {c for sentence in sentences for _, _, c in sentence.spans}  # the classes this set annotates
        for sentence in sentences:
            found = entities(extract_text(nlp, sentence.text, published="2020-01-01"))
            mentions += len(found)
            officials = [(e["start"], e["end"]) for e in found if e["type"] == "OFFICIAL"]
            for start, end, _ in after_title(sentence, titles):
                titled_total += 1
                if any(s < end and start < e for s, e in officials):
                    titled_hit += 1
                else:
                    titled_missed[sentence.text[start:end]] += 1
            for e in found:
                if not AGREES[e["type"]] & vocabulary:
                    continue  # a type this data set does not annotate
                gold = {c for s, t, c in sentence.spans if s < e["end"] and e["start"] < t}
                if gold & AGREES[e["type"]]:
                    continue
                kind = f"{e['type']} over {'/'.join(sorted(gold)) or 'no gold class'}"
                mismatch_kinds[kind] += 1
                mismatch_rows.append(f"{name}\t{kind}\t{e['text']}\t{sentence.text}")

    probes = country_names()
    tagged: list[str] = []
    missed: list[str] = []
    for country in probes:
        text = PROBE.format(name=country)
        start = text.index(country, len("Indonesia"))
        found = entities(extract_text(nlp, text, published="2020-01-01"))
        hit = any(e["type"] == "COUNTRY" and e["start"] == start and e["end"] == start + len(country) for e in found)
        (tagged if hit else missed).append(country)

    args.mismatches.write_text("file\tkind\tmention\tsentence\n" + "".join(f"{row}\n" for row in mismatch_rows),
                               encoding="utf-8")
    share = titled_hit / titled_total if titled_total else 0.0
    print(f"1. persons right after a title or rank tagged OFFICIAL: {titled_hit} of {titled_total} ({share:.2f})")
    if titled_missed:
        print("   missed:", ", ".join(f"{n}" for n in sorted(titled_missed)))
    print(f"2. country probe tagged COUNTRY: {len(tagged)} of {len(probes)} ({len(tagged) / len(probes):.3f}); "
          f"missed {len(missed)}: {', '.join(missed)}")
    print(f"3. Warta mentions outside the gold's class: {len(mismatch_rows)} of {mentions}, "
          f"listed in {args.mismatches}")
    for kind, count in mismatch_kinds.most_common():
        print(f"   {count:4d}  {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
