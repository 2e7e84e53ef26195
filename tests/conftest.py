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
SHARED = REPO.parent / "shared"
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
