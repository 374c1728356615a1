"""Settings from ``[tool.heygen2liveavatar]`` in the nearest ``pyproject.toml``."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SECTION = "tool.heygen2liveavatar"
KNOWN_KEYS = frozenset({"select", "ignore", "exclude", "extend-exclude", "jobs", "color", "format"})


class ConfigError(ValueError):
    pass


@dataclass
class FileConfig:
    path: Path | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    jobs: int | None = None
    format: str | None = None
    color: bool | None = None


def find_pyproject(paths: Sequence[str]) -> Path | None:
    """The ``pyproject.toml`` nearest to the common directory of ``paths`` (or the cwd).

    A path that does not exist (standard input's ``--stdin-filename`` naming a new file)
    stands for its directory."""
    existing = [
        os.path.abspath(p if os.path.exists(p) else os.path.dirname(p) or ".")
        for p in paths
        if p != "-" and os.path.exists(os.path.dirname(p) or ".")
    ]
    if existing:
        base = Path(os.path.commonpath(existing))
        if os.path.isfile(base):  # (``os.path`` answers False where it may not look)
            base = base.parent
    else:
        base = Path.cwd()
    for directory in (base, *base.parents):
        candidate = directory / "pyproject.toml"
        if os.path.isfile(candidate):  # ``Path.is_file`` raises in a directory it cannot read
            return candidate
    return None


def _string_list(value: Any, key: str, path: Path) -> list[str]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"{path}: [{SECTION}] {key} must be a list of strings")


def load_config(paths: Sequence[str]) -> FileConfig:
    pyproject = find_pyproject(paths)
    if pyproject is None:
        return FileConfig()
    try:
        raw = pyproject.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{pyproject}: cannot read: {exc.strerror}") from None
    if b"heygen2liveavatar" not in raw:
        return FileConfig(pyproject)
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on old interpreters only
        import tomli as tomllib
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{pyproject}: invalid TOML: {exc}") from None
    section = data.get("tool", {}).get("heygen2liveavatar")
    if not isinstance(section, dict):
        return FileConfig(pyproject)
    unknown = set(section) - KNOWN_KEYS
    if unknown:
        raise ConfigError(
            f"{pyproject}: unknown key(s) in [{SECTION}]: {', '.join(sorted(unknown))}"
        )
    config = FileConfig(pyproject)
    if "select" in section:
        config.select = _string_list(section["select"], "select", pyproject)
    if "ignore" in section:
        config.ignore = _string_list(section["ignore"], "ignore", pyproject)
    for key in ("exclude", "extend-exclude"):
        if key in section:
            config.exclude += _string_list(section[key], key, pyproject)
    if "jobs" in section:
        jobs = section["jobs"]
        if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
            raise ConfigError(f"{pyproject}: [{SECTION}] jobs must be a positive integer")
        config.jobs = jobs
    if "format" in section:
        config.format = str(section["format"])
    if "color" in section:
        config.color = bool(section["color"])
    # Exclude patterns are relative to the pyproject's directory.
    base = pyproject.parent
    config.exclude = [
        p if os.path.isabs(p) or any(c in p for c in "*?[") else str(base / p)
        for p in config.exclude
    ]
    return config
