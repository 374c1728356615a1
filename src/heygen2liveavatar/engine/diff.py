"""Unified diffs that ``git apply`` accepts."""

from __future__ import annotations

import difflib

NO_NEWLINE = "\\ No newline at end of file\n"


def diff_path(display: str) -> str:
    path = display.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path.lstrip("/")


def unified_diff(old: str, new: str, display: str, context: int = 3) -> str:
    """A git-style unified diff of ``old`` -> ``new`` (empty when they are equal)."""
    if old == new:
        return ""
    path = diff_path(display)
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    out: list[str] = []
    for line in difflib.unified_diff(old_lines, new_lines, f"a/{path}", f"b/{path}", n=context):
        if line.endswith(("\n", "\r")):
            out.append(line)
        else:
            out.append(line + "\n")
            out.append(NO_NEWLINE)
    return "".join(out)


def new_file_diff(content: str, display: str) -> str:
    """A diff that creates ``display`` with ``content`` (``git apply`` creates the file)."""
    path = diff_path(display)
    lines = content.splitlines(keepends=True)
    header = f"diff --git a/{path} b/{path}\nnew file mode 100644\n--- /dev/null\n+++ b/{path}\n"
    body = "".join(
        f"+{line}" if line.endswith("\n") else f"+{line}\n{NO_NEWLINE}" for line in lines
    )
    return f"{header}@@ -0,0 +1,{len(lines)} @@\n{body}"
