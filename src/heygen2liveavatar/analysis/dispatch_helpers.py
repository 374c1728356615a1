"""Dispatch helpers: one function sends every "simple" streaming call, the endpoint named by
its caller.

``def _simple(self, action): requests.post(f"{self.url}/v1/streaming.{action}", json={
"session_id": self.session_id})`` called ``self._simple("interrupt")``,
``self._simple("keep_alive")``: the URL exists only at run time, but each call site names its
endpoint with a literal. The rules migrate call by call: an interrupt or listening call
becomes its event where it stands; keep-alive and stop keep going through the helper, whose
path moves under ``/v1/sessions/`` (see ``rules/dispatch_calls.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import libcst as cst

from ..apispec import find_endpoints
from ..apispec.events import SESSION_ID_FIELD
from ..model import ProjectFacts
from .event_calls import payload_view
from .http import KEYWORD_BODY, RequestSite, sends_request
from .index import (
    CallSite,
    ModuleIndex,
    dotted_name,
    single_assignments,
    string_value,
    walk_nodes,
)
from .payloads import dict_keys, find_payload_dict, unwrap_serialiser
from .response_checks import result_discarded
from .values import TEMPLATE_SUBSTITUTES, ValueResolver, joined_last_part, url_builder

REST_KEYS = frozenset({"stop", "keep_alive"})
"""Endpoints a dispatch helper can keep sending: they live under ``/v1/sessions/`` and take
what the helper already sends (the session id); new/start/task need other bodies."""
KEPT_KEYS = REST_KEYS | {"new"}
"""Endpoints whose calls keep going through the helper once its path moves to
``/v1/sessions/``: ``"new"`` becomes ``"token"`` there (with its body mapped at the call)."""

# ``.../v1/streaming.`` or ``streaming.`` right before the action: the template text.
_TEMPLATE_END = re.compile(r"(?:^|/)streaming\.$")
# ``%s`` / ``{}`` ending a ``%``- or ``str.format`` template: where the action goes.
_FORMAT_HOLE = re.compile(r"(?:%s|\{\})$")
# ``string.Template``'s placeholder at the end of its text: ``$action`` or ``${action}``.
_TRAILING_PLACEHOLDER = re.compile(
    r"\$(?:(?P<named>[_a-z][_a-z0-9]*)|\{(?P<braced>[_a-z][_a-z0-9]*)\})$", re.IGNORECASE | re.ASCII
)
# ``HEYGEN = ".../v1/streaming"`` joined as ``f"{HEYGEN}.{path}"``: a base without the dot.
_BASE_END = re.compile(r"(?:^|/)streaming$")


@dataclass
class DispatchCall:
    """One call of a dispatch helper."""

    call: CallSite
    action: cst.SimpleString | None
    """The literal naming the endpoint (``None``: not a literal)."""
    key: str | None
    """Its endpoint (``None``: unknown)."""
    session_id: cst.BaseExpression | None
    """The session id the helper sends, as an expression valid at the call site."""
    body: cst.Arg | None = None
    """The call's argument the helper sends as its body (``heygen("task", {...})``), if the
    helper takes its body from its caller; for a helper that sends its keywords
    (``heygen(path, **fields)``), a dict of the call's keywords (not a node of the tree)."""
    keyword_body: bool = False
    """The body is the call's keywords (``heygen("task", session_id=sid, text=t)``)."""
    standalone: bool = False
    """A statement of its own, or returned by a function whose value no call uses: a start
    call the token call made unnecessary can simply go."""


MIGRATED_KEYS = frozenset(
    {"new", "start", "task", "interrupt", "keep_alive", "stop", "start_listening", "stop_listening"}
)
"""Endpoints whose calls through a dispatch helper the rules migrate where they stand (or, for
stop and keep-alive, keep sending through the helper)."""


@dataclass
class DispatchHelper:
    function: cst.FunctionDef | None
    """``None``: a helper defined in another module (``remote_keys`` says what it serves)."""
    parameter: str
    request: RequestSite | None
    """The HTTP call inside the helper (``None`` for one defined elsewhere)."""
    template: cst.FormattedStringText | cst.SimpleString | None
    """The f-string text ending in ``streaming.`` right before the action, the base
    constant ending in ``streaming`` (then ``separator`` is the ``.`` after it), or a
    ``str.format`` literal ending in ``streaming.{}``."""
    calls: list[DispatchCall] = field(default_factory=list)
    separator: cst.FormattedStringText | cst.SimpleString | None = None
    """``.`` in ``f"{HEYGEN}.{path}"`` (or ``HEYGEN + "." + path``), between the base
    constant and the action."""
    name: str = ""
    remote_keys: frozenset[str | None] = frozenset()
    """The endpoints the project's calls of a helper of this name name, in any module
    (``ProjectFacts.dispatch_actions``; ``None``: an action that is no single endpoint)."""

    @property
    def remote_keys_migrate(self) -> bool:
        """Every endpoint other modules' calls name is one the rules migrate there."""
        return bool(self.remote_keys) and all(key in MIGRATED_KEYS for key in self.remote_keys)


