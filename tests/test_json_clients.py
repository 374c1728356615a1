"""HTTP client classes whose methods return parsed JSON, as the project facts read them.

``http.post("streaming.new", json=...)`` on a ``requests.Session`` subclass whose
``request()`` returns ``body.get("data")`` gives the JSON, not a response object: the
migration must wrap that call in ``start_session``, not look for a ``.json()`` after it.
"""

from __future__ import annotations

import ast

import pytest

from heygen2liveavatar.engine.client_facts import json_methods
from heygen2liveavatar.engine.project_facts import FileFacts, file_facts

SUBCLASS = """
class HeyGenHTTP(requests.Session):
    def request(self, method, url, *args, **kwargs):
        resp = super().request(method, url, *args, **kwargs)
        body = resp.json()
        if body.get("code", 100) != 100:
            raise RuntimeError(body)
        return body.get("data")
"""


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (SUBCLASS, ["request"]),
        (
            "class C(httpx.Client):\n"
            "    def post(self, url, **kw):\n"
            "        return json.loads(super().post(url, **kw).text)['data']\n"
            "    def get(self, url):\n"
            "        return super().get(url)\n",
            ["post"],  # ``get`` returns the response object
        ),
        (
            # one path returns the response: callers cannot rely on JSON
            "class C(requests.Session):\n"
            "    def request(self, *a, **kw):\n"
            "        resp = super().request(*a, **kw)\n"
            "        if resp.status_code == 204:\n"
            "            return resp\n"
            "        return resp.json()\n",
            [],
        ),
    ],
)
def test_json_methods(source: str, expected: list[str]) -> None:
    cls = ast.parse(source).body[0]
    assert isinstance(cls, ast.ClassDef)
    assert json_methods(cls) == expected


def test_file_facts_carry_json_clients_through_the_cache_format() -> None:
    facts = file_facts(b"import requests\n" + SUBCLASS.encode())
    assert facts.json_clients == {"HeyGenHTTP": ["request"]}
    assert FileFacts.from_json(facts.to_json()) == facts
