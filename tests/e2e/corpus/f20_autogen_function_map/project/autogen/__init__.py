"""Offline subset of pyautogen 0.2 (vendored so the CI box needs no OpenAI key).

Only the parts kiosk_agents.py uses: agents with an llm_config, and the user proxy's
function map that executes the model's function calls.
"""
import inspect
import json


class ConversableAgent:
    def __init__(self, name, system_message="", llm_config=None, human_input_mode="NEVER", **kwargs):
        self.name = name
        self.system_message = system_message
        self.llm_config = llm_config or {}
        self.human_input_mode = human_input_mode
        self._function_map = {}
        self.chat_messages = []

    @property
    def function_map(self):
        return self._function_map

    def register_function(self, function_map):
        self._function_map.update(function_map)

    def execute_function(self, func_call):
        """Run one function call of the model; returns (is_success, message) like autogen."""
        name = func_call.get("name", "")
        func = self._function_map.get(name)
        if func is None:
            return False, {"name": name, "role": "function", "content": f"Error: Function {name} not found."}
        try:
            arguments = json.loads(func_call.get("arguments") or "{}")
        except json.JSONDecodeError as e:
            return False, {"name": name, "role": "function", "content": f"Error: {e}"}
        if inspect.iscoroutinefunction(func):
            raise RuntimeError("use a_execute_function for async functions")
        try:
            content = func(**arguments)
            ok = True
        except Exception as e:  # autogen reports errors back to the model
            content = f"Error: {e}"
            ok = False
        message = {"name": name, "role": "function", "content": content if isinstance(content, str) else json.dumps(content)}
        self.chat_messages.append(message)
        return ok, message


class AssistantAgent(ConversableAgent):
    pass


class UserProxyAgent(ConversableAgent):
    def __init__(self, name, code_execution_config=False, **kwargs):
        super().__init__(name, **kwargs)
        self.code_execution_config = code_execution_config
