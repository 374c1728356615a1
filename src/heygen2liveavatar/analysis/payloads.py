"""Request payloads: find the dict literal a request sends, wherever it was built.

Real code passes ``json={...}`` inline, a variable filled over several statements, or
``data=json.dumps(payload)``. :func:`find_payload_dict` follows those shapes to the
``cst.Dict`` node that a rule can edit, and :func:`subscript_assignments` finds the
``payload["key"] = value`` lines that fill it after the literal.
"""

from __future__ import annotations

import libcst as cst

from .index import Context, ModuleIndex, dotted_name, string_value

_SERIALISERS = frozenset({"json.dumps", "dumps", "orjson.dumps", "ujson.dumps"})
_MUTATORS = frozenset({"update", "setdefault", "pop", "popitem", "clear", "__setitem__"})
RUNTIME_MAPPER = "session_fields"
"""``liveavatar_bridge.session_fields(body, overrides)``: a migrated body whose caller-given
fields are mapped at run time (see :mod:`.session_config`); its first argument is the body."""


def unwrap_serialiser(expr: cst.BaseExpression, index: ModuleIndex) -> cst.BaseExpression:
    if not isinstance(expr, cst.Call):
        return expr
    # ``json.dumps(payload).encode()``
    if isinstance(expr.func, cst.Attribute) and expr.func.attr.value == "encode":
        return unwrap_serialiser(expr.func.value, index)
    if expr.args:
        name = index.qualified_name(dotted_name(expr.func))
        if name in _SERIALISERS or dotted_name(expr.func) in _SERIALISERS:
            return expr.args[0].value
    return expr


def find_payload_dict(
    expr: cst.BaseExpression | None, index: ModuleIndex, context: Context
) -> cst.Dict | None:
    """The dict literal behind a payload expression, or ``None`` when it is not static."""
    if expr is None:
        return None
    expr = _runtime_mapped(unwrap_serialiser(expr, index))
    if isinstance(expr, cst.Dict):
        return expr
    if isinstance(expr, cst.Name):
        values = index.lookup(expr.value, context.scope)
        value = _runtime_mapped(values[0]) if values else None
        if isinstance(value, cst.Dict):
            return value
    return None


def find_keyword_dict_call(
    expr: cst.BaseExpression | None, index: ModuleIndex, context: Context
) -> cst.Call | None:
    """``dict(name=n, prompt=p)`` behind a payload expression (inline, serialised, or the one
    value of a name): a dict whose keys are the call's keywords, nothing spread in."""
    if expr is None:
        return None
    expr = unwrap_serialiser(expr, index)
    if isinstance(expr, cst.Name):
        values = index.lookup(expr.value, context.scope)
        expr = values[0] if len(values) == 1 else expr
    if (
        isinstance(expr, cst.Call)
        and dotted_name(expr.func) == "dict"
        and expr.args
        and all(arg.keyword is not None and not arg.star for arg in expr.args)
    ):
        return expr
    return None


def _runtime_mapped(expr: cst.BaseExpression) -> cst.BaseExpression:
    """The body inside ``liveavatar_bridge.session_fields({...}, overrides)`` (a body migrated
    already: a second run must find it as the first did)."""
    if (
        isinstance(expr, cst.Call)
        and isinstance(expr.func, cst.Attribute)
        and expr.func.attr.value == RUNTIME_MAPPER
        and expr.args
        and isinstance(expr.args[0].value, cst.Dict)
    ):
        return expr.args[0].value
    return expr


def constant_dict(
    expr: cst.BaseExpression, index: ModuleIndex, context: Context
) -> cst.Dict | None:
    """The literal of a module constant spread into a body (``{**DEFAULT_SESSION, ...}``).

    Only when its fields are the same on every call: assigned once at module level, string
    keys only, never changed in place (``DEFAULT_SESSION.update(...)``,
    ``DEFAULT_SESSION["k"] = v``) anywhere in the module.
    """
    if not isinstance(expr, cst.Name):
        return None
    values = index.lookup(expr.value, context.scope)
    module_values = index.module_scope.assignments.get(expr.value)
    if len(values) != 1 or module_values is None or values[0] is not module_values[0]:
        return None  # a local of that name, or a module name assigned twice
    value = values[0]
    if not isinstance(value, cst.Dict) or not all(
        isinstance(e, cst.DictElement) and string_value(e.key) is not None for e in value.elements
    ):
        return None
    name = expr.value
    for call in index.calls:
        callee = call.name or ""
        if callee.startswith(name + ".") and callee[len(name) + 1 :] in _MUTATORS:
            return None
    for subscript in index.subscripts:
        base = subscript.node.value
        if isinstance(base, cst.Name) and base.value == name:
            parent = index.parent_of(subscript.node)
            if isinstance(parent, (cst.AssignTarget, cst.AugAssign, cst.Del)):
                return None
    return value


def dict_keys(node: cst.Dict) -> dict[str, cst.DictElement]:
    keys: dict[str, cst.DictElement] = {}
    for element in node.elements:
        if isinstance(element, cst.DictElement):
            key = string_value(element.key)
            if key is not None:
                keys[key] = element
    return keys


