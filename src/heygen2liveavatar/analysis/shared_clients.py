"""One HeyGen client class serving streaming and HeyGen's other APIs (video) through one base.

``def __init__(self, api_key, base="https://api.heygen.com")`` with ``self.base = base`` and a
``requests.Session()`` carrying the HeyGen key: the video requests must keep HeyGen's base and
key, the streaming requests need LiveAvatar's. An engineer gives the streaming requests their
own base attribute (``self.liveavatar_base``, set right after ``self.base = base``, or after
``self.base_url = (base_url or os.getenv("HEYGEN_BASE_URL") or "https://api.heygen.com")``, whose
configured value is a HeyGen base too) and their own key header, read from ``LIVEAVATAR_API_KEY`` on those requests only. This module finds
whether that split is safe; H2L401 moves the base, H2L402 the key.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from .endpoints import HostLiteral
from .http import CLIENT_CONSTRUCTORS, RequestSite
from .index import ModuleIndex, Statement, dotted_name

_TRIMMING_METHODS = frozenset({"rstrip", "strip", "removesuffix"})


@dataclass(frozen=True)
class SharedBaseSplit:
    """How the streaming requests of a shared client get their own base and key."""

    literal: cst.SimpleString
    """The HeyGen base: the default of the constructor's parameter, or the fallback in the
    value the constructor keeps on ``self``."""
    assignment: Statement
    """``self.base = base`` (or ``self.base_url = (base_url or ... or "https://...")``): the
    LiveAvatar base is set right after it."""
    new_attribute: str
    """``self.liveavatar_base``."""
    references: tuple[cst.BaseExpression, ...]
    """``self.base`` in the URLs of the migrated streaming requests."""
    keyless_requests: tuple[RequestSite, ...]
    """Migrated streaming requests that send no headers of their own: they authenticate with
    the client's default headers (the HeyGen key) and get a LiveAvatar key header."""
    covers_every_request: bool
    """Every migrated streaming request of the module goes through the split (base and key):
    no HeyGen key reaches LiveAvatar, so the shared key needs no marker."""
    trims: bool = False
    """The constructor keeps the base trimmed (``base.rstrip("/")``): so is its twin."""
    class_name: str = ""
    parameter: str | None = None
    """The constructor's base parameter (none for a fallback in the kept value)."""
    position: int | None = None
    """Its position among the constructor's arguments (``self`` not counted)."""


def liveavatar_name(target: str) -> str:
    """``BASE`` -> ``LIVEAVATAR_BASE``, ``self._heygen_base`` -> ``self._liveavatar_base``."""
    prefix, _, name = target.rpartition(".")
    if name.isupper():
        new = "LIVEAVATAR_" + (name[len("HEYGEN_") :] if name.startswith("HEYGEN_") else name)
    else:
        lowered = name.lstrip("_")
        leading = name[: len(name) - len(lowered)]
        core = lowered[len("heygen_") :] if lowered.startswith("heygen_") else lowered
        new = f"{leading}liveavatar_{core}"
    return f"{prefix}.{new}" if prefix else new


def _is_migrated(request: RequestSite) -> bool:
    endpoint = request.endpoint
    return endpoint is not None and endpoint.liveavatar_path is not None


def _parameter_of_default(index: ModuleIndex, literal: cst.CSTNode) -> cst.Param | None:
    parent = index.parent_of(literal)
    if isinstance(parent, cst.Param) and parent.default is literal:
        return parent
    return None


def _attribute_assignment(
    function: cst.FunctionDef, attribute: str, parameter: str
) -> cst.SimpleStatementLine | None:
    """``self.base = base`` (or ``self.base = base.rstrip("/")``) directly in ``function``'s
    body."""
    if not isinstance(function.body, cst.IndentedBlock):
        return None
    for statement in function.body.body:
        if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
            continue
        small = statement.body[0]
        if (
            isinstance(small, cst.Assign)
            and len(small.targets) == 1
            and dotted_name(small.targets[0].target) == attribute
            and _parameter_value(small.value) == parameter
        ):
            return statement
    return None


def _parameter_value(value: cst.BaseExpression) -> str | None:
    """The parameter ``value`` keeps: ``base``, or ``base.rstrip("/")`` (a string method that
    only trims it, as the resolver reads it too)."""
    while (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Attribute)
        and value.func.attr.value in _TRIMMING_METHODS
    ):
        value = value.func.value
    return value.value if isinstance(value, cst.Name) else None


def _sends_client_defaults(index: ModuleIndex, request: RequestSite) -> bool:
    """``self.http.post(url, ...)`` without ``headers=``, ``self.http`` a session this class
    builds: its default headers (the HeyGen key) authenticate the request."""
    if request.headers is not None or request.keyword_body:
        return False
    func = request.node.func
    if not isinstance(func, cst.Attribute):
        return False
    receiver = dotted_name(func.value)
    if receiver is None or not receiver.startswith("self.") or receiver.count(".") != 1:
        return False
    if any(arg.star for arg in request.node.args):
        return False  # ``**options`` may carry headers
    context = request.call.context
    values = index.lookup_self_attribute(context.class_def, receiver[len("self.") :])
    return len(values) == 1 and (
        isinstance(values[0], cst.Call)
        and index.qualified_name(dotted_name(values[0].func)) in CLIENT_CONSTRUCTORS
    )


