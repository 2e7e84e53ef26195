"""CASE_COUNT: which numbers count cases, victims or people, and with which value and attributes.

Each table is one phenomenon; a row is a short news-style phrasing, the numeral's surface and the
attributes it must carry (a key with value None must be null). False friends list numerals that
must not become counts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractor.errors import RuleError
from extractor.pipeline import PIPELINE, build_pipeline
from tests.conftest import CORPUS, SEED_GOLD, entities_of

Row = tuple[str, str, dict[str, Any]]


def counts_in(extract: Any, text: str, published: str | None = None) -> list[dict[str, Any]]:
    return entities_of(extract(text, published=published), "CASE_COUNT")


def check(extract: Any, text: str, surface: str, expected: dict[str, Any], published: str | None = None) -> None:
    found = [e for e in counts_in(extract, text, published) if e["text"] == surface]
    assert len(found) == 1, f"{surface!r} in {text!r}: {counts_in(extract, text, published)}"
    mention = found[0]
    assert text[mention["start"]:mention["end"]] == surface
    for key, value in expected.items():
        assert mention.get(key) == value, f"{key} of {surface!r} in {text!r}: {mention}"


VALUES: list[Row] = [
    # Indonesian thousands separators, decimals with scale words, plain integers
    ("Kemlu mencatat 1.386 kasus pada tahun itu.", "1.386", {"value": 1386, "unit": "kasus"}),
    ("tercatat lebih dari 4.700 kasus online scam", "4.700", {"value": 4700}),
    ("Sebanyak 123.000 WNI berkunjung ke Kamboja.", "123.000", {"value": 123000}),
    ("Sebanyak 1.250.000 orang terdampak.", "1.250.000", {"value": 1250000}),
    ("Ada 1,1 juta WNI di luar negeri.", "1,1 juta", {"value": 1100000, "unit": "wni"}),
    ("Sekitar 2,5 ribu korban melapor.", "2,5 ribu", {"value": 2500}),
    ("Sebanyak 80 ribu WNI bekerja di sana.", "80 ribu", {"value": 80000}),
    ("80 Ribu WNI Kerja di Kamboja Ilegal", "80 Ribu", {"value": 80000}),
    ("Hingga kini 123 ribu WNI datang.", "123 ribu", {"value": 123000}),
    ("Ada 2 juta pekerja migran Indonesia.", "2 juta", {"value": 2000000, "unit": "pmi"}),
    ("Polisi menangkap 1,500 pelaku.", "1,500", {"value": 1500}),
    ("Sebanyak 62 WNI berhasil diselamatkan.", "62", {"value": 62}),
    ("Totalnya 0 kasus baru pekan ini.", "0", {"value": 0}),
    ("Tercatat 90 ribuan WNI memegang visa.", "90 ribuan", {"value": 90000, "qualifier": "approx"}),
    # number words
    ("Polisi menetapkan dua tersangka.", "dua", {"value": 2, "unit": "tersangka"}),
    ("namun enam orang berhasil melarikan diri", "enam", {"value": 6, "unit": "orang"}),
    ("Sebanyak enam puluh dua WNI diselamatkan.", "enam puluh dua", {"value": 62}),
    ("Ada dua belas korban di lokasi.", "dua belas", {"value": 12}),
    ("Sebelas WNI tersebut dipaksa bekerja.", "Sebelas", {"value": 11}),
    ("Sebanyak sepuluh orang ditangkap.", "sepuluh", {"value": 10}),
    ("Ada seratus lima korban.", "seratus lima", {"value": 105}),
    ("Sebanyak dua ratus ribu orang terdampak.", "dua ratus ribu", {"value": 200000}),
    ("Seribu dua ratus WNI dipulangkan.", "Seribu dua ratus", {"value": 1200}),
    ("Sekitar tiga puluh lima PMI terlantar.", "tiga puluh lima", {"value": 35, "qualifier": "approx"}),
    ("termasuk tiga ibu hamil", "tiga", {"value": 3, "unit": "ibu hamil"}),
    ("sembilan tersangka sindikat dalam negeri", "sembilan", {"value": 9}),
    # vague quantities: value null, a range
    ("kepulangan ratusan WNI dilakukan dalam dua tahap", "ratusan", {"value": None, "range": [100, 999]}),
    ("Puluhan WNI itu tiba di Jakarta.", "Puluhan", None),
    ("Ribuan orang kehilangan tabungan.", "Ribuan", {"value": None, "range": [1000, 9999], "unit": "orang"}),
    ("Belasan korban dirawat.", "Belasan", {"value": None, "range": [11, 19]}),
    ("Puluhan ribu PMI bekerja tanpa izin.", "Puluhan ribu", {"value": None, "range": [10000, 99999]}),
    ("Ratusan hingga ribuan orang terjebak.", "Ratusan hingga ribuan", {"value": None, "range": [100, 9999]}),
    # a number with the suffix -an: about that many
    ("Jumlah korban mencapai 300-an orang.", "300-an", {"value": 300, "qualifier": "approx", "unit": "orang"}),
    ("Sebanyak 70an WNI dipulangkan.", "70an", {"value": 70, "qualifier": "approx"}),
    # ranges of numbers
    ("Pelaku terdiri dari 10-15 orang.", "10-15", {"value": None, "range": [10, 15]}),
    ("Para pelaku terdiri dua hingga tiga orang.", "dua hingga tiga", {"value": None, "range": [2, 3]}),
]


@pytest.mark.parametrize(("text", "surface", "expected"), VALUES)
def test_values(extract: Any, text: str, surface: str, expected: dict[str, Any] | None) -> None:
    if expected is None:  # a vague quantity pointing back ("puluhan WNI itu") is no new count
        assert not any(e["text"] == surface for e in counts_in(extract, text))
        return
    check(extract, text, surface, expected)


UNITS: list[Row] = [
    ("setelah 62 warga negara Indonesia (WNI) berhasil diselamatkan", "62", {"unit": "wni"}),
    ("menyelamatkan 62 orang WNI yang sempat disekap", "62", {"unit": "wni"}),
    ("KBRI memfasilitasi kepulangan 318 Warga Negara Indonesia (WNI) korban penipuan", "318", {"unit": "wni"}),
    ("Sebanyak 91 WNIB dipulangkan.", "91", {"unit": "wni"}),
    ("Polisi menangkap 321 WNA di Jakarta Barat.", "321", {"unit": "wna"}),
    ("Sebanyak 20 warga negara China ditangkap.", "20", {"unit": "warga negara"}),
    ("Terdapat 12 orang yang ditetapkan sebagai tersangka.", "12", {"unit": "orang"}),
    ("Ada 5 orang tersangka ditangkap.", "5", {"unit": "tersangka"}),
    ("sekitar 80 ribu PMI ilegal berada di Kamboja", "80 ribu", {"unit": "pmi"}),
    ("menggagalkan keberangkatan 212 calon pekerja migran", "212", {"unit": "pmi"}),
    ("menunda keberangkatan 5.000 calon pekerja migran Indonesia", "5.000", {"unit": "pmi"}),
    ("Sebanyak 40 TKI dideportasi.", "40", {"unit": "tki"}),
    ("Polisi menyelamatkan 12 korban TPPO.", "12", {"unit": "korban"}),
    ("Amnesty mewawancarai 58 penyintas.", "58", {"unit": "korban"}),
    ("Rombongan itu mencakup 47 laki-laki serta 23 perempuan.", "47", {"unit": "laki-laki"}),
    ("Rombongan itu mencakup 47 laki-laki serta 23 perempuan.", "23", {"unit": "perempuan"}),
    ("Satu orang perempuan dalam keadaan hamil.", "Satu", {"unit": "perempuan"}),
    ("Tiga Pria Tampung Uang Penipuan Online", "Tiga", {"unit": "laki-laki"}),
    ("Polisi ungkap 3 anak jadi korban TPPO", "3", {"unit": "anak"}),
    ("memindahkan 319 anak buah kapal asing", "319", {"unit": "abk"}),
    ("Kemlu menerima 3.100 aduan WNI.", "3.100", {"unit": "aduan"}),
    ("Polri menerbitkan tiga laporan polisi.", "tiga", {"unit": "aduan"}),
    ("Kronologi 15 Warga Sumsel Berangkat ke Kamboja", "15", {"unit": "warga"}),
    ("menangkap lebih dari 1.000 pelaku sepanjang tahun", "1.000", {"unit": "pelaku"}),
    ("Saat ini ke-61 orang ini masih ditahan.", "61", {"unit": "orang", "value": 61}),
    # people described by who they are: the noun as written
    ("Di antara mereka ada dua ibu hamil.", "dua", {"unit": "ibu hamil", "rule": "count.unit.people"}),
    ("Sebanyak 14 nelayan ditahan di perairan Malaysia.", "14", {"unit": "nelayan", "country": "MY"}),
    ("Pemerintah memulangkan 35 Pekerja Rumah Tangga dari Yordania.", "35", {"unit": "pekerja rumah tangga"}),
    ("Ada 6 mahasiswa yang dikirim magang ke luar negeri.", "6", {"unit": "mahasiswa"}),
]


@pytest.mark.parametrize(("text", "surface", "expected"), UNITS)
def test_units(extract: Any, text: str, surface: str, expected: dict[str, Any]) -> None:
    check(extract, text, surface, expected)


IMPLIED: list[Row] = [
    ("Dari 1.386 kasus, 544 kasus terkait perjudian online dan 842 terkait penipuan online.", "842",
     {"value": 842, "unit": "kasus", "rule": "count.implied.coordinated"}),
    ("tercatat 291 WNI sudah menjadi korban dan 133 di antaranya telah dipulangkan.", "133",
     {"unit": "wni", "rule": "count.implied.partitive"}),
    ("sebanyak 86 orang telah diamankan, sementara 11 lainnya dirawat di rumah sakit.", "11", {"unit": "orang"}),
    ("dari 73 WNI yang dibawa ke kantor polisi, tujuh di antaranya masih diperiksa.", "tujuh",
     {"value": 7, "unit": "wni"}),
    ("Dari 14 tersangka, 11 merupakan anggota jaringan, 8 diantaranya pernah menjual ginjal.", "11",
     {"unit": "tersangka"}),
    ("Dari 14 tersangka, 11 merupakan anggota jaringan, 8 diantaranya pernah menjual ginjal.", "8",
     {"unit": "tersangka"}),
    ("Tercatat 3.450 kasus sepanjang tahun. Dari 3.450 itu, 2.070 atau 60% menyangkut penipuan daring.", "2.070",
     {"value": 2070, "unit": "kasus", "rule": "count.implied.share"}),
    ("Ada 86 WNI ditahan. Dari 86 itu, empat di antaranya diadili.", "empat", {"unit": "wni"}),
    ("Sebanyak 55 orang selamat dan lima lainnya masih dalam proses.", "lima", {"value": 5, "unit": "orang"}),
    ("Dari 699 orang, 116 di antaranya pernah bekerja di sana.", "116", {"unit": "orang"}),
    ("Sebanyak 86 orang ditangkap, adapun 11 sisanya dirawat.", "11", {"unit": "orang"}),
    ("Kasus naik dari 361 kasus menjadi 752 pada tahun berikutnya.", "752",
     {"unit": "kasus", "rule": "count.implied.change"}),
    ("Tidak kurang dari 700 diantaranya terindikasi TPPO, dari 4.000 kasus.", "4.000", {"unit": "kasus"}),
    # a category phrase after a bare numeral coordinated with a count
    ("Tercatat 310 kasus judi online dan 275 penipuan daring.", "275",
     {"value": 275, "unit": "kasus", "category": "penipuan daring", "rule": "count.implied.category"}),
    # the part of a partition head ("Dari N ..., M ...")
    ("Dari 64 WNI yang diperiksa polisi, 52 dinyatakan sebagai korban.", "52",
     {"value": 52, "unit": "wni", "rule": "count.implied.partition"}),
    # "N dari M <noun>": the part takes the noun of the whole
    ("Sebanyak 7 dari 31 WNI itu sudah pulang.", "7", {"value": 7, "unit": "wni", "rule": "count.implied.part_of"}),
    ("Polisi menduga pelaku merekrut 12 dari 40 korban ke Laos.", "12", {"unit": "korban", "country": "LA"}),
]


@pytest.mark.parametrize(("text", "surface", "expected"), IMPLIED)
def test_implied_units(extract: Any, text: str, surface: str, expected: dict[str, Any]) -> None:
    check(extract, text, surface, expected)


QUALIFIERS: list[Row] = [
    ("tercatat lebih dari 4.700 kasus online scam", "4.700", {"qualifier": "more_than"}),
    ("Lebih dari 100 ribu WNI diperkirakan tinggal di Malaysia tanpa dokumen.", "100 ribu", {"qualifier": "more_than"}),
    ("Ada 500 lebih WNI di sana.", "500", {"qualifier": "more_than", "unit": "wni"}),
    ("Sedikitnya 20 WNI ditangkap.", "20", {"qualifier": "at_least"}),
    ("setidaknya 270 WNI ditangkap di Poipet", "270", {"qualifier": "at_least"}),
    ("Tidak kurang dari 700 korban tercatat.", "700", {"qualifier": "at_least"}),
    ("diperkirakan ada sekitar 45 ribu WNI yang menetap di Laos", "45 ribu", {"qualifier": "approx"}),
    ("Modus serupa menjerat sekitar 37 WNI pada 2022.", "37", {"qualifier": "approx"}),
    ("Jumlahnya kurang lebih 300 orang.", "300", {"qualifier": "approx"}),
    ("hampir 1.000 orang menjadi korban", "1.000", {"qualifier": "almost"}),
    ("nyaris 50 WNI terjebak", "50", {"qualifier": "almost"}),
    # filler words between the qualifier and the numeral
    ("Setidaknya ada sebanyak 4.200 WNI yang tinggal di sana.", "4.200", {"qualifier": "at_least"}),
    ("Hampir mencapai 900 korban tahun ini.", "900", {"qualifier": "almost"}),
    ("kurang dari 10 kasus tercatat", "10", {"qualifier": "less_than"}),
    ("paling banyak 30 orang per kloter", "30", {"qualifier": "at_most"}),
    ("Sebanyak 62 WNI berhasil diselamatkan.", "62", {"qualifier": None}),
    ("mencapai 2.692 kasus", "2.692", {"qualifier": None}),
]


@pytest.mark.parametrize(("text", "surface", "expected"), QUALIFIERS)
def test_qualifiers(extract: Any, text: str, surface: str, expected: dict[str, Any]) -> None:
    check(extract, text, surface, expected)


PUBLISHED = "2024-06-15"
PERIODS: list[Row] = [
    ("yaitu dari 15 kasus pada tahun 2020 menjadi 1.386 kasus pada tahun 2023.", "15", {"period": "2020"}),
    ("yaitu dari 15 kasus pada tahun 2020 menjadi 1.386 kasus pada tahun 2023.", "1.386", {"period": "2023"}),
    ("Dari 1.386 kasus pada tahun 2023, 544 kasus terkait perjudian online.", "544", {"period": "2023"}),
    ("Sejak 2020 hingga September 2024, tercatat lebih dari 4.700 kasus online scam.", "4.700",
     {"period": "2020/2024-09"}),
    ("Pada Maret 2024, pemerintah berhasil memulangkan 554 WNI.", "554", {"period": "2024-03"}),
    ("Tahun lalu, KBRI membebaskan 119 WNI.", "119", {"period": "2023"}),
    ("Sementara tahun ini, tercatat 291 WNI menjadi korban.", "291", {"period": "2024"}),
    ("memulangkan 130 WNI dari Myanmar sepanjang Februari 2024.", "130", {"period": "2024-02"}),
    ("Pihaknya mencatat 1.942 kasus ditangani pada 2023.", "1.942", {"period": "2023"}),
    ("Gelombang awal pada 3 Mei 2024 berjumlah 210 orang dan gelombang susulan pada 5 Mei 2024 berjumlah 96 orang.",
     "96", {"period": "2024-05-05"}),
    # a reporting verb separates when something was said from what the figure is about
    ("Menlu, pada 4 Januari 2024, mengatakan Indonesia memulangkan lebih dari 1.100 WNI.", "1.100",
     {"period": None}),
    # a comparison baseline is not the count's period
    ("terdapat 1.874 kasus yang ditangani itu, naik 41,5% dari angka tahun sebelumnya.", "1.874",
     {"period": None}),
    # a date in another sentence does not apply
    ("Operasi berlangsung pada 27 Mei 2024. Sebanyak 67 WNI sempat menjadi target operasi.", "67",
     {"period": None}),
    # ... but a stop after an abbreviation ends no sentence
    ("Sebanyak 14 WNI dijemput dari Jl. Merdeka pada 5 Mei 2024.", "14", {"period": "2024-05-05"}),
]


@pytest.mark.parametrize(("text", "surface", "expected"), PERIODS)
def test_periods(extract: Any, text: str, surface: str, expected: dict[str, Any]) -> None:
    check(extract, text, surface, expected, published=PUBLISHED)


COUNTRIES: list[Row] = [
    ("terjebak jaringan penipuan online di Kamboja, yaitu dari 15 kasus pada 2020", "15", {"country": "KH"}),
    ("memulangkan lebih dari 1.100 WNI korban yang dipekerjakan di Kamboja", "1.100", {"country": "KH"}),
    ("pemerintah memulangkan 101 warga negara Indonesia dari Kamboja.", "101", {"country": "KH"}),
    ("sebanyak 57 warga negara Indonesia diamankan aparat Kamboja", "57", {"country": "KH"}),
    ("Kemlu dan otoritas terkait memulangkan 130 WNI dari Myanmar.", "130", {"country": "MM"}),
    ("Tetangga RI Bekuk 61 WNI di Timor Leste", "61", {"country": "TL"}),
    ("Sebanyak 123 ribu WNI datang ke Kamboja.", "123 ribu", {"country": "KH"}),
    # a city names the country
    ("KBRI Phnom Penh membebaskan 119 WNI.", "119", {"country": "KH"}),
    ("Sebanyak 91 WNI dari Myawaddy dipulangkan.", "91", {"country": "MM"}),
    ("disekap oleh perusahaan online scammer di Sihanoukville, Kamboja: 62 WNI", "62", {"country": "KH"}),
    # "di sana" refers to the country named before
    ("WNI ditahan di Myanmar. Total korban di sana berjumlah 525 orang.", "525", {"country": "MM"}),
    # nationality is not a place; the home country as actor or destination is not either
    ("Indonesia berhasil memulangkan 200 WNI dari Malaysia.", "200", {"country": "MY"}),
    ("Sebanyak 166 WNI dipulangkan ke Indonesia.", "166", {"country": None}),
    ("Polisi menangkap 5 tersangka TPPO di Indonesia.", "5", {"country": "ID"}),
    ("tercatat 62 warga negara Indonesia (WNI) diselamatkan", "62", {"country": None}),
    ("Dijanjikan gaji 1.000 dolar AS, 20 WNI berangkat.", "20", {"country": None}),
    # where people come from is not where the cases happened
    ("Polisi membebaskan 40 korban yang berasal dari Ethiopia di sebuah kompleks di Laos.", "40", {"country": "LA"}),
    ("Sebanyak 30 korban asal Kenya dipulangkan.", "30", {"country": None}),
    ("Sebanyak 18 PMI asal Vietnam ditangkap.", "18", {"country": None}),
    ("Setibanya di Indonesia, 25 WNI itu diperiksa kesehatannya.", "25", {"country": None}),
    ("Sesampainya di Laos, 12 WNI itu dipindahkan ke kompleks lain.", "12", {"country": "LA"}),
    ("Dalam kloter ketiga, 38 WNI dipulangkan lalu tiba di Indonesia.", "38", {"country": None}),
    # several countries: no single one
    ("tercatat 4.700 kasus online scam di delapan negara", "4.700", {"country": None}),
    ("Dari 12 tersangka, ada yang berperan di Indonesia dan Kamboja.", "12", {"country": None}),
    ("Lima orang ke Kamboja, sedangkan 2 orang lainnya ke Arab Saudi.", "2", {"country": "SA"}),
    ("tercatat 4.700 kasus di delapan negara, di mana Kamboja menjadi negara terbanyak, mencapai 2.692 kasus.",
     "2.692", {"country": "KH"}),
]


@pytest.mark.parametrize(("text", "surface", "expected"), COUNTRIES)
def test_countries(extract: Any, text: str, surface: str, expected: dict[str, Any]) -> None:
    check(extract, text, surface, expected)


CATEGORIES: list[Row] = [
    ("lebih dari 4.700 kasus online scam terhadap WNI", "4.700", {"category": "online scam"}),
    ("544 kasus terkait perjudian online", "544", {"category": "perjudian online"}),
    ("memulangkan 554 WNI korban TPPO penipuan daring dari Myanmar", "554", {"category": "tppo penipuan daring"}),
    ("jaringan perjudian online dan penipuan online di Kamboja, yaitu dari 15 kasus", "15",
     {"category": "perjudian online dan penipuan online"}),
    ("menangkap 12 tersangka jual beli ginjal", "12", {"category": "jual beli ginjal"}),
    ("Sebanyak 62 WNI berhasil diselamatkan.", "62", {"category": None}),
]


@pytest.mark.parametrize(("text", "surface", "expected"), CATEGORIES)
def test_categories(extract: Any, text: str, surface: str, expected: dict[str, Any]) -> None:
    check(extract, text, surface, expected)


FALSE_FRIENDS: list[tuple[str, str]] = [
    # money
    ("Korban diminta membayar Rp 9 juta.", "9 juta"),
    ("Ginjal tersebut dihargai Rp 200 juta.", "200 juta"),
    ("dengan gaji 1.000-1.200 USD per bulan", "1.000-1.200"),
    ("gaji sebesar USD 10 ribu dolar", "10 ribu"),
    ("sindikat itu mengantongi keuntungan hingga 18,7 miliar rupiah", "18,7 miliar"),
    ("pendonor dijanjikan 120 juta, sementara sisanya masuk kantong calo", "120 juta"),
    # percentages
    ("sebanyak 40 persen dari ribuan kasus itu", "40"),
    ("meningkat 122,3% dari angka tahun sebelumnya", "122,3"),
    ("Ada peningkatan 32% dibanding tahun lalu.", "32"),
    # ages and durations
    ("Korban berusia 17 tahun dijual.", "17"),
    ("kunjungan lima hari ke Kamboja", "lima"),
    ("ditahan selama 3 bulan", "3"),
    ("dalam kurun waktu 5 tahun terakhir", "5"),
    ("bekerja 18 jam sehari", "18"),
    # ordinals and names with numbers
    ("Dalam KTT ke-42 ASEAN di Labuan Bajo", "42"),
    ("6 Fakta Kasus TPPO Jual Beli Ginjal", "6"),
    ("Pasal 2 UU Nomor 21 Tahun 2007", "21"),
    # phone numbers and clock times
    ("Hubungi hotline 0812-3456-7890 jika menjadi korban.", "0812-3456-7890"),
    ("Lapor ke nomor 119 korban TPPO.", "119"),
    ("pukul 10.30 WIB", "10.30"),
    # dates
    ("Pada 2023 kasus TPPO meningkat.", "2023"),
    ("Selasa (11 Juni 2024) delegasi tiba.", "11"),
    ("selama 2020-2023 tercatat", "2020-2023"),
    # counts of countries, meetings, stages and things
    ("tercatat di delapan negara", "delapan"),
    ("ada empat hal yang perlu dikerjasamakan", "empat"),
    ("kepolisian dua negara akan bertemu", "dua"),
    ("dilakukan dalam dua tahap", "dua"),
    ("berlangsung dalam dua gelombang", "dua"),
    ("berasal dari sembilan provinsi", "sembilan"),
    ("Minimal ada tiga syarat.", "tiga"),
    ("menggunakan dua akun grup komunitas", "dua"),
    ("ditahan di 31 kompleks penipuan di 16 kota", "31"),
    ("Flight ke Kamboja 5 Kali Sepekan", "5"),
    # one of, parents, possessions
    ("Salah satu WNI yang pulang adalah mantan anggota DPRD.", "satu"),
    ("Dua orang tua korban melapor ke polisi.", "Dua"),
    ("Pelaku, pria 29 tahun, punya dua anak.", "dua"),
    # a vague quantity pointing back to a figure already given
    ("Ribuan kasus tersebut tercatat di delapan negara.", "Ribuan"),
    # a bare number with no noun
    ("Angka itu mencapai 525.", "525"),
    ("Sebanyak 64 WNI diperiksa, 52 hari kemudian dibebaskan.", "52"),
    ("Ia menerima 7 dari atasannya.", "7"),
    ("Nomor 275 penipuan daring dilaporkan.", "275"),
    ("Dua ibu kota negara itu bertemu.", "Dua"),
]


@pytest.mark.parametrize(("text", "surface"), FALSE_FRIENDS)
def test_false_friends(extract: Any, text: str, surface: str) -> None:
    found = [e for e in counts_in(extract, text) if surface in e["text"] or e["text"] in surface]
    assert not found, f"{surface!r} in {text!r} is not a count: {found}"


def test_nothing_in_page_chrome(extract: Any) -> None:
    text = ("Sebanyak 62 WNI berhasil diselamatkan dari Kamboja.\n\n"
            "Baca juga: 40 WNI Ditangkap di Myanmar\n\nPolisi terus menyelidiki kasus ini.")
    record = extract(text)
    chrome = [tuple(r) for r in record["boilerplate"]]
    counts = counts_in(extract, text)
    assert [c["text"] for c in counts if not any(a <= c["start"] < b for a, b in chrome)] == ["62"]
    assert all(not (a <= c["start"] < b) for c in counts for a, b in chrome)


def test_output_has_every_attribute_and_a_rule(extract: Any) -> None:
    (count,) = counts_in(extract, "Sebanyak 62 WNI berhasil diselamatkan.")
    assert set(count) >= {"value", "unit", "qualifier", "period", "country", "category", "rule"}
    assert count["rule"] == "count.unit.wni"


def test_case_counts_run_after_dates() -> None:
    names = [name for name, _ in PIPELINE]
    assert names.index("dates") < names.index("case_counts")


def test_unknown_role_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        "kind: case_counts\nrules:\n  - id: count.mine.x\n    role: nonsense\n    pattern: foo\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        build_pipeline([tmp_path])
    assert "mine.yaml:4" in str(info.value) and "E021" in str(info.value) and "role" in str(info.value)


def test_missing_refer_is_reported(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        "kind: case_counts\nrules:\n  - id: count.mine.y\n    role: implied\n    pattern: sisanya\n",
        encoding="utf-8")
    with pytest.raises(RuleError) as info:
        build_pipeline([tmp_path])
    assert "E004" in str(info.value) and "refer" in str(info.value)


def test_missing_pattern_is_reported(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        "kind: case_counts\nrules:\n  - id: count.mine.z\n    role: unit\n    unit: nelayan\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        build_pipeline([tmp_path])
    assert "E004" in str(info.value) and "pattern" in str(info.value) and "mine.yaml:3" in str(info.value)


@pytest.mark.parametrize("rule_yaml, text, expected", [
    # without `unit:` the unit is the counted noun as written, lower case
    ("  - id: count.mine.crafts\n    role: unit\n    ignore_case: true\n    pattern: [pengrajin, pengrajin batik]\n",
     "Sebanyak 9 Pengrajin Batik dilatih.", (9, "pengrajin batik", "count.mine.crafts", None)),
    # a user's unit rule extends the counted nouns, and the country still comes from the clause
    ("  - id: count.mine.fishers\n    role: unit\n    unit: nelayan\n    pattern: nelayan\n",
     "Sebanyak 14 nelayan ditahan di Malaysia.", (14, "nelayan", "count.mine.fishers", "MY")),
])
def test_user_unit_rules(tmp_path: Path, rule_yaml: str, text: str, expected: tuple[Any, ...]) -> None:
    (tmp_path / "mine.yaml").write_text("kind: case_counts\nrules:\n" + rule_yaml, encoding="utf-8")
    from extractor.extract import extract_text

    record = extract_text(build_pipeline([tmp_path]), text)
    (count,) = entities_of(record, "CASE_COUNT")
    assert (count["value"], count["unit"], count["rule"], count["country"]) == expected


def _seed_gold() -> list[tuple[str, dict[str, Any]]]:
    docs = []
    for path in sorted(SEED_GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        docs.append(((CORPUS / f"{gold['doc_id']}.txt").read_text(encoding="utf-8"), gold))
    return docs


def test_seed_gold_counts_found_with_values(extract: Any) -> None:
    """Every non-optional gold CASE_COUNT of the seed articles is found with its value and unit."""
    missed, wrong = [], []
    for text, gold in _seed_gold():
        system = counts_in(extract, text, gold.get("published") or gold.get("reference_date"))
        for g in (m for m in gold["mentions"] if m["type"] == "CASE_COUNT" and not m.get("optional")):
            same = [s for s in system if s["start"] == g["start"] and s["end"] == g["end"]]
            if not same:
                missed.append((gold["doc_id"], g["text"]))
            elif (same[0]["value"], same[0]["unit"]) != (g.get("value"), g.get("unit")):
                wrong.append((gold["doc_id"], g["text"], same[0]["value"], same[0]["unit"]))
    assert not missed and not wrong, (missed, wrong)