def key_string(like: cst.BaseExpression | None, key: str) -> cst.SimpleString:
    """A string literal for ``key`` in the quote style of ``like``."""
    quote = '"'
    if isinstance(like, cst.SimpleString) and like.value[-1:] == "'":
        quote = "'"
    return cst.SimpleString(f"{quote}{key}{quote}")


def add_dict_entry(node: cst.Dict, key: str, value: cst.BaseExpression) -> cst.Dict:
    """Append ``key: value`` to a dict literal, keeping its layout (one per line or inline)."""
    elements = list(node.elements)
    like_key = None
    for element in elements:
        if isinstance(element, cst.DictElement):
            like_key = element.key
    new_element = cst.DictElement(key_string(like_key, key), value)
    if not elements:
        return node.with_changes(elements=[new_element])
    last = elements[-1]
    # The separator between existing entries (newline and indent in a multi-line dict)
    # goes after the old last entry; the old last entry's own comma, or its absence,
    # moves to the new entry, so the trailing-comma convention survives.
    separator: cst.Comma
    previous = elements[-2].comma if len(elements) >= 2 else None
    if isinstance(previous, cst.Comma):
        separator = previous
    elif isinstance(node.lbrace.whitespace_after, cst.ParenthesizedWhitespace):
        separator = cst.Comma(whitespace_after=node.lbrace.whitespace_after)
    else:
        separator = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    elements[-1] = last.with_changes(comma=separator)
    elements.append(new_element.with_changes(comma=last.comma))
    return node.with_changes(elements=elements)


def payload_variable(expr: cst.BaseExpression, index: ModuleIndex) -> str | None:
    """``payload`` in ``json=payload`` or ``data=json.dumps(payload)``: the name the body is in."""
    inner = unwrap_serialiser(expr, index)
    return inner.value if isinstance(inner, cst.Name) else None


def _rebound_at(
    index: ModuleIndex, context: Context, name: str, node: cst.Dict
) -> tuple[int, int] | None:
    """Where ``name`` is bound again after the statement building ``node`` in its scope:
    ``payload = {}`` further down starts another dict, whose lines are not this one's."""
    built = index.position_of(context.statement)
    rebound = [
        index.position_of(statement)
        for value in context.scope.assignments.get(name, [])
        if value is not node and (statement := index.statement_of(value)) is not None
    ]
    return min((at for at in rebound if at > built), default=None)


def subscript_assignments(
    index: ModuleIndex, name: str, node: cst.Dict, nested: bool = False
) -> list[tuple[str, cst.SimpleStatementLine]]:
    """``payload["key"] = value`` lines filling the payload dict, in the dict's scope; with
    ``nested``, ``payload["voice"]["voice_id"] = value`` lines, keyed by the outer key."""
    context = index.context_of(index.statement_of(node) or node)
    if context is None:
        return []
    until = _rebound_at(index, context, name, node)
    lines: list[tuple[str, cst.SimpleStatementLine]] = []
    for subscript in index.subscripts:
        if subscript.context.scope is not context.scope:
            continue
        if until is not None and index.position_of(subscript.context.statement) > until:
            continue
        base = subscript.node.value
        key: str | None = subscript.key
        if nested:
            inner = base
            if not (isinstance(inner, cst.Subscript) and len(inner.slice) == 1):
                continue
            element = inner.slice[0].slice
            key = string_value(element.value) if isinstance(element, cst.Index) else None
            base = inner.value
        if key is None or not isinstance(base, cst.Name) or base.value != name:
            continue
        if not isinstance(index.parent_of(subscript.node), cst.AssignTarget):
            continue
        line = subscript.context.statement
        if not isinstance(line, cst.SimpleStatementLine) or len(line.body) != 1:
            continue
        assign = line.body[0]
        if isinstance(assign, cst.Assign) and len(assign.targets) == 1:
            lines.append((key, line))
    return lines


def key_reads(
    index: ModuleIndex, name: str, node: cst.Dict
) -> list[tuple[str, cst.Subscript | cst.Call]]:
    """Reads of the payload dict's keys in the dict's scope, ``payload["key"]`` (not as an
    assignment target) and ``payload.get("key", ...)``: the program reads the body it sent,
    ``log.info("idle %s", payload["activity_idle_timeout"])``, so a key the mapping moves or
    drops would fail there (or read ``None``)."""
    context = index.context_of(index.statement_of(node) or node)
    if context is None:
        return []
    built = index.position_of(context.statement)
    until = _rebound_at(index, context, name, node)

    def in_range(statement: cst.CSTNode) -> bool:
        at = index.position_of(statement)
        return at > built and (until is None or at < until)

    reads: list[tuple[str, cst.Subscript | cst.Call]] = []
    for subscript in index.subscripts:
        base = subscript.node.value
        if (
            subscript.context.scope is context.scope
            and isinstance(base, cst.Name)
            and base.value == name
            and not _assigned_through(index, subscript.node)
            and in_range(subscript.context.statement)
        ):
            reads.append((subscript.key, subscript.node))
    for call in index.calls:
        if (
            call.name == f"{name}.get"
            and call.context.scope is context.scope
            and call.node.args
            and in_range(call.context.statement)
            and (key := string_value(call.node.args[0].value)) is not None
        ):
            reads.append((key, call.node))
    return reads


