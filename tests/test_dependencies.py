"""Every package `advisor` imports is one it declares: nothing arrives only through another's dependencies."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from tests.conftest import ROOT


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _imported_modules() -> dict[str, str]:
    """Top-level module → the first file importing it, over the package's own source."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "advisor").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.partition(".")[0], str(path.relative_to(ROOT)))
    return found


def test_every_third_party_import_is_a_declared_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_canonical(re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0]) for spec in project["dependencies"]}
    distributions = packages_distributions()
    undeclared = []
    for module, where in _imported_modules().items():
        if module == "advisor" or module in sys.stdlib_module_names or module == "__future__":
            continue
        owners = {_canonical(d) for d in distributions.get(module, [])}
        assert owners, f"{module} (imported in {where}) is not installed"
        if not owners & declared:
            undeclared.append(f"{module} ({'/'.join(sorted(owners))}), imported in {where}")
    assert not undeclared, "imported but not in pyproject's dependencies: " + "; ".join(undeclared)
