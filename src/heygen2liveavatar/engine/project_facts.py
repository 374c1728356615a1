"""Facts read from the project's files with ``ast`` only (never LibCST): the session model
across modules.

A HeyGen flow is often split: ``heygen_client.create_session()`` calls ``streaming.new`` and
returns its ``data``; ``service.py`` calls it and reads ``data["url"]``. The migration changes
both (the token response merged with start's data, ``url`` -> ``livekit_url``), so the run
learns which functions open sessions before any file is migrated.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import keyword
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TypeVar

from .._prefilter import may_contain_heygen, may_name_heygen_asset
from ..analysis.avatar_names import names_avatar
from ..analysis.mentions import MAX_TOKENIZED, CodeSpans
from ..analysis.provider_switch import MAY_SWITCH as switch_word
from ..analysis.provider_switch import Choice, ImportRef, kept_backends
from ..analysis.provider_switch import choices as switch_choices
from ..apispec.session_fields import REGION_LANGUAGE
from ..model import MARKER_PREFIX, ProjectFacts
from .client_facts import (
    data_methods,
    json_methods,
    returns_envelope_data,
    returns_response_json,
    transport_methods,
)
from .dispatch_facts import dispatch_action_parameter, dispatch_calls
from .error_facts import module_classes, wrapper_error
from .id_parameter_facts import id_parameters, string_constants
from .nesting import MAX_SOURCE_CHARS, Nesting, deepest_nesting
from .partial_methods import add_partial_method_wrappers
from .reduction import layout_text, read_layout
from .task_type_facts import run_time_task_types
from .token_getter_facts import (
    CREATE_TOKEN,
    bearer_calls,
    fetches_token,
    import_bindings,
    imported_reads,
    may_fetch_imported_token,
    paired_getters,
    resolved_bearer_calls,
    resolved_getters,
)
from .token_model_facts import calls_any, response_models
from .url_attribute_facts import class_url_attributes
from .url_constant_facts import base_constants, url_constants
from .wrapper_facts import (
    SENDS_REQUEST,
    may_define_table_wrappers,
    table_wrappers,
    url_template,
    wrapper_parameters,
)
from .wrapper_split_facts import (
    NOT_SPLIT,
    foreign_settings_reads,
    imported_call_kinds,
    instance_method_kinds,
    split_kinds,
    splits,
)

_NEW_PATH = "streaming.new"
_STREAMING_WORD = b"streaming"
_HEYGEN_HOST_BYTES = b"api.heygen.com"
_RESPONSE_TYPES_MAP = b"response_types_map"


@dataclass
class FileFacts:
    """Everything one candidate file contributes to the project's facts: its ``ast`` facts
    (one parse) and the results of the byte patterns. A function of the file's bytes only,
    so the facts cache keeps it whole: a file read before costs a hash and a small read."""

    openers: set[str] = field(default_factory=set)
    wrappers: dict[str, tuple[str, int]] = field(default_factory=dict)
    wrapper_parameters: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)
    """Request wrappers' URL and method parameters (``engine.wrapper_facts``)."""
    json_clients: dict[str, list[str]] = field(default_factory=dict)
    """HTTP client classes -> their methods that return parsed JSON (``engine.client_facts``)."""
    data_clients: dict[str, list[str]] = field(default_factory=dict)
    """Those of ``json_clients``' methods that return the envelope's ``data`` part."""
    id_parameters: dict[str, list[tuple[str, int, str]]] = field(default_factory=dict)
    """Functions (``name``) and methods (``Class.name``) sending ``streaming.new`` -> their
    parameters sent as an asset id (``engine.id_parameter_facts``)."""
    string_constants: dict[str, str] = field(default_factory=dict)
    """Module constants holding a short string (or an environment default), by name: what a
    caller elsewhere passes to an opener's id parameter (``engine.id_parameter_facts``)."""
    base_constants: set[str] = field(default_factory=set)
    """Module constants holding a bare HeyGen API base (``engine.url_constant_facts``)."""
    star_imports: set[str] = field(default_factory=set)
    """Last components of the modules the file star-imports (``from .constants import *``)."""
    url_constants: dict[str, str] = field(default_factory=dict)
    """Module constants naming a whole streaming URL, by name -> its text, holes as ``\\x00``
    (``engine.url_constant_facts``): what a request sending the name elsewhere sends."""
    wrapper_urls: dict[str, str] = field(default_factory=dict)
    """Request wrappers -> their URL template for callers elsewhere (``engine.wrapper_facts.
    url_template``: the source, or ``""`` when a caller cannot write it)."""
    dispatchers: dict[str, tuple[str, int, str]] = field(default_factory=dict)
    """Dispatch helpers: name -> (its class or ``""``, its action parameter's position and
    name)."""
    wrapper_errors: dict[str, str] = field(default_factory=dict)
    """Request wrappers -> the class of this module they raise from a message
    (``engine.error_facts``)."""
    wrapper_splits: dict[str, str] = field(default_factory=dict)
    """Module-level request wrappers -> the kinds of paths their module calls them with, when
    the module's migration may give them a LiveAvatar sibling, else ``-``
    (``engine.wrapper_split_facts.split_kinds``)."""
    wrapper_call_kinds: dict[str, str] = field(default_factory=dict)
    """Names imported from another module -> the kinds of literal paths this module calls
    them with (``engine.wrapper_split_facts.imported_call_kinds``)."""
    split_settings: dict[str, list[str]] = field(default_factory=dict)
    """Module-level wrappers on another module's base -> the base and key settings they
    read there (``engine.wrapper_split_facts.foreign_settings_reads``)."""
    aliases: list[tuple[str, set[str]]] = field(default_factory=list)
    """``self._base = settings.heygen_base_url``: (target name, names its value reads)."""
    imports: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)
    """``from ..pkg import a, b`` -> ``(2, "pkg", ("a", "b"))``; ``import x.y`` -> ``(0, "x.y", ())``:
    which files of the project a partial run must consider together."""
    choices: list[Choice] = field(default_factory=list)
    """(HeyGen, LiveAvatar) imported names this file chooses between: a provider switch
    (``analysis/provider_switch.py``)."""
    # The byte patterns (see :meth:`FactsCollector.add` for what each feeds).
    frameworks: set[str] = field(default_factory=set)
    """Framework packages whose HeyGen integration the file imports."""
    migrated_bases: set[str] = field(default_factory=set)
    streaming: bool = False
    """The file's code (comments, docstrings and prose left out) names a streaming path."""
    liveavatar_paths: bool = False
    key_names: set[str] = field(default_factory=set)
    """Read only when ``streaming`` or ``liveavatar_paths``."""
    definitions: set[str] = field(default_factory=set)
    other_apis: bool = False
    streaming_names: set[str] = field(default_factory=set)
    other_names: set[str] = field(default_factory=set)
    dispatch_calls: set[str] = field(default_factory=set)
    """``"name:action"``: calls ``x.name("action", ...)`` naming a streaming action;
    ``"name:action:keyword"``: ``x.name(keyword="action", ...)``."""
    session: set[str] = field(default_factory=set)
    token_models: set[str] = field(default_factory=set)
    """Classes the file's ``streaming.new`` requests name as their ``response_type``
    (``engine.token_model_facts``)."""
    """The session facts (``opens``, ``text``, ``chat``, ``audio``, ``context``) found."""
    url_attributes: set[str] = field(default_factory=set)
    """``"attribute:endpoint:Class"`` for each class-body assignment of a streaming URL
    (``path: ClassVar[str] = "/v1/streaming.new"`` in ``OpenSession``): what a request
    sending ``command.path`` elsewhere may send (``analysis/attribute_urls.py``)."""
    token_getters: set[str] = field(default_factory=set)
    json_helpers: set[str] = field(default_factory=set)
    """Module-level functions that check the response they are given and return its JSON
    (``def check(resp): ... return resp.json()``), for modules importing them."""
    data_helpers: set[str] = field(default_factory=set)
    """Module-level request wrappers returning the ``data`` of the JSON envelope on every
    path (``return json.loads(raw).get("data")``), for modules importing them."""
    optional_tokens: set[str] = field(default_factory=set)
    """``name:parameter`` of request functions with an optional token parameter (``token=None``)
    sent as ``Bearer`` when given, the API key otherwise (``transport.post(..., token=None)``)."""
    """Functions that fetch a create_token token and return it (``engine.token_getter_facts``)."""
    bearer_calls: set[str] = field(default_factory=set)
    """What a ``Bearer`` value is made of in a file sending ``streaming.new`` without a
    create_token call of its own (``engine.token_getter_facts.bearer_calls``)."""
    imported_token_getters: set[str] = field(default_factory=set)
    """``function:module:name``: a function that would be a token getter if the constant it
    reads (imported, ``from .urls import CREATE_TOKEN_URL``) names create_token
    (``engine.token_getter_facts.resolved_getters``)."""
    imported_bearer_calls: set[str] = field(default_factory=set)
    """:func:`.token_getter_facts.bearer_calls` of a file naming neither ``streaming.new`` nor
    create_token: they count if a constant it reads (:attr:`url_reads`) sends
    ``streaming.new``."""
    url_reads: set[str] = field(default_factory=set)
    """``module:name`` of the imported names a file with :attr:`imported_bearer_calls` reads."""
    settings_key_fields: set[str] = field(default_factory=set)
    """``heygen_api_key`` fields of the file's pydantic-settings classes."""
    json_keys: set[str] = field(default_factory=set)
    """Keys the file reads (``raw["api_base"]``, ``raw.get("api_key_env")``) when it parses
    JSON (``json.load``/``json.loads``): which values of a JSON config file code uses."""
    code_keys: set[str] = field(default_factory=set)
    """HeyGen key names (``HEYGEN_API_KEY``) the file stores a value under in code, not in the
    environment: a keyword (``app.config.from_mapping(HEYGEN_API_KEY=...)``), a dict key or an
    item assignment: the program's own config key, read elsewhere as ``config["HEYGEN_API_KEY"]``."""
    avatar_env_names: set[str] = field(default_factory=set)
    """Environment variables the file reads an avatar from (``os.environ.get("DASH_AVATAR")``):
    where the project configures its avatar, for a token request of another module that must
    now name one (``rules/token_route_configuration.py``)."""
    ini_keys: set[str] = field(default_factory=set)
    """Options the file reads (``cfg["heygen"]["base_url"]``, ``cfg.get("heygen", "base_url")``,
    ``section.getboolean("debug")``), lower case, when it uses ``configparser`` or reads a
    PasteDeploy app's settings (``request.registry.settings["heygen.api_base"]``): which values
    of an INI config file code uses."""
    toml_keys: set[str] = field(default_factory=set)
    """Keys the file reads (``doc["heygen"]["base_url"]``, ``heygen.get("key_env")``) when it
    parses TOML (``tomllib``, ``tomli``, ``toml``): which values of a TOML config file code
    uses."""

    nesting: Nesting | None = None
    """The module's deepest nesting as LibCST builds it (``engine.nesting``), measured on the
    facts' parse so that the engine need not parse the file again; ``None`` when it did not
    parse."""

    layout: str | None = None
    """Its top-level statements as the reduction reads them (``engine/reduction.py``), read
    on the facts' parse so that the engine need not parse the file again, as JSON text
    (``reduction.layout_text``: decoded where the file is migrated); ``None`` when the file
    did not parse or is not plain UTF-8."""

    def role_names(self) -> frozenset[str]:
        """The names of this module's functions, methods and classes its facts give a role
        (what ``engine/reduction.py`` keeps when the module defines them)."""
        names: set[str] = set(self.openers) | self.token_getters
        for table in (self.wrappers, self.wrapper_parameters, self.wrapper_urls):
            names.update(table)
        names.update(self.wrapper_splits)
        for name, error in self.wrapper_errors.items():
            names.update((name, error))
        for clients in (self.json_clients, self.data_clients):
            for name, methods in clients.items():
                names.add(name)
                names.update(methods)
        for qualified in self.id_parameters:
            names.update(qualified.split("."))
        for name, (owner, _position, _parameter) in self.dispatchers.items():
            names.update((name, owner))
        names.discard("")
        return frozenset(names)

    def to_json(self) -> dict[str, object]:
        return {
            "layout": self.layout,
            "nesting": list(self.nesting) if self.nesting is not None else None,
            "openers": sorted(self.openers),
            "wrappers": {name: list(body) for name, body in sorted(self.wrappers.items())},
            "wrapper_parameters": {
                name: [list(p) for p in params]
                for name, params in sorted(self.wrapper_parameters.items())
            },
            "json_clients": {name: list(m) for name, m in sorted(self.json_clients.items())},
            "data_clients": {name: list(m) for name, m in sorted(self.data_clients.items())},
            "id_parameters": {
                name: [list(p) for p in params]
                for name, params in sorted(self.id_parameters.items())
            },
            "string_constants": dict(sorted(self.string_constants.items())),
            "url_constants": dict(sorted(self.url_constants.items())),
            "star_imports": sorted(self.star_imports),
            "base_constants": sorted(self.base_constants),
            "wrapper_urls": dict(sorted(self.wrapper_urls.items())),
            "dispatchers": {name: list(d) for name, d in sorted(self.dispatchers.items())},
            "wrapper_errors": dict(sorted(self.wrapper_errors.items())),
            "wrapper_splits": dict(sorted(self.wrapper_splits.items())),
            "wrapper_call_kinds": dict(sorted(self.wrapper_call_kinds.items())),
            "split_settings": {name: list(r) for name, r in sorted(self.split_settings.items())},
            "aliases": [[target, sorted(sources)] for target, sources in self.aliases],
            "imports": [[level, module, list(names)] for level, module, names in self.imports],
            "choices": [[list(heygen), list(liveavatar)] for heygen, liveavatar in self.choices],
            **{name: sorted(getattr(self, name)) for name in _NAME_SETS},
            **{name: getattr(self, name) for name in _FLAGS},
        }

    @classmethod
    def from_json(cls, value: object) -> FileFacts:
        """The inverse of :meth:`to_json`; raises ``ValueError`` (or ``TypeError``,
        ``KeyError``) for anything else, e.g. a damaged cache entry."""
        if not isinstance(value, dict):
            raise ValueError("not an object")
        facts = cls(
            openers={str(name) for name in value["openers"]},
            wrappers={
                str(name): (str(body[0]), int(body[1]))
                for name, body in dict(value["wrappers"]).items()
            },
            wrapper_parameters={
                str(name): [(str(p[0]), str(p[1]), int(p[2])) for p in params]
                for name, params in dict(value["wrapper_parameters"]).items()
            },
            json_clients={
                str(name): [str(m) for m in methods]
                for name, methods in dict(value["json_clients"]).items()
            },
            data_clients={
                str(name): [str(m) for m in methods]
                for name, methods in dict(value["data_clients"]).items()
            },
            id_parameters={
                str(name): [(str(p[0]), int(p[1]), str(p[2])) for p in params]
                for name, params in dict(value["id_parameters"]).items()
            },
            string_constants={
                str(name): str(text) for name, text in dict(value["string_constants"]).items()
            },
            url_constants={
                str(name): str(text) for name, text in dict(value["url_constants"]).items()
            },
            star_imports={str(name) for name in value["star_imports"]},
            base_constants={str(name) for name in value["base_constants"]},
            wrapper_urls={
                str(name): str(template) for name, template in dict(value["wrapper_urls"]).items()
            },
            dispatchers={
                str(name): (str(d[0]), int(d[1]), str(d[2]))
                for name, d in dict(value["dispatchers"]).items()
            },
            wrapper_errors={
                str(name): str(error) for name, error in dict(value["wrapper_errors"]).items()
            },
            wrapper_splits={
                str(name): str(kinds) for name, kinds in dict(value["wrapper_splits"]).items()
            },
            wrapper_call_kinds={
                str(name): str(kinds) for name, kinds in dict(value["wrapper_call_kinds"]).items()
            },
            split_settings={
                str(name): [str(read) for read in reads]
                for name, reads in dict(value["split_settings"]).items()
            },
            aliases=[
                (str(target), {str(s) for s in sources}) for target, sources in value["aliases"]
            ],
            imports=[
                (int(level), str(module), tuple(str(n) for n in names))
                for level, module, names in value["imports"]
            ],
            choices=[
                (_import_ref(heygen), _import_ref(liveavatar))
                for heygen, liveavatar in value["choices"]
            ],
            nesting=_nesting(value["nesting"]),
            layout=_layout(value["layout"]),
        )
        for name in _NAME_SETS:
            names = value[name]
            if not isinstance(names, list):
                raise ValueError(f"{name}: not a list")
            setattr(facts, name, {str(item) for item in names})
        for name in _FLAGS:
            flag = value[name]
            if not isinstance(flag, bool):
                raise ValueError(f"{name}: not a boolean")
            setattr(facts, name, flag)
        return facts


