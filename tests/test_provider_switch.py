"""Recognising a provider switch in the module that chooses (``analysis/provider_switch.py``);
the whole-project behaviour is in ``tests/fixtures_projects/`` (``test_project_fixtures.py``)."""

from __future__ import annotations

import ast
import os
import textwrap

import pytest

from heygen2liveavatar.analysis.provider_switch import choices, kept_backends

HEYGEN = (1, "heygen", "HeyGenProvider")
LIVEAVATAR = (1, "liveavatar", "LiveAvatarProvider")
IMPORTS = """
from .heygen import HeyGenProvider
from .liveavatar import LiveAvatarProvider
"""


def _choices(code: str) -> list:
    return choices(ast.parse(textwrap.dedent(code)))


@pytest.mark.parametrize(
    "chooser",
    [
        'PROVIDERS = {"heygen": HeyGenProvider, "liveavatar": LiveAvatarProvider}',
        "Provider = HeyGenProvider if legacy else LiveAvatarProvider",
        "if legacy:\n    provider = HeyGenProvider()\nelse:\n    provider = LiveAvatarProvider()",
        "def make(name):\n    if name == 'heygen':\n        return HeyGenProvider()\n"
        "    return LiveAvatarProvider()",
        "match name:\n    case 'heygen':\n        p = HeyGenProvider()\n"
        "    case _:\n        p = LiveAvatarProvider()",
    ],
    ids=["dict", "conditional", "if-else", "early-return", "match"],
)
def test_two_providers_chosen_between(chooser: str) -> None:
    assert _choices(IMPORTS + chooser) == [(HEYGEN, LIVEAVATAR)]


def test_imports_in_the_branches() -> None:
    code = """
    if settings.PROVIDER == "heygen":
        from .heygen_backend import HeyGenBackend as Backend
    else:
        from .liveavatar_backend import LiveAvatarBackend as Backend
    """
    assert _choices(code) == [
        ((1, "heygen_backend", "HeyGenBackend"), (1, "liveavatar_backend", "LiveAvatarBackend"))
    ]


@pytest.mark.parametrize(
    "code",
    [
        # Both used one after the other: steps of one flow, not alternatives.
        IMPORTS + "def run():\n    HeyGenProvider().stop()\n    LiveAvatarProvider().start()",
        # Alternatives that play different roles: a project migrated one module at a time.
        "from .heygen_tasks import speak\nfrom .liveavatar_session import close_session\n"
        "if stop:\n    close_session(s)\nelse:\n    speak(s)",
        # Two HeyGen modules chosen between: no LiveAvatar side.
        "from .heygen_v1 import Provider as Old\nfrom .heygen_v2 import Provider as New\n"
        "P = {'old': Old, 'new': New}",
    ],
    ids=["sequential", "different-roles", "no-liveavatar-side"],
)
def test_not_a_switch(code: str) -> None:
    assert _choices(code) == []


def test_the_kept_backend_is_the_heygen_module_the_switch_imports(tmp_path) -> None:
    package = tmp_path / "providers"
    switch = str(package / "__init__.py")
    backend = str(package / "heygen.py")
    other = str(tmp_path / "elsewhere" / "heygen.py")  # same name, not the one imported
    kept = kept_backends({switch: [(HEYGEN, LIVEAVATAR)]}, [backend, other])
    assert list(kept) == [os.path.realpath(backend)]
    assert (
        "`providers/__init__.py` chooses between it and `LiveAvatarProvider`"
        in kept[os.path.realpath(backend)]
    )
