"""The URL a project's request wrapper sends a call to, written at the call.

``def _post(self, path, payload=None): requests.post(f"{self.base_url}/{path}", ...)`` called
``self._post("sessions/token", payload)`` sends to ``f"{self.base_url}/sessions/token"``. The
session's start must go to the same host (``liveavatar_bridge.start_session(token_response,
token_url)`` derives the start URL from it): a base read from configuration (an environment
variable, a settings module, a constructor argument) may name a staging host or a proxy, which
the helper's default host is not. The URL is rebuilt from the wrapper's own code only where
every name it reads means the same at the call: the wrapper's URL parameter (replaced by the
call's argument), ``self`` (the call's receiver) and module names the caller does not shadow.

A wrapper of another module (``api = HeyGenClient(base=settings.URL)`` then
``api.post("streaming.new", body)``) is read from the project facts
(``ProjectFacts.wrapper_urls``): its URL expression when it reads only ``self`` and the URL
parameter, or the fact that a caller cannot write it (then the call is marked).
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from ..apispec import HEYGEN_HOST
from ..model import ProjectFacts
from .index import Context, ModuleIndex, walk_nodes
from .partial_methods import partial_method_of_call
from .values import ValueResolver
from .wrapper_params import (
    HTTP_CALLEE_NAMES,
    URL,
    callee_name,
    definition_parameters,
    local_assignments,
    names_read,
    url_and_method,
    wrapper_definition,
)


@dataclass(frozen=True)
class WrapperUrl:
    """The URL expression of the wrapper a call goes through, and how to write it at a call."""

    template: cst.BaseExpression
    """The wrapper's URL expression (``f"{self.base_url}/{path}"``)."""
    parameter: str
    position: int
    """The URL parameter's name and position (``-1``: keyword-only)."""
    configured: bool
    """The base is not a HeyGen host literal of this module: configuration decides it."""
    writable: bool = True
    """``False``: a wrapper of another module whose URL reads that module's names."""

    def at_call(self, call: cst.Call) -> cst.BaseExpression | None:
        """The URL ``call`` (the wrapper's call, as edited) sends to; ``None`` when its URL
        argument or receiver cannot be written into the template."""
        if not self.writable:
            return None
        argument = _argument(call, self.parameter, self.position)
        if argument is None:
            return None
        receiver = call.func.value if isinstance(call.func, cst.Attribute) else None
        if receiver is not None and not isinstance(receiver, cst.Name):
            return None  # ``make().post(...)``: the receiver would be evaluated twice
        substitution = _Substitution(self.parameter, argument, receiver)
        built = self.template.visit(substitution)
        if substitution.failed or not isinstance(built, cst.BaseExpression):
            return None
        return built


def wrapper_url(
    index: ModuleIndex,
    resolver: ValueResolver,
    call: cst.Call,
    context: Context,
    project: ProjectFacts | None = None,
) -> WrapperUrl | None:
    """The URL of the wrapper ``call`` calls, when that wrapper is defined in this module,
    sends one URL built from one URL parameter, and that URL means the same at ``call``; or,
    for a wrapper of another module (``project``), what its facts say."""
    definition = wrapper_definition(index, call)
    bound_positions = 0
    if definition is None:
        # ``_post = partialmethod(_request, "POST")``: ``_request`` with ``"POST"`` bound
        partial = partial_method_of_call(index, call)
        if partial is None:
            return _foreign_wrapper_url(index, call, project)
        definition, bound_positions = partial.target, partial.bound
    url_parameters = [(n, p) for role, n, p in definition_parameters(definition) if role == URL]
    if len(url_parameters) != 1:
        return None
    parameter, position = url_parameters[0]
    if 0 <= position < bound_positions:
        return None  # the alias binds the URL itself
    position = position - bound_positions if position >= 0 else position
    locals_ = local_assignments(definition)
    urls: list[cst.BaseExpression] = []
    for node in walk_nodes(definition.body, into_scopes=False):
        if isinstance(node, cst.Call):
            last = (callee_name(node) or "").split(".")[-1]
            if last in HTTP_CALLEE_NAMES:
                url, _method = url_and_method(node, last)
                if isinstance(url, cst.Name) and url.value != parameter:
                    bound = locals_.get(url.value, [])  # ``url = f"{self.base}/{path}"``
                    url = bound[0] if len(bound) == 1 else None
                # ``body.get("code")`` is no request: the URL reads the URL parameter
                if url is not None and parameter in names_read(url):
                    urls.append(url)
    if len(urls) != 1:
        return None
    template = urls[0]
    if not _readable_at(index, template, definition, parameter, locals_, call, context):
        return None
    wrapper_context = index.context_of(definition)
    pieces = resolver.resolve(template, wrapper_context) if wrapper_context else []
    literal_host = bool(pieces) and (
        pieces[0].text is not None and pieces[0].env_name is None and HEYGEN_HOST in pieces[0].text
    )
    return WrapperUrl(template, parameter, position, configured=not literal_host)


