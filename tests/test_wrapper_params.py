"""Request wrappers' URL and method parameters, read from the wrapper's code.

``api(method, endpoint, payload)`` is called ``api("POST", "streaming.new", {...})``: the
endpoint is the second argument because the wrapper builds its URL from ``endpoint``, not
because of where it stands. The LibCST reading (module being migrated) and the ``ast`` one
(project facts, wrappers of other modules) must agree.
"""

from __future__ import annotations

import ast
import io
import os
from pathlib import Path

import libcst as cst
import pytest

from heygen2liveavatar.analysis.wrapper_params import definition_parameters
from heygen2liveavatar.cli.run import MigrateRequest, run_migrate
from heygen2liveavatar.engine.project_facts import FileFacts, file_facts
from heygen2liveavatar.engine.wrapper_facts import wrapper_parameters

WRAPPERS = [
    (
        "def api(method, endpoint, payload=None):\n"
        "    return requests.request(method, f'{ROOT}/v1/{endpoint}', json=payload)\n",
        [("url", "endpoint", 1), ("method", "method", 0)],
    ),
    (
        # the URL through a local variable; ``self`` is not counted
        "def _kb(self, verb, suffix=''):\n"
        "    url = KB + '/' + suffix if suffix else KB\n"
        "    return self.session.request(method=verb, url=url)\n",
        [("url", "suffix", 1), ("method", "verb", 0)],
    ),
    (
        # ``self.base`` is an attribute: a parameter named ``base`` is not the URL
        "def post(self, token, base, path, *, timeout=3):\n"
        "    return httpx.post(self.base + path, headers={'a': token}, timeout=timeout)\n",
        [("url", "path", 2)],
    ),
    (
        # an endpoint table looked up by the parameter: the key, not the URL itself
        "def _call(self, name, **payload):\n"
        "    url = self.BASE_URL + self.ENDPOINTS[name]\n"
        "    return self.http.post(url, json=payload)\n",
        [("key of ENDPOINTS", "name", 0)],
    ),
    (
        # the headers its caller passes: ``self._post(path, body, self._bearer(token))``
        "def _post(self, path, body, headers):\n"
        "    return requests.post(f'{BASE}/{path}', json=body, headers=headers).json()\n",
        [("url", "path", 0), ("headers", "headers", 2)],
    ),
    (
        # headers passed on by a function that builds no URL: not a wrapper
        "def fetch(headers):\n    return requests.get(STATUS_URL, headers=headers)\n",
        [],
    ),
    (
        # no HTTP call of its own: nothing is known
        "def send(method, endpoint):\n    return other(method, endpoint)\n",
        [],
    ),
    (
        # a mapping's ``get``: no request keyword, no client, no URL built or named
        "def add_extension(module, name, code):\n"
        "    key = (module, name)\n"
        "    if registry.get(key) == code and inverted.get(ord(code)) == key:\n"
        "        return\n",
        [],
    ),
    (
        # ``get`` on a client-like receiver, a parameter named like a path
        "def _get(self, path):\n    return self.session.get(path).json()\n",
        [("url", "path", 0)],
    ),
    (
        # ``get`` of a URL built from a parameter named nothing like one
        "def fetch(self, name):\n    return self.s.get(f'{BASE}/{name}').json()\n",
        [("url", "name", 0)],
    ),
    (
        # a method family looked up by name, not an HTTP verb chosen at run time
        "def repr1(self, x, level):\n"
        "    return getattr(self, 'repr_' + type(x).__name__)(x, level)\n",
        [],
    ),
]


@pytest.mark.parametrize(("source", "expected"), WRAPPERS)
def test_libcst_and_ast_readings_agree(source: str, expected: list[tuple[str, str, int]]) -> None:
    definition = cst.parse_module(source).body[0]
    assert isinstance(definition, cst.FunctionDef)
    function = ast.parse(source).body[0]
    assert isinstance(function, ast.FunctionDef)
    assert sorted(definition_parameters(definition)) == sorted(expected)
    assert sorted(wrapper_parameters(function)) == sorted(expected)


def test_file_facts_keep_wrapper_parameters_through_the_cache_format() -> None:
    facts = file_facts(b"import requests\n" + WRAPPERS[0][0].encode())
    assert facts.wrapper_parameters == {"api": [("url", "endpoint", 1), ("method", "method", 0)]}
    assert FileFacts.from_json(facts.to_json()) == facts


CLIENT = """import os

import requests


def api(method, endpoint, payload=None):
    resp = requests.request(
        method,
        f"https://api.heygen.com/v1/{endpoint}",
        headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
        json=payload,
    )
    resp.raise_for_status()
    return resp.json()
"""

APP = """from client import api


def say(session_id, text):
    api("POST", "streaming.task", {"session_id": session_id, "text": text})
"""


