"""Per-file results and run totals; reports read these and nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import KIND_FIX, KIND_MANUAL, Finding

STATUS_CHANGED = "changed"
STATUS_UNCHANGED = "unchanged"
STATUS_ERROR = "error"


@dataclass
class FileResult:
    path: str
    status: str = STATUS_UNCHANGED
    findings: list[Finding] = field(default_factory=list)
    acknowledged: list[Finding] = field(default_factory=list)
    error: str | None = None
    error_line: int = 0
    diff: str = ""
    written: bool = False
    support_files: list[tuple[str, str, str]] = field(default_factory=list)
    """(display path, real path, rule code) of helper modules the migrated file imports."""
    support_created: list[str] = field(default_factory=list)
    """Real paths of the helper modules this file's worker created (before writing the file)."""
    skipped: str | None = None
    """Why a path was left alone on purpose (a symbolic-link loop): not a file of the run,
    not an error; the command line notes it on standard error."""

    @property
    def reportable(self) -> bool:
        """Listed in reports: changed, has findings, or failed."""
        return self.status != STATUS_UNCHANGED or bool(self.findings)

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
    fixes: int = 0
    manual: int = 0
    errors: int = 0
    acknowledged: int = 0
    per_rule: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, result: FileResult) -> None:
        self.files_scanned += 1
        if result.status == STATUS_CHANGED:
            self.files_changed += 1
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
    def exit_code(self) -> int:
        if self.errors:
            return 2
        if self.files_changed or self.manual:
            return 1
        return 0

    def to_json(self) -> dict[str, int]:
        return {
            "files_scanned": self.files_scanned,
            "files_changed": self.files_changed,
            "fixes": self.fixes,
            "manual": self.manual,
            "errors": self.errors,
        }
