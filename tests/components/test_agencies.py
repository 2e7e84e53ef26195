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
    "police_unit_airport": ("Petugas Bea Cukai, Imigrasi dan Polresta Bandara Soetta berjaga.",
                            "Polresta Bandara Soetta",
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


UNKNOWN_NAME_WORDS = {
    # phenomenon: (text, span of the unknown body, its country or None when the text does not say)
    "unlisted_word_before_sentence_end": ("Delegasi itu mengunjungi Kementerian Pertambangan dan Geologi.",
                                          "Kementerian Pertambangan dan Geologi", "ID"),
    "unlisted_word_before_country": ("Pejabat Kementerian Pertanian dan Perkebunan Laos menyambutnya.",
                                     "Kementerian Pertanian dan Perkebunan Laos", "LA"),
    "unlisted_words_in_enumeration": ("Ia bertemu staf Kementerian Sosial, Veteran dan Rehabilitasi Pemuda Kamboja.",
                                      "Kementerian Sosial, Veteran dan Rehabilitasi Pemuda Kamboja", "KH"),
    "head_and_one_unknown_word_is_a_place": ("Kasus itu ditangani Kepolisian Ratanakiri sejak Mei.",
                                             "Kepolisian Ratanakiri", None),
    "english_name_after_of": ("Mereka dibawa ke Department of Anti-Human Trafficking and Child Protection, lalu.",
                              "Department of Anti-Human Trafficking and Child Protection", None),
    "english_name_with_country": ("Juru bicara Ministry of Foreign Affairs Vietnam menjawab.",
                                  "Ministry of Foreign Affairs Vietnam", "VN"),
    "country_after_defined_acronym": ("Ketua Sekretariat Committee to Combat Online Fraud (CCOF) Kamboja hadir.",
                                      "Sekretariat Committee to Combat Online Fraud", "KH"),
    "known_full_name_continued": ("Pejabat Dinas Tenaga Kerja, Koperasi dan Perindustrian hadir.",
                                  "Dinas Tenaga Kerja, Koperasi dan Perindustrian", "ID"),
    "named_body_at_the_end_gives_country": ("Penyidik Direktorat Tindak Pidana Narkoba Bareskrim Polri bekerja.",
                                            "Direktorat Tindak Pidana Narkoba Bareskrim Polri", "ID"),
}


@pytest.mark.parametrize("case", sorted(UNKNOWN_NAME_WORDS))
def test_capitalized_words_continue_an_unknown_body(extract: Any, case: str) -> None:
    text, span, country = UNKNOWN_NAME_WORDS[case]
    assert one(extract(text), span).get("country") == country


NAME_ENDS = {
    # phenomenon: (text, the agency span, words that must stay out of it)
    "person_after_body": ("Kepala Badan Penanggulangan Bencana Nasional Suharyanto Wibowo meninjau lokasi.",
                          "Badan Penanggulangan Bencana Nasional", "Suharyanto"),
    "rank_after_body": ("Kepala Kepolisian Kamboja Jenderal Sar Thet hadir.", "Kepolisian Kamboja", "Jenderal"),
    "acronym_after_dan_is_another_body": ("Pelatihan bagi Kepolisian Nasional dan NCCT Kamboja dimulai.",
                                          "Kepolisian Nasional", "NCCT"),
    "glued_words_of_a_broken_page": ("Pada Mei,Kementerian Luar Negerimenyebut 40 WNI pulang.", "Kementerian Luar",
                                     "Negerimenyebut"),
    "next_sentence_glued_on": ("Foto: Dinas Sosial KotaSebanyak 30 warga dipulangkan.", "Dinas Sosial Kota",
                               "Sebanyak"),
    "government_is_not_part_of_the_name": ("Koordinasi Kementerian Sosial dan Pemerintah Daerah berjalan.",
                                           "Kementerian Sosial", "Pemerintah"),
}


@pytest.mark.parametrize("case", sorted(NAME_ENDS))
def test_where_an_unknown_body_name_ends(extract: Any, case: str) -> None:
    text, span, outside = NAME_ENDS[case]
    record = extract(text)
    one(record, span)
    assert not [e for e in agencies(record) if outside in e["text"] and span in e["text"]]


LOCAL_OFFICES = {
    # phenomenon: (text, span)
    "grade_and_place": ("Pekan ini Kantor Imigrasi Kelas I Khusus TPI Medan menunda 14 paspor.",
                        "Kantor Imigrasi Kelas I Khusus TPI Medan"),
    "grade_with_digit": ("Petugas Kantor Imigrasi Kelas 2 TPI Batam memeriksa dokumen.",
                         "Kantor Imigrasi Kelas 2 TPI Batam"),
    "place_only": ("Kantor Imigrasi Surabaya menolak permohonan itu.", "Kantor Imigrasi Surabaya"),
    "known_place_ends_before_a_name": ("Kepala Kantor Imigrasi Kelas I Khusus Surabaya Budi Hartono berkata.",
                                       "Kantor Imigrasi Kelas I Khusus Surabaya"),
    "regional_office_of_a_ministry": ("Laporan dikirim ke Kanwil Kemenkumham Jawa Timur pekan lalu.",
                                      "Kanwil Kemenkumham Jawa Timur"),
    "regional_office_spelled_out": ("Kantor Wilayah Direktorat Jenderal Imigrasi Bali menggelar rapat.",
                                    "Kantor Wilayah Direktorat Jenderal Imigrasi Bali"),
}


@pytest.mark.parametrize("case", sorted(LOCAL_OFFICES))
def test_local_offices_keep_grade_and_place(extract: Any, case: str) -> None:
    text, span = LOCAL_OFFICES[case]
    mention = one(extract(text), span)
    assert mention["country"] == "ID"
    assert mention["name"] == span


LISTS = {
    # phenomenon: (text, span, expected country of that span)
    "unknown_acronym_ends_a_list": ("Rapat dihadiri Kemensos, Bareskrim Polri, hingga BPNT2MI.", "BPNT2MI", "ID"),
    "listed_acronym_without_agreeing_list_has_no_country": ("Polri dan CNPK menandatangani nota.", "CNPK", None),
    "stateless_ministry_among_foreign_bodies": (
        "Delegasi bertemu Kementerian Tenaga Kerja Laos, Komisi Anti Penipuan Laos, Kementerian Dalam Negeri, "
        "dan Kepolisian Nasional Laos.", "Kementerian Dalam Negeri", "LA"),
    "unknown_ministry_and_its_acronym_among_foreign_bodies": (
        "Tim itu menemui Kementerian Pendidikan dan Olahraga (MOES), Komisi Anti Penipuan Laos, dan Kepolisian "
        "Nasional Laos.", "MOES", "LA"),
    "home_ministry_alone_stays_home": ("Kementerian Dalam Negeri menyiapkan data.", "Kementerian Dalam Negeri", "ID"),
}


@pytest.mark.parametrize("case", sorted(LISTS))
def test_lists_of_agencies(extract: Any, case: str) -> None:
    text, span, country = LISTS[case]
    assert one(extract(text), span).get("country") == country


NOT_LISTED = {
    "initials_after_a_comma": "Menurut Kemlu, RKA saat itu berada di Kamboja.",
    "two_letter_initials": "Polda Bali dan RS memeriksa saksi.",
    "company_after_dan": "Bareskrim dan PT ABC Sejahtera berbeda pendapat.",
}


@pytest.mark.parametrize("case", sorted(NOT_LISTED))
def test_not_listed_acronyms(extract: Any, case: str) -> None:
    assert not [e for e in agencies(extract(NOT_LISTED[case])) if e["rule"] == "agency.listed_acronym"]


NOT_AGENCY = {
    "generic_reference_lower_case": "Pejabat kementerian lainnya menjajaki kerja sama.",
    "police_lower_case": "Sebanyak 86 WNI ditangkap kepolisian Kamboja usai berontak.",
    "government_of_a_country": "Ia berterima kasih atas dukungan pemerintah Kamboja.",
    "legal_entity": "Direktur Pelindungan WNI dan Badan Hukum Indonesia hadir.",
    "kind_of_organisation": "Tiga Lembaga Swadaya Masyarakat mendampingi korban.",
    "state_owned_companies": "Dua Badan Usaha Milik Negara ikut membantu.",
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
    "syllable_abbreviation": ("Kementerian Imigrasi dan Pemasyarakatan (Imipas) menunda 20 paspor. Imipas juga "
                              "memeriksa agen.", "Imipas", 2),
    "syllable_abbreviation_of_unknown_body": ("Direktorat Reserse Siber (Ditressiber) Polda Bali bergerak. "
                                              "Ditressiber menangkap dua orang.", "Ditressiber", 2),
    "word_that_is_no_abbreviation": ("Badan Reserse Kriminal (Jakarta) menangkap dua orang.", "Jakarta", 0),
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