def test_a_wrapper_of_another_module_takes_its_endpoint_where_its_code_says(
    tmp_path: Path,
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "client.py").write_text(CLIENT, encoding="utf-8")
    (tmp_path / "app.py").write_text(APP, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        run_migrate(MigrateRequest(paths=["."], mode="write", jobs=1), out=out, err=err)
    finally:
        os.chdir(cwd)
    app = (tmp_path / "app.py").read_text(encoding="utf-8")
    assert 'liveavatar_bridge.emit(session_id, "avatar.speak_text", text=text)' in app, (
        app + out.getvalue() + err.getvalue()
    )


BASE = """import requests


class BaseAvatarClient:
    def __init__(self, api_key):
        self.api_key = api_key
        self.http = requests.Session()

    def _call(self, name, **payload):
        url = self.BASE_URL + self.ENDPOINTS[name]
        resp = self.http.post(url, json=payload, headers={"X-Api-Key": self.api_key})
        resp.raise_for_status()
        return resp.json()["data"]
"""

VENDOR = """import os

from base import BaseAvatarClient


class Vendor(BaseAvatarClient):
    BASE_URL = "https://api.heygen.com"
    ENDPOINTS = {"say": "/v1/streaming.task", "bye": "/v1/streaming.stop"}

    def say(self, session_id, text):
        self._call("say", session_id=session_id, text=text, task_type="repeat")

    def bye(self, session_id):
        self._call("bye", session_id=session_id)


def client():
    return Vendor(os.environ["HEYGEN_API_KEY"])
"""


def test_a_base_class_without_heygen_words_sends_its_subclass_table_entries(
    tmp_path: Path,
) -> None:
    """``base.py`` names no HeyGen endpoint (the pre-filter skips it), yet its ``_call`` is the
    wrapper whose URL is the caller's ``ENDPOINTS`` entry: the facts scan reads it."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "base.py").write_text(BASE, encoding="utf-8")
    (tmp_path / "vendor.py").write_text(VENDOR, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        run_migrate(MigrateRequest(paths=["."], mode="write", jobs=1), out=out, err=err)
    finally:
        os.chdir(cwd)
    vendor = (tmp_path / "vendor.py").read_text(encoding="utf-8")
    report = vendor + out.getvalue() + err.getvalue()
    assert 'liveavatar_bridge.emit(session_id, "avatar.speak_text", text=text)' in vendor, report
    assert '"bye": "/v1/sessions/stop"' in vendor, report
    assert '"say"' not in vendor.split("def say")[0], report  # the task entry went with its call
    assert (tmp_path / "base.py").read_text(encoding="utf-8") == BASE


def test_a_partial_run_reads_the_base_class_wrapper_on_every_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hook run given only ``vendor.py`` reads ``base.py`` for its facts; the stat cache,
    which lets later runs skip unchanged files without HeyGen usage, must not skip the file
    whose wrapper the run needs (the second run migrates as the first)."""
    monkeypatch.setenv("HEYGEN2LIVEAVATAR_CACHE_DIR", str(tmp_path / "cache"))
    project = tmp_path / "project"
    project.mkdir()
    (project / ".git").mkdir()
    (project / "base.py").write_text(BASE, encoding="utf-8")
    (project / "vendor.py").write_text(VENDOR, encoding="utf-8")
    monkeypatch.chdir(project)
    diffs = []
    for _ in range(2):
        out, err = io.StringIO(), io.StringIO()
        run_migrate(MigrateRequest(paths=["vendor.py"], mode="diff", jobs=1), out=out, err=err)
        diffs.append(out.getvalue())
    assert 'liveavatar_bridge.emit(session_id, "avatar.speak_text", text=text)' in diffs[0], diffs
    assert diffs[1] == diffs[0]


def test_an_assignment_is_no_body_argument() -> None:
    """``data = input.read()`` is not a request sending ``input`` as its body."""
    source = (
        b"import requests\n"
        b"def encode(input, output):\n"
        b"    data = input.read()\n"
        b"    output.write(data)\n"
        b"def post(url, payload):\n"
        b"    return requests.post(url, json=payload)\n"
    )
    assert file_facts(source).wrappers == {"post": ("payload", 1)}


def test_a_body_serialised_into_a_local_first_is_the_body() -> None:
    """``data = json.dumps(payload).encode()`` then ``Request(url, data=data)``: ``payload``."""
    source = (
        b"import json\nimport urllib.request\n"
        b"def _request(method, path, payload=None):\n"
        b"    data = json.dumps(payload).encode() if payload is not None else None\n"
        b"    req = urllib.request.Request(BASE + path, data=data, method=method)\n"
        b"    return urllib.request.urlopen(req)\n"
    )
    assert file_facts(source).wrappers == {"_request": ("payload", 2)}


def test_a_class_attribute_url_is_read_through_its_class() -> None:
    """``class Paths: new = ".../streaming.new"``: ``Paths.new`` sends it, ``hmac.new`` does not."""
    source = (
        b"import hmac\nimport requests\n"
        b"class Paths:\n"
        b"    new = 'https://api.heygen.com/v1/streaming.new'\n"
        b"def digest(key, msg):\n"
        b"    return hmac.new(key, msg, 'sha256').digest()\n"
        b"def open_session(avatar_id):\n"
        b"    return requests.post(Paths.new, json={'avatar_id': avatar_id}).json()\n"
    )
    assert file_facts(source).openers == {"open_session"}
