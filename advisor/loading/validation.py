"""Turn a parsed YAML source into its pydantic model, with errors a person can act on."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from advisor.loading.problems import DataError, FieldPath, Problem
from advisor.loading.yaml_source import Source
from advisor.models.base import DataModel
from advisor.models.kinds import KINDS
from advisor.text.suggest import did_you_mean

_ID_PATTERN_HINT = "lower-case letters, digits, '-' and '_', starting with a letter or digit"


def validate_source(source: Source) -> DataModel:
    """Validate `source` against the model its `kind` names; raise DataError listing every problem."""
    kind = source.data.get("kind")
    if kind is None:
        raise DataError([source.problem(("kind",), f"missing; expected one of: {', '.join(KINDS)}")])
    if not isinstance(kind, str) or kind not in KINDS:
        hint = did_you_mean(str(kind), KINDS)
        raise DataError(
            [source.problem(("kind",), f"unknown kind {kind!r}{hint}; expected one of: {', '.join(KINDS)}")]
        )
    model = KINDS[kind].model
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        raise DataError(_problems(source, model, exc)) from None


def _problems(source: Source, model: type[BaseModel], exc: ValidationError) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        path: FieldPath = tuple(error["loc"])
        at_key = error["type"] == "extra_forbidden"
        problems.append(source.problem(_document_path(source, path), _message(model, path, error), at_key=at_key))
    return problems


def _document_path(source: Source, path: FieldPath) -> FieldPath:
    """Drop the parts of pydantic's location that are not in the document (union tags)."""
    out: FieldPath = ()
    for part in path:
        if (*out, part) in source.values or part == path[-1]:
            out = (*out, part)
    return out


def _message(model: type[BaseModel], path: FieldPath, error: Any) -> str:
    kind = error["type"]
    value = error.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        allowed = _fields_at(model, path[:-1])
        hint = did_you_mean(str(path[-1]), allowed)
        listing = f"; expected one of: {', '.join(sorted(allowed))}" if allowed and not hint else ""
        return f"unknown field {path[-1]!r}{hint}{listing}"
    if kind == "string_pattern_mismatch" and "a-z0-9" in str(error.get("ctx", {}).get("pattern", "")):
        return f"{_show(value)} is not a valid id ({_ID_PATTERN_HINT})"
    message = str(error["msg"])
    if message.startswith("Value error, "):
        return message.removeprefix("Value error, ")
    if kind in {"model_type", "dict_type", "list_type"} or kind.endswith("_parsing") or kind.endswith("_type"):
        return f"{message[0].lower()}{message[1:]}, got {_show(value)}"
    if kind in {"enum", "literal_error"}:
        return f"{message[0].lower()}{message[1:]}, got {_show(value)}"
    return message[0].lower() + message[1:]


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _fields_at(model: type[BaseModel], path: FieldPath) -> list[str]:
    """The field names the model expects at `path`, following lists, dicts and unions."""
    current: Any = model
    for part in path:
        current = _step(current, part)
        if current is None:
            return []
    models = _models_in(current)
    return sorted({name for m in models for name in m.model_fields})


def _step(annotation: Any, part: str | int) -> Any:
    for candidate in _unwrap(annotation):
        is_model = isinstance(candidate, type) and issubclass(candidate, BaseModel)
        if is_model and isinstance(part, str) and part in candidate.model_fields:
            return candidate.model_fields[part].annotation
        origin = typing.get_origin(candidate)
        args = typing.get_args(candidate)
        if origin is list and isinstance(part, int) and args:
            return args[0]
        if origin is dict and args:
            return args[1]
    return None


def _unwrap(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin is typing.Union or origin is types.UnionType:
        return [a for arg in typing.get_args(annotation) for a in _unwrap(arg)]
    return [annotation]


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    return [a for a in _unwrap(annotation) if isinstance(a, type) and issubclass(a, BaseModel)]
