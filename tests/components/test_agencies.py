"""AGENCY mentions: YAML names and acronyms, embassies by city, generic bodies, defined acronyms."""

from __future__ import annotations

from typing import Any

import pytest

from extractor.rules import load_rules
from tests.conftest import entities_of


def agencies(record: dict[str, Any]) -> list[dict[str, Any]]:
    return entities_of(record, "AGENCY")


def one(record: dict[str, Any], text: str) -> dict[str, Any]:
    found = [e for e in agencies(record) if e["text"] == text]
    assert found, f"no AGENCY {text!r} in {[e['text'] for e in agencies(record)]}"
    return found[0]


NAMED = {
    # phenomenon: (text, span, expected attributes)
    "acronym": ("Kemlu mencatat peningkatan kasus TPPO.", "Kemlu",
                {"name": "Kementerian Luar Negeri", "acronym": "Kemlu", "country": "ID", "kind": "ministry"}),
    "full_name": ("Kementerian Luar Negeri mencatat peningkatan kasus.", "Kementerian Luar Negeri",
                  {"acronym": "Kemlu", "country": "ID"}),
    "ri_after_name_joins": ("Pekan lalu Kemlu RI menghubungi pihak berwenang di Laos.", "Kemlu RI",
                            {"country": "ID"}),
    "country_after_name_joins": ("Pejabat Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan Indonesia hadir.",
                                 "Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan Indonesia",
                                 {"acronym": "Kemenko Polhukam", "country": "ID"}),
    "foreign_counterpart_drops_acronym": ("Data Imigrasi Kamboja menunjukkan lonjakan.", "Imigrasi Kamboja",
                                          {"country": "KH", "name": "Imigrasi Kamboja"}),
    "formal_state_name_after_body": ("Mereka bekerja sama dengan Imigrasi Kerajaan Kamboja.",
                                     "Imigrasi Kerajaan Kamboja", {"country": "KH"}),
    "police_unit_with_region": ("Tim gabungan Polda Metro Jaya membongkar sindikat itu.", "Polda Metro Jaya",
                                {"country": "ID", "kind": "police"}),
    "police_unit_airport": ("Petugas Bea Cukai, Imigrasi dan Polresta Bandara Soetta berjaga.", "Polresta Bandara Soetta",
                            {"kind": "police"}),
    "regional_parliament": ("Ia mantan anggota DPRD Kabupaten Indramayu berinisial R.", "DPRD Kabupaten Indramayu",
                            {"acronym": "DPRD Kabupaten Indramayu"}),
    "international_body_has_no_country": ("Kemlu bekerja sama dengan IOM untuk film pendek.", "IOM",
                                          {"name": "International Organization for Migration",
                                           "kind": "international"}),
    "ngo": ("Ketua Migrant CARE meminta pemerintah proaktif.", "Migrant CARE", {"kind": "ngo", "country": "ID"}),
}


@pytest.mark.parametrize("case", sorted(NAMED))
def test_named_agencies(extract: Any, case: str) -> None:
    text, span, expected = NAMED[case]
    mention = one(extract(text), span)
    for key, value in expected.items():
        assert mention.get(key) == value, (key, mention)


EMBASSIES = {
    "city_after_acronym": ("KBRI Phnom Penh telah memberikan bantuan makanan.", "KBRI Phnom Penh",
                           "Kedutaan Besar Republik Indonesia di Phnom Penh"),
    "other_city": ("KBRI Yangon terus memantau kondisi WNI.", "KBRI Yangon",
                   "Kedutaan Besar Republik Indonesia di Yangon"),
    "preposition_keeps_place_out": ("Kedutaan Besar Republik Indonesia di Phnom Penh menangani 842 kasus.",
                                    "Kedutaan Besar Republik Indonesia", "Kedutaan Besar Republik Indonesia"),
    "consulate": ("KJRI Kota Kinabalu mendampingi para WNI.", "KJRI Kota Kinabalu",
                  "Konsulat Jenderal Republik Indonesia di Kota Kinabalu"),
}


@pytest.mark.parametrize("case", sorted(EMBASSIES))
def test_embassies_by_city_serve_indonesia(extract: Any, case: str) -> None:
    text, span, name = EMBASSIES[case]
    mention = one(extract(text), span)
    assert mention["name"] == name
    assert mention["country"] == "ID"


