"""The command line, called through main(argv) and as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from advisor.cli import main
from advisor.models.kinds import KINDS
from advisor.models.progress import NewAnswer
from advisor.store import ProgressStore
from tests.conftest import ROOT, write


def test_validate_shipped_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok: ") and "6 section" in out


def test_validate_a_copy_of_the_shipped_content(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    assert main(["validate", str(copy)]) == 0
    assert "ok: " in capsys.readouterr().out


def test_validate_reports_problems_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "bad.yaml", "kind: matrix\ntitle: T\nnote: N\ntechnologies:\n  - id: x\n")
    assert main(["validate", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "bad.yaml:5:5: technologies[0].name: required field is missing" in err
    assert "problems in 1 file" in err


def test_validate_a_pack_that_cites_the_shipped_guide(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        tmp_path / "extra.yaml",
        """kind: section
id: my-extra
order: 99
title: Extra
summary: Mine.
topics: [{id: t, title: T, summary: S}]
concepts: [{id: my-extra-concept, title: C, body: B}]
checklist: [{id: my-extra-item, text: Do it, concepts: [serverless-cold-start]}]
""",
    )
    code = main(["validate", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 0, captured.err


def test_validate_missing_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "/no/such/folder"]) == 2
    assert "no such file or folder: /no/such/folder" in capsys.readouterr().err


def test_schema_prints_and_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "section"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Section"
    assert main(["schema", "-o", str(tmp_path / "s")]) == 0
    assert sorted(p.stem for p in (tmp_path / "s").iterdir()) == sorted([*KINDS, "report"])
    assert main(["schema", "sectoin"]) == 2
    assert "did you mean 'section'" in capsys.readouterr().err


def test_unknown_section_and_bad_flags_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["learn", "serverles"]) == 2
    assert "unknown section 'serverles' (did you mean 'serverless'?)" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["--bogus"])
    assert info.value.code == 2


def test_progress_table(capsys: pytest.CaptureFixture[str]) -> None:
    with ProgressStore() as store:
        store.set_tick("serverless-deploy-lambda", True)
    assert main(["progress"]) == 0
    out = capsys.readouterr().out
    assert "Learning checklist" in out and "1/6" in out


def test_progress_export_and_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with ProgressStore() as store:
        store.set_tick("serverless-deploy-lambda", True)
    target = tmp_path / "my progress ü.json"
    assert main(["progress", "--export", str(target)]) == 0
    assert main(["progress", "--export", str(target)]) == 2
    assert "exists; add --force" in capsys.readouterr().err
    assert main(["progress", "--export", str(target), "--force"]) == 0
    assert main(["progress", "--export", str(tmp_path)]) == 2
    assert main(["progress", "--export", str(tmp_path / "missing" / "p.json")]) == 2
    os.environ["ADVISOR_HOME"] = str(tmp_path / "other-home")
    assert main(["progress", "--import", str(target)]) == 0
    assert ": 1 checklist change, 0 quiz answers and 0 milestones added" in capsys.readouterr().out
    with ProgressStore() as store:
        assert store.done_items() == {"serverless-deploy-lambda"}


def test_progress_import_of_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress", "--import", str(write(tmp_path / "x.json", "{not json"))]) == 2
    assert "not valid JSON" in capsys.readouterr().err
    assert main(["progress", "--import", str(write(tmp_path / "y.json", "[]"))]) == 2
    assert "not an advisor progress export" in capsys.readouterr().err
    assert main(["progress", "--import", str(tmp_path / "none.json")]) == 2


WORKLOAD = "clients: [browser, mobile]\nclient_data_needs: varied\ndata_shape: nested\nservice_count: few\n"


@pytest.mark.slow
@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],
        ["schema"],
        ["progress"],
        ["--version"],
        ["recommend", "--answers", "{answers}", "--format", "json"],
        ["recommend", "--answers", "{answers}", "--trace", "--priority", "cost=high"],
        ["recommend", "--answers", "{answers}", "--format", "radar"],
        ["answers-template"],
        ["report", "--list"],
        ["quiz", "export", "edge"],
        ["quiz", "export", "edge", "--format", "anki", "-o", "{deck}"],
    ],
)
def test_headless_commands_never_import_textual(argv: list[str], tmp_path: Path) -> None:
    """A fresh interpreter runs the command; no terminal library may be in sys.modules afterwards,
    and genanki only after writing an Anki deck."""
    answers = write(tmp_path / "w.yaml", WORKLOAD)
    given = {"{answers}": str(answers), "{deck}": str(tmp_path / "deck.apkg")}
    forbidden = ("textual", "questionary") if "anki" in argv else ("textual", "questionary", "genanki")
    argv = [given.get(a, a) for a in argv]
    code = (
        "import sys\nfrom advisor.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {forbidden!r})\n"
        "print('LEAK', bad) if bad else print('CLEAN')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip().splitlines()[-1] == "CLEAN", proc.stdout + proc.stderr


def test_recommend_json_is_complete_and_byte_stable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = write(tmp_path / "w.yaml", WORKLOAD)
    assert main(["recommend", "--answers", str(answers), "--format", "json"]) == 0
    first = capsys.readouterr().out
    assert main(["recommend", "--answers", str(answers), "--format", "json"]) == 0
    assert capsys.readouterr().out == first
    doc = json.loads(first)
    assert {"technologies", "unanswered", "confidence"} <= set(doc)
    ids = [t["id"] for t in doc["technologies"]]
    assert {"serverless", "edge", "graphql", "grpc", "service-mesh", "event-sourcing"} <= set(ids)
    for tech in doc["technologies"]:
        assert tech["verdict"] in ("recommended", "consider", "avoid")
        assert {"id", "verdict", "score", "reasons", "flips"} <= set(tech)
        for reason in tech["reasons"]:
            assert {"rule", "text", "weight", "veto", "rests_on"} <= set(reason)
        for flip in tech["flips"]:
            assert {"question", "from", "to", "verdict"} <= set(flip)


def test_recommend_markdown_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = write(tmp_path / "w.yaml", WORKLOAD)
    out = tmp_path / "report.md"
    assert main(["recommend", "--answers", str(answers), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Architecture recommendation") and "## API style" in text
    assert main(["recommend", "--answers", str(answers), "-o", str(out)]) == 2
    assert "exists; add --force" in capsys.readouterr().err


def test_recommend_with_a_bad_answers_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = write(tmp_path / "w.yaml", "service_count: lots\n")
    assert main(["recommend", "--answers", str(answers), "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert "w.yaml:1:16: service_count: 'lots' is not a choice of 'service_count'; choices: one, few, many" in err
    assert main(["recommend", "--answers", str(tmp_path / "none.yaml")]) == 2
    assert "cannot read file" in capsys.readouterr().err


V2 = (
    "version: 2\n"
    "answers:\n  traffic_pattern: spiky\n  service_count: few\n"
    "priorities:\n  cost: high\n"
    "notes:\n  traffic_pattern: 'launch spikes *bold* [x](y) <b>|'\n"
    "decisions:\n  serverless: {decision: accept-risk, reason: cold starts are fine}\n  edge: reject\n"
)


def test_recommend_reads_a_version_2_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = write(tmp_path / "w.yaml", V2)
    assert main(["recommend", "--answers", str(answers), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["priorities"]["cost"] == "high"
    assert doc["answers"][0] == {
        "question_id": "traffic_pattern",
        "question": doc["answers"][0]["question"],
        "answer": "spiky",
        "label": "Spiky",
        "note": "launch spikes *bold* [x](y) <b>|",
        "could_matter": None,
    }
    by_id = {t["id"]: t for t in doc["technologies"]}
    assert by_id["serverless"]["team_decision"] == {"decision": "accept-risk", "reason": "cold starts are fine"}
    assert by_id["edge"]["team_decision"] == {"decision": "reject", "reason": ""}
    assert "team_decision" not in by_id["grpc"] and "trace" not in by_id["grpc"]
    assert main(["recommend", "--answers", str(answers), "--format", "adr"]) == 0
    adr = capsys.readouterr().out
    assert "* Serverless functions — team decision: risk accepted: cold starts are fine" in adr
    assert "* Risk accepted for Serverless functions (cold starts are fine):" in adr
    assert "* Priorities: Cost high (the others normal)" in adr


def test_priority_flags_weigh_over_the_file_and_bad_ones_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = write(tmp_path / "w.yaml", V2)
    assert main(["recommend", "--answers", str(answers), "--priority", "cost=low", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["priorities"]["cost"] == "low"
    for flag, said in (
        ("cots=high", "unknown concern 'cots'; one of cost, latency, operations, compliance, delivery"),
        ("cost=extreme", "cost: unknown priority 'extreme'; one of low, normal, high"),
        ("fit=high", "unknown concern 'fit'"),
        ("cost", "write CONCERN=LEVEL"),
    ):
        assert main(["recommend", "--answers", str(answers), "--priority", flag]) == 2
        assert said in capsys.readouterr().err


def test_priorities_default_to_todays_verdicts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = write(tmp_path / "w.yaml", WORKLOAD)
    assert main(["recommend", "--answers", str(answers), "--format", "json"]) == 0
    plain = capsys.readouterr().out
    normal = [f"{c}=normal" for c in ("cost", "latency", "operations", "compliance", "delivery")]
    argv = ["recommend", "--answers", str(answers), "--format", "json"]
    assert main([*argv, *(x for flag in normal for x in ("--priority", flag))]) == 0
    assert capsys.readouterr().out == plain


def test_trace_prints_every_rule_with_its_arithmetic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = write(tmp_path / "w.yaml", V2)
    assert main(["recommend", "--answers", str(answers), "--trace"]) == 0
    out = capsys.readouterr().out
    assert "Serverless functions (serverless): " in out
    spiky = "serverless-spiky-traffic (cost: +2 × 2): traffic_pattern is spiky  ← traffic_pattern = spiky"
    assert f"  fired       +4  {spiky}" in out
    assert "  not sure     0  serverless-long-task-veto" in out
    # a verdict made per boundary says how the boundaries make the one verdict and score
    assert "Overall: " in out and "score " in out and "the highest of the boundaries' scores" in out
    assert main(["recommend", "--answers", str(answers), "--trace", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    traced = {r["rule"]: r for r in doc["technologies"][0]["trace"]}
    assert traced["serverless-spiky-traffic"]["contribution"] == 4
    assert main(["recommend", "--answers", str(answers), "--trace", "--format", "md"]) == 2
    assert "--trace prints text, or goes into the report with --format json" in capsys.readouterr().err


def test_quick_goes_with_questions_not_an_answers_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = write(tmp_path / "w.yaml", WORKLOAD)
    assert main(["recommend", "--answers", str(answers), "--quick"]) == 2
    assert "--quick chooses which questions to ask" in capsys.readouterr().err


def test_answers_template_writes_version_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["answers-template"]) == 0
    doc = yaml.safe_load(capsys.readouterr().out)
    assert doc["version"] == 2 and set(doc) == {"version", "answers", "priorities", "notes", "decisions"}


def test_quiz_unknown_name_and_headless_guard(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quiz", "serverles"]) == 2
    assert "unknown quiz 'serverles' (did you mean 'serverless'?)" in capsys.readouterr().err
    assert main(["quiz", "import"]) == 2
    assert "usage: advisor quiz import" in capsys.readouterr().err


def test_progress_shows_quiz_history(capsys: pytest.CaptureFixture[str]) -> None:
    with ProgressStore() as store:
        store.record_answer(NewAnswer("serverless-cold-start-steps", 1, "s1", False, ["x"], 3.0))
    assert main(["progress"]) == 0
    out = capsys.readouterr().out
    assert "Quiz history" in out and "Serverless architecture" in out


def test_gift_import_then_load_it_as_a_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pack" / "imported.yaml"
    out.parent.mkdir()
    assert main(["quiz", "import", str(ROOT / "tests" / "data" / "gift" / "moodle_sample.gift"), "-o", str(out)]) == 0
    assert "skipped: essay question" in capsys.readouterr().err
    assert main(["validate", str(out.parent)]) == 0
    assert main(["--pack", str(out.parent), "progress"]) == 0
    assert "moodle_sample" in capsys.readouterr().out
    # a pack that reuses a shipped id is reported, not merged
    clash = tmp_path / "clash"
    clash.mkdir()
    (clash / "q.yaml").write_text((ROOT / "quizzes" / "edge.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["--pack", str(clash), "progress"]) == 2
    assert "duplicate quiz id 'edge'" in capsys.readouterr().err


def test_quiz_export_gift(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "grpc.gift"
    assert main(["quiz", "export", "grpc", "--format", "gift", "-o", str(target)]) == 0
    assert "::grpc-" in target.read_text(encoding="utf-8")
    assert main(["quiz", "export", "grpc", "-o", str(target)]) == 2
    assert main(["quiz", "export", "nope"]) == 2


def test_quiz_limit_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["quiz", "serverless", "--limit", "0"])
    assert exit_info.value.code == 2 and "0 is too small; give 1 or more" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["quiz", "serverless", "--plain", "--limit", "-1"])
    assert exit_info.value.code == 2 and "-1 is too small; give 1 or more" in capsys.readouterr().err


def test_the_tui_and_the_plain_prompts_get_the_same_quiz_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    """`advisor quiz serverless --limit 5 --seed 7` means the same session in both front ends."""
    from advisor.cli import commands, plain
    from advisor.quiz.session import QuizPlan
    from advisor.tui.app import AdvisorApp

    seen: list[QuizPlan | None] = []
    monkeypatch.setattr(commands, "interactive", lambda: True)
    monkeypatch.setattr(AdvisorApp, "run", lambda app: seen.append(app.start.quiz))
    monkeypatch.setattr(plain, "run_quiz", lambda catalog, plan: seen.append(plan) or 0)
    argv = ["quiz", "serverless", "--due", "--limit", "5", "--seed", "7"]
    assert main(argv) == 0 and main([*argv, "--plain"]) == 0
    assert seen[0] == seen[1] == QuizPlan(("serverless",), due=True, limit=5, seed=7)
    assert main(["quiz"]) == 0 and seen[2] is None  # no plan: the chooser


def test_progress_import_reports_the_milestones_it_added(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = write(tmp_path / "w.yaml", WORKLOAD)
    for name in ("before the split", "after"):
        assert main(["recommend", "--answers", str(answers), "--save", name]) == 0
    assert main(["progress", "--export", str(tmp_path / "p.json")]) == 0
    os.environ["ADVISOR_HOME"] = str(tmp_path / "other-home")
    assert main(["recommend", "--answers", str(answers), "--save", "after"]) == 0
    capsys.readouterr()
    assert main(["progress", "--import", str(tmp_path / "p.json")]) == 0
    out = capsys.readouterr().out
    assert "0 quiz answers and 2 milestones added" in out
    assert "milestone 'after' is kept as 'after (2)': a milestone here has that name" in out


def test_report_list_shows_confidence_and_how_much_was_answered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = write(tmp_path / "w.yaml", WORKLOAD)
    assert main(["recommend", "--answers", str(answers), "--save", "four answers"]) == 0
    with ProgressStore() as store:
        store.save_milestone("from elsewhere", {}, {"something": "else"})
    capsys.readouterr()
    assert main(["report", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["#", "kept", "(UTC)", "confidence", "answered", "name"]
    assert lines[1].split()[3:] == ["low", "4", "of", "29", "four", "answers"]
    assert lines[2].split()[3:] == ["?", "?", "from", "elsewhere"]


def test_milestone_names_are_unique_and_can_be_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = write(tmp_path / "w.yaml", WORKLOAD)
    out = tmp_path / "r.md"
    assert main(["recommend", "--answers", str(answers), "--save", "before the split"]) == 0
    capsys.readouterr()
    assert main(["recommend", "--answers", str(answers), "--save", "before the split", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "'before the split' is the name of milestone 1 already" in err and "--rename" in err
    assert not out.exists()  # refused before anything was written
    assert main(["recommend", "--answers", str(answers), "--save", "7"]) == 2
    assert "only digits" in capsys.readouterr().err
    assert main(["report", "--rename", "before the split", "v1"]) == 0
    assert capsys.readouterr().out == "milestone 1 (before the split) is now called v1\n"
    assert main(["recommend", "--answers", str(answers), "--save", "before the split"]) == 0
    assert main(["report", "--rename", "1", "before the split"]) == 2
    assert "is the name of milestone 2 already" in capsys.readouterr().err
    assert main(["report", "--delete", "v1"]) == 0
    assert capsys.readouterr().out.startswith("deleted milestone 1 (v1), kept ")
    assert main(["report", "--delete", "v1"]) == 2
    assert "no kept recommendation 'v1'; advisor report --list shows them" in capsys.readouterr().err
    assert main(["report", "v1"]) == 2
    assert main(["report", "1", "--delete", "2"]) == 2
    with pytest.raises(SystemExit):
        main(["report", "--list", "--delete", "2"])
    with ProgressStore() as store:
        assert [m.name for m in store.milestones()] == ["before the split"]


def test_schema_output_needs_force_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "schemas"
    assert main(["schema", "quiz", "-o", str(folder)]) == 0
    (folder / "quiz.json").write_text("mine", encoding="utf-8")
    assert main(["schema", "-o", str(folder)]) == 2
    assert f"{folder} holds quiz.json already; add --force to overwrite" in capsys.readouterr().err
    assert (folder / "quiz.json").read_text(encoding="utf-8") == "mine"
    assert main(["schema", "-o", str(folder), "--force"]) == 0
    assert json.loads((folder / "quiz.json").read_text(encoding="utf-8"))["title"] == "Quiz"


def test_reimporting_our_gift_export_under_a_new_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`quiz import` creates the folder, keeps our title, writes a schema path that resolves, and
    `--id` renames the quiz and its questions, so the copy loads beside the shipped quiz."""
    gift = tmp_path / "grpc.gift"
    assert main(["quiz", "export", "grpc", "-o", str(gift)]) == 0
    target = tmp_path / "my-pack" / "quizzes" / "grpc.yaml"
    capsys.readouterr()
    assert main(["quiz", "import", str(gift), "-o", str(target)]) == 0
    assert "'grpc' is a shipped quiz's id, so --pack would refuse this one" in capsys.readouterr().err
    assert main(["quiz", "import", str(gift), "--id", "my-grpc", "-o", str(target), "--force"]) == 0
    assert "quiz 'grpc' imported as 'my-grpc'; its question ids start with my-grpc-" in capsys.readouterr().err
    text = target.read_text(encoding="utf-8")
    schema = text.splitlines()[0].removeprefix("# yaml-language-server: $schema=")
    assert not schema.startswith(("http", "/")) and (target.parent / schema).resolve() == ROOT / "schemas" / "quiz.json"
    data = yaml.safe_load(text)
    assert (data["id"], data["title"]) == ("my-grpc", "gRPC")
    assert all(q["id"].startswith("my-grpc-") for q in data["questions"])
    assert main(["--pack", str(tmp_path / "my-pack"), "progress"]) == 0
    assert main(["quiz", "import", str(gift), "--id", "Not An Id", "-o", str(tmp_path / "x.yaml")]) == 2