def _nesting(value: object) -> Nesting | None:
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != 2:
        raise ValueError("not a nesting")  # a damaged entry, as documented
    return (int(value[0]), int(value[1]))


def _layout(value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError("not a layout")  # a damaged entry, as documented
    return value


def _import_ref(value: object) -> ImportRef:
    if not isinstance(value, (list, tuple)) or len(value) != 3:
        raise ValueError("not an imported name")  # a damaged entry, as documented
    return (int(value[0]), str(value[1]), str(value[2]))


_NAME_SETS = (
    "frameworks",
    "migrated_bases",
    "key_names",
    "definitions",
    "streaming_names",
    "other_names",
    "session",
    "settings_key_fields",
    "json_keys",
    "ini_keys",
    "toml_keys",
    "code_keys",
    "avatar_env_names",
    "dispatch_calls",
    "token_models",
    "url_attributes",
    "token_getters",
    "json_helpers",
    "data_helpers",
    "optional_tokens",
    "bearer_calls",
    "imported_token_getters",
    "imported_bearer_calls",
    "url_reads",
)
_FLAGS = ("streaming", "liveavatar_paths", "other_apis")


_Fact = TypeVar("_Fact", str, bool)

_API_KEY_WORD = re.compile(rb"x-api-key|api_key", re.IGNORECASE)


def optional_token_parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """``name:parameter`` for each parameter of ``function`` named like a token whose default
    is ``None`` (the function sends the API key without it)."""
    arguments = function.args
    positional = [*arguments.posonlyargs, *arguments.args]
    defaults = dict(
        zip([a.arg for a in positional][-len(arguments.defaults) :], arguments.defaults)
    )
    defaults.update(
        (a.arg, d) for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults) if d is not None
    )
    return {
        f"{function.name}:{name}"
        for name, default in defaults.items()
        if "token" in name.lower() and isinstance(default, ast.Constant) and default.value is None
    }


