"""Events: one table of real-style sentences per event type, run through the whole pipeline,
then the merging, date and argument logic on hand-placed mentions."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractor.components.events import EventExtractor
from extractor.errors import RuleError
from extractor.extract import process_article
from extractor.rules import RuleSet, builtin_rules_dir, load_rule_file
from extractor.sources import Article
from extractor.spans import make_mention

# Each row: (text, expected). expected None: no event of the table's type; otherwise the one event
# of that type must have these fields (participants: these names among its participants).
MEETING: list[tuple[str, dict[str, Any] | None]] = [
    ("Menteri Luar Negeri Retno Marsudi bertemu Perdana Menteri Kamboja Hun Manet di Phnom Penh, "
     "Selasa (2/8/2022).",
     {"participants": ["Retno Marsudi", "Kamboja"], "date": "2022-08-02", "place": "Phnom Penh",
      "status": "occurred"}),
    ("Di Vientiane, Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Laos pada 4 Juni 2024.",
     {"participants": ["Indonesia", "Laos"], "date": "2024-06-04", "place": "Vientiane"}),  # place opens it
    ("Indonesia dan Kamboja menggelar pertemuan bilateral di Jakarta pada 12 Maret 2024.",
     {"participants": ["Indonesia", "Kamboja"], "date": "2024-03-12", "place": "Jakarta"}),
    ("Indonesia dan Filipina mengadakan forum internasional tentang TPPO di Bali pada 7 November 2024.",
     {"participants": ["Indonesia", "Filipina"], "place": "Bali", "date": "2024-11-07"}),
    ("Dalam KTT ASEAN di Labuan Bajo pada Mei 2023, para pemimpin membahas perdagangan orang.",
     {"participants": ["ASEAN"], "date": "2023-05", "place": "Labuan Bajo"}),
    ("Delegasi Indonesia melakukan kunjungan kerja ke Kamboja dan bertemu pejabat Thailand.",
     {"participants": ["Indonesia", "Thailand"], "place": "Kamboja"}),
    ("Wakil Menteri Luar Negeri Indonesia berdialog dengan Duta Besar Kamboja di Jakarta.",
     {"participants": ["Indonesia", "Kamboja"], "place": "Jakarta"}),
    ("Indonesia dan Malaysia menggelar rapat koordinasi perlindungan pekerja migran di Jakarta.",
     {"participants": ["Indonesia", "Malaysia"]}),
    ("Menteri Luar Negeri Indonesia akan bertemu Menteri Luar Negeri Thailand di Bangkok pekan depan.",
     None),  # planned events are not written (listed_statuses)
    ("Pertemuan Indonesia dan Myanmar yang akan digelar di Jakarta membahas nasib para WNI.",
     None),
    ("Menteri Luar Negeri Indonesia bertemu Menteri Dalam Negeri Kamboja. Dalam pertemuan itu, keduanya "
     "membahas perlindungan WNI.", {"participants": ["Indonesia", "Kamboja"], "evidence": 2}),
    ("Presiden Indonesia menerima kunjungan kehormatan Perdana Menteri Vietnam di Jakarta.",
     {"participants": ["Indonesia", "Vietnam"], "place": "Jakarta"}),
    ("Pejabat Indonesia dan Laos melakukan pertemuan di Vientiane pada Senin (4/3/2024).",
     {"participants": ["Indonesia", "Laos"], "date": "2024-03-04"}),
    ("Menlu Indonesia bertemu Menlu Laos di Vientiane. Dalam kesempatan itu, keduanya membahas TPPO.",
     {"participants": ["Indonesia", "Laos"], "place": "Vientiane", "evidence": 2}),
    ("Presiden Indonesia bertemu Perdana Menteri Malaysia di Putrajaya. Dalam lawatan itu, keduanya juga membahas "
     "nasib pekerja migran.", {"participants": ["Indonesia", "Malaysia"], "evidence": 2}),
    # no event
    ("Jumlah warga negara Indonesia yang berkunjung ke Kamboja meningkat tajam tahun ini.", None),
    ("Pertemuan teknis akan dilakukan bulan depan.", None),
    ("Menteri Luar Negeri Indonesia belum bertemu pihak Kamboja.", None),
    ("Baca juga: Menlu Indonesia Bertemu PM Kamboja Bahas TPPO", None),
    ("Ribuan warga bertemu di Jakarta untuk berunjuk rasa.", None),
    ("Indonesia mengundang Kamboja untuk mengunjungi pameran Indo Defence Expo and Forum yang akan "
     "diselenggarakan di Jakarta.", None),
    ("Menteri Luar Negeri Indonesia berharap dapat bertemu Menteri Luar Negeri Myanmar.", None),
    ("Pertemuan itu berlangsung tertutup.", None),
    ("Kunjungan wisata ke Thailand dan Vietnam meningkat selama liburan.", None),
    ("Polisi menggelar konferensi pers di Jakarta, Senin (5/3/2024).", None),
    ("Kemlu mengimbau masyarakat tidak tergiur tawaran kerja di Kamboja.", None),
    ("\"Jangan ada lagi warga yang berangkat ke Laos atau Kamboja,\" ujar Karding seusai kunjungan open house "
     "di Jakarta Timur, Rabu (2/4/2025).", None),
]

AGREEMENT: list[tuple[str, dict[str, Any] | None]] = [
    ("Indonesia dan Kamboja telah menandatangani nota kesepahaman pemberantasan kejahatan transnasional.",
     {"participants": ["Indonesia", "Kamboja"], "status": "occurred"}),
    ("Indonesia dan Malaysia sepakat memperkuat kerja sama pemberantasan TPPO.",
     {"participants": ["Indonesia", "Malaysia"]}),
    ("Para pemimpin ASEAN menghasilkan deklarasi tentang pemberantasan perdagangan orang di Labuan Bajo "
     "pada Mei 2023.", {"participants": ["ASEAN"], "date": "2023-05", "place": "Labuan Bajo"}),
    ("Indonesia dan Filipina akan menandatangani MoU perlindungan pekerja migran.",
     None),
    ("Pemerintah Indonesia dan Thailand menyepakati pembentukan satuan tugas bersama.",
     {"participants": ["Indonesia", "Thailand"]}),
    ("Indonesia dan Kamboja meneken perjanjian ekstradisi pada 2023.",
     {"participants": ["Indonesia", "Kamboja"], "date": "2023"}),
    ("Indonesia dan Vietnam bersepakat menggelar patroli bersama di perairan perbatasan.",
     {"participants": ["Indonesia", "Vietnam"]}),
    ("Indonesia dan Laos menandatangani perjanjian kerja sama penanganan TPPO di Vientiane.",
     {"participants": ["Indonesia", "Laos"]}),
    ("Deklarasi ASEAN tentang perdagangan orang disahkan pada 2023.", {"participants": ["ASEAN"], "date": "2023"}),
    ("Para pemimpin ASEAN menghasilkan deklarasi tentang TPPO. Deklarasi itu menjadi rujukan di kawasan.",
     {"participants": ["ASEAN"], "evidence": 2}),
    ("Kesepakatan Indonesia dan Myanmar mengatur pemulangan korban TPPO.",
     {"participants": ["Indonesia", "Myanmar"]}),
    ("Indonesia dan Kamboja menandatangani MoU. Kerja sama itu berlaku lima tahun.",
     {"participants": ["Indonesia", "Kamboja"], "evidence": 1}),
    # no event
    ("Indonesia belum memiliki perjanjian kerja sama penempatan dengan Kamboja.", None),
    ("Sampai sekarang kita belum memiliki kesepakatan penempatan dengan negara-negara tersebut.", None),
    ("Korban menandatangani perjanjian kerja dengan perusahaan di Kamboja.", None),
    ("Baca juga: Indonesia dan Kamboja Teken MoU Pemberantasan TPPO", None),
    ("Kita harus punya MoU dulu sebelum menempatkan pekerja.", None),
    ("Kerja sama ini perlu terus ditingkatkan.", None),
    ("Deklarasi tersebut menjadi rujukan di kawasan Asia Tenggara.", None),
    ("Perjanjian itu mengatur pertukaran informasi intelijen.", None),
    ("Indonesia tidak sepakat dengan usulan Malaysia.", None),
    ("Indonesia ingin menjalin perjanjian dengan Kamboja.", None),
    ("Upaya ini dapat dicapai dengan implementasi nota kesepahaman tahun 2023.", None),
    ("Kamboja bisa menjadi negara penempatan jika memenuhi syarat regulasi, jaminan sosial, serta adanya "
     "perjanjian kerja sama dengan Indonesia.", None),
]

RESCUE: list[tuple[str, dict[str, Any] | None]] = [
    ("Kepolisian Kamboja bersama KBRI Phnom Penh berhasil menyelamatkan 62 WNI yang disekap di "
     "Sihanoukville.", {"count": 62, "place": "Sihanoukville", "status": "occurred"}),
    ("KBRI Phnom Penh membebaskan 119 WNI yang menjadi korban perusahaan investasi palsu pada 2021.",
     {"count": 119, "date": "2021"}),
    ("Sebanyak 20 WNI korban TPPO berhasil dievakuasi dari Myawaddy, Myanmar, pada 20 Februari 2025.",
     {"count": 20, "date": "2025-02-20"}),
    ("Polisi Filipina menyelamatkan 50 WNI dari sebuah kompleks penipuan daring.", {"count": 50}),
    ("Tim gabungan mengevakuasi 15 WNI dari lokasi penyekapan di Kamboja.", {"count": 15, "place": "Kamboja"}),
    ("Otoritas Myanmar telah membebaskan 26 WNI yang disekap di Myawaddy.", {"count": 26}),
    ("Sebanyak 80 WNI diselamatkan aparat Kamboja dalam penggerebekan di Phnom Penh, Selasa (11/3/2025).",
     {"count": 80, "date": "2025-03-11", "place": "Phnom Penh"}),
    ("Otoritas Myanmar akan mengevakuasi 40 WNI dari wilayah konflik.", None),
    ("Penyelamatan 30 WNI di Laos dilakukan aparat setempat.", {"count": 30, "place": "Laos"}),
    ("Sebanyak 62 WNI berhasil diselamatkan di Kamboja. Polisi Kamboja menyelamatkan 62 WNI itu di "
     "Sihanoukville.", {"count": 62, "place": "Sihanoukville", "evidence": 2}),
    ("Aparat Thailand membebaskan 12 WNI korban perdagangan orang di perbatasan.", {"count": 12}),
    # a dateline after the headline run: where the story was filed, not where the rescue happened
    ("Polisi Malaysia Bebaskan 14 WNI Korban Penipuan PONTIANAK, KOMPAS.com - Polisi Malaysia membebaskan 14 WNI "
     "yang disekap sindikat penipuan.", {"count": 14, "place": None}),
    ("Laos Bebaskan 16 WNI\n\nANTARANEWS.COM,Medan- Aparat Laos membebaskan 16 WNI yang disekap sindikat judi daring.",
     {"count": 16, "place": None}),
    # no event
    ("KBRI terus berkoordinasi dengan aparat Laos demi membebaskan Rudi.", None),
    ("Sebanyak 6 WNI berhasil menyelamatkan diri dari perusahaan itu.", None),
    ("Polisi mengamankan sejumlah orang yang ditampung di Bekasi.", None),
    ("Baca juga: 62 WNI Diselamatkan dari Sindikat Online Scam di Kamboja", None),
    ("Keluarga berharap Rudi segera dibebaskan.", None),
    ("Kemlu meminta otoritas Kamboja segera membebaskan 20 WNI yang ditahan.", None),
    ("Para korban belum dibebaskan hingga kini.", None),
    ("Polisi tidak berhasil membebaskan 10 WNI yang disandera.", None),
    ("Sebanyak 86 WNI ditangkap kepolisian Kamboja usai berontak.", None),
    ("Pembebasan visa bagi wisatawan Kamboja berlaku sejak 2023.", None),
    ("Upaya pembebasan sandera masih berlangsung.", None),
    ("Tujuh WNI lainnya masih dalam proses pembebasan oleh aparat setempat.", None),
]

REPATRIATION: list[tuple[str, dict[str, Any] | None]] = [
    # a share of a count ("sepertiga di antaranya") is not that count; "sebagian besar" (mostly) describes it
    ("Lebih dari 900 WNI melapor ke KBRI Vientiane, dan sepertiga di antaranya telah pulang ke tanah air.",
     {"count": None, "status": "occurred"}),
    ("Sebanyak 300 WNI, sebagian besar asal Sulawesi Utara, telah dipulangkan dari Laos.",
     {"count": 300, "place": "Laos"}),
    # a verb coordinated with a voided one shares its cue: asked to free and bring home
    ("Keluarga korban mendesak pemerintah Republik Indonesia segera membebaskan dan memulangkan 60 WNI dari Kamboja.",
     None),
    # a part word that describes the group ("sebagian perempuan") leaves the count; one before the whole takes it
    ("Sebanyak 120 WNI, sebagian perempuan, telah dipulangkan dari Kamboja.", {"count": 120, "place": "Kamboja"}),
    ("Sebagian dari 300 WNI itu telah dipulangkan dari Laos.", None),
    ("Kemlu bersama instansi lain telah memulangkan 145 WNI dari Myanmar selama Januari 2025.",
     {"count": 145, "date": "2025-01", "place": "Myanmar", "status": "occurred"}),
    ("Indonesia berhasil memulangkan lebih dari 1.100 WNI korban perdagangan manusia dari Kamboja.",
     {"count": 1100, "participants": ["Indonesia"], "place": "Kamboja"}),
    ("Pemerintah akan memulangkan 101 WNI dari Kamboja.", None),
    ("Tahun ini, tercatat 291 WNI menjadi korban dan 133 di antaranya telah berhasil dipulangkan.",
     {"count": 133}),
    ("Pada 14 Januari 2025, sebanyak 72 WNI yang tertipu lowongan kerja di Myanmar pulang ke tanah air.",
     {"count": 72, "date": "2025-01-14", "place": "Myanmar"}),
    ("Sebanyak 46 WNI dideportasi dari Malaysia melalui Tanjung Pinang.", {"count": 46, "place": "Malaysia"}),
    ("Repatriasi 200 WNI dari Myawaddy dilakukan melalui Thailand.", {"count": 200}),
    ("KBRI Phnom Penh memulangkan 15 WNI korban online scam pada Selasa (11/6/2024).",
     {"count": 15, "date": "2024-06-11"}),
    ("Pada Maret 2025, pemerintah berhasil memulangkan 554 WNI dari Myanmar.", {"count": 554, "date": "2025-03"}),
    ("Selama Januari 2025, Kemlu sudah memulangkan 145 WNI dari Myanmar. Pemulangan itu dibagi menjadi "
     "dua tahap.", {"count": 145, "evidence": 2}),
    ("Sebanyak 25 WNI dipulangkan dari Kamboja ke Indonesia.", {"count": 25, "place": "Kamboja"}),
    ("Sebanyak 48 WNI asal Myanmar dipulangkan ke tanah air. Repatriasi ini difasilitasi KBRI Yangon dan "
     "KBRI Bangkok.", {"count": 48, "participants": ["KBRI Yangon", "KBRI Bangkok"], "evidence": 2}),
    ("Sebanyak 31 WNI akan dipulangkan dari Laos pada 4 Mei 2025. Repatriasi ini dikawal KBRI Vientiane.",
     None),  # planned, and the anaphor does not make it happen
    # outlets break lines around links and italics: still one sentence
    ("Sebanyak 23 WNI korban penipuan\ndaring dari Laos\ndipulangkan KBRI Vientiane pada Senin (3/3/2025).",
     {"count": 23, "place": "Laos", "date": "2025-03-03"}),
    ("Sebanyak 46 WNI korban TPPO tiba di Bandara Soekarno-Hatta. Mereka dipulangkan dari Myanmar melalui "
     "Thailand.", {"count": 46, "place": "Myanmar"}),
    ("Menteri Luar Negeri Indonesia dalam jumpa pers, Jumat (5/5/2023), mengatakan pemerintah telah memulangkan "
     "1.138 WNI dari Kamboja.", {"count": 1138, "date": None, "place": "Kamboja"}),
    # no event
    ("Setelah verifikasi rampung, para korban itu bisa segera dipulangkan ke tanah air.", None),
    ("Kemlu masih berusaha memulangkan WNI dari Myawaddy.", None),
    ("Kami masih memantau apakah para WNI ini bisa dipulangkan atau tidak.", None),
    ("ASEAN akan memperkuat kerja sama di bidang perlindungan, pemulangan, serta rehabilitasi korban.", None),
    ("Menurut dia, cara pemulangan tersebut juga dipakai tahun lalu.", None),
    ("Baca juga: Pemerintah RI Pulangkan 84 WNI Korban Penipuan Online di Myanmar", None),
    ("Kemlu berharap para WNI tersebut bisa segera dipulangkan.", None),
    ("Sebanyak 86 WNI masih ditahan kepolisian Kamboja.", None),
    ("Keluarga korban mendesak pemerintah segera memulangkan 12 WNI dari Kamboja.", None),
    ("Proses pemulangan 40 WNI belum dilakukan karena dokumen belum lengkap.", None),
    ("Pemulangan para korban bisa dilakukan setelah proses asesmen.", None),
    ("Tercatat 1.530 WNI di Kamboja mengajukan bantuan pemulangan ke Indonesia.", None),
    ("Imigrasi mendeportasi 9 WNA pelaku penipuan daring ke Tiongkok.", None),
    ("Hingga kini masih ada 210 WNI yang dalam proses pemulangan dari Myawaddy.", None),
]

TABLES = {"MEETING": MEETING, "AGREEMENT": AGREEMENT, "RESCUE": RESCUE, "REPATRIATION": REPATRIATION}
CASES = [pytest.param(type_, text, expected, id=f"{type_}-{i}")
         for type_, table in TABLES.items() for i, (text, expected) in enumerate(table)]


def check_event(events: list[dict[str, Any]], type_: str, expected: dict[str, Any] | None) -> None:
    of_type = [e for e in events if e["type"] == type_]
    if expected is None:
        assert of_type == [], of_type
        return
    assert len(of_type) == 1, events
    event = of_type[0]
    for key, value in expected.items():
        if key == "participants":
            assert set(value) <= set(event["participants"]), event
        elif key == "evidence":
            assert len(event["evidence"]) == value, event
        else:
            assert event[key] == value, (key, event)


def test_every_table_has_twenty_rows_with_and_without_events() -> None:
    for table in TABLES.values():
        assert len(table) >= 20
        assert any(e is None for _, e in table) and any(e is not None for _, e in table)


@pytest.mark.parametrize(("type_", "text", "expected"), CASES)
def test_event_table(extract: Any, type_: str, text: str, expected: dict[str, Any] | None) -> None:
    record = extract(text)
    check_event(record["events"], type_, expected)
    for event in record["events"]:
        for ev in event["evidence"]:
            assert 0 <= ev["start"] < ev["end"] <= len(text)
        assert event["rule"].startswith("event.")


def test_events_follow_the_output_schema(extract: Any, output_schema: dict[str, Any]) -> None:
    record = extract(MEETING[0][0])
    assert record["events"]
    jsonschema.validate(record, output_schema)
    for key in ("type", "participants", "date", "place", "count", "evidence", "rule"):
        assert key in record["events"][0]


# --- the logic on hand-placed mentions ----------------------------------------------------


@pytest.fixture(scope="module")
def events_only() -> EventExtractor:
    """The events component alone, over rules/events.yaml: independent of the entity taggers."""
    path = builtin_rules_dir() / "events.yaml"
    rule_file = load_rule_file(path)
    component = EventExtractor(spacy.blank("id"), "events")
    component.set_rules(RuleSet(files=[rule_file], rules=rule_file.rules, version="test"))
    return component


Placed = tuple[str, str, dict[str, Any]]  # (surface, label, attrs): the first unused occurrence


def placed_doc(nlp: Language, text: str, mentions: Sequence[Placed], title: str | None = None,
               boilerplate: Sequence[tuple[int, int]] = ()) -> Doc:
    doc = nlp.make_doc(text)
    doc._.article = {"title": title}
    doc._.boilerplate = list(boilerplate)
    spans = []
    pos = 0
    for surface, label, attrs in mentions:
        start = text.index(surface, pos)
        pos = start + len(surface)
        span = make_mention(doc, start, pos, label, "test", attrs)
        assert span is not None, surface
        spans.append(span)
    doc.set_ents(spans)
    return doc


def run(component: EventExtractor, text: str, mentions: Sequence[Placed], **kwargs: Any) -> list[dict[str, Any]]:
    doc = placed_doc(component.nlp, text, mentions, **kwargs)
    return list(component(doc)._.events)


VISIT = ("Asisten Deputi Nur Rokhmah Hidayah memimpin delegasi Indonesia dalam kunjungan lima hari ke Kamboja "
         "mulai Selasa (11 Juni 2024) hingga Sabtu (15 Juni). Delegasi Indonesia bertemu dengan pejabat "
         "Kepolisian Nasional Kamboja dan NCCT.")
VISIT_MENTIONS: list[Placed] = [
    ("Nur Rokhmah Hidayah", "OFFICIAL", {"name": "Nur Rokhmah Hidayah"}),
    ("Indonesia", "COUNTRY", {"code": "ID"}),
    ("Kamboja", "COUNTRY", {"code": "KH"}),
    ("Selasa (11 Juni 2024) hingga Sabtu (15 Juni)", "DATE", {"value": "2024-06-11/2024-06-15"}),
    ("Indonesia", "COUNTRY", {"code": "ID"}),
    ("Kepolisian Nasional Kamboja", "AGENCY", {"name": "Kepolisian Nasional Kamboja"}),
    ("NCCT", "AGENCY", {"name": "Komite Nasional untuk Pemberantasan Perdagangan Orang"}),
]


def test_an_operation_told_as_a_repatriation_then_as_a_rescue_is_one_repatriation(extract: Any) -> None:
    """"pemulangan 320 WNI ... penyelamatan itu berlangsung dua tahap": the anaphor names the repatriation,
    so its stages are the repatriation's (operation_type), not rescues."""
    text = ("Divhubinter Polri membantu pemulangan 320 WNI korban TPPO dari Myawaddy, Myanmar. Ia mengatakan "
            "penyelamatan itu berlangsung dua tahap: tahap pertama sebanyak 200 orang pada Senin (17/3/2025) "
            "dan tahap kedua sebanyak 120 orang pada Selasa (18/3/2025).")
    events = extract(text, published="2025-03-20")["events"]
    assert [(e["type"], e["count"], e.get("part_of")) for e in events] == [
        ("REPATRIATION", 320, None), ("REPATRIATION", 200, 0), ("REPATRIATION", 120, 0)]
    assert [e["date"] for e in events[1:]] == ["2025-03-17", "2025-03-18"]


