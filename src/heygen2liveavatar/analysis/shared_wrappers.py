"""One request wrapper serving streaming and HeyGen's other APIs through one base and key.

``def _post(self, path, payload): requests.post(API_BASE + path, headers=self.headers, ...)``
called with ``/v2/video/generate`` and with ``/v1/streaming.new``: the video calls must keep
HeyGen's base and key, the streaming calls need LiveAvatar's. An engineer writes a sibling
wrapper for the streaming calls (``_liveavatar_post``: the same code on ``LIVEAVATAR_API_BASE``,
its headers with LiveAvatar's key in place of HeyGen's) and leaves ``_post`` to the rest.
This module finds whether that split is safe and writes the sibling; H2L401 makes the split.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from ..apispec import LIVEAVATAR_API_KEY_NAME, LIVEAVATAR_HOST
from .endpoints import HostLiteral
from .http import RequestSite
from .index import ModuleIndex, dotted_name, string_value, walk_nodes
from .shared_clients import liveavatar_name


@dataclass(frozen=True)
class WrapperSplit:
    wrapper: cst.FunctionDef
    sibling: cst.FunctionDef
    """The LiveAvatar sibling, a tree of its own (no node shared with the module)."""
    callees: tuple[cst.BaseExpression, ...]
    """``self._post`` / ``_post`` in the migrated streaming calls: they call the sibling."""
    new_name: str


def _free_of_locals(index: ModuleIndex, expression: cst.BaseExpression) -> bool:
    """``self.headers``, ``HEADERS``, ``self._headers()``: nothing bound in the wrapper body,
    so the sibling may compute it once, first."""
    for node in walk_nodes(expression):
        if type(node) is cst.Name:
            parent = index.parent_of(node)
            if isinstance(parent, cst.Attribute) and parent.attr is node:
                continue
            if node.value != "self" and not (
                node.value in index.module_scope.assignments or node.value in index.imports
            ):
                return False
    return True


def _names_in(function: cst.FunctionDef) -> set[str]:
    """The variables ``function`` reads or binds (not ``self.headers``'s attribute, nor a
    ``headers=`` keyword)."""
    not_variables: set[int] = set()
    names = []
    for node in walk_nodes(function):
        if type(node) is cst.Attribute:
            not_variables.add(id(node.attr))
        elif type(node) is cst.Arg and node.keyword is not None:
            not_variables.add(id(node.keyword))
        elif type(node) is cst.Name:
            names.append(node)
    return {n.value for n in names if id(n) not in not_variables}


class _Replace(cst.CSTTransformer):
    """Nodes of one small function replaced by identity, in one pass."""

    def __init__(
        self,
        replacements: dict[int, cst.CSTNode],
        added: tuple[int, cst.Arg] | None = None,
    ) -> None:
        super().__init__()
        self.replacements = replacements
        self.added = added
        """The request call (by identity) and an argument it gets (``headers=headers``)."""

    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode) -> cst.CSTNode:  # type: ignore[override]
        if self.added is not None and id(original_node) == self.added[0]:
            assert isinstance(updated_node, cst.Call)
            args = list(updated_node.args)
            if args:
                args[-1] = args[-1].with_changes(
                    comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
                )
            return updated_node.with_changes(args=[*args, self.added[1]])
        return self.replacements.get(id(original_node), updated_node)


def _sibling(
    wrapper: cst.FunctionDef,
    new_name: str,
    base_references: list[cst.BaseExpression],
    new_base: str,
    headers: cst.BaseExpression | None,
    request_call: cst.Call,
    blank_lines: int,
    in_place: bool = False,
) -> cst.FunctionDef | None:
    """``headers``: the request's headers; ``None`` when ``request_call`` sends none of its
    own (its client's default headers carry the HeyGen key): it then gets ``headers=``.
    ``in_place``: ``headers`` is the dict literal the wrapper builds its headers from, which
    may read its locals: the sibling's copy of it sends LiveAvatar's key instead."""
    taken = _names_in(wrapper)
    variable = next((n for n in ("headers", "liveavatar_headers") if n not in taken), None)
    if variable is None or not isinstance(wrapper.body, cst.IndentedBlock):
        return None
    base = cst.parse_expression(new_base)
    replacements: dict[int, cst.CSTNode] = {id(r): base for r in base_references}
    old = wrapper.name.value
    doc = cst.parse_statement(
        f'"""`{old}` on LiveAvatar\'s base with the LiveAvatar key: HeyGen\'s other APIs '
        f'keep `{old}`."""\n'
    )
    key = f'os.environ["{LIVEAVATAR_API_KEY_NAME}"]'
    added = None
    if in_place and headers is not None:
        replacements[id(headers)] = _with_liveavatar_key(headers, key)
        prologue = [doc]
    elif headers is None:
        equal = cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace(""))
        added = (
            id(request_call),
            cst.Arg(cst.Name(variable), keyword=cst.Name("headers"), equal=equal),
        )
        prologue = [doc, cst.parse_statement(f'{variable} = {{"X-API-KEY": {key}}}\n')]
    elif _literal_entries(headers) is not None:
        # ``headers={"x-api-key": KEY, "Content-Type": ...}``: the same dict, LiveAvatar's key
        replacements[id(headers)] = cst.Name(variable)
        kept = [
            cst.Module([]).code_for_node(e.key) + ": " + cst.Module([]).code_for_node(e.value)
            for e in _literal_entries(headers) or ()
            if (string_value(e.key) or "").lower() not in ("authorization", "x-api-key")
        ]
        entries = ", ".join([*kept, f'"X-API-KEY": {key}'])
        prologue = [doc, cst.parse_statement(f"{variable} = {{{entries}}}\n")]
    else:
        replacements[id(headers)] = cst.Name(variable)
        source = cst.Module([]).code_for_node(headers)
        prologue = [
            doc,
            cst.parse_statement(
                f"{variable} = {{k: v for k, v in {source}.items() "
                f'if k.lower() not in ("authorization", "x-api-key")}}\n'
            ),
            cst.parse_statement(f'{variable}["X-API-KEY"] = {key}\n'),
        ]
    copy = wrapper.visit(_Replace(replacements, added))
    assert isinstance(copy, cst.FunctionDef) and isinstance(copy.body, cst.IndentedBlock)
    body = list(copy.body.body)
    if body and isinstance(body[0], cst.SimpleStatementLine):
        first = body[0].body[0] if len(body[0].body) == 1 else None
        if isinstance(first, cst.Expr) and isinstance(first.value, cst.SimpleString):
            body = body[1:]  # the wrapper's docstring: the sibling says what it is
    copy = copy.with_changes(
        name=cst.Name(new_name),
        body=copy.body.with_changes(body=[*prologue, *body]),
        leading_lines=[],
    )
    # Code text, parsed again: the sibling shares no node with the tree other rules edit.
    parsed = cst.parse_statement(cst.Module([]).code_for_node(copy))
    if not isinstance(parsed, cst.FunctionDef):
        return None
    blank = cst.EmptyLine(indent=False)
    return parsed.with_changes(leading_lines=[blank] * blank_lines)