_WRAPPER_PATH = re.compile(
    rb"""\(\s*(?:["'](?:GET|POST|PUT|PATCH|DELETE)["']\s*,\s*)?[rRbBuU]?["']/?v\d"""
)
"""A call with a literal API path first (``_post("/v1/streaming.new"``, ``_post("v2/...``), or
second after a literal method (``heygen_request("POST", "/v1/streaming.new"``)."""

_MAX_PARSED = MAX_SOURCE_CHARS
"""The engine refuses larger files: no facts from them either."""


def file_facts(data: bytes, python: bool = True) -> FileFacts:
    """Everything a candidate file contributes to the project's facts (``python``: the file
    is Python source, not a notebook: comments and prose are told apart from code)."""
    facts = FileFacts()
    bare_strings: list[tuple[int, int, int, int]] = []
    tree = _ast_facts(data, facts, bare_strings)
    _byte_facts(data, python and tree is not None, facts, bare_strings)
    if tree is not None and not data.startswith(b"\xef\xbb\xbf"):
        # The engine's text has no byte-order mark. Read once the facts give the module's
        # roles (which of its functions a rule may change).
        with contextlib.suppress(UnicodeDecodeError):
            layout = read_layout(data.decode("utf-8"), tree)
            if layout is not None:
                if layout.units:
                    layout = replace(layout, roles=facts.role_names())
                facts.layout = layout_text(layout)
    if "chat" in facts.session and tree is not None:
        from ..apispec import LITERAL_CHAT_PATTERN
        from ..apispec.session_fields import CHAT_TASK_TYPES

        if LITERAL_CHAT_PATTERN.search(data.lower()):
            return facts
        # Only ``"task_type": <name>`` said chat: followed to the literals its callers pass
        # (``speaker("repeat")``), the task types may all be plain text.
        chosen = run_time_task_types(tree)
        if chosen is not None and not chosen & CHAT_TASK_TYPES:
            facts.session.discard("chat")
    return facts


def _ast_facts(
    data: bytes, facts: FileFacts, bare_strings: list[tuple[int, int, int, int]] | None = None
) -> ast.Module | None:
    """One ``ast`` parse, then a walk over statements only (expressions are read as text
    slices or small sub-walks): this runs on every file that passes the pre-filter. Returns
    the tree (``None``: not parsed). ``bare_strings`` receives where the statements that are
    only strings (docstrings) are, for the byte patterns (``analysis.mentions.CodeSpans``)."""
    if len(data) > _MAX_PARSED:
        return None
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    facts.nesting = deepest_nesting(tree)
    facts.string_constants = string_constants(tree)
    if _STREAMING_WORD in data:
        facts.url_constants = url_constants(tree)
    if _HEYGEN_HOST_BYTES in data:
        facts.base_constants = base_constants(tree)
    lines = data.splitlines()
    functions: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
    url_statements: list[tuple[ast.stmt, str]] = []
    imported_names: set[str] = set()
    for statement in _statements(tree.body):
        if isinstance(statement, ast.Expr):
            if bare_strings is not None and _bare_string(statement):
                end_line = statement.end_lineno or statement.lineno
                end_column = statement.end_col_offset or 0
                bare_strings.append((statement.lineno, statement.col_offset, end_line, end_column))
        elif isinstance(statement, ast.Import):
            facts.imports.extend((0, alias.name, ()) for alias in statement.names)
        elif isinstance(statement, ast.ImportFrom):
            names = tuple(alias.name for alias in statement.names if alias.name != "*")
            if len(names) < len(statement.names) and statement.module:
                facts.star_imports.add(statement.module.rpartition(".")[2])
            facts.imports.append((statement.level, statement.module or "", names))
            imported_names.update(a.name for a in statement.names if a.asname is None)
        elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.append(statement)
        elif isinstance(statement, ast.ClassDef):
            # A subclass of an HTTP client, or an SDK's transport class of its own.
            methods = json_methods(statement) if statement.bases else transport_methods(statement)
            facts.url_attributes |= class_url_attributes(statement)
            facts.code_keys |= class_config_keys(statement)
            if methods:
                facts.json_clients.setdefault(statement.name, methods)
                data_part = data_methods(statement, methods)
                if data_part:
                    facts.data_clients.setdefault(statement.name, data_part)
        elif isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            name = target.id if isinstance(target, ast.Name) else getattr(target, "attr", None)
            if not name:
                continue
            text = _text(lines, statement)
            if _NEW_PATH.encode() in text:
                url_statements.append((statement, name))
            value = _STRING.sub(b"", text.split(b"=", 1)[-1])  # names, not words in strings
            sources = _flow_sources(value.decode("ascii", "replace"))
            if sources:
                facts.aliases.append((name, sources))
    # Names holding the new URL outside functions (``NEW_URL = f"{BASE}/streaming.new"``): a
    # function's own ``data = self._post("/v1/streaming.new", ...)`` names nothing for others.
    url_names: set[str] = set()
    if url_statements:
        local = {id(s) for function in functions for s in _statements(function.body)}
        class_of = {
            id(s): node.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef)
            for s in node.body
        }
        for statement, name in url_statements:
            if id(statement) in local:
                continue
            # ``class Paths: new = ".../streaming.new"`` is read as ``Paths.new`` (or
            # ``self.new``): ``new`` alone or after another name (``hmac.new``) is not it.
            owner = class_of.get(id(statement))
            url_names.add(f"{owner}.{name}" if owner else name)
    if switch_word.search(data):
        facts.choices = switch_choices(tree)
    if b"api.heygen.com" in data and b"class " in data:
        # ``heygen = HeyGenClient(key)``: its methods' kinds, for modules importing it
        for key, kinds in instance_method_kinds(tree).items():
            facts.wrapper_splits.setdefault(key, kinds)
    if imported_names and _WRAPPER_PATH.search(data):
        # ``heygen_post("/v1/streaming.new", ...)`` with ``heygen_post`` from ``.utils``.
        facts.wrapper_call_kinds = imported_call_kinds(tree, imported_names)
    owners: dict[int, str] | None = None  # read once, for a function sending ids only
    bound: dict[str, str] | None = None  # read once, for a function reading imported URLs
    new_senders: set[str] = set()
    classes: set[str] | None = None  # read once, for a file with a request wrapper
    for function in functions:
        text = _text(lines, function)
        _wrapper_body(function, text, facts.wrappers)
        action = dispatch_action_parameter(function, text)
        if action is not None and function.name in facts.wrappers:
            owners = owners if owners is not None else _method_owners(tree)
            facts.dispatchers.setdefault(function.name, (owners.get(id(function), ""), *action))
        if function.name not in facts.wrapper_parameters and SENDS_REQUEST.search(text):
            parameters = wrapper_parameters(function)
            if parameters:
                facts.wrapper_parameters[function.name] = parameters
                urls = [name for role, name, _position in parameters if role == "url"]
                template = url_template(function, urls[0], tree) if len(urls) == 1 else None
                if template is not None:
                    facts.wrapper_urls[function.name] = template
                if len(urls) == 1 and function in tree.body:
                    # (a wrapper on another module's base only in a module the run migrates:
                    # its importers call the sibling its migration writes)
                    candidate = may_contain_heygen(data)
                    kinds = split_kinds(function, tree, candidate)
                    facts.wrapper_splits[function.name] = kinds
                    if kinds != NOT_SPLIT and candidate:
                        reads = foreign_settings_reads(function, tree)
                        if reads:
                            facts.split_settings[function.name] = reads
                classes = classes if classes is not None else module_classes(tree)
                error = wrapper_error(function, classes) if classes else None
                if error is not None:
                    facts.wrapper_errors[function.name] = error
        if fetches_token(function, text):
            facts.token_getters.add(function.name)
        if b".json()" in text and function in tree.body and returns_response_json(function):
            facts.json_helpers.add(function.name)
        if (
            function.name in facts.wrapper_parameters
            and function in tree.body
            and returns_envelope_data(function)
        ):
            facts.data_helpers.add(function.name)
        if b"Bearer" in text and _API_KEY_WORD.search(text):
            facts.optional_tokens |= optional_token_parameters(function)
        if b"Bearer" in text and _NEW_PATH.encode() in data and CREATE_TOKEN not in data:
            facts.bearer_calls |= bearer_calls(function)
        if facts.imports and may_fetch_imported_token(function, text):
            bound = bound if bound is not None else import_bindings(tree)
            facts.imported_token_getters |= {
                f"{function.name}:{read}" for read in imported_reads(function, bound)
            }
        if (
            facts.imports
            and b"Bearer" in text
            and _NEW_PATH.encode() not in data
            and CREATE_TOKEN not in data
        ):
            facts.imported_bearer_calls |= bearer_calls(function)
        if _NEW_PATH.encode() in data and _sends_new(text, url_names):
            new_senders.add(function.name)
            if _opens(function, text):
                facts.openers.add(function.name)
            facts.token_models |= response_models(function)
            ids = id_parameters(function)
            if ids:
                owners = owners if owners is not None else _method_owners(tree)
                owner = owners.get(id(function))
                name = function.name if owner is None else f"{owner}.{function.name}"
                facts.id_parameters.setdefault(name, ids)
    if facts.imported_bearer_calls:
        bound = bound if bound is not None else import_bindings(tree)
        facts.url_reads = imported_reads(tree, bound)
    if facts.wrappers or facts.wrapper_parameters:
        add_partial_method_wrappers(tree, facts)  # ``_post = partialmethod(_request, "POST")``
    if new_senders and _RESPONSE_TYPES_MAP in data:
        # OpenAPI Generator 7: ``streaming_new`` names the models and calls
        # ``_streaming_new_serialize``, which names the path.
        for function in functions:
            if function.name not in new_senders and calls_any(function, new_senders):
                facts.token_models |= response_models(function)
    return tree