def test_an_operation_told_as_a_rescue_then_as_a_repatriation_gets_its_repatriation(extract: Any) -> None:
    """"operasi pembebasan terhadap 260 warga ... tahapan pemulangan ini": the rescue of 260 is the operation
    that brings them home, a REPATRIATION of 260 too, whose evidence holds both triggers."""
    text = ("Dalam operasi pembebasan terhadap 260 warga Indonesia di Myawaddy, Myanmar, semua korban dalam kondisi "
            "sehat. Tahapan pemulangan ini dibagi dalam dua gelombang, dengan gelombang pertama sebanyak 150 orang "
            "pada Senin (17/3/2025).")
    events = extract(text, published="2025-03-18")["events"]
    whole = [e for e in events if e["type"] == "REPATRIATION" and e["count"] == 260]
    assert len(whole) == 1 and whole[0]["place"] == "Myawaddy"
    assert [ev["trigger"] for ev in whole[0]["evidence"]] == ["pembebasan", "pemulangan ini"]
    assert any(e["type"] == "REPATRIATION" and e["count"] == 150 for e in events)


def test_a_visit_and_its_meetings_are_one_event_with_the_visit_date(events_only: EventExtractor) -> None:
    events = run(events_only, VISIT, VISIT_MENTIONS)
    assert len(events) == 1
    event = events[0]
    assert event["type"] == "MEETING"
    assert event["date"] == "2024-06-11/2024-06-15"  # said in the first sentence only
    assert event["place"] == "Kamboja"  # "ke Kamboja": where the visit went, not a party
    assert event["participants"] == ["Nur Rokhmah Hidayah", "Indonesia", "Kepolisian Nasional Kamboja", "NCCT"]
    assert [e["trigger"] for e in event["evidence"]] == ["kunjungan", "bertemu dengan"]
    first, second = event["evidence"]
    assert VISIT[first["start"]:first["end"]].startswith("Asisten Deputi")
    assert VISIT[second["start"]:second["end"]].startswith("Delegasi Indonesia bertemu")