def wrapper_split(
    index: ModuleIndex,
    host: HostLiteral,
    base_name: str,
    wrapped: list[tuple[RequestSite, cst.FunctionDef]],
    for_importers: cst.FunctionDef | None = None,
) -> WrapperSplit | None:
    """The split of the one wrapper that joins the base ``base_name`` (the module constant
    holding ``host``) with its caller's path, when the migrated streaming calls ``wrapped``
    (each with the wrapper it calls) all go through it and it sends one request, whose
    headers hold nothing of the wrapper's own. ``for_importers``: a module-level wrapper this
    module calls with no streaming path, split for the modules importing it (``wrapped`` is
    then empty)."""
    if wrapped:
        wrapper = wrapped[0][1]
    elif for_importers is not None and (
        index.parent_of(for_importers) is index.module or _class_attribute(index, host)
    ):
        wrapper = for_importers
    else:
        return None
    if any(function is not wrapper for _, function in wrapped):
        return None
    inside = [r for r in host.requests if r.call.context.function is wrapper]
    if len(inside) != 1:
        return None
    request = inside[0]
    headers: cst.BaseExpression | None = None
    in_place = False
    if request.headers is not None:
        headers = request.headers.value
        if not _free_of_locals(index, headers):
            # ``headers = {"X-Api-Key": self.api_key, ...}`` built in a method, then sent:
            # the sibling's own copy of that dict gets the LiveAvatar key where it is built.
            # Methods only: the facts scan reads module-level wrappers for their importers
            # (``engine.wrapper_split_facts``) with headers reading no local.
            local = (
                _local_header_dict(wrapper, headers)
                if request.call.context.class_def is not None
                else None
            )
            if local is None:
                return None
            headers, in_place = local, True
    elif not _on_own_client(request):
        return None  # ``self.session.post(...)``: the session's headers carry the key
    class_attribute = _class_attribute(index, host)
    spelled = f"self.{base_name}" if class_attribute else base_name
    references: list[cst.BaseExpression] = []
    for piece in request.pieces:
        if piece.node is host.site.node:
            if not piece.via or dotted_name(piece.via[-1]) != spelled:
                return None
            references.append(piece.via[-1])
    if not references:
        return None
    new_name = liveavatar_name(wrapper.name.value)
    class_def = request.call.context.class_def
    if class_def is not None:
        members = class_def.body.body if isinstance(class_def.body, cst.IndentedBlock) else ()
        if index.lookup_self_attribute(class_def, new_name) or any(
            isinstance(m, cst.FunctionDef) and m.name.value == new_name for m in members
        ):
            return None
    elif new_name in index.module_scope.assignments:
        return None
    callees = []
    for call, _ in wrapped:
        func = call.node.func
        if isinstance(func, cst.Attribute) and dotted_name(func.value) == "self":
            callees.append(func.attr)
        elif isinstance(func, cst.Name) and class_def is None:
            callees.append(func)
        else:
            return None
    blank_lines = 1 if class_def is not None else 2  # PEP 8: between methods, between functions
    new_base = liveavatar_name(base_name)
    sibling = _sibling(
        wrapper,
        new_name,
        references,
        f"self.{new_base}" if class_attribute else new_base,
        headers,
        request.node,
        blank_lines,
        in_place,
    )
    if sibling is None:
        return None
    return WrapperSplit(wrapper, sibling, tuple(callees), new_name)


