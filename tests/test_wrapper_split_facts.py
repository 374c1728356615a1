"""A module's request wrapper split into a LiveAvatar sibling, as the project facts predict it.

``engine/wrapper_split_facts.py`` reads with ``ast`` whether migrating a module writes
``_liveavatar_post`` beside its ``_post`` (``analysis/shared_wrappers.py``, LibCST): a module
importing ``_post`` calls the sibling only when it exists. The two readings must agree, or the
importer's migrated import fails.
"""

from __future__ import annotations

import ast

import pytest

from heygen2liveavatar import migrate_source
from heygen2liveavatar.engine.wrapper_split_facts import splits_for_liveavatar

HEAD = """import os

import requests

API_BASE = "https://api.heygen.com"
HEADERS = {"x-api-key": os.environ["HEYGEN_API_KEY"]}


def _post(path, body):
    r = requests.post(API_BASE + path, json=body, headers=HEADERS, timeout=30)
    r.raise_for_status()
    return r.json()["data"]
"""

VIDEO = """

def render(avatar_id):
    return _post("/v2/video/generate", {"video_inputs": [{"avatar_id": avatar_id}]})
"""

OPEN = """

def open_session(avatar_id):
    data = _post("/v1/streaming.new", {"avatar_id": avatar_id})
    _post("/v1/streaming.start", {"session_id": data["session_id"]})
    return data
"""

MODULES = {
    "video and streaming through the wrapper": (HEAD + VIDEO + OPEN, True),
    "streaming only: the base moves whole": (HEAD + OPEN, False),
    "video only: nothing to split": (HEAD + VIDEO, False),
    "a second wrapper on the base, sending no streaming path": (
        HEAD
        + VIDEO
        + OPEN
        + """

def _get(path, **params):
    return requests.get(API_BASE + path, params=params, headers=HEADERS).json()["data"]


def status(video_id):
    return _get("/v1/video_status.get", video_id=video_id)
""",
        True,
    ),
    "a second wrapper on the base sending a streaming path": (
        HEAD
        + VIDEO
        + OPEN
        + """

def _get(path, **params):
    return requests.get(API_BASE + path, params=params, headers=HEADERS).json()["data"]


def sessions():
    return _get("/v1/streaming.list")
""",
        True,  # each wrapper the streaming calls go through gets its sibling
    ),
    "the base also in a streaming URL of its own": (
        HEAD
        + VIDEO
        + OPEN
        + """

def stop(session_id):
    requests.post(f"{API_BASE}/v1/streaming.stop", json={"session_id": session_id}, headers=HEADERS)
""",
        False,
    ),
    "headers built inside the wrapper": (
        HEAD.replace(
            "    r = requests.post(API_BASE + path, json=body, headers=HEADERS, timeout=30)",
            "    headers = {**HEADERS, 'Content-Type': 'application/json'}\n"
            "    r = requests.post(API_BASE + path, json=body, headers=headers, timeout=30)",
        )
        + VIDEO
        + OPEN,
        False,
    ),
}


@pytest.mark.parametrize("name", list(MODULES))
def test_the_facts_predict_the_split_the_migration_makes(name: str) -> None:
    source, expected = MODULES[name]
    tree = ast.parse(source)
    wrapper = next(s for s in tree.body if isinstance(s, ast.FunctionDef) and s.name == "_post")
    predicted = splits_for_liveavatar(wrapper, tree)
    migrated = migrate_source(source, filename="api.py").code
    assert predicted is expected
    assert ("def _liveavatar_post(" in migrated) is expected


def test_the_paths_of_importers_count_too() -> None:
    """``utils.py`` calls its wrapper nowhere; ``live.py`` sends streaming paths through it,
    ``videos.py`` a video path: together they split it (``ProjectFacts.split_wrappers``)."""
    from heygen2liveavatar.engine.wrapper_split_facts import (
        imported_call_kinds,
        split_kinds,
        splits,
    )

    tree = ast.parse(
        HEAD.replace('return r.json()["data"]', 'body = r.json()\n    return body.get("data")')
    )
    wrapper = next(s for s in tree.body if isinstance(s, ast.FunctionDef) and s.name == "_post")
    own = split_kinds(wrapper, tree)
    live = imported_call_kinds(ast.parse("from .api import _post\n" + OPEN), {"_post"})
    videos = imported_call_kinds(ast.parse("from .api import _post\n" + VIDEO), {"_post"})
    assert (own, live, videos) == ("", {"_post": "s"}, {"_post": "o"})
    assert splits(own, live["_post"] + videos["_post"])
    assert not splits(own, live["_post"])
    assert not splits("-", "so")


def test_an_imported_instance_method_is_keyed_by_instance_and_method() -> None:
    """``heygen = HeyGen(key)`` whose ``post`` sends on the class attribute ``BASE``:
    ``heygen.post``, called with a streaming path by one importer and a video path by
    another; a method building its headers from a local is not split."""
    from heygen2liveavatar.engine.wrapper_split_facts import (
        imported_call_kinds,
        instance_method_kinds,
    )

    client = """import requests


class HeyGen:
    BASE = "https://api.heygen.com"

    def __init__(self, key):
        self.headers = {"X-Api-Key": key}

    def post(self, path, payload):
        return requests.post(self.BASE + path, json=payload, headers=self.headers).json()

    def local(self, path, payload):
        headers = {**self.headers, "Accept": "application/json"}
        return requests.post(self.BASE + path, json=payload, headers=headers).json()


heygen = HeyGen("k")
"""
    assert instance_method_kinds(ast.parse(client)) == {"heygen.post": ""}
    live = 'from .client import heygen\nheygen.post("/v1/streaming.new", {})\n'
    assert imported_call_kinds(ast.parse(live), {"heygen"}) == {"heygen.post": "s"}


