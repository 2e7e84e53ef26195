"""Warta's components as spaCy finds them: entry points, built-in rules by default, prerequisites (E401)."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from extractor.errors import PipelineError
from extractor.factories import REQUIRES
from extractor.pipeline import PIPELINE


def test_every_factory_has_an_entry_point_naming_its_function() -> None:
    """As installed (what spaCy reads), not as written in pyproject.toml."""
    declared = {ep.name: ep.value for ep in entry_points(group="spacy_factories") if ep.name.startswith("warta_")}
    assert sorted(declared) == sorted(factory for _, factory in PIPELINE)
    import extractor.components  # noqa: F401  (registers the factories)

    for factory, target in declared.items():
        module, function = target.split(":")
        assert Language.get_factory_meta(factory).factory == factory
        assert getattr(__import__(module, fromlist=[function]), function).__name__ == function


def test_spacy_finds_a_component_by_name() -> None:
    nlp = spacy.blank("id")
    nlp.add_pipe("warta_dates")
    doc = nlp("Rapat digelar pada Selasa (11/6/2024).")
    assert [(e.text, e.label_, e._.attrs["value"]) for e in doc.ents] == [("Selasa (11/6/2024)", "DATE", "2024-06-11")]
    assert doc._.rules_version is not None


@pytest.mark.parametrize(("factories", "text", "label"), [
    (["warta_gazetteer"], "Delegasi Kamboja tiba di Surabaya.", "COUNTRY"),
    (["warta_gazetteer", "warta_agencies"], "Kementerian Luar Negeri menerima surat itu.", "AGENCY"),
    (["warta_dates", "warta_case_counts"], "Sebanyak 25 orang WNI dipulangkan pada Mei 2024.", "CASE_COUNT"),
])
def test_components_added_alone_use_the_built_in_rules(factories: list[str], text: str, label: str) -> None:
    nlp = spacy.blank("id")
    for factory in factories:
        nlp.add_pipe(factory)
    assert label in {e.label_ for e in nlp(text).ents}


@pytest.mark.parametrize(("factory", "needed"), [(f, needs[0]) for f, needs in REQUIRES.items()])
def test_a_missing_prerequisite_is_error_e401_naming_it(factory: str, needed: str) -> None:
    nlp = spacy.blank("id")
    nlp.add_pipe(factory)
    with pytest.raises(PipelineError, match=rf"^E401 .*{factory!r} needs {needed!r}"):
        nlp("Teks apa saja.")


def test_a_prerequisite_after_the_component_is_not_enough() -> None:
    nlp = spacy.blank("id")
    nlp.add_pipe("warta_case_counts")
    nlp.add_pipe("warta_dates")
    with pytest.raises(PipelineError, match="E401"):
        nlp("Teks apa saja.")


def test_the_rules_setting_layers_user_folders(tmp_path: Path) -> None:
    (tmp_path / "places.yaml").write_text(
        "kind: gazetteer\nrules:\n  - id: location.user.kampung\n    label: LOCATION\n    pattern: Kampung Zamrud\n",
        encoding="utf-8")
    nlp = spacy.blank("id")
    nlp.add_pipe("warta_gazetteer", config={"rules": [str(tmp_path)]})
    doc = nlp("Warga Kampung Zamrud berkumpul di Surabaya.")
    assert ("Kampung Zamrud", "location.user.kampung") in [(e.text, e._.rule) for e in doc.ents]
