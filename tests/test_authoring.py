"""Rule authoring: `warta rules check`, `rules test`, `explain`, provenance, the docs/writing-rules.md walk-through."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor.authoring import check_rules, explain, run_rule_tests
from extractor.cli import app
from extractor.extract import extract_text
from extractor.pipeline import build_pipeline, get_pipeline
from extractor.rules import builtin_rules_dir, compile_regex, load_rules
from extractor.spans import add_mentions, make_mention
from tests.broken_rules import BROKEN, LOC

from .conftest import CORPUS, REPO, run_doc


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_broken_rule_table_covers_at_least_eight_kinds() -> None:
    assert len(BROKEN) >= 8 and len({code for _, code, *_ in BROKEN.values()}) >= 8


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_rules_check_reports_each_kind_of_broken_rule_file(tmp_path: Path, name: str) -> None:
    files, code, file, line, rule_id = BROKEN[name]
    for fname, text in files.items():
        write(tmp_path / "mine", fname, text)
    result = run("rules", "check", str(tmp_path / "mine"))
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output  # a clean exit, no crash
    problems = [x for x in result.stdout.splitlines() if not x.endswith("(note)")]
    hits = [x for x in problems if f" {code} " in x]
    assert len(hits) == 1, result.stdout
    who = f" {rule_id}:" if rule_id else ""
    assert re.fullmatch(rf"\S*{re.escape(file)}:{line}:{re.escape(who)} {code} \S.*", hits[0]), hits[0]
    assert re.search(r"warta: [1-9]\d* problem\(s\)", result.stderr)


def test_rules_check_collects_every_problem_not_just_the_first(tmp_path: Path) -> None:
    write(tmp_path, "many.yaml", LOC + "  - id: loc.a\n    label: PLACE\n    pattern: A\n"
                                       "  - id: loc.b\n    label: LOCATION\n    patern: B\n"
                                       "  - id: loc.c\n    label: LOCATION\n    pattern: {regex: '(a+)+'}\n"
                                       "  - id: loc.d\n    label: LOCATION\n    pattern: Kampung Warta\n")
    findings = [f for f in check_rules(tmp_path) if f.severity == "error" and f.file.endswith("many.yaml")]
    assert sorted((f.rule_id, f.message[:4]) for f in findings) == [
        ("loc.a", "E010"), ("loc.b", "E002"), ("loc.b", "E004"), ("loc.c", "E012")]
    assert str(findings[0]).endswith("many.yaml:4: loc.a: " + findings[0].message)


def test_rules_check_passes_a_good_folder_and_notes_overrides(tmp_path: Path) -> None:
    write(tmp_path, "ok.yaml", LOC + "  - id: loc.kampung\n    label: LOCATION\n    pattern: Kampung Warta\n"
                                     "    examples: [\"Ia tinggal di Kampung Warta.\"]\n"
                                     "  - id: country.alias.ri\n    label: COUNTRY\n    pattern: RI\n"
                                     "    attrs: {code: ID}\n    examples: [\"Menlu RI datang.\"]\n")
    result = run("rules", "check", str(tmp_path))
    assert result.exit_code == 0, result.stdout
    assert "E019 replaces the built-in rule" in result.stdout and "(note)" in result.stdout


@pytest.mark.parametrize(("source", "bounded"), [
    (r"(a+)+b", False), (r"(?:\s+\w+)*x", False), (r"((?:ab|c)+)*", False), (r"(\p{Lu}\w+\s?)+", False),
    (r"(a++)+b", True), (r"(a+)++b", True), (r"(?>a+)+b", True), (r"(\w+ ){0,3}x", True),
    (r"\d{1,2}/\d{1,2}", True), (r"(?:\s++\p{Lu}\w++)*", True),
])
def test_compile_regex_refuses_unbounded_backtracking(source: str, bounded: bool) -> None:
    if bounded:
        compile_regex(source)
    else:
        with pytest.raises(ValueError, match="E012"):
            compile_regex(source)


# --- rules test ---------------------------------------------------------------------------------

EXAMPLES = LOC + """\
  - id: loc.kampung
    label: LOCATION
    pattern: Kampung Warta
    examples:
      - "Ia tinggal di Kampung Warta."
      - {text: "Dari Kampung Warta.", expect: {type: LOCATION, text: Kampung Warta}}
    counter_examples:
      - "Ia tinggal di kampung warta."
  - id: loc.failing
    label: LOCATION
    pattern: Desa Contoh
    examples:
      - "Ia tinggal di Desa Lain."
      - {text: "Di Desa Contoh.", expect: {type: COUNTRY}}
    counter_examples:
      - "Di Desa Contoh saja."
  - id: loc.bare
    label: LOCATION
    pattern: Dusun Sepi