FOREIGN = '''"""HeyGen calls."""
import httpx

from .settings import settings
from .auth import build_headers


def heygen_request(method, path, **kwargs):
    url = settings.API_BASE + path
    return httpx.request(method, url, headers=build_headers(), **kwargs).json()["data"]
'''

FOREIGN_MODULES = {
    "a base read on an imported settings object": (FOREIGN, True),
    "an f-string on an imported module's constant": (
        FOREIGN.replace("url = settings.API_BASE + path", 'url = f"{settings.API_BASE}{path}"'),
        True,
    ),
    "headers built from a local": (
        FOREIGN.replace("headers=build_headers()", "headers=dict(kwargs)"),
        False,
    ),
    "a base of the wrapper's own": (
        FOREIGN.replace("url = settings.API_BASE + path", "url = base + path").replace(
            "(method, path, **kwargs)", "(method, path, base, **kwargs)"
        ),
        False,
    ),
    "a streaming path sent by its own module": (
        FOREIGN + '\n\ndef stop(sid):\n    heygen_request("POST", "/v1/streaming.stop", json={})\n',
        False,
    ),
}


@pytest.mark.parametrize("name", list(FOREIGN_MODULES))
def test_a_wrapper_on_another_modules_base_splits_as_predicted(name: str) -> None:
    """``heygen_request`` joining ``settings.API_BASE`` (a settings module's base) with its
    callers' paths, called by importers for streaming and video: the facts
    (``foreign_base_request``) and the migration (``analysis.shared_wrappers.
    foreign_base_split``) agree on whether ``liveavatar_request`` is written."""
    from heygen2liveavatar.engine.transform import migrate_text
    from heygen2liveavatar.engine.wrapper_split_facts import split_kinds, splits
    from heygen2liveavatar.model import ProjectFacts
    from heygen2liveavatar.rules import ALL_RULES

    source, expected = FOREIGN_MODULES[name]
    tree = ast.parse(source)
    wrapper = next(s for s in tree.body if isinstance(s, ast.FunctionDef))
    predicted = splits(split_kinds(wrapper, tree, foreign_base=True), "so")
    assert predicted is expected
    assert split_kinds(wrapper, tree) == "-"  # a module the run does not migrate: never
    project = ProjectFacts(uses_streaming=True, split_wrappers=frozenset({"heygen_request"}))
    migrated = migrate_text(source, "api.py", ALL_RULES, project=project).code
    if expected:
        assert "def liveavatar_request(" in migrated
        assert "liveavatar_bridge.liveavatar_url(settings.API_BASE)" in migrated


def test_a_path_after_a_literal_method_counts() -> None:
    from heygen2liveavatar.engine.wrapper_split_facts import imported_call_kinds

    live = (
        'from .http import heygen_request\nheygen_request("POST", "/v1/streaming.new", json={})\n'
    )
    video = 'from .http import heygen_request\nheygen_request("GET", "/v1/video_status.get")\n'
    assert imported_call_kinds(ast.parse(live), {"heygen_request"}) == {"heygen_request": "s"}
    assert imported_call_kinds(ast.parse(video), {"heygen_request"}) == {"heygen_request": "o"}


SETTINGS_WRAPPER = """
import httpx

from studio import config
from .auth import build_headers


def heygen_post(path, payload):
    r = httpx.post(f"{config.BASE_URL}{path}", json=payload, headers={"X-Api-Key": config.API_KEY})
    return r.json()["data"]


def heygen_get(path):
    url = settings.API_BASE + path
    r = httpx.get(url, headers=build_headers())
    return r.json()["data"]
"""


def test_a_wrapper_on_a_settings_base_names_the_base_and_key_it_reads() -> None:
    """The settings module's rules learn that the split happens in the wrapper's module."""
    from heygen2liveavatar.engine.wrapper_split_facts import foreign_settings_reads
    from heygen2liveavatar.model import BASE_READ, HELPER_KEY, KEY_READ, ProjectFacts

    tree = ast.parse(
        SETTINGS_WRAPPER.replace("from .auth", "from ..settings import settings\nfrom .auth")
    )
    functions = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)}
    assert foreign_settings_reads(functions["heygen_post"], tree) == [
        "base:studio.config.BASE_URL",
        "key:studio.config.API_KEY",
    ]
    assert foreign_settings_reads(functions["heygen_get"], tree) == [
        "base:settings.settings.API_BASE",
        "key:settings.settings.*",
    ]
    facts = ProjectFacts(
        True,
        True,
        frozenset(),
        frozenset(),
        split_wrapper_settings=frozenset(
            ["base:studio.config.BASE_URL", "key:studio.config.API_KEY", "key:settings.settings.*"]
        ),
    )
    assert facts.split_setting(BASE_READ, "app.studio.config", "BASE_URL")
    assert facts.split_setting(KEY_READ, "app.studio.config", "API_KEY")
    assert not facts.split_setting(KEY_READ, "app.studio.config", "BASE_URL")
    assert not facts.split_setting(BASE_READ, "app.other.config", "BASE_URL")
    assert facts.split_setting(KEY_READ, "presenter.settings", HELPER_KEY)
