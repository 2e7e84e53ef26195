"""Shared fixtures: the pipeline (built once), paths to the corpus, seed gold and ../shared."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from spacy.language import Language

from extractor import extract as extract_module
from extractor.extract import extract_text
from extractor.pipeline import build_pipeline
from extractor.rules import RuleSet, load_rules

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
SEED_GOLD = REPO / "tests" / "gold" / "seeds"
SHARED = Path(os.environ.get("WARTA_SHARED", REPO.parent / "shared"))  # a worktree may point elsewhere
SCHEMA = REPO / "extractor" / "schema" / "output.schema.json"

# Hypothesis: about 10,000 examples over all properties under `HYPOTHESIS_PROFILE=ci` (what .ci/run
# selects), a tenth of that by default. Derandomized: a failure reproduces.
HYPOTHESIS_PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")
settings.register_profile("default", deadline=None, derandomize=True, database=None,
                          suppress_health_check=list(HealthCheck))
settings.register_profile("ci", parent=settings.get_profile("default"))
settings.load_profile(HYPOTHESIS_PROFILE)


def examples(under_ci: int) -> int:
    """A property's number of examples: ``under_ci`` in CI, a tenth of it otherwise."""
    return under_ci if HYPOTHESIS_PROFILE == "ci" else max(10, under_ci // 10)


def run_doc(nlp: Language, text: str, published: str | None = None) -> Any:
    """The annotated Doc for one string."""
    return extract_module.annotate(nlp, extract_module.text_article(text, published=published))


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_pipeline()


@pytest.fixture(scope="session")
def builtin_rules() -> RuleSet:
    """The built-in rules, for the pure grammar modules tested without a pipeline."""
    return load_rules()


@pytest.fixture(scope="session")
def extract(nlp: Language) -> Any:
    """``extract(text, published=None)`` -> the output record for one text."""

    def run(text: str, published: str | None = None) -> dict[str, Any]:
        return extract_text(nlp, text, published=published)

    return run


@pytest.fixture(scope="session")
def annotate(nlp: Language) -> Any:
    """``annotate(text, published=None)`` -> the annotated spaCy Doc."""

    def run(text: str, published: str | None = None) -> Any:
        return run_doc(nlp, text, published=published)

    return run


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared``; tests that need it skip cleanly where it is absent."""
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def output_schema() -> dict[str, Any]:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def entities_of(record: dict[str, Any], type_: str | None = None) -> list[dict[str, Any]]:
    return [e for e in record["entities"] if type_ is None or e["type"] == type_]


# --- warta aggregate / warta report: invented extract output (own words, fictional occurrences) ---

def _mention(type_: str, text: str, start: int, **attributes: Any) -> dict[str, Any]:
    return {"type": type_, "text": text, "start": start, "end": start + len(text), "rule": f"test.{type_.lower()}",
            **attributes}


def _event(type_: str, date: str | None, place: str | None, count: int | None,
           participants: tuple[str, ...] = ("Kemlu",)) -> dict[str, Any]:
    return {"type": type_, "participants": list(participants), "date": date, "place": place, "count": count,
            "status": "occurred", "evidence": [], "rule": f"test.{type_.lower()}"}


def _record(doc_id: str, published: str, title: str, events: list[dict[str, Any]],
            extra: tuple[dict[str, Any], ...] = ()) -> dict[str, Any]:
    entities = [
        _mention("COUNTRY", "Kamboja", 0, code="KH"), _mention("LOCATION", "Myawaddy", 20),
        _mention("COUNTRY", "Myanmar", 30, code="MM"),
        _mention("AGENCY", "Kemlu", 50, name="Kementerian Luar Negeri", acronym="Kemlu", country="ID", kind="ministry"),
        _mention("OFFICIAL", "Judha", 60, name="Judha Nugraha", title="Direktur", country="ID", person_id="P1"),
        *extra,
        *[_mention("CASE_COUNT", str(e["count"]), 100 + 10 * i, value=e["count"], unit="wni", qualifier=None,
                   period=e["date"], country=None, category="tppo")
          for i, e in enumerate(events) if e["count"] is not None],
    ]
    return {"schema_version": "1.0", "doc_id": doc_id, "source": f"test/{doc_id}.txt", "title": title,
            "url": f"https://example.org/{doc_id}", "published": published, "reference_date": published,
            "authors": [], "entities": entities, "events": events, "errors": []}


def invented_records() -> list[dict[str, Any]]:
    """Three occurrences reported several times, a near miss, a total with two stages, and two meetings."""
    r, m = "REPATRIATION", "MEETING"
    hun = _mention("OFFICIAL", "Hun Manet", 70, name="Hun Manet", title="Perdana Menteri", country="KH")
    thai = _mention("OFFICIAL", "Anutin", 70, name="Anutin Charnvirakul", title="Perdana Menteri", country="TH")
    return [
        _record("a1", "2024-08-03", "Twelve citizens flown home", [_event(r, "2024-08-02", "Kamboja", 12)]),
        _record("a2", "2024-08-03", "Home at last", [_event(r, None, "Kamboja", 12)]),
        _record("a3", "2024-08-20", "A summer of returns", [_event(r, "2024-08", "Kamboja", 12)]),
        _record("a4", "2024-09-11", "Another group of twelve", [_event(r, "2024-09-10", "Kamboja", 12)]),
        _record("b1", "2025-03-31", "March totals", [_event(r, "2025-03", "Myawaddy", 554),
                                                      _event(r, "2025-03-18", "Myawaddy", 400),
                                                      _event(r, "2025-03-19", "Myawaddy", 154)]),
        _record("b2", "2025-03-19", "Four hundred cross the border", [_event(r, "2025-03-18", "Myanmar", 400)]),
        _record("b3", "2025-03-20", "The second day", [_event(r, "2025-03-19", "Myawaddy", 154),
                                                        _event("RESCUE", "2025-03-10", "Myawaddy", 154)]),
        _record("c1", "2024-05-21", "Ministers meet", [_event(m, "2024-05-20", "Bali", None, ("Judha", "Hun Manet"))],
                (hun,)),
        _record("c2", "2024-05-21", "Talks on the island", [_event(m, "2024-05-20", "Bali", None, ("Hun Manet",))],
                (hun,)),
        _record("c3", "2024-05-21", "A different partner", [_event(m, "2024-05-20", "Bali", None, ("Anutin",))],
                (thai,)),
    ]


@pytest.fixture()
def invented_output(tmp_path: Path) -> Path:
    """The invented records as a ``warta extract`` output file."""
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in invented_records()), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's headless Chromium (``.ci/run`` installs it); tests that need it skip cleanly without it."""
    from tests.report.chromium import find_chromium

    binary = find_chromium()
    if binary is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return binary


@pytest.fixture(scope="session")
def topical_database(shared: Path, nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All topical articles of ../shared extracted once and aggregated (for the clustering hand check)."""
    from extractor.aggregate import aggregate
    from extractor.aggregate.settings import load_settings
    from extractor.parallel import extract_lines
    from extractor.sources import read_paths

    folder = tmp_path_factory.mktemp("topical")
    output = folder / "topical.out.jsonl"
    with output.open("w", encoding="utf-8") as out:
        for line in extract_lines(nlp, read_paths([str(shared / "data" / "news" / "topical.jsonl")])):
            out.write(line.json + "\n")
    database = folder / "topical.duckdb"
    aggregate([str(output)], database, load_settings())
    return database
