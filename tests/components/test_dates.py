"""DATE mentions: spans as ANNOTATION.md draws them, TIMEX3 values, the reference date, W001.

The tables are real phrasings of Indonesian news (written for these tests,
generalized from the corpus), grouped by phenomenon. Each row: the text, the
article's `published` date (None when the article gives none), the expected
mention text and its `value`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from extractor.components.dates import component as dates_module
from extractor.components.dates import reference as dates_reference
from extractor.errors import Errors

Row = tuple[str, str | None, str, str | None]

ABSOLUTE: list[Row] = [
    ("Konferensi pers pada 4 Januari 2024.", None, "4 Januari 2024", "2024-01-04"),
    ("WNI ditangkap pada 17 Oktober 2025 di Chrey Thum.", None, "17 Oktober 2025", "2025-10-17"),
    ("Operasi itu berlangsung pada 27 Juni 2026.", None, "27 Juni 2026", "2026-06-27"),
    ("Kloter pertama atau pada 14 Maret 2025 berisi 250 orang.", None, "14 Maret 2025", "2025-03-14"),
    ("Ia bekerja di perusahaan itu sejak 4 April 2022.", None, "4 April 2022", "2022-04-04"),
    ("Peti jenazah sampai pada tanggal 9 Mei 2025 pukul 20.15 WIB.", None, "tanggal 9 Mei 2025", "2025-05-09"),
    ("surat penetapan tertanggal 7 November 2025 tidak sah", None, "7 November 2025", "2025-11-07"),
    ("KBRI mencatat pada 1 Agustus 2022 dini hari mereka tiba.", None, "1 Agustus 2022", "2022-08-01"),
    ("Proklamasi 17 Agustus 1945 menjadi dasar.", None, "17 Agustus 1945", "1945-08-17"),
    ("Pemulangan dilakukan 2 Februari 2023 lalu.", None, "2 Februari 2023 lalu", "2023-02-02"),
    ("pada 9 Maret 2025 lalu, Rizal sempat menghubungi keluarganya", None, "9 Maret 2025 lalu", "2025-03-09"),
    ("aksi serentak pada 25 November 2016 mendatang", None, "25 November 2016 mendatang", "2016-11-25"),
    ("Sidang ditunda hingga 3 Des 2024.", None, "3 Des 2024", "2024-12-03"),
    ("Kasus itu dilaporkan pada 12 Nop 2019.", None, "12 Nop 2019", "2019-11-12"),
    ("Korban berangkat 5 Agt 2023 lewat Batam.", None, "5 Agt 2023", "2023-08-05"),
    ("Paspor diterbitkan 21 Sept 2022.", None, "21 Sept 2022", "2022-09-21"),
    ("Diumumkan 1 Pebruari 2021.", None, "1 Pebruari 2021", "2021-02-01"),
    ("Kunjungan dijadwalkan 30 Jan. 2025 di Jakarta.", None, "30 Jan. 2025", "2025-01-30"),
    ("Pada 31 Desember 2023 jumlah korban mencapai 1.200.", None, "31 Desember 2023", "2023-12-31"),
    ("Sejak 1 Juli 2023 aturan itu berlaku.", None, "1 Juli 2023", "2023-07-01"),
    ("The statement dated June 11, 2024 said so.", None, "June 11, 2024", "2024-06-11"),
    ("Laporan Maret 2025 menunjukkan kenaikan.", None, "Maret 2025", "2025-03"),
    ("Deklarasi disepakati pada Mei 2023.", None, "Mei 2023", "2023-05"),
    ("Hingga September 2024, tercatat 123 ribu WNI.", None, "September 2024", "2024-09"),
    ("hingga bulan Agustus 2024 terdata 98.000 pekerja migran", None, "bulan Agustus 2024", "2024-08"),
    ("Pemulangan terwujud pada Mei 2023 lalu.", None, "Mei 2023 lalu", "2023-05"),
    ("penipuan itu dimulai pada April 2004 silam", None, "April 2004 silam", "2004-04"),
    ("Pelatihan dilaksanakan pada akhir September 2024.", None, "akhir September 2024", "2024-09"),
    ("Pada awal Januari 2026, 375 WNI melapor.", None, "awal Januari 2026", "2026-01"),
    ("pada pertengahan Juli 2023 kasus memuncak", None, "pertengahan Juli 2023", "2023-07"),
    ("Operasi di KK Park pada Oktober 2025 berlanjut.", None, "Oktober 2025", "2025-10"),
    ("Pada kuartal I 2024 kasus naik.", None, "kuartal I 2024", "2024-Q1"),
    ("sepanjang semester II tahun 2023", None, "semester II tahun 2023", "2023-H2"),
    ("pada triwulan ketiga 2022 angka itu turun", None, "triwulan ketiga 2022", "2022-Q3"),
    ("Pada triwulan 2 2025 jumlah laporan turun.", None, "triwulan 2 2025", "2025-Q2"),
    ("Laporan kuartal IV 2023 terbit bulan ini.", None, "kuartal IV 2023", "2023-Q4"),
    ("sepanjang semester pertama 2026 ada 90 aduan", None, "semester pertama 2026", "2026-H1"),
    ("Jaringan itu ada sejak tahun 1990-an.", None, "tahun 1990-an", "199"),
    ("Tren ini muncul pada 2010-an.", None, "2010-an", "201"),
]

NUMERIC: list[Row] = [
    ("kata Menlu di Phnom Penh, Selasa (2/8/2022).", None, "Selasa (2/8/2022)", "2022-08-02"),
    ("dalam keterangannya, dikutip Rabu (2/4/2025).", None, "Rabu (2/4/2025)", "2025-04-02"),
    ("di kantor Kemlu, Jakarta, Senin (16/12/2024).", None, "Senin (16/12/2024)", "2024-12-16"),
    ("ujar Rahmat seperti dikutip media, Kamis (13/3/2025).", None, "Kamis (13/3/2025)", "2025-03-13"),
    ("Mereka ditangkap pada Selasa (9/5/2023) malam.", None, "Selasa (9/5/2023)", "2023-05-09"),
    ("Pemulangan pada Kamis (25/5/2023) malam.", None, "Kamis (25/5/2023)", "2023-05-25"),
    ("dalam press briefing Kemlu, Kamis (9/7/2026).", None, "Kamis (9/7/2026)", "2026-07-09"),
    ("kata dia, Jumat (5/5/23).", None, "Jumat (5/5/23)", "2023-05-05"),
    ("di Stadion Portman Road, Senin (17/4 / 2017).", None, "Senin (17/4 / 2017)", "2017-04-17"),
    ("dikutip Sky Sports, Rabu ( 16 / 8 / 2017 ), nama ofisial", None, "Rabu ( 16 / 8 / 2017 )", "2017-08-16"),
    ("kembali ke Indonesia pada Selasa pagi (20/1/2026).", None, "Selasa pagi (20/1/2026)", "2026-01-20"),
    ("pada Jumat (29/12/2017) lalu, Alonso mengunggah video", None, "Jumat (29/12/2017) lalu", "2017-12-29"),
    ("Surat itu bertanggal 02/08/2022.", None, "02/08/2022", "2022-08-02"),
    ("dicatat pada 21-08-2024 oleh petugas", None, "21-08-2024", "2024-08-21"),
    ("data per 2024-06-11 menunjukkan", None, "2024-06-11", "2024-06-11"),
    ("Tanggal 5.3.2024 menjadi batas akhir.", None, "Tanggal 5.3.2024", "2024-03-05"),
    ("surat tanggal 21/8 lalu", "2024-08-30", "tanggal 21/8 lalu", "2024-08-21"),
    ("pada Rabu (21/8) di Phnom Penh", "2024-08-22", "Rabu (21/8)", "2024-08-21"),
    ("dalam keterangan tertulis, Kamis (22/8).", "2024-08-22", "Kamis (22/8)", "2024-08-22"),
    ("kata Judha di Jakarta, Selasa (5/3).", "2024-03-06", "Selasa (5/3)", "2024-03-05"),
    ("ucap Hendra kepada wartawan di Bandung, Selasa (21/10).", "2025-10-21", "Selasa (21/10)", "2025-10-21"),
    ("kata Wibowo saat jumpa pers, Selasa (16/5).", "2024-08-13", "Selasa (16/5)", "2023-05-16"),
    ("katanya, Rabu (10/1).", "2024-01-11", "Rabu (10/1)", "2024-01-10"),
    ("Pada Jumat (13/6) lalu tim menggerebek markas judi.", "2025-07-18", "Jumat (13/6) lalu", "2025-06-13"),
    ("pertandingan pada Kamis (8/6) mendatang", "2017-06-05", "Kamis (8/6) mendatang", "2017-06-08"),
    ("Sampai Selasa (13/1) pukul 22.00 waktu setempat, evakuasi berlanjut", "2026-01-14", "Selasa (13/1)",
     "2026-01-13"),
    ("Korban tiba pada Minggu (5/5/2024).", None, "Minggu (5/5/2024)", "2024-05-05"),
    ("di Denpasar, Jum'at (5/5).", "2023-05-06", "Jum'at (5/5)", "2023-05-05"),
    ("di Tokyo, Sabtu, (18/11).", "2023-11-19", "Sabtu, (18/11)", "2023-11-18"),
    ("Pengumuman pada Senin (1/1/2024) pagi.", None, "Senin (1/1/2024)", "2024-01-01"),
]

WEEKDAY: list[Row] = [
    ("bertemu di Melbourne, pada Selasa, 5 Maret 2024, dalam sela KTT.", None, "Selasa, 5 Maret 2024",
     "2024-03-05"),
    ("ke Indonesia pada Selasa, 15 November 2022.", None, "Selasa, 15 November 2022", "2022-11-15"),
    ("ujar Sutrisno ketika dihubungi, Senin, 20 Oktober 2025.", None, "Senin, 20 Oktober 2025",
     "2025-10-20"),
    ("Manado, IDN Times - Jumat, 30 Mei 2025 polisi menangkap Ozy.", None, "Jumat, 30 Mei 2025", "2025-05-30"),
    ("menjadwalkan wawancara pada Sabtu, 3 Agustus.", "2024-08-10", "Sabtu, 3 Agustus", "2024-08-03"),
    ("dikutip dari situs kemlu.go.id, Selasa.", "2022-08-02", "Selasa", "2022-08-02"),
    ("pernyataan resmi yang dirilis di sini pada Sabtu.", "2024-06-15", "Sabtu", "2024-06-15"),
    ("Para WNI tiba di Jakarta pada Jumat.", "2024-06-16", "Jumat", "2024-06-14"),
    ("kata Kapolri di Jakarta, Rabu.", "2024-06-13", "Rabu", "2024-06-12"),
    ("dalam konferensi pers di Jakarta, Jumat malam.", "2025-12-27", "Jumat", "2025-12-26"),
    ("Putusan dibacakan Senin siang.", "2026-03-31", "Senin", "2026-03-30"),
    ("Mereka dipulangkan pada Kamis lalu.", "2024-06-13", "Kamis lalu", "2024-06-06"),
    ("Sidang akan digelar Senin depan.", "2024-06-13", "Senin depan", "2024-06-17"),
    ("Tim akan berangkat pada Rabu.", "2024-06-13", "Rabu", "2024-06-19"),
    ("Kebakaran dapat dikendalikan pada Minggu.", "2026-07-20", "Minggu", "2026-07-19"),
    ("Pertemuan berlangsung hari Selasa di Bangkok.", "2024-06-13", "Selasa", "2024-06-11"),
    ("Dipanggil hari Kamis pekan depan.", "2024-06-17", "Kamis pekan depan", "2024-06-27"),
    ("Ia tiba Senin pekan lalu.", "2024-06-13", "Senin pekan lalu", "2024-06-03"),
    ("Rapat lanjutan digelar Senin pekan mendatang.", "2024-06-13", "Senin pekan mendatang", "2024-06-17"),
    ("Ia dipanggil Rabu minggu ini.", "2024-06-13", "Rabu minggu ini", "2024-06-12"),
    ("pada hari Jumat (29/12/2017) lalu", None, "Jumat (29/12/2017) lalu", "2017-12-29"),
    ("diumumkan pada Senin (16/12) di Jakarta", "2024-12-17", "Senin (16/12)", "2024-12-16"),
]

RANGES: list[Row] = [
    ("di Bali pada 7-8 November 2024.", None, "7-8 November 2024", "2024-11-07/2024-11-08"),
    ("kunjungan KRI ke Sihanoukville pada 16-19 Agustus lalu", "2024-08-22", "16-19 Agustus lalu",
     "2024-08-16/2024-08-19"),
    ("Sejak 2020 hingga September 2024, tercatat 4.700 kasus.", None, "2020 hingga September 2024",
     "2020/2024-09"),
    ("selama 2020-2023.", None, "2020-2023", "2020/2023"),
    ("Ratusan Pekerja Terjerat Penipuan Daring Sepanjang 2019–2022", None, "2019–2022", "2019/2022"),
    ("mulai dari Selasa (11 Juni 2024) hingga Sabtu (15 Juni).", None,
     "Selasa (11 Juni 2024) hingga Sabtu (15 Juni)", "2024-06-11/2024-06-15"),
    ("Dalam periode Februari hingga Juni 2025, dinas itu mencatat 40 aduan.", None, "Februari hingga Juni 2025",
     "2025-02/2025-06"),
    ("Pada rentang Januari-Maret 2024, KBRI menangani 306 kasus.", None, "Januari-Maret 2024",
     "2024-01/2024-03"),
    ("kuliah kerja di luar negeri pada 19-22 Mei 2025.", None, "19-22 Mei 2025", "2025-05-19/2025-05-22"),
    ("pameran digelar pada 17–26 Juli 2026.", None, "17–26 Juli 2026", "2026-07-17/2026-07-26"),
    ("pemulangan akan dilakukan pada 22-24 Oktober ini.", "2025-10-22", "22-24 Oktober ini",
     "2025-10-22/2025-10-24"),
    ("naik dari 1.310 orang pada periode 9-14 Januari 2026", None, "9-14 Januari 2026",
     "2026-01-09/2026-01-14"),
    ("Essien bermain di sana sepanjang 2005 hingga 2014.", None, "2005 hingga 2014", "2005/2014"),
    ("pada musim 1980 - 1981 saat masih bernama Divisi Satu", None, "1980 - 1981", "1980/1981"),
    ("data tahun 2019 sampai 2023 menunjukkan kenaikan", None, "tahun 2019 sampai 2023", "2019/2023"),
    ("pada 2019 s.d. 2022 tercatat", None, "2019 s.d. 2022", "2019/2022"),
    ("periode 2021 s/d 2023", None, "2021 s/d 2023", "2021/2023"),
    ("berlangsung 28 Februari-1 Maret 2025 di Jakarta", None, "28 Februari-1 Maret 2025",
     "2025-02-28/2025-03-01"),
    ("dari 1 Januari hingga 31 Maret 2024 tercatat", None, "1 Januari hingga 31 Maret 2024",
     "2024-01-01/2024-03-31"),
    ("sejak Desember 2023 hingga Februari 2024", None, "Desember 2023 hingga Februari 2024",
     "2023-12/2024-02"),
    ("periode Desember hingga Februari 2024", None, "Desember hingga Februari 2024", "2023-12/2024-02"),
    ("pada 22 hingga 24 Oktober 2025", None, "22 hingga 24 Oktober 2025", "2025-10-22/2025-10-24"),
    ("mulai Senin (19/1/2026) sampai Rabu (21/1/2026)", None, "Senin (19/1/2026) sampai Rabu (21/1/2026)",
     "2026-01-19/2026-01-21"),
    ("dalam empat tahap: Januari-Maret, April-Juni tahun ini", "2025-02-01", "Januari-Maret", "2025-01/2025-03"),
]

RELATIVE: list[Row] = [
    ("menjajaki kerja sama minggu ini.", "2024-06-15", "minggu ini", "2024-W24"),
    ("Saya sampaikan, tahun lalu saja, KBRI menangani 842 kasus.", "2024-08-22", "tahun lalu", "2023"),
    ("Tahun lalu, KBRI membebaskan 119 WNI.", "2022-08-02", "Tahun lalu", "2021"),
    ("Sementara tahun ini, tercatat 291 WNI.", "2022-08-02", "tahun ini", "2022"),
    ("meningkat 122,3% dari angka tahun sebelumnya.", "2024-12-16", "tahun sebelumnya", "2023"),
    ("Aturan berlaku tahun depan.", "2022-08-02", "tahun depan", "2023"),
    ("Sampai hari ini tim telah menahan 12 tersangka.", "2024-03-10", "hari ini", "2024-03-10"),
    ("Polisi menangkap pelaku kemarin.", "2024-03-10", "kemarin", "2024-03-09"),
    ("Mereka tiba kemarin lusa.", "2024-03-10", "kemarin lusa", "2024-03-08"),
    ("Mereka dipulangkan besok.", "2024-03-10", "besok", "2024-03-11"),
    ("Sidang digelar lusa.", "2024-03-10", "lusa", "2024-03-12"),
    ("Mereka ditangkap pekan lalu.", "2024-06-15", "pekan lalu", "2024-W23"),
    ("Tim akan berangkat pekan depan.", "2024-06-15", "pekan depan", "2024-W25"),
    ("Laporan itu masuk minggu lalu.", "2024-01-03", "minggu lalu", "2023-W52"),
    ("Jumlahnya naik bulan ini.", "2024-06-15", "bulan ini", "2024-06"),
    ("Kasus itu terungkap bulan lalu.", "2024-01-15", "bulan lalu", "2023-12"),
    ("Pelatihan digelar bulan depan.", "2024-12-15", "bulan depan", "2025-01"),
    ("Indo Defence Expo pada November tahun ini.", "2024-08-22", "November tahun ini", "2024-11"),
    ("dibandingkan dengan September tahun lalu", "2016-10-03", "September tahun lalu", "2015-09"),
    ("hingga Juni tahun ini, jumlah kasus melonjak", "2026-07-01", "Juni tahun ini", "2026-06"),
    ("Kasus melonjak pada akhir tahun lalu.", "2024-08-22", "akhir tahun lalu", "2023"),
    ("Sejak awal tahun ini ya, operasi berjalan.", "2026-02-01", "awal tahun ini", "2026"),
    ("hubungan memanas akhir bulan lalu", "2025-07-05", "akhir bulan lalu", "2025-06"),
    ("Ia berangkat 2 tahun lalu.", "2024-06-15", "2 tahun lalu", "2022"),
    ("Jaringan itu berdiri dua tahun lalu.", "2024-06-15", "dua tahun lalu", "2022"),
    ("Ia ditangkap tiga hari lalu.", "2024-03-10", "tiga hari lalu", "2024-03-07"),
    ("Kasus ini muncul 3 bulan lalu.", "2024-06-15", "3 bulan lalu", "2024-03"),
    ("Mereka tiba dua pekan lalu.", "2024-06-15", "dua pekan lalu", "2024-W22"),
    ("Ia pergi lima tahun yang lalu.", "2024-06-15", "lima tahun yang lalu", "2019"),
    ("Ia hilang setahun lalu.", "2024-06-15", "setahun lalu", "2023"),
    ("Pernah menimpa 26 WNI pada 2023 lalu.", "2024-08-13", "2023 lalu", "2023"),
    ("peristiwa itu terjadi pada 17 Oktober lalu.", "2025-10-28", "17 Oktober lalu", "2025-10-17"),
    ("pada tanggal 23 Juni lalu itu tercatat 48 orang", "2026-07-10", "tanggal 23 Juni lalu", "2026-06-23"),
    ("Kemudian pada 18 Oktober, 13 WNI diamankan.", "2025-10-28", "18 Oktober", "2025-10-18"),
    ("Gelombang pertama pada 20 Februari memulangkan 46 WNI.", "2025-03-06", "20 Februari", "2025-02-20"),
    ("Pada 5 Desember, korban melapor.", "2025-01-10", "5 Desember", "2024-12-05"),
    ("Forum itu akan digelar pada 5 Januari.", "2024-12-20", "5 Januari", "2025-01-05"),
    ("referendum pada 1 Oktober mendatang", "2017-09-09", "1 Oktober mendatang", "2017-10-01"),
    ("Pada Juni lalu, 46 WNI dipulangkan.", "2025-10-01", "Juni lalu", "2025-06"),
    ("korban berangkat pada September lalu.", "2025-10-26", "September lalu", "2025-09"),
    ("Direktur Judha pada Oktober menyatakan hal itu.", "2025-12-26", "Oktober", "2025-10"),
    ("Sekarang baru berjalan sampai Juni.", "2026-07-01", "Juni", "2026-06"),
    ("Rencananya pameran digelar pada Desember.", "2026-07-01", "Desember", "2026-12"),
    ("Pada bulan ini, Kemlu memulangkan 110 WNI.", "2025-12-26", "bulan ini", "2025-12"),
    ("pada bulan September inflasi naik", "2016-10-03", "bulan September", "2016-09"),
    ("video Kylie muncul awal Februari ini.", "2024-02-20", "awal Februari ini", "2024-02"),
    ("Pada pertengahan November, hasil proses diumumkan.", "2024-12-10", "pertengahan November", "2024-11"),
]

YEAR_ONLY: list[Row] = [
    ("dari 15 kasus pada tahun 2020", None, "tahun 2020", "2020"),
    ("menjadi 1.386 kasus pada tahun 2023.", None, "tahun 2023", "2023"),
    ("MoU Pemberantasan Kejahatan Transnasional tahun 2023 perlu segera diimplementasikan", None, "tahun 2023",
     "2023"),
    ("peningkatan tajam kasus TPPO pada 2023.", None, "2023", "2023"),
    ("361 kasus pada 2021 menjadi 752 kasus pada 2022", None, "2021", "2021"),
    ("Penjualan ginjal telah berjalan sejak 2019.", None, "2019", "2019"),
    ("Ia menyebut 1.870 perkara selesai ditangani pada 2024.", None, "2024", "2024"),
    ("Tahun 2014 lalu, Madonna tampil di sana.", None, "Tahun 2014 lalu", "2014"),
    ("debut di MotoGP pada musim 2017 silam", None, "2017 silam", "2017"),
    ("Aturan itu berlaku awal 2024.", None, "awal 2024", "2024"),
    ("Pada pertengahan tahun 2023 kasus melonjak.", None, "pertengahan tahun 2023", "2023"),
    ("pengembangan dilakukan di akhir tahun 2016.", None, "akhir tahun 2016", "2016"),
    ("kasus WNI sepanjang tahun 2025 mencapai 5.008", None, "tahun 2025", "2025"),
    ("target penurunan emisi pada 2030", None, "2030", "2030"),
    ("Mahasiswa turun ke jalan pada 1998.", None, "1998", "1998"),
    ("Kemenangan di Piala Dunia 1966 dikenang.", None, "1966", "1966"),
    ("berdiri sejak tahun 2010 ini secara resmi", None, "tahun 2010", "2010"),
    ("TAHUN 2024 menjadi tahun rekor.", None, "TAHUN 2024", "2024"),
]

FALSE_FRIENDS: list[tuple[str, str]] = [
    ("memimpin delegasi dalam kunjungan lima hari ke Kamboja", "lima hari"),
    ("Cerita PMI disekap 2 hari karena ketiduran", "2 hari"),
    ("22 Agustus 2024\n\n10:32 WIB\n\nIndonesia Gandeng Kamboja", "10:32"),
    ("Jenazah tiba pukul 19.30 WIB di Juanda.", "19.30"),
    ("Korban berusia 25 tahun asal Medan.", "25 tahun"),
    ("Dalam KTT ke-42 ASEAN di Labuan Bajo", "ke-42"),
    ("sekitar 1,1 juta WNI bekerja di luar negeri", "1,1"),
    ("dipaksa bekerja 16-19 jam sehari", "16-19"),
    ("dengan gaji Rp 9 Juta per bulan", "9 Juta"),
    ("dengan gaji Rp 2024 per hari", "2024"),
    ("ditawarkan 1500 hingga 2000 dolar AS untuk tiap orang", "2000"),
    ("sebanyak 2019 orang dipulangkan", "2019"),
    ("aturan lama seperti UU Nomor 21 Tahun 2007 perlu direvisi", "2007"),
    ("sesuai UUD 1945 pasal 28", "1945"),
    ("Copyright © ANTARA 2024", "2024"),
    ("COPYRIGHT ©\nANTARA\n2026", "2026"),
    ("gaji 1.000-1.200 USD per bulan", "1.000-1.200"),
    ("meningkat 122,3% dari angka sebelumnya", "122,3"),
    ("Beberapa tahun lalu ia berangkat ke Kamboja.", "tahun lalu"),
    ("puluhan tahun lalu keluarganya pindah", "tahun lalu"),
    ("Pengajian digelar setiap Senin malam.", "Senin"),
    ("Ia wajib lapor setiap Senin dan Kamis.", "Kamis"),
    ("usai salat Jumat di masjid", "Jumat"),
    ("Dua minggu kemudian mereka pulang.", "minggu"),
    ("Mei Lin mengatakan korban sudah pulang.", "Mei"),
    ("April dan suaminya tiba di Bandara.", "April"),
    ("5 Bulan Agresi Brutal Israel ke Gaza", "Bulan"),
    ("nomor perkara 77/Pid.Pra/2025/PN JKT.TIM", "2025"),
    ("Nomor: SP.Sidik/94/I/2026/Ditreskrimum", "2026"),
    ("menjadi tren akhir-akhir ini", "akhir"),
    ("Saat ini pihak terkait sedang bekerja sama", "Saat ini"),
    ("Yamaha Rayakan 25 Tahun TMAX", "25 Tahun"),
    ("dalam kurun waktu lima hari terakhir", "lima hari"),
    ("rumah nomor 2023 di jalan itu", "2023"),
    ("Skor akhir 3-1 untuk tuan rumah", "3-1"),
    ("sebanyak 95 persen dari PMI", "95"),
    ("Siaran itu tayang Senin-Jumat pukul 08.00 WIB.", "Senin-Jumat"),
    ("Mahasiswa semester III tahun 2024 ikut magang.", "semester III"),
]


def _dates(doc: Any) -> list[Any]:
    return [e for e in doc.ents if e.label_ == "DATE"]


def _check(annotate: Any, text: str, published: str | None, span: str, value: str | None) -> None:
    doc = annotate(text, published=published)
    found = [(e.text, e._.attrs.get("value")) for e in _dates(doc)]
    assert (span, value) in found, f"{text!r}: expected {(span, value)}, got {found}"


@pytest.mark.parametrize("text, published, span, value", ABSOLUTE)
def test_absolute_dates(annotate: Any, text: str, published: str | None, span: str, value: str) -> None:
    _check(annotate, text, published, span, value)


@pytest.mark.parametrize("text, published, span, value", NUMERIC)
def test_numeric_dates(annotate: Any, text: str, published: str | None, span: str, value: str) -> None:
    _check(annotate, text, published, span, value)


@pytest.mark.parametrize("text, published, span, value", WEEKDAY)
def test_weekday_dates(annotate: Any, text: str, published: str | None, span: str, value: str) -> None:
    _check(annotate, text, published, span, value)


@pytest.mark.parametrize("text, published, span, value", RANGES)
def test_ranges_are_one_mention(annotate: Any, text: str, published: str | None, span: str, value: str) -> None:
    _check(annotate, text, published, span, value)


@pytest.mark.parametrize("text, published, span, value", RELATIVE)
def test_relative_dates_resolve_against_the_reference(annotate: Any, text: str, published: str | None, span: str,
                                                      value: str) -> None:
    _check(annotate, text, published, span, value)


@pytest.mark.parametrize("text, published, span, value", YEAR_ONLY)
def test_year_only_dates(annotate: Any, text: str, published: str | None, span: str, value: str) -> None:
    _check(annotate, text, published, span, value)


@pytest.mark.parametrize("text, forbidden", FALSE_FRIENDS)
def test_false_friends_are_not_dates(annotate: Any, text: str, forbidden: str) -> None:
    doc = annotate(text, published="2024-06-15")
    start = text.index(forbidden)
    end = start + len(forbidden)
    clashing = [e.text for e in _dates(doc) if e.start_char < end and start < e.end_char]
    assert not clashing, f"{text!r}: {clashing} tagged as DATE"


def test_the_tables_hold_at_least_150_phrasings() -> None:
    rows = ABSOLUTE + NUMERIC + WEEKDAY + RANGES + RELATIVE + YEAR_ONLY
    assert len(rows) + len(FALSE_FRIENDS) >= 150


# --- spans --------------------------------------------------------------------------


def test_prepositions_stay_outside_and_dan_splits(annotate: Any) -> None:
    doc = annotate("Forum itu digelar sejak 2020 dan 2021, pada 18 dan 19 Maret 2025.")
    assert [e.text for e in _dates(doc)] == ["2020", "2021", "18", "19 Maret 2025"]
    assert [e._.attrs["value"] for e in _dates(doc)] == ["2020", "2021", "2025-03-18", "2025-03-19"]


def test_attributes_granularity_and_mod(annotate: Any) -> None:
    doc = annotate("Pelatihan pada akhir September 2024, sejak 2020 hingga September 2024, minggu ini.",
                   published="2024-06-15")
    attrs = {e.text: e._.attrs for e in _dates(doc)}
    assert attrs["akhir September 2024"] == {"value": "2024-09", "granularity": "month", "mod": "END"}
    assert attrs["2020 hingga September 2024"] == {"value": "2020/2024-09", "granularity": "year/month"}
    assert attrs["minggu ini"] == {"value": "2024-W24", "granularity": "week"}


def test_every_mention_names_a_real_rule(annotate: Any, nlp: Any) -> None:
    from extractor.rules import load_rules

    ids = {r.id for r in load_rules().of_kind("dates")}
    doc = annotate("Selasa (11 Juni 2024) hingga Sabtu (15 Juni), tahun lalu, 2 tahun lalu, Mei 2023.",
                   published="2024-06-15")
    assert _dates(doc)
    assert all(e._.rule in ids for e in _dates(doc))


def test_relative_dates_without_any_reference_have_no_value(annotate: Any) -> None:
    doc = annotate("Sampai hari ini tim telah menahan 12 tersangka.")
    assert doc._.reference_date is None
    assert [(e.text, e._.attrs["value"]) for e in _dates(doc)] == [("hari ini", None)]


# --- the reference date ---------------------------------------------------------------

REFERENCE: list[tuple[str, str | None, str | None, str | None]] = [
    # text, published, expected reference_date, expected basis
    ("Kemlu mencatat 842 kasus tahun lalu, kata Retno, Kamis (22/8).", "2024-08-22", "2024-08-22", "published"),
    ("NASIONAL\n\n22 Agustus 2024\n\n10:32 WIB\n\nIndonesia Gandeng Kamboja\n\nRetno bertemu pada Rabu (21/8).",
     None, "2024-08-22", "header"),
    ("Selamat\n\nSelasa, 4 November 2025\n\nNASIONAL\n\n22 Agustus 2024\n\n10:32 WIB\n\nJakarta - Isi berita.",
     None, "2024-08-22", "header"),
    ("Diterbitkan: 3 Maret 2025\n\nJakarta - Polisi menangkap pelaku pada Senin.", None, "2025-03-03", "header"),
    ("Jakarta - kata Judha dalam konferensi pers, Senin (16/12/2024). Pada 2023 tercatat 1.000 kasus.", None,
     "2024-12-16", "dateline"),
    ("Delegasi berkunjung mulai Selasa (11 Juni 2024) hingga Sabtu (15 Juni). Pelatihan pada akhir September 2024.",
     None, "2024-06-15", "dateline"),
    ("Kasus pada 2023 naik. Presiden bertemu PM di Melbourne, pada Selasa, 5 Maret 2024. Konferensi pada "
     "4 Januari 2024.", None, "2024-03-05", "dateline"),
    ("Forum digelar di Bali pada 7-8 November 2024. Sejak 2020 hingga September 2024 ada 4.700 kasus.", None,
     "2024-11-08", "latest_date"),
    ("Kerusuhan terjadi pada 17 Oktober 2025 di Kandal. Kemlu akan memulangkan mereka pada 30 Desember 2025.",
     None, "2025-10-17", "latest_date"),
    ("Penjualan ginjal berjalan sejak 2019. Sampai hari ini 12 tersangka ditahan.", None, None, None),
]


@pytest.mark.parametrize("text, published, reference, basis", REFERENCE)
def test_reference_date_and_basis(annotate: Any, text: str, published: str | None, reference: str | None,
                                  basis: str | None) -> None:
    doc = annotate(text, published=published)
    assert (doc._.reference_date, doc._.reference_basis) == (reference, basis)


def test_dateline_without_year_takes_the_year_its_weekday_agrees_with(annotate: Any,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates_reference, "today", lambda: dt.date(2026, 11, 23))
    doc = annotate("Mukhtarudin mengatakan itu di Jakarta Pusat, Selasa (28/10). Kerusuhan terjadi pada "
                   "17 Oktober lalu, lalu pada 18 Oktober 13 WNI diamankan.")
    assert (doc._.reference_date, doc._.reference_basis) == ("2025-10-28", "dateline")
    assert [e._.attrs["value"] for e in _dates(doc)] == ["2025-10-28", "2025-10-17", "2025-10-18"]


def test_dateline_year_is_anchored_on_the_years_the_article_writes(annotate: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates_reference, "today", lambda: dt.date(2026, 11, 23))
    doc = annotate("Pada 2016 kasus naik. Kata Muhadjir di Jakarta, Rabu (12/7).")
    assert doc._.reference_date == "2017-07-12"  # 12 July 2017 was a Wednesday; 2023 is further from 2016


def test_published_wins_and_resolves_relative_dates(annotate: Any) -> None:
    doc = annotate("Judha di Jakarta, Selasa (5/3). Pada 2023 tercatat 1.000 kasus tahun lalu.",
                   published="2024-03-06T09:00:00+07:00")
    assert doc._.reference_basis == "published"
    assert doc._.reference_date == "2024-03-06"
    assert {e.text: e._.attrs["value"] for e in _dates(doc)}["tahun lalu"] == "2023"


# --- W001 ---------------------------------------------------------------------------------


def test_weekday_that_disagrees_with_its_date_is_a_warning(annotate: Any) -> None:
    doc = annotate("Pertemuan digelar Rabu (22/8/2024) di Phnom Penh.")
    assert [e._.attrs["value"] for e in _dates(doc)] == ["2024-08-22"]  # the date is kept, not the weekday
    expected = Errors.W001.format(weekday="Rabu", date="2024-08-22", actual="Kamis")
    assert doc._.warnings == [expected]


def test_weekday_that_agrees_gives_no_warning(annotate: Any) -> None:
    doc = annotate("Pertemuan digelar Kamis (22/8/2024) di Phnom Penh.")
    assert doc._.warnings == []


def test_underspecified_weekday_date_may_move_a_year_back_to_agree(annotate: Any) -> None:
    doc = annotate("kata Djuhandani dalam jumpa pers, Selasa (16/5).", published="2024-08-13")
    assert [e._.attrs["value"] for e in _dates(doc)] == ["2023-05-16"]
    assert doc._.warnings == []


@pytest.mark.parametrize("text, published, value", [
    ("Gelombang pertama tiba Senin (18/3).", "2025-03-18", "2025-03-18"),  # 18 March 2025 was a Tuesday
    ("Mereka dibebaskan Jumat (30/7).", "2022-08-01", "2022-07-30"),  # 30 July 2022 was a Saturday
])
def test_a_weekday_slip_close_to_the_reference_keeps_its_year(annotate: Any, text: str, published: str,
                                                               value: str) -> None:
    """Within ``weekday_slip_days`` of the reference date a disagreeing weekday is a slip (W001), not a
    year-old date."""
    doc = annotate(text, published=published)
    assert [e._.attrs["value"] for e in _dates(doc)] == [value]
    assert [w[:4] for w in doc._.warnings] == ["W001"]


def test_an_inferred_reference_is_no_evidence_against_the_weekday(annotate: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The slip rule needs a stated reference (published): a dateline's year was itself chosen by a weekday."""
    monkeypatch.setattr(dates_reference, "today", lambda: dt.date(2026, 11, 23))
    doc = annotate("Kata Budi di Jakarta, Kamis (20/3). Rombongan tiba Senin (18/3).")
    assert (doc._.reference_date, doc._.reference_basis) == ("2025-03-20", "dateline")
    assert [e._.attrs["value"] for e in _dates(doc)] == ["2025-03-20", "2024-03-18"]