def test_a_visit_too_thin_to_stand_alone_still_gives_its_date_to_the_meeting_after_it(
        events_only: EventExtractor) -> None:
    text = ("Delegasi Indonesia melakukan kunjungan ke Kamboja pada Selasa (11/6/2024). Delegasi Indonesia "
            "bertemu dengan pejabat Thailand di Phnom Penh.")
    events = run(events_only, text, [
        ("Indonesia", "COUNTRY", {"code": "ID"}), ("Kamboja", "COUNTRY", {"code": "KH"}),
        ("Selasa (11/6/2024)", "DATE", {"value": "2024-06-11"}), ("Indonesia", "COUNTRY", {"code": "ID"}),
        ("Thailand", "COUNTRY", {"code": "TH"}), ("Phnom Penh", "LOCATION", {})])
    assert [(e["date"], e["place"], len(e["evidence"]), e["rule"]) for e in events] == [
        ("2024-06-11", "Phnom Penh", 2, "event.meeting.kunjungan")]


def test_nothing_from_page_chrome(events_only: EventExtractor) -> None:
    start = VISIT.index("Delegasi Indonesia bertemu")
    events = run(events_only, VISIT, VISIT_MENTIONS, boilerplate=[(0, start - 1)])
    # the visit sentence is chrome: the meeting sentence alone has Indonesia + two agencies
    assert len(events) == 1
    assert events[0]["date"] is None
    assert all(ev["start"] >= start for ev in events[0]["evidence"])
    assert run(events_only, VISIT, VISIT_MENTIONS, boilerplate=[(0, len(VISIT))]) == []


