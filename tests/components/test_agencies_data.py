"""AGENCY data beyond trafficking: national and international bodies, regional bodies by grammar, precision.

The rows live in rules/agencies_id.yaml and rules/agencies_world.yaml; the grammar for regional
governments, regional units, courts and military units in rules/agencies.yaml.
"""

from __future__ import annotations

from typing import Any

import pytest

from extractor.rules import load_rules
from tests.conftest import entities_of


def texts(record: dict[str, Any], type_: str) -> list[str]:
    return [e["text"] for e in entities_of(record, type_)]


def one(record: dict[str, Any], span: str) -> dict[str, Any]:
    found = [e for e in entities_of(record, "AGENCY") if e["text"] == span]
    assert found, f"no AGENCY {span!r} in {texts(record, 'AGENCY')}"
    return found[0]


NATIONAL = {
    # a national body takes no place after it: the capitalized words there are mostly a person's name
    # phenomenon: (text, span, expected attributes)
    "social_security": ("Klaim BPJS Kesehatan naik tahun ini.", "BPJS Kesehatan",
                        {"name": "Badan Penyelenggara Jaminan Sosial Kesehatan", "country": "ID"}),
    "central_bank_acronym": ("BI menahan suku bunga acuan.", "BI", {"name": "Bank Indonesia", "country": "ID"}),
    "regulator_with_ri": ("Petugas BPOM RI menyita obat tanpa izin.", "BPOM RI", {"country": "ID"}),
    "land_agency_slash": ("Sertifikat itu diterbitkan Kementerian ATR/BPN tahun lalu.", "Kementerian ATR/BPN",
                          {"acronym": "Kementerian ATR/BPN"}),
    "old_ministry_name": ("Kemendikbudristek mengubah kurikulum.", "Kemendikbudristek", {"kind": "ministry"}),
    "current_ministry": ("Kemendikdasmen menyiapkan sekolah rakyat.", "Kemendikdasmen",
                         {"name": "Kementerian Pendidikan Dasar dan Menengah"}),
    "search_and_rescue": ("Tim Basarnas menyisir sungai.", "Basarnas", {"kind": "ministry"}),
    "constitutional_court": ("Gugatan itu ditolak MK pekan lalu.", "MK", {"kind": "law"}),
    "customs_short_form": ("Petugas BC menyita rokok ilegal.", "BC", {"name": "Direktorat Jenderal Bea dan Cukai"}),
    "person_after_national_body": ("Ketua KPU Hasyim Asyari menjawab isu itu.", "KPU", {"country": "ID"}),
}


@pytest.mark.parametrize("case", sorted(NATIONAL))
def test_national_bodies(extract: Any, case: str) -> None:
    text, span, expected = NATIONAL[case]
    mention = one(extract(text), span)
    for key, value in expected.items():
        assert mention.get(key) == value, (key, mention)


INTERNATIONAL = {
    # a national body takes no place after it: the capitalized words there are mostly a person's name
    "un_agency": ("UNRWA menyalurkan bantuan ke pengungsi.", "UNRWA", None),
    "health_body_in_indonesian": ("Organisasi Kesehatan Dunia mengumumkan status darurat.",
                                  "Organisasi Kesehatan Dunia", None),
    "lender": ("Dana Moneter Internasional memangkas proyeksi.", "Dana Moneter Internasional", None),
    "foreign_central_bank": ("The Fed memangkas suku bunga acuannya.", "The Fed", "US"),
    "red_crescent_with_country": ("Bulan Sabit Merah Iran melaporkan korban.", "Bulan Sabit Merah Iran", "IR"),
}


@pytest.mark.parametrize("case", sorted(INTERNATIONAL))
def test_international_bodies(extract: Any, case: str) -> None:
    text, span, country = INTERNATIONAL[case]
    assert one(extract(text), span).get("country") == country