def test_w001_reaches_the_output_record(extract: Any) -> None:
    record = extract("Pertemuan digelar Rabu (22/8/2024) di Phnom Penh.")
    assert any(w.startswith("W001") for w in record["warnings"])
    dates = [e for e in record["entities"] if e["type"] == "DATE"]
    assert dates[0]["value"] == "2024-08-22" and dates[0]["granularity"] == "day"
    assert record["reference_date"] == "2024-08-22" and record["reference_basis"] == "dateline"


# --- the gold ---------------------------------------------------------------------------


def test_seed_gold_dates_and_reference_dates(nlp: Any) -> None:
    """Every DATE of the seed gold found with its exact span and value, and no other."""
    import json
    from pathlib import Path

    from tests.conftest import run_doc

    gold_dir = Path(__file__).resolve().parent.parent / "gold" / "seeds"
    corpus = Path(__file__).resolve().parent.parent.parent / "corpus"
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text_path = corpus / f"{gold['doc_id']}.txt"
        if not text_path.is_file():
            pytest.skip("corpus text not present")
        doc = run_doc(nlp, text_path.read_text(encoding="utf-8"), published=gold.get("published"))
        ignore = gold.get("ignore", [])
        found = {(e.start_char, e.end_char, e._.attrs.get("value")) for e in _dates(doc)
                 if not any(e.start_char < b and a < e.end_char for a, b in ignore)}
        expected = {(m["start"], m["end"], m.get("value")) for m in gold["mentions"] if m["type"] == "DATE"}
        assert found == expected, gold["doc_id"]
        assert doc._.reference_date == gold["reference_date"], gold["doc_id"]


# --- the word lists are rules ------------------------------------------------------------


def test_year_parts_and_ordinals_are_word_lists_users_extend(nlp: Any, tmp_path: Any) -> None:
    from extractor.rules import load_rules

    (tmp_path / "more_dates.yaml").write_text(
        "kind: dates\nrules:\n"
        "  - id: my.year_part\n    role: year_part\n    part: quarter\n    pattern: [kwartal]\n"
        "  - id: my.ordinal\n    role: ordinal\n    value: 2\n    pattern: [dua]\n", encoding="utf-8")
    tagger = dates_module.DateTagger(nlp, "dates")
    tagger.set_rules(load_rules([tmp_path]))
    doc = nlp.make_doc("Pada kwartal dua 2024 kasus naik, pada kwartal 5 2024 tidak.")
    doc._.article = {"published": None}
    found = [(e.text, e._.attrs["value"]) for e in tagger(doc).ents]
    assert found == [("kwartal dua 2024", "2024-Q2"), ("2024", "2024")]
