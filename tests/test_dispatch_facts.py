"""The facts scan's byte reading of dispatch helper calls (``engine/dispatch_facts.py``) and its
``ast`` reading of task types chosen by a closure's callers (``engine/task_type_facts.py``)."""

from __future__ import annotations

import ast

from heygen2liveavatar.engine.dispatch_facts import dispatch_calls, may_call_dispatch_helper
from heygen2liveavatar.engine.task_type_facts import run_time_task_types


def test_positional_and_keyword_actions() -> None:
    source = b"""
data = self.gw.call("new", body)
self.gw.call( 'start', {"session_id": sid})
self.gw.call(name="task", body=b)
heygen_call(body, action = "stop")
self.gw.call(body={"a": 1}, name="interrupt")  # quoted arguments before: not read
print("new")
"""
    # Any callee is recorded (``print:new`` too): the project's facts keep the helpers' names.
    assert dispatch_calls(source) == {
        "print:new",
        "call:new",
        "call:start",
        "call:task:name",
        "heygen_call:stop:action",
    }


def test_a_name_cut_by_the_look_back_window_is_not_read() -> None:
    padding = b"x" * 290
    source = b"gateway_call(" + padding + b', name="new")'
    assert dispatch_calls(source) == set()
    assert dispatch_calls(b'gateway_call(a, name="new")') == {"gateway_call:new:name"}


def test_files_without_a_quoted_action_are_not_callers() -> None:
    assert not may_call_dispatch_helper(b"def f(x):\n    return call(x)\n")
    assert may_call_dispatch_helper(b'gw.call("keep_alive", {})')


def _types(source: str) -> set[str] | None:
    return run_time_task_types(ast.parse(source))


def test_task_types_followed_to_a_closure_factorys_literal_calls() -> None:
    factory = """
def make(call):
    def speaker(task_type="repeat"):
        def speak(sid, text):
            call("streaming.task", {"session_id": sid, "text": text, "task_type": task_type})
        return speak
    return {"say": speaker("repeat"), "ask": speaker(task_type=%s), "other": speaker()}
"""
    assert _types(factory % '"repeat"') == {"repeat"}
    assert _types(factory % '"talk"') == {"repeat", "talk"}
    assert _types(factory % "kind") is None  # not a literal


def test_task_types_not_followed_beyond_a_closure() -> None:
    module_level = """
def speak(sid, text, task_type):
    post("streaming.task", {"session_id": sid, "text": text, "task_type": task_type})

speak(1, "hi", "repeat")
"""
    assert _types(module_level) is None  # other modules may call it with any type
    escaping = """
def make(call):
    def speaker(task_type):
        def speak(sid, text):
            call("streaming.task", {"task_type": task_type})
        return speak
    return speaker
"""
    assert _types(escaping) is None  # the factory itself is handed out
    attribute = """
def make(self):
    return {"task_type": self.kind}
"""
    assert _types(attribute) is None
