"""Values a function stores into a container that outlives it.

``SESSIONS[info["session_id"]] = info`` with ``SESSIONS`` a module-level dict, Flask's
``session["heygen"] = data``, ``self.sessions[user] = data``, Streamlit's
``st.session_state.session = data`` (read again on the next rerun): other functions (a route re-rendering the page, a status
endpoint) read the stored value later, through the container (``SESSIONS[sid]["url"]``,
``list(CALLS.values())[-1]``), where no response tracking can follow it; so is a value merged
into such a dict (``SESSIONS.setdefault(user, data)``, ``ROOMS.update({sid: data})``). A shelf
(``with shelve.open(path) as db: db["session"] = data``) keeps it for the program's next run.

An attribute a watcher method observes (Textual's ``self.room = data`` with a
``watch_room(self, room)`` method, a Kivy property's ``on_room(self, instance, value)``) hands
the value to that method as its parameter.

A few methods are stores whatever their receiver: Airflow's ``ti.xcom_push(key="room",
value=data)`` (a later task reads ``ti.xcom_pull(...)["url"]``), a cache's
``cache.set("room", data)`` and python-socketio's ``await sio.save_session(sid, data)``: the
receiver is often a parameter, the store outlives it. So do an object's public future
(``self.ready.set_result(data)``) and queue (``self.events.put(data)``): its users await them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence

import libcst as cst

from .index import Context, ModuleIndex, Statement, dotted_name, walk_nodes
from .serialised_values import serialised_value


def long_lived_stores(
    index: ModuleIndex, statements: Iterable[tuple[Statement, Context]]
) -> Iterator[tuple[cst.BaseExpression, Context]]:
    """The values of ``CONTAINER[key] = value`` statements among ``statements`` whose
    container is a module-level or imported name the function does not bind itself, or an
    object's attribute."""
    for statement, context in statements:
        if type(statement) is not cst.SimpleStatementLine:
            continue
        for small in statement.body:
            if type(small) is cst.Expr:
                stored = _stored_by_method(small.value)
                if stored is not None:
                    yield from ((value, context) for value in _stored_values(stored))
                for stored in _merged_into_container(index, small.value, context):
                    yield from ((value, context) for value in _stored_values(stored))
                continue
            if type(small) is not cst.Assign:
                continue
            if any(
                _outlives(index, target.target, context)
                or _outliving_attribute(index, target.target, context)
                for target in small.targets
            ):
                yield from ((value, context) for value in _stored_values(small.value))


def public_attribute_stores(
    statements: Iterable[tuple[Statement, Context]], models: Collection[str]
) -> Iterator[tuple[cst.BaseExpression, Context]]:
    """The values of ``self.session = value`` statements among ``statements`` (methods of a
    class) whose attribute is public and declared as one of ``models`` (classes mirroring a
    ``streaming.new`` response, ``NewSession`` with ``url`` and ``access_token``): by an
    annotation in the class (``self.session: NewSession | None = None``, ``session:
    NewSession``) or a ``cast(NewSession, ...)`` of the value. The declared keys are the
    object's interface: its users read ``client.session["url"]`` in code the tool never sees
    (a script, a test), where the tracking of ``self.session`` through the class's own
    methods does not reach."""
    for statement, context in statements:
        if type(statement) is not cst.SimpleStatementLine or context.class_def is None:
            continue
        for small in statement.body:
            if type(small) is not cst.Assign or len(small.targets) != 1:
                continue
            target = small.targets[0].target
            if not (
                isinstance(target, cst.Attribute)
                and isinstance(target.value, cst.Name)
                and target.value.value == "self"
                and not target.attr.value.startswith("_")
            ):
                continue
            declared = _declared_types(context.class_def, target.attr.value)
            value = small.value
            if (
                isinstance(value, cst.Call)
                and dotted_name(value.func) in ("cast", "typing.cast")
                and len(value.args) == 2
            ):
                declared |= _annotation_names(value.args[0].value)
            if declared & set(models):
                yield value, context