def dispatch_helpers(
    index: ModuleIndex, requests: list[RequestSite], project: ProjectFacts | None = None
) -> list[DispatchHelper]:
    """The helpers this module calls (its own, or a project helper it imports the class or
    function of) and its own helpers that only other modules call, when those calls name
    endpoints the rules migrate."""
    return [
        helper
        for helper in _all_helpers(index, requests, project)
        if helper.calls or helper.remote_keys_migrate
    ]


def helpers_called_elsewhere(
    index: ModuleIndex, requests: list[RequestSite], project: ProjectFacts | None = None
) -> list[DispatchHelper]:
    """Dispatch helpers no call of this module reaches: called from another module, or on an
    object (``self.gateway.call("new", body)``), with endpoints that are not all known (or
    not all migrated) from the project's facts."""
    return [
        helper
        for helper in _all_helpers(index, requests, project)
        if helper.function is not None and not helper.calls and not helper.remote_keys_migrate
    ]


def unfollowed_dispatch_requests(
    index: ModuleIndex, requests: list[RequestSite]
) -> list[RequestSite]:
    """Requests whose URL names a streaming endpoint chosen at run time
    (``.../v1/streaming.<hole>``) in a shape no dispatch helper is read from (a
    ``Template.substitute``, an action that is not the function's parameter): which endpoints
    they send is not known here."""
    followed = {
        id(helper.request.node)
        for helper in _all_helpers(index, requests, None)
        if helper.request is not None
    }
    return [
        request
        for request in requests
        if request.names_streaming_at_run_time
        and id(request.node) not in followed
        and sends_request(index, request)
    ]


def _remote_keys(project: ProjectFacts | None, name: str) -> frozenset[str | None]:
    if project is None:
        return frozenset()
    return frozenset(_key(action) for helper, action in project.dispatch_actions if helper == name)


def _all_helpers(
    index: ModuleIndex, requests: list[RequestSite], project: ProjectFacts | None
) -> list[DispatchHelper]:
    """This module's helpers with their calls here (``self.call("new", ...)`` in their class,
    and ``<object>.call("new", ...)`` anywhere in the module), then the project's helpers
    defined elsewhere whose class (or function) this module imports, with their calls here:
    each call is migrated where it stands, as the helper's own module would migrate it."""
    found = _own_helpers(index, requests, project)
    if project is None or not project.dispatch_helpers:
        return found
    bodies = {name: (parameter, position) for name, parameter, position in project.wrapper_bodies}
    own = {helper.name for helper in found}
    for name, owner, action_position, action_parameter in project.dispatch_helpers:
        body = bodies.get(name, ("", -1))
        if name in own:
            continue
        # An object of the helper's class that reaches this module without an import of it
        # (``request.heygen``, made by a framework hook elsewhere): followed when the object
        # is named after HeyGen, the only hint of its class here.
        named_only = (owner or name) not in index.imports
        modules: frozenset[str] = frozenset()
        if named_only and not owner:
            # ``from . import heygen`` then ``heygen.streaming("new", ...)``: the function
            # called through the module imported by name.
            modules = _module_receivers(index, name)
            if not modules:
                continue
            named_only = False
        action = (action_parameter, action_position)
        calls = _object_calls(index, name, owner, action, body, named_only, modules)
        if calls:
            remote = _remote_keys(project, name)
            found.append(DispatchHelper(None, "", None, None, calls, name=name, remote_keys=remote))
    return found


