"""Modules naming no HeyGen word that send a URL constant of another project module
(``engine/walk.imports_url_constant``): admitted by the project's facts, which know the
constant's text (``ProjectFacts.url_constants``)."""

from __future__ import annotations

import pytest

from heygen2liveavatar.engine.walk import (
    admitted_by_project,
    imports_url_constant,
    may_send_imported_constant,
)
from heygen2liveavatar.model import ProjectFacts

PROJECT = ProjectFacts(
    url_constants=(
        ("p.app.urls", "NEW_URL", "https://api.heygen.com/v1/streaming.new"),
        ("p.app.urls", "Paths.START", "https://api.heygen.com/v1/streaming.start"),
        ("p.app.urls", "ENDPOINTS[task]", "https://api.heygen.com/v1/streaming.task"),
    )
)


@pytest.mark.parametrize(
    "source",
    [
        b"from .urls import NEW_URL\nrequests.post(NEW_URL, json=b)\n",
        b"from app.urls import (\n    DEBUG,\n    NEW_URL as NEW,\n)\npost(NEW)\n",
        b"from . import urls\nrequests.post(urls.NEW_URL)\n",
        b"import app.urls as u\nu.NEW_URL\n",
        b"from .urls import *\nsend(NEW_URL)\n",
        b"from .urls import Paths\nhttp.post(Paths.START)\n",
        b"from .urls import ENDPOINTS\nhttp.post(ENDPOINTS['task'])\n",
    ],
)
def test_importers_of_a_url_constant_are_admitted(source: bytes) -> None:
    assert imports_url_constant("p/app/avatar.py", source, PROJECT)
    assert admitted_by_project("p/app/avatar.py", source, PROJECT)


@pytest.mark.parametrize(
    "source",
    [
        b"from .settings import NEW_URL\nrequests.post(NEW_URL)\n",  # another module's name
        b"from .urls import STOP_URL\nrequests.post(STOP_URL)\n",  # no streaming URL known
        b"NEW_URL = 'https://example.com'\nrequests.post(NEW_URL)\n",  # its own
        b"from . import settings\nsettings.NEW_URL\n",
    ],
)
def test_other_modules_are_not(source: bytes) -> None:
    assert not imports_url_constant("p/app/avatar.py", source, PROJECT)
    assert not imports_url_constant("p/app/notes.txt", source, PROJECT)
    assert not imports_url_constant("p/app/avatar.py", source, ProjectFacts())


def test_the_byte_test_of_a_partial_run() -> None:
    """Which modules a partial run reads its project's facts for: an upper-case name first
    in a call or given as ``url=``, in a module that imports something."""
    assert may_send_imported_constant(b"from .urls import NEW_URL\npost(NEW_URL, json=b)\n")
    assert may_send_imported_constant(b"from . import urls\nget(url=urls.NEW_URL)\n")
    assert may_send_imported_constant(b"from .urls import Paths\nhttp.post(Paths.NEW)\n")
    assert not may_send_imported_constant(b"post(NEW_URL)\n")  # imports nothing
    assert not may_send_imported_constant(b"import os\nprint(Path('x'))\n")
