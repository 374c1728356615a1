"""A migration's JSON report by file name, for the config-file tests (JSON, INI, TOML)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from heygen2liveavatar.cli.run import MigrateRequest, run_migrate


def files_by_name(
    root: Path, mode: str = "write", paths: list[str] | None = None
) -> dict[str, dict[str, Any]]:
    """Run ``migrate`` (``mode``) on ``paths`` (else ``root``) and return its report's file
    entries keyed by each file's base name."""
    out, err = io.StringIO(), io.StringIO()
    run_migrate(
        MigrateRequest(paths=paths or [str(root)], mode=mode, output_format="json", jobs=1),
        out=out,
        err=err,
    )
    report = json.loads(out.getvalue())
    return {Path(entry["path"]).name: entry for entry in report["files"]}