"""


def test_rules_test_reports_each_failing_example_with_file_line_and_rule(tmp_path: Path) -> None:
    write(tmp_path, "user.yaml", EXAMPLES)
    result = run("rules", "test", str(tmp_path))
    assert result.exit_code == 1
    failures = [x for x in result.stdout.splitlines() if not x.endswith("(note)")]
    assert len(failures) == 3, result.stdout
    assert all(re.match(r"\S*user\.yaml:11: loc\.failing: E01[67] ", x) for x in failures), failures
    assert any("E016 example #1 fails" in x and "the rule did not match" in x for x in failures)
    assert any("E016 example #2 fails" in x and "type='COUNTRY'" in x for x in failures)
    assert any("E017 counter-example #1 fails" in x for x in failures)
    assert "user.yaml:19: loc.bare: E018 rule has no example or counter-example (note)" in result.stdout
    assert "3 rules, 4 examples, 2 counter-examples: 3 failed, 1 rules without examples" in result.stderr


def test_rules_test_require_examples_makes_a_rule_without_examples_fail(tmp_path: Path) -> None:
    write(tmp_path, "user.yaml", LOC + "  - id: loc.bare\n    label: LOCATION\n    pattern: Dusun Sepi\n")
    assert run("rules", "test", str(tmp_path)).exit_code == 0
    result = run("rules", "test", str(tmp_path), "--require-examples")
    assert result.exit_code == 1
    assert "loc.bare: E018" in result.stdout


def test_rules_test_explains_a_candidate_that_lost(tmp_path: Path) -> None:
    write(tmp_path, "user.yaml", LOC + "  - id: loc.penh\n    label: LOCATION\n    pattern: Penh\n"
                                       "    examples: [\"Ia di Phnom Penh.\"]\n")
    report = run_rule_tests(tmp_path)
    assert len(report.failures) == 1
    assert "rejected: 'Penh' overlaps LOCATION 'Phnom Penh' (location.cambodia)" in report.failures[0].message


def test_shipped_rules_pass_their_own_check() -> None:
    problems = [f for f in check_rules(builtin_rules_dir()) if f.severity == "error"]
    assert problems == [], "\n".join(map(str, problems))


def test_rules_test_of_a_broken_folder_exits_2_without_running(tmp_path: Path) -> None:
    write(tmp_path, "user.yaml", LOC + "  - id: loc.re\n    label: LOCATION\n    pattern: {regex: '(ab'}\n"
                                       "    examples: [\"Di Desa Ab.\"]\n")
    result = run("rules", "test", str(tmp_path))
    assert result.exit_code == 2, result.output
    assert re.fullmatch(r"\S*user\.yaml:5: loc\.re: E005 .*", result.stdout.strip()), result.stdout
    assert "0 examples" in result.stderr


def test_warta_rules_test_rules_passes_and_covers_every_builtin_rule() -> None:
    """`warta rules test rules/ --require-examples`: every shipped rule has an example, and all pass."""
    result = run("rules", "test", str(builtin_rules_dir()), "--require-examples")
    summary = re.search(r"warta: (\d+) rules, (\d+) examples, (\d+) counter-examples: (\d+) failed, "
                        r"(\d+) rules without examples", result.stderr)
    assert summary is not None, result.stderr
    rules, examples, counter, failed, bare = map(int, summary.groups())
    assert (failed, bare) == (0, 0) and result.exit_code == 0, result.stdout
    assert rules == len(load_rules().rules) and examples + counter >= rules


# --- explain ------------------------------------------------------------------------------------


def test_explain_shows_tokens_mentions_with_provenance_and_rejected_candidates(tmp_path: Path) -> None:
    out = tmp_path / "explain.html"
    result = run("explain", "Tim tiba di Phnom Penh, Kamboja. Baca juga: WNI di Myanmar Disekap\nKorban pulang.",
                 "--html", str(out))
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Tokens (" in text and "3:Phnom" in text
    assert re.search(r"LOCATION +'Phnom Penh' \[12:22\]  rule location\.cambodia \(\S*locations\.yaml:\d+\)",
                     text), text
    assert re.search(r"COUNTRY +'Kamboja' .*code='KH'", text)
    assert "'Myanmar'" in text.split("Rejected candidates")[1] and "inside page chrome" in text
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "entities" in page and "Phnom Penh" in page
    assert "location.cambodia" in page


def test_explain_reads_a_file(tmp_path: Path) -> None:
    article = write(tmp_path, "a.txt", "Menlu bertemu di Jakarta.")
    result = run("explain", str(article))
    assert result.exit_code == 0
    assert "'Jakarta'" in result.stdout and "location.indonesia.cities" in result.stdout


def test_explain_reports_an_unreadable_file_and_exits_1(tmp_path: Path) -> None:
    empty = write(tmp_path, "empty.txt", "")
    result = run("explain", str(empty))
    assert result.exit_code == 1
    assert "E105" in result.stderr and "Traceback" not in result.output


RESCUE = "Polisi Thailand membebaskan 27 WNI dari sebuah kompleks judi online di Myawaddy, Senin (12/8)."


def test_explain_shows_events_with_their_rule_and_evidence() -> None:
    result = run("explain", RESCUE, "--published", "2024-08-14")
    assert result.exit_code == 0, result.output
    events = result.stdout.split("Events (", 1)[1]
    assert re.search(r"RESCUE  rule event\.rescue\.\S+ \(\S*events\.yaml:\d+\) .*count=27", events), events
    assert re.search(r"evidence \[0:\d+\] 'Polisi Thailand membebaskan 27 WNI", events), events
    assert re.search(r"DATE +'Senin \(12/8\)' .*value='2024-08-12'", result.stdout)
    assert "reference_date: 2024-08-14 (published)" in result.stdout


def test_explain_html_to_stdout_is_the_displacy_page_alone() -> None:
    result = run("explain", RESCUE, "--html", "-")
    assert result.exit_code == 0, result.output
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "Tokens (" not in page  # no plain text mixed into the page
    assert re.search(r"<mark class=\"entity\"[^>]*>\s*Myawaddy", page), page[:2000]
    assert "event.rescue." in page and "Polisi Thailand membebaskan 27 WNI" in page.split(">events</h3>", 1)[1]


def test_explain_gives_the_record_extract_gives(ruleset_and_nlp: tuple[Any, Any]) -> None:
    ruleset, nlp = ruleset_and_nlp
    text = (CORPUS / sorted(p.name for p in CORPUS.glob("*.txt"))[0]).read_text(encoding="utf-8")
    assert explain(nlp, ruleset, text, "2024-08-14").record == extract_text(nlp, text, published="2024-08-14")


@pytest.fixture(scope="module")
def ruleset_and_nlp() -> tuple[Any, Any]:
    ruleset = load_rules()
    return ruleset, get_pipeline(ruleset)  # the pipeline `warta explain` uses (built once)


def test_tracing_is_off_unless_explain_asks(ruleset_and_nlp: tuple[Any, Any]) -> None:
    ruleset, nlp = ruleset_and_nlp
    text = "Tim tiba di KBRI Phnom Penh."
    assert run_doc(nlp, text)._.trace is None
    traced = explain(nlp, ruleset, text).doc._.trace
    assert {"rule": "location.cambodia", "start": 17, "end": 27,
            "reason": "overlaps AGENCY 'KBRI Phnom Penh' (agency.kbri), which is longer or has a higher priority"
            } in traced


# --- start-up cost ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "test", "explain"])
def test_each_authoring_command_builds_the_tokenizer_and_pipeline_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    """Building Warta's tokenizer takes seconds: `rules check|test` and `explain` (of several texts) build it once,
    and read each rule folder at most once."""
    import extractor.pipeline as pipeline_module
    import extractor.rules.loader as rules_module
    import extractor.tokenizer as tokenizer_module

    write(tmp_path / "mine", "mine.yaml", LOC + "  - id: loc.kampung\n    label: LOCATION\n    pattern: Kampung Warta\n"
                                                "    examples: [\"Ia tinggal di Kampung Warta.\"]\n")
    write(tmp_path, "two.jsonl", '{"id": "a", "text": "Di Kampung Warta."}\n{"id": "b", "text": "Ke Jakarta."}\n')
    builds: list[str] = []
    real = tokenizer_module.blank_language

    def counting(*args: Any, **kwargs: Any) -> Any:
        builds.append(command)
        return real(*args, **kwargs)

    loads: list[Path] = []
    real_load = rules_module.load_rule_dir

    def counting_loads(directory: Path, problems: Any = None) -> Any:
        loads.append(Path(directory).resolve())
        return real_load(directory, problems)

    monkeypatch.setattr(rules_module, "load_rule_dir", counting_loads)
    monkeypatch.setattr(pipeline_module, "blank_language", counting)
    monkeypatch.setattr(tokenizer_module, "blank_language", counting)
    monkeypatch.setattr(pipeline_module, "_BUILT", {})
    args = {"check": ["rules", "check", str(tmp_path / "mine")], "test": ["rules", "test", str(tmp_path / "mine")],
            "explain": ["explain", str(tmp_path / "two.jsonl"), "--rules", str(tmp_path / "mine")]}[command]
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert len(builds) == 1
    assert len(loads) == len(set(loads)) <= 2, loads  # built-in rules/, then mine (explain may use the cache)
    if command == "explain":
        assert "loc.kampung" in result.stdout and "'Jakarta'" in result.stdout


# --- provenance -----------------------------------------------------------------------------------


def test_every_entity_and_event_rule_resolves_to_a_rule_with_file_and_line(ruleset_and_nlp: tuple[Any, Any]) -> None:
    """Run on corpus/: each emitted `rule` leads to the line of its YAML rule (or to the settings it came from)."""
    ruleset, nlp = ruleset_and_nlp
    loaded = {f.path.resolve(): f.text.splitlines() for f in ruleset.files}  # the text the rules came from
    seen: set[str] = set()
    for path in sorted(CORPUS.glob("*.txt")):
        record = extract_text(nlp, path.read_text(encoding="utf-8"))
        assert record["rules_version"] == ruleset.version
        for item in record["entities"] + record["events"]:
            rule = ruleset.by_id(item["rule"])
            assert rule is not None, item
            line = loaded[(REPO / rule.file).resolve()][rule.line - 1]
            if item["rule"] in ruleset.generated:  # CLDR country names: from the file's `settings:`
                assert line.startswith("settings:"), (rule.where, line)
            else:
                assert re.fullmatch(rf"\s*(- )?id: {re.escape(rule.id)}\s*(#.*)?", line), (rule.where, line)
            seen.add(item["rule"])
    assert len(seen) > 20


def test_candidates_on_the_same_characters_keep_their_own_rule(ruleset_and_nlp: tuple[Any, Any]) -> None:
    _, nlp = ruleset_and_nlp
    doc = nlp.make_doc("Kota Bali")
    doc._.trace = []
    first = make_mention(doc, 5, 9, "LOCATION", "rule.one", {"_priority": 5})
    second = make_mention(doc, 5, 9, "LOCATION", "rule.two", {"_priority": 0})
    assert first is not None and second is not None
    add_mentions(doc, [second, first])
    assert [(e._.rule, e._.attrs) for e in doc.ents] == [("rule.one", {"_priority": 5})]
    assert doc._.trace[0]["rule"] == "rule.two"


def test_rules_version_changes_when_a_rule_changes(tmp_path: Path) -> None:
    path = write(tmp_path, "mine.yaml", LOC + "  - id: loc.v\n    label: LOCATION\n    pattern: Kampung Warta\n")
    before = load_rules([tmp_path]).version
    assert load_rules([tmp_path]).version == before
    path.write_text(path.read_text(encoding="utf-8").replace("Kampung Warta", "Kampung Berita"), encoding="utf-8")
    after = load_rules([tmp_path]).version
    assert after != before
    record = extract_text(build_pipeline([tmp_path]), "Di Kampung Berita.")
    assert record["rules_version"] == after
    assert [e["rule"] for e in record["entities"]] == ["loc.v"]


# --- the walk-through of docs/writing-rules.md --------------------------------------------------------------------


def readme_section() -> str:
    """The rule-writing guide (``docs/writing-rules.md``, linked from the README)."""
    guide = (REPO / "docs" / "writing-rules.md").read_text(encoding="utf-8")
    assert guide.startswith("# Writing rules")
    return guide


def readme_yaml(section: str, marker: str) -> dict[str, str]:
    """The YAML blocks of the section that follow ``<!-- MARKER: PATH -->``, by path."""
    blocks = re.findall(rf"<!-- {marker}: (\S+) -->\s*```yaml\n(.*?)```", section, re.S)
    return dict(blocks)


def readme_command(section: str, *start: str) -> list[str]:
    lines = [shlex.split(x) for x in section.splitlines() if x.startswith("warta ")]
    return next(c for c in lines if tuple(c[1:1 + len(start)]) == start)[1:]


def readme_output(section: str, *start: str) -> list[str]:
    """The lines of the plain code block the guide shows right after the ```sh block running ``warta START``."""
    command = re.escape(" ".join(("warta", *start)))
    found = re.search(rf"```sh\n(?:[^`]*\n)?{command}[^`]*```\s*```\n(.*?)```", section, re.S)
    assert found is not None, f"no output shown after `warta {' '.join(start)}`"
    return found.group(1).splitlines()


def same_place(line: str) -> str:
    """A shown line with the built-in rules' line numbers blanked (they move as rules are added)."""
    return re.sub(r"\(\S*\brules/(\w+\.yaml):\d+\)", r"(rules/\1:N)", line)


def test_readme_walkthrough_adds_a_cambodian_agency(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The docs/writing-rules.md walk-through, run as a new user would: its YAML, commands and output."""
    section = readme_section()
    (name, yaml_text), = readme_yaml(section, "walkthrough").items()
    assert "acronym:" in yaml_text and "country: KH" in yaml_text
    acronym = re.search(r"^ *acronym: (\S+)", yaml_text, re.M).group(1)  # type: ignore[union-attr]
    built_in = [r.id for r in load_rules().of_kind("agency") if r.get("acronym") == acronym]
    assert not built_in, f"the walk-through agency {acronym} is now built in ({built_in}): pick another"
    monkeypatch.chdir(tmp_path)
    write(tmp_path, name, yaml_text)
    result = run(*readme_command(section, "explain"))
    assert result.exit_code == 0, result.output
    mentions = result.stdout.split("Mentions", 1)[1].split("Rejected", 1)[0]
    agency = [x for x in mentions.splitlines() if x.strip().startswith("AGENCY")]
    assert any(f"({name}:" in x and "acronym=" in x and "country='KH'" in x for x in agency), result.stdout
    actual = [same_place(x) for x in result.stdout.splitlines()]
    for shown in readme_output(section, "explain"):
        if shown.strip() in ("", "..."):
            continue
        if re.match(r"  [A-Z_]+ +'", shown) and f"({name}:" not in shown:
            # a built-in rule's mention: its type, text, offsets and rule (their attributes may grow)
            head = re.sub(r"(\(rules/\S+:N\)).*", r"\1", same_place(shown))
            assert any(x.startswith(head) for x in actual), f"the guide shows {shown!r}; warta prints:\n{result.stdout}"
        else:  # the user's rule, the tokens, the headings, the rejected candidate: exactly
            assert same_place(shown) in actual, f"the guide shows {shown!r}; warta prints:\n{result.stdout}"
    result = run(*readme_command(section, "rules", "test"))
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() in readme_output(section, "rules", "test"), result.stderr
    assert "1 examples" in result.stderr and " 0 failed" in result.stderr
    assert run(*readme_command(section, "rules", "check")).exit_code == 0


def test_readme_worked_examples_pass_their_own_examples(tmp_path: Path) -> None:
    section = readme_section()
    files = {**readme_yaml(section, "walkthrough"), **readme_yaml(section, "example")}
    kinds = {re.search(r"^kind: (\w+)", text, re.M).group(1) for text in files.values()}  # type: ignore[union-attr]
    assert {"agency", "official", "event", "boilerplate"} <= kinds
    for name, text in files.items():
        write(tmp_path, name, text)
    folder = tmp_path / "my_rules"
    report = run_rule_tests(folder, require_examples=True)
    assert report.failures == [], "\n".join(map(str, report.failures))
    assert report.rules == len(files)
    assert [f for f in check_rules(folder) if f.severity == "error"] == []