def _object_calls(
    index: ModuleIndex,
    name: str,
    owner: str,
    action: tuple[str, int],
    body: tuple[str, int],
    heygen_receivers: bool = False,
    modules: frozenset[str] = frozenset(),
) -> list[DispatchCall]:
    """``<object>.name("new", body)`` (``name("new", body)`` for a function) with a literal
    streaming action: the calls of a project dispatch helper seen from outside its class.
    ``action`` and ``body``: the helper's parameters (name, position without ``self``), the
    body's position :data:`KEYWORD_BODY` for a helper sending its keywords; a call may pass
    either by keyword (``gw.call(name="new", body=body)``). ``heygen_receivers``: only calls on
    an object whose name says HeyGen (``request.heygen.post("new", body)``). ``modules``: names
    of imported modules a function helper is also called through (``heygen.streaming(...)``)."""
    action_parameter, action_position = action
    body_parameter, body_position = body
    found: list[DispatchCall] = []
    chosen: list[CallSite] = []  # the action not a literal: which endpoint is not known here
    receivers: set[str] = set()
    for call in index.calls:
        dotted = call.name or ""
        if not (dotted.endswith(f".{name}") if owner else dotted == name) and not (
            dotted.rsplit(".", 1)[0] in modules and dotted.endswith(f".{name}")
        ):
            continue
        if heygen_receivers and "heygen" not in dotted.rsplit(".", 2)[-2].lower():
            continue
        named = _argument(call.node, action_parameter, action_position)
        if named is None:
            continue
        literal = named if isinstance(named, cst.SimpleString) else None
        key = _key(string_value(literal)) if literal is not None else None
        if key is None:
            if literal is None:
                chosen.append(call)
            continue  # a literal naming no streaming action: another method of that name
        receivers.add(dotted.rsplit(".", 1)[0])
        keywords = body_position == KEYWORD_BODY  # ``call(self, name, **fields)``
        if keywords:
            given = _keyword_body(call.node, action_parameter)  # every keyword but the action
        elif body_position >= 0:
            given = _argument_node(call.node, body_parameter, body_position)
        else:
            given = None
        found.append(_dispatch_call(index, call, literal, key, given, keywords))
    # ``self.gw.call(action, body)`` on an object a literal call here also uses (or the
    # imported function): the helper's call with an endpoint chosen at run time (marked).
    for call in chosen:
        if not owner or (call.name or "").rsplit(".", 1)[0] in receivers:
            found.append(DispatchCall(call, None, None, None, standalone=_standalone(index, call)))
    return found


def _module_receivers(index: ModuleIndex, name: str) -> frozenset[str]:
    """Imported names (``heygen`` of ``from . import heygen``, not bound here otherwise) that
    this module calls ``name`` on: the modules a function helper ``name`` is called through."""
    found = set()
    for call in index.calls:
        receiver, _, called = (call.name or "").rpartition(".")
        if (
            called == name
            and receiver in index.imports
            and receiver not in index.module_scope.assignments
            and index.imports[receiver].rpartition(".")[2] == receiver
        ):
            found.add(receiver)
    return frozenset(found)


def _dispatch_call(
    index: ModuleIndex,
    call: CallSite,
    literal: cst.SimpleString | None,
    key: str | None,
    given: cst.Arg | None,
    keyword_body: bool,
    session_id: cst.BaseExpression | None = None,
) -> DispatchCall:
    """One call of a dispatch helper; its session id, when not known already, is the body's
    ``session_id`` entry."""
    if session_id is None and given is not None:
        session_id = _dict_entry(index, given.value, call, SESSION_ID_FIELD)
    elif (
        keyword_body
        and session_id is not None
        and given is not None
        and isinstance(given.value, cst.Dict)
        and SESSION_ID_FIELD not in dict_keys(given.value)
    ):
        # ``self._call("task", text=t)`` whose helper adds ``self.session_id`` to the keywords
        # it sends: the body it stands for has that session id too.
        entry = cst.DictElement(cst.SimpleString(f'"{SESSION_ID_FIELD}"'), session_id)
        given = given.with_changes(
            value=given.value.with_changes(elements=[entry, *given.value.elements])
        )
    standalone = _standalone(index, call)
    return DispatchCall(
        call, literal, key, session_id, given, keyword_body=keyword_body, standalone=standalone
    )


def _standalone(index: ModuleIndex, call: CallSite) -> bool:
    """A statement of its own, or ``return heygen("start", ...)`` whose function's value no
    call here uses: as unused as a statement of its own (HeyGen's start answered only a
    status)."""
    parent = index.parent_of(call.node)
    if isinstance(parent, cst.Await):
        parent = index.parent_of(parent)
    return isinstance(parent, cst.Expr) or (
        isinstance(parent, cst.Return)
        and isinstance(index.parent_of(parent), cst.SimpleStatementLine)
        and result_discarded(index, call.context.function)
    )


