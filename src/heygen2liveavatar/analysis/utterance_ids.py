"""One ``event_id`` per utterance on the LITE WebSocket.

HeyGen's realtime socket took ``agent.audio_buffer_append`` chunks under any ``event_id`` (code
usually mints a fresh ``uuid4`` per message) and closed the utterance with
``agent.audio_buffer_commit``. LiveAvatar's ``agent.speak`` wants the *same* ``event_id`` for
every chunk of one utterance and its ``agent.speak_end`` (api-reference 4.4). This module finds,
in one function, the append message whose id is minted per message and the commit that closes
it, and says where one id for both must be minted: before the outermost loop that sends the
chunks, or before the append when it is sent once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

import libcst as cst

from .index import ModuleIndex, dotted_name, walk_nodes
from .payloads import add_dict_entry, dict_keys

EVENT_ID_FIELD = "event_id"
Message = Union[cst.Dict, cst.Call]
"""A realtime message: its dict, or the call of a send helper given its type and fields
(``self._send("agent.audio_buffer_append", audio=chunk)``)."""
_LOOPS = (cst.For, cst.While)


@dataclass(frozen=True)
class SharedUtteranceId:
    """Where one ``event_id`` replaces the ids minted per message."""

    mint_before: cst.SimpleStatementLine | cst.BaseCompoundStatement
    """The statement before which the id is minted (the chunk loop, or the append)."""
    minted: cst.BaseExpression
    """How the code minted its ids (``uuid.uuid4().hex``): the new id is minted the same way."""
    values: tuple[cst.BaseExpression, ...]
    """The ``event_id`` values of the append and commit messages, to be replaced by the name."""
    name: str
    """A name free in the function for the id."""
    without: tuple[Message, ...] = ()
    """The messages that sent no ``event_id`` (HeyGen's was optional): they get the name."""
    needs_uuid: bool = False
    """No message minted an id: the new one is ``uuid.uuid4().hex`` (``uuid`` imported)."""
    renew_after: cst.SimpleStatementLine | None = None
    """The commit, when it is sent inside the chunks' loop: the next utterance's id is minted
    after it."""


def _value(message: Message, key: str) -> cst.BaseExpression | None:
    if isinstance(message, cst.Call):
        return next(
            (a.value for a in message.args if a.keyword is not None and a.keyword.value == key),
            None,
        )
    element = dict_keys(message).get(key)
    return element.value if element is not None else None


def with_field(message: cst.CSTNode, key: str, value: cst.BaseExpression) -> cst.CSTNode:
    """``message`` (a dict, or a send helper's call) with ``key`` set to ``value``."""
    if isinstance(message, cst.Dict):
        return add_dict_entry(message, key, value)
    if isinstance(message, cst.Call):
        return message.with_changes(
            args=[
                *message.args,
                cst.Arg(
                    value,
                    keyword=cst.Name(key),
                    equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")),
                ),
            ]
        )
    return message


def _comparable(append: Message, commit: Message) -> bool:
    """Two dicts, or two calls of one send helper that takes the fields as keywords (the
    chunk's call passes its audio so)."""
    if isinstance(append, cst.Dict) and isinstance(commit, cst.Dict):
        return True
    return (
        isinstance(append, cst.Call)
        and isinstance(commit, cst.Call)
        and dotted_name(append.func) is not None
        and dotted_name(append.func) == dotted_name(commit.func)
        and any(a.keyword is not None for a in append.args)
        and not any(a.star for a in (*append.args, *commit.args))
    )


def _mints_id(value: cst.BaseExpression | None) -> bool:
    """``uuid.uuid4().hex``, ``str(uuid4())``, ``secrets.token_hex(8)``: a call in the value
    mints a new id each time the message is built."""
    return value is not None and any(type(n) is cst.Call for n in walk_nodes(value))


def shared_utterance_id(
    index: ModuleIndex, append: Message, commit: Message
) -> SharedUtteranceId | None:
    """The fix for an append message and the commit after it in the same function when each
    mints its own id or sends none (HeyGen's was optional, LiveAvatar's is required); ``None``
    when the ids are already shared (a name, a parameter)."""
    if not _comparable(append, commit):
        return None
    append_id = _value(append, EVENT_ID_FIELD)
    commit_id = _value(commit, EVENT_ID_FIELD)
    if any(value is not None and not _mints_id(value) for value in (append_id, commit_id)):
        return None
    function = _function_of(index, append)
    if function is None or _function_of(index, commit) is not function:
        return None
    statement = index.statement_of(append)
    if statement is None:
        return None
    anchor: cst.CSTNode = statement
    current = index.parent_of(statement)
    while current is not None and current is not function:
        if isinstance(current, _LOOPS):
            anchor = current
        current = index.parent_of(current)
    if not isinstance(anchor, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
        return None
    renew_after: cst.SimpleStatementLine | None = None
    if _inside(index, commit, anchor):
        # The commit inside the chunks' loop (a queue consumer ending an utterance on a
        # sentinel, or one utterance per chunk): a new id after each commit.
        commit_statement = index.statement_of(commit)
        if not isinstance(commit_statement, cst.SimpleStatementLine):
            return None
        renew_after = commit_statement
    elif index.position_of(commit) < index.position_of(append):
        return None
    name = _unused_name("utterance_id", function)
    given = tuple(value for value in (append_id, commit_id) if value is not None)
    without = tuple(
        message for message, value in ((append, append_id), (commit, commit_id)) if value is None
    )
    minted = commit_id or append_id or _new_id()
    return SharedUtteranceId(anchor, minted, given, name, without, not given, renew_after)


def _new_id() -> cst.BaseExpression:
    """``uuid.uuid4().hex``."""
    return cst.Attribute(
        cst.Call(cst.Attribute(cst.Name("uuid"), cst.Name("uuid4"))), cst.Name("hex")
    )


@dataclass(frozen=True)
class InstanceUtteranceId:
    """One ``event_id`` per utterance kept on the instance, when a class sends the chunks and
    the end of an utterance from different methods (pipecat's audio frames and its stop frame),
    neither message with an id: minted in ``__init__`` and again after each end."""

    init_last: cst.SimpleStatementLine | cst.BaseCompoundStatement
    """The last statement of ``__init__``: the first id is minted after it."""
    commit_statement: cst.SimpleStatementLine | cst.BaseCompoundStatement
    """The statement sending the end: the next utterance's id is minted after it."""
    messages: tuple[Message, Message]
    attribute: str
    """A name no code of the class uses (``_utterance_id``)."""


def instance_utterance_id(
    index: ModuleIndex, append: Message, commit: Message
) -> InstanceUtteranceId | None:
    """The fix for an append message and an end message without ids, sent by two methods of
    one class that has an ``__init__``; ``None`` otherwise."""
    if not _comparable(append, commit):
        return None
    if _value(append, EVENT_ID_FIELD) is not None or _value(commit, EVENT_ID_FIELD) is not None:
        return None
    sender, ender = _function_of(index, append), _function_of(index, commit)
    if sender is None or ender is None or sender is ender:
        return None
    owner = index.parent_of(index.parent_of(sender) or sender)
    if (
        not isinstance(owner, cst.ClassDef)
        or index.parent_of(index.parent_of(ender) or ender) is not owner
    ):
        return None
    init = next(
        (
            statement
            for statement in owner.body.body
            if type(statement) is cst.FunctionDef and statement.name.value == "__init__"
        ),
        None,
    )
    statement = index.statement_of(commit)
    if (
        init is None
        or not isinstance(init.body, cst.IndentedBlock)
        or not init.body.body
        or not isinstance(statement, cst.SimpleStatementLine)
    ):
        return None
    attribute = _unused_name("_utterance_id", owner)
    last = init.body.body[-1]
    if not isinstance(last, (cst.SimpleStatementLine, cst.BaseCompoundStatement)) or (
        isinstance(last, cst.SimpleStatementLine)
        and any(isinstance(small, (cst.Return, cst.Raise)) for small in last.body)
    ):
        return None
    return InstanceUtteranceId(last, statement, (append, commit), attribute)


def new_id() -> cst.BaseExpression:
    """``uuid.uuid4().hex``: the id minted where the code minted none."""
    return _new_id()


def _function_of(index: ModuleIndex, node: cst.CSTNode) -> cst.FunctionDef | None:
    current = index.parent_of(node)
    while current is not None and type(current) is not cst.FunctionDef:
        current = index.parent_of(current)
    return current if type(current) is cst.FunctionDef else None


def _inside(index: ModuleIndex, node: cst.CSTNode, ancestor: cst.CSTNode) -> bool:
    current = index.parent_of(node)
    while current is not None:
        if current is ancestor:
            return True
        current = index.parent_of(current)
    return False


def _unused_name(base: str, scope: cst.CSTNode) -> str:
    """``base``, or ``base2``, ``base3``...: the first no name in ``scope`` already spells."""
    used = {n.value for n in walk_nodes(scope) if type(n) is cst.Name}
    return next(
        candidate
        for candidate in (base, *(f"{base}{n}" for n in range(2, 100)))
        if candidate not in used
    )


__all__ = [
    "EVENT_ID_FIELD",
    "InstanceUtteranceId",
    "Message",
    "SharedUtteranceId",
    "instance_utterance_id",
    "new_id",
    "shared_utterance_id",
    "with_field",
]
