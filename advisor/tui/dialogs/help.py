"""The help screen: what each key does, wherever the user is."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# Keys

| Where | Key | Does |
| --- | --- | --- |
| everywhere | `?` | this help |
| everywhere | `ctrl+p` | command palette: jump to any screen |
| everywhere | `t` | switch between dark and light theme |
| everywhere | `escape` | back |
| everywhere | `ctrl+q` | quit |
| Home | `l` / `a` / `q` | Learn / Advise / Quiz |
| Checklist | (shown) | `recall 82%`: how well you recall the item's quiz questions, once there are enough answers |
| Learn | `↑` `↓` `enter` | choose a section or page |
| Learn | `m` `c` `u` `b` `k` | matrix, API comparison, use/avoid, figures, checklist |
| Section | `1` – `4` | concepts, checklist, exercises, resources |
| Section | `n` / `p` | next / previous section |
| Checklist | `space` or `enter` | tick or untick; saved at once |
| Reading | `↑` `↓` `pgup` `pgdn` `home` `end` | scroll |
| Advise | `1` – `9`, `enter` | choose (or tick, where several are allowed) |
| Advise | `0` or `s` | not sure |
| Advise | `←` `→` | back, skip |
| Advise | `r` | the recommendation for the answers so far |
| Advise | `ctrl+n` | clear the answers and start over |
| Advise | `ctrl+o` / `ctrl+s` | load answers from / save them to a YAML file |
| Recommendation | `↑` `↓` | choose a technology; its reasons and flips show on the right |
| Recommendation | `g` | read that technology's section of the guide |
| Recommendation | `e` | export: Markdown, HTML, JSON or an Architecture Decision Record |
| Recommendation | `k` / `m` | keep it as a milestone / compare two kept ones |
| Quiz | `space`, `enter` | pick quizzes (several allowed), start |
| Quiz | `d` | the questions due for review (spaced repetition) |
| Question | `1` – `9`, `↑` `↓`, `enter` | choose and submit; `enter` again for the next |
| Question | typing, `enter` | short, numeric, ordering (`3 1 2`) and matching (`b a c`) answers |
| Summary | `r` / `g` | retry the mistakes (practice) / re-read the first weak item |

Ticks and your Advise answers are kept in a database in your user data folder (or `$ADVISOR_HOME`);
`advisor progress --export FILE.json` saves a copy.
"""


class HelpScreen(ModalScreen[None]):
    """Keys, in a dialog over the current screen."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(HELP)