def _own_helpers(
    index: ModuleIndex, requests: list[RequestSite], project: ProjectFacts | None
) -> list[DispatchHelper]:
    found: list[DispatchHelper] = []
    for request in requests:
        if request.is_streaming:
            continue
        function = request.call.context.function
        shape = _template(index, request)
        if function is None or shape is None:
            continue
        template, parameter, separator = shape
        params = [p.name.value for p in (*function.params.posonly_params, *function.params.params)]
        method = bool(params) and params[0] in ("self", "cls")
        positional = params[1:] if method else params
        if parameter not in positional:
            continue
        name = function.name.value
        helper = DispatchHelper(
            function,
            parameter,
            request,
            template,
            separator=separator,
            name=name,
            remote_keys=_remote_keys(project, name),
        )
        found.append(helper)
        sent = _sent_session_id(index, request)
        body = _body_parameter(index, request, positional)
        keywords = None if body else _keywords_parameter(index, request, function)
        star = function.params.star_kwarg
        if sent is None and keywords is not None and isinstance(star, cst.Param):
            # ``{"session_id": self.session_id, **fields} if self.session_id else fields``
            added = _keywords_plus_session(index, request, star)
            sent = added[0] if added is not None else None
        enum_actions = _formats_enum_value(index, request, parameter)
        class_def = request.call.context.class_def
        instance_calls = (
            _instance_calls(index, class_def) if name == "__call__" and class_def else set()
        )
        for call in index.calls:
            if not _calls(call, function, method, request) and id(call.node) not in instance_calls:
                continue
            action = _argument(call.node, parameter, positional.index(parameter))
            literal = action if isinstance(action, cst.SimpleString) else None
            if literal is None and enum_actions:
                literal = _enum_member_literal(index, action)  # ``heygen(Op.NEW, ...)``
            key = _key(string_value(literal)) if literal is not None else None
            session_id = _at_call(sent, call.node, positional, method)
            given = _argument_node(call.node, body, positional.index(body)) if body else None
            if keywords is not None:
                given = _keyword_body(call.node, parameter)
            helper.calls.append(
                _dispatch_call(index, call, literal, key, given, keywords is not None, session_id)
            )
        class_def = request.call.context.class_def
        if method and class_def is not None:
            # ``self.gw.call("new", body)`` in another class of this module, on an object
            # handed to it: a call of this helper too when it names a streaming action.
            seen = {id(call.call.node) for call in helper.calls}
            body_position = (
                positional.index(body) if body else KEYWORD_BODY if keywords is not None else -1
            )
            helper.calls.extend(
                call
                for call in _object_calls(
                    index,
                    name,
                    class_def.name.value,
                    (parameter, positional.index(parameter)),
                    (body or "", body_position),
                )
                if id(call.call.node) not in seen
            )
    return found


def template_text(template: cst.FormattedStringText | cst.SimpleString) -> str:
    """The template's text before the action (a literal's content, without its quotes and a
    ``string.Template``'s ``$action`` placeholder)."""
    if isinstance(template, cst.FormattedStringText):
        return template.value
    text = string_value(template) or ""
    found = _TRAILING_PLACEHOLDER.search(text) or _FORMAT_HOLE.search(text)
    return text[: found.start()] if found is not None else text


def _template(
    index: ModuleIndex, request: RequestSite
) -> (
    tuple[
        cst.FormattedStringText | cst.SimpleString,
        str,
        cst.FormattedStringText | cst.SimpleString | None,
    ]
    | None
):
    """``f"{base}/v1/streaming.{action}"`` (directly or through one local name, or as the path
    a joiner appends to the base: ``urljoin(BASE, "v1/streaming." + action)``): the text
    before the action, the action's name, and (``f"{HEYGEN}.{action}"``) the ``.`` after a
    base constant that ends in ``streaming``."""
    url = request.url_expr
    if isinstance(url, cst.Name):
        values = index.lookup(url.value, request.call.context.scope)
        url = values[0] if len(values) == 1 else url
    # ``posixpath.join(API_ROOT, "streaming." + action)``, ``urljoin(BASE, "v1/streaming." +
    # action)``: the template is the joined part (the base is H2L401's)
    url = joined_last_part(index, url) or url
    formatted = _formatted_template(url, _template_constant(index, url))
    if formatted is not None:
        return formatted
    if isinstance(url, cst.Call):
        return _substituted_template(index, request, url) or _built_template(index, url)
    if (
        isinstance(url, cst.BinaryOperation)
        and isinstance(url.operator, cst.Add)
        and isinstance(url.right, cst.Name)
    ):
        # ``API_ROOT + "/v1/streaming." + action``
        if isinstance(url.left, cst.Name):
            # ``HEYGEN_ROOT + action`` with ``HEYGEN_ROOT = "https://api.heygen.com/v1/streaming."``
            root = _streaming_root_constant(index, request, url.left)
            return (root, url.right.value, None) if root is not None else None
        text_node = url.left.right if isinstance(url.left, cst.BinaryOperation) else url.left
        joined = string_value(text_node) if isinstance(text_node, cst.SimpleString) else None
        if joined == "." and isinstance(url.left, cst.BinaryOperation):
            # ``STREAMING + "." + action`` with ``STREAMING = ".../v1/streaming"``
            assert isinstance(text_node, cst.SimpleString)
            if not isinstance(url.left.operator, cst.Add) or not isinstance(
                url.left.left, cst.Name
            ):
                return None
            constant = _base_constant(index, request, url.left.left)
            return (constant, url.right.value, text_node) if constant is not None else None
        if joined is None or not _TEMPLATE_END.search(joined):
            return None
        assert isinstance(text_node, cst.SimpleString)
        return text_node, url.right.value, None
    if not isinstance(url, cst.FormattedString) or len(url.parts) < 2:
        return None
    text, hole = url.parts[-2], url.parts[-1]
    # ``f"{BASE}/streaming.{op.value}"``: the action is an enum member's value (its callers
    # pass ``Op.NEW``, :func:`_enum_member_literal`).
    action = _enum_value_hole(hole)
    if action is None and _plain_name_hole(hole):
        assert isinstance(hole, cst.FormattedStringExpression)
        assert isinstance(hole.expression, cst.Name)
        action = hole.expression.value
    if (
        not isinstance(text, cst.FormattedStringText)
        or action is None
        or not (_TEMPLATE_END.search(text.value) or text.value == ".")
    ):
        return None
    if text.value != ".":
        return text, action, None
    base = url.parts[-3] if len(url.parts) >= 3 else None
    if not _plain_name_hole(base):
        return None
    assert isinstance(base, cst.FormattedStringExpression) and isinstance(base.expression, cst.Name)
    constant = _base_constant(index, request, base.expression)
    return (constant, action, text) if constant is not None else None