_KEY_NAME_TEXT = re.compile(r"HEYGEN(?:_[A-Z0-9]+)*_(?:API_)?(?:KEY|TOKEN)")


def class_config_keys(node: ast.ClassDef) -> set[str]:
    """HeyGen key names a class body assigns (``class Config: HEYGEN_API_KEY = ...``): a
    Flask-style config object (``app.config.from_object(Config)``) whose attributes become
    the app's own config keys, read as ``app.config["HEYGEN_API_KEY"]``. An annotated field
    (a pydantic-settings class's) is a setting read from the environment instead."""
    return {
        target.id
        for statement in node.body
        if isinstance(statement, ast.Assign)
        for target in statement.targets
        if isinstance(target, ast.Name) and _KEY_NAME_TEXT.fullmatch(target.id)
    }


def _merge_constants(
    into: dict[tuple[str, str], str | None], module: str, found: Mapping[str, str | None]
) -> None:
    """Module constants by module and name; a name two files of one module (or of no known
    module) give different values is ambiguous."""
    for name, text in found.items():
        key = (module, name)
        if key in into and into[key] != text:
            into[key] = None
        else:
            into.setdefault(key, text)


def _bare_string(statement: ast.Expr) -> bool:
    """A statement that is only a string, not in parentheses (a docstring)."""
    value = statement.value
    return (
        isinstance(value, ast.JoinedStr)
        or (isinstance(value, ast.Constant) and isinstance(value.value, (str, bytes)))
    ) and (value.lineno, value.col_offset) == (statement.lineno, statement.col_offset)


def _merge_agreeing(merged: dict[str, _Fact | None], found: Mapping[str, _Fact | None]) -> None:
    """Facts of wrappers by wrapper name (the class each raises, whether its module splits
    it); a name two files disagree on is dropped."""
    for name, error in found.items():
        if name in merged and merged[name] != error:
            merged[name] = None
        else:
            merged.setdefault(name, error)


def _merge_kinds(merged: dict[str, str], found: Mapping[str, str]) -> None:
    """Kinds of paths an imported name is called with, over the importing files."""
    for name, kinds in found.items():
        every = set(merged.get(name, "")) | set(kinds)
        merged[name] = "".join(sorted(every))


def module_of_path(path: str) -> str:
    """The dotted name a file's path gives its module (``/src/lobby/settings.py`` ->
    ``src.lobby.settings``, a package's ``__init__.py`` its directory): an import names
    a suffix of it (``lobby.settings``)."""
    stem = os.path.splitext(path)[0]
    parts = [part for part in stem.replace("\\", "/").split("/") if part]
    if parts and parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _method_owners(tree: ast.Module) -> dict[int, str]:
    """``id`` of each method -> the name of its class."""
    return {
        id(item): statement.name
        for statement in _statements(tree.body)
        if isinstance(statement, ast.ClassDef)
        for item in statement.body
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
    }


def _byte_facts(
    data: bytes, python: bool, facts: FileFacts, bare_strings: list[tuple[int, int, int, int]]
) -> None:
    """The byte patterns of one file (``apispec``), on its code only where they would
    otherwise count mentions in comments, docstrings and log text (``python``: parsed Python
    source, whose docstrings are ``bare_strings``)."""
    facts.dispatch_calls = dispatch_calls(data)
    from ..apispec import (
        BASE_NAME_PATTERN,
        LIVEAVATAR_PATH_PATTERN,
        OPENS_SESSION_PATTERN,
        OTHER_HEYGEN_API_PATTERN,
        SENDS_AUDIO_PATTERN,
        SENDS_CHAT_PATTERN,
        SENDS_TEXT_PATTERN,
        STREAMING_DISPATCH_PATTERN,
        STREAMING_PATH_PATTERN,
    )
    from ..apispec.frameworks import FRAMEWORK_IMPORT_PACKAGES

    lowered = data.lower()
    spans: CodeSpans | None = None
    # Only a file naming an endpoint is read for its code (others count every mention).
    code_only = (
        python and len(data) <= MAX_TOKENIZED and STREAMING_PATH_PATTERN.search(lowered) is not None
    )

    def in_code(pattern: re.Pattern[bytes]) -> bool:
        # Comments, docstrings and log text name endpoints without using them. The file is
        # lexed only when a pattern matches somewhere: most patterns match nowhere.
        nonlocal spans
        if pattern.search(lowered) is None:
            return False
        if not code_only:
            return True
        if spans is None:
            spans = CodeSpans(data, bare_strings)
        return spans.has_match(pattern, lowered)

    facts.frameworks = {
        package for pattern, package in FRAMEWORK_IMPORT_PACKAGES if pattern.search(data)
    }
    bases = _base_names(BASE_NAME_PATTERN, data)
    facts.migrated_bases = set() if b"api.liveavatar.com" in data else bases["liveavatar"]
    facts.streaming = in_code(STREAMING_PATH_PATTERN) or in_code(STREAMING_DISPATCH_PATTERN)
    facts.liveavatar_paths = LIVEAVATAR_PATH_PATTERN.search(data) is not None
    if facts.streaming or facts.liveavatar_paths:
        facts.key_names = _names_of(_KEY_HEADER_VALUE, data)
        facts.definitions = _names_of(_DEFINITION, data)
    facts.other_apis = in_code(OTHER_HEYGEN_API_PATTERN)
    if b"BaseSettings" in data:
        facts.settings_key_fields = _names_of(_SETTINGS_KEY_FIELD, data)
    if b"json.load" in data:
        facts.json_keys = _names_of(_JSON_KEY_READ, data)
    if b"toml" in data and _TOML_IMPORT.search(data):
        facts.toml_keys = _names_of(_JSON_KEY_READ, data)
    if b"HEYGEN" in data:
        facts.code_keys |= set().union(*(_names_of(p, data) for p in _CODE_KEY_SETTINGS))
    if (b"environ" in data or b"getenv" in data) and (
        b"AVATAR" in data or b"avatar" in data or b"Avatar" in data
    ):
        facts.avatar_env_names = {
            name for name in _names_of(_AVATAR_ENV_READ, data) if names_avatar(name)
        }
    if any(marker in data for marker in _INI_READERS):
        # ``settings["heygen.api_base"]``: an option's whole dotted name too (PasteDeploy's).
        dotted = {
            m.group("name").decode("ascii", "replace") for m in _INI_OPTION_READ.finditer(data)
        }
        names = dotted | _names_of(_INI_OPTION_READ, data)
        facts.ini_keys = {name.lower() for name in names}
    facts.streaming_names = bases["streaming"]
    facts.session = {
        fact
        for fact, pattern in (
            ("opens", OPENS_SESSION_PATTERN),
            ("text", SENDS_TEXT_PATTERN),
            ("chat", SENDS_CHAT_PATTERN),
            ("audio", SENDS_AUDIO_PATTERN),
        )
        if in_code(pattern)
    }
    facts.other_names = bases["other"]


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# A name whose value an assignment can pass on: not one called or read through
# (``json.loads(r.text)`` passes on ``text``, not ``json``, ``loads`` or ``r``), nor a keyword
# or a built-in (``base if base else None``).
_FLOW_SOURCE = re.compile(r"(?<![\w.])(?:[A-Za-z_]\w*\s*\.\s*)*([A-Za-z_]\w*)\b(?!\s*[.(])")
_TRIMMED = re.compile(r"\.\s*(?:rstrip|lstrip|strip|removesuffix|removeprefix)\s*\([^()]*\)")
_NOT_SOURCES = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | frozenset(dir(builtins))


def _sends_realtime_audio(data: bytes) -> bool:
    """The realtime vocabulary of a program streaming its own audio (``apispec``), sent over
    a WebSocket the module opens."""
    from ..apispec import SENDS_AUDIO_PATTERN

    return SENDS_AUDIO_PATTERN.search(data) is not None and _OPENS_SOCKET.search(data) is not None


_OPENS_SOCKET = re.compile(rb"\b(?:ws_connect|create_connection|WebSocketApp|connect)\s*\(")


def _flow_sources(value: str) -> set[str]:
    """The names an assignment's value (its strings removed) may take a base URL from
    (``s.base_url.rstrip("/")`` passes on ``base_url``)."""
    value = _TRIMMED.sub("", value)
    return {name for name in _FLOW_SOURCE.findall(value) if name not in _NOT_SOURCES}


