"""What a request call passes besides its URL, and how its HTTP method can change.

A request's ``params=`` dict (followed through names), the literal piece that starts the query
after a URL piece, whether the call goes straight to an HTTP client (``requests.post``,
``session.get``, ``self.client.post``: it merges ``params=`` into the query and has ``patch`` and
``delete`` beside ``post``) or through the project's own wrapper (``self._post``), whether a body
is empty, and the edit that makes a request use another HTTP method (a method string, a
``method=`` keyword, the client method's name, or the wrapper's sibling when the module defines
it). Shared by the rules that move a request to a LiveAvatar endpoint with another method or
query (H2L301 session lists, H2L303 contexts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from .call_arguments import string_literal, with_keyword
from .edits import NodeTransform
from .http import HTTP_METHOD_NAMES, RequestSite
from .index import ModuleIndex, dotted_name, string_value, walk_nodes
from .payloads import find_payload_dict

# Clients whose ``params=`` are merged into the URL's query.
PARAMS_CLIENTS = frozenset({"requests", "httpx", "aiohttp"})


def params_dict(index: ModuleIndex, request: RequestSite) -> cst.Dict | None:
    """The dict literal passed (or bound to the name passed) as ``params=``."""
    for arg in request.node.args:
        if arg.keyword is not None and arg.keyword.value == "params":
            return find_payload_dict(arg.value, index, request.call.context)
    return None


def params_expression(request: RequestSite) -> cst.Arg | None:
    """``params=query`` / ``params=dict(page=p)``: the ``params=`` argument of an HTTP
    client's call when it is no dict literal (nor ``None``). httpx replaces the URL's query
    with ``params`` (requests and aiohttp merge them), so a query written in the path is lost
    there: the query's parameters belong in this argument."""
    if not merges_params(request):
        return None
    for arg in request.node.args:
        if arg.keyword is not None and arg.keyword.value == "params":
            value = arg.value
            if isinstance(value, cst.Dict) or (
                isinstance(value, cst.Name) and value.value == "None"
            ):
                return None
            return arg
    return None


def calls_client_method(request: RequestSite) -> bool:
    """``requests.post``, ``session.get``, ``self.client.post``: an HTTP method of a client
    object, not of ``self``/``cls`` (the project's own wrapper)."""
    func = request.node.func
    return (
        isinstance(func, cst.Attribute)
        and func.attr.value in HTTP_METHOD_NAMES
        and dotted_name(func.value) not in ("self", "cls")
    )


def merges_params(request: RequestSite) -> bool:
    """Is this a call of an HTTP client (not a project wrapper) that takes ``params=``?

    requests and aiohttp merge ``params`` into the URL's query string, httpx (0.28 on)
    replaces it: query parameters belong in ``params`` when it is given. A
    ``session.get``/``self.client.get`` receiver is one of them, ``self._get`` is the project's.
    """
    return request.client in PARAMS_CLIENTS or calls_client_method(request)


def wrapper_builds_query(index: ModuleIndex, request: RequestSite) -> bool:
    """Is ``request`` a call of this module's wrapper that writes its own query string from
    the keywords it is given? ``def fetch(path, **params): url = BASE + path; if params:
    url += "?" + urlencode(params)``: a query put in the path (``/v1/sessions?type=historic``)
    would meet the wrapper's ``?`` (``...?type=historic?page_size=2``); a keyword of the call
    (``type="historic"``) joins the wrapper's own query instead. So for a wrapper handing its
    keywords to its client as ``params=params`` (``or None``): httpx replaces the URL's query
    with ``params``, so ``type`` in the path would be lost."""
    if request.client != "wrapper":
        return False
    from .wrapper_params import wrapper_definition

    definition = wrapper_definition(index, request.node)
    star = definition.params.star_kwarg if definition is not None else None
    if definition is None or not isinstance(star, cst.Param):
        return False
    kwargs = star.name.value
    starts_query = False
    encodes = False
    for node in walk_nodes(definition.body):
        if (
            isinstance(node, cst.Arg)
            and node.keyword is not None
            and node.keyword.value == "params"
            and _reads_only(node.value, kwargs)
        ):
            return True
        text = (
            str(node.evaluated_value)
            if isinstance(node, cst.SimpleString)
            else node.value
            if isinstance(node, cst.FormattedStringText)
            else ""
        )
        if "?" in text:
            starts_query = True
        elif (
            isinstance(node, cst.Call)
            and (dotted_name(node.func) or "").split(".")[-1] == "urlencode"
        ):
            first = node.args[0].value if node.args else None
            encodes = encodes or (isinstance(first, cst.Name) and first.value == kwargs)
    return starts_query and encodes


