"""tools/gen_places.py: the common-word filter decided from corpus counts, and the generated file it wrote."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def gen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_places", REPO / "tools" / "gen_places.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Each case: the corpus (one article body per string), the candidate names, the names judged words.
COMMON_WORDS = {
    "lower_case_more_often_is_a_word": (["Ia duduk di atas batu. Ada batu lagi di Batu sana."], ["Batu"], ["Batu"]),
    "capitalized_more_often_is_a_place": (["Ia ke Medan lalu Medan lagi, medan perang."], ["Medan"], []),
    "one_lower_case_use_is_not_enough": (["Ia melihat sumber itu."], ["Sumber"], []),
    "sentence_start_does_not_count": (["Batu itu besar. Batu lain kecil. ada batu dan batu."], ["Batu"], ["Batu"]),
    "multi_word_names_are_not_judged": (["ia pergi ke bandar lampung, bandar lampung."], ["Bandar Lampung"], []),
    "never_seen_is_kept": (["Tidak ada apa-apa."], ["Wenang"], []),
}


@pytest.mark.parametrize("name", sorted(COMMON_WORDS))
def test_common_words(gen: ModuleType, name: str) -> None:
    bodies, names, expected = COMMON_WORDS[name]
    lower, upper = gen.case_counts(bodies)
    assert gen.common_words(names, lower, upper) == expected


def test_headline_is_left_out_of_the_counts(gen: ModuleType, tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"text": "Kabar Dari Batu Hari Ini\\nIa pulang ke Batu kemarin."}\n', encoding="utf-8")
    lower, upper = gen.case_counts(gen.texts([corpus]))
    assert (lower["batu"], upper["batu"]) == (0, 1)


def test_generated_file_leaves_common_words_out_of_bare_regencies() -> None:
    data = yaml.safe_load((REPO / "rules" / "locations_id.yaml").read_text(encoding="utf-8"))
    words = set(data["settings"]["common_words"])
    regencies = next(r for r in data["rules"] if r["id"] == "location.id.regencies")["pattern"]
    assert len(regencies) > 300 and not words & set(regencies)
    assert {"Manggarai Barat", "Belu", "Malaka"} <= set(regencies)