_STRING = re.compile(rb"([\"'])(?:\\.|(?!\1).)*\1")
KEYWORD_BODY = -2
"""As :data:`..analysis.http.KEYWORD_BODY`: the body is the caller's keyword arguments."""
_BODY_ARGUMENT = re.compile(
    rb"(?:[(,]\s*(?:json|data|content|body)\s*=\s*(?:[\w.]*dumps\(\s*)?"
    rb"|\b(?:data|body|content)\s*=\s*(?:None\s+if\s+[\w.]+\s+is\s+None\s+else\s+)?"
    rb"[\w.]*dumps\(\s*)([A-Za-z_][A-Za-z0-9_]*)"
)
"""A keyword argument of a call (``post(url, json=payload)``), or a body serialised into a
local first (``data = json.dumps(payload).encode()``, or ``data = None if payload is None else
json.dumps(payload)``, then ``Request(url, data=data)``); not any assignment (``data = input.read()`` is no body of ``input``)."""
_COMPOUND = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.Try)


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Every statement, nested ones included, without visiting expressions."""
    stack = list(reversed(body))
    while stack:
        statement = stack.pop()
        yield statement
        nested: list[ast.stmt] = []
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            nested = statement.body
        elif isinstance(statement, _COMPOUND):
            nested = [*statement.body, *getattr(statement, "orelse", [])]
            nested += getattr(statement, "finalbody", [])
            for handler in getattr(statement, "handlers", []):
                nested += handler.body
        elif hasattr(ast, "Match") and isinstance(statement, ast.Match):
            for case in statement.cases:
                nested += case.body
        stack.extend(reversed(nested))


def _text(lines: list[bytes], node: ast.stmt) -> bytes:
    """The statement's lines, but the tool's own markers: a marker quoting ``streaming.new``
    in a function a first run migrated must not make a second run read it as sending it."""
    text = b"\n".join(lines[node.lineno - 1 : node.end_lineno or node.lineno])
    if _MARKER_WORD not in text:
        return text
    return b"\n".join(
        line
        for line in text.split(b"\n")
        if not (_MARKER_WORD in line and line.lstrip().startswith(b"#"))
    )


_MARKER_WORD = MARKER_PREFIX.encode("ascii")


def _sends_new(text: bytes, url_names: set[str]) -> bool:
    """The function's text names ``streaming.new`` or a constant holding its URL
    (``Class.name``: a class attribute holding it, read through the class or an instance)."""
    return _NEW_PATH.encode() in text or any(
        re.search(_url_name_pattern(name), text) for name in url_names
    )


def _url_name_pattern(name: str) -> bytes:
    owner, _, attribute = name.rpartition(".")
    if owner:
        owners = rb"|".join((b"self", b"cls", re.escape(owner.encode())))
        return rb"\b(?:" + owners + rb")\s*\.\s*" + re.escape(attribute.encode()) + rb"\b"
    return rb"(?<![\w.])" + re.escape(name.encode()) + rb"\b"  # not ``hashlib.new``


def _opens(function: ast.AST, text: bytes) -> bool:
    """Returns something other than a literal tuple or dict (from a function that calls
    ``streaming.new``: :func:`_sends_new`), or than what a pydantic ``TypeAdapter`` validated
    (``return NEW_SESSION.validate_python(r.json())``: the adapter's ``TypedDict`` keeps
    HeyGen's keys, which H2L404 gives the response where it is validated, so callers read
    those)."""
    body = getattr(function, "body", [])
    statements = list(_statements(body))
    returns = [s.value for s in statements if isinstance(s, ast.Return) and s.value]
    if not returns or any(
        isinstance(v, (ast.Tuple, ast.Dict, ast.Constant)) or _keywords_only(v) for v in returns
    ):
        return False
    assigned: dict[str, list[ast.expr]] = {}
    for statement in statements:
        if isinstance(statement, ast.Assign):
            for target in statement.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append(statement.value)
    return not all(_adapter_validated(v, assigned) for v in returns)


def _keywords_only(value: ast.expr) -> bool:
    """``Room(session_id=sid, url=data["url"], access_token=...)``, ``dict(url=...)``: an object
    built from keywords only carries the names the program gave it, like a literal dict."""
    return (
        isinstance(value, ast.Call)
        and not value.args
        and bool(value.keywords)
        and all(keyword.arg is not None for keyword in value.keywords)
    )


_ADAPTER_VALIDATIONS = frozenset({"validate_python", "validate_json", "validate_strings"})


def _adapter_validated(value: ast.expr, assigned: dict[str, list[ast.expr]]) -> bool:
    """``ADAPTER.validate_python(...)``, or a local name only ever bound to one."""
    if isinstance(value, ast.Await):
        value = value.value
    if isinstance(value, ast.Name):
        values = assigned.get(value.id, [])
        return bool(values) and all(
            not isinstance(v, ast.Name) and _adapter_validated(v, assigned) for v in values
        )
    return (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Attribute)
        and value.func.attr in _ADAPTER_VALIDATIONS
    )


def _wrapper_body(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
    text: bytes,
    found: dict[str, tuple[str, int]],
) -> None:
    """A request wrapper: the parameter it sends as the body and its position among the
    positional parameters (``self`` not counted).

    ``post_json(url, api_key, payload, auth_mode)`` passes ``payload`` as ``json=`` (or
    ``data=json.dumps(payload)``) to the HTTP call it makes; callers in other modules call it
    with their own positional order, which only the wrapper's code tells.
    """
    positional = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
    if positional and positional[0] in ("self", "cls"):
        positional = positional[1:]
    params = {*positional, *(a.arg for a in function.args.kwonlyargs)}
    keywords = function.args.kwarg.arg if function.args.kwarg is not None else None
    for match in _BODY_ARGUMENT.finditer(text):
        name = match.group(1).decode("ascii")
        if name in params:
            position = positional.index(name) if name in positional else -1
            found.setdefault(function.name, (name, position))
            return
        if name == keywords:
            # ``def _call(self, name, **payload): post(url, json=payload)``: the caller's keywords.
            found.setdefault(function.name, (name, KEYWORD_BODY))
            return


def expand_base_names(names: set[str], edges: list[tuple[str, set[str]]]) -> set[str]:
    """Names whose value flows into a streaming base name (``self._base = s.base_url``)."""
    result = set(names)
    for _round in range(3):
        grown = {source for target, sources in edges if target in result for source in sources}
        grown -= {"self", "os", "environ", "getenv", "get", "rstrip", "strip", "settings"}
        if grown <= result:
            break
        result |= grown
    return result


class FactsCollector:
    """Accumulates the project's facts from the bytes of every candidate file.

    A file's contribution (:func:`file_facts`: an ``ast`` parse, a tokenization of files
    that name streaming paths, the byte patterns) comes from ``cache`` when a file with the
    same content was read before.
    """

    def __init__(self, cache: FactsCache | None = None) -> None:
        self.cache = cache
        self.uses_streaming = False
        self.uses_other_apis = False
        self.streaming_names: set[str] = set()
        self.migrated_names: set[str] = set()
        """Names seen only in front of LiveAvatar paths (a module an earlier run migrated)."""
        self.proper_streaming_names: set[str] = set()
        """Names seen in front of HeyGen streaming paths."""
        self.other_names: set[str] = set()
        self.session = dict.fromkeys(("opens", "text", "chat", "audio"), False)
        self.openers: set[str] = set()
        self.wrappers: dict[str, tuple[str, int]] = {}
        self.wrapper_parameters: dict[str, list[tuple[str, str, int]]] = {}
        self.json_clients: set[tuple[str, str]] = set()
        self.data_clients: set[tuple[str, str]] = set()
        self.id_parameters: dict[str, list[tuple[str, int, str]]] = {}
        self.string_constants: dict[tuple[str, str], str | None] = {}
        """(module, name) -> text, the module dotted from the file's path (``""``: not
        known); ``None``: files of that module disagree on the name's value."""
        self.url_constants: dict[tuple[str, str], str | None] = {}
        self.star_imports: set[str] = set()
        self.base_constants: dict[tuple[str, str], str | None] = {}
        """Like ``string_constants``, for constants naming a whole streaming URL."""
        self.other_modules: list[str] = []
        """Real paths of the project's modules without HeyGen words, not read for facts:
        :meth:`build` reads those a module read for facts imports (see there)."""
        self.wrapper_urls: dict[str, str] = {}
        self.dispatchers: dict[str, tuple[str, int, str]] = {}
        self.wrapper_errors: dict[str, str | None] = {}
        """Wrapper name -> the class it raises; ``None``: files disagree (one name, two
        wrappers)."""
        self.wrapper_splits: dict[str, str | None] = {}
        """Wrapper name -> the kinds of paths its module calls it with, ``-`` when its module
        never splits it; ``None``: files disagree."""
        self.wrapper_call_kinds: dict[str, str] = {}
        """Imported name -> the kinds of paths the importing modules call it with."""
        self.split_settings: dict[str, set[str]] = {}
        """Wrapper name -> the settings of another module it reads (its base, its key)."""
        self.dispatch_calls: set[str] = set()
        self.alias_edges: list[tuple[str, set[str]]] = []
        self.key_names: set[str] = set()
        self.definitions: set[str] = set()
        self.imported_names: set[bytes] = set()
        """Kept as bytes while files are read (decoded once, in :meth:`build`): this runs on
        every file of the project."""
        self.framework_packages: set[str] = set()
        self.settings_key_fields: set[str] = set()
        self.json_keys: set[str] = set()
        self.ini_keys: set[str] = set()
        self.toml_keys: set[str] = set()
        self.code_keys: set[str] = set()
        self.avatar_env_names: set[str] = set()
        self.token_models: set[str] = set()
        self.url_attributes: set[str] = set()
        self.token_getters: set[str] = set()
        self.json_helpers: set[str] = set()
        self.data_helpers: set[str] = set()
        self.optional_tokens: set[str] = set()
        self.bearer_calls: set[str] = set()
        self.imported_token_getters: set[str] = set()
        self.imported_bearer_calls: list[tuple[set[str], set[str]]] = []
        """Each file's (:attr:`FileFacts.url_reads`, :attr:`FileFacts.imported_bearer_calls`),
        resolved against every module's URL constants in :meth:`_build`."""
        self.heygen_streaming = False
        # Files read with their path, each in a collector of its own: a HeyGen backend that
        # a provider switch keeps is left out of the facts (see ``build``), as it is of the run.
        self.files: list[tuple[str, FactsCollector, FileFacts]] = []
        self.table_wrapper_sources: list[bytes] = []
        """Files without HeyGen words that may define a table wrapper, read by :meth:`build`."""

    def note_imports(self, data: bytes) -> None:
        """Names any file of the project imports from another (HeyGen usage or not)."""
        self.imported_names.update(imported_name_bytes(data))

    def _read_imported_modules(self) -> None:
        """The facts of the modules without HeyGen words (:attr:`other_modules`) that a module
        read for facts imports, read like a candidate's when they may hold some: a settings
        module quoting a HeyGen id (``AVATAR_ID = os.getenv("AVATAR_ID", "Wayne_20240711")``:
        its constants), a generic HTTP client a streaming call goes through
        (``client.post("/v1/streaming.new", body)`` with ``def post(self, path, json=None)``:
        its wrappers and client classes) or the socket class streaming the project's own audio
        to the ``realtime_endpoint`` its importer hands it (``agent.speak`` ... ``agent.speak_end``
        are LiveAvatar's words too, so no HeyGen word is there: the session is LITE). Only the imported ones are read, after the scan: the
        scan of the rest of the tree costs nothing more."""
        paths, self.other_modules = self.other_modules, []
        exact: set[str] = set()
        suffixes: set[str] = set()
        for path, _part, found in self.files:
            more_exact, more_suffixes = import_targets(path, found.imports)
            exact |= more_exact
            suffixes |= more_suffixes
        from .placement import helper_version

        read = {path for path, _part, _found in self.files}
        imported = exact | set(paths_with_tail_in(paths, suffixes))
        for path in paths:
            if path in read or path not in imported:
                continue
            read.add(path)
            try:
                with open(path, "rb") as file:
                    data = file.read()
            except OSError:
                continue
            if helper_version(data) is not None:
                continue  # the helper module this tool wrote: no code of the project
            if (
                may_name_heygen_asset(data)
                or (SENDS_REQUEST.search(data) and _BODY_ARGUMENT.search(data))
                or _sends_realtime_audio(data)
            ):
                self.add(data, None, True, path, resolved=True)
        # A module admitted later (an URL constant's importer, ``_admit_project_callers``)
        # may import one of the others: the next build reads it then.
        self.other_modules = [path for path in paths if path not in read]

    def note_table_wrappers(self, data: bytes, later: bool = False) -> bool:
        """A file without HeyGen words may still define the wrapper its subclasses send
        through (``self.BASE_URL + self.ENDPOINTS[name]``, the table defined elsewhere);
        whether it does.

        ``later``: parse it only in :meth:`build`, and only if the project uses HeyGen's
        streaming API (then the answer is whether it may: two byte patterns). A scan of a
        project without HeyGen calls, most of what a whole run sees, then parses none of
        them: the lookup pattern (``a + b[i]``) is common. Files read for a partial run's
        facts, whose project does use HeyGen, are read at once: the stat cache needs the
        exact answer."""
        if not may_define_table_wrappers(data):
            return False
        if later:
            self.table_wrapper_sources.append(data)
            return True
        return self._read_table_wrappers(data)

    def _read_table_wrappers(self, data: bytes) -> bool:
        found = table_wrappers(data)
        lines = data.splitlines() if found else []
        for function, parameters in found:
            self.wrapper_parameters.setdefault(function.name, parameters)
            _wrapper_body(function, _text(lines, function), self.wrappers)
        return bool(found)

    def add(
        self,
        data: bytes,
        digest: bytes | None = None,
        python: bool = True,
        path: str | None = None,
        resolved: bool = False,
    ) -> FileFacts:
        """Read one candidate file's facts (from the cache when its content was read before);
        returns them (its imports included).

        With ``path``, the file's facts are kept apart until :meth:`build`, which leaves out
        the HeyGen backends of provider switches; ``resolved``: ``path`` is a real path
        already (a ``SourceFile.real``), not resolved again (a ``stat`` per component)."""
        if path is None:
            return self._add(data, digest, python)
        part = FactsCollector(self.cache)
        found = part._add(data, digest, python)
        self.files.append((path if resolved else os.path.realpath(path), part, found))
        return found

    def _add(self, data: bytes, digest: bytes | None, python: bool) -> FileFacts:
        found = self.cache.get(data, digest, python) if self.cache is not None else None
        if found is None:
            found = file_facts(data, python)
            if self.cache is not None:
                self.cache.put(data, digest, found, python)
        self.framework_packages.update(found.frameworks)
        self.settings_key_fields.update(found.settings_key_fields)
        self.json_keys.update(found.json_keys)
        self.ini_keys.update(found.ini_keys)
        self.toml_keys.update(found.toml_keys)
        self.code_keys.update(found.code_keys)
        self.avatar_env_names.update(found.avatar_env_names)
        self.token_models.update(found.token_models)
        self.url_attributes.update(found.url_attributes)
        self.token_getters.update(found.token_getters)
        self.json_helpers.update(found.json_helpers)
        self.data_helpers.update(found.data_helpers)
        self.optional_tokens.update(found.optional_tokens)
        self.bearer_calls.update(found.bearer_calls)
        self.imported_token_getters.update(found.imported_token_getters)
        if found.imported_bearer_calls:
            self.imported_bearer_calls.append((found.url_reads, found.imported_bearer_calls))
        self.heygen_streaming = self.heygen_streaming or found.streaming
        if found.streaming or found.liveavatar_paths:
            # A migrated client counts while its base comes from elsewhere (a settings module
            # not migrated yet); one written against LiveAvatar's literal host does not.
            self.uses_streaming = (
                self.uses_streaming or found.streaming or bool(found.migrated_bases)
            )
            self.key_names.update(found.key_names)
            self.definitions.update(found.definitions)
        self.uses_other_apis = self.uses_other_apis or found.other_apis
        self.streaming_names.update(found.streaming_names)
        self.streaming_names.update(found.migrated_bases)
        self.migrated_names.update(found.migrated_bases - found.streaming_names)
        self.proper_streaming_names.update(found.streaming_names)
        for fact in found.session:
            if fact in self.session:  # (a cache entry may name a fact no longer read)
                self.session[fact] = True
        self.openers.update(found.openers)
        for name, body in found.wrappers.items():
            self.wrappers.setdefault(name, body)
        for name, parameters in found.wrapper_parameters.items():
            self.wrapper_parameters.setdefault(name, parameters)
        self.json_clients.update(
            (name, method) for name, methods in found.json_clients.items() for method in methods
        )
        self.data_clients.update(
            (name, method) for name, methods in found.data_clients.items() for method in methods
        )
        for name, ids in found.id_parameters.items():
            self.id_parameters.setdefault(name, ids)
        _merge_constants(self.string_constants, "", found.string_constants)
        _merge_constants(self.url_constants, "", found.url_constants)
        self.star_imports |= found.star_imports
        _merge_constants(self.base_constants, "", dict.fromkeys(found.base_constants, "base"))
        for name, template in found.wrapper_urls.items():
            self.wrapper_urls.setdefault(name, template)
        for name, dispatcher in found.dispatchers.items():
            self.dispatchers.setdefault(name, dispatcher)
        _merge_agreeing(self.wrapper_errors, found.wrapper_errors)
        _merge_agreeing(self.wrapper_splits, found.wrapper_splits)
        _merge_kinds(self.wrapper_call_kinds, found.wrapper_call_kinds)
        for name, reads in found.split_settings.items():
            self.split_settings.setdefault(name, set()).update(reads)
        self.dispatch_calls.update(found.dispatch_calls)
        self.alias_edges.extend(found.aliases)
        self.other_names.update(found.other_names)
        return found

    def dispatch_helpers(self) -> tuple[tuple[str, str, int, str], ...]:
        """The dispatch helpers of every file read so far (as ``ProjectFacts.dispatch_helpers``),
        before :meth:`build`."""
        found: dict[str, tuple[str, int, str]] = {}
        for part in (self, *(part for _path, part, _found in self.files)):
            for name, dispatcher in part.dispatchers.items():
                found.setdefault(name, dispatcher)
        return tuple((name, *dispatcher) for name, dispatcher in sorted(found.items()))

    def url_constant_table(self) -> tuple[tuple[str, str, str], ...]:
        """The URL constants of every file read so far (as ``ProjectFacts.url_constants``),
        before :meth:`build`."""
        table: dict[tuple[str, str], str | None] = dict(self.url_constants)
        for path, part, _found in self.files:
            urls = {name: text for (_module, name), text in part.url_constants.items()}
            _merge_constants(table, module_of_path(path), urls)
        return tuple(sorted((*key, text) for key, text in table.items() if text))

    def build(self) -> ProjectFacts:
        if self.table_wrapper_sources and (
            any(
                part.heygen_streaming or part.uses_streaming
                for part in (self, *(part for _path, part, _found in self.files))
            )
        ):
            for data in self.table_wrapper_sources:
                self._read_table_wrappers(data)
        self.table_wrapper_sources = []
        if self.other_modules:
            self._read_imported_modules()
        switches = {path: found.choices for path, _part, found in self.files if found.choices}
        kept: dict[str, str] = {}
        if switches:
            streaming = [path for path, part, _found in self.files if part.heygen_streaming]
            kept = kept_backends(switches, streaming)
        merged = self._merged(kept) if self.files else self
        return merged._build(tuple(sorted(kept.items())))

    def _merged(self, kept: dict[str, str]) -> FactsCollector:
        """This collector's facts and those of every file read with its path but a kept
        backend, merged in the order the files were read (the first wrapper of a name wins)."""
        merged = FactsCollector(self.cache)
        merged.imported_names = self.imported_names
        parts = [
            ("", self),
            *((path, part) for path, part, _found in self.files if path not in kept),
        ]
        for path, part in parts:
            merged.uses_streaming = merged.uses_streaming or part.uses_streaming
            merged.uses_other_apis = merged.uses_other_apis or part.uses_other_apis
            merged.streaming_names |= part.streaming_names
            merged.migrated_names |= part.migrated_names
            merged.proper_streaming_names |= part.proper_streaming_names
            merged.other_names |= part.other_names
            for fact, value in part.session.items():
                merged.session[fact] = merged.session[fact] or value
            merged.openers |= part.openers
            for name, body in part.wrappers.items():
                merged.wrappers.setdefault(name, body)
            merged.alias_edges += part.alias_edges
            merged.key_names |= part.key_names
            merged.definitions |= part.definitions
            merged.framework_packages |= part.framework_packages
            merged.settings_key_fields |= part.settings_key_fields
            merged.json_keys |= part.json_keys
            merged.ini_keys |= part.ini_keys
            merged.toml_keys |= part.toml_keys
            merged.code_keys |= part.code_keys
            merged.avatar_env_names |= part.avatar_env_names
            merged.token_models |= part.token_models
            merged.url_attributes |= part.url_attributes
            merged.token_getters |= part.token_getters
            merged.json_helpers |= part.json_helpers
            merged.data_helpers |= part.data_helpers
            merged.optional_tokens |= part.optional_tokens
            merged.bearer_calls |= part.bearer_calls
            merged.imported_token_getters |= part.imported_token_getters
            merged.imported_bearer_calls += part.imported_bearer_calls
            for name, parameters in part.wrapper_parameters.items():
                merged.wrapper_parameters.setdefault(name, parameters)
            merged.json_clients |= part.json_clients
            merged.data_clients |= part.data_clients
            for name, ids in part.id_parameters.items():
                merged.id_parameters.setdefault(name, ids)
            module = "" if part is self else module_of_path(path)
            constants = {name: text for (_module, name), text in part.string_constants.items()}
            _merge_constants(merged.string_constants, module, constants)
            urls = {name: text for (_module, name), text in part.url_constants.items()}
            _merge_constants(merged.url_constants, module, urls)
            merged.star_imports |= part.star_imports
            bases = {name: text for (_module, name), text in part.base_constants.items()}
            _merge_constants(merged.base_constants, module, bases)
            for name, template in part.wrapper_urls.items():
                merged.wrapper_urls.setdefault(name, template)
            for name, dispatcher in part.dispatchers.items():
                merged.dispatchers.setdefault(name, dispatcher)
            _merge_agreeing(merged.wrapper_errors, part.wrapper_errors)
            _merge_agreeing(merged.wrapper_splits, part.wrapper_splits)
            _merge_kinds(merged.wrapper_call_kinds, part.wrapper_call_kinds)
            for name, reads in part.split_settings.items():
                merged.split_settings.setdefault(name, set()).update(reads)
            merged.dispatch_calls |= part.dispatch_calls
        return merged

    def _token_getters(self) -> tuple[set[str], set[str]]:
        """The token getters and the calls made into ``Bearer`` values on ``streaming.new``,
        those reaching create_token or ``streaming.new`` through another module's URL
        constants included (see :mod:`.token_getter_facts`)."""
        getters, calls = self.token_getters, self.bearer_calls
        if self.imported_token_getters:
            getters = getters | resolved_getters(self.imported_token_getters, self.url_constants)
        for reads, more in self.imported_bearer_calls:
            calls = calls | resolved_bearer_calls(reads, more, self.url_constants)
        return getters, calls

    def _build(self, kept: tuple[tuple[str, str], ...]) -> ProjectFacts:
        streaming_names = self.streaming_names
        if self.alias_edges:
            streaming_names = expand_base_names(streaming_names, self.alias_edges)
        split_wrappers = frozenset(
            name
            for name, kinds in self.wrapper_splits.items()
            if splits(kinds, self.wrapper_call_kinds.get(name, ""))
        )
        return ProjectFacts(
            self.uses_streaming,
            self.uses_other_apis,
            frozenset(streaming_names),
            frozenset(self.other_names),
            migrated_only_base_names=frozenset(self.migrated_names - self.proper_streaming_names),
            streaming_key_names=frozenset(self.key_names),
            streaming_definitions=frozenset(self.definitions),
            imported_names=frozenset(
                name.decode("ascii", "replace") for name in self.imported_names
            ),
            framework_packages=frozenset(self.framework_packages),
            settings_key_fields=frozenset(self.settings_key_fields),
            json_config_keys=frozenset(self.json_keys),
            ini_config_keys=frozenset(self.ini_keys),
            toml_config_keys=frozenset(self.toml_keys),
            code_key_names=frozenset(self.code_keys),
            avatar_env_names=frozenset(self.avatar_env_names),
            token_response_models=frozenset(self.token_models),
            attribute_urls=frozenset(self.url_attributes),
            paired_token_getters=paired_getters(*self._token_getters()),
            optional_token_parameters=frozenset(self.optional_tokens),
            json_helpers=frozenset(self.json_helpers),
            data_helpers=frozenset(self.data_helpers),
            opens_sessions=self.session["opens"],
            sends_text=self.session["text"],
            sends_chat=self.session["chat"],
            sends_audio=self.session["audio"],
            session_openers=frozenset(self.openers),
            wrapper_bodies=tuple((name, *body) for name, body in sorted(self.wrappers.items())),
            kept_backends=kept,
            wrapper_parameters=tuple(
                (name, *parameter)
                for name, parameters in sorted(self.wrapper_parameters.items())
                for parameter in parameters
            ),
            json_clients=frozenset(self.json_clients),
            data_clients=frozenset(self.data_clients),
            id_parameters=tuple(
                (name, *parameter)
                for name, parameters in sorted(self.id_parameters.items())
                for parameter in parameters
            ),
            # Kept for callers passing a HeyGen id to an opener (``id_parameters``), and
            # region language codes a body reads from another module (``config.IDIOMA``).
            string_constants=tuple(
                sorted(
                    (*key, text)
                    for key, text in self.string_constants.items()
                    if text and (self.id_parameters or REGION_LANGUAGE.match(text))
                )
            ),
            url_constants=tuple(
                sorted((*key, text) for key, text in self.url_constants.items() if text)
            ),
            star_imported=frozenset(self.star_imports),
            base_constants=tuple(
                sorted((*key, "") for key, text in self.base_constants.items() if text)
            ),
            wrapper_urls=tuple(sorted(self.wrapper_urls.items())),
            wrapper_errors=tuple(
                sorted((name, error) for name, error in self.wrapper_errors.items() if error)
            ),
            split_wrappers=split_wrappers,
            split_wrapper_settings=frozenset(
                read for name in split_wrappers for read in self.split_settings.get(name, ())
            ),
            dispatch_helpers=tuple(
                (name, *dispatcher) for name, dispatcher in sorted(self.dispatchers.items())
            ),
            dispatch_actions=frozenset(
                (name, action)
                for name, action, keyword in (
                    (*call.split(":", 2), "")[:3] for call in self.dispatch_calls
                )
                if name in self.dispatchers
                and keyword in ("", self.dispatchers[name][2])  # by keyword: the action's
            ),
        )