def foreign_base_split(
    index: ModuleIndex, wrapper: cst.FunctionDef, wrap_base: str
) -> ForeignBaseSplit | None:
    """The split of a module-level wrapper whose one request joins a base read on a name the
    module imports (``url = settings.API_BASE + path``: the base lives in a settings module)
    with its caller's path, which other modules call with streaming paths and with HeyGen's
    other APIs' (``ProjectFacts.split_wrappers``; the facts' reading, which this one must
    match, is ``engine.wrapper_split_facts.foreign_base_request``). The sibling sends on
    ``<wrap_base>(<base>)`` (``liveavatar_bridge.liveavatar_url(settings.API_BASE)``: the base
    moved to LiveAvatar's host where it is read, the setting left to HeyGen's other APIs)
    with the LiveAvatar key in place of the headers' HeyGen key; the callers are in the
    importing modules (``callees`` is empty). The request names no endpoint (the path is the
    caller's), so it is found here, not among the module's request sites."""
    if index.parent_of(wrapper) is not index.module:
        return None
    found: list[tuple[cst.Call, cst.BaseExpression]] = []
    for call in index.calls:
        if call.context.function is not wrapper:
            continue
        if (call.name or "").rsplit(".", 1)[-1] not in _HTTP_METHODS:
            continue
        url = _url_argument(call.node, (call.name or "").endswith("request"))
        base = _foreign_base(index, wrapper, url) if url is not None else None
        if base is not None:
            found.append((call.node, base))
    if len(found) != 1:
        return None
    request, base = found[0]
    headers = next(
        (a.value for a in request.args if a.keyword is not None and a.keyword.value == "headers"),
        None,
    )
    if headers is None or not _free_of_locals(index, headers):
        return None
    new_name = liveavatar_name(wrapper.name.value)
    if new_name in index.module_scope.assignments or new_name in index.imports:
        return None
    new_base = f"{wrap_base}({cst.Module([]).code_for_node(base)})"
    sibling = _sibling(wrapper, new_name, [base], new_base, headers, request, 2)
    if sibling is None:
        return None
    return ForeignBaseSplit(wrapper, sibling, (), new_name, base, headers, request, new_base)