def _enum_value_hole(part: cst.BaseFormattedStringContent | None) -> str | None:
    """``op`` for the hole ``{op.value}`` (no conversion, no format spec)."""
    if (
        isinstance(part, cst.FormattedStringExpression)
        and isinstance(part.expression, cst.Attribute)
        and isinstance(part.expression.value, cst.Name)
        and part.expression.attr.value == "value"
        and part.conversion is None
        and part.format_spec is None
    ):
        return part.expression.value.value
    return None


def _formats_enum_value(index: ModuleIndex, request: RequestSite, parameter: str) -> bool:
    """The helper's URL puts ``{<parameter>.value}`` last (directly or through one local)."""
    url = request.url_expr
    if isinstance(url, cst.Name):
        values = index.lookup(url.value, request.call.context.scope)
        url = values[0] if len(values) == 1 else url
    return (
        isinstance(url, cst.FormattedString)
        and bool(url.parts)
        and _enum_value_hole(url.parts[-1]) == parameter
    )


def _enum_member_literal(
    index: ModuleIndex, action: cst.BaseExpression | None
) -> cst.SimpleString | None:
    """The literal of ``Op.NEW`` where ``class Op(str, Enum)`` (an ``Enum``/``StrEnum``
    subclass of this module) has ``NEW = "new"``: what ``Op.NEW.value`` is."""
    if not (
        isinstance(action, cst.Attribute)
        and isinstance(action.value, cst.Name)
        and isinstance(action.attr, cst.Name)
    ):
        return None
    bound = index.module_scope.assignments.get(action.value.value, [])
    class_def = index.parent_of(bound[0]) if len(bound) == 1 else None
    if not isinstance(class_def, cst.ClassDef) or not any(
        (dotted_name(base.value) or "").rsplit(".", 1)[-1] in _ENUM_BASES
        for base in class_def.bases
    ):
        return None
    found = [
        assign.value
        for assign in single_assignments(class_def.body.body)
        if isinstance(assign.targets[0].target, cst.Name)
        and assign.targets[0].target.value == action.attr.value
        and isinstance(assign.value, cst.SimpleString)
    ]
    return found[0] if len(found) == 1 else None


_ENUM_BASES = frozenset({"Enum", "StrEnum"})


def _built_template(
    index: ModuleIndex, url: cst.Call
) -> tuple[cst.FormattedStringText, str, None] | None:
    """``self._url(name)`` with ``def _url(self, name): return f"{self._base}/streaming.{name}"``
    (a URL builder every caller of which passes it a parameter of its own, as dispatch helpers
    do): the builder's template text and the name this call passes for the action (the
    builder's template moves with the helpers')."""
    builder = url_builder(index, url, ValueResolver(index).functions())
    if builder is None or not isinstance(builder.expression, cst.FormattedString):
        return None
    parts = builder.expression.parts
    if len(parts) < 2:
        return None
    text, hole = parts[-2], parts[-1]
    if (
        not isinstance(text, cst.FormattedStringText)
        or not _TEMPLATE_END.search(text.value)
        or not _plain_name_hole(hole)
    ):
        return None
    assert isinstance(hole, cst.FormattedStringExpression) and isinstance(hole.expression, cst.Name)
    action = builder.arguments.get(hole.expression.value)
    if not isinstance(action, cst.Name):
        return None
    name = url.func.attr.value if isinstance(url.func, cst.Attribute) else dotted_name(url.func)
    callers = [
        call
        for call in index.calls
        if (
            call.node.func.attr.value
            if isinstance(call.node.func, cst.Attribute)
            else dotted_name(call.node.func)
        )
        == name
    ]
    # Every caller hands the builder its own parameter (``_post(name)``, ``_get(name)``): each is
    # a helper whose calls name their endpoint, and the template moves as it would inline.
    hole_name = hole.expression.value
    if not callers or not all(_passes_own_parameter(index, call, hole_name) for call in callers):
        return None
    return text, action.value, None


