"""A directory walk finds HTML pages that call HeyGen's Streaming API from JavaScript (issue 13):
they are reported (never rewritten) whether named on the command line or found in a walk."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from heygen2liveavatar.cli.main import main

PAGE = """<html><body><script>
async function start() {
  await fetch("https://api.heygen.com/v1/streaming.start", {method: "POST"});
}
</script></body></html>
"""


@pytest.mark.parametrize("name", ["viewer.html", "old.htm"])
def test_walk_reports_html_pages(tmp_path: Path, name: str) -> None:
    (tmp_path / "web").mkdir()
    page = tmp_path / "web" / name
    page.write_text(PAGE)
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(
            main, ["migrate", "--format", "json", "--jobs", "1", "."], catch_exceptions=False
        )
    finally:
        os.chdir(old)
    report = json.loads(result.stdout)
    [entry] = report["files"]
    assert entry["path"] == f"web/{name}"
    assert [f["kind"] for f in entry["findings"]] == ["manual"]
    assert "/v1/sessions/start" in entry["findings"][0]["message"]
    assert page.read_text() == PAGE
    assert result.exit_code == 1
