"""String resolution in :class:`ValueResolver`: ``%`` formatting (the template's text with
each operand resolved) and entries of a dict constant (``ENDPOINTS["new"]``)."""

from __future__ import annotations

import libcst as cst
import pytest

from heygen2liveavatar.analysis.index import ModuleIndex
from heygen2liveavatar.analysis.values import ValueResolver, join_text

HOST = 'HOST = "https://api.heygen.com"\n'


def _resolved(source: str) -> str:
    """The pieces of the first argument of the module's ``post(...)`` call, holes as ``?``."""
    index = ModuleIndex(cst.parse_module(HOST + source))
    call = next(c for c in index.calls if c.name == "post")
    pieces = ValueResolver(index).resolve(call.node.args[0].value, call.context)
    return join_text(pieces, hole="?")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('post("%s/v1/streaming.task" % HOST)\n', "https://api.heygen.com/v1/streaming.task"),
        (
            'post("%s/v1/%s" % (HOST, "streaming.stop"))\n',
            "https://api.heygen.com/v1/streaming.stop",
        ),
        (
            'post("%(h)s/v1/streaming.new" % {"h": HOST})\n',
            "https://api.heygen.com/v1/streaming.new",
        ),
        (
            'URL = "%s/v1/streaming.new" % HOST\npost(URL)\n',
            "https://api.heygen.com/v1/streaming.new",
        ),
        # ``%d`` and ``%r`` do not insert the operand as written; ``%%`` is one percent sign.
        (
            'post("%s/v1/streaming.list?page=%d" % (HOST, 2))\n',
            "https://api.heygen.com/v1/streaming.list?page=?",
        ),
        ('post("%s/v1/100%%/%r" % (HOST, "x"))\n', "https://api.heygen.com/v1/100%/?"),
        # a tuple held in a name is one operand: the conversions it would fill stay unknown
        ('post("%s/v1/%s" % parts)\n', "?/v1/?"),
        # ``%*d`` takes its width from the operands: nothing after it is substituted
        ('post("%*d/%s" % (3, 4, HOST))\n', "?/?"),
        ("post(unknown % HOST)\n", "?"),
    ],
)
def test_percent_formatting_resolves_to_the_url(source: str, expected: str) -> None:
    assert _resolved(source) == expected


def test_template_text_keeps_its_literal_as_node() -> None:
    """A rule edits the path where it is written: the template literal."""
    index = ModuleIndex(cst.parse_module(HOST + 'post("%s/v1/streaming.task" % HOST)\n'))
    call = next(c for c in index.calls if c.name == "post")
    pieces = ValueResolver(index).resolve(call.node.args[0].value, call.context)
    template = call.node.args[0].value
    assert isinstance(template, cst.BinaryOperation)
    assert [(p.text, p.node is template.left) for p in pieces] == [
        ("https://api.heygen.com", False),
        ("/v1/streaming.task", True),
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            'URLS = {"new": HOST + "/v1/streaming.new", "stop": HOST + "/v1/streaming.stop"}\n'
            'post(URLS["new"])\n',
            "https://api.heygen.com/v1/streaming.new",
        ),
        # a key written twice: the last one counts, as in Python
        (
            'URLS = {"new": "/a", "new": "/v1/streaming.new"}\npost(URLS["new"])\n',
            "/v1/streaming.new",
        ),
        # a spread may hold the key; a name assigned twice may be either dict; a key not there
        ('URLS = {**BASE, "new": "/v1/streaming.new"}\npost(URLS["new"])\n', "?"),
        ('URLS = {"new": "/a"}\nURLS = {"new": "/b"}\npost(URLS["new"])\n', "?"),
        ('URLS = {"new": "/v1/streaming.new"}\npost(URLS["stop"])\n', "?"),
        ('URLS = {"new": "/v1/streaming.new"}\npost(URLS[key])\n', "?"),
    ],
)
def test_dict_constant_entry_resolves_to_its_value(source: str, expected: str) -> None:
    assert _resolved(source) == expected