def _passes_own_parameter(index: ModuleIndex, call: CallSite, parameter: str) -> bool:
    """``call`` (of a URL builder) passes, for the builder's ``parameter``, a parameter of the
    function it is in."""
    builder = url_builder(index, call.node, ValueResolver(index).functions())
    function = call.context.function
    argument = builder.arguments.get(parameter) if builder is not None else None
    if function is None or not isinstance(argument, cst.Name):
        return False
    return argument.value in {
        p.name.value for p in (*function.params.posonly_params, *function.params.params)
    }


def _substituted_template(
    index: ModuleIndex, request: RequestSite, url: cst.Call
) -> tuple[cst.SimpleString, str, None] | None:
    """``ENDPOINT.substitute(action=action)`` of ``ENDPOINT = Template(".../v1/streaming.$action")``
    (or the ``Template(...)`` itself), this URL its only reader: the template's literal and
    the name the action's placeholder is given."""
    func = url.func
    if not isinstance(func, cst.Attribute) or func.attr.value not in TEMPLATE_SUBSTITUTES:
        return None
    template = func.value
    if isinstance(template, cst.Name):
        values = index.lookup(template.value, request.call.context.scope)
        if len(values) != 1 or _readers(index, template.value) != [template]:
            return None
        template = values[0]
    if (
        not isinstance(template, cst.Call)
        or (dotted_name(template.func) or "").split(".")[-1] != "Template"
        or len(template.args) != 1
        or not isinstance(template.args[0].value, cst.SimpleString)
    ):
        return None
    literal = template.args[0].value
    found = _TRAILING_PLACEHOLDER.search(string_value(literal) or "")
    if found is None or not _TEMPLATE_END.search(found.string[: found.start()]):
        return None
    placeholder = found.group("named") or found.group("braced")
    operand = next(
        (a.value for a in url.args if a.keyword is not None and a.keyword.value == placeholder),
        None,
    )
    if not isinstance(operand, cst.Name):
        return None
    return literal, operand.value, None


# ``"{}/v1/streaming.{}"``, ``"{base}/v1/streaming.{action}"``, ``"%s/v1/streaming.%s"``: the
# action's field last, right after ``streaming.``.
_FORMAT_END = re.compile(r"(?:^|/)streaming\.\{(\w*)\}$")
_PERCENT_END = re.compile(r"(?:^|/)streaming\.%s$")


def _template_constant(index: ModuleIndex, url: cst.BaseExpression) -> cst.SimpleString | None:
    """The literal of ``STREAMING_ENDPOINT.format(action)`` when ``STREAMING_ENDPOINT`` is a
    module constant bound once to a string and read only there: the template is its text."""
    if not (
        isinstance(url, cst.Call)
        and isinstance(url.func, cst.Attribute)
        and url.func.attr.value == "format"
        and isinstance(url.func.value, cst.Name)
    ):
        return None
    name = url.func.value.value
    values = index.module_scope.assignments.get(name, [])
    if len(values) != 1 or not isinstance(values[0], cst.SimpleString):
        return None
    reads = [
        node
        for node in walk_nodes(index.module)
        if isinstance(node, cst.Name) and node.value == name
    ]
    # The constant's own target and this read: no other use shares the template's text.
    return values[0] if len(reads) == 2 else None


def _formatted_template(
    url: cst.BaseExpression, constant: cst.SimpleString | None = None
) -> tuple[cst.SimpleString, str, None] | None:
    """``"{}/v1/streaming.{}".format(API_ROOT, action)`` or ``"%s/v1/streaming.%s" %
    (API_ROOT, action)``: the literal (its text up to ``streaming.`` is the template) and the
    name that fills the action's field; ``constant``: the literal of the module constant
    formatted instead (:func:`_template_constant`)."""
    if (
        isinstance(url, cst.Call)
        and isinstance(url.func, cst.Attribute)
        and url.func.attr.value == "format"
        and (constant is not None or isinstance(url.func.value, cst.SimpleString))
    ):
        literal = constant if constant is not None else url.func.value
        assert isinstance(literal, cst.SimpleString)
        text = string_value(literal) or ""
        field_match = _FORMAT_END.search(text)
        if field_match is None:
            return None
        field_name = field_match.group(1)
        positional = [arg for arg in url.args if arg.keyword is None and not arg.star]
        if field_name.isdigit():
            position = int(field_name)
        elif field_name:
            keyword = [
                a for a in url.args if a.keyword is not None and a.keyword.value == field_name
            ]
            value = keyword[0].value if len(keyword) == 1 else None
            return (literal, value.value, None) if isinstance(value, cst.Name) else None
        else:
            position = text.count("{}") - 1
        if any(arg.star for arg in url.args) or position >= len(positional):
            return None
        value = positional[position].value
        return (literal, value.value, None) if isinstance(value, cst.Name) else None
    if (
        isinstance(url, cst.BinaryOperation)
        and isinstance(url.operator, cst.Modulo)
        and isinstance(url.left, cst.SimpleString)
        and isinstance(url.right, cst.Tuple)
        and url.right.elements
        and _PERCENT_END.search(string_value(url.left) or "")
    ):
        last = url.right.elements[-1].value
        return (url.left, last.value, None) if isinstance(last, cst.Name) else None
    return None