def test_a_headline_only_joins_an_event_of_the_body(events_only: EventExtractor) -> None:
    title = "Indonesia dan Kamboja Teken MoU"
    mentions: list[Placed] = [("Indonesia", "COUNTRY", {"code": "ID"}), ("Kamboja", "COUNTRY", {"code": "KH"})]
    assert run(events_only, title + "\n\nKerja sama berlanjut.", mentions, title=title) == []
    repeated = title + "\n\n" + title + "\nKerja sama berlanjut."  # outlets that print the headline twice
    assert run(events_only, repeated, mentions * 2, title=title) == []
    body = title + "\n\nIndonesia dan Kamboja menandatangani MoU di Jakarta."
    events = run(events_only, body, mentions * 2 + [("Jakarta", "LOCATION", {})], title=title)
    assert len(events) == 1 and len(events[0]["evidence"]) == 2
    assert events[0]["place"] == "Jakarta"


def titled(nlp: Language, title: str, body: str, published: str) -> list[dict[str, Any]]:
    """The events of an article whose text opens with its title, as outlets print it."""
    article = Article("t", "t", f"{title}\n\n{body}", published=published, title=title)
    return [{k: e[k] for k in ("type", "date", "place", "count")} for e in process_article(nlp, article)["events"]]


@pytest.mark.parametrize(("title", "body", "expected"), [
    pytest.param("62 WNI Korban Penyekapan di Laos Berhasil Dipulangkan",
                 "Sebanyak 62 WNI yang disekap di Laos dibebaskan dan dijadwalkan pulang ke Indonesia pada "
                 "Jumat (7/3).",
                 [("RESCUE", "2025-03-07", "Laos", 62), ("REPATRIATION", "2025-03-07", "Laos", 62)],
                 id="a title that says it was done turns the body's schedule for that day into the event"),
    pytest.param("Sepuluh WNI Korban TPPO Akhirnya Berhasil Dipulangkan dari Kamboja",
                 "Keluarga menyambut mereka dengan haru di rumah.",
                 [("REPATRIATION", None, "Kamboja", 10)],
                 id="a title with a count and a done cue starts the event the body does not tell"),
    pytest.param("17 WNI Korban TPPO di Myanmar Berhasil Diselamatkan",
                 "KBRI Yangon berhasil memulangkan 17 WNI korban TPPO dari Myawaddy.",
                 [("REPATRIATION", None, "Myawaddy", 17)],
                 id="a title's rescue of the group the body brings home is that one operation"),
    pytest.param("Ratusan WNI Dipulangkan dari Kamboja", "Keluarga menyambut mereka dengan haru di rumah.", [],
                 id="a title without a count starts nothing"),
])
def test_what_a_title_adds(nlp: Language, title: str, body: str, expected: list[tuple[Any, ...]]) -> None:
    found = titled(nlp, title, body, "2025-03-07")
    assert [(e["type"], e["date"], e["place"], e["count"]) for e in found] == expected