WITH_PLACE = {
    # the place written right after the body belongs to it and is no LOCATION of its own
    "regency_government": ("Pemkab Bogor menyiapkan posko.", "Pemkab Bogor", "Bogor"),
    "city_government_long_form": ("Bantuan dari Pemerintah Kota Malang.", "Pemerintah Kota Malang", "Kota Malang"),
    "province_government": ("Pemprov Jawa Timur menaikkan upah.", "Pemprov Jawa Timur", "Jawa Timur"),
    "regional_parliament_abbreviation": ("DPRD Sumut memanggil direksi.", "DPRD Sumut", "Sumut"),
    "health_office": ("Dinas Kesehatan Kota Surabaya membuka posko.", "Dinas Kesehatan Kota Surabaya", "Kota Surabaya"),
    "disaster_office": ("BPBD Provinsi Jawa Barat mencatat kerusakan.", "BPBD Provinsi Jawa Barat", "Jawa Barat"),
    "anti_corruption_court": ("Terdakwa divonis Pengadilan Tipikor Bandung.", "Pengadilan Tipikor Bandung", "Bandung"),
    "district_prosecutor": ("Berkas dilimpahkan ke Kejaksaan Negeri Malang.", "Kejaksaan Negeri Malang", "Malang"),
    "high_prosecutor_abbreviation": ("Kejati Jatim menahan dua tersangka.", "Kejati Jatim", "Jatim"),
    "district_police": ("Polres Bogor menangkap pelaku.", "Polres Bogor", "Bogor"),
    "naval_base": ("Kapal itu ditarik ke Lanal Batam.", "Lanal Batam", "Batam"),
    "naval_base_roman_number": ("Lantamal IV mengerahkan kapal patroli.", "Lantamal IV", None),
    "army_command": ("Prajurit Kodam Jaya membantu evakuasi.", "Kodam Jaya", None),
}


@pytest.mark.parametrize("case", sorted(WITH_PLACE))
def test_regional_bodies_take_their_place(extract: Any, case: str) -> None:
    text, span, place = WITH_PLACE[case]
    record = extract(text)
    assert one(record, span)["country"] == "ID"
    if place is not None:
        assert place not in texts(record, "LOCATION")


MISSPELT = {
    "kementrian": ("Kementrian Kesehatan menyalurkan obat.", "Kementrian Kesehatan"),
    "dropped_vowel": ("Surat itu dikirim Kemnterian Perhubungan.", "Kemnterian Perhubungan"),
    "two_misspelt_heads_are_two_bodies": ("Kementrian Kesehatan dan Kemnterian Sosial membantu.", "Kemnterian Sosial"),
}


@pytest.mark.parametrize("case", sorted(MISSPELT))
def test_misspelt_ministries(extract: Any, case: str) -> None:
    text, span = MISSPELT[case]
    one(extract(text), span)


NAME_WITH_DAN = {
    "rehabilitation_agency": ("Badan Rehabilitasi dan Rekonstruksi Aceh menyalurkan bantuan.",
                              "Badan Rehabilitasi dan Rekonstruksi Aceh"),
    "foreign_department": ("Visa itu dicabut Departemen Imigrasi dan Kewarganegaraan Australia.",
                           "Departemen Imigrasi dan Kewarganegaraan Australia"),
}


@pytest.mark.parametrize("case", sorted(NAME_WITH_DAN))
def test_names_are_not_cut_at_dan(extract: Any, case: str) -> None:
    text, span = NAME_WITH_DAN[case]
    one(extract(text), span)


NOT_AGENCY = {
    "party_organ": "Ketua Dewan Pimpinan Daerah (DPD) Golkar Jawa Barat hadir.",
    "party_central_board": "Rapat Dewan Pimpinan Pusat partai itu digelar malam ini.",
    "lower_case_city_government": "pemerintah kota itu belum menjawab pertanyaan",
    "lower_case_office": "dinas kesehatan setempat belum menjawab",
    "lower_case_central_bank": "bank sentral itu belum mengambil keputusan",
    "foreign_government": "Pemerintah Kamboja menolak tuduhan itu.",
    "regency_acronym_is_no_world_body": "Jaksa di OKI menahan dua orang.",
    "university_named_after_an_organization": "Dosen Universitas Muhammadiyah itu menjadi narasumber.",
}


@pytest.mark.parametrize("case", sorted(NOT_AGENCY))
def test_not_agencies(extract: Any, case: str) -> None:
    assert texts(extract(NOT_AGENCY[case]), "AGENCY") == []


def test_data_files_hold_named_agencies_only() -> None:
    rules = load_rules()
    data = [r for r in rules.of_kind("agency") if r.file.endswith(("agencies_id.yaml", "agencies_world.yaml"))]
    assert len(data) > 100
    assert all(not r.get("role") and r.get("name") for r in data)
    assert {r.get("country") for r in data if r.file.endswith("agencies_id.yaml")} == {"ID"}
