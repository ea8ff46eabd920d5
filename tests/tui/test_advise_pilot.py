"""The Advise wizard and the recommendation screen, driven with keys."""

from __future__ import annotations

import json

from advisor.tui.dialogs.choose import ChooseDialog
from advisor.tui.dialogs.confirm import ConfirmDialog
from advisor.tui.screens.advise import AdviseScreen
from advisor.tui.screens.recommendation import RecommendationScreen
from advisor.tui.screens.section import SectionScreen


async def settle(pilot) -> None:
    """Let the screen's workers finish (the verdicts are worked out off the event loop)."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_answer_go_back_not_sure_and_see_results(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        screen = app.screen
        assert isinstance(screen, AdviseScreen)
        await pilot.press("2")  # traffic: spiky
        assert screen.answers == {"traffic_pattern": "spiky"}
        await pilot.press("s")  # request volume: not sure
        await pilot.press("left", "left")  # back to the first question
        assert screen.current().id == "traffic_pattern"
        await pilot.press("3")  # change to scheduled
        assert screen.answers["traffic_pattern"] == "scheduled"
        await pilot.press("right", "right", "right")  # skip to clients (several allowed)
        assert screen.current().id == "clients"
        await pilot.press("1", "2", "enter")
        assert screen.answers["clients"] == ["browser", "mobile"]
        assert screen.current().id == "client_data_needs"
        await pilot.press("r")
        assert isinstance(app.screen, RecommendationScreen)
        await app.writes_done()
    assert app.store.load_workload("current") == {"traffic_pattern": "scheduled", "clients": ["browser", "mobile"]}


async def test_moot_questions_are_not_asked(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        screen = app.screen
        ids = [q.id for q in screen.applicable()]
        assert "service_security" in ids
        screen.answers["service_count"] = "one"
        assert "service_security" not in [q.id for q in screen.applicable()]


async def test_answers_come_back_and_the_guide_is_one_key_away(make_app) -> None:
    app = make_app()
    app.store.save_workload("current", {"service_count": "many", "service_security": "mtls_required"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        assert app.screen.answers["service_count"] == "many"
        await pilot.press("r")
        await settle(pilot)
        rec_screen = app.screen
        assert isinstance(rec_screen, RecommendationScreen)
        assert rec_screen.selected() is None  # it opens on the summary and risks
        await pilot.press("down")
        assert rec_screen.selected().id == rec_screen.report.technologies[0].id
        await pilot.press("g")
        if isinstance(app.screen, ChooseDialog):  # several places make the case: the first is a reason's
            await pilot.press("enter")
        assert app.screen is not rec_screen and not isinstance(app.screen, ChooseDialog)
        await pilot.press("escape")
        assert app.screen is rec_screen


async def test_the_whole_questionnaire_ends_in_the_recommendation(make_app, catalog) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        for _ in range(len(catalog.questions) + 2):
            if isinstance(app.screen, RecommendationScreen):
                break
            await pilot.press("1") if not app.screen.current().multiple else await pilot.press("1", "enter")
        assert isinstance(app.screen, RecommendationScreen)
        await settle(pilot)
        assert app.screen.report.confidence == 1.0


async def test_save_and_load_an_answers_file(make_app, tmp_path, monkeypatch) -> None:
    from advisor.tui.dialogs.text import TextDialog

    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", "2", "3")  # spiky, high
        await pilot.press("ctrl+s")
        await pilot.press("enter")  # the default name, workload.yaml
        assert (tmp_path / "workload.yaml").is_file()
        await pilot.press("ctrl+s", "enter")  # exists: asks, and the dialog stays open
        assert isinstance(app.screen, TextDialog)
        assert "workload.yaml exists. Press enter again" in str(app.screen.query_one("#text-hint").render())
        await pilot.press("escape")
        await pilot.press("ctrl+n", "y")  # start over: confirmed
        assert app.screen.answers == {}
        await pilot.press("ctrl+o", "enter")
        assert app.screen.answers == {"traffic_pattern": "spiky", "request_volume": "high"}


async def test_the_load_dialog_stays_open_on_error_and_offers_the_last_file(make_app, tmp_path, monkeypatch) -> None:
    """Confusing 11: an error closed the dialog (retype the path), and ctrl+o offered workload.yaml
    right after a save to out/workload.yaml."""
    from advisor.tui.dialogs.text import TextDialog

    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "bad.yaml").write_text("service_count: lots\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", "2")
        await pilot.press("ctrl+s")
        dialog = app.screen
        dialog.query_one("#text-input").value = "out/workload.yaml"
        await pilot.press("enter")
        assert (tmp_path / "out" / "workload.yaml").is_file()
        await pilot.press("ctrl+o")
        dialog = app.screen
        assert isinstance(dialog, TextDialog) and dialog.query_one("#text-input").value == "out/workload.yaml"
        dialog.query_one("#text-input").value = "bad.yaml"
        await pilot.press("enter")
        assert app.screen is dialog  # still open, with the problem
        hint = str(dialog.query_one("#text-hint").render())
        assert "bad.yaml:1:16: service_count: 'lots' is not a choice" in hint
        dialog.query_one("#text-input").value = "out/workload.yaml"
        await pilot.press("enter")
        assert not isinstance(app.screen, TextDialog)
        assert app.screen.answers == {"traffic_pattern": "spiky"}


async def test_export_dialog_writes_and_guards_existing_files(make_app, tmp_path, monkeypatch) -> None:
    from advisor.tui.dialogs.export import ExportDialog

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764662400")  # 2025-12-02
    app = make_app()
    app.store.save_workload("current", {"service_count": "many", "ops_maturity": "high"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "r", "e")
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.query_one("#export-path").value == "advisor-recommendation-2025-12-02.md"
        where = str(app.screen.query_one("#export-where").render())
        assert where == f"→ {tmp_path / 'advisor-recommendation-2025-12-02.md'}"
        await pilot.press("down", "space")  # the second format: HTML
        assert app.screen.query_one("#export-path").value == "advisor-recommendation-2025-12-02.html"
        await pilot.press("enter")  # from the format list: enter writes
        await app.workers.wait_for_complete()
        target = tmp_path / "advisor-recommendation-2025-12-02.html"
        assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        target.write_text("mine", encoding="utf-8")
        await pilot.press("e")  # remembers HTML
        assert app.screen.query_one("#export-path").value == "advisor-recommendation-2025-12-02.html"
        app.screen.query_one("#export-path").focus()
        await pilot.press("enter")  # exists: asks first
        assert isinstance(app.screen, ExportDialog) and "exists" in str(app.screen.query_one("#export-hint").render())
        await pilot.press("escape")
        assert target.read_text(encoding="utf-8") == "mine"
        await pilot.press("e")
        app.screen.query_one("#export-path").focus()
        await pilot.press("enter", "enter")  # confirmed
        await app.workers.wait_for_complete()
        assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


async def test_export_dialog_fixes_a_name_that_does_not_fit_the_format(make_app, tmp_path, monkeypatch) -> None:
    """B14: out/myreport.md with JSON chosen was written as JSON; Polish 13: the format was forgotten."""
    from advisor.tui.dialogs.export import ExportDialog

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764662400")
    (tmp_path / "out").mkdir()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "r", "e")
        dialog = app.screen
        dialog.query_one("#export-path").value = "out/myreport.md"
        await pilot.press("down", "down", "space")  # JSON: a typed .md name follows the format
        assert dialog.query_one("#export-path").value == "out/myreport.json"
        dialog.query_one("#export-path").value = "out/myreport.md"  # typed again, after the format
        await pilot.press("enter")
        assert app.screen is dialog and not (tmp_path / "out" / "myreport.md").exists()
        hint = str(dialog.query_one("#export-hint").render())
        assert "myreport.md does not end in .json, as JSON files do. Press enter to write myreport.json" in hint
        await pilot.press("enter")  # the offered fix
        await app.workers.wait_for_complete()
        assert not isinstance(app.screen, ExportDialog)
        assert json.loads((tmp_path / "out" / "myreport.json").read_text(encoding="utf-8"))["format"]
        assert not (tmp_path / "out" / "myreport.md").exists()
        await pilot.press("e")  # the same folder and format again
        assert app.screen.query_one("#export-path").value == "out/advisor-recommendation-2025-12-02.json"
        assert app.screen.chosen_format() == "json"
        await pilot.press("escape")
        await app.writes_done()
    restarted = make_app()  # Polish 13: the folder and format outlive the run
    async with restarted.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "r", "e")
        assert restarted.screen.chosen_format() == "json"
        offered = restarted.screen.query_one("#export-path").value
        assert offered == str(tmp_path / "out" / "advisor-recommendation-2025-12-02.json")


async def test_keep_two_and_compare_them(make_app) -> None:
    from advisor.tui.screens.milestones import MilestonesScreen

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.store.save_workload("current", {"service_count": "few"})
        await pilot.press("a", "r", "k")
        await pilot.press("enter")  # the default name
        await app.writes_done()
        await pilot.press("escape")  # back to the questions; change one answer
        app.screen.answers["service_count"] = "many"
        await pilot.press("r", "k", "enter")  # the name offered is free: "my workload 2"
        await app.writes_done()
        assert [m.name for m in app.store.milestones()] == ["my workload", "my workload 2"]
        await pilot.press("m")
        assert isinstance(app.screen, MilestonesScreen)
        await pilot.press("space", "down", "space", "enter")
        await pilot.pause()
        diff = app.screen.query_one("#milestone-diff")
        assert "Many" in diff.text


async def test_compare_reports_a_milestone_it_cannot_read(make_app) -> None:
    """A milestone kept by another version of advisor is named, not a crash."""
    from advisor.tui.screens.milestones import MilestonesScreen

    app = make_app()
    app.store.save_milestone("old", {}, {"format": "advisor-report", "schema_version": 0})
    app.store.save_milestone("older", {}, {"something": "else"})
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open("milestones")
        await pilot.pause()
        assert isinstance(app.screen, MilestonesScreen)
        await pilot.press("space", "down", "space", "enter")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, MilestonesScreen)
        assert any("another advisor version" in n.message for n in app._notifications)


async def test_start_over_asks_first_and_can_be_undone_once(make_app) -> None:
    from tests.tui.test_readability import key_bar_text

    app = make_app()
    saved = {"traffic_pattern": "spiky", "clients": ["browser"]}
    app.store.save_workload("current", saved)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        screen = app.screen
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # a stray enter keeps them
        assert screen.answers == saved
        await pilot.press("ctrl+n", "y")  # y clears
        assert app.screen is screen and screen.answers == {}
        await pilot.pause()
        assert "^z Undo start over" in key_bar_text(app)  # the key the toast names, even at 80 columns
        await app.writes_done()
        assert not app.store.load_workload("current")
        await pilot.press("ctrl+z")
        assert screen.answers == saved
        await app.writes_done()
        assert app.store.load_workload("current") == saved
        await pilot.press("ctrl+z")  # once only: nothing left to undo
        assert screen.answers == saved


async def test_an_answer_after_start_over_ends_the_undo(make_app) -> None:
    app = make_app()
    app.store.save_workload("current", {"traffic_pattern": "spiky"})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", "ctrl+n", "y", "3")
        screen = app.screen
        assert screen.answers == {"traffic_pattern": "scheduled"}
        await pilot.press("ctrl+z")
        assert screen.answers == {"traffic_pattern": "scheduled"}


async def test_the_wizard_carries_on_at_the_first_unanswered_question(make_app) -> None:
    app = make_app()
    app.store.save_workload("current", {"traffic_pattern": "spiky", "request_volume": "low"})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        screen = app.screen
        assert screen.index == 2
        assert screen.current().id not in ("traffic_pattern", "request_volume")


async def test_the_recommendation_opens_on_its_summary_and_risks(make_app) -> None:
    app = make_app()
    # one service: a mesh has nothing to route between (a veto)
    app.store.save_workload("current", {"service_count": "one", "clients": ["browser"]})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RecommendationScreen)
        text = str(screen.query_one("#rec-text").render())
        assert "Summary" in text and "Risks" in text
        for decision in screen.report.decisions:
            assert decision.title in text
        assert "ruled out" in text


async def test_g_opens_the_concept_a_reason_cites(make_app, catalog) -> None:
    app = make_app()
    app.store.save_workload("current", {"traffic_pattern": "spiky", "request_volume": "low"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "r")
        await settle(pilot)
        screen = app.screen
        serverless = screen.report.technology("serverless")
        cited = next(r for r in serverless.reasons if catalog.place(r.rests_on).kind == "concept")
        verdicts = screen.query_one("#rec-list")
        verdicts.highlighted = next(
            i for i in range(verdicts.option_count) if verdicts.get_option_at_index(i).id == "serverless"
        )
        await pilot.press("g")
        dialog = app.screen
        if isinstance(dialog, ChooseDialog):
            choices = dialog.query_one("#choices")
            choices.highlighted = next(
                i for i in range(choices.option_count) if choices.get_option_at_index(i).id == f"item:{cited.rests_on}"
            )
            await pilot.press("enter")
        section = app.screen
        assert isinstance(section, SectionScreen)
        concepts = section.query_one("#concept-list")
        assert concepts.get_option_at_index(concepts.highlighted).id == cited.rests_on


async def test_keeping_under_a_taken_name_is_refused_in_the_dialog(make_app) -> None:
    from advisor.tui.dialogs.text import TextDialog

    app = make_app()
    app.store.save_milestone("before the split", {}, {})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "r", "k")
        dialog = app.screen
        assert isinstance(dialog, TextDialog)
        dialog.query_one("#text-input").value = "before the split"
        await pilot.press("enter")
        assert app.screen is dialog
        hint = str(dialog.query_one("#text-hint").render())
        assert "'before the split' is the name of milestone 1 already" in hint
        dialog.query_one("#text-input").value = "after the split"
        await pilot.press("enter")
        await app.writes_done()
        assert [m.name for m in app.store.milestones()] == ["before the split", "after the split"]


async def test_rename_and_delete_a_kept_recommendation(make_app) -> None:
    """Missing 8: r renames the milestone under the cursor, d deletes it after asking."""
    from advisor.tui.dialogs.confirm import ConfirmDialog
    from advisor.tui.dialogs.text import TextDialog
    from advisor.tui.screens.milestones import MilestonesScreen
    from advisor.tui.widgets.key_bar import KeyBar

    app = make_app()
    for name in ("one", "two", "three"):
        app.store.save_milestone(name, {}, {})
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open("milestones")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MilestonesScreen)
        footer = str(screen.query_one(KeyBar).render())
        assert "Rename" in footer and "Delete" in footer
        await pilot.press("down", "r")
        dialog = app.screen
        assert isinstance(dialog, TextDialog) and dialog.query_one("#text-input").value == "two"
        dialog.query_one("#text-input").value = "one"
        await pilot.press("enter")  # taken
        assert app.screen is dialog
        dialog.query_one("#text-input").value = "second"
        await pilot.press("enter")
        await app.writes_done()
        await pilot.pause()
        assert [m.name for m in app.store.milestones()] == ["one", "second", "three"]
        assert "second" in str(screen.query_one("#milestone-list").get_option_at_index(1).prompt)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # kept
        await pilot.press("d", "enter")  # enter is no as well
        assert len(app.store.milestones()) == 3
        await pilot.press("d", "y")
        await app.writes_done()
        await pilot.pause()
        assert [m.name for m in app.store.milestones()] == ["one", "three"]
        assert screen.query_one("#milestone-list").option_count == 2


async def test_export_dialog_writes_the_tech_radar(make_app, tmp_path, monkeypatch) -> None:
    """The radar is one more entry of FORMATS: the dialog offers it, names the file and writes the CSV."""
    import csv

    from advisor.tui.dialogs.export import ExportDialog, FormatButton

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764662400")  # 2025-12-02
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "r", "e")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("down", "down", "down", "down", "space")  # the fifth format: the radar
        assert app.screen.chosen_format() == "radar"
        assert app.screen.query_one("#export-path").value == "advisor-recommendation-2025-12-02-radar.csv"
        assert "Tech radar" in str(app.screen.query_one("#export-format").pressed_button.label)
        # the chosen format has a dot; the others an empty box, not a dot told apart by colour alone
        assert [b._button.plain for b in app.screen.query(FormatButton)] == ["▐ ▌"] * 4 + ["▐●▌"]
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        target = tmp_path / "advisor-recommendation-2025-12-02-radar.csv"
        with target.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert {r["ring"] for r in rows} <= {"Trial", "Assess", "Hold"} and len(rows) == len(
            app.catalog.technologies.technologies
        )


async def test_a_radar_exported_after_keep_does_not_count_its_own_milestone(make_app, tmp_path, monkeypatch) -> None:
    """Adopt needs a milestone kept before: keeping this recommendation does not make it its own history."""
    import csv

    from advisor.advise.questionnaire import CURRENT_WORKLOAD
    from advisor.models.workload import TeamDecision
    from advisor.store import ProgressStore
    from advisor.tui.screens.recommendation import RecommendationScreen
    from tests.conftest import MOBILE_WORKLOAD

    monkeypatch.chdir(tmp_path)
    with ProgressStore() as store:
        store.save_workload(CURRENT_WORKLOAD, MOBILE_WORKLOAD)
        accept = TeamDecision(decision="accept", reason="ours")
        store.save_workload_context(CURRENT_WORKLOAD, decisions={"graphql": accept})
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", "r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RecommendationScreen)
        assert next(t for t in screen.report.technologies if t.id == "graphql").verdict == "recommended"
        await pilot.press("k", "enter")  # kept under the name offered
        await app.writes_done()
        await pilot.pause()
        assert len(app.store.milestones()) == 1
        screen._write(screen.report, "radar", tmp_path / "radar.csv")
        await app.workers.wait_for_complete()
        with (tmp_path / "radar.csv").open(encoding="utf-8", newline="") as f:
            rings = {r["name"]: r["ring"] for r in csv.DictReader(f)}
        assert rings["GraphQL"] == "Trial"  # accepted and recommended, but by no earlier milestone