def _assigned_through(index: ModuleIndex, node: cst.Subscript) -> bool:
    """``payload["key"] = v`` or ``payload["voice"]["voice_id"] = v``: a line filling the body
    (mapped by H2L101 as such), not a read of it."""
    parent = index.parent_of(node)
    if isinstance(parent, cst.Subscript) and parent.value is node:
        parent = index.parent_of(parent)
    return isinstance(parent, cst.AssignTarget)


# Bodies the tool cannot read statically but that are a dict at run time: a model dump
# (``request.model_dump(exclude_none=True)``), a parameter, a constant of another module.
_RUN_TIME_BODIES = (cst.Name, cst.Attribute, cst.Call, cst.Subscript)


def is_run_time_body(value: cst.BaseExpression) -> bool:
    """A body that is a dict only at run time (:data:`_RUN_TIME_BODIES`), or a PEP 584 dict
    union of anything (``DEFAULTS | {"avatar_id": a} | overrides``): a JSON body joined with
    ``|`` is a dict."""
    if isinstance(value, cst.BinaryOperation):
        return isinstance(value.operator, cst.BitOr)
    return type(value) in _RUN_TIME_BODIES


def mutated_in_place(index: ModuleIndex, name: str, node: cst.Dict) -> bool:
    """Whether the dict literal ``node`` bound to ``name`` is changed in place in its scope by
    more than ``name["key"] = value`` lines: ``name.update(...)``, ``name.setdefault(...)``,
    ``name.pop(...)``, ``name |= {...}``. Such a body holds keys the literal does not show."""
    context = index.context_of(index.statement_of(node) or node)
    if context is None:
        return False
    for call in index.calls:
        if call.context.scope is not context.scope or call.name is None:
            continue
        base, _dot, method = call.name.rpartition(".")
        if base == name and method in _MUTATORS:
            return True
    if not index.has_node_type(cst.AugAssign):
        return False  # (most modules: a walk of every node saved per dict body)
    for candidate in index.nodes:
        if (
            type(candidate) is cst.AugAssign
            and isinstance(candidate.operator, cst.BitOrAssign)
            and isinstance(candidate.target, cst.Name)
            and candidate.target.value == name
        ):
            where = index.context_of(index.statement_of(candidate) or candidate)
            if where is not None and where.scope is context.scope:
                return True
    return False


def subscript_key_node(target: cst.Subscript) -> cst.BaseExpression | None:
    """The key expression of ``payload["key"]`` (its quotes are the style new keys follow)."""
    element = target.slice[0].slice
    return element.value if isinstance(element, cst.Index) else None


def empty_body(value: cst.BaseExpression) -> bool:
    """``{}``, ``b"{}"``, ``"{}"``, ``None``: a request body that carries nothing."""
    if isinstance(value, cst.Dict):
        return not value.elements
    if isinstance(value, cst.Name):
        return value.value == "None"
    return isinstance(value, cst.SimpleString) and value.value.lstrip("bB").strip("\"'") in (
        "{}",
        "",
    )


_MAPPING_BASES = frozenset({"TypedDict", "dict", "Dict", "UserDict", "OrderedDict"})


def constructs_object(call: cst.Call, index: ModuleIndex, context: Context) -> bool:
    """``NewSession(avatar_id, kb=kb)``: an instance of a program's class (a dataclass, a model)
    that a wrapper serialises itself, not a dict a run-time body mapper could take. A class of
    this module says so by its bases (a ``TypedDict`` is a dict); another module's class by a
    positional argument, which a ``TypedDict`` call does not take."""
    name = dotted_name(call.func)
    if not name or not name.rsplit(".", 1)[-1][:1].isupper():
        return False
    class_def = _module_class(name, index, context)
    if class_def is not None:
        return not _is_mapping_class(class_def, index, context, 0)
    return any(arg.keyword is None and not arg.star for arg in call.args)


def _module_class(name: str, index: ModuleIndex, context: Context) -> cst.ClassDef | None:
    if "." in name:
        return None
    for value in index.lookup(name, context.scope):
        parent = index.parent_of(value)
        if isinstance(parent, cst.ClassDef) and parent.name is value:
            return parent
    return None


def _is_mapping_class(
    class_def: cst.ClassDef, index: ModuleIndex, context: Context, depth: int
) -> bool:
    for base in class_def.bases:
        base_name = dotted_name(base.value) or ""
        if base_name.rsplit(".", 1)[-1] in _MAPPING_BASES:
            return True
        parent = _module_class(base_name, index, context) if depth < 5 else None
        if parent is not None and _is_mapping_class(parent, index, context, depth + 1):
            return True
    return False
