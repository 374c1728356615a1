"""Per-file results and run totals; reports read these and nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import KIND_FIX, KIND_MANUAL, Finding

STATUS_CHANGED = "changed"
STATUS_UNCHANGED = "unchanged"
STATUS_ERROR = "error"
STATUS_CREATED = "created"
"""A file the run creates (the helper module): reported as new, never as a fix of a file."""


class SupportFile(NamedTuple):
    """A helper module a migrated file imports (see ``engine/placement.py``)."""

    display: str
    real: str
    rule: str
    template: str
    """``templates/<template>.py`` is its content."""
    state: str
    """``create``, ``update`` (an older helper is there) or ``present``."""


@dataclass
class FileResult:
    path: str
    status: str = STATUS_UNCHANGED
    findings: list[Finding] = field(default_factory=list)
    acknowledged: list[Finding] = field(default_factory=list)
    """The ``TODO(heygen2liveavatar)`` markers already in the file as read: open manual work
    left by an earlier run (kind ``manual``, positioned at the marker comment)."""
    error: str | None = None
    error_line: int = 0
    error_column: int = 0
    diff: str = ""
    diff_encoding: str | None = None
    """The file's encoding when it is not UTF-8: its diff is written in it, so that the lines
    ``git apply`` compares are the file's bytes."""
    written: bool = False
    source_lines: dict[int, str] = field(default_factory=dict)
    """The original text of the lines findings point at, for the text report's snippets
    (in write mode the file on disk has changed by the time the report is printed)."""
    support_files: list[SupportFile] = field(default_factory=list)
    """Helper modules the migrated file imports."""
    packages: list[str] = field(default_factory=list)
    """Distribution packages the migrated file needs at run time (declared by the run)."""
    support_created: list[str] = field(default_factory=list)
    """Real paths of the helper modules this file's worker created or updated (before writing
    the file)."""
    needs: tuple[str, ...] = ()
    """A partial run left this file unchanged: the files (as shown) its migration goes with."""
    pending: tuple[bytes, bytes] | None = None
    """A partial run's migrated file not written yet: (new content, content read)."""
    skipped: str | None = None
    """Why a path was left alone on purpose (a symbolic-link loop): not a file of the run,
    not an error; the command line notes it on standard error."""

    @property
    def reportable(self) -> bool:
        """Listed in reports: changed, created, has findings or markers, or failed."""
        return self.status != STATUS_UNCHANGED or bool(self.findings) or bool(self.acknowledged)

    @property
    def changes(self) -> bool:
        """Changed, or created by the run."""
        return self.status in (STATUS_CHANGED, STATUS_CREATED)

    @property
    def manual(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == KIND_MANUAL]

    @property
    def fixes(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == KIND_FIX]


@dataclass
class RunSummary:
    files_scanned: int = 0
    files_changed: int = 0
    files_created: int = 0
    fixes: int = 0
    manual: int = 0
    errors: int = 0
    acknowledged: int = 0
    per_rule: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, result: FileResult) -> None:
        if result.status != STATUS_CREATED:  # a file the run creates was not scanned
            self.files_scanned += 1
        if result.status == STATUS_CHANGED:
            self.files_changed += 1
        elif result.status == STATUS_CREATED:
            self.files_created += 1
        elif result.status == STATUS_ERROR:
            self.errors += 1
        for finding in result.findings:
            counts = self.per_rule.setdefault(finding.rule, {"fix": 0, "manual": 0})
            counts[finding.kind] += 1
            if finding.kind == KIND_FIX:
                self.fixes += 1
            else:
                self.manual += 1
        self.acknowledged += len(result.acknowledged)

    @property
    def open_manual(self) -> int:
        """Manual work left in the files: new manual findings plus markers already there."""
        return self.manual + self.acknowledged

    @property
    def exit_code(self) -> int:
        # A marker already in a file is manual work that remains (the contract's exit 1),
        # in every mode: `--check` fails until the last marker is resolved, like `todo`.
        if self.errors:
            return 2
        if self.files_changed or self.files_created or self.open_manual:
            return 1
        return 0

    def to_json(self) -> dict[str, int]:
        return {
            "files_scanned": self.files_scanned,
            "files_changed": self.files_changed,
            "fixes": self.fixes,
            "manual": self.manual,
            "errors": self.errors,
            # Extensions: files the run creates, and markers already in the files (open
            # manual work listed per file under `acknowledged`, counted apart from `manual`).
            "files_created": self.files_created,
            "acknowledged": self.acknowledged,
        }