# ``"x-api-key": settings.HEYGEN_KEY`` (any spelling of the header) and ``class Client`` /
# ``def make_client`` in files that call streaming endpoints: which settings and callables of
# other files hand a key to HeyGen (see ``ProjectFacts.streaming_key_names``).
_KEY_HEADER_VALUE = re.compile(rb"""(?i)["']x-api-key["']\s*:\s*(?P<name>[A-Za-z_][\w.]*)""")
_DEFINITION = re.compile(rb"(?m)^[ \t]*(?:async[ \t]+)?(?:class|def)[ \t]+(?P<name>[A-Za-z_]\w*)")


# ``from urls import TASK_URL, STOP_URL`` and ``urls.TASK_URL``: module constants other code
# may read (see ``ProjectFacts.imported_names``).
# The clause is the rest of the line, or everything up to the closing parenthesis (comments
# included: a name more only keeps a constant), never the lines after an unparenthesised import.
_FROM_IMPORT = re.compile(rb"(?m)^[ \t]*from[ \t]+[\w.]+[ \t]+import[ \t]+(\([^)]*|[^#\n]*)")
_UPPER_ATTRIBUTE = re.compile(rb"\.([A-Z_][A-Z0-9_]*)\b")
_IMPORTED_NAME = re.compile(rb"([A-Za-z_]\w*)(?:[ \t]+as[ \t]+\w+)?")


