#!/usr/bin/env python3
"""Key press to changed screen in a real terminal (tmux), side by side with a floor.

The floor is a Textual app whose only work on a key is to change one Static (`key_floor_app.py`).
Each scenario starts advisor in its own tmux server, reaches the screen under test, then presses
its keys in a cycle; the programs take turns press by press, so machine noise hits them alike.
A press is timed until the screen changes, or until a marker shows where the screen changes in
steps (the recommendation: "working it out", then the verdicts with their flips).
"""

from __future__ import annotations

import argparse
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import scratch  # noqa: F401  (temporary files go to this run's scratch folder)
import yaml
from terminal import ADVISOR, PY, ROOT, Terminal, percentile

# (key, marker to wait for or None for "any change", what it measures or None for a step not timed)
Press = tuple[str, str | None, str | None]


@dataclass
class Scenario:
    name: str
    command: str
    ready: str
    presses: list[Press]
    setup: list[str] = field(default_factory=list)
    # keys to send once the screen is ready, worked out from what it shows (None: `setup` as given)
    setup_from: Callable[[str], list[str]] | None = None


def to_last_question(screen: str) -> list[str]:
    """→ (skip) from question 1 to the last, read from the wizard's "Question 1 of N" (the last is a
    several-choice question: enter with nothing picked answers "none of these")."""
    found = re.search(r"Question 1 of (\d+)", screen)
    if found is None:
        raise SystemExit("the wizard did not say how many questions it has")
    return ["right"] * (int(found.group(1)) - 1)


def single_choice_pack(folder: Path) -> Path:
    """A quiz of every shipped single-choice question, so '1' always answers and enter moves on."""
    questions = []
    for path in sorted((ROOT / "quizzes").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for q in data["questions"]:
            if q["type"] == "single":
                questions.append({**q, "id": f"{q['id']}-bench"})
    quiz = {"kind": "quiz", "id": "bench-single", "title": "Bench", "section": "serverless", "questions": questions}
    (folder / "bench.yaml").write_text(yaml.safe_dump(quiz, allow_unicode=True), encoding="utf-8")
    return folder


def scenarios(pack: Path) -> list[Scenario]:
    a = ADVISOR
    return [
        Scenario(
            "learn",
            f"{a} learn serverless",
            "Concepts",
            [("n", None, "Learn: next / previous section")] * 5 + [("p", None, "Learn: next / previous section")] * 5,
        ),
        Scenario("tabs", f"{a} learn serverless", "Concepts", [(k, None, "section tabs 1-4") for k in "2341"]),
        Scenario(
            "reference",
            f"{a} learn",
            "Decision matrix",
            [p for k in "mcubk" for p in ((k, None, "reference tables"), ("escape", None, None))],
        ),
        Scenario("tick", f"{a} learn serverless", "Concepts", [("space", None, "tick a checklist item")], setup=["2"]),
        Scenario(
            "quiz",
            f"{a} --pack {pack} quiz bench-single --limit 100 --seed 1",
            "Question 1 of",
            [("1", "Your answer", "quiz answer → feedback"), ("Enter", None, "quiz next question")],
        ),
        Scenario(
            "wizard",
            f"{a} recommend",
            "Question 1 of",
            [("right", None, "wizard step")] * 8 + [("left", None, "wizard step")] * 8,
        ),
        Scenario(
            "recommendation",
            f"{a} recommend",
            "Question 1 of",
            [("Enter", "Summary and risks", "last answer → recommendation"), ("escape", None, None)],
            setup_from=to_last_question,
        ),
    ]


FLOOR = Scenario("floor", f"{PY} {ROOT / 'bench' / 'key_floor_app.py'}", "ready", [("n", None, "floor")])


def measure(presses: int = 40, size: str = "120x40", only: list[str] | None = None) -> dict[str, list[float]]:
    """Seconds per press, by what was measured (the floor included)."""
    home = tempfile.mkdtemp(prefix="advisor-bench-")
    pack = single_choice_pack(Path(tempfile.mkdtemp(prefix="advisor-bench-pack-")))
    chosen = [FLOOR, *(s for s in scenarios(pack) if not only or s.name in only)]
    terminals = []
    try:
        for scenario in chosen:
            term = Terminal(scenario.command, size, env={"ADVISOR_HOME": home})
            if term.wait_for(scenario.ready) is None:
                raise SystemExit(f"{scenario.name}: {scenario.ready!r} never showed")
            setup = scenario.setup_from(term.screen()) if scenario.setup_from else scenario.setup
            term.send(*setup, pause=0.15)
            term.send(pause=1.0)
            terminals.append((scenario, term))
        times: dict[str, list[float]] = {}
        for i in range(presses):
            for scenario, term in terminals:
                key, until, label = scenario.presses[i % len(scenario.presses)]
                took = term.press(key, until)
                if label:
                    times.setdefault(label, []).append(took)
                term.send(pause=0.12)
        return times
    finally:
        for _, term in terminals:
            term.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--presses", type=int, default=40)
    parser.add_argument(
        "--only", nargs="*", help="scenario names (learn tabs reference tick quiz wizard recommendation)"
    )
    args = parser.parse_args()
    times = measure(args.presses, only=args.only)
    print(f"{'what':34s} {'p50 ms':>7s} {'p95 ms':>7s} {'max':>7s}   n")
    for label, got in times.items():
        p50, p95 = percentile(got, 0.5) * 1000, percentile(got, 0.95) * 1000
        print(f"{label:34s} {p50:7.1f} {p95:7.1f} {max(got) * 1000:7.1f} {len(got):3d}")


if __name__ == "__main__":
    main()
