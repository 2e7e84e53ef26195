"""Glued words (scraped link text that lost its spaces) are cut in the tokenizer; real words are not."""

from __future__ import annotations

import pickle
from typing import Any

import pytest
import spacy
from spacy.language import Language

from extractor.glued_words import GluedInfixes, GlueLexicon, glue_lexicon
from extractor.rules import RuleSet, load_rules
from extractor.tokenizer import blank_language

from .conftest import entities_of


def tokens(nlp: Language, text: str) -> list[str]:
    return [t.text for t in nlp.make_doc(text)]


@pytest.mark.parametrize("text, expected", [
    # a lower-case word glued before a capitalised name
    pytest.param("diKamboja", ["di", "Kamboja"], id="preposition+name"),
    pytest.param("melaluiAplikasi", ["melalui", "Aplikasi"], id="word+capitalised"),
    pytest.param("dilaporkanRepublika", ["dilaporkan", "Republika"], id="verb+outlet"),
    # two capitalised words
    pytest.param("MigranIndonesia", ["Migran", "Indonesia"], id="word+country"),
    pytest.param("KambojaPhoto", ["Kamboja", "Photo"], id="country+caption-credit"),
    pytest.param("SetiawanEditor", ["Setiawan", "Editor"], id="name+byline"),
    # a name glued before a lower-case word
    pytest.param("Kambojayang", ["Kamboja", "yang"], id="country+yang"),
    pytest.param("keKambojamencapai", ["ke", "Kamboja", "mencapai"], id="three-way"),
    pytest.param("Thailandmereka", ["Thailand", "mereka"], id="country+long-word"),
    pytest.param("Majalahpada", ["Majalah", "pada"], id="any-word+long-function-word"),
    # an acronym glued to a word
    pytest.param("WNIdan", ["WNI", "dan"], id="acronym+dan"),
    pytest.param("WNIberusia", ["WNI", "berusia"], id="acronym+prefixed-verb"),
    pytest.param("KTPnya", ["KTP", "nya"], id="acronym+enclitic"),
    pytest.param("PelindunganWNIdan", ["Pelindungan", "WNI", "dan"], id="word+acronym+word"),
    pytest.param("KBRIBangkok", ["KBRI", "Bangkok"], id="acronym+capitalised"),
    pytest.param("paraWNIyang", ["para", "WNI", "yang"], id="word+acronym+yang"),
    # glued words next to punctuation keep the punctuation's tokens
    pytest.param("(diKamboja),", ["(", "di", "Kamboja", ")", ","], id="in-brackets"),
    pytest.param("diKamboja-Thailand", ["di", "Kamboja", "-", "Thailand"], id="beside-hyphen"),
    # a sentence run into the next at its full stop
    pytest.param("Kamboja.Namun", ["Kamboja", ".", "Namun"], id="stop+sentence"),
    pytest.param("keKamboja.Namun", ["ke", "Kamboja", ".", "Namun"], id="glued-word+stop+sentence"),
    pytest.param("(12/8/2022).Salah", ["(", "12", "/", "8", "/", "2022", ")", ".", "Salah"], id="date+stop"),
    pytest.param("50%.Kelima", ["50", "%", ".", "Kelima"], id="percent+stop"),
    pytest.param("Jl.Sudirman", ["Jl", ".", "Sudirman"], id="abbreviation+street"),
])
def test_glued_words_are_cut(nlp: Language, text: str, expected: list[str]) -> None:
    assert tokens(nlp, text) == expected