@dataclass(frozen=True)
class ForeignBaseSplit(WrapperSplit):
    """A :class:`WrapperSplit` of :func:`foreign_base_split`, with what makes its sibling."""

    base: cst.BaseExpression | None = None
    headers: cst.BaseExpression | None = None
    request: cst.Call | None = None
    new_base: str = ""

    def sibling_of(self, updated: cst.FunctionDef) -> cst.FunctionDef:
        """The sibling made from the wrapper as the other rules edited it (``updated``: a
        success check now accepting LiveAvatar's codes belongs to the sibling most of all),
        when its base and headers are still the nodes they were; else :attr:`sibling`."""
        if self.base is None or self.headers is None or self.request is None:
            return self.sibling
        kept = {id(node) for node in walk_nodes(updated)}
        if id(self.base) not in kept or id(self.headers) not in kept:
            return self.sibling
        made = _sibling(
            updated, self.new_name, [self.base], self.new_base, self.headers, self.request, 2
        )
        return made if made is not None else self.sibling


_HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete", "request"})
"""As ``engine.wrapper_split_facts._HTTP_CALLEES``."""


def _url_argument(call: cst.Call, by_method: bool) -> cst.BaseExpression | None:
    """``url=``, else the first positional argument (the second of ``request(method, url)``)."""
    positional = [a.value for a in call.args if a.keyword is None and not a.star]
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "url":
            return arg.value
    if by_method:
        return positional[1] if len(positional) > 1 else None
    return positional[0] if positional else None


def _foreign_base(
    index: ModuleIndex, wrapper: cst.FunctionDef, url: cst.BaseExpression
) -> cst.BaseExpression | None:
    """``settings.API_BASE`` of ``settings.API_BASE + path`` (or of ``url`` assigned that once
    in the wrapper): the head of the URL, read on (or as) an imported name."""
    if type(url) is cst.Name:
        values = [
            small.value
            for node in walk_nodes(wrapper)
            if isinstance(node, cst.SimpleStatementLine)
            for small in node.body
            if isinstance(small, cst.Assign)
            and any(
                type(t.target) is cst.Name and t.target.value == url.value for t in small.targets
            )
        ]
        if len(values) != 1:
            return None
        url = values[0]
    if not isinstance(url, (cst.BinaryOperation, cst.FormattedString)):
        return None
    head: cst.BaseExpression = url
    while isinstance(head, cst.BinaryOperation):
        head = head.left
    if isinstance(head, cst.FormattedString):
        first = head.parts[0] if head.parts else None
        if not isinstance(first, cst.FormattedStringExpression):
            return None
        head = first.expression
    owner = head.value if isinstance(head, cst.Attribute) else head
    if type(owner) is not cst.Name or owner.value not in index.imports:
        return None
    return head


def _literal_entries(headers: cst.BaseExpression) -> list[cst.DictElement] | None:
    """The entries of a dict literal whose keys are all string literals (no ``**spread``)."""
    if not isinstance(headers, cst.Dict):
        return None
    entries = [e for e in headers.elements if isinstance(e, cst.DictElement)]
    if len(entries) != len(headers.elements) or any(string_value(e.key) is None for e in entries):
        return None
    return entries


