"""H2L914: a notebook cell that mentions HeyGen but could not be migrated automatically."""

from __future__ import annotations

from .inventory import LineIndex, TextFinding, TextScanRule


class NotebookCellSkippedRule(TextScanRule):
    code = "H2L914"
    name = "notebook-cell-skipped"
    summary = "A notebook code cell that mentions HeyGen was left unchanged: it is not Python the tool can parse."
    example_path = "demo.ipynb"
    example_language = "python"
    description = """
Notebook code cells are migrated like a Python module (all code cells together, so names defined
in one cell are known in the next). IPython syntax is set aside first and restored untouched:
line magics (`%time`, `%env`), shell escapes (`!pip install ...`, `files = !ls`), help
(`obj?`) and cell magics whose body is Python (`%%time`, `%%capture`; `%%writefile x.py` bodies
are migrated as their own module). Cells in another language (`%%bash`, `%%javascript`, `%%html`,
Markdown) are scanned by the inventory rules instead.

This rule reports a code cell that still cannot be parsed as Python (a syntax error, or IPython
syntax the tool does not know) but mentions HeyGen or streaming: the other cells are migrated,
this one is left exactly as it was for a person to port. Reported by the notebook processor, at
the cell's first line; there is nothing to scan in other files.
"""
    example_before = """
# the only code cell of demo.ipynb: `print` without parentheses is Python 2
print "stopping", requests.post("https://api.heygen.com/v1/streaming.stop", json=body)
"""
    example_after = example_before

    def scan(self, kind: str, text: str, lines: LineIndex) -> list[TextFinding]:
        return []

    @classmethod
    def docs(cls) -> str:
        # Positions are in the JSON text (here nbformat's layout, indent 1); the reason is
        # Python's own syntax error message.
        reported = (
            f"{cls.example_path}:10:6: {cls.code} [manual] cell 1, line 2: not migrated: "
            "syntax error: Missing parentheses in call to 'print'. Did you mean print(...)?; "
            "port this cell by hand"
        )
        return (
            f"# {cls.code} {cls.name}\n\n{cls.summary}\n\n"
            f"## What it does\n\n{cls.description.strip()}\n\n"
            f"## Example\n\n```python\n{cls.example_before.strip()}\n```\n\n"
            f"Reported (the cell is left unchanged):\n\n```text\n{reported}\n```\n\n"
            "## Fix safety\n\nNo automatic fix: the cell is not Python the tool can parse.\n\n"
            f"Applies to: {cls.applies_to}.\n"
        )