def test_speakers_and_sources_are_not_participants(events_only: EventExtractor) -> None:
    text = "\u201cKami sudah bertemu pejabat Kamboja dan Thailand,\u201d kata Judha Nugraha di Jakarta, Selasa (5/3)."
    events = run(events_only, text, [
        ("Kamboja", "COUNTRY", {"code": "KH"}), ("Thailand", "COUNTRY", {"code": "TH"}),
        ("Judha Nugraha", "OFFICIAL", {"name": "Judha Nugraha"}), ("Jakarta", "LOCATION", {}),
        ("Selasa (5/3)", "DATE", {"value": "2024-03-05"})])
    assert len(events) == 1
    assert events[0]["participants"] == ["Kamboja", "Thailand"]
    assert events[0]["date"] is None and events[0]["place"] is None  # the press briefing's, not the meeting's


def test_waves_of_a_repatriation_are_events_of_their_own(events_only: EventExtractor) -> None:
    text = ("Kemlu sudah memulangkan 150 WNI dari Myanmar selama Januari 2025. Tahap awal pemulangan pada 12 Januari "
            "membawa 61 WNI. Sisanya, 89 WNI, pulang ke tanah air pada 25 Januari.")
    events = run(events_only, text, [
        ("Kemlu", "AGENCY", {"name": "Kementerian Luar Negeri"}), ("150", "CASE_COUNT", {"value": 150, "unit": "wni"}),
        ("Myanmar", "COUNTRY", {"code": "MM"}), ("Januari 2025", "DATE", {"value": "2025-01"}),
        ("12 Januari", "DATE", {"value": "2025-01-12"}), ("61", "CASE_COUNT", {"value": 61, "unit": "wni"}),
        ("89", "CASE_COUNT", {"value": 89, "unit": "wni"}), ("25 Januari", "DATE", {"value": "2025-01-25"})])
    assert [(e["count"], e["date"]) for e in events] == [(150, "2025-01"), (61, "2025-01-12"), (89, "2025-01-25")]
    assert all(e["place"] == "Myanmar" and e["participants"] == ["Kemlu"] for e in events)