def _fallback_assignment(
    function: cst.FunctionDef, statement: Statement | None
) -> tuple[str, cst.SimpleStatementLine] | None:
    """``self.base_url = (base_url or os.getenv("HEYGEN_BASE_URL") or "https://api.heygen.com")``
    directly in ``function``'s body, the literal somewhere in the value (a fallback of a
    parameter or a configured value): the attribute and the statement."""
    if not isinstance(function.body, cst.IndentedBlock) or statement not in function.body.body:
        return None
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return None
    small = statement.body[0]
    if not isinstance(small, cst.Assign) or len(small.targets) != 1:
        return None
    name = dotted_name(small.targets[0].target)
    if name is None or not name.startswith("self.") or name.count(".") != 1:
        return None
    return name, statement


def _base_references(
    streaming: list[RequestSite], literal: cst.SimpleString, parameter: cst.Param | None
) -> tuple[str, dict[int, cst.BaseExpression]] | None:
    """The one ``self`` attribute every streaming URL reads the base through, and those reads:
    ``self.base`` holding the parameter ``base`` (whose default the literal is), or, without
    a parameter, ``self.base_url`` whose own value holds the literal."""
    attribute: str | None = None
    references: dict[int, cst.BaseExpression] = {}
    for request in streaming:
        for piece in request.pieces:
            if piece.node is not literal:
                continue
            if len(piece.via) != (1 if parameter is None else 2):
                return None
            outer = piece.via[0]
            name = dotted_name(outer)
            if name is None or not name.startswith("self.") or name.count(".") != 1:
                return None
            if parameter is not None:
                inner = piece.via[1]
                if not isinstance(inner, cst.Name) or inner.value != parameter.name.value:
                    return None
            if attribute not in (None, name):
                return None
            attribute = name
            references[id(outer)] = outer
    if attribute is None or not references:
        return None
    return attribute, references


def shared_base_split(index: ModuleIndex, host: HostLiteral) -> SharedBaseSplit | None:
    """The split of a HeyGen base kept on ``self`` by the constructor: a parameter's default
    (``self.base = base``), or the fallback in the value of ``self.base_url = ...``."""
    literal = host.site.node
    if not isinstance(literal, cst.SimpleString):
        return None
    parameter = _parameter_of_default(index, literal)
    function = host.site.context.function
    if not isinstance(function, cst.FunctionDef):
        return None
    if function.name.value != "__init__" or host.site.context.class_def is None:
        return None
    fallback = None
    if parameter is None:
        fallback = _fallback_assignment(function, host.site.context.statement)
        if fallback is None:
            return None
    streaming = [r for r in host.requests if r.is_streaming and _is_migrated(r)]
    if not streaming:
        return None
    found = _base_references(streaming, literal, parameter)
    if found is None:
        return None
    attribute, references = found
    class_def = host.site.context.class_def
    if len(index.lookup_self_attribute(class_def, attribute[len("self.") :])) != 1:
        return None  # set again elsewhere: which base a request uses is not known here
    new_attribute = liveavatar_name(attribute)
    if index.lookup_self_attribute(class_def, new_attribute[len("self.") :]):
        return None
    assignment: cst.SimpleStatementLine | None
    if fallback is not None:
        if fallback[0] != attribute:
            return None
        assignment = fallback[1]
    else:
        assert parameter is not None
        assignment = _attribute_assignment(function, attribute, parameter.name.value)
    if assignment is None:
        return None
    keyless = tuple(r for r in streaming if _sends_client_defaults(index, r))
    assigned = assignment.body[0]
    position = None
    if parameter is not None:
        params = list(function.params.params)
        if parameter in params:
            position = params.index(parameter) - 1
    return SharedBaseSplit(
        literal=literal,
        assignment=assignment,
        new_attribute=new_attribute,
        references=tuple(references.values()),
        keyless_requests=keyless,
        covers_every_request=len(keyless) == len(streaming),
        trims=isinstance(assigned, cst.Assign) and isinstance(assigned.value, cst.Call),
        class_name=class_def.name.value,
        parameter=None if parameter is None else parameter.name.value,
        position=position,
    )


def passed_as_split_base(index: ModuleIndex, split: SharedBaseSplit, node: cst.CSTNode) -> bool:
    """``HeyGenClient(key, os.getenv("HEYGEN_API_BASE", "https://api.heygen.com"))``: ``node``
    is (in) the base handed to the split constructor, which keeps serving HeyGen's other
    APIs; the client's streaming requests use its LiveAvatar twin."""
    if split.parameter is None:
        return False
    child: cst.CSTNode = node
    parent = index.parent_of(node)
    while parent is not None and not isinstance(
        parent, (cst.SimpleStatementLine, cst.BaseCompoundStatement)
    ):
        if isinstance(parent, cst.Call) and isinstance(child, cst.Arg):
            name = dotted_name(parent.func) or ""
            if name.rpartition(".")[2] == split.class_name:
                if child.keyword is not None:
                    return child.keyword.value == split.parameter
                positional = [a for a in parent.args if a.keyword is None and not a.star]
                return child in positional and positional.index(child) == split.position
        child, parent = parent, index.parent_of(parent)
    return False


def module_split(
    index: ModuleIndex, hosts: list[HostLiteral], requests: list[RequestSite]
) -> SharedBaseSplit | None:
    """The module's one shared-base split whose requests are all of its migrated streaming
    requests (so the module's HeyGen key serves only HeyGen's other APIs once it is done)."""
    splits = []
    for host in hosts:
        if host.is_target and any(r.is_other_heygen_api for r in host.requests):
            split = shared_base_split(index, host)
            if split is not None:
                splits.append(split)
    if len(splits) != 1 or not splits[0].covers_every_request:
        return None
    split = splits[0]
    covered = {id(r.node) for r in split.keyless_requests}
    if any(_is_migrated(r) and id(r.node) not in covered for r in requests if r.is_streaming):
        return None
    return split
