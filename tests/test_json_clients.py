"""HTTP client classes whose methods return parsed JSON, as the project facts read them.

``http.post("streaming.new", json=...)`` on a ``requests.Session`` subclass whose
``request()`` returns ``body.get("data")`` gives the JSON, not a response object: the
migration must wrap that call in ``start_session``, not look for a ``.json()`` after it.
"""

from __future__ import annotations

import ast

import libcst as cst
import pytest

from heygen2liveavatar.analysis.client_classes import annotation_class
from heygen2liveavatar.engine.client_facts import data_methods, json_methods, transport_methods
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


TRANSPORT = """
class _Transport:
    def __init__(self, api_key):
        self._http = requests.Session()

    def request(self, method, path, json=None):
        resp = self._http.request(method, BASE + path, json=json)
        body = resp.json()
        if body.get("code") != 100:
            raise APIError(body)
        return body.get("data")
"""


@pytest.mark.parametrize(
    ("source", "methods", "data_part"),
    [
        (TRANSPORT, ["request"], ["request"]),
        (
            # the whole envelope: JSON, but not its ``data``
            "class T:\n    def request(self, m, p):\n        return self._s.request(m, p).json()\n",
            ["request"],
            [],
        ),
        (
            "class T:\n"
            "    def post(self, p, **kw):\n"
            "        return self._s.post(p, **kw).json()['data']\n"
            "    def get(self, p):\n"
            "        return self._s.get(p)\n",
            [],  # ``get`` returns a response: a class of its own is then no JSON client at all
            [],
        ),
        ("class Settings:\n    def load(self):\n        return json.loads(RAW)\n", [], []),
    ],
)
def test_transport_classes_of_their_own(
    source: str, methods: list[str], data_part: list[str]
) -> None:
    cls = ast.parse(source).body[0]
    assert isinstance(cls, ast.ClassDef)
    assert transport_methods(cls) == methods
    assert data_methods(cls, methods) == data_part


def test_file_facts_carry_transport_classes_and_their_data_part() -> None:
    facts = file_facts(b"import requests\n" + TRANSPORT.encode())
    assert facts.json_clients == {"_Transport": ["request"]}
    assert facts.data_clients == {"_Transport": ["request"]}
    assert FileFacts.from_json(facts.to_json()) == facts


@pytest.mark.parametrize(
    ("annotation", "expected"),
    [
        ("_Transport", "_Transport"),
        ("'_Transport'", "_Transport"),
        ("_transport._Transport | None", "_Transport"),
        ("Optional[_Transport]", "_Transport"),
        ("dict[str, Any]", None),
        ("A | B", None),
    ],
)
def test_annotation_class(annotation: str, expected: str | None) -> None:
    assert annotation_class(cst.parse_expression(annotation)) == expected


PARTIAL_METHODS = """
from functools import partialmethod


class AsyncHTTPService:
    async def _request(self, method, path, *, json=None, token=None):
        resp = await self.client.request(method, f"{self.base}/{path}", json=json)
        return resp.json()

    _get = partialmethod(_request, "GET")
    _post = partialmethod(_request, "POST")
"""


def test_partialmethod_aliases_of_a_json_method() -> None:
    """``_post = partialmethod(_request, "POST")``: its calls give JSON, and it is a wrapper
    with ``_request``'s body and URL parameters, one position earlier."""
    facts = file_facts(PARTIAL_METHODS.encode(), True)
    assert facts.json_clients == {"AsyncHTTPService": ["_request", "_get", "_post"]}
    assert facts.wrappers["_post"] == ("json", -1)
    assert facts.wrapper_parameters["_post"] == [("url", "path", 0)]
    assert facts.wrapper_parameters["_request"] == [("url", "path", 1), ("method", "method", 0)]


DECODING_HELPER = """
class HTTPPlugin:
    def _post(self, path, payload=None):
        resp = self.session.post(self.root + path, json=payload or {})
        return self._decode(resp)

    def _get(self, path):
        return self.session.get(self.root + path)

    def _decode(self, resp):
        if not resp.ok:
            raise RuntimeError(resp.text)
        return resp.json()
"""


def test_a_method_returning_a_json_helper_of_its_class() -> None:
    """``return self._decode(resp)``, ``_decode`` returning ``resp.json()``: JSON; ``_get``
    returns the response object."""
    cls = ast.parse(DECODING_HELPER).body[0]
    assert isinstance(cls, ast.ClassDef)
    assert json_methods(cls) == ["_post"]
    assert transport_methods(cls) == []  # ``_get`` returns a response object