def test_a_following_sentence_of_stages_narrows_the_date(events_only: EventExtractor) -> None:
    text = ("Pada April 2025, pemerintah memulangkan 320 WNI dari Laos. Sebanyak 200 orang tiba pada 7 April 2025, "
            "lalu 120 orang sisanya menyusul pada 9 April 2025.")
    events = run(events_only, text, [
        ("April 2025", "DATE", {"value": "2025-04"}), ("320", "CASE_COUNT", {"value": 320, "unit": "wni"}),
        ("Laos", "COUNTRY", {"code": "LA"}), ("7 April 2025", "DATE", {"value": "2025-04-07"}),
        ("9 April 2025", "DATE", {"value": "2025-04-09"})])
    assert [(e["count"], e["date"]) for e in events] == [(320, "2025-04-07/2025-04-09")]


def test_same_count_merges_across_the_article_and_finds_the_precise_place(events_only: EventExtractor) -> None:
    text = ("Pertemuan digelar setelah 62 WNI diselamatkan di Kamboja. Kemlu mencatat kenaikan kasus. "
            "Polisi membahas kerja sama. Kepolisian Kamboja menyelamatkan 62 WNI itu di Sihanoukville, Kamboja.")
    events = run(events_only, text, [
        ("62", "CASE_COUNT", {"value": 62, "unit": "wni"}), ("Kamboja", "COUNTRY", {"code": "KH"}),
        ("Kemlu", "AGENCY", {}), ("Kepolisian Kamboja", "AGENCY", {}), ("62", "CASE_COUNT", {"value": 62}),
        ("Sihanoukville", "LOCATION", {}), ("Kamboja", "COUNTRY", {"code": "KH"})])
    rescues = [e for e in events if e["type"] == "RESCUE"]
    assert len(rescues) == 1
    assert rescues[0]["place"] == "Sihanoukville"
    assert rescues[0]["participants"] == ["Kepolisian Kamboja"]
    assert len(rescues[0]["evidence"]) == 2


