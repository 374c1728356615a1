"""A sliver of an AutoGen-like framework: registration decorators and a tool executor."""

import inspect


class ConversableAgent:
    def __init__(self, name):
        self.name = name
        self.llm_tools = {}
        self.function_map = {}

    def register_for_llm(self, *, description, name=None):
        def deco(fn):
            self.llm_tools[name or fn.__name__] = {
                "description": description,
                "parameters": list(inspect.signature(fn).parameters),
            }
            return fn

        return deco

    def register_for_execution(self, name=None):
        def deco(fn):
            self.function_map[name or fn.__name__] = fn
            return fn

        return deco

    async def a_execute_function(self, call):
        fn = self.function_map[call["name"]]
        result = fn(**call.get("arguments", {}))
        if inspect.isawaitable(result):
            result = await result
        return {"name": call["name"], "content": result}
