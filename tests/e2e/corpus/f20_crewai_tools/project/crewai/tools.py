"""Minimal stand-in for crewai.tools: the @tool decorator and the Tool it returns."""
import inspect
import json


class Tool:
    def __init__(self, name, func):
        self.name = name
        self.func = func
        self.description = inspect.getdoc(func) or ""
        self.args = list(inspect.signature(func).parameters)

    def run(self, *args, **kwargs):
        # agents hand tool input over as a JSON string or as a dict
        if len(args) == 1 and isinstance(args[0], str) and args[0].startswith("{"):
            kwargs = {**json.loads(args[0]), **kwargs}
            args = ()
        elif len(args) == 1 and isinstance(args[0], dict):
            kwargs = {**args[0], **kwargs}
            args = ()
        return self.func(*args, **kwargs)

    def __repr__(self):
        return f"Tool(name={self.name!r}, args={self.args})"


def tool(name):
    if callable(name):  # bare @tool
        return Tool(name.__name__, name)

    def decorator(func):
        return Tool(name, func)

    return decorator