GENERIC = {
    "ministry_with_country": ("Delegasi bertemu pejabat Kementerian Tenaga Kerja dan Pelatihan Vokasional Kamboja.",
                              "Kementerian Tenaga Kerja dan Pelatihan Vokasional Kamboja", "KH"),
    "national_police_of_a_country": ("Pelatihan bagi Kepolisian Nasional Kamboja dimulai September.",
                                     "Kepolisian Nasional Kamboja", "KH"),
    "police_of_a_country": ("Pihak Kepolisian Kamboja menyampaikan komitmen.", "Kepolisian Kamboja", "KH"),
    "task_force": ("Korban diperiksa Tim Gabungan Satgas Anti TPPO Thailand sebelum pulang.",
                   "Tim Gabungan Satgas Anti TPPO Thailand", "TH"),
    "parliament_commission": ("Wakil Ketua Komisi I DPR RI meminta penjelasan.", "Komisi I DPR RI", "ID"),
    "enumeration_inside_name": ("Pejabat Kementerian Koordinator Bidang Hukum, Keamanan, dan Pertahanan Laos hadir.",
                                "Kementerian Koordinator Bidang Hukum, Keamanan, dan Pertahanan Laos", "LA"),
}


@pytest.mark.parametrize("case", sorted(GENERIC))
def test_unknown_bodies_by_head_word(extract: Any, case: str) -> None:
    text, span, country = GENERIC[case]
    mention = one(extract(text), span)
    assert mention["country"] == country
    assert mention["rule"] in ("agency.generic", "agency.police_unit") or mention["rule"].startswith("agency.")


NOT_AGENCY = {
    "generic_reference_lower_case": "Pejabat kementerian lainnya menjajaki kerja sama.",
    "police_lower_case": "Sebanyak 86 WNI ditangkap kepolisian Kamboja usai berontak.",
    "government_of_a_country": "Ia berterima kasih atas dukungan pemerintah Kamboja.",
    "legal_entity": "Direktur Pelindungan WNI dan Badan Hukum Indonesia hadir.",
    "meeting_name": "Pertemuan Joint Commission for Bilateral Cooperation (JCBC) digelar di Phnom Penh.",
    "navies": "Kunjungan itu simbol eratnya hubungan kedua Angkatan Laut.",
}


@pytest.mark.parametrize("case", sorted(NOT_AGENCY))
def test_not_agencies(extract: Any, case: str) -> None:
    assert agencies(extract(NOT_AGENCY[case])) == []


ACRONYMS = {
    "defined_then_reused": ("Delegasi bertemu Komisi Nasional Anti Penipuan (KNAP) di Phnom Penh. Pelatihan bagi KNAP "
                            "dimulai September.", "KNAP", 2),
    "known_acronym_in_parentheses": ("Kementerian Luar Negeri (Kemlu) mencatat 97 WNI. Kemlu berharap proses cepat.",
                                     "Kemlu", 2),
    "not_an_agency_acronym": ("Direktorat Pelindungan Warga Negara Indonesia (WNI) menangani 61 WNI.", "WNI", 0),
}


@pytest.mark.parametrize("case", sorted(ACRONYMS))
def test_parenthesized_acronym_is_its_own_mention(extract: Any, case: str) -> None:
    text, acronym, count = ACRONYMS[case]
    found = [e for e in agencies(extract(text)) if e["text"] == acronym]
    assert len(found) == count
    if count:
        assert all(e["acronym"] == acronym for e in found)


def test_defined_acronym_carries_full_name_and_country(extract: Any) -> None:
    record = extract("Delegasi bertemu Komisi Nasional Anti Penipuan Kamboja (KNAP). Pelatihan bagi KNAP dimulai.")
    later = [e for e in agencies(record) if e["text"] == "KNAP"]
    assert {e["rule"] for e in later} == {"agency.defined_acronym"}
    assert {e["name"] for e in later} == {"Komisi Nasional Anti Penipuan"}
    assert {e["country"] for e in later} == {"KH"}


def test_agency_wins_over_country_inside_it(extract: Any) -> None:
    record = extract("Kerja sama dengan Kepolisian Nasional Kamboja diperkuat.")
    assert not [e for e in entities_of(record, "COUNTRY") if e["text"] == "Kamboja"]


def test_agency_rules_have_kind_and_country_codes() -> None:
    for rule in load_rules().of_kind("agency"):
        if rule.get("role"):
            continue
        assert rule.get("kind"), rule.id
        country = rule.get("country")
        assert country is None or (len(country) == 2 and country.isupper()), rule.id