def _reads_only(value: cst.BaseExpression, name: str) -> bool:
    """``params``, ``params or None``, ``dict(params)``: the value is the keywords ``name``
    collected, as they are (no other name read)."""
    names = {n.value for n in walk_nodes(value) if isinstance(n, cst.Name)}
    return name in names and names <= {name, "None", "dict"}


def query_after(request: RequestSite, node: cst.CSTNode) -> cst.CSTNode | None:
    """The literal right after ``node`` in the request's URL, when it starts the query (``?``)."""
    for position, piece in enumerate(request.pieces):
        if piece.node is node and position + 1 < len(request.pieces):
            following = request.pieces[position + 1]
            if following.text is not None and following.text.startswith("?"):
                return following.node
            return None
    return None


def is_empty_body(value: cst.BaseExpression) -> bool:
    """``{}``, ``None``, ``b"{}"``, ``"{}"``, ``b""``: nothing a DELETE needs."""
    if isinstance(value, cst.Dict):
        return not value.elements
    if isinstance(value, cst.Name):
        return value.value == "None"
    if isinstance(value, cst.SimpleString):
        return value.evaluated_value in ("{}", b"{}", "", b"")
    return False


@dataclass
class MethodChange:
    """Transform ``node`` with ``transform`` and the request uses the new method."""

    node: cst.CSTNode
    transform: NodeTransform


def _replacement(new: cst.CSTNode) -> NodeTransform:
    return lambda _updated: new


def method_change(
    index: ModuleIndex, request: RequestSite, old: str, new: str
) -> MethodChange | None:
    """The edit that makes ``request`` use HTTP method ``new`` instead of ``old``; ``None``
    when this module cannot say."""
    call = request.node
    # An explicit method string: ``.request("POST", url)``, ``Request(..., method="POST")``,
    # a wrapper's ``self._call("POST", path)``.
    for arg in call.args:
        value = string_value(arg.value)
        is_method_keyword = arg.keyword is not None and arg.keyword.value == "method"
        if (
            value is not None
            and value.upper() == old
            and (is_method_keyword or arg.keyword is None)
        ):
            literal = arg.value
            assert isinstance(literal, cst.SimpleString)
            text = new if value.isupper() else new.lower()
            return MethodChange(literal, _replacement(string_literal(text, literal)))
    if any(arg.keyword is not None and arg.keyword.value == "method" for arg in call.args):
        return None  # ``method=verb``: a value this rule cannot see
    if request.client == "urllib":
        # ``Request(url, data=...)`` defaults to POST: say the new method explicitly.
        return MethodChange(call, with_keyword("method", cst.SimpleString(f'"{new}"')))
    if request.method_parameter is not None:
        # ``fetch(url, body)`` of ``def fetch(url, payload=None, method=None)``: the wrapper
        # takes the method it is given over the one it would choose.
        keyword = request.method_parameter
        return MethodChange(call, with_keyword(keyword, cst.SimpleString(f'"{new}"')))
    func = call.func
    if not isinstance(func, cst.Attribute):
        return None  # ``post(url)`` imported from a client: renaming needs a new import
    attr = func.attr.value
    if calls_client_method(request):
        # Every HTTP client has ``patch`` and ``delete`` beside ``post``.
        return MethodChange(func.attr, _replacement(cst.Name(new.lower())))
    new_attr = re.sub(old.lower(), new.lower(), attr, count=1, flags=re.IGNORECASE)
    if new_attr == attr or not defines_method(index, request, new_attr):
        return None
    return MethodChange(func.attr, _replacement(cst.Name(new_attr)))


def defines_method(index: ModuleIndex, request: RequestSite, name: str) -> bool:
    """Does the module define the wrapper ``name`` the call would switch to?"""
    class_def = request.call.context.class_def
    scopes = [index.class_scopes.get(id(class_def))] if class_def is not None else []
    scopes.append(index.module_scope)
    return any(scope is not None and name in scope.assignments for scope in scopes)
