"""Every text on every screen reads at WCAG AA (4.5:1) against its background, in every theme the app offers.

The colours are the compositor's (what the terminal is sent), so a style that looks fine in the CSS
but lands on a highlighted row, a panel or a dimmed footer is measured where it is drawn.
Each text is measured in truecolor and as a 256-colour terminal shows it (Textual downgrades when
COLORTERM is unset, as in tmux by default and macOS Terminal), from the same segments.
The lowest ratio per theme and colour system is printed (`pytest -s`) and written to the test's report.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from advisor.models.progress import NewAnswer
from advisor.store import ProgressStore
from advisor.tui.themes import THEMES
from tests.tui.contrast import AA, SYSTEMS, Measured, measure


def _seed(catalog) -> None:
    """Ticks, quiz history (so recall shows in three colours) and two kept recommendations."""
    section = catalog.sections[0]
    items = [i.id for i in section.checklist]
    questions = [q for quiz in catalog.quizzes for q in quiz.questions]
    by_item = {item: [q for q in questions if item in q.tests] for item in items}
    tested = [item for item in items if len(by_item[item]) >= 1][:3]
    now = datetime.now(UTC)
    with ProgressStore() as store:
        store.set_tick(items[0], True)
        store.set_tick(items[2], True)
        # right twice just now; wrong twice long ago; right then wrong a while ago
        plans = [[(0, True), (0, True)], [(40, False), (40, False)], [(9, True), (6, False)]]
        for item, plan in zip(tested, plans, strict=False):
            q = by_item[item][0]
            for n, (days, correct) in enumerate(plan):
                store.clock = lambda d=days, n=n: (now - timedelta(days=d, minutes=n)).isoformat()
                store.record_answer(NewAnswer(q.id, q.revision, f"seed-{item}-{n}", correct, "x"))
        answers = {"clients": ["browser", "mobile"], "traffic_pattern": "spiky", "ops_maturity": "low"}
        for name in ("first try", "second try"):
            store.save_milestone(name, answers, {})


async def _settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def _every_screen(pilot):
    """Open every screen and dialog in turn; yield the name of each state to measure."""
    app = pilot.app
    await _settle(pilot)
    yield "home"
    app.notify("Saved.", title="Information")
    app.notify("Check this.", title="Warning", severity="warning")
    app.notify("That failed.", title="Error", severity="error")
    await _settle(pilot)
    yield "notifications"
    app.clear_notifications()
    await pilot.press("ctrl+p")
    await _settle(pilot)
    yield "command palette"
    await pilot.press("r", "e", "a", "d")
    await _settle(pilot)
    yield "command palette search"
    await pilot.press("escape")
    await pilot.press("l")
    yield "learn"
    await pilot.press("enter")
    await _settle(pilot)
    for tab, name in (("1", "concepts"), ("2", "checklist"), ("3", "exercises"), ("4", "resources")):
        await pilot.press(tab)
        await _settle(pilot)
        yield f"section {name}"
    await pilot.press("1")
    for section in app.catalog.sections[:3]:  # every concept of the first three: code in several languages
        for concept in section.concepts:
            await pilot.press("down")
            yield f"concept {concept.id}"
        await pilot.press("n")
        await pilot.pause()
    await pilot.press("tab")  # the reading pane focused: the list's cursor is blurred
    yield "section reading pane"
    await pilot.press("question_mark")
    yield "help"
    await pilot.press("escape", "escape")
    for key, name in (("m", "matrix"), ("c", "comparison"), ("u", "use cases"), ("b", "figures")):
        await pilot.press(key)
        await _settle(pilot)
        yield name
        await pilot.press("escape")
    await pilot.press("k")
    await _settle(pilot)
    yield "checklist"
    await pilot.press("escape")
    app.action_open("overview")
    await pilot.pause()
    yield "about"
    app.action_open("home")
    await pilot.press("a")
    await _settle(pilot)
    yield "advise"
    while not app.screen.current().multiple:  # on to a question that allows several answers
        await pilot.press("right")
    await pilot.press("1")
    yield "advise several"
    await pilot.press("r")
    await _settle(pilot)
    yield "recommendation"
    await pilot.press("down", "down", "down", "down")
    yield "recommendation lower"
    await pilot.press("enter")
    yield "recommendation reasons"
    await pilot.press("c")
    await pilot.pause()
    yield "score chart"
    await pilot.press("escape", "e")
    await pilot.pause()
    yield "export dialog"
    await pilot.press("escape", "k")
    await pilot.pause()
    yield "keep dialog"
    await pilot.press("escape", "w", "right")
    await pilot.pause()
    yield "priorities dialog"
    await pilot.press("escape", "x")
    await _settle(pilot)
    yield "trace dialog"
    await pilot.press("escape", "d")
    await pilot.pause()
    yield "decision dialog"
    await pilot.press("escape", "m")
    await pilot.pause()
    await pilot.press("space", "down", "space", "enter")
    await pilot.pause()
    yield "milestones"
    app.action_open("home")
    await pilot.press("q")
    await _settle(pilot)
    yield "quiz chooser"
    await pilot.press("enter")
    await _settle(pilot)
    yield "quiz question"
    screen = app.screen
    for _ in range(3):
        widget = screen.answer_widget()
        await pilot.press("1" if widget.__class__.__name__ != "TypedAnswer" else "z")
        if screen.answered is None:
            await pilot.press("enter")
        await pilot.pause()
        yield "quiz feedback"
        await pilot.press("enter")
        await pilot.pause()
        yield "quiz question"
    await pilot.press("escape")
    await _settle(pilot)
    yield "quiz summary"


@pytest.mark.parametrize("theme", THEMES)
async def test_every_text_meets_wcag_aa(make_app, catalog, theme, record_property) -> None:
    _seed(catalog)
    app = make_app()
    failures: dict[tuple[float, str, str, str], list[str]] = {}  # (ratio, fg, bg, system): where it is drawn
    lowest: dict[str, tuple[str, Measured]] = {}  # per colour system: the state and the segment
    seen: list[str] = []
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        app.theme = theme
        await pilot.pause()
        async for state in _every_screen(pilot):
            seen.append(state)
            for m in measure(app):
                if m.system not in lowest or m.ratio < lowest[m.system][1].ratio:
                    lowest[m.system] = (state, m)
                if m.ratio < AA:
                    failures.setdefault((m.ratio, m.fg, m.bg, m.system), []).append(f"{state}: {m.text.strip()!r}")
    assert set(lowest) == set(SYSTEMS)
    report = "\n".join(
        f"{theme} {name}: lowest contrast {m.ratio:.2f}:1 ({state}: {m})" for name, (state, m) in lowest.items()
    )
    print(report)
    record_property("lowest_contrast", report)
    assert {"home", "recommendation", "score chart", "quiz feedback", "quiz summary", "milestones", "help"} <= set(seen)
    # one line per colour pair, with a few of the places it is drawn
    lines = [
        f"{ratio:.2f}:1  {fg} on {bg} ({system}), {len(where)}×: " + "; ".join(list(dict.fromkeys(where))[:6])
        for (ratio, fg, bg, system), where in sorted(failures.items())
    ]
    if failures:
        pytest.fail(f"{len(failures)} colour pairs under {AA}:1 in {theme}:\n" + "\n".join(lines))
