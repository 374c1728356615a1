"""Request bodies that are instances of the program's own models, serialised where they are sent.

Typed clients build a body as a model and let the call serialise it:
``json=req.model_dump(by_alias=True, exclude_none=True)`` (pydantic v2; ``.dict(by_alias=True)``
in v1), ``json=asdict(task)`` (a ``@dataclass``; ``attrs.asdict(task)`` for an ``attrs`` class),
``json=task._asdict()`` (a ``NamedTuple``), ``json=task.to_json()`` where the model's own method
is one of those dumps of ``self`` (``return attrs.asdict(self)``), or a
``@dataclass`` instance sent as it is, which the sender's own serialiser (a ``json.JSONEncoder``)
turns into its ``asdict``. The wire names are the model's field names,
or with ``by_alias`` its ``Field(serialization_alias=...)`` / ``Field(alias=...)``: the Python
name (``sid``) and the name HeyGen reads (``session_id``) may differ. The model's class is read
with ``ast``, from this module or from the project module it is imported from
(:mod:`.imported_classes`), so a rewrite can read each field the request sends back from the
instance (``req.sid``), which is exact however the instance was built.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

import libcst as cst

from .imported_classes import parsed_module, resolve_import
from .index import Context, ModuleIndex, dotted_name

_DUMP_METHODS = frozenset({"model_dump", "dict", "_asdict"})  # ``_asdict``: a NamedTuple
_AS_DICT = frozenset({"asdict", "dataclasses.asdict", "attrs.asdict", "attr.asdict"})
# Dump options that leave the set of fields as the model has them (``exclude_none`` may drop a
# ``None``, which nobody reads back as anything else).
_DUMP_OPTIONS = frozenset({"by_alias", "exclude_none", "exclude_unset", "exclude_defaults", "mode"})
_MODEL_ROOTS = frozenset({"BaseModel", "GenericModel", "Generic", "NamedTuple", "object"})
_MAX_DEPTH = 6
_ENUM_BASES = frozenset({"Enum", "StrEnum"})


@dataclass(frozen=True)
class WireField:
    attribute: str
    """The Python name (``sid``)."""
    wire: str
    """The name it is sent by (``session_id``)."""
    default: ast.expr | None
    """Its default (``Field(TaskType.REPEAT, ...)``'s first argument); ``None``: required, or a
    default factory."""
    has_default: bool


@dataclass(frozen=True)
class ModelBody:
    """A request body that is ``instance`` serialised by its wire names."""

    instance: cst.BaseExpression
    """The instance: a name bound to its construction (``req``), or the construction itself."""
    fields: tuple[WireField, ...]
    arguments: dict[str, cst.BaseExpression] = field(default_factory=dict)
    """For a construction written in the call: the value passed for each attribute."""

    @property
    def variable(self) -> str | None:
        return self.instance.value if isinstance(self.instance, cst.Name) else None


def model_body(
    index: ModuleIndex, expr: cst.BaseExpression, context: Context, filename: str | None
) -> ModelBody | None:
    """The model instance ``expr`` serialises, with its wire fields, if it is one."""
    dumped = _dumped_instance(expr)
    own_method: str | None = None
    if dumped is None:
        # ``task.to_json()``: the model's own method, read below from its class.
        if not (isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute)) or expr.args:
            return None
        own_method = expr.func.attr.value
        dumped = expr.func.value, False
    instance, by_alias = dumped
    constructed = _construction(index, instance, context)
    construction: cst.Call | None = None
    if constructed is not None:
        construction, class_name = constructed
    else:
        annotated = _annotated_parameter_class(instance, context)
        if annotated is None:
            return None
        class_name = annotated  # ``def task(self, req: TaskRequest)``: its callers build it
    if own_method is not None:
        by_alias_of_method = _self_dump_method(index, class_name, own_method, filename)
        if by_alias_of_method is None:
            return None
        by_alias = by_alias_of_method
    fields = _class_wire_fields(index, class_name, filename, by_alias)
    if not fields:
        return None  # none read (``x = attr.ib()`` fields carry no annotation): not guessed
    if isinstance(instance, cst.Name):
        if construction is not None and _arguments(construction, fields) is None:
            return None
        return ModelBody(instance, fields)
    assert construction is not None  # only a name may be a parameter
    arguments = _arguments(construction, fields)
    if arguments is None:
        return None
    return ModelBody(instance, fields, arguments)


def _annotated_parameter_class(instance: cst.BaseExpression, context: Context) -> str | None:
    """The class a parameter ``instance`` is annotated with (``req: TaskRequest``), when it is
    a plain name and the function never binds the parameter again."""
    function = context.function
    if not isinstance(instance, cst.Name) or function is None:
        return None
    params = function.params
    for param in (*params.posonly_params, *params.params, *params.kwonly_params):
        if param.name.value != instance.value or param.annotation is None:
            continue
        annotation = param.annotation.annotation
        if not isinstance(annotation, cst.Name) or param.default is not None:
            return None
        if context.scope.assignments.get(instance.value):
            return None  # bound in the body (a parameter without default is not recorded)
        return annotation.value
    return None


def _construction(
    index: ModuleIndex, instance: cst.BaseExpression, context: Context
) -> tuple[cst.Call, str] | None:
    """The ``Model(...)`` call that builds ``instance`` (itself, or the one value of the name
    it is) and the class it names, when that is a plain name."""
    construction = instance
    if isinstance(instance, cst.Name):
        values = index.lookup(instance.value, context.scope)
        if len(values) != 1:
            return None
        construction = values[0]
    if not isinstance(construction, cst.Call):
        return None
    class_name = dotted_name(construction.func)
    if class_name is None or "." in class_name:
        return None
    return construction, class_name


def dataclass_instance_body(
    index: ModuleIndex, expr: cst.BaseExpression, context: Context, filename: str | None
) -> ModelBody | None:
    """A ``@dataclass`` instance sent as it is, the request's own serialiser turning it into
    JSON (a ``json.JSONEncoder`` whose ``default`` returns ``asdict(o)``): the only JSON a
    dataclass has is its fields by their names (``asdict``), so it is read as that dict."""
    constructed = _construction(index, expr, context)
    if constructed is None:
        return None
    construction, class_name = constructed
    found = _class_tree(index, class_name, filename)
    if found is None or not _is_dataclass(found[0], found[1]):
        return None
    fields = _wire_fields(found[0], found[1], False, 0)
    if fields is None:
        return None
    arguments = _arguments(construction, fields)
    if arguments is None:
        return None
    if isinstance(expr, cst.Name):
        return ModelBody(expr, fields)
    return ModelBody(expr, fields, arguments)


def attribute_dict_body(
    index: ModuleIndex, expr: cst.BaseExpression, context: Context, filename: str | None
) -> ModelBody | None:
    """``vars(task)`` / ``task.__dict__``: the instance's attribute dict, whose keys are known
    when ``task`` is bound once to a construction of a ``@dataclass`` (its fields) or of a
    plain class whose ``__init__`` sets each attribute on ``self`` unconditionally, and no
    other method sets one (those attributes, in order). Read back from the instance."""
    instance = _attribute_dict_of(expr)
    if not isinstance(instance, cst.Name):
        return None
    constructed = _construction(index, instance, context)
    if constructed is None:
        return None
    found = _class_tree(index, constructed[1], filename)
    if found is None:
        return None
    tree, name = found
    if _is_dataclass(tree, name):
        fields = _wire_fields(tree, name, False, 0)
    else:
        fields = _init_attributes(tree, name)
    return ModelBody(instance, fields) if fields else None


def _attribute_dict_of(expr: cst.BaseExpression) -> cst.BaseExpression | None:
    """``x`` for ``vars(x)`` and ``x.__dict__``."""
    if isinstance(expr, cst.Attribute) and expr.attr.value == "__dict__":
        return expr.value
    if (
        isinstance(expr, cst.Call)
        and dotted_name(expr.func) == "vars"
        and len(expr.args) == 1
        and expr.args[0].keyword is None
        and not expr.args[0].star
    ):
        return expr.args[0].value
    return None


def _init_attributes(tree: ast.Module, name: str) -> tuple[WireField, ...] | None:
    """The attributes a plain class's ``__init__`` sets as ``self.x = ...`` statements of its
    own body, when that is all its instances' ``__dict__`` can hold: no base but ``object``,
    no ``__slots__``, no attribute set elsewhere (another method, a nested block)."""
    node = next((n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == name), None)
    if node is None or node.decorator_list or node.keywords:
        return None
    if any(ast.unparse(b) != "object" for b in node.bases):
        return None
    attributes: list[str] = []
    init = None
    for item in node.body:
        if isinstance(item, (ast.Assign, ast.AnnAssign)) and "__slots__" in ast.unparse(item):
            return None
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name == "__init__":
            init = item
    if init is None or not init.args.args:
        return None
    owner = init.args.args[0].arg
    for statement in init.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            if (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == owner
            ):
                if target.attr not in attributes:
                    attributes.append(target.attr)
                continue
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue  # the docstring
        return None  # anything else may set (or not set) attributes
    for method in ast.walk(node):
        if method is init or not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for stored in ast.walk(method):
            if isinstance(stored, ast.Attribute) and isinstance(stored.ctx, ast.Store):
                return None  # another method sets attributes: the dict depends on the calls
    return tuple(WireField(a, a, None, False) for a in attributes)


def _is_dataclass(tree: ast.Module, name: str) -> bool:
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            return any(
                ast.unparse(d.func if isinstance(d, ast.Call) else d).split(".")[-1] == "dataclass"
                for d in node.decorator_list
            )
    return False


def _dumped_instance(expr: cst.BaseExpression) -> tuple[cst.BaseExpression, bool] | None:
    """``(instance, by_alias)`` for ``instance.model_dump(...)`` / ``asdict(instance)``."""
    if not isinstance(expr, cst.Call):
        return None
    func = expr.func
    if isinstance(func, cst.Attribute) and func.attr.value in _DUMP_METHODS:
        by_alias: bool | None = False
        for arg in expr.args:
            if arg.keyword is None or arg.keyword.value not in _DUMP_OPTIONS:
                return None  # ``include=``/``exclude=``: which fields go is not the model's
            if arg.keyword.value == "by_alias":
                value = arg.value
                by_alias = value.value == "True" if isinstance(value, cst.Name) else None
        if by_alias is None:
            return None
        return func.value, by_alias
    if dotted_name(func) in _AS_DICT and len(expr.args) == 1 and not expr.args[0].keyword:
        return expr.args[0].value, False
    return None


def _self_dump_method(
    index: ModuleIndex, class_name: str, method: str, filename: str | None
) -> bool | None:
    """``by_alias`` of a method of class ``class_name`` whose whole body returns one of the
    recognised dumps of ``self`` (``def to_json(self): return attrs.asdict(self)``); ``None``
    for any other method (one that renames, filters or adds fields is not read)."""
    found = _class_tree(index, class_name, filename)
    if found is None:
        return None
    tree, name = found
    for node in tree.body:
        if not (isinstance(node, ast.ClassDef) and node.name == name):
            continue
        for item in node.body:
            if not (isinstance(item, ast.FunctionDef) and item.name == method):
                continue
            statements = [s for s in item.body if not _is_docstring(s)]
            if len(statements) != 1 or not isinstance(statements[0], ast.Return):
                return None
            returned = statements[0].value
            if returned is None:
                return None
            try:
                dumped = _dumped_instance(cst.parse_expression(ast.unparse(returned)))
            except cst.ParserSyntaxError:
                return None
            if dumped is None:
                return None
            instance, by_alias = dumped
            is_self = isinstance(instance, cst.Name) and instance.value == "self"
            return by_alias if is_self else None
    return None


def _is_docstring(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def _arguments(
    call: cst.Call, fields: tuple[WireField, ...]
) -> dict[str, cst.BaseExpression] | None:
    """The value passed for each attribute (positional arguments in field order)."""
    passed: dict[str, cst.BaseExpression] = {}
    names = [f.attribute for f in fields]
    for position, arg in enumerate(call.args):
        if arg.star:
            return None
        if arg.keyword is None:
            if position >= len(names):
                return None
            passed[names[position]] = arg.value
        elif arg.keyword.value in names:
            passed[arg.keyword.value] = arg.value
        else:
            return None  # a field by its alias (``populate_by_name``) or unknown
    return passed


def _class_wire_fields(
    index: ModuleIndex, name: str, filename: str | None, by_alias: bool
) -> tuple[WireField, ...] | None:
    found = _class_tree(index, name, filename)
    return _wire_fields(found[0], found[1], by_alias, 0) if found is not None else None


def _class_tree(
    index: ModuleIndex, name: str, filename: str | None
) -> tuple[ast.Module, str] | None:
    """The ``ast`` of the module defining class ``name`` (this one, or the project module it
    is imported from) and its name there."""
    target = index.imports.get(name)
    if target is not None:
        resolved = resolve_import(filename, target) if filename else None
        if resolved is None:
            return None
        tree = parsed_module(resolved[0])
        return (tree, resolved[1]) if tree is not None else None
    if not any(isinstance(s, cst.ClassDef) and s.name.value == name for s in index.module.body):
        return None
    try:
        return ast.parse(index.module.code), name
    except (SyntaxError, ValueError):
        return None


def _wire_fields(
    tree: ast.Module, name: str, by_alias: bool, depth: int
) -> tuple[WireField, ...] | None:
    """The fields of class ``name`` in ``tree`` (its bases' first) by their wire names; ``None``
    when they cannot be known (a base from elsewhere, an alias generator)."""
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    node = classes.get(name)
    if node is None or depth > _MAX_DEPTH:
        return None
    fields: dict[str, WireField] = {}
    for base in node.bases:
        base_expr = base.value if isinstance(base, ast.Subscript) else base
        base_name = ast.unparse(base_expr).split(".")[-1]
        if base_name in _MODEL_ROOTS:
            continue
        inherited = _wire_fields(tree, base_name, by_alias, depth + 1)
        if inherited is None:
            return None
        fields.update((f.attribute, f) for f in inherited)
    for item in node.body:
        if isinstance(item, ast.ClassDef) and item.name == "Config" and _renames_fields(item):
            return None  # v1 settings that generate aliases or rename fields: not read here
        if not (isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)):
            continue
        attribute = item.target.id
        if attribute == "model_config":
            if _generates_aliases(item.value):
                return None
            continue
        if "ClassVar" in ast.unparse(item.annotation):
            continue
        fields[attribute] = _wire_field(attribute, _enum_value(tree, item.value), by_alias)
    for item in node.body:
        configures = isinstance(item, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "model_config" for t in item.targets
        )
        if configures and _generates_aliases(getattr(item, "value", None)):
            return None
    return tuple(fields.values())


def _enum_value(tree: ast.Module, value: ast.expr | None) -> ast.expr | None:
    """A default that is a member of an ``Enum`` of this module with a string value
    (``TaskType.REPEAT``, ``REPEAT = "repeat"``) as that string: what JSON carries for it."""
    if not (isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name)):
        return value
    for node in tree.body:
        if not (isinstance(node, ast.ClassDef) and node.name == value.value.id):
            continue
        if not any(ast.unparse(b).split(".")[-1] in _ENUM_BASES for b in node.bases):
            return value
        for item in node.body:
            if (
                isinstance(item, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == value.attr for t in item.targets)
                and isinstance(item.value, ast.Constant)
                and isinstance(item.value.value, str)
            ):
                return item.value
    return value


def _renames_fields(config: ast.ClassDef) -> bool:
    return any(
        isinstance(target, ast.Name) and target.id in ("alias_generator", "fields")
        for item in config.body
        if isinstance(item, (ast.Assign, ast.AnnAssign))
        for target in (item.targets if isinstance(item, ast.Assign) else [item.target])
    )


def _generates_aliases(config: ast.expr | None) -> bool:
    return isinstance(config, ast.Call) and any(
        k.arg in ("alias_generator", "serialize_by_alias") for k in config.keywords
    )


def _wire_field(attribute: str, value: ast.expr | None, by_alias: bool) -> WireField:
    if not (isinstance(value, ast.Call) and ast.unparse(value.func).split(".")[-1] == "Field"):
        return WireField(attribute, attribute, value, value is not None)
    keywords = {k.arg: k.value for k in value.keywords if k.arg is not None}
    default = value.args[0] if value.args else keywords.get("default")
    if isinstance(default, ast.Constant) and default.value is Ellipsis:
        default = None  # ``Field(..., alias="x")``: required
    has_default = default is not None or "default_factory" in keywords
    wire = attribute
    if by_alias:
        for key in ("serialization_alias", "alias"):
            alias = keywords.get(key)
            if isinstance(alias, ast.Constant) and isinstance(alias.value, str):
                wire = alias.value
                break
    return WireField(attribute, wire, default, has_default)


def literal_default(wire_field: WireField) -> str | None:
    """A field's default when it is a string literal (``task_type: str = "repeat"``)."""
    default = wire_field.default
    if isinstance(default, ast.Constant) and isinstance(default.value, str):
        return default.value
    return None


__all__ = [
    "ModelBody",
    "WireField",
    "attribute_dict_body",
    "dataclass_instance_body",
    "literal_default",
    "model_body",
]
