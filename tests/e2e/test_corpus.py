"""Every corpus case runs before migration and, migrated, does the same (tests/e2e/README.md).

A case spends most of its time waiting on its subprocesses (two drivers, two migrations), so
the selected cases run a few at a time (``E2E_PARALLEL``, default 3), each thread with stand-ins
of its own; each test then reports its own case's verdict, in the usual order.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from harness import Case, StandIns
from harness.verdict import CaseFailure, run_case

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p.parent for p in CORPUS.glob("*/case.toml"))
PARALLEL = max(1, int(os.environ.get("E2E_PARALLEL", "3")))

pytestmark = pytest.mark.e2e


class _Verdicts:
    """The verdicts of the session's selected cases, computed ahead by a thread pool."""

    def __init__(self, cases: list[Path], factory: pytest.TempPathFactory) -> None:
        self._factory = factory
        factory.getbasetemp()  # created lazily, and not thread-safe: once, here
        self._local = threading.local()
        self._lock = threading.Lock()
        self._standins: list[StandIns] = []
        self._pool = ThreadPoolExecutor(PARALLEL, thread_name_prefix="e2e-case")
        self._futures: dict[Path, Future[str | None]] = {
            case_dir: self._pool.submit(self._verdict, case_dir) for case_dir in cases
        }

    def _directory(self, name: str) -> Path:
        with self._lock:  # the factory's counters are not thread-safe
            return self._factory.mktemp(name)

    def _own_standins(self) -> StandIns:
        standins: StandIns | None = getattr(self._local, "standins", None)
        if standins is None:
            standins = StandIns(self._directory("standins")).start()
            self._local.standins = standins
            with self._lock:
                self._standins.append(standins)
        return standins

    def _verdict(self, case_dir: Path) -> str | None:
        """``None`` when the case keeps its promise, else the failure report."""
        try:
            run_case(Case.load(case_dir), self._own_standins(), self._directory(case_dir.name))
        except CaseFailure as failure:
            return str(failure)
        return None

    def of(self, case_dir: Path) -> str | None:
        future = self._futures.get(case_dir)
        if future is None:  # not among the cases collected first (cannot happen in a run)
            future = self._pool.submit(self._verdict, case_dir)
            self._futures[case_dir] = future
        return future.result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        for standins in self._standins:
            standins.stop()


@pytest.fixture(scope="module")
def verdicts(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[_Verdicts]:
    selected = [
        item.callspec.params["case_dir"]
        for item in request.session.items
        if item.module is request.module and hasattr(item, "callspec")
    ]
    computed = _Verdicts(selected, tmp_path_factory)
    try:
        yield computed
    finally:
        computed.close()


@pytest.mark.parametrize("case_dir", CASES, ids=[p.name for p in CASES])
def test_case(case_dir: Path, verdicts: _Verdicts, request: pytest.FixtureRequest) -> None:
    case = Case.load(case_dir)
    if case.known_failure:
        request.applymarker(pytest.mark.xfail(reason=case.known_failure, strict=True))
    failure = verdicts.of(case_dir)
    if failure is not None:
        # pytrace=False: the report is the useful part, not this module's assert lines.
        pytest.fail(failure, pytrace=False)