def _local_header_dict(function: cst.FunctionDef, headers: cst.BaseExpression) -> cst.Dict | None:
    """The dict literal ``headers`` (a name) is bound to, once, in ``function``, when its keys
    are literals and the function only adds entries to it that are no credentials
    (``headers["Content-Type"] = ...``): no other binding, ``update`` or ``**`` merge."""
    if not isinstance(headers, cst.Name):
        return None
    name = headers.value
    bound: list[cst.BaseExpression] = []
    for node in walk_nodes(function):
        if isinstance(node, cst.Assign):
            for target in node.targets:
                if isinstance(target.target, cst.Name) and target.target.value == name:
                    bound.append(node.value)
                elif (
                    isinstance(target.target, cst.Subscript)
                    and dotted_name(target.target.value) == name
                ):
                    slices = target.target.slice
                    key = (
                        string_value(slices[0].slice.value)
                        if len(slices) == 1 and isinstance(slices[0].slice, cst.Index)
                        else None
                    )
                    if key is None or key.lower() in _CREDENTIAL_HEADERS:
                        return None
        elif isinstance(node, (cst.AugAssign, cst.AnnAssign, cst.NamedExpr, cst.For, cst.AsName)):
            rebound = node.name if isinstance(node, cst.AsName) else node.target
            if name in {n.value for n in walk_nodes(rebound) if isinstance(n, cst.Name)}:
                return None  # bound again (``headers |= ...``, ``for headers in ...``)
        elif isinstance(node, cst.Attribute) and dotted_name(node.value) == name:
            return None  # ``headers.update(...)``, ``headers.setdefault(...)``
    if len(bound) != 1 or _literal_entries(bound[0]) is None:
        return None
    value = bound[0]
    assert isinstance(value, cst.Dict)
    return value


_CREDENTIAL_HEADERS = frozenset({"authorization", "x-api-key"})


def _with_liveavatar_key(headers: cst.BaseExpression, key: str) -> cst.BaseExpression:
    """``headers`` (a dict literal) with its first credential entry sending LiveAvatar's key
    in its place and any other credential entry dropped, in the dict's own layout."""
    assert isinstance(headers, cst.Dict)
    elements: list[cst.BaseDictElement] = []
    replaced = False
    for element in headers.elements:
        assert isinstance(element, cst.DictElement)
        if (string_value(element.key) or "").lower() in _CREDENTIAL_HEADERS:
            if replaced:
                continue
            replaced = True
            element = element.with_changes(
                key=cst.SimpleString('"X-API-KEY"'), value=cst.parse_expression(key)
            )
        elements.append(element)
    if not replaced:
        elements.insert(
            0,
            cst.DictElement(
                cst.SimpleString('"X-API-KEY"'),
                cst.parse_expression(key),
                comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")),
            ),
        )
    if elements:
        last = elements[-1]
        if (
            isinstance(last.comma, cst.Comma)
            and headers.elements[-1].comma is cst.MaybeSentinel.DEFAULT
        ):
            elements[-1] = last.with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return headers.with_changes(elements=elements)


def _on_own_client(request: RequestSite) -> bool:
    """``self.session.post(...)``: a client object the class keeps (its default headers)."""
    func = request.node.func
    return isinstance(func, cst.Attribute) and (dotted_name(func.value) or "").startswith("self.")


def _class_attribute(index: ModuleIndex, host: HostLiteral) -> bool:
    """``API = "https://api.heygen.com"`` in a class body (read as ``self.API``)."""
    block = index.parent_of(host.site.context.statement)
    return isinstance(block, cst.IndentedBlock) and isinstance(index.parent_of(block), cst.ClassDef)


def class_attribute_taken(index: ModuleIndex, host: HostLiteral, name: str) -> bool | None:
    """``None`` for a base that is no class attribute; else whether its class body assigns
    ``name`` already."""
    if not _class_attribute(index, host):
        return None
    block = index.parent_of(host.site.context.statement)
    assert isinstance(block, cst.IndentedBlock)
    return any(
        isinstance(line, cst.SimpleStatementLine)
        and any(
            isinstance(small, (cst.Assign, cst.AnnAssign))
            and name in {dotted_name(t) for t in _targets(small)}
            for small in line.body
        )
        for line in block.body
    )


