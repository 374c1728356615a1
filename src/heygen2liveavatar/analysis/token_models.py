"""Models that a generic request helper builds from the token response (formerly
``streaming.new``) before any code of the caller sees it.

An OpenAPI-generated client hands its transport the class to parse into:
``api_client.call_api("/v1/streaming.new", "POST", body=..., response_type=NewSessionResponse)``
returns ``response_type.from_dict(data)``. The session is started only by the code that holds
the parsed token response, and here the model parses it first: its reads of ``url`` or
``access_token`` (which LiveAvatar returns from /v1/sessions/start, under other names) fail
inside the model. Those reads are what a person has to see, at the line that fails.

The classes are named at the request (:func:`named_models`: in this module) or by the project
facts (``ProjectFacts.token_response_models``, read with ``ast`` by
``engine/token_model_facts.py``); :func:`start_only_reads` finds the reads in their module,
following a model into the nested models it builds (``NewSessionData.from_dict(obj["data"])``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import libcst as cst

from ..apispec.session_fields import RESPONSE_FIELDS_BY_ENDPOINT, RESPONSE_TYPE_KEYWORDS
from .http import RequestSite
from .index import ModuleIndex

START_ONLY_KEYS = RESPONSE_FIELDS_BY_ENDPOINT["new"]
"""Keys of HeyGen's ``streaming.new`` response that LiveAvatar's token response lacks."""


def named_models(requests: Iterable[RequestSite]) -> set[str]:
    """The classes this module's ``streaming.new`` requests name as their ``response_type``."""
    names: set[str] = set()
    for request in requests:
        if request.endpoint is None or request.endpoint.key != "new":
            continue
        for argument in request.node.args:
            keyword = argument.keyword
            if keyword is None or keyword.value not in RESPONSE_TYPE_KEYWORDS:
                continue
            if type(argument.value) is cst.Name:
                names.add(argument.value.value)
            elif type(argument.value) is cst.SimpleString:
                value = argument.value.evaluated_value
                if isinstance(value, str) and value.isidentifier():
                    names.add(value)  # older generators name the model as a string
    return names


def start_only_reads(
    index: ModuleIndex, names: Iterable[str]
) -> Iterator[tuple[cst.ClassDef, cst.Subscript | cst.Call, str]]:
    """(class, read, key) for each read of a :data:`START_ONLY_KEYS` key (``obj["url"]``,
    ``obj.get("url")``) in the methods of the module-level classes ``names`` and of the
    module's classes they build (called by name in their methods)."""
    classes = {
        statement.name.value: statement
        for statement in index.module.body
        if type(statement) is cst.ClassDef
    }
    reached = {name for name in names if name in classes}
    if not reached:
        return
    pending = list(reached)
    while pending:  # the nested models a model builds: ``NewSessionData.from_dict(...)``
        owner = classes[pending.pop()]
        for call in index.calls:
            if call.context.class_def is not owner or not call.name:
                continue
            built = call.name.split(".", 1)[0]
            if built in classes and built not in reached:
                reached.add(built)
                pending.append(built)
    owners = {id(classes[name]): classes[name] for name in reached}
    for subscript in index.subscripts:
        owner_node = subscript.context.class_def
        if owner_node is not None and id(owner_node) in owners and subscript.key in START_ONLY_KEYS:
            yield owner_node, subscript.node, subscript.key
    for call in index.calls:
        owner_node = call.context.class_def
        if owner_node is None or id(owner_node) not in owners:
            continue
        if not call.name or not call.name.endswith(".get") or not call.node.args:
            continue
        first = call.node.args[0].value
        if type(first) is cst.SimpleString and first.evaluated_value in START_ONLY_KEYS:
            yield owner_node, call.node, str(first.evaluated_value)
