"""Typed models that mirror a HeyGen session response, and where they are built from one.

Real code parses ``streaming.new``'s ``data`` into a model (a pydantic ``BaseModel``, a
``@dataclass``, a ``TypedDict``, an attrs class) whose fields are HeyGen's names: ``url``,
``access_token``, ``realtime_endpoint``. After migration the dict holds LiveAvatar's names
(``livekit_url``...), so ``Model(**data)`` or ``Model.model_validate(data)`` fails before the
session is used. The model is the project's own interface (its callers read ``.url``), so the
construction is what changes: each field is passed explicitly from the key that holds it now.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from ..apispec.session_fields import RESPONSE_FIELDS, RESPONSE_FIELDS_BY_ENDPOINT, SESSION_ID_FIELD
from .attribute_dicts import ATTRIBUTE_DICT_LIBRARIES, is_attribute_dict_class
from .imported_classes import class_fields, resolve_import
from .index import CallSite, ModuleIndex, dotted_name, string_value, walk_nodes
from .model_validations import body_owner, validation_of
from .responses import OBJECT, RESPONSE_PARSER_METHODS, ResponseTracker
from .template_contexts import renders_a_template

# Class-level constructors that validate a mapping (pydantic v2 and v1).
_VALIDATORS = frozenset({"model_validate", "parse_obj", "construct", "model_construct"})
_MARKERS = frozenset({"url", "access_token", "realtime_endpoint"})
TOKEN_FIELD = "token"
"""The one field of ``streaming.create_token``'s data (``session_token`` in LiveAvatar's)."""
# Hand-written alternative constructors that read the keys they need (``from_dict(d)``:
# ``url=d["url"]``): extra keys do not disturb them.
_DICT_CONSTRUCTORS = RESPONSE_PARSER_METHODS
# ``jsonschema.validate(instance, schema)``: the schema (often in another module) names the
# keys it requires, HeyGen's among them; the instance is the first argument or ``instance=``.
_SCHEMA_VALIDATORS = frozenset({"jsonschema.validate"})


@dataclass
class ModelField:
    name: str
    has_default: bool
    alias: str | None = None
    """``token: str = Field(alias="access_token")``: the key the model reads its value from."""

    @property
    def key(self) -> str:
        """The key of the mapping the model is validated from."""
        return self.alias or self.name


@dataclass
class ResponseModel:
    """A class whose fields mirror a HeyGen ``streaming.new`` response."""

    name: str
    fields: list[ModelField]


@dataclass
class ModelConstruction:
    """``Model(**data)`` / ``Model.model_validate(data)`` with ``data`` from a new response."""

    call: CallSite
    model: ResponseModel
    source: cst.BaseExpression
    """The mapping the model is built from (a name or a subscript of one)."""


def _mirrors_new_response(fields: list[ModelField]) -> bool:
    names = {f.key for f in fields}
    return bool(names & _MARKERS) and (SESSION_ID_FIELD in names or len(names & _MARKERS) > 1)


def _mirrors_token_response(fields: list[ModelField]) -> bool:
    return TOKEN_FIELD in {f.key for f in fields}


def response_models(
    index: ModuleIndex, filename: str | None = None, endpoint: str = "new"
) -> dict[str, ResponseModel]:
    """Classes whose annotated fields include HeyGen new-response fields (``endpoint``
    ``"create_token"``: the token's): the module's own, and (given the module's ``filename``)
    those it imports from the project's modules."""
    mirrors = _mirrors_token_response if endpoint == "create_token" else _mirrors_new_response
    models: dict[str, ResponseModel] = {}
    for statement in index.module.body:
        if not isinstance(statement, cst.ClassDef):
            continue
        fields = _annotated_fields(statement)
        if mirrors(fields):
            models[statement.name.value] = ResponseModel(statement.name.value, fields)
    if filename is None:
        return models
    for local, target in index.imports.items():
        resolved = resolve_import(filename, target) if local not in models else None
        found = class_fields(*resolved) if resolved is not None else None
        if found:
            fields = [ModelField(name, has_default) for name, has_default in found]
            if mirrors(fields):
                models[local] = ResponseModel(local, fields)
    return models


def _annotated_fields(node: cst.ClassDef) -> list[ModelField]:
    fields: list[ModelField] = []
    body = node.body
    if not isinstance(body, cst.IndentedBlock):
        return fields
    for line in body.body:
        if not isinstance(line, cst.SimpleStatementLine):
            continue
        for small in line.body:
            if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                fields.append(_model_field(small.target.value, small.value))
    return fields


_FIELD_ALIASES = ("validation_alias", "alias")
_FIELD_DEFAULTS = frozenset({"default", "default_factory"})


def _model_field(name: str, value: cst.BaseExpression | None) -> ModelField:
    """A field, with the alias a pydantic ``Field(alias="...")`` reads it from; such a field
    has a default only when the ``Field`` gives one."""
    if not (
        isinstance(value, cst.Call)
        and (dotted_name(value.func) or "").rsplit(".", 1)[-1] == "Field"
    ):
        return ModelField(name, value is not None)
    keywords = {arg.keyword.value: arg.value for arg in value.args if arg.keyword is not None}
    alias = next(
        (
            string_value(keywords[k])
            for k in _FIELD_ALIASES
            if k in keywords and isinstance(keywords[k], cst.SimpleString)
        ),
        None,
    )
    positional = [arg.value for arg in value.args if arg.keyword is None and not arg.star]
    has_default = bool(_FIELD_DEFAULTS & keywords.keys()) or (
        bool(positional) and not isinstance(positional[0], cst.Ellipsis)
    )
    return ModelField(name, has_default, alias)


def model_constructions(
    index: ModuleIndex,
    tracker: ResponseTracker,
    models: dict[str, ResponseModel],
    endpoint: str = "new",
) -> list[ModelConstruction]:
    """Constructions of ``models`` from the parsed JSON of a ``streaming.<endpoint>``
    response."""
    found: list[ModelConstruction] = []
    if not models:
        return found
    for call in index.calls:
        name = call.name or ""
        parts = name.split(".")
        model = models.get(parts[0])
        if model is None or len(parts) > 2 or (len(parts) == 2 and parts[1] not in _VALIDATORS):
            continue
        args = call.node.args
        if len(args) != 1:
            continue
        arg = args[0]
        if len(parts) == 1 and arg.star != "**":
            continue
        if len(parts) == 2 and (arg.star or arg.keyword is not None):
            continue
        origin = tracker.classify(arg.value, call.context)
        if origin is None or origin.endpoint_key != endpoint or origin.kind == OBJECT:
            continue
        found.append(ModelConstruction(call, model, arg.value))
    return found


def opaque_validations(
    index: ModuleIndex, tracker: ResponseTracker, models: dict[str, ResponseModel]
) -> list[cst.BaseExpression]:
    """What ``X.model_validate(<json>)`` / ``X.parse_obj(<json>)`` / ``X.from_dict(<json>)``
    / ``jsonschema.validate(<json>, schema)`` validates, where ``<json>``
    is a ``streaming.new`` response and ``X`` is not a model this module can rebuild (an
    envelope class with a nested ``data`` model, aliases, a class it cannot read)."""
    found: list[cst.BaseExpression] = []
    for call in index.calls:
        parts = (call.name or "").split(".")
        if (index.qualified_name(call.name) or "").endswith("SimpleNamespace"):
            # ``SimpleNamespace(**data)``: attribute access by HeyGen's names (``sess.url``).
            args = call.node.args
            if len(args) == 1 and args[0].star == "**":
                origin = tracker.classify(args[0].value, call.context)
                if origin is not None and origin.endpoint_key == "new":
                    found.append(args[0].value)
            continue
        if index.qualified_name(call.name) in _SCHEMA_VALIDATORS:
            instance = _schema_instance(call.node)
            origin = tracker.classify(instance, call.context) if instance is not None else None
            if origin is not None and origin.endpoint_key == "new" and origin.kind != OBJECT:
                found.append(instance)  # type: ignore[arg-type]
            continue
        validation = validation_of(call.node)
        if validation is not None and validation.model_name not in models:  # else rebuilt
            # ``Envelope[Session].model_validate_json(resp.content)``: the response's body.
            source = validation.source
            owner = body_owner(source) if validation.raw else source
            origin = tracker.classify(owner, call.context) if owner is not None else None
            # A raw body is the response object's; a mapping may be its JSON or a part of it.
            if origin is None or origin.endpoint_key != "new":
                continue
            if not validation.raw or origin.kind == OBJECT:
                found.append(source)
            continue
        if len(parts) != 2 or parts[1] not in _DICT_CONSTRUCTORS:
            continue
        args = call.node.args
        if len(args) != 1 or args[0].star or args[0].keyword is not None:
            continue
        if _parses_response_object(index, parts[0], parts[1]):
            continue  # :func:`response_object_parsers`
        origin = tracker.classify(args[0].value, call.context)
        if origin is not None and origin.endpoint_key == "new":
            found.append(args[0].value)
    return found


def _schema_instance(call: cst.Call) -> cst.BaseExpression | None:
    """The instance ``jsonschema.validate(instance, schema)`` validates."""
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "instance":
            return arg.value
    first = call.args[0] if call.args else None
    if first is None or first.keyword is not None or first.star:
        return None
    return first.value


def handed_whole(
    index: ModuleIndex, tracker: ResponseTracker, models: dict[str, ResponseModel]
) -> list[cst.BaseExpression]:
    """A parsed ``streaming.new`` response spread into a call (``make_link(**data)``) or
    copied (``dict(data, started=True)``, ``{k: v for k, v in data.items() ...}``, an
    object whose ``__init__`` runs ``self.__dict__.update(data)``): the callee's parameters or the copy's readers look
    its keys up by HeyGen's names, which no rename reaches. Returns what is spread or copied
    (``data``). Template renderers (``VIEWER.format(**data)``, ``render_template(...,
    room=data)``) are :func:`template_contexts.template_context_values`'; models this module
    rebuilds (:func:`model_constructions`) and namespaces (:func:`opaque_validations`) are not
    here either."""
    found: list[cst.BaseExpression] = []
    namespaces = _attribute_copying_classes(index)
    for call in index.calls:
        name = call.name or ""
        qualified = index.qualified_name(name) or ""
        if name.split(".")[0] in models or qualified.endswith("SimpleNamespace"):
            continue
        if renders_a_template(name):
            continue
        copied_items = _items_copied(index, call.node)
        if copied_items is not None:
            # ``{k: v for k, v in data.items() if k in Model.__annotations__}``: a copy whose
            # keys are filtered (and then read) by HeyGen's names.
            origin = tracker.classify(copied_items, call.context)
            if origin is not None and origin.endpoint_key == "new" and origin.kind != OBJECT:
                found.append(copied_items)
            continue
        copying = namespaces.get(name) or (
            ("", 0) if qualified in ATTRIBUTE_DICT_LIBRARIES else None
        )
        if copying is not None:
            # ``Room(data)`` of a class whose ``__init__`` runs ``self.__dict__.update(data)``:
            # its readers (``room.url``) look the keys up as attributes.
            copied_arg = _argument_at(call.node, *copying)
            if copied_arg is not None:
                origin = tracker.classify(copied_arg.value, call.context)
                if origin is not None and origin.endpoint_key == "new" and origin.kind != OBJECT:
                    found.append(copied_arg.value)
            continue
        for position, arg in enumerate(call.node.args):
            copied = name == "dict" and position == 0 and not arg.star and arg.keyword is None
            if arg.star != "**" and not copied:
                continue
            origin = tracker.classify(arg.value, call.context)
            if origin is not None and origin.endpoint_key == "new" and origin.kind != OBJECT:
                found.append(arg.value)
    return found


def _items_copied(index: ModuleIndex, call: cst.Call) -> cst.BaseExpression | None:
    """``data`` of ``data.items()`` iterated by a dict comprehension (``{k: v for k, v in
    data.items() ...}``)."""
    func = call.func
    if call.args or not isinstance(func, cst.Attribute) or func.attr.value != "items":
        return None
    loop = index.parent_of(call)
    if not isinstance(loop, cst.CompFor) or loop.iter is not call:
        return None
    return func.value if isinstance(index.parent_of(loop), cst.DictComp) else None


def _attribute_copying_classes(index: ModuleIndex) -> dict[str, tuple[str, int]]:
    """This module's classes whose ``__init__`` copies a parameter's keys onto the instance
    (``self.__dict__.update(data)``, ``vars(self).update(data)``): each class's name -> that
    parameter's name and position (without ``self``)."""
    found: dict[str, tuple[str, int]] = {}
    for statement in index.module.body:
        if not isinstance(statement, cst.ClassDef):
            continue
        if is_attribute_dict_class(statement):
            # ``class AttrDict(dict): __getattr__ = dict.__getitem__``: ``AttrDict(data)``
            # is the dict itself, read as ``info.url``.
            found[statement.name.value] = ("", 0)
            continue
        init = next(
            (
                item
                for item in statement.body.body
                if isinstance(item, cst.FunctionDef) and item.name.value == "__init__"
            ),
            None,
        )
        if init is None:
            continue
        params = [p.name.value for p in init.params.params][1:]
        for line in init.body.body:
            if not isinstance(line, cst.SimpleStatementLine) or len(line.body) != 1:
                continue
            expr = line.body[0]
            call = expr.value if isinstance(expr, cst.Expr) else None
            if not isinstance(call, cst.Call):
                continue
            if dotted_name(call.func) == "self.__dict__.update" or _vars_self_update(call):
                copied = call.args[0].value if len(call.args) == 1 else None
                if isinstance(copied, cst.Name) and copied.value in params:
                    found[statement.name.value] = (copied.value, params.index(copied.value))
    return found


def _vars_self_update(call: cst.Call) -> bool:
    """``vars(self).update(...)``."""
    return (
        isinstance(call.func, cst.Attribute)
        and call.func.attr.value == "update"
        and isinstance(call.func.value, cst.Call)
        and dotted_name(call.func.value.func) == "vars"
        and len(call.func.value.args) == 1
        and dotted_name(call.func.value.args[0].value) == "self"
    )


def _argument_at(call: cst.Call, name: str, position: int) -> cst.Arg | None:
    """The argument given for the parameter ``name`` at ``position`` (keyword or positional)."""
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg
    positional = [arg for arg in call.args if arg.keyword is None]
    if any(arg.star for arg in positional[: position + 1]) or position >= len(positional):
        return None
    return positional[position]


def response_object_parsers(index: ModuleIndex, tracker: ResponseTracker) -> list[cst.Call]:
    """``Session.from_response(resp)``: a hand-written constructor given the ``streaming.new``
    response object itself, which it parses (``.json()``) and reads by HeyGen's names."""
    found: list[cst.Call] = []
    for call in index.calls:
        parts = (call.name or "").split(".")
        args = call.node.args
        if len(parts) != 2 or parts[1] not in _DICT_CONSTRUCTORS or len(args) != 1:
            continue
        if args[0].star or args[0].keyword is not None:
            continue
        if not _parses_response_object(index, parts[0], parts[1]):
            continue
        origin = tracker.classify(args[0].value, call.context)
        if origin is None or origin.endpoint_key != "new" or origin.kind != OBJECT:
            continue
        methods = tracker.functions_named(parts[1])
        if any(site.context.function in methods for site in tracker.parse_sites(origin.request)):
            continue  # the tracker follows the response into it: its parse starts the session
        found.append(call.node)
    return found


def _parses_response_object(index: ModuleIndex, class_name: str, method: str) -> bool:
    """``class_name.method`` is defined in this module and calls ``.json()`` on what it is
    given (``def from_response(cls, resp): data = resp.json()["data"]``)."""
    for statement in index.module.body:
        if not (isinstance(statement, cst.ClassDef) and statement.name.value == class_name):
            continue
        for item in statement.body.body:
            if not (isinstance(item, cst.FunctionDef) and item.name.value == method):
                continue
            params = [p.name.value for p in item.params.params]
            if len(params) < 2:
                return False
            parsed = params[1]
            return any(
                isinstance(call.func, cst.Attribute)
                and call.func.attr.value == "json"
                and isinstance(call.func.value, cst.Name)
                and call.func.value.value == parsed
                for call in (site.node for site in index.calls if site.context.function is item)
            )
    return False


def handed_to_parsers(index: ModuleIndex, tracker: ResponseTracker) -> list[cst.BaseExpression]:
    """A parsed ``streaming.new`` response passed to a function of this module that reads
    HeyGen's names from what it is given (``room = self._parse_room(resp.json())`` with
    ``data["url"]`` inside, or a loop over the fields of a model declaring them): the reads
    there are not the tracker's to rename."""
    found: list[cst.BaseExpression] = []
    # Functions that read HeyGen's names, from the index's strings (no walk per call).
    readers = {
        id(site.context.function)
        for site in index.strings
        if site.context.function is not None and site.value in _MARKERS
    }
    # ... or by the names of a model's fields: ``cls(**{f.name: d[f.name] for f in fields(cls)})``.
    field_classes = _classes_annotating_markers(index)
    if field_classes:
        readers |= {
            id(site.context.function)
            for site in index.calls
            if site.context.function is not None
            and _class_fields_call(index, site.node, field_classes)
        }
    if not readers:
        return found
    for call in index.calls:
        func = call.node.func
        name = func.attr.value if isinstance(func, cst.Attribute) else dotted_name(func)
        functions = tracker.functions_named(name or "")
        if len(functions) != 1 or id(functions[0]) not in readers:
            continue
        for arg in call.node.args:
            if arg.star or arg.keyword is not None:
                continue
            origin = tracker.classify(arg.value, call.context)
            if origin is not None and origin.endpoint_key == "new" and origin.kind != OBJECT:
                found.append(arg.value)
    return found


def read_by_key_loops(index: ModuleIndex, tracker: ResponseTracker) -> list[cst.BaseExpression]:
    """A parsed ``streaming.new`` response read by the keys of a literal tuple or list that
    names HeyGen's fields (``{k: data[k] for k in ("session_id", "url", "access_token")}``,
    ``(data.get(k) for k in KEYS)``,
    or a loop over a constant holding them, or over the ``_fields`` of a namedtuple declared
    with them; or those keys handed to a getter, ``itemgetter(*Room._fields)(data)``,
    ``map(data.get, FIELDS)``): the key read is a loop variable, which no rename reaches. Returns the expressions read by it
    (``data``)."""
    collections: dict[int, cst.BaseExpression] = {}
    # ``{"server": "url", "token": "access_token"}``: a map whose values (or keys) name the
    # fields, looped over by ``.items()`` / ``.values()`` (or its keys).
    key_maps: dict[int, tuple[cst.Dict, bool]] = {}
    for site in index.strings:
        if site.value not in _MARKERS:
            continue
        element = index.parent_of(site.node)
        collection = index.parent_of(element) if isinstance(element, cst.Element) else None
        if isinstance(collection, (cst.Tuple, cst.List)):
            collections[id(collection)] = collection
        if isinstance(element, cst.DictElement):
            mapping = index.parent_of(element)
            if isinstance(mapping, cst.Dict):
                key_maps[id(mapping)] = (mapping, element.value is site.node)
    tuple_classes = _namedtuples_naming_markers(index)
    field_classes = _classes_annotating_markers(index)
    if not collections and not tuple_classes and not key_maps and not field_classes:
        return []  # most modules: no such literal, no walk
    constants = set()
    map_constants: dict[str, bool] = {}
    for collection in [*collections.values(), *(m for m, _v in key_maps.values())]:
        assign = index.parent_of(collection)
        if isinstance(assign, cst.Assign) and len(assign.targets) == 1:
            target = assign.targets[0].target
            if isinstance(target, cst.Name):
                if isinstance(collection, cst.Dict):
                    map_constants[target.value] = key_maps[id(collection)][1]
                else:
                    constants.add(target.value)
    found: dict[int, cst.BaseExpression] = {}
    for loop in walk_nodes(index.module):
        if not isinstance(loop, (cst.For, cst.CompFor)):
            continue
        key = _key_map_variable(loop, key_maps, map_constants)
        by_name = False  # ``data[f.name] for f in fields(Room)``: the key is ``f.name``
        if key is None:
            if not isinstance(loop.target, cst.Name):
                continue
            source = loop.iter
            by_name = _class_fields_call(index, source, field_classes)
            if (
                id(source) not in collections
                and not (isinstance(source, cst.Name) and source.value in constants)
                and not _fields_of(source, tuple_classes)
                and not by_name
            ):
                continue
            key = loop.target.value
        body = loop.body if isinstance(loop, cst.For) else index.parent_of(loop)
        if body is None:
            continue
        for node in walk_nodes(body):
            read = _read_by_key(node, key, by_name)
            if read is None:
                continue
            context = None
            up: cst.CSTNode | None = node
            while context is None and up is not None:
                context, up = index.context_of(up), index.parent_of(up)
            origin = tracker.classify(read, context) if context is not None else None
            if origin is not None and origin.endpoint_key == "new" and origin.kind != OBJECT:
                found[id(read)] = read
    # The same keys read by a getter: ``itemgetter(*Room._fields)(data)``, ``map(data.get,
    # FIELDS)``.
    for call in index.calls:
        applied = _keys_applied(call.node)
        if applied is None:
            continue
        keys, base = applied
        if (
            id(keys) not in collections
            and not (isinstance(keys, cst.Name) and keys.value in constants)
            and not _fields_of(keys, tuple_classes)
        ):
            continue
        origin = tracker.classify(base, call.context)
        if origin is not None and origin.endpoint_key == "new" and origin.kind != OBJECT:
            found[id(base)] = base
    return list(found.values())


def _key_map_variable(
    loop: cst.For | cst.CompFor,
    key_maps: dict[int, tuple[cst.Dict, bool]],
    map_constants: dict[str, bool],
) -> str | None:
    """The loop variable that takes the field names of a key map: ``theirs`` of ``for ours,
    theirs in FIELDS.items()`` (the names among the values), ``name`` of ``for name in
    FIELDS.values()``, ``key`` of ``for key in FIELDS`` (the names among the keys)."""
    source: cst.BaseExpression = loop.iter
    method: str | None = None
    if (
        isinstance(source, cst.Call)
        and not source.args
        and isinstance(source.func, cst.Attribute)
        and source.func.attr.value in ("items", "values", "keys")
    ):
        method = source.func.attr.value
        source = source.func.value
    if isinstance(source, cst.Dict) and id(source) in key_maps:
        in_values = key_maps[id(source)][1]
    elif isinstance(source, cst.Name) and source.value in map_constants:
        in_values = map_constants[source.value]
    else:
        return None
    target = loop.target
    if method == "items" and isinstance(target, cst.Tuple) and len(target.elements) == 2:
        taken = target.elements[1 if in_values else 0].value
        return taken.value if isinstance(taken, cst.Name) else None
    if isinstance(target, cst.Name) and (method == "values") == in_values and method != "items":
        return target.value
    return None


def _read_by_key(node: cst.CSTNode, key: str, by_name: bool = False) -> cst.BaseExpression | None:
    """``data`` of ``data[key]`` or ``data.get(key, ...)``, ``key`` the loop variable (with
    ``by_name``, a dataclass field: ``data[key.name]``)."""
    if isinstance(node, cst.Subscript) and len(node.slice) == 1:
        index_node = node.slice[0].slice
        if isinstance(index_node, cst.Index) and _is_key(index_node.value, key, by_name):
            return node.value
    if (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "get"
        and node.args
        and node.args[0].keyword is None
        and not node.args[0].star
        and _is_key(node.args[0].value, key, by_name)
    ):
        return node.func.value
    return None


def _is_key(expr: cst.BaseExpression, key: str, by_name: bool) -> bool:
    if by_name:
        return (
            isinstance(expr, cst.Attribute)
            and expr.attr.value == "name"
            and isinstance(expr.value, cst.Name)
            and expr.value.value == key
        )
    return isinstance(expr, cst.Name) and expr.value == key


_FIELDS_FUNCTIONS = frozenset({"dataclasses.fields", "attrs.fields", "attr.fields", "fields"})


def _classes_annotating_markers(index: ModuleIndex) -> set[str]:
    """This module's top-level classes annotating one of HeyGen's names as a field (a
    dataclass, an attrs class, a ``TypedDict``): their fields, iterated, are those keys."""
    return {
        statement.name.value
        for statement in index.module.body
        if isinstance(statement, cst.ClassDef)
        and _MARKERS.intersection(field.name for field in _annotated_fields(statement))
    }


def _class_fields_call(index: ModuleIndex, source: cst.BaseExpression, classes: set[str]) -> bool:
    """``fields(Room)`` (``dataclasses.fields``, ``attrs.fields``) of one of ``classes``, or
    ``fields(cls)`` in one of them: its items' ``.name`` are the keys."""
    if not classes or not isinstance(source, cst.Call) or len(source.args) != 1:
        return False
    name = dotted_name(source.func)
    argument = source.args[0].value
    if (index.qualified_name(name) or name) not in _FIELDS_FUNCTIONS:
        return False
    if not isinstance(argument, cst.Name):
        return False
    if argument.value in classes:
        return True
    if argument.value in ("cls", "self"):  # ``fields(cls)`` in the class's own ``from_api``
        owner: cst.CSTNode | None = source
        while owner is not None and not isinstance(owner, cst.ClassDef):
            owner = index.parent_of(owner)
        if owner is not None:
            return owner.name.value in classes
    # ``def structure(data, cls): return cls(**{f.name: data[f.name] for f in fields(cls)})``:
    # a generic loader, given one of ``classes`` by its callers.
    function: cst.CSTNode | None = source
    while function is not None and not isinstance(function, cst.FunctionDef):
        function = index.parent_of(function)
    if function is None:
        return False
    params = function.params
    return argument.value in {p.name.value for p in (*params.posonly_params, *params.params)}


_NAMEDTUPLE_FACTORIES = frozenset({"collections.namedtuple", "namedtuple"})
_NAMEDTUPLE_BASES = frozenset({"typing.NamedTuple", "NamedTuple"})


def _namedtuples_naming_markers(index: ModuleIndex) -> set[str]:
    """Names of this module's namedtuple classes whose fields include HeyGen's names
    (``Room = namedtuple("Room", "session_id url access_token")``, the fields as a list, or
    ``class Room(NamedTuple)`` annotating them): their ``_fields`` are those keys. Found from
    the strings and the module's top-level classes, not by a walk."""
    names: set[str] = set()
    for statement in index.module.body:
        if not isinstance(statement, cst.ClassDef):
            continue
        bases = {dotted_name(base.value) for base in statement.bases}
        if any(
            (index.qualified_name(base) or base) in _NAMEDTUPLE_BASES for base in bases if base
        ) and _MARKERS.intersection(field.key for field in _annotated_fields(statement)):
            names.add(statement.name.value)
    for site in index.strings:
        if not _MARKERS.intersection(site.value.replace(",", " ").split()):
            continue
        node: cst.CSTNode | None = index.parent_of(site.node)
        if isinstance(node, cst.Element):
            node = index.parent_of(index.parent_of(node) or node)
        call = index.parent_of(node) if isinstance(node, cst.Arg) else None
        if not isinstance(call, cst.Call) or len(call.args) < 2 or call.args[1] is not node:
            continue
        name = dotted_name(call.func)
        if (index.qualified_name(name) or name) not in _NAMEDTUPLE_FACTORIES:
            continue
        assign = index.parent_of(call)
        if isinstance(assign, cst.Assign) and len(assign.targets) == 1:
            target = assign.targets[0].target
            if isinstance(target, cst.Name):
                names.add(target.value)
    return names


_KEY_GETTERS = frozenset({"get", "__getitem__"})


def _keys_applied(call: cst.Call) -> tuple[cst.BaseExpression, cst.BaseExpression] | None:
    """``(keys, mapping)`` of ``itemgetter(*keys)(mapping)`` or ``map(mapping.get, keys)``."""
    getter = call.func
    if (
        type(getter) is cst.Call
        and (dotted_name(getter.func) or "").split(".")[-1] == "itemgetter"
        and len(getter.args) == 1
        and getter.args[0].star == "*"
        and len(call.args) == 1
        and not call.args[0].star
    ):
        return getter.args[0].value, call.args[0].value
    if (
        dotted_name(getter) == "map"
        and len(call.args) == 2
        and not any(arg.star or arg.keyword for arg in call.args)
    ):
        method = call.args[0].value
        if isinstance(method, cst.Attribute) and method.attr.value in _KEY_GETTERS:
            return call.args[1].value, method.value
    return None


def _fields_of(source: cst.BaseExpression, tuple_classes: set[str]) -> bool:
    """``Room._fields`` of one of ``tuple_classes``."""
    return (
        isinstance(source, cst.Attribute)
        and source.attr.value == "_fields"
        and isinstance(source.value, cst.Name)
        and source.value.value in tuple_classes
    )


def model_built_from(index: ModuleIndex, read: cst.Name) -> tuple[str, list[ModelField]] | None:
    """The class of this module built from the mapping ``read`` names (``Model(**read)``,
    ``Model.model_validate(read)``), with its annotated fields."""
    arg = index.parent_of(read)
    call = index.parent_of(arg) if isinstance(arg, cst.Arg) else None
    if not isinstance(call, cst.Call) or not isinstance(arg, cst.Arg) or len(call.args) != 1:
        return None
    parts = (dotted_name(call.func) or "").split(".")
    if len(parts) == 1 and arg.star != "**":
        return None
    if len(parts) == 2 and (parts[1] not in _VALIDATORS or arg.star or arg.keyword is not None):
        return None
    if len(parts) > 2:
        return None
    for statement in index.module.body:
        if isinstance(statement, cst.ClassDef) and statement.name.value == parts[0]:
            return parts[0], _annotated_fields(statement)
    return None


def is_response_field(field: str) -> bool:
    """A field of HeyGen's (or LiveAvatar's) session responses, not one of the project's own."""
    return field in RESPONSE_FIELDS or field == SESSION_ID_FIELD


def field_source(field: str, endpoint: str = "new") -> str | None:
    """The LiveAvatar key holding a model field's value now (``None``: no successor), for a
    model of the ``streaming.<endpoint>`` response."""
    spec = RESPONSE_FIELDS.get(field)
    if spec is None:
        return field  # session_id and the project's own extra fields keep their names
    if field not in RESPONSE_FIELDS_BY_ENDPOINT[endpoint]:
        return field
    return spec.liveavatar


__all__ = [
    "ModelConstruction",
    "ModelField",
    "ResponseModel",
    "field_source",
    "handed_to_parsers",
    "handed_whole",
    "is_response_field",
    "model_built_from",
    "model_constructions",
    "opaque_validations",
    "response_models",
    "response_object_parsers",
]
