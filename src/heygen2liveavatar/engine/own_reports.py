"""Recognise this tool's own reports by their content, so a run never scans them.

A report saved in the tree (``--format markdown > review.md``, a JSON or SARIF log, the
GitHub workflow commands captured in a file) quotes HeyGen URLs and rule messages; scanned
on the next run it would be reported as work to do. The user picks the file name, so the
test looks at the first bytes, which every format fixes. Imports nothing heavy: the runner
calls it on every candidate file.
"""

from __future__ import annotations

import re

HEAD = 4096
"""Bytes read: every format names the tool within its first few hundred bytes."""

MARKDOWN_TITLE = b"## heygen2liveavatar: HeyGen Streaming API to LiveAvatar"
_JSON_TOOL = re.compile(rb'^\s*\{\s*"version":\s*1,\s*"tool":\s*\{\s*"name":\s*"heygen2liveavatar"')
_SARIF_DRIVER = re.compile(
    rb'^\s*\{\s*"\$schema":[^\n]*sarif[^\n]*\n.*?"driver":\s*\{\s*"name":\s*"heygen2liveavatar"',
    re.DOTALL,
)
_WORKFLOW_COMMAND = re.compile(rb"^::(?:warning|notice|error) file=[^\n]*?(?:title=H2L\d{3})?::")


def is_report(data: bytes) -> bool:
    """True for a Markdown, JSON, SARIF or GitHub-format report written by this tool."""
    head = data[:HEAD].lstrip(b"\xef\xbb\xbf")
    if head.startswith(MARKDOWN_TITLE):
        return True
    if head.lstrip().startswith(b"{"):
        return bool(_JSON_TOOL.match(head) or _SARIF_DRIVER.match(head))
    if head.startswith(b"::"):
        # Every line a workflow command: a captured `--format github` report.
        lines = [line for line in head.splitlines()[:-1] or head.splitlines() if line]
        return bool(lines) and all(_WORKFLOW_COMMAND.match(line) for line in lines)
    return False


__all__ = ["MARKDOWN_TITLE", "is_report"]