# ``raw["api_base"]``, ``raw.get('api_key_env', ...)``: keys a file that parses JSON reads.
# ``os.getenv("DASH_AVATAR")``, ``os.environ.get('AVATAR_ID', ...)``, ``os.environ["KIOSK_AVATAR"]``
_AVATAR_ENV_READ = re.compile(
    rb"""(?:getenv|environ\.get|environ)\(?\[?\s*(["'])(?P<name>[A-Za-z_]*(?i:avatar)[A-Za-z0-9_]*)\1"""
)
_JSON_KEY_READ = re.compile(rb"""(?:\[|\.get\(\s*)(["'])(?P<name>[A-Za-z_][\w-]*)\1""")
# ``import tomllib``, ``import tomli as tomllib``, ``from toml import load``: the file parses TOML.
_TOML_IMPORT = re.compile(rb"^[ \t]*(?:import|from)[ \t]+toml(?:lib|i)?\b", re.MULTILINE)
# ``["base_url"]``, ``.get("base_url")``, ``.get("heygen", "base_url")``, ``.getboolean(...)``:
# the option named after an optional section (a section's name read as an option is harmless).
_INI_OPTION_READ = re.compile(
    rb"""(?:\[|\.get(?:int|float|boolean)?\(\s*(?:(["'])[^"'\n]*\1\s*,\s*)?)"""
    rb"""(["'])(?P<name>[A-Za-z_][\w.-]*)\2"""
)