@pytest.mark.parametrize("text", [
    # ordinary words, capitalised or not
    pytest.param("diplomasi", id="lower"), pytest.param("Diplomasi", id="capitalised"),
    pytest.param("DIPLOMASI", id="upper"),
    # one lower-case letter before a capital: products, units, particles
    pytest.param("iPhone", id="i-product"), pytest.param("eKTP", id="e-document"),
    pytest.param("mRNA", id="unit-like"), pytest.param("McDonald", id="Mc-name"),
    pytest.param("MoU", id="MoU"), pytest.param("LoI", id="LoI"),
    # a capitalised syllable of three letters before a capital: camel-case names and abbreviated posts
    pytest.param("SekCam", id="abbreviated-post"), pytest.param("PayTren", id="unlisted-brand"),
    # camel-case names listed in rules/tokenizer.yaml or named by a rule
    pytest.param("YouTube", id="brand-YouTube"), pytest.param("WhatsApp", id="brand-WhatsApp"),
    pytest.param("TikTok", id="brand-TikTok"), pytest.param("BUMDes", id="acronym-programme"),
    pytest.param("detikNews", id="outlet-prefix"), pytest.param("MacArthur", id="Mac-name"),
    pytest.param("KemenPPPA", id="ministry-prefix"), pytest.param("mmHg", id="unit"),
    # names that end in a glue word: the stem is not a known name
    pytest.param("Sudan", id="Su+dan"), pytest.param("Ramadan", id="Rama+dan"),
    pytest.param("Medan", id="Me+dan"), pytest.param("Budi", id="Bu+di"),
    pytest.param("Rini", id="R+ini"), pytest.param("Wayang", id="Wa+yang"),
    # country names that contain another country name
    pytest.param("Nigeria", id="Niger+ia"), pytest.param("Dominika", id="Dominika"),
    # words that end in a long function word after too short a stem, or are listed
    pytest.param("Setelah", id="Se+telah"), pytest.param("Kepada", id="Ke+pada"),
    pytest.param("Daripada", id="listed-Daripada"),
    # dotted titles, hyphenated words, URLs and handles
    pytest.param("dr.", id="title-dr"), pytest.param("e-KTP", id="hyphenated"),
    pytest.param("www.contohBerita.com", id="url"), pytest.param("@akunBerita", id="handle"),
    # a stop between initials and a name, in degrees and domains is no sentence end
    pytest.param("M.Yusuf", id="initial+name"), pytest.param("S.Pd", id="degree"),
    pytest.param("Kompas.com", id="domain"), pytest.param("https://contoh.id/Berita", id="url-path"),
])
def test_real_words_stay_whole(nlp: Language, text: str) -> None:
    assert tokens(nlp, text) == tokens(blank_language(None), text)


def test_cuts_keep_the_original_text_and_offsets(nlp: Language) -> None:
    text = "Pekerja MigranIndonesia tiba diKamboja, kata WNIdan lainnya."
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t)] == t.text for t in doc)
    glued = [t for t in doc if t.text in ("Migran", "di", "WNI")]
    assert glued and all(t.whitespace_ == "" for t in glued)


def test_mentions_inside_glued_words_are_found(extract: Any) -> None:
    text = "Sebanyak 20 WNIdi Phnom Penh dipulangkan dariKamboja keIndonesia pada Senin (3/6)."
    record = extract(text, published="2024-06-05")
    countries = {(e["text"], text[e["start"]:e["end"]]) for e in entities_of(record, "COUNTRY")}
    assert ("Kamboja", "Kamboja") in countries and ("Indonesia", "Indonesia") in countries


def test_no_tokenizer_settings_means_no_cuts() -> None:
    ruleset = load_rules()
    without = RuleSet(files=[f for f in ruleset.files if f.kind != "tokenizer"], rules=ruleset.rules,
                      version="no-tokenizer")
    assert glue_lexicon(without) is None
    assert tokens(blank_language(without), "diKamboja") == ["diKamboja"]


def test_a_users_rule_folder_adds_keep_words(tmp_path: Any) -> None:
    (tmp_path / "brands.yaml").write_text("kind: tokenizer\nsettings:\n  keep_words: [SuperApp]\n", encoding="utf-8")
    assert tokens(blank_language(load_rules()), "SuperApp") == ["Super", "App"]
    assert tokens(blank_language(load_rules([tmp_path])), "SuperApp") == ["SuperApp"]


def test_the_infix_finder_pickles_for_workers(nlp: Language) -> None:
    finder = nlp.tokenizer.infix_finditer  # type: ignore[attr-defined]
    assert isinstance(finder, GluedInfixes) and isinstance(finder.lexicon, GlueLexicon)
    copy = pickle.loads(pickle.dumps(finder))
    assert [m.start() for m in copy("diKamboja")] == [m.start() for m in finder("diKamboja")] == [2]


def test_a_saved_pipeline_keeps_the_cuts_and_a_plain_one_gains_none(nlp: Language, tmp_path: Any) -> None:
    text = "Sebanyak 40 WNIdan warga lain dipulangkan diKamboja."
    nlp.to_disk(tmp_path / "warta")  # spaCy saves the infix regex only: the cuts come back from the rules
    assert tokens(spacy.load(tmp_path / "warta"), text) == tokens(nlp, text)
    plain = spacy.blank("id")
    plain.add_pipe("warta_gazetteer")
    plain.to_disk(tmp_path / "plain")
    assert "diKamboja" in tokens(spacy.load(tmp_path / "plain"), text)
