"""Options of a run: defaults, `[tool.mtaudit]` in pyproject.toml or mtaudit.toml, validation."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

from mtaudit.model import Severity

DEFAULT_THRESHOLD = 0.3
CONFIG_FILES = ("mtaudit.toml", "pyproject.toml")


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class Options:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    threshold: float = DEFAULT_THRESHOLD
    fail_on: Severity = Severity.MINOR
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    accept: tuple[str, ...] = ()  # terms correct as written: findings on them are dropped
    suppressions: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # see suppress.py

    def with_overrides(self, **overrides: Any) -> "Options":
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def _table(path: Path) -> Mapping[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("mtaudit")
    return data


def find_config(start: Path) -> Path | None:
    """The nearest mtaudit.toml, or pyproject.toml with a [tool.mtaudit] table."""
    for folder in [start, *start.parents]:
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and _table(candidate) is not None:
                return candidate
    return None


def _string_list(path: Path, table: Mapping[str, Any], key: str, what: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key} must be a list of {what}")
    return tuple(value)


def load_options(path: Path | None) -> Options:
    if path is None:
        return Options()
    table = _table(path)
    if table is None:
        raise ConfigError(f"{path}: no [tool.mtaudit] table")
    known = {"select", "ignore", "threshold", "fail-on", "rules", "accept"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown option(s) {', '.join(unknown)}")
    threshold = table.get("threshold", DEFAULT_THRESHOLD)
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0.0 <= threshold <= 1.0:
        raise ConfigError(f"{path}: threshold must be a number in [0, 1]")
    try:
        fail_on = Severity(table.get("fail-on", Severity.MINOR.value))
    except ValueError:
        raise ConfigError(f"{path}: fail-on must be one of {', '.join(s.value for s in Severity)}") from None
    rules = table.get("rules", {})
    if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
        raise ConfigError(f"{path}: rules must hold one table per rule, e.g. [rules.name-variant]")
    return Options(
        select=_string_list(path, table, "select", "rule ids or categories"),
        ignore=_string_list(path, table, "ignore", "rule ids or categories"),
        threshold=float(threshold),
        fail_on=fail_on,
        rules={str(k): dict(v) for k, v in rules.items()},
        accept=_string_list(path, table, "accept", "terms"),
    )
