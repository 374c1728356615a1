"""The same to-do on a constant and on a call that reads it is kept on the call only
(``analysis/marker_repeats.py``, applied by the engine after every rule has run)."""

from __future__ import annotations

import libcst as cst

from heygen2liveavatar.analysis.index import walk_nodes
from heygen2liveavatar.analysis.marker_repeats import repeated_constant_markers

SOURCE = """\
ICE_URL = "https://api.heygen.com/v1/streaming.ice"
OTHER_URL = "https://api.heygen.com/v1/streaming.ice"


class Client:
    ICE = ICE_URL

    def send(self):
        return post(self.ICE)


def send():
    return post(ICE_URL)


def local():
    url = ICE_URL
    return post(url)
"""


def _statements(module: cst.Module) -> dict[str, cst.CSTNode]:
    client = module.body[2]
    assert isinstance(client, cst.ClassDef)
    method = client.body.body[1]
    assert isinstance(method, cst.FunctionDef)
    function, local = module.body[3], module.body[4]
    assert isinstance(function, cst.FunctionDef) and isinstance(local, cst.FunctionDef)
    return {
        "ICE_URL": module.body[0],
        "OTHER_URL": module.body[1],
        "Client.ICE": client.body.body[0],
        "self.ICE call": method.body.body[0],
        "ICE_URL call": function.body.body[0],
        "local url": local.body.body[0],
        "local call": local.body.body[1],
    }


def _repeated(marked: dict[str, list[str]]) -> set[tuple[str, str]]:
    module = cst.parse_module(SOURCE)
    statements = _statements(module)
    parents = {id(child): node for node in walk_nodes(module) for child in node.children}
    by_id = {id(node): node for node in statements.values()}
    names = {id(node): name for name, node in statements.items()}
    markers = {id(statements[name]): texts for name, texts in marked.items()}
    return {
        (names[id(statement)], text)
        for statement, text in repeated_constant_markers(
            markers, by_id.get, lambda node: parents.get(id(node))
        )
    }


def test_the_constant_a_marked_call_reads_loses_the_same_text() -> None:
    found = _repeated(
        {
            "ICE_URL": ["H2L105 drop the ICE exchange", "H2L105 delete this URL"],
            "ICE_URL call": ["H2L105 drop the ICE exchange"],
        }
    )
    assert found == {("ICE_URL", "H2L105 drop the ICE exchange")}


def test_a_class_constant_read_through_self() -> None:
    found = _repeated({"Client.ICE": ["H2L105 x"], "self.ICE call": ["H2L105 x"]})
    assert found == {("Client.ICE", "H2L105 x")}


def test_a_constant_no_marked_statement_reads_keeps_its_marker() -> None:
    # OTHER_URL has the call's text, but the call reads ICE_URL: two places, two to-dos.
    assert _repeated({"OTHER_URL": ["H2L105 x"], "ICE_URL call": ["H2L105 x"]}) == set()
    # The same text on two calls: neither is a constant, both stay.
    assert _repeated({"ICE_URL call": ["H2L105 x"], "self.ICE call": ["H2L105 x"]}) == set()
    # A function's local is not a constant: ``url = ...`` and its call are two statements
    # of one piece of work, each marked by the rule that found it.
    assert _repeated({"local url": ["H2L105 x"], "local call": ["H2L105 x"]}) == set()