def _foreign_wrapper_url(
    index: ModuleIndex, call: cst.Call, project: ProjectFacts | None
) -> WrapperUrl | None:
    """``api.post("streaming.new", body)`` of a wrapper defined in another module whose base
    is configured: its URL template from the facts, written with the call's receiver for
    ``self`` (a plain name, as :meth:`WrapperUrl.at_call` requires), or not writable."""
    if project is None or not project.wrapper_urls:
        return None
    func = call.func
    name = func.attr.value if isinstance(func, cst.Attribute) else None
    if name is None and isinstance(func, cst.Name):
        name = func.value
    if name is None or wrapper_definition(index, call) is not None:
        return None
    if (
        isinstance(func, cst.Attribute)
        and isinstance(func.value, cst.Name)
        and f"{func.value.value}.{name}" in project.split_wrappers
    ):
        return None  # its streaming calls go to the LiveAvatar sibling, on a base of its own
    source = dict(project.wrapper_urls).get(name)
    urls = [
        (parameter, position)
        for wrapper, role, parameter, position in project.wrapper_parameters
        if wrapper == name and role == URL
    ]
    if source is None or len(urls) != 1:
        return None
    parameter, position = urls[0]
    if not source:
        return WrapperUrl(cst.Name(parameter), parameter, position, True, writable=False)
    try:
        template = cst.parse_expression(source)
    except cst.ParserSyntaxError:
        return None
    reads_self = bool({"self", "cls"} & set(names_read(template)))
    if reads_self and not isinstance(func, cst.Attribute):
        return None  # a module function reading ``self``: not what the facts describe
    # The facts hold ``ast.unparse``'s spelling (single quotes): written as the tool writes
    # strings (double quotes, which the style pass turns to the file's).
    requoted = template.visit(_DoubleQuotes())
    assert isinstance(requoted, cst.BaseExpression)
    return WrapperUrl(requoted, parameter, position, configured=True)


class _DoubleQuotes(cst.CSTTransformer):
    """Single-quoted strings and f-strings holding no double quote, double-quoted; what an
    f-string's holes hold (``{path.lstrip('/')}``) keeps its quotes, and an f-string whose
    holes hold a string keeps its own (before Python 3.12 a hole may not reuse them)."""

    def __init__(self) -> None:
        super().__init__()
        self.holes = 0

    def visit_FormattedStringExpression(self, node: cst.FormattedStringExpression) -> bool:
        self.holes += 1
        return True

    def leave_FormattedStringExpression(
        self,
        original_node: cst.FormattedStringExpression,
        updated_node: cst.FormattedStringExpression,
    ) -> cst.FormattedStringExpression:
        self.holes -= 1
        return updated_node

    def leave_SimpleString(
        self, original_node: cst.SimpleString, updated_node: cst.SimpleString
    ) -> cst.SimpleString:
        value = updated_node.value
        if self.holes:
            return updated_node
        if value.startswith("'") and not value.startswith("'''") and '"' not in value:
            return updated_node.with_changes(value=f'"{value[1:-1]}"')
        return updated_node

    def leave_FormattedString(
        self, original_node: cst.FormattedString, updated_node: cst.FormattedString
    ) -> cst.FormattedString:
        texts = [p.value for p in updated_node.parts if isinstance(p, cst.FormattedStringText)]
        holes_hold_strings = any(
            isinstance(part, cst.FormattedStringExpression)
            and any(
                isinstance(node, (cst.SimpleString, cst.FormattedString))
                for node in walk_nodes(part.expression, into_scopes=True)
            )
            for part in updated_node.parts
        )
        if (
            not self.holes
            and not holes_hold_strings
            and updated_node.start.endswith("'")
            and not any('"' in text for text in texts)
        ):
            start = updated_node.start[:-1] + '"'
            return updated_node.with_changes(start=start, end='"')
        return updated_node


def _readable_at(
    index: ModuleIndex,
    template: cst.BaseExpression,
    definition: cst.FunctionDef,
    parameter: str,
    locals_: dict[str, list[cst.BaseExpression]],
    call: cst.Call,
    context: Context,
) -> bool:
    """Every name ``template`` reads means the same at ``call``: the URL parameter (once),
    ``self`` when the call has a plain receiver, and module names the caller does not bind."""
    if not isinstance(template, (cst.FormattedString, cst.BinaryOperation)):
        return False
    params = definition.params
    own = {p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)}
    caller_names: set[str] = set()
    if context.function is not None:
        caller_params = context.function.params
        caller_names = {
            p.name.value
            for p in (
                *caller_params.posonly_params,
                *caller_params.params,
                *caller_params.kwonly_params,
            )
        } | set(local_assignments(context.function))
    module_names = set(index.module_scope.assignments) | set(index.imports)
    uses = 0
    for name in names_read(template):
        if name == parameter:
            uses += 1
        elif name in ("self", "cls"):
            if not isinstance(call.func, cst.Attribute) or not isinstance(
                call.func.value, cst.Name
            ):
                return False
        elif name in own or name in locals_ or name in caller_names or name not in module_names:
            return False
    return uses == 1