def test_a_meeting_with_a_conflicting_date_is_another_meeting(events_only: EventExtractor) -> None:
    text = ("Indonesia dan Kamboja bertemu di Bali pada Mei 2023. Indonesia dan Kamboja kembali bertemu di Jakarta "
            "pada Maret 2024.")
    events = run(events_only, text, [
        ("Indonesia", "COUNTRY", {"code": "ID"}), ("Kamboja", "COUNTRY", {"code": "KH"}),
        ("Bali", "LOCATION", {}), ("Mei 2023", "DATE", {"value": "2023-05"}),
        ("Indonesia", "COUNTRY", {"code": "ID"}), ("Kamboja", "COUNTRY", {"code": "KH"}),
        ("Jakarta", "LOCATION", {}), ("Maret 2024", "DATE", {"value": "2024-03"})])
    assert [(e["date"], e["place"]) for e in events] == [("2023-05", "Bali"), ("2024-03", "Jakarta")]


def test_optional_mentions_are_not_participants(events_only: EventExtractor) -> None:
    text = "Kemlu RI mencatat WNI yang berkunjung ke Kamboja."
    events = run(events_only, text, [("Kemlu", "AGENCY", {}), ("RI", "COUNTRY", {"code": "ID", "optional": True}),
                                     ("Kamboja", "COUNTRY", {"code": "KH"})])
    assert events == []


@pytest.mark.parametrize(("body", "code", "line"), [
    ("  - id: x.both\n    event: MEETING\n    cue: planned\n    pattern: a\n", "E004", 3),
    ("  - id: x.none\n    pattern: a\n", "E004", 3),
    ("  - id: x.type\n    event: PARTY\n    pattern: a\n", "E021", 4),  # an enumeration: refused on load
    ("  - id: x.cue\n    cue: maybe\n    pattern: a\n", "E021", 4),
])
def test_bad_event_rules_name_file_and_line(tmp_path: Path, body: str, code: str, line: int) -> None:
    path = tmp_path / "events.yaml"
    path.write_text("kind: event\nrules:\n" + body, encoding="utf-8")
    component = EventExtractor(spacy.blank("id"), "events")
    with pytest.raises(RuleError) as info:
        rule_file = load_rule_file(path)
        component.set_rules(RuleSet(files=[rule_file], rules=rule_file.rules, version="t"))
    assert code in str(info.value) and str(info.value).startswith(f"{path}:{line}:")