def _declared_types(class_def: cst.ClassDef, attribute: str) -> set[str]:
    """The names in the annotations of ``attribute`` in ``class_def`` (``session: T`` in its
    body, ``self.session: T = ...`` in its methods)."""
    found: set[str] = set()
    for node in walk_nodes(class_def):
        if not isinstance(node, cst.AnnAssign):
            continue
        target = node.target
        if (isinstance(target, cst.Name) and target.value == attribute) or (
            isinstance(target, cst.Attribute)
            and isinstance(target.value, cst.Name)
            and target.value.value == "self"
            and target.attr.value == attribute
        ):
            found |= _annotation_names(node.annotation.annotation)
    return found


def _annotation_names(node: cst.CSTNode) -> set[str]:
    """The names an annotation mentions (``NewSession | None``, ``Optional["NewSession"]``)."""
    names = {n.value for n in walk_nodes(node) if isinstance(n, cst.Name)}
    names |= {n.value.strip("\"'") for n in walk_nodes(node) if isinstance(n, cst.SimpleString)}
    return names


def _stored_values(value: cst.BaseExpression) -> Iterator[cst.BaseExpression]:
    """The stored value, and the values of a dict literal stored with other fields
    (``SESSIONS[user] = {"heygen": data, "owner": user}``, read as ``SESSIONS[user]["heygen"]``)."""
    yield value
    copied = _copied(value)
    if copied is not None:
        yield copied  # ``SESSIONS[sid] = copy.deepcopy(data)``: the copy keeps the data's keys
    if isinstance(value, cst.Dict):
        for element in value.elements:
            if isinstance(element, cst.DictElement):
                yield element.value
    if isinstance(value, cst.Tuple):
        # ``queue.put(("ready", data))``: the reader unpacks the item.
        for item in value.elements:
            if isinstance(item, cst.Element):
                yield item.value


_COPIERS = frozenset({"copy.copy", "copy.deepcopy", "deepcopy", "dict"})


def _copied(value: cst.BaseExpression) -> cst.BaseExpression | None:
    """``x`` of ``copy.deepcopy(x)``, ``copy.copy(x)``, ``dict(x)`` or ``x.copy()``."""
    if not isinstance(value, cst.Call):
        return None
    func = value.func
    if isinstance(func, cst.Attribute) and func.attr.value == "copy" and not value.args:
        inner = func.value
        return inner if isinstance(inner, cst.Name) else None
    if (dotted_name(func) or "") not in _COPIERS:
        return None
    positional = [arg for arg in value.args if arg.keyword is None]
    if len(positional) != 1 or positional[0].star or not isinstance(positional[0].value, cst.Name):
        return None
    return positional[0].value


# method name -> (keyword, position) of the value it keeps for later readers; a call with
# fewer positional arguments (``var.set(data)`` of a ``ContextVar``) stores nothing here.
_STORING_METHODS = {
    "xcom_push": ("value", 1),
    "set": ("value", 1),
    "save_session": ("session", 1),  # python-socketio: ``await sio.save_session(sid, data)``
}
# What an awaiting reader gets from an object's public future or queue: ``self.ready.set_result(
# data)`` (an ``asyncio.Future``), ``await self.events.put(("ready", data))`` (an
# ``asyncio.Queue``, also ``put_nowait``). The object's users await them, outside the code; a
# module's own queue is read by its own functions, which the tracking follows.
_HANDING_METHODS = {
    "set_result": ("result", 0),
    "put": ("item", 0),
    "put_nowait": ("item", 0),
}


def _stored_by_method(expr: cst.BaseExpression) -> cst.BaseExpression | None:
    """The value of ``ti.xcom_push(key="room", value=data)`` / ``cache.set("room", data)`` /
    ``self.ready.set_result(data)``."""
    if isinstance(expr, cst.Await):
        expr = expr.expression
    if not (isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute)):
        return None
    where = _STORING_METHODS.get(expr.func.attr.value)
    receiver = expr.func.value
    if (
        where is None
        and isinstance(receiver, cst.Attribute)
        and isinstance(receiver.value, cst.Name)
        and receiver.value.value == "self"
        and not receiver.attr.value.startswith("_")
    ):
        where = _HANDING_METHODS.get(expr.func.attr.value)
    if where is None:
        return None
    keyword, position = where
    positional = [arg for arg in expr.args if arg.keyword is None and not arg.star]
    for arg in expr.args:
        if arg.keyword is not None and arg.keyword.value == keyword:
            return arg.value
    if len(positional) > position and len(positional) == len(
        [arg for arg in expr.args if arg.keyword is None]
    ):
        return positional[position].value
    return None