def _readers(index: ModuleIndex, name: str) -> list[cst.Name]:
    """The reads of the module-level ``name`` (not its assignments or parameters)."""
    return [
        node
        for node in walk_nodes(index.module)
        if type(node) is cst.Name
        and node.value == name
        and not isinstance(index.parent_of(node), (cst.AssignTarget, cst.Param))
    ]


def _plain_name_hole(part: cst.BaseFormattedStringContent | None) -> bool:
    return (
        isinstance(part, cst.FormattedStringExpression)
        and isinstance(part.expression, cst.Name)
        and part.conversion is None
        and part.format_spec is None
    )


def _base_constant(
    index: ModuleIndex, request: RequestSite, read: cst.Name
) -> cst.SimpleString | None:
    """The literal of ``HEYGEN = "https://api.heygen.com/v1/streaming"`` read as ``read`` in
    ``f"{HEYGEN}.{path}"`` or ``HEYGEN + "." + path``, when this URL is its only reader (its
    text moves with the path)."""
    name = read.value
    values = index.lookup(name, request.call.context.scope)
    if len(values) != 1 or not isinstance(values[0], cst.SimpleString):
        return None
    if not _BASE_END.search(string_value(values[0]) or ""):
        return None
    return values[0] if _readers(index, name) == [read] else None


def _instance_calls(index: ModuleIndex, class_def: cst.ClassDef) -> set[int]:
    """The calls of instances of ``class_def``, a class whose ``__call__`` is the helper:
    ``heygen("new", ...)`` with ``heygen = HeyGen(key)`` at module level, ``self.heygen("new",
    ...)`` with ``self.heygen = HeyGen(key)`` in the caller's class."""
    owner = class_def.name.value

    def made_here(values: list[cst.BaseExpression]) -> bool:
        return bool(values) and all(
            isinstance(v, cst.Call) and isinstance(v.func, cst.Name) and v.func.value == owner
            for v in values
        )

    found: set[int] = set()
    for call in index.calls:
        func = call.node.func
        if isinstance(func, cst.Name):
            if call.context.function is not None and func.value in call.context.scope.assignments:
                values = call.context.scope.assignments[func.value]
            else:
                values = index.module_scope.assignments.get(func.value, [])
            if made_here(values):
                found.add(id(call.node))
        elif (
            isinstance(func, cst.Attribute)
            and isinstance(func.value, cst.Name)
            and func.value.value == "self"
            and call.context.class_def is not None
        ):
            attributes = index.self_attributes.get(id(call.context.class_def), {})
            if made_here(attributes.get(func.attr.value, [])):
                found.add(id(call.node))
    return found


def _streaming_root_constant(
    index: ModuleIndex, request: RequestSite, read: cst.Name
) -> cst.SimpleString | None:
    """The literal of ``HEYGEN_ROOT = "https://api.heygen.com/v1/streaming."`` read as ``read``
    in ``HEYGEN_ROOT + action``, when this URL is its only reader (its text is the template)."""
    values = index.lookup(read.value, request.call.context.scope)
    if len(values) != 1 or not isinstance(values[0], cst.SimpleString):
        return None
    if not _TEMPLATE_END.search(string_value(values[0]) or ""):
        return None
    return values[0] if _readers(index, read.value) == [read] else None


def _calls(call: CallSite, function: cst.FunctionDef, method: bool, request: RequestSite) -> bool:
    """A call of the helper: ``self.name(...)`` from a method of the same class, or
    ``name(...)`` of a module function."""
    name = function.name.value
    if method:
        return (
            call.name == f"self.{name}"
            and call.context.class_def is not None
            and call.context.class_def is request.call.context.class_def
        )
    return call.name == name


def _body_parameter(index: ModuleIndex, request: RequestSite, positional: list[str]) -> str | None:
    """The helper's parameter it sends as ``json=``/``data=`` (its caller's body), also with
    a default for a call passing none (``json=body or {}``)."""
    payload = request.payload.value if request.payload is not None else None
    if payload is not None:
        payload = unwrap_serialiser(payload, index)  # ``data=json.dumps(payload)``
    if isinstance(payload, cst.BooleanOperation) and isinstance(payload.operator, cst.Or):
        payload = payload.left
    if isinstance(payload, cst.Name) and payload.value in positional:
        return payload.value
    return None


def _keywords_parameter(
    index: ModuleIndex, request: RequestSite, function: cst.FunctionDef
) -> str | None:
    """``def heygen(path, **fields): ... post(url, json=fields)``: the helper sends its
    caller's keywords as the body."""
    keywords = function.params.star_kwarg
    payload = request.payload.value if request.payload is not None else None
    if payload is not None:
        payload = unwrap_serialiser(payload, index)
    if (
        isinstance(keywords, cst.Param)
        and isinstance(payload, cst.Name)
        and payload.value == keywords.name.value
    ):
        return payload.value
    if isinstance(keywords, cst.Param) and _keywords_plus_session(index, request, keywords):
        return keywords.name.value
    return None


