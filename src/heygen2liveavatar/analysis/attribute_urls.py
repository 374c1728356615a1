"""Requests whose URL is a class attribute of the object they are handed.

Command objects: ``class NewSession(Command): path: ClassVar[str] = "/v1/streaming.new"``,
one class per endpoint, each with its body; one gateway method sends them all,
``await self._http.post(command.path, json=command.body())``. Which endpoint a call sends is
the class of the object at run time; the literals are found (and marked) where the classes
define them, and the sending call is where a person dispatches on the endpoint.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from ..apispec import find_endpoints
from ..model import ProjectFacts
from .index import CallSite, ModuleIndex, string_value

_SENDING_METHODS = frozenset({"post", "put", "patch", "delete", "request"})
# ``get`` is also a dict's (``ROUTES.get(request.path)``): a request only with its keywords.
_REQUEST_KEYWORDS = frozenset({"json", "data", "params", "headers", "timeout", "content"})
_URL_KEYWORDS = ("url", "path", "endpoint", "str_or_url")
# The order a session's calls come in, for messages that list endpoints.
_FLOW_ORDER = ("create_token", "new", "start", "task", "interrupt", "keep_alive", "stop")


@dataclass
class AttributeUrlSender:
    call: CallSite
    attribute: str
    keys: list[str]
    """The streaming endpoints (``new``, ``task``...) the classes' attributes name."""
    classes: list[str]


def _class_level_urls(index: ModuleIndex) -> dict[str, tuple[list[str], list[str]]]:
    """Attribute name -> (streaming endpoint keys, classes) over class-body assignments of a
    string naming a streaming endpoint (``path = "/v1/streaming.new"``, annotated or not)."""
    found: dict[str, tuple[list[str], list[str]]] = {}
    for site in index.strings:
        context = site.context
        if site.is_docstring or context.class_def is None or context.function is not None:
            continue
        statement = context.statement
        if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
            continue
        small = statement.body[0]
        if isinstance(small, cst.Assign) and len(small.targets) == 1:
            target, value = small.targets[0].target, small.value
        elif isinstance(small, cst.AnnAssign) and small.value is not None:
            target, value = small.target, small.value
        else:
            continue
        if value is not site.node or type(target) is not cst.Name:
            continue
        text = string_value(value)
        matches = find_endpoints(text) if text else []
        if not matches:
            continue
        keys, classes = found.setdefault(target.value, ([], []))
        for match in matches:
            if match.endpoint.key not in keys:
                keys.append(match.endpoint.key)
        name = context.class_def.name.value
        if name not in classes:
            classes.append(name)
    return found


def _url_argument(call: cst.Call) -> cst.BaseExpression | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value in _URL_KEYWORDS:
            return arg.value
    positional = [arg for arg in call.args if arg.keyword is None and not arg.star]
    if not positional:
        return None
    func = call.func
    method = func.attr.value if isinstance(func, cst.Attribute) else ""
    if method == "request" and len(positional) > 1:
        return positional[1].value  # ``request("POST", command.path)``
    return positional[0].value


def _project_urls(project: ProjectFacts | None) -> dict[str, tuple[list[str], list[str]]]:
    """The same, for the classes of the whole project (``ProjectFacts.attribute_urls``)."""
    found: dict[str, tuple[list[str], list[str]]] = {}
    for entry in sorted(project.attribute_urls if project is not None else ()):
        attribute, key, name = entry.split(":", 2)
        keys, classes = found.setdefault(attribute, ([], []))
        if key not in keys:
            keys.append(key)
        if name not in classes:
            classes.append(name)
    return found


def attribute_url_senders(
    index: ModuleIndex, project: ProjectFacts | None = None
) -> list[AttributeUrlSender]:
    """Calls of a client's HTTP method whose URL reads ``<object>.<attribute>`` (also joined
    into an f-string or a ``+``), where class bodies of this module or, through the project
    facts, of another bind that attribute to streaming URLs; ``self.<attribute>`` inside one
    of those classes is its own request."""
    urls = _project_urls(project)
    for attribute, (keys, classes) in _class_level_urls(index).items():
        known_keys, known_classes = urls.setdefault(attribute, ([], []))
        known_keys.extend(k for k in keys if k not in known_keys)
        known_classes.extend(c for c in classes if c not in known_classes)
    if not urls:
        return []
    for keys, classes in urls.values():
        keys.sort(key=lambda key: (_FLOW_ORDER.index(key) if key in _FLOW_ORDER else 99, key))
        classes.sort()
    found: list[AttributeUrlSender] = []
    for call in index.calls:
        func = call.node.func
        if not isinstance(func, cst.Attribute) or not _sends(func.attr.value, call.node):
            continue
        url = _url_argument(call.node)
        if url is None:
            continue
        read = _attribute_read(url, urls)
        if read is None:
            continue
        keys, classes = urls[read]
        found.append(AttributeUrlSender(call, read, keys, classes))
    return found


def _sends(method: str, call: cst.Call) -> bool:
    if method in _SENDING_METHODS:
        return True
    return method == "get" and any(
        arg.keyword is not None and arg.keyword.value in _REQUEST_KEYWORDS for arg in call.args
    )


def _attribute_read(
    url: cst.BaseExpression, urls: dict[str, tuple[list[str], list[str]]]
) -> str | None:
    """The attribute of ``urls`` the URL expression reads on an object other than ``self``."""
    parts: list[cst.BaseExpression] = [url]
    if isinstance(url, cst.FormattedString):
        parts = [p.expression for p in url.parts if isinstance(p, cst.FormattedStringExpression)]
    elif isinstance(url, cst.BinaryOperation) and isinstance(url.operator, cst.Add):
        parts = [url.left, url.right]
    for part in parts:
        if (
            isinstance(part, cst.Attribute)
            and part.attr.value in urls
            and not (isinstance(part.value, cst.Name) and part.value.value in ("self", "cls"))
        ):
            return part.attr.value
    return None