def _merged_into_container(
    index: ModuleIndex, expr: cst.BaseExpression, context: Context
) -> list[cst.BaseExpression]:
    """The values ``SESSIONS.setdefault(user, data)`` / ``ROOMS.update({sid: data})`` /
    ``STATE.update(session=data)`` put under a key of a dict that outlives the function (a
    module-level or imported one, an object's): what a later function reads as
    ``ROOMS[sid]["url"]``."""
    if isinstance(expr, cst.Await):
        return []
    if not (
        isinstance(expr, cst.Call)
        and isinstance(expr.func, cst.Attribute)
        and expr.func.attr.value in ("setdefault", "update")
    ):
        return []
    receiver = expr.func.value
    outlives = isinstance(receiver, cst.Attribute) or (
        isinstance(receiver, cst.Name)
        and receiver.value not in context.scope.assignments
        and (receiver.value in index.module_scope.assignments or receiver.value in index.imports)
    )
    if not outlives or any(arg.star for arg in expr.args):
        return []
    positional = [arg.value for arg in expr.args if arg.keyword is None]
    if expr.func.attr.value == "setdefault":
        return positional[1:2] if len(positional) == 2 else []
    # ``ROOMS.update(data)`` merges the data's own keys into the dict: the tracking renames the
    # reads of that dict (``session["livekit_url"]``), nothing is stored under a key here.
    stored = [value for value in positional[:1] if isinstance(value, cst.Dict)]
    return [*stored, *(arg.value for arg in expr.args if arg.keyword is not None)]


def _outliving_attribute(index: ModuleIndex, target: cst.BaseExpression, context: Context) -> bool:
    """``st.session_state.session = data``, ``app.state.avatar = data``: an attribute of a
    module-level or imported object (not ``self``, whose attributes the response tracking
    follows into the class's other methods)."""
    if not isinstance(target, cst.Attribute):
        return False
    if _watched(target, context):
        return True
    root = target.value
    while isinstance(root, (cst.Attribute, cst.Subscript)):
        root = root.value
    if not isinstance(root, cst.Name) or root.value == "self":
        return False
    name = root.value
    if context.function is not None and name in context.scope.assignments:
        return False  # a local object, or a parameter
    return name in index.imports or name in index.module_scope.assignments


def _watched(target: cst.Attribute, context: Context) -> bool:
    """``self.room = data`` in a class with a ``watch_room(self, room)`` method (Textual's
    reactive attributes), or with ``on_room(self, instance, value)`` for a Kivy property
    ``room = DictProperty({})``: the observer gets the value as its parameter, where the
    tracking of ``self.room`` does not follow it."""
    if not (isinstance(target.value, cst.Name) and target.value.value == "self"):
        return False
    if context.class_def is None or not isinstance(context.class_def.body, cst.IndentedBlock):
        return False
    name = target.attr.value
    watchers = {f"watch_{name}", f"_watch_{name}"}
    if _kivy_property(context.class_def.body.body, name):
        watchers.add(
            f"on_{name}"
        )  # Kivy: ``room = DictProperty({})`` and ``on_room(self, w, value)``
    return any(
        isinstance(statement, cst.FunctionDef) and statement.name.value in watchers
        for statement in context.class_def.body.body
    )


def _kivy_property(body: Sequence[cst.BaseStatement], name: str) -> bool:
    """``name = DictProperty({})`` (any ``...Property(...)``) among a class's statements."""
    for statement in body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if (
                isinstance(small, cst.Assign)
                and any(
                    isinstance(t.target, cst.Name) and t.target.value == name for t in small.targets
                )
                and isinstance(small.value, cst.Call)
                and (dotted_name(small.value.func) or "").endswith("Property")
            ):
                return True
    return False