def _argument(call: cst.Call, name: str, position: int) -> cst.BaseExpression | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg.value
    positional = [a for a in call.args if a.keyword is None and not a.star]
    if 0 <= position < len(positional) and not any(
        a.star for a in call.args[: call.args.index(positional[position])]
    ):
        return positional[position].value
    return None


class _Substitution(cst.CSTTransformer):
    """The template with the URL parameter replaced by the call's argument (a string literal
    becomes the f-string's own text) and ``self`` by the call's receiver."""

    def __init__(
        self, parameter: str, argument: cst.BaseExpression, receiver: cst.Name | None
    ) -> None:
        self.parameter = parameter
        self.argument = argument
        self.receiver = receiver
        self.failed = False
        self.quote = ""
        self.hole_quotes: list[str] = []
        """The quotes of the f-strings around the hole being visited (innermost last)."""

    def visit_FormattedString(self, node: cst.FormattedString) -> bool:
        self.quote = node.quote
        return True

    def visit_FormattedStringExpression(self, node: cst.FormattedStringExpression) -> bool:
        direct = isinstance(node.expression, cst.Name) and node.expression.value == self.parameter
        # ``{path}`` becomes the f-string's text (no quotes); ``{path.lstrip('/')}`` holds it
        self.hole_quotes.append("" if direct else self.quote)
        return True

    def leave_FormattedStringExpression(
        self,
        original_node: cst.FormattedStringExpression,
        updated_node: cst.FormattedStringExpression,
    ) -> cst.BaseFormattedStringContent:
        self.hole_quotes.pop()
        value = original_node.expression
        if not (isinstance(value, cst.Name) and value.value == self.parameter):
            return updated_node
        if updated_node.conversion or updated_node.format_spec:
            self.failed = True
            return updated_node
        if isinstance(self.argument, cst.SimpleString):
            text = self.argument.evaluated_value
            if (
                not isinstance(text, str)
                or self.quote in text
                or "\\" in text
                or "\n" in text
                or self.argument.prefix.lower() not in ("", "u")
            ):
                self.failed = True
                return updated_node
            return cst.FormattedStringText(text.replace("{", "{{").replace("}", "}}"))
        if isinstance(self.argument, (cst.Name, cst.Attribute)):
            return updated_node.with_changes(expression=self.argument)
        self.failed = True
        return updated_node

    def leave_FormattedString(
        self, original_node: cst.FormattedString, updated_node: cst.FormattedString
    ) -> cst.BaseExpression:
        """``f"/{endpoint}"`` with the literal written in is ``"/sessions/token"``: an f-string
        without placeholders is what pyflakes reports (F541)."""
        if any(not isinstance(part, cst.FormattedStringText) for part in updated_node.parts):
            return updated_node
        text = "".join(
            part.value for part in updated_node.parts if isinstance(part, cst.FormattedStringText)
        )
        text = text.replace("{{", "{").replace("}}", "}")
        prefix = updated_node.prefix.replace("f", "").replace("F", "")
        return cst.SimpleString(
            f"{prefix}{updated_node.start[len(updated_node.prefix) :]}{text}{updated_node.end}"
        )

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        if original_node.value == self.parameter:
            if self.hole_quotes and isinstance(self.argument, cst.SimpleString):
                # ``{path.lstrip('/')}``: a literal in a hole may not reuse the quotes of the
                # f-strings around it (before Python 3.12)
                return self._requoted(self.argument)
            return self.argument
        if original_node.value in ("self", "cls") and self.receiver is not None:
            return self.receiver
        return updated_node

    def leave_Attribute(
        self, original_node: cst.Attribute, updated_node: cst.Attribute
    ) -> cst.BaseExpression:
        return updated_node.with_changes(attr=original_node.attr)  # ``self.path``: not a name

    def _requoted(self, literal: cst.SimpleString) -> cst.SimpleString:
        """``literal`` in quotes that none of the f-strings around it uses; else the
        substitution fails."""
        used = {quote[0] for quote in self.hole_quotes if quote}
        if literal.quote[0] not in used:
            return literal
        text = literal.evaluated_value
        for quote in ('"', "'"):
            if (
                quote not in used
                and isinstance(text, str)
                and quote not in text
                and not any(c in text for c in "\\\n\r")
                and literal.prefix.lower() in ("", "u")
            ):
                return cst.SimpleString(f"{quote}{text}{quote}")
        self.failed = True
        return literal


__all__ = ["WrapperUrl", "wrapper_url"]
