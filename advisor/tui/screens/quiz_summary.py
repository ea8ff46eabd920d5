"""The end of a quiz: the score by quiz and by checklist item, time, what to re-read, mistakes."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll

from advisor.quiz.session import QuizSession
from advisor.text.markdown import inline
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.guide_text import GuideText
from advisor.tui.widgets.key_bar import KeyBar
from advisor.tui.widgets.title_bar import TitleBar


class QuizSummaryScreen(AdvisorScreen):
    """Keys: r retries the mistakes as practice, g opens the first section to re-read."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Done"),
        Binding("r", "retry", "Retry mistakes"),
        Binding("g", "reread", "Re-read"),
    ]

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(classes="reader"):
            yield GuideText(self.markdown())
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Quiz summary"
        self.query_one(VerticalScroll).focus()

    def markdown(self) -> str:
        catalog = self.advisor.catalog
        s = self.session.summary()
        titles = {q.id: q.title for q in catalog.quizzes}
        minutes, seconds = divmod(round(s.seconds), 60)
        lines = [
            f"# Score: {s.score.right} of {s.score.total} ({s.score.share:.0%})",
            "",
            f"Time: {minutes} min {seconds} s · session `{self.session.session_id}`",
            "",
            "## By quiz",
            "",
            "| Quiz | Right |",
            "| --- | --- |",
            *(f"| {inline(titles.get(k, k))} | {t.right}/{t.total} |" for k, t in s.by_quiz.items()),
            "",
            "## By checklist item and concept",
            "",
            "| Item | Right |",
            "| --- | --- |",
            *(f"| {inline(catalog.describe(k))} | {t.right}/{t.total} |" for k, t in sorted(s.by_item.items())),
            "",
        ]
        if s.reread:
            lines += [
                "## Re-read",
                "",
                *(f"- {inline(catalog.describe(k))}" for k in s.reread),
                "",
                "*g opens the first one.*",
                "",
            ]
        if s.missed:
            lines += ["## Your mistakes", ""]
            for r in s.missed:
                # the whole question: its first paragraph as the heading (wrapped, never cut), then
                # the rest as the quiz showed it (a code block, the question after it)
                first, _, rest = r.presented.question.prompt.strip().partition("\n\n")
                lines += [f"### {inline(' '.join(first.split()))}", ""]
                lines += [rest, ""] if rest else []
                lines += [f"- {inline(e)}" for e in r.grade.expected]
                lines += ["", inline(r.presented.question.explanation), ""]
            lines += ["*r asks them again now, as practice: they are recorded but are not reviews.*"]
        return "\n".join(lines)

    def action_retry(self) -> None:
        if self.session.retry_mistakes() == 0:
            self.notify("No mistakes to retry.")
            return
        from advisor.tui.screens.quiz import QuestionScreen

        self.app.switch_screen(QuestionScreen(self.session))

    def action_reread(self) -> None:
        s = self.session.summary()
        if not s.reread:
            self.notify("Nothing to re-read: no mistakes.")
            return
        # the first place a mistake points to: that concept or checklist item, not its section's top
        self.advisor.action_open(f"item:{s.reread[0]}")