def test_quiz_import_to_stdout_names_the_schema_by_its_full_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quiz", "import", str(ROOT / "tests" / "data" / "gift" / "moodle_sample.gift")]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"# yaml-language-server: $schema={(ROOT / 'schemas' / 'quiz.json').as_uri()}"


def test_plain_and_answers_together_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = write(tmp_path / "w.yaml", WORKLOAD)
    assert main(["recommend", "--answers", str(answers), "--plain"]) == 2
    assert "--plain asks the questions and --answers FILE gives the answers: use one of them" in capsys.readouterr().err
    # without either, the wizard opens: report flags would be silently dropped, so they are refused
    assert main(["recommend", "-o", str(tmp_path / "r.md")]) == 2
    assert "-o go with --answers FILE or --plain" in capsys.readouterr().err
    assert main(["recommend", "--format", "json", "--save", "x"]) == 2
    assert "--format, --save go with --answers FILE or --plain" in capsys.readouterr().err


def test_an_unknown_flag_shows_the_usage_of_its_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["recommend", "--bogus"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: advisor recommend [-h] [--answers FILE]")
    assert err.endswith("advisor: error: unrecognized arguments: --bogus\n")
    with pytest.raises(SystemExit):
        main(["--bogus"])
    assert capsys.readouterr().err.startswith("usage: advisor [-h]")


def test_answers_template_fills_in_to_a_working_answers_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["answers-template"]) == 0
    text = capsys.readouterr().out
    assert "Not sure: null, or leave the question out." in text and "  traffic_pattern: null" in text
    template = tmp_path / "workload.yaml"
    assert main(["answers-template", "-o", str(template)]) == 0
    assert main(["answers-template", "-o", str(template)]) == 2
    template.write_text(template.read_text(encoding="utf-8").replace("service_count: null", "service_count: many"))
    capsys.readouterr()
    assert main(["recommend", "--answers", str(template), "--format", "json"]) == 0
    assert [a["question_id"] for a in json.loads(capsys.readouterr().out)["answers"]] == ["service_count"]


