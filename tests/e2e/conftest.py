"""One set of stand-ins per test session (reset between phases by ``StandIns.begin``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from harness import StandIns


@pytest.fixture(scope="session")
def standins(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StandIns]:
    servers = StandIns(tmp_path_factory.mktemp("standins")).start()
    try:
        yield servers
    finally:
        servers.stop()


# A corpus project may carry tests of its own (``project/tests/test_*.py``): they belong to the
# program the corpus runs, not to this suite.
collect_ignore_glob = ["corpus/*"]
