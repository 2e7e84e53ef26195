"""OFFICIAL mentions: titles, ranks, names after titles, coreference, aliases, authors excluded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import entities_of


def officials(record: dict[str, Any]) -> list[dict[str, Any]]:
    return entities_of(record, "OFFICIAL")


def one(record: dict[str, Any], text: str) -> dict[str, Any]:
    found = [e for e in officials(record) if e["text"] == text]
    assert found, f"no OFFICIAL {text!r} in {[e['text'] for e in officials(record)]}"
    return found[0]


TITLES = {
    # phenomenon: (text, name span, expected attributes)
    "minister_with_parenthesized_short_title": (
        "Menteri Luar Negeri (Menlu) Retno Marsudi mendorong pembentukan mekanisme bilateral.",
        "Retno Marsudi", {"title": "Menteri Luar Negeri", "country": "ID", "agency": "Kementerian Luar Negeri"}),
    "prime_minister_country_qualifier_not_in_title": (
        "Jokowi mengapresiasi Perdana Menteri Kamboja Hun Manet dalam isu perdagangan orang.",
        "Hun Manet", {"title": "Perdana Menteri", "country": "KH"}),
    "bare_head_takes_the_agency": (
        "Menlu menemui Kepala Kepolisian Kamboja Jenderal Neth Savouen di Phnom Penh.",
        "Neth Savouen", {"title": "Kepala Kepolisian Kamboja", "country": "KH"}),
    "portfolio_title_leaves_the_agency_out": (
        "Direktur Perlindungan WNI dan BHI Kemlu Judha Nugraha menjelaskan, kasus itu kian marak.",
        "Judha Nugraha", {"title": "Direktur Perlindungan WNI dan BHI", "agency": "Kementerian Luar Negeri"}),
    "title_with_enumeration_and_agency_then_comma": (
        "Asisten Deputi Koordinasi Kerja Sama Asia, Pasifik, dan Afrika Kemenko Polkam, Nur Rokhmah Hidayah, "
        "dalam keterangannya menyebutkan angka itu.",
        "Nur Rokhmah Hidayah", {"title": "Asisten Deputi Koordinasi Kerja Sama Asia, Pasifik, dan Afrika"}),
    "portfolio_containing_a_country": (
        "Warga diimbau Menteri Pelindungan Pekerja Migran Indonesia (P2MI) Dwi Hartanto Saputra agar waspada.",
        "Dwi Hartanto Saputra", {"title": "Menteri Pelindungan Pekerja Migran Indonesia", "country": "ID"}),
    "coordinating_minister_with_acronym": (
        "Menteri Koordinator Bidang Politik dan Keamanan (Polkam) Sutrisno Halim menilai langkah itu tepat.",
        "Sutrisno Halim", {"title": "Menteri Koordinator Bidang Politik dan Keamanan"}),
    "misspelled_title_word_absorbed": (
        "Menteri Koordinatr Pemberdayaan Masyarakat (Menko PM) Hendra Wijaya mengingatkan warga.",
        "Hendra Wijaya", {"title": "Menteri Koordinatr Pemberdayaan Masyarakat"}),
    "ngo_head": (
        "Ketua Migrant CARE Wahyu Susilo meminta pemerintah lebih proaktif.",
        "Wahyu Susilo", {"title": "Ketua Migrant CARE"}),
    "lower_case_spokesperson": (
        "Hal itu dikatakan juru bicara Kemlu Lalu Muhamad Iqbal kepada wartawan.",
        "Lalu Muhamad Iqbal", {"title": "juru bicara Kemlu", "country": "ID"}),
    "ambassador_posted_abroad_serves_indonesia": (
        "Kemarin Duta Besar Indonesia untuk Kerajaan Thailand Rachmat Budiman menyampaikan hal itu.",
        "Rachmat Budiman", {"country": "ID"}),
    "appositive_name_then_title": (
        "Hal itu disampaikan oleh Judha Nugraha, Direktur Pelindungan WNI Kemlu, kepada wartawan.",
        "Judha Nugraha", {"title": "Direktur Pelindungan WNI", "rule": "official.appositive"}),
    "agency_inside_portfolio_names_the_ministry": (
        "Ia berkoordinasi dengan Menteri Imigrasi dan Pemasyarakatan, Agus Andrianto, kemarin.",
        "Agus Andrianto", {"title": "Menteri Imigrasi dan Pemasyarakatan",
                           "agency": "Kementerian Imigrasi dan Pemasyarakatan"}),
    "navy_rank_with_corps_code": (
        "Kepala Bidang Kemenko Polhukam RI Kolonel Laut (P) Bayu Setiadi menjelaskan.",
        "Bayu Setiadi", {"rank": "Kolonel Laut"}),
    "unknown_title_word_before_agency": (
        "Direktur Tindak Pidana Siber Bareskrim Polri Brigjen Himawan Bayu Aji mengatakan pelaku ditangkap.",
        "Himawan Bayu Aji", {"title": "Direktur Tindak Pidana Siber", "rank": "Brigjen"}),
    # an agency inside the title: the title match stops where the agency starts
    "agency_inside_head_of_division": (
        "Menurut Kepala Divisi Hubungan Internasional (Hubinter) Polri Irjen Bagus Wiratmo, tim sudah berangkat.",
        "Bagus Wiratmo", {"title": "Kepala Divisi Hubungan Internasional", "rank": "Irjen"}),
    "agency_inside_head_of_body": (
        "Hadir pula Kepala Pusat Pelaporan dan Analisis Transaksi Keuangan Lukman Hakim Siregar.",
        "Lukman Hakim Siregar", {"title": "Kepala Pusat Pelaporan dan Analisis Transaksi Keuangan"}),
    # abbreviated posts that are whole on their own
    "abbreviated_division_head_before_comma": (
        "Kadiv Hubinter, Irjen Bagus Wiratmo, didampingi staf kedutaan meninjau lokasi.",
        "Bagus Wiratmo", {"title": "Kadiv Hubinter", "agency": "Kepolisian Negara Republik Indonesia"}),
    "prosecutor_general": (
        "Rapat itu juga dihadiri Jaksa Agung Hendro Kusumo dan sejumlah pejabat.",
        "Hendro Kusumo", {"title": "Jaksa Agung", "country": "ID"}),
    "english_title_in_a_release": (
        "Senior Minister Sok Vanna dalam pernyataannya menyebut ratusan orang terjaring.",
        "Sok Vanna", {"title": "Senior Minister"}),
    "deputy_director_general_not_cut_at_rank_word": (
        "Ia bertemu Wakil Direktur Jenderal Imigrasi Kamboja, Mayor Jenderal Keo Vanthan, di Phnom Penh.",
        "Keo Vanthan", {"title": "Wakil Direktur Jenderal Imigrasi Kamboja", "country": "KH"}),
    # the name between commas after the name of the body
    "name_after_foreign_body_and_comma": (
        "Kepala Sekretariat Task Force on Online Fraud (TFOF) Kamboja, Mean Sovann, menyebut operasi berlanjut.",
        "Mean Sovann", {"title": "Kepala Sekretariat"}),
    # name, then "selaku" and the title
    "selaku_appositive_one_word_name": (
        "Rapat koordinasi dipimpin Sugiono selaku Menteri Luar Negeri dan diikuti tujuh kementerian.",
        "Sugiono", {"title": "Menteri Luar Negeri", "rule": "official.appositive"}),
    # a known party's whole name ends the title's body, so a name may follow with no mark
    "name_right_after_a_known_party": (
        "Sekretaris Jenderal Partai Amanat Nasional Rahmat Hidayat membantah kabar itu.",
        "Rahmat Hidayat", {"title": "Sekretaris Jenderal Partai Amanat Nasional", "country": "ID"}),
    "portfolio_after_a_known_party_stays_in_the_title": (
        "Ketua DPP Partai Demokrat Bidang Hukum Siti Rahayu Lestari menanggapi gugatan itu.",
        "Siti Rahayu Lestari", {"title": "Ketua DPP Partai Demokrat Bidang Hukum"}),
    "country_ending_a_party_name": (
        "Wakil Ketua Partai Rakyat Kamboja Men Sam An tiba kemarin.", "Men Sam An", {"country": "KH"}),
    "name_in_brackets_closing_a_title": (
        '"Itu arahan Pak Wakil Ketua Umum (Dimas Saputra)," ujarnya.', "Dimas Saputra", {"title": "Wakil Ketua Umum"}),
    "name_in_capitals_after_a_title_in_capitals": (
        "TOLONG KAMI, PAK BUPATI ANDI SAPUTRA!", "ANDI SAPUTRA", {"title": "BUPATI"}),
    "country_between_title_and_name": (
        "Perdana Menteri Selandia Baru Helen Clark membuka forum itu.", "Helen Clark", {"country": "NZ"}),
    "possessive_spokesperson_before_comma": (
        "Kementerian itu, lewat juru bicaranya, Dara Sothea, membantah laporan tersebut.",
        "Dara Sothea", {"title": "juru bicaranya"}),
    "selaku_appositive_full_name": (
        "Bambang Wijaya selaku Dirtipidum Bareskrim Polri menyebut para pelaku sudah ditahan.",
        "Bambang Wijaya", {"title": "Dirtipidum Bareskrim Polri", "rule": "official.appositive"}),
}


@pytest.mark.parametrize("case", sorted(TITLES))
def test_title_grammar_attaches_title_agency_and_country(extract: Any, case: str) -> None:
    text, name, expected = TITLES[case]
    mention = one(extract(text), name)
    for key, value in expected.items():
        assert mention.get(key) == value, (key, mention)


RANKS = {
    "police_general": ("Kapolri Jenderal Listyo Sigit Prabowo memerintahkan jajarannya.", "Listyo Sigit Prabowo",
                       "Jenderal"),
    "rank_after_comma": ("Dalam jumpa pers, Dirtipidum Bareskrim Polri, Brigjen Arif Wicaksono Putro menjelaskan.",
                         "Arif Wicaksono Putro", "Brigjen"),
    "two_word_rank": ("Kapolda Jawa Barat Irjen Pol Rudi Setiawan menegaskan hal itu.", "Rudi Setiawan", "Irjen Pol"),
    "mid_rank": ("Kasubdit Jatanras Polda Metro Jaya AKBP Dimas Aryo Pratama mengatakan.", "Dimas Aryo Pratama",
                 "AKBP"),
    "retired_marker_after_rank": ("Kepala BSSN Letjen TNI (Purn) Agus Salimin membuka rapat.", "Agus Salimin",
                                  "Letjen TNI"),
    "written_out_rank_alone": ("Pasukan itu dipimpin Letnan Jenderal Bara Wicaksana sejak Januari.",
                               "Bara Wicaksana", "Letnan Jenderal"),
    "branch_after_rank": ("Pangkalan itu dipimpin Mayor Udara Teguh Santosa.", "Teguh Santosa", "Mayor Udara"),
    "thai_police_rank": ("Kepala Kepolisian Nasional Thailand Pol Gen Anan Sukprasert memimpin operasi itu.",
                         "Anan Sukprasert", "Pol Gen"),
}


@pytest.mark.parametrize("case", sorted(RANKS))
def test_rank_is_kept_as_attribute_not_in_span(extract: Any, case: str) -> None:
    text, name, rank = RANKS[case]
    mention = one(extract(text), name)
    assert mention["rank"] == rank
    assert rank not in mention["text"]


COREFERENCE = {
    # text, mentions expected (text, name), one person_id for all
    "first_name_later": ("Menteri Luar Negeri Retno Marsudi hadir. Dalam pertemuan itu, Retno menyampaikan apresiasi.",
                         [("Retno Marsudi", "Retno Marsudi"), ("Retno", "Retno Marsudi")]),
    "surname_later": ("Asisten Deputi Kerja Sama Kemenko Polkam Nur Rokhmah Hidayah hadir. Hidayah mengatakan itu.",
                      [("Nur Rokhmah Hidayah", "Nur Rokhmah Hidayah"), ("Hidayah", "Nur Rokhmah Hidayah")]),
    "alias_with_atau": ("Presiden Joko Widodo atau Jokowi mengapresiasi langkah itu. Jokowi juga meminta kerja sama.",
                        [("Joko Widodo", "Joko Widodo"), ("Jokowi", "Joko Widodo")]),
    "headline_short_name_before_full_name": (
        "Menteri Hartanto Larang WNI Kerja di Laos, Ini Alasannya\n\nMenteri Pelindungan Pekerja Migran Indonesia "
        "Dwi Hartanto mengimbau masyarakat. Hartanto menegaskan larangan itu.",
        [("Hartanto", "Dwi Hartanto"), ("Dwi Hartanto", "Dwi Hartanto")]),
    "glued_word_after_name": ("Menteri Luar Negeri Retno Marsudimelakukan kunjungan kerja. Retno Marsudi juga hadir.",
                              [("Retno Marsudi", "Retno Marsudi")]),
    "glued_word_split_from_span": ("Menlu Retno Marsudirapat kerja dengan DPR. Dalam rapat itu Retno memaparkan data.",
                                   [("Retno Marsudi", "Retno Marsudi"), ("Retno", "Retno Marsudi")]),
    "headline_anchor_trimmed_to_body_name": (
        "Menlu Sugiono Bahas Nasib WNI di Laos\n\nJakarta - Menteri Luar Negeri Sugiono menemui mitranya. "
        "Sugiono menegaskan komitmen itu.", [("Sugiono", "Sugiono")]),
    "alias_after_akrab_disapa": (
        "Bupati Sleman Harun Prasetyo atau yang akrab disapa Kang Harun meminta warga waspada. "
        "Kang Harun juga mengingatkan orang tua.",
        [("Harun Prasetyo", "Harun Prasetyo"), ("Kang Harun", "Harun Prasetyo")]),
    "alias_before_sapaan_akrab": (
        "Kang Harun, sapaan akrab Harun Prasetyo, menjelaskan kesiapan daerah. Bupati Sleman Harun Prasetyo "
        "meninjau lokasi.", [("Kang Harun", "Harun Prasetyo"), ("Harun Prasetyo", "Harun Prasetyo")]),
    "khmer_honorifics_left_out": (
        "Menteri Dalam Negeri Kamboja, Samdech Krolahom Som Rithy, menerima rombongan. Som Rithy berjanji membantu.",
        [("Som Rithy", "Som Rithy")]),
}


@pytest.mark.parametrize("case", sorted(COREFERENCE))
def test_later_mentions_share_name_title_and_person_id(extract: Any, case: str) -> None:
    text, expected = COREFERENCE[case]
    record = extract(text)
    found = officials(record)
    for surface, name in expected:
        assert any(e["text"] == surface and e["name"] == name for e in found), (surface, found)
    assert len({e["person_id"] for e in found}) == 1
    assert len({e.get("title") for e in found}) == 1


def test_two_people_get_two_person_ids(extract: Any) -> None:
    record = extract("Presiden Joko Widodo bertemu Perdana Menteri Kamboja Hun Manet. Jokowi dan Manet membahas TPPO.")
    by_name = {e["name"]: e["person_id"] for e in officials(record)}
    assert set(by_name) == {"Joko Widodo", "Hun Manet"}
    assert by_name["Joko Widodo"] != by_name["Hun Manet"]
    assert one(record, "Manet")["country"] == "KH"


NOT_OFFICIAL = {
    "title_without_name": "Dalam pertemuan saya mendorong penguatan kemitraan, lanjut Menlu.",
    "victim_with_alias": "RN alias Rizal Nugroho atau Ijal menjadi korban penyekapan di Laos.",
    "suspects_named": "Polda Riau menetapkan tiga tersangka atas nama Yoga Pratama dan Sinta Lestari.",
    "private_person": "ujar sepupu korban bernama Daniel kepada wartawan.",
    "company_director": "Direktur Utama PT Pindad Abraham Mose meninjau pabrik.",
    "author_byline": "Penulis: Aldiansyah Nurrahman\n\nEditor: Leo Wisnu Susapto\n\nJAKARTA - Korban dipulangkan.",
    "short_name_of_another_person": "Presiden Joko Widodo hadir. Sementara itu warga bernama Joko Susilo menonton.",
    "alias_of_a_private_person": "Difa, sapaan akrab Nadia Safira, menjelaskan kronologi penipuan itu.",
    "title_in_a_related_link": "Baca juga: Hari Guru Nasional, Menteri Pendidikan ajak guru berinovasi\nAcara usai.",
    "english_organisation_after_title": "Ketua Committee to Combat Online Scams mengatakan operasi berlanjut.",
    "city_abroad_after_a_place_title": "Dulu ia terpilih sebagai wali kota Mombasa dua periode.",
    "governor_general_of_a_colony": "Daendels menjadi Gubernur Jenderal Hindia Belanda yang keras.",
    "army_staff_post_without_name": "Ia lalu diangkat menjadi Kepala Staf Tentara pada masa revolusi.",
    "directorate_general_is_no_rank": "Permohonan itu masuk ke Direktorat Jenderal Bea Cukai bulan lalu.",
    "street_named_after_a_written_out_rank": "Macet panjang terjadi di Jalan Mayor Jenderal Sutoyo pagi ini.",
    "acronym_spelled_out_in_brackets": "Rapat dibuka Direktur Eksekutif GCF (Green Climate Fund) kemarin.",
    "shouted_title_then_more_words": "MOHON PAK GUBERNUR BANTU WARGA DESA KAMI SEGERA",
}


@pytest.mark.parametrize("case", sorted(NOT_OFFICIAL))
def test_not_officials(extract: Any, case: str) -> None:
    found = officials(extract(NOT_OFFICIAL[case]))
    if case == "short_name_of_another_person":
        assert [e["text"] for e in found] == ["Joko Widodo"]
    else:
        assert found == []


SHORT_FORMS_OF_WELL_KNOWN = {
    # text, the one-word form that is NOT the well-known official (short_forms in officials.yaml)
    "first_name_of_a_president_is_someone_else": (
        "Presiden Joko Widodo diminta turun tangan. Kata Joko, paman korban, keponakannya sudah pulang.", "Joko"),
    "khmer_family_name_alone": (
        "Perdana Menteri Hun Manet hadir. Keluarga Hun menguasai banyak usaha. Manet berjanji menindak.", "Hun"),
}


@pytest.mark.parametrize("case", sorted(SHORT_FORMS_OF_WELL_KNOWN))
def test_only_listed_short_forms_stand_for_a_well_known_official(extract: Any, case: str) -> None:
    text, word = SHORT_FORMS_OF_WELL_KNOWN[case]
    found = [e["text"] for e in officials(extract(text))]
    assert word not in found
    assert len(found) >= 1


def test_location_inside_title_is_dropped(extract: Any) -> None:
    record = extract("Asisten Deputi Koordinasi Kerja Sama Asia Tenggara Kemenko Polkam, Nur Rokhmah Hidayah, hadir.")
    assert not [e for e in entities_of(record, "LOCATION") if e["text"] == "Asia Tenggara"]


def test_every_rule_id_is_a_yaml_rule(extract: Any) -> None:
    from extractor.rules import load_rules

    ids = {r.id for r in load_rules().rules}
    record = extract("Presiden Joko Widodo atau Jokowi bertemu PM Hun Manet. Jokowi mengatakan, kata Manet.")
    assert {e["rule"] for e in officials(record)} <= ids


def test_seed_gold_officials(nlp: Any) -> None:
    """Every OFFICIAL of the seed gold is found with its name, title and country."""
    import json

    from extractor.extract import extract_text
    from tests.conftest import CORPUS, SEED_GOLD

    missed = []
    for gold_path in sorted(Path(SEED_GOLD).glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (Path(CORPUS) / f"{gold['doc_id']}.txt").read_text(encoding="utf-8")
        found = {(e["start"], e["end"]): e for e in officials(extract_text(nlp, text, doc_id=gold["doc_id"]))}
        for m in gold["mentions"]:
            if m["type"] != "OFFICIAL" or m.get("optional"):
                continue
            e = found.get((m["start"], m["end"]))
            if e is None or (e["name"], e.get("title"), e.get("country")) != (m["name"], m["title"], m["country"]):
                missed.append((gold["doc_id"], m["text"], e))
    assert not missed, missed[:5]
