"""Read one YAML file into plain Python data plus the line and column of every value.

The document is composed with libyaml's safe C loader (falling back to the pure-Python safe
loader) and turned into data by our own walk over the node graph. Doing the walk ourselves is
what lets every later error name the line of the field, and lets us refuse what a data file has
no business containing: duplicate keys, unknown tags, alias bombs and absurd nesting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from advisor.loading.problems import DataError, FieldPath, Problem, format_field
from advisor.text.controls import visible

try:  # the C loader is several times faster; the pure one is only a fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 4 * 1024 * 1024
MAX_NODES = 1_000_000
MAX_DEPTH = 64
MAX_ALIAS_REUSE = 1_000  # a collection reached again through an alias; bombs do this millions of times

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
# YAML 1.1 reads a bare `no`, `yes`, `on` or `off` as a boolean (the "Norway problem");
# in our files they are always words, e.g. the choice `no` of a question.
_WORD_BOOLEANS = {"yes", "no", "on", "off", "y", "n"}
_constructor = SafeConstructor()
_SCALAR_BUILDERS = {
    "tag:yaml.org,2002:int": _constructor.construct_yaml_int,
    "tag:yaml.org,2002:float": _constructor.construct_yaml_float,
    "tag:yaml.org,2002:bool": _constructor.construct_yaml_bool,
    "tag:yaml.org,2002:null": _constructor.construct_yaml_null,
}


@dataclass
class Source:
    """A parsed file: its data, and where each value (and each mapping key) starts.

    The positions are only needed to report a problem, so a file is first read without them
    (faster, and far less memory on big packs); the first `locate` reads it again to find them.
    """

    path: Path
    display: str
    data: Any
    expected: str = "a mapping with a 'kind' key"
    _values: dict[FieldPath, tuple[int, int]] | None = field(default=None, repr=False)
    _keys: dict[FieldPath, tuple[int, int]] | None = field(default=None, repr=False)

    @property
    def values(self) -> dict[FieldPath, tuple[int, int]]:
        """Where each value starts (line, column), by field path."""
        self._index()
        assert self._values is not None
        return self._values

    @property
    def keys(self) -> dict[FieldPath, tuple[int, int]]:
        """Where each mapping key starts (line, column), by the path of its value."""
        self._index()
        assert self._keys is not None
        return self._keys

    def _index(self) -> None:
        if self._values is None:
            try:
                again = read_source(self.path, self.display, expected=self.expected, positions=True)
            except DataError:  # the file changed since: no positions rather than wrong ones
                self._values, self._keys = {}, {}
            else:
                self._values, self._keys = again._values, again._keys

    def locate(self, path: FieldPath, *, at_key: bool = False) -> tuple[int, int]:
        """Line and column of the field at `path`, or of its nearest existing ancestor.

        Elements of `path` that are not in the document (such as a union's tag that
        pydantic inserts) are skipped rather than ending the search. `at_key` points at the
        key itself, for problems with the key (an unknown field) rather than its value.
        """
        found: FieldPath = ()
        best = self.values.get((), (1, 1))
        for part in path:
            candidate = (*found, part)
            if candidate in self.values:
                found = candidate
                value, key = self.values[found], self.keys.get(found)
                # a scalar on its key's line is pointed at itself; a block value at its key
                best = value if key is None or (key[0] == value[0] and not at_key) else key
        return best

    def problem(self, path: FieldPath, message: str, *, at_key: bool = False) -> Problem:
        line, column = self.locate(path, at_key=at_key)
        return Problem(self.display, line, column, format_field(path), message)


def display_name(path: Path) -> str:
    """The file name as the user should see it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_source(
    path: Path,
    display: str | None = None,
    *,
    expected: str = "a mapping with a 'kind' key",
    positions: bool = False,
) -> Source:
    """Parse `path`; raise DataError with a located problem if it is not a usable YAML mapping.

    `expected` describes the mapping in messages (data files need a `kind`, answer files don't);
    `positions` records where every value is now rather than when a problem first needs it.
    """
    display = display or display_name(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError([Problem(display, 0, 0, "", f"cannot read file: {exc.strerror or exc}")]) from None
    if len(raw) > MAX_BYTES:
        raise DataError([Problem(display, 0, 0, "", f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataError(
            [
                Problem(
                    display, line, column, "", f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8"
                )
            ]
        ) from None
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = " ".join(part for part in (exc.context, exc.problem) if part) or "malformed YAML"
        raise DataError([Problem(display, line, column, "", f"invalid YAML: {what}")]) from None
    except yaml.YAMLError as exc:
        raise DataError([Problem(display, 0, 0, "", f"invalid YAML: {exc}")]) from None
    if not nodes or nodes[0] is None:
        raise DataError([Problem(display, 1, 1, "", f"the file is empty; expected {expected}")])
    if len(nodes) > 1:
        mark = nodes[1].start_mark
        raise DataError(
            [
                Problem(
                    display, mark.line + 1, mark.column + 1, "", "the file holds several YAML documents; expected one"
                )
            ]
        )
    source = Source(path, display, None, expected)
    walker = _Walker(source, positions)
    source.data = walker.build(nodes[0], (), 0)
    if walker.problems:
        raise DataError(walker.problems)
    if not isinstance(source.data, dict):
        kind = type(source.data).__name__
        raise DataError([Problem(display, 1, 1, "", f"the document is a {kind}; expected {expected}")])
    return source


class _Walker:
    def __init__(self, source: Source, positions: bool) -> None:
        self.source = source
        self.values: dict[FieldPath, tuple[int, int]] | None = {} if positions else None
        self.keys: dict[FieldPath, tuple[int, int]] = {}
        if positions:
            source._values, source._keys = self.values, self.keys
        self.count = 0
        self.seen: set[int] = set()
        self.reused = 0
        self.problems: list[Problem] = []

    def _fail(self, node: Node, path: FieldPath, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.source.display, mark.line + 1, mark.column + 1, format_field(path), message))

    def build(self, node: Node, path: FieldPath, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            if self.count == MAX_NODES + 1:
                self._fail(node, path, f"the document expands to more than {MAX_NODES:,} values (aliases?)")
            return None
        if depth > MAX_DEPTH:
            self._fail(node, path, f"nested more than {MAX_DEPTH} levels deep")
            return None
        if self.values is not None:
            self.values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if not isinstance(node, ScalarNode):
            if id(node) in self.seen:
                self.reused += 1
                if self.reused > MAX_ALIAS_REUSE:
                    if self.reused == MAX_ALIAS_REUSE + 1:
                        self._fail(
                            node,
                            path,
                            f"aliases expand the document more than {MAX_ALIAS_REUSE:,} times (an alias bomb?)",
                        )
                    return None
            self.seen.add(id(node))
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                self._fail(node, path, f"unsupported tag {node.tag!r}")
                return None
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                self._fail(node, path, f"unsupported tag {node.tag!r}")
                return None
            return self._mapping(node, path, depth)
        self._fail(node, path, "unsupported YAML node")  # pragma: no cover
        return None

    def _mapping(self, node: MappingNode, path: FieldPath, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        first: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._fail(key_node, path, "merge keys ('<<') are not supported; write the fields out")
                continue
            if not isinstance(key_node, ScalarNode):
                self._fail(key_node, path, "a mapping key must be a plain value")
                continue
            key = self._scalar(key_node, path)
            if not isinstance(key, (str, int)):
                key = key_node.value
            child = (*path, key)
            if key in first:
                self._fail(key_node, child, f"duplicate key {key!r} (first at line {first[key]})")
                continue
            first[key] = key_node.start_mark.line + 1
            if self.values is not None:
                self.keys[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = self.build(value_node, child, depth + 1)
        return out

    def _scalar(self, node: ScalarNode, path: FieldPath) -> Any:
        tag = node.tag
        if tag not in _SCALAR_TAGS:
            self._fail(node, path, f"unsupported tag {tag!r}; data files hold plain values only")
            return None
        if tag == _STR or tag == "tag:yaml.org,2002:timestamp":
            return visible(node.value)  # "\e[31m" in a double-quoted string must not reach a terminal
        if tag == "tag:yaml.org,2002:bool" and not node.style and node.value.lower() in _WORD_BOOLEANS:
            return node.value
        try:
            return _SCALAR_BUILDERS[tag](node)
        except (yaml.YAMLError, ValueError):
            return node.value