def _outlives(index: ModuleIndex, target: cst.BaseExpression, context: Context) -> bool:
    if not isinstance(target, cst.Subscript):
        return False
    container = target.value
    while isinstance(container, cst.Subscript):  # ``hass.data[DOMAIN][entry_id][...]``
        container = container.value
    if isinstance(container, cst.Attribute):
        # ``self.sessions[...]``, ``request.session[...]``, ``st.session_state[...]``,
        # ``context.user_data[...]``: state of an object, kept beyond the call.
        return True
    if not isinstance(container, cst.Name):
        return False
    name = container.value
    if _persistent_mapping(index, container, context):
        return True  # ``db["session"] = data`` on a shelf: the next run reads it back
    if name in context.scope.assignments:
        # a local dict, or a parameter: only one the function then writes out lives on
        return _serialised_by_function(index, name, context)
    # a module-level dict, or an imported one (Flask's ``session``)
    return name in index.module_scope.assignments or name in index.imports


def _serialised_by_function(index: ModuleIndex, name: str, context: Context) -> bool:
    """The local dict ``name`` is written out by the function that fills it, to a file another
    process reads (a CGI request, the next CLI command): ``json.dump(state, fh)`` there, or
    ``save_state(state)`` calling a function of this module that serialises that parameter."""
    function = context.function
    if function is None:
        return False
    for site in index.calls:
        if site.context.function is not function:
            continue
        if _names(serialised_value(index, site), name):
            return True
        callee = _module_function(index, site.node.func)
        if callee is None:
            continue
        for position, arg in enumerate(site.node.args):
            if arg.keyword is not None or arg.star or not _names(arg.value, name):
                continue
            params = callee.params.params
            if position < len(params) and _serialises_parameter(index, callee, params[position]):
                return True
    return False


def _names(expr: cst.BaseExpression | None, name: str) -> bool:
    return isinstance(expr, cst.Name) and expr.value == name


def _module_function(index: ModuleIndex, func: cst.BaseExpression) -> cst.FunctionDef | None:
    if not isinstance(func, cst.Name):
        return None
    found = [
        statement
        for statement in index.module.body
        if isinstance(statement, cst.FunctionDef) and statement.name.value == func.value
    ]
    return found[0] if len(found) == 1 else None


def _serialises_parameter(index: ModuleIndex, function: cst.FunctionDef, param: cst.Param) -> bool:
    """``def save_state(state): ... json.dump(state, fh)``, the parameter never bound again."""
    scope = index.function_scopes.get(id(function))
    name = param.name.value
    if scope is None or len(scope.assignments.get(name, [])) > (param.default is not None):
        return False
    return any(
        site.context.function is function and _names(serialised_value(index, site), name)
        for site in index.calls
    )


# Openers of mappings kept on disk: what is stored in them outlives the process.
_PERSISTENT_OPENERS = frozenset(
    {"shelve.open", "dbm.open", "sqlitedict.SqliteDict", "diskcache.Cache", "diskcache.Index"}
)


def _opens_persistent_mapping(index: ModuleIndex, value: cst.BaseExpression | None) -> bool:
    return isinstance(value, cst.Call) and (
        index.qualified_name(dotted_name(value.func)) in _PERSISTENT_OPENERS
    )


def _persistent_mapping(index: ModuleIndex, name: cst.Name, context: Context) -> bool:
    """``name`` is a shelf (``db = shelve.open(path)``, or ``with shelve.open(path) as db:``
    around ``name``): a later run of the program reads what is stored in it."""
    values = context.scope.assignments.get(name.value, [])
    if values:
        return all(_opens_persistent_mapping(index, value) for value in values)
    node: cst.CSTNode | None = index.parent_of(name)
    while node is not None and not isinstance(node, (cst.FunctionDef, cst.Module)):
        if isinstance(node, cst.With):
            for item in node.items:
                target = item.asname.name if item.asname is not None else None
                if isinstance(target, cst.Name) and target.value == name.value:
                    return _opens_persistent_mapping(index, item.item)
        node = index.parent_of(node)
    return False


__all__ = ["long_lived_stores", "public_attribute_stores"]
