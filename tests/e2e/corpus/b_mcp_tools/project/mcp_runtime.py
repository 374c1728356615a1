"""Minimal stand-in for FastMCP's decorator API (the real server wraps these for stdio)."""


class ToolRegistry:
    def __init__(self, name):
        self.name = name
        self.tools = {}

    def tool(self):
        def register(fn):
            self.tools[fn.__name__] = fn
            return fn

        return register
