"""Calls that register a canned HTTP response in a test, not requests.

A project's own tests mock HeyGen with an HTTP-mocking library:
``m.post("https://api.heygen.com/v1/streaming.new", json={"code": 100, "data": {...}})`` inside
``with requests_mock.Mocker() as m:``, ``responses.add(responses.POST, url, json=...)``,
``aioresponses().post(url, payload=...)``, ``respx.post(url).mock(...)``, pytest-httpx's
``httpx_mock.add_response(url=..., json=...)``. Such a call has a request's shape (a client-like
``post`` with a URL and ``json=``), but its ``json`` is the *response* HeyGen would give: taken
for a request, it got the session body (``mode``, ``avatar_persona``) and a stop ``reason``
written into the canned response, and markers about a request nobody sends.
"""

from __future__ import annotations

import fnmatch
import os

import libcst as cst

from .index import CallSite, Context, ModuleIndex, StringSite, dotted_name

# Modules whose calls and objects register mocked responses: responses, requests-mock,
# aioresponses, respx, pytest-httpx, pytest-httpserver, httpretty, httmock, pook.
MOCK_LIBRARIES = frozenset(
    {
        "responses",
        "requests_mock",
        "aioresponses",
        "respx",
        "pytest_httpx",
        "pytest_httpserver",
        "httpretty",
        "httmock",
        "pook",
    }
)
# The pytest fixtures those libraries provide (a test names them as parameters).
MOCK_FIXTURES = frozenset(
    {"requests_mock", "httpx_mock", "respx_mock", "mock_aioresponse", "aioresponses", "httpserver"}
)


def registers_mock(index: ModuleIndex, call: CallSite) -> bool:
    """``call`` registers a mocked response (``m.post(url, json=...)`` on a mocking library's
    object, a fixture of one, or the library's module-level API)."""
    return _registers(index, call.node, call.name, call.context)


def in_mock_registration(index: ModuleIndex, site: StringSite) -> bool:
    """The literal ``site`` is the URL of a mocked response (an argument of such a call)."""
    call = site.enclosing_call
    context = index.context_of(call) if call is not None else None
    if call is None or context is None:
        return False
    return _registers(index, call, dotted_name(call.func), context)


def _registers(index: ModuleIndex, node: cst.Call, name: str | None, context: Context) -> bool:
    if name is None:
        return False
    if _from_mock_library(index, name):
        return True
    head, _, rest = name.partition(".")
    if not rest:
        return False
    if head == "self" and context.class_def is not None:
        attribute = rest.split(".")[0]
        return any(
            _makes_mock(index, value)
            for value in index.lookup_self_attribute(context.class_def, attribute)
        )
    if any(_makes_mock(index, value) for value in index.lookup(head, context.scope)):
        return True
    if _bound_by_mock_with(index, node, head):
        return True
    function = context.function
    if function is None or head not in _parameters(function):
        return False
    if head in MOCK_FIXTURES:
        return True
    if function.name.value.startswith("test") and "mock" in head.lower():
        return True  # ``def test_open(mocked_api): mocked_api.post(...)``: a fixture of one
    decorated = [*function.decorators]
    if context.class_def is not None:
        decorated += context.class_def.decorators
    return any(_makes_mock(index, decorator.decorator) for decorator in decorated)


def _from_mock_library(index: ModuleIndex, dotted: str) -> bool:
    qualified = index.qualified_name(dotted) or dotted
    return qualified.split(".")[0] in MOCK_LIBRARIES and dotted.split(".")[0] in index.imports


def _makes_mock(index: ModuleIndex, value: cst.BaseExpression) -> bool:
    """``requests_mock.Mocker()``, ``aioresponses()``, ``respx.mock(base_url=...)``,
    ``responses.RequestsMock()``: an object (or decorator) of a mocking library."""
    if isinstance(value, cst.Call):
        value = value.func
    name = dotted_name(value)
    return name is not None and _from_mock_library(index, name)


def _bound_by_mock_with(index: ModuleIndex, node: cst.CSTNode, name: str) -> bool:
    """``name`` is the target of an enclosing ``with <mock library object> as name:``."""
    current = index.parent_of(node)
    while current is not None and not isinstance(current, (cst.FunctionDef, cst.Module)):
        if isinstance(current, cst.With):
            for item in current.items:
                target = item.asname.name if item.asname is not None else None
                if isinstance(target, cst.Name) and target.value == name:
                    return _makes_mock(index, item.item)
        current = index.parent_of(current)
    return False


def _parameters(function: cst.FunctionDef) -> set[str]:
    params = function.params
    return {p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)}


def is_test_module(index: ModuleIndex, filename: str) -> bool:
    """A test module (pytest's or unittest's naming, or a module importing pytest or unittest
    that defines ``test*`` functions): its HeyGen URLs are mocks and expectations, not requests."""
    name = os.path.basename(filename)  # not its directories: a project may live in ``tests/``
    if name == "conftest.py" or fnmatch.fnmatch(name, "test_*.py") or name.endswith("_test.py"):
        return True
    imported = {qualified.split(".")[0] for qualified in index.imports.values()}
    if not imported & {"pytest", "unittest"}:
        return False
    return any(
        isinstance(statement, cst.FunctionDef) and statement.name.value.startswith("test")
        for statement in index.module.body
    )
