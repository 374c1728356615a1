"""A progress bar on standard error for runs long enough to want one.

Shown only when standard error is a terminal (``TERM`` not ``dumb``) and ``--quiet`` is off,
and only once a run has lasted :data:`SHOW_AFTER` seconds: quick runs (a pre-commit hook on a
few files) never import rich and never flicker. It counts files in two phases, the pre-filter
scan of every file and then the migration of the candidates, each as done/total, a rate, the
time elapsed and an estimate of the time remaining.

The bar refreshes from the runner's callbacks, never from a thread (the runner forks worker
processes, and forking with a live drawing thread can deadlock the children). While it is on
screen, report lines written to standard error, or to standard output when that is the same
terminal, are printed above it (through rich's console, as rich's own stdout redirection
does) so they never tear the bar; other streams are left alone.
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from ..engine.discovery import DiscoveryError, SourceFile
    from ..engine.results import FileResult
    from ..engine.runner import ProjectScope, RunOptions

SHOW_AFTER = 0.5
"""Seconds a run must last before the bar appears."""
REFRESH_EVERY = 0.1
"""Seconds between redraws (the scan reports thousands of files per second)."""


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):  # closed or not a real stream
        return False


def _same_terminal(first: IO[str], second: IO[str]) -> bool:
    try:
        if not (first.isatty() and second.isatty()):
            return False
        return os.path.samestat(os.fstat(first.fileno()), os.fstat(second.fileno()))
    except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
        return False


class _Routed(io.TextIOBase):
    """A stream that writes through the bar's console while the bar is on screen."""

    def __init__(self, stream: IO[str], bar: ProgressBar) -> None:
        super().__init__()
        self.stream = stream
        self._bar = bar
        self._pending = ""

    def write(self, text: str) -> int:
        if self._bar.live is None:
            self.stream.write(text)
            return len(text)
        lines, newline, self._pending = (self._pending + text).rpartition("\n")
        if newline:
            self._bar.print_above(lines)
        return len(text)

    def drain(self) -> None:
        """Write what was held back (a partial line) to the real stream."""
        if self._pending:
            self.stream.write(self._pending)
            self._pending = ""
        self.stream.flush()

    def flush(self) -> None:
        if self._bar.live is None:
            self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", None) or "utf-8"


class ProgressBar:
    """Files done / total and files per second, for the scan and then the migration."""

    def __init__(self, out: IO[str], err: IO[str]) -> None:
        self.out = out
        self.err = err
        self.live: Progress | None = None
        self._task: TaskID | None = None
        self._routed: list[_Routed] = []
        self._started = time.monotonic()
        self._last_draw = 0.0
        self._phase = ""
        self._done = 0
        self._total: int | None = None

    @classmethod
    def maybe(cls, out: IO[str], err: IO[str], quiet: bool) -> ProgressBar | None:
        """A bar for this run, or ``None`` when it must stay silent."""
        if quiet or not _is_terminal(err):
            return None
        return cls(out, err)

    def wrap(self, stream: IO[str]) -> IO[str]:
        """``stream``, routed above the bar when it writes to the bar's terminal."""
        if stream is not self.err and not _same_terminal(stream, self.err):
            return stream
        routed = _Routed(stream, self)
        self._routed.append(routed)
        return cast(IO[str], routed)

    def run(
        self,
        items: Iterable[SourceFile | DiscoveryError],
        options: RunOptions,
        scope: ProjectScope | None = None,
    ) -> Iterator[FileResult]:
        """The runner's results, with the bar following them; it is removed when they end."""
        from ..engine.runner import run

        listed = list(items)  # the walk is quick next to reading files; it gives the total
        self._total = len(listed)
        try:
            yield from run(
                listed, options, on_scanned=self.scanned, on_migrated=self.migrated, scope=scope
            )
        finally:
            self.close()

    # Callbacks ------------------------------------------------------------------------
    def scanned(self, count: int) -> None:
        self._update("scanning", count, self._total)

    def migrated(self, done: int, total: int) -> None:
        if total:  # nothing passed the pre-filter: there is no second phase to show
            self._update("migrating", done, total)

    def _update(self, phase: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        new_phase = phase != self._phase
        self._phase, self._done, self._total = phase, done, total
        if self.live is None:
            if now - self._started < SHOW_AFTER:
                return
            self._show()
        elif not new_phase and done != total and now - self._last_draw < REFRESH_EVERY:
            return
        self._draw(now, new_phase)

    # Drawing --------------------------------------------------------------------------
    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.text import Text

        class RateColumn(ProgressColumn):
            def render(self, task: Any) -> Text:
                speed = task.finished_speed or task.speed
                return Text(f"{speed:,.0f} files/s" if speed else "", style="progress.data.speed")

        console = Console(file=self.err)
        self.live = Progress(
            TextColumn("{task.description:<9}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files"),
            RateColumn(),
            TimeElapsedColumn(),
            # The estimate rich derives from the recent rate; the scan phase is quick, so
            # it mostly estimates the migration, the phase people wait for.
            TextColumn("eta"),
            TimeRemainingColumn(),
            console=console,
            auto_refresh=False,
            transient=True,
            # Not sys.stdout/sys.stderr: a piped stdout must stay a pipe, and forked workers
            # must not inherit a proxy that draws on the terminal.
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self.live.start()
        self._task = self.live.add_task(self._phase, total=self._total)

    def _draw(self, now: float, new_phase: bool) -> None:
        assert self.live is not None and self._task is not None
        if new_phase:
            self.live.reset(self._task, description=self._phase, total=self._total)
        self.live.update(self._task, completed=self._done, total=self._total)
        self.live.refresh()
        self._last_draw = now

    def print_above(self, text: str) -> None:
        assert self.live is not None
        from rich.text import Text

        self.live.console.print(Text.from_ansi(text), soft_wrap=True, highlight=False)

    def close(self) -> None:
        live, self.live = self.live, None
        if live is not None:
            live.stop()
        for routed in self._routed:
            routed.drain()


__all__ = ["ProgressBar"]
