"""Run a notebook's code cells the way Jupyter would, in one namespace."""

from __future__ import annotations

import ast
import asyncio
import json
import linecache
import types
from pathlib import Path
from typing import Any

CELL_FILENAME = "{path}:cell{index}"  # how frames inside notebook cells are named


def _runnable(source: str) -> str:
    """The cell without IPython syntax: magics and ``!shell`` lines become blank lines."""
    if source.lstrip().startswith("%%"):
        return ""
    lines = []
    for line in source.splitlines():
        stripped = line.lstrip()
        lines.append("" if stripped.startswith(("%", "!")) else line)
    return "\n".join(lines) + "\n"


def code_cells(path: str | Path) -> list[str]:
    notebook = json.loads(Path(path).read_text(encoding="utf-8"))
    cells = []
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            source = cell.get("source", "")
            cells.append("".join(source) if isinstance(source, list) else str(source))
    return cells


def run_notebook(path: str | Path) -> dict[str, Any]:
    """Execute the code cells in order, in one namespace, the way a Jupyter kernel does.

    ipykernel runs every cell inside its one, always-running event loop: top-level ``await``
    works, ``asyncio.get_running_loop()`` succeeds in a plain cell (``aiohttp.ClientSession()``
    needs it), and ``asyncio.run()`` fails there. So every cell runs as a coroutine on one loop,
    which stays open afterwards as the thread's current loop: a driver continues the user's
    session with ``asyncio.get_event_loop().run_until_complete(...)``.
    """
    namespace: dict[str, Any] = {"__name__": "__main__"}
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    for index, cell in enumerate(code_cells(path)):
        source = _runnable(cell)
        filename = CELL_FILENAME.format(path=Path(path).resolve(), index=index)
        # Registered so that tracebacks show the cell's lines.
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        code = compile(source, filename, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        if code.co_flags & 0x80:  # CO_COROUTINE: the cell awaits at top level
            loop.run_until_complete(types.FunctionType(code, namespace)())
        else:
            loop.run_until_complete(_exec_in_loop(code, namespace))
    return namespace


async def _exec_in_loop(code: types.CodeType, namespace: dict[str, Any]) -> None:
    exec(code, namespace)