@pytest.mark.slow
def test_a_closed_pipe_ends_quietly() -> None:
    """`advisor schema | head -1`: the reader goes away; no traceback, a normal exit."""
    command = f"set -o pipefail; {sys.executable} -m advisor schema | head -1"
    proc = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)
    assert proc.stdout == "{\n" and proc.stderr == "" and proc.returncode == 0


CLOSED_PIPE_COMMANDS = [
    ["schema"],
    ["schema", "quiz"],
    ["validate"],
    ["validate", "--stale", "1"],
    ["recommend", "--answers", "{answers}"],
    ["recommend", "--answers", "{answers}", "--format", "html"],
    ["report"],
    ["report", "--list"],
    ["report", "--compare", "1", "2"],
    ["report", "--compare", "1", "2", "--format", "radar"],
    ["recommend", "--answers", "{answers}", "--format", "radar"],
    ["quiz", "export", "grpc"],
    ["quiz", "import", "{gift}"],
    ["answers-template"],
    ["progress"],
    ["--help"],
    ["recommend", "--help"],
    ["--version"],
]


@pytest.mark.slow
@pytest.mark.parametrize("argv", CLOSED_PIPE_COMMANDS, ids=" ".join)
def test_every_command_writing_to_a_closed_pipe_ends_quietly(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """stdout is a pipe whose reader is gone before the first byte: exit 0, nothing on stderr
    but the command's own notes (a small output would otherwise fail only at the exit's flush)."""
    answers = write(tmp_path / "w.yaml", WORKLOAD)
    for name in ("one", "two"):
        assert main(["recommend", "--answers", str(answers), "--save", name]) == 0
    assert main(["quiz", "export", "grpc", "-o", str(tmp_path / "grpc.gift")]) == 0
    capsys.readouterr()
    given = {"{answers}": str(answers), "{gift}": str(tmp_path / "grpc.gift")}
    read, write_end = os.pipe()
    os.close(read)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "advisor", *(given.get(a, a) for a in argv)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert proc.returncode == 0, proc.stderr
    for sign in ("Traceback", "Exception ignored", "BrokenPipe", "Broken pipe"):
        assert sign not in proc.stderr


def test_the_report_says_whether_the_priorities_moved_any_verdict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from advisor.reports.highlights import NO_MOVE

    answers = write(tmp_path / "w.yaml", WORKLOAD)
    seen = set()
    for flag in ("cost=high", "cost=low", "latency=high", "operations=low", "compliance=high", "delivery=low"):
        argv = ["recommend", "--answers", str(answers), "--priority", flag]
        assert main([*argv, "--format", "json"]) == 0
        moved = json.loads(capsys.readouterr().out)["moved"]
        assert main(argv) == 0
        text = capsys.readouterr().out.split("## Priorities")[1]
        assert (NO_MOVE in text) == (not moved) and ("Verdicts the priorities moved" in text) == bool(moved), flag
        seen.add(bool(moved))
    assert seen == {True, False}  # both kinds of profile were tried


def test_a_priority_that_moves_one_boundary_is_reported_as_a_move(capsys: pytest.CaptureFixture[str]) -> None:
    # found by an audit: REST lost "recommended" for third-party developers while staying
    # recommended elsewhere, and the report said the priorities moved no verdict
    from advisor.reports.highlights import NO_MOVE

    answers = ROOT / "tests" / "data" / "priorities-move-a-boundary.yaml"
    flags = ["--priority", "latency=high", "--priority", "operations=low", "--priority", "delivery=high"]
    assert main(["recommend", "--answers", str(answers), *flags]) == 0
    text = capsys.readouterr().out.split("## Priorities")[1].split("\n## ")[0]
    assert NO_MOVE not in text
    assert "- REST over HTTP for third-party developers: recommended → consider" in text
    assert main(["recommend", "--answers", str(answers), *flags, "--format", "json"]) == 0
    moved = json.loads(capsys.readouterr().out)["moved"]
    assert {
        "technology": "rest",
        "default": "recommended",
        "verdict": "consider",
        "scope": "for third-party developers",
    } in moved