def _targets(small: cst.Assign | cst.AnnAssign) -> list[cst.BaseExpression]:
    if isinstance(small, cst.Assign):
        return [t.target for t in small.targets]
    return [small.target]


def base_split_by_a_first_run(index: ModuleIndex, host: HostLiteral) -> bool:
    """``API_BASE = "https://api.heygen.com"`` beside its ``LIVEAVATAR_API_BASE`` sibling on
    LiveAvatar's host: split by a first run (or by hand); the base serves HeyGen's other APIs."""
    name = host.site.assigned_to
    if name is None or "." in name:
        return False
    sibling = liveavatar_name(name)
    if sibling == name:
        return False
    if _class_attribute(index, host):
        # ``API`` beside ``LIVEAVATAR_API`` in the class body.
        block = index.parent_of(host.site.context.statement)
        assert isinstance(block, cst.IndentedBlock)
        values = [
            small.value
            for line in block.body
            if isinstance(line, cst.SimpleStatementLine)
            for small in line.body
            if isinstance(small, cst.Assign)
            and sibling in {dotted_name(t) for t in _targets(small)}
        ]
    elif index.parent_of(host.site.context.statement) is index.module:
        values = list(index.module_scope.assignments.get(sibling, []))
    else:
        return False
    return any(LIVEAVATAR_HOST in (string_value(v) or "") for v in values)


@dataclass(frozen=True)
class ImportedSplit:
    """A streaming call through a wrapper imported from a module whose migration splits it."""

    callee: cst.Name
    """``_post`` in ``_post("/v1/streaming.stop", body)``."""
    module: str
    """Where the wrapper comes from, as the import spells it (``.api``)."""
    sibling: str
    """``_liveavatar_post``: what the module's migration writes beside the wrapper."""
    method: bool = False
    """``heygen.post`` of an imported instance: the method is renamed, nothing imported."""


def imported_split(
    index: ModuleIndex, request: RequestSite, split_wrappers: frozenset[str]
) -> ImportedSplit | None:
    """``from .api import _post`` then ``_post("/v1/streaming.stop", ...)``, where ``api.py``
    sends its video calls and its session opener through ``_post`` (``ProjectFacts.
    split_wrappers``): the migration of ``api.py`` gives the streaming calls
    ``_liveavatar_post``, and so must this module's, or they keep going to HeyGen's base."""
    if not split_wrappers or request.client != "wrapper":
        return None
    callee = request.node.func
    if (
        isinstance(callee, cst.Attribute)
        and type(callee.value) is cst.Name
        and f"{callee.value.value}.{callee.attr.value}" in split_wrappers
    ):
        # ``heygen.post(...)`` on ``from .services import heygen``: ``heygen.liveavatar_post``
        qualified = index.imports.get(callee.value.value)
        if qualified is None or callee.value.value in index.module_scope.assignments:
            return None
        module, _, name = qualified.rpartition(".")
        if name != callee.value.value or not module:
            return None
        return ImportedSplit(callee.attr, module, liveavatar_name(callee.attr.value), True)
    if type(callee) is not cst.Name or callee.value not in split_wrappers:
        return None
    qualified = index.imports.get(callee.value)
    if qualified is None or callee.value in index.module_scope.assignments:
        return None
    module, _, name = qualified.rpartition(".")
    if name != callee.value or not module:
        return None  # imported under another name
    sibling = liveavatar_name(callee.value)
    bound = index.imports.get(sibling)
    if sibling in index.module_scope.assignments or (
        bound is not None and bound != f"{module}.{sibling}"
    ):
        return None
    return ImportedSplit(callee, module, sibling)


__all__ = [
    "ForeignBaseSplit",
    "ImportedSplit",
    "WrapperSplit",
    "base_split_by_a_first_run",
    "class_attribute_taken",
    "foreign_base_split",
    "imported_split",
    "wrapper_split",
]