# ``    heygen_api_key: str`` in a settings class (pydantic-settings reads ``HEYGEN_API_KEY``).
_KEY_NAME = rb"HEYGEN(?:_[A-Z0-9]+)*_(?:API_)?(?:KEY|TOKEN)"
# ``from_mapping(HEYGEN_API_KEY=...)``, ``{"HEYGEN_API_KEY": ...}``, ``config["HEYGEN_API_KEY"] =``
# (not ``os.environ[...] =``): a key the program stores itself (``analysis.key_reads``).
_CODE_KEY_SETTINGS = (
    re.compile(rb"[(,]\s*(?P<name>" + _KEY_NAME + rb")\s*=(?!=)"),
    re.compile(rb"""[{,]\s*(["'])(?P<name>""" + _KEY_NAME + rb""")\1\s*:"""),
    re.compile(rb"""(?<!environ)\[\s*(["'])(?P<name>""" + _KEY_NAME + rb""")\1\s*\]\s*=(?!=)"""),
)
# Code reading INI options: ``configparser``, or a PasteDeploy app's settings (Pyramid reads
# ``[app:main]`` of ``development.ini`` into ``request.registry.settings["heygen.api_base"]``).
_INI_READERS = (
    b"configparser",
    b"ConfigParser",
    b"registry.settings",
    b"get_settings()",
    b"get_appsettings",
)
_SETTINGS_KEY_FIELD = re.compile(
    rb"^[ \t]+(?P<name>heygen(?:_[a-z0-9]+)*_(?:api_)?(?:key|token))[ \t]*:", re.MULTILINE
)


# ``_FROM_IMPORT`` at a given line start: a pattern that begins with ``(?m)^`` is tried at every
# byte of the file (a fifth of the cost of reading a file's facts); the lines that can match are
# found with ``bytes.find`` instead (see :func:`_from_import_clauses`).
_FROM_IMPORT_AT = re.compile(rb"[ \t]*from[ \t]+[\w.]+[ \t]+import[ \t]+(\([^)]*|[^#\n]*)")


def _from_import_clauses(data: bytes) -> list[bytes]:
    """``_FROM_IMPORT.findall(data)``, several times faster: a match starts at a line start
    followed by blanks and ``from``; matches do not overlap (one may span lines)."""
    clauses: list[bytes] = []
    end = 0
    position = data.find(b"from")
    while position >= 0:
        start = data.rfind(b"\n", 0, position) + 1
        if start >= end and not data[start:position].strip(b" \t"):
            match = _FROM_IMPORT_AT.match(data, start)
            if match is not None:
                clauses.append(match.group(1))
                end = match.end()
        position = data.find(b"from", position + 4)
    return clauses


def imported_name_bytes(data: bytes) -> set[bytes]:
    """The names a file may import from another (see :meth:`FactsCollector.note_imports`);
    a notebook's, from its code cells (the JSON quotes each line)."""
    if data[:1] == b"{" and b'"cell_type"' in data:
        from .walk import notebook_code

        data = notebook_code(data)
    # ``findall`` returns the one group of each pattern: no match objects on this hot path.
    names: set[bytes] = set(_UPPER_ATTRIBUTE.findall(data))
    if b"import" in data:
        for clause in _from_import_clauses(data):
            names.update(_IMPORTED_NAME.findall(clause))
    return names


def _names_of(pattern: re.Pattern[bytes], data: bytes) -> set[str]:
    return {
        match.group("name").rsplit(b".", 1)[-1].decode("ascii", "replace")
        for match in pattern.finditer(data)
    }


def _base_names(pattern: re.Pattern[bytes], data: bytes) -> dict[str, set[str]]:
    """Last components of the names written in front of matching paths (``config.BASE`` ->
    ``BASE``), by the kind of path (the name of the group of ``pattern`` that matched it)."""
    names: dict[str, set[str]] = {kind: set() for kind in ("streaming", "other", "liveavatar")}
    for match in pattern.finditer(data):
        raw = match.group("fname") or match.group("cname") or match.group("jname")
        if raw and match.lastgroup in names:
            names[match.lastgroup].add(raw.rsplit(b".", 1)[-1].decode("ascii", "replace"))
    return names


def paths_with_tail_in(paths: list[str], suffixes: set[str]) -> list[str]:
    """The ``paths`` that end with one of ``suffixes`` (each ``/``-led), in order.

    Run on every file of a large project at each hook run: a file name outside the suffixes'
    last components is dropped by one set lookup (``endswith`` of every suffix cost hundreds of
    comparisons a file, and even a few lookups of each path's tails were a tenth of a run)."""
    if not suffixes:
        return []
    names = {suffix[suffix.rfind("/") + 1 :] for suffix in suffixes}
    deepest = max(suffix.count("/") for suffix in suffixes)
    return [
        path
        for path in paths
        if path[path.rfind("/") + 1 :] in names and _has_tail_in(path, suffixes, deepest)
    ]


def _has_tail_in(path: str, suffixes: set[str], deepest: int) -> bool:
    """Does ``path`` end with one of ``suffixes`` (each ``/``-led, at most ``deepest``
    components long)?"""
    at = len(path)
    for _ in range(deepest):
        at = path.rfind("/", 0, at)
        if at < 0:
            return False
        if path[at:] in suffixes:
            return True
    return False


def import_targets(
    path: str, imports: list[tuple[int, str, tuple[str, ...]]]
) -> tuple[set[str], set[str]]:
    """Where the modules a file imports may live: (absolute paths of relative imports,
    path suffixes such as ``/pkg/mod.py`` of absolute ones). Over-approximate on purpose:
    ``from pkg import name`` may import the module ``pkg/name.py`` or a name of ``pkg``."""
    exact: set[str] = set()
    suffixes: set[str] = set()
    directory = os.path.dirname(os.path.abspath(path))
    for level, module, names in imports:
        parts = [p for p in module.split(".") if p]
        if level:
            base = directory
            for _ in range(level - 1):
                base = os.path.dirname(base)
            stem = os.path.join(base, *parts)
            for target in (stem, *(os.path.join(stem, name) for name in names)):
                exact.add(target + ".py")
                exact.add(os.path.join(target, "__init__.py"))
        elif parts:
            for dotted in (parts, *([*parts, name] for name in names)):
                suffix = "/" + "/".join(dotted)
                suffixes.add(suffix + ".py")
                suffixes.add(suffix + "/__init__.py")
    return exact, suffixes


if TYPE_CHECKING:
    from .facts_cache import FactsCache


__all__ = [
    "FactsCollector",
    "FileFacts",
    "expand_base_names",
    "file_facts",
    "import_targets",
    "imported_name_bytes",
    "paths_with_tail_in",
]


def notebook_imports(data: bytes) -> list[tuple[int, str, tuple[str, ...]]]:
    """The imports of a notebook's code cells (IPython lines left out), as in
    :attr:`FileFacts.imports`: which modules a notebook goes with in a partial run."""
    import json

    try:
        cells = json.loads(data).get("cells", [])
    except (ValueError, AttributeError, RecursionError):
        return []
    found: list[tuple[int, str, tuple[str, ...]]] = []
    for cell in cells if isinstance(cells, list) else []:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else str(source)
        lines = ["" if line.lstrip().startswith(("%", "!")) else line for line in text.splitlines()]
        facts = FileFacts()
        _ast_facts("\n".join(lines).encode("utf-8", "replace"), facts)
        found.extend(facts.imports)
    return found