def _keywords_plus_session(
    index: ModuleIndex, request: RequestSite, keywords: cst.Param
) -> tuple[cst.BaseExpression | None] | None:
    """``body = {"session_id": self.session_id, **fields} if self.session_id else fields``
    (bound once, then sent): the caller's keywords, plus the session id the helper adds once
    there is one. The session id's expression (in a 1-tuple, ``None`` when no branch adds
    one), or ``None`` when the body is anything else."""
    payload = request.payload.value if request.payload is not None else None
    payload = unwrap_serialiser(payload, index) if payload is not None else None
    if not isinstance(payload, cst.Name):
        return None
    values = index.lookup(payload.value, request.call.context.scope)
    if len(values) != 1:
        return None
    found: list[cst.BaseExpression] = []
    if values[0] is payload or not _keywords_body(values[0], keywords.name.value, found):
        return None
    if len(found) > 1:
        return None
    return (found[0] if found else None,)


def _keywords_body(value: cst.BaseExpression, name: str, found: list[cst.BaseExpression]) -> bool:
    """``value`` is the keywords ``name`` collected, or a dict of them plus a ``session_id``
    entry (whose value goes to ``found``), or a choice between such values. (A function of
    the module: a recursive closure would be a reference cycle holding the tree.)"""
    if isinstance(value, cst.IfExp):
        return _keywords_body(value.body, name, found) and _keywords_body(value.orelse, name, found)
    if isinstance(value, cst.Name):
        return value.value == name
    if not isinstance(value, cst.Dict):
        return False
    spreads = [e for e in value.elements if isinstance(e, cst.StarredDictElement)]
    entries = [e for e in value.elements if isinstance(e, cst.DictElement)]
    if (
        len(spreads) != 1
        or not isinstance(spreads[0].value, cst.Name)
        or spreads[0].value.value != name
        or any(string_value(e.key) != SESSION_ID_FIELD for e in entries)
    ):
        return False
    found.extend(e.value for e in entries)
    return True


def _keyword_body(call: cst.Call, action_parameter: str) -> cst.Arg | None:
    """The body a keywords-sending helper gets from ``call``: its keywords and ``**`` spreads
    (a dict that is not a node of the tree; rules read its values, which are)."""
    elements: list[cst.BaseDictElement] = []
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value != action_parameter:
            elements.append(cst.DictElement(cst.SimpleString(f'"{arg.keyword.value}"'), arg.value))
        elif arg.star == "**":
            elements.append(cst.StarredDictElement(arg.value))
    return cst.Arg(cst.Dict(elements)) if elements else None


def _argument_node(call: cst.Call, name: str, position: int) -> cst.Arg | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg
    positional = [a for a in call.args if a.keyword is None and not a.star]
    return positional[position] if position < len(positional) else None


def _dict_entry(
    index: ModuleIndex, value: cst.BaseExpression, call: CallSite, key: str
) -> cst.BaseExpression | None:
    found = find_payload_dict(value, index, call.context)
    entry = dict_keys(found).get(key) if found is not None else None
    return entry.value if entry is not None else None


def _argument(call: cst.Call, name: str, position: int) -> cst.BaseExpression | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg.value
    positional = [a for a in call.args if a.keyword is None and not a.star]
    return positional[position].value if position < len(positional) else None


def _key(action: str | None) -> str | None:
    """The endpoint ``streaming.<action>`` names, when the action is exactly one endpoint."""
    if not action:
        return None
    matches = find_endpoints(f"/v1/streaming.{action}")
    if len(matches) != 1 or matches[0].end != len(f"/v1/streaming.{action}"):
        return None
    return matches[0].endpoint.key


def _sent_session_id(index: ModuleIndex, request: RequestSite) -> cst.BaseExpression | None:
    view = payload_view(index, request)
    return view.value(SESSION_ID_FIELD) if view is not None and view.variable is None else None


def _at_call(
    sent: cst.BaseExpression | None, call: cst.Call, positional: list[str], method: bool
) -> cst.BaseExpression | None:
    """The helper's session id seen from the call site: ``self.session_id`` is the caller's
    own (a call through ``self``), a parameter is the argument the call passes."""
    if sent is None:
        return None
    if (
        method
        and isinstance(sent, cst.Attribute)
        and isinstance(sent.value, cst.Name)
        and sent.value.value == "self"
    ):
        return sent.deep_clone()
    if isinstance(sent, cst.Name) and sent.value in positional:
        value = _argument(call, sent.value, positional.index(sent.value))
        return value.deep_clone() if value is not None else None
    return None
